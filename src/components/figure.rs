//! A result figure: formatted for people, exact for machines
//! (`data-testid` = its path in the results JSON, `data-value` = the
//! engine's unrounded value).

use yew::prelude::*;

/// Props of [`Figure`].
#[derive(Properties, PartialEq)]
pub struct FigureProps {
    /// Path in the results JSON of SCENARIO.md.
    pub testid: AttrValue,
    /// Caption.
    pub label: AttrValue,
    /// The figure as people read it.
    pub shown: AttrValue,
    /// The exact engine value; empty when the figure does not exist.
    pub value: AttrValue,
    /// A line under the figure.
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// Extra class (e.g. `good`, `bad`).
    #[prop_or_default]
    pub tone: Option<AttrValue>,
}

/// One headline card.
#[function_component(Figure)]
pub fn figure(props: &FigureProps) -> Html {
    html! {
        <div class={classes!("figure", props.tone.clone())}>
            <p class="figure-label">{ props.label.clone() }</p>
            <p class="figure-value" data-testid={props.testid.clone()} data-value={props.value.clone()}>
                { props.shown.clone() }
            </p>
            if let Some(note) = &props.note {
                <p class="figure-note">{ note.clone() }</p>
            }
        </div>
    }
}

/// A table cell carrying its exact value.
pub fn value_cell(testid: String, shown: String, value: String) -> Html {
    html! { <td class="num" data-testid={testid} data-value={value}>{ shown }</td> }
}

use engine::finance::{Irr, IrrStatus, NoIrrReason};
use rust_decimal::Decimal;

use crate::format;
use crate::i18n::{text, Lang, Msg};

/// An IRR as shown (`12.01 %`, several roots joined, or the reason there is
/// none), its exact value (roots comma-separated) and a note.
pub fn irr_parts(lang: Lang, irr: &Irr) -> (String, String, Option<&'static str>) {
    match irr.status {
        IrrStatus::Single | IrrStatus::Multiple => {
            let shown: Vec<String> = irr
                .roots
                .iter()
                .map(|root| format::percent(*root))
                .collect();
            let exact: Vec<String> = irr.roots.iter().map(|root| format::exact(*root)).collect();
            let note = (irr.status == IrrStatus::Multiple).then(|| text(lang, Msg::MultipleIrr));
            (shown.join(" · "), exact.join(","), note)
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
pub fn payback_parts(lang: Lang, years: Option<Decimal>) -> (String, String) {
    match years {
        Some(years) => (format::years(lang, years), format::exact(years)),
        None => (text(lang, Msg::NotRecovered).to_owned(), String::new()),
    }
}

/// Money as shown in the current language, and its exact value.
pub fn money_parts(lang: Lang, wan: Decimal) -> (String, String) {
    (format::money(lang, wan), format::exact(wan))
}
