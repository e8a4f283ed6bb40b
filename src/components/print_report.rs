//! The parts of the printed A4 report that the screen does not show: the
//! inputs changed from their defaults, and the link with its QR code. The
//! print stylesheet shows these with the headline, tables and charts.

use yew::prelude::*;

use crate::components::field::value_words;
use crate::components::qr_code::qr_code;
use crate::i18n::inputs::label;
use crate::i18n::{text, Msg};
use crate::inputs::Input;
use crate::settle::use_settled;
use crate::state::State;

/// Props of [`PrintReport`].
#[derive(Properties, PartialEq)]
pub struct PrintReportProps {
    /// The app state.
    pub state: UseReducerHandle<State>,
    /// The link to the scenario.
    pub link: AttrValue,
}

/// The report's inputs and link (hidden on screen).
#[function_component(PrintReport)]
pub fn print_report(props: &PrintReportProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    // Like the share panel's, the code follows the link once typing pauses
    // (crate::settle): it is drawn only for paper, long after the last edit.
    let qr_link = use_settled(props.link.clone());
    let key_inputs = [Input::Cluster, Input::SiteMode];
    let listed: Vec<Input> = key_inputs
        .into_iter()
        .chain(
            state
                .form
                .entries
                .keys()
                .copied()
                .filter(|input| !key_inputs.contains(input)),
        )
        .collect();
    html! {
        <section class="print-only print-report" aria-hidden="true">
            <h2>{ state.form.shown(Input::Name) }</h2>
            <h3>{ text(lang, Msg::ReportInputs) }</h3>
            if state.form.entries.is_empty() {
                <p>{ text(lang, Msg::NoChangedInputs) }</p>
            }
            <table class="data">
                <tbody>
                    { for listed.iter().map(|input| {
                        let words = value_words(lang, *input, &state.form.shown(*input));
                        html! {
                            <tr>
                                <th scope="row">{ label(lang, *input) }</th>
                                <td>{ words }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <div class="print-link">
                <div>
                    <p>{ text(lang, Msg::PrintedFrom) }</p>
                    <p class="link-text">{ props.link.clone() }</p>
                </div>
                <div class="print-qr">{ qr_link.map(qr_code).unwrap_or_default() }</div>
            </div>
        </section>
    }
}
