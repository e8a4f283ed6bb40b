//! Headline figures: each carries its exact engine value in `data-value`.

use engine::finance::{IrrStatus, NoIrrReason};
use rust_decimal::Decimal;
use yew::prelude::*;

use crate::components::notice::Notice;
use crate::format;
use crate::i18n::{text, Lang, Msg};
use crate::state::FlowsResult;

/// Props of [`ResultFigure`].
#[derive(Properties, PartialEq)]
pub struct ResultFigureProps {
    /// Path of the figure for tests (`data-testid`).
    pub testid: AttrValue,
    /// Its caption.
    pub label: AttrValue,
    /// The formatted figure.
    pub shown: AttrValue,
    /// The engine's exact value, unrounded (`data-value`); empty for none.
    pub value: AttrValue,
    /// A line of explanation under the figure.
    #[prop_or_default]
    pub note: Option<AttrValue>,
}

/// One headline card.
#[function_component(ResultFigure)]
pub fn result_figure(props: &ResultFigureProps) -> Html {
    html! {
        <div class="figure">
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

/// Props of [`ResultsPanel`].
#[derive(Properties, PartialEq)]
pub struct ResultsPanelProps {
    /// Display language.
    pub lang: Lang,
    /// The last valid result.
    pub result: Option<FlowsResult>,
    /// Whether the result belongs to older input.
    pub stale: bool,
}

fn years(lang: Lang, value: Option<Decimal>) -> (String, String) {
    match value {
        Some(years) => (
            format!("{} {}", format::amount(years), text(lang, Msg::Years)),
            years.to_string(),
        ),
        None => (text(lang, Msg::NotRecovered).to_owned(), String::new()),
    }
}

/// The headline results, in a live region so screen readers hear updates.
#[function_component(ResultsPanel)]
pub fn results_panel(props: &ResultsPanelProps) -> Html {
    let lang = props.lang;
    let Some(result) = &props.result else {
        return html! {};
    };
    let (irr_shown, irr_value, irr_note) = match result.irr.status {
        IrrStatus::Single => {
            let root = result.irr.roots.first().copied().unwrap_or_default();
            (format::percent(root), root.to_string(), None)
        }
        IrrStatus::Multiple => {
            let shown: Vec<String> = result
                .irr
                .roots
                .iter()
                .map(|root| format::percent(*root))
                .collect();
            let value: Vec<String> = result.irr.roots.iter().map(ToString::to_string).collect();
            (
                shown.join(" · "),
                value.join(","),
                Some(text(lang, Msg::MultipleIrr)),
            )
        }
        IrrStatus::None => {
            let reason = match result.irr.reason {
                Some(NoIrrReason::NoRootInRange) => Msg::NoIrrNoRootInRange,
                _ => Msg::NoIrrNoSignChange,
            };
            ("—".to_owned(), String::new(), Some(text(lang, reason)))
        }
    };
    let (static_shown, static_value) = years(lang, result.static_payback);
    let (dynamic_shown, dynamic_value) = years(lang, result.dynamic_payback);
    html! {
        <section class={classes!("card", "results", props.stale.then_some("stale"))} aria-labelledby="results-heading">
            <h2 id="results-heading">{ text(lang, Msg::ResultsHeading) }</h2>
            if props.stale {
                <Notice code="stale" text={text(lang, Msg::Stale)} />
            }
            <div class="figures" aria-live="polite">
                <ResultFigure testid="flows.npv" label={text(lang, Msg::Npv)} shown={format::amount(result.npv)} value={result.npv.to_string()} />
                <ResultFigure testid="flows.irr" label={text(lang, Msg::Irr)} shown={irr_shown} value={irr_value} note={irr_note.map(AttrValue::from)} />
                <ResultFigure testid="flows.static_payback" label={text(lang, Msg::StaticPayback)} shown={static_shown} value={static_value} />
                <ResultFigure testid="flows.dynamic_payback" label={text(lang, Msg::DynamicPayback)} shown={dynamic_shown} value={dynamic_value} />
            </div>
        </section>
    }
}
