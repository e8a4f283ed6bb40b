//! Sensitivity (MODEL.md rules 47–48): the tornado of after-tax project
//! NPV, and the switching values at which NPV reaches zero.

use engine::sensitivity::SensitiveInput;
use engine::Results;
use rust_decimal::Decimal;
use yew::prelude::*;

use crate::components::charts::TornadoChart;
use crate::format;
use crate::i18n::charts::sensitive_input_name;
use crate::i18n::{text, Lang, Msg};

/// Props of [`Sensitivity`].
#[derive(Properties, PartialEq)]
pub struct SensitivityProps {
    /// Display language.
    pub lang: Lang,
    /// The results shown.
    pub results: std::rc::Rc<Results>,
    /// The sensitivity range in force (e.g. 0.2).
    pub range: Decimal,
}

/// The tornado and the switching values.
#[function_component(Sensitivity)]
pub fn sensitivity(props: &SensitivityProps) -> Html {
    let lang = props.lang;
    let results = &props.results;
    html! {
        <section class="block" aria-labelledby="sensitivity-heading">
            <h3 id="sensitivity-heading">{ text(lang, Msg::SensitivityHeading) }</h3>
            <p class="explain">{ text(lang, Msg::TornadoExplained) }</p>
            <TornadoChart {lang} base_npv={results.statements.project_after_tax.npv}
                bars={results.tornado.clone()} range={props.range} />
            <h4>{ text(lang, Msg::SwitchingHeading) }</h4>
            <div class="table-scroll" tabindex="0">
                <table class="data" data-testid="switching-table">
                    <thead>
                        <tr>
                            <th scope="col">{ text(lang, Msg::SwitchingInput) }</th>
                            <th scope="col">{ text(lang, Msg::SwitchingChange) }</th>
                            <th scope="col">{ text(lang, Msg::SwitchingValue) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for results.switching_values.iter().map(|(input, switching)| {
                            let key = input.as_str();
                            let (delta_shown, delta_value) = match switching.delta {
                                Some(delta) => (format!("{}{}", if delta.is_sign_positive() { "+" } else { "" }, format::percent(delta)), format::exact(delta)),
                                None => (text(lang, Msg::NoCrossing).to_owned(), String::new()),
                            };
                            let (value_shown, value_exact) = match switching.value {
                                Some(value) if *input == SensitiveInput::MaterialsRatio => (format::percent(value), format::exact(value)),
                                Some(value) => (format::money(lang, value), format::exact(value)),
                                None => ("—".to_owned(), String::new()),
                            };
                            html! {
                                <tr>
                                    <th scope="row">{ sensitive_input_name(lang, *input) }</th>
                                    <td class="num" data-testid={format!("switching_values.{key}.delta")} data-value={delta_value}>
                                        { delta_shown }
                                        if switching.jump {
                                            <span class="explain">{ format!(" ({})", text(lang, Msg::SwitchingJump)) }</span>
                                        }
                                    </td>
                                    <td class="num" data-testid={format!("switching_values.{key}.value")} data-value={value_exact}>{ value_shown }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
