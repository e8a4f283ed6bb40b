//! Sensitivity (MODEL.md rules 47–48): the tornado of after-tax project
//! NPV, and the switching values at which NPV reaches zero.

use engine::sensitivity::SensitiveInput;
use engine::Results;
use rust_decimal::Decimal;
use yew::prelude::*;

use crate::components::charts::tornado_chart;
use crate::components::figure::{block, head_row, money_parts, scroll_table};
use crate::format;
use crate::i18n::charts::sensitive_input_name;
use crate::i18n::{text, Lang, Msg};

/// The tornado and the switching values, for the sensitivity range in
/// force (e.g. 0.2).
pub fn sensitivity(lang: Lang, results: &Results, range: Decimal) -> Html {
    let rows = results.switching_values.iter().map(|(input, switching)| {
        let key = input.as_str();
        let (delta_shown, delta_value) = match switching.delta {
            Some(delta) => {
                let sign = if delta.is_sign_positive() { "+" } else { "" };
                (sign.to_owned() + &format::percent(delta), format::exact(delta))
            }
            None => (text(lang, Msg::NoCrossing).to_owned(), String::new()),
        };
        let (value_shown, value_exact) = match switching.value {
            Some(value) if *input == SensitiveInput::MaterialsRatio => (format::percent(value), format::exact(value)),
            Some(value) => money_parts(lang, value),
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
    });
    let head = head_row(&[
        text(lang, Msg::SwitchingInput),
        text(lang, Msg::SwitchingChange),
        text(lang, Msg::SwitchingValue),
    ]);
    block(
        "sensitivity-heading",
        text(lang, Msg::SensitivityHeading),
        html! {
            <>
                <p class="explain">{ text(lang, Msg::TornadoExplained) }</p>
                { tornado_chart(lang, results.statements.project_after_tax.npv, &results.tornado, range) }
                <h4>{ text(lang, Msg::SwitchingHeading) }</h4>
                { scroll_table("data", Some("switching-table"), None, head, rows.collect()) }
            </>
        },
    )
}
