//! The parts of the printed A4 report that the screen does not show: the
//! inputs changed from their defaults, and the link with its QR code. The
//! print stylesheet shows these with the headline, tables and charts.

use yew::prelude::*;

use crate::components::field::value_words;
use crate::components::qr_code::qr_code;
use crate::i18n::inputs::label;
use crate::i18n::{text, Msg};
use crate::inputs::Input;
use crate::state::State;

/// The report's inputs and the page's `link` with its QR code, drawn once
/// the link has settled (`qr_link`; hidden on screen).
pub fn print_report(state: &State, link: AttrValue, qr_link: Option<AttrValue>) -> Html {
    let lang = state.lang;
    let key_inputs = [Input::Cluster, Input::SiteMode];
    let listed = key_inputs.into_iter().chain(
        state
            .form
            .entries
            .keys()
            .copied()
            .filter(|input| !key_inputs.contains(input)),
    );
    html! {
        <section class="print-only print-report" aria-hidden="true">
            <h2>{ state.form.shown(Input::Name) }</h2>
            <h3>{ text(lang, Msg::ReportInputs) }</h3>
            if state.form.entries.is_empty() {
                <p>{ text(lang, Msg::NoChangedInputs) }</p>
            }
            <table class="data">
                <tbody>
                    { for listed.map(|input| {
                        let words = value_words(lang, input, &state.form.shown(input));
                        html! {
                            <tr>
                                <th scope="row">{ label(lang, input) }</th>
                                <td>{ words }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <div class="print-link">
                <div>
                    <p>{ text(lang, Msg::PrintedFrom) }</p>
                    <p class="link-text">{ link }</p>
                </div>
                <div class="print-qr">{ qr_link.map(qr_code).unwrap_or_default() }</div>
            </div>
        </section>
    }
}
