//! A result figure: formatted for people, exact for machines
//! (`data-testid` = its path in the results JSON, `data-value` = the
//! engine's unrounded value), and the pieces the result blocks share.

use engine::finance::{Irr, IrrStatus, NoIrrReason};
use rust_decimal::Decimal;
use yew::prelude::*;

use crate::format;
use crate::i18n::{fill, text, Lang, Msg};

/// A figure as people read it and its exact value (empty when the figure
/// does not exist).
pub type Parts = (String, String);

/// One headline card: caption, figure, an optional line under it; `class`
/// is `figure`, or with its tone `figure good` or `figure bad`.
pub fn figure(
    testid: &'static str,
    label: &'static str,
    (shown, value): Parts,
    note: Option<String>,
    class: &'static str,
) -> Html {
    html! {
        <div {class}>
            <p class="figure-label">{ label }</p>
            <p class="figure-value" data-testid={testid} data-value={value}>{ shown }</p>
            if let Some(note) = note {
                <p class="figure-note">{ note }</p>
            }
        </div>
    }
}

/// A table cell carrying its exact value.
pub fn value_cell(testid: AttrValue, (shown, value): Parts) -> Html {
    html! { <td class="num" data-testid={testid} data-value={value}>{ shown }</td> }
}

/// A term and its figure in a `<dl class="pairs">`.
pub fn pair(term: &'static str, testid: AttrValue, (shown, value): Parts) -> Html {
    html! {
        <>
            <dt>{ term }</dt>
            <dd data-testid={testid} data-value={value}>{ shown }</dd>
        </>
    }
}

/// A row of column headers (`<th scope="col">`).
pub fn head_row(cells: &[&str]) -> Html {
    html! {
        <tr>
            { for cells.iter().map(|cell| html! { <th scope="col">{ *cell }</th> }) }
        </tr>
    }
}

/// An IRR as shown (`12.01 %`, several roots joined, or the reason there is
/// none), its exact value (roots comma-separated) and a note.
pub fn irr_parts(lang: Lang, irr: &Irr) -> (String, String, Option<&'static str>) {
    match irr.status {
        IrrStatus::Single | IrrStatus::Multiple => {
            let mut shown = String::new();
            let mut exact = String::new();
            for (index, root) in irr.roots.iter().enumerate() {
                if index > 0 {
                    shown.push_str(" · ");
                    exact.push(',');
                }
                shown.push_str(&format::percent(*root));
                exact.push_str(&format::exact(*root));
            }
            let note = (irr.status == IrrStatus::Multiple).then(|| text(lang, Msg::MultipleIrr));
            (shown, exact, note)
        }
        IrrStatus::None => {
            let reason = match irr.reason {
                Some(NoIrrReason::NoRootInRange) => Msg::NoIrrNoRootInRange,
                _ => Msg::NoIrrNoSignChange,
            };
            ("—".to_owned(), String::new(), Some(text(lang, reason)))
        }
    }
}

/// A payback period as shown and its exact value (empty when not recovered).
pub fn payback_parts(lang: Lang, years: Option<Decimal>) -> Parts {
    match years {
        Some(years) => (format::years(lang, years), format::exact(years)),
        None => (text(lang, Msg::NotRecovered).to_owned(), String::new()),
    }
}

/// Money as shown in the current language, and its exact value.
pub fn money_parts(lang: Lang, wan: Decimal) -> Parts {
    (format::money(lang, wan), format::exact(wan))
}

/// A year as shown ("第 3 年") and its number, or `none` and no value.
pub fn year_parts(lang: Lang, year: Option<u32>, none: Msg) -> Parts {
    match year {
        Some(year) => {
            let number = year.to_string();
            (fill(lang, Msg::YearNumber, &number), number)
        }
        None => (text(lang, none).to_owned(), String::new()),
    }
}

/// A block of the results: a section named by its `<h3>` heading.
pub fn block(id: &'static str, heading: &'static str, body: Html) -> Html {
    html! {
        <section class="block" aria-labelledby={id}>
            <h3 id={id}>{ heading }</h3>
            { body }
        </section>
    }
}

/// A data table in a box that scrolls sideways on narrow screens.
pub fn scroll_table(
    class: &'static str,
    testid: Option<&'static str>,
    caption: Option<&'static str>,
    head: Html,
    body: Html,
) -> Html {
    html! {
        <div class="table-scroll" tabindex="0">
            <table class={class} data-testid={testid}>
                if let Some(caption) = caption {
                    <caption>{ caption }</caption>
                }
                <thead>{ head }</thead>
                <tbody>{ body }</tbody>
            </table>
        </div>
    }
}
