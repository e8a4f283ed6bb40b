//! The year-by-year table: the three net cash flows always, every other line
//! of the model behind "Details" (rendered only while open, so typing stays
//! fast).

use engine::Results;
use rust_decimal::Decimal;
use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use crate::components::figure::{block, scroll_table, value_cell};
use crate::format;
use crate::i18n::lines::{is_ratio_line, line_label};
use crate::i18n::{fill, text, Lang, Msg};

/// Lines always shown, in this order.
const MAIN_LINES: [&str; 8] = [
    "sales",
    "cash_in",
    "cash_out",
    "ncf_project_before_tax",
    "adjusted_cit",
    "ncf_project_after_tax",
    "cit",
    "ncf_equity",
];

fn row(lang: Lang, key: &str, values: &[Decimal]) -> Html {
    let label = line_label(lang, key).unwrap_or(key);
    let strong = key.starts_with("ncf_");
    let ratio = is_ratio_line(key);
    html! {
        <tr class={strong.then_some("strong")}>
            <th scope="row">{ label }</th>
            { for values.iter().zip(1..).map(|(value, year)| {
                let shown = if ratio {
                    format::percent(*value)
                } else {
                    format::money_in_table(lang, *value)
                };
                value_cell(format!("annual.{key}.{year}").into(), (shown, format::exact(*value)))
            }) }
        </tr>
    }
}

/// The table of every yearly line; `open` says whether "Details" is open
/// (kept by the results panel, so that the table needs no state of its own).
pub fn year_table(lang: Lang, results: &Results, open: UseStateHandle<bool>) -> Html {
    let lines = results.table.lines();
    let years = results.table.timeline.horizon;
    let is_open = *open;
    let ontoggle = Callback::from(move |event: Event| {
        open.set(event.target_unchecked_into::<HtmlDetailsElement>().open());
    });
    let head = html! {
        <tr>
            <th scope="col">{ format::with_table_unit(lang, text(lang, Msg::Line)) }</th>
            { for (1..=years).map(|year| html! { <th scope="col">{ fill(lang, Msg::YearNumber, &year.to_string()) }</th> }) }
        </tr>
    };
    let main: Html = MAIN_LINES
        .iter()
        .filter_map(|key| lines.iter().find(|(name, _)| name == key))
        .map(|(key, values)| row(lang, key, values))
        .collect();
    block(
        "years-heading",
        text(lang, Msg::YearTableHeading),
        html! {
            <>
                { scroll_table("data years", Some("year-table"), None, head.clone(), main) }
                <details class="year-details" {ontoggle} data-testid="year-details">
                    <summary>{ text(lang, Msg::ShowDetails) }</summary>
                    if is_open {
                        { scroll_table("data years", None, None, head, lines
                            .iter()
                            .filter(|(key, _)| !MAIN_LINES.contains(key))
                            .map(|(key, values)| row(lang, key, values))
                            .collect()) }
                    }
                </details>
            </>
        },
    )
}
