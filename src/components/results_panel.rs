//! The results side of the page, from the headline down to the year table.

use std::rc::Rc;

use engine::{Inputs, Results};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::components::buy_vs_rent::buy_vs_rent;
use crate::components::charts::{cash_flow_chart, incentive_chart};
use crate::components::headline::headline;
use crate::components::method::method;
use crate::components::mu_block::mu_block;
use crate::components::notice::{notice, Tone};
use crate::components::park_ledger::park_ledger;
use crate::components::sensitivity::sensitivity;
use crate::components::statements::statements_table;
use crate::components::warnings::warnings;
use crate::components::year_table::year_table;
use crate::i18n::{text, Lang, Msg};
use crate::state::same_rc;

/// Props of [`ResultsPanel`].
#[derive(Properties)]
pub struct ResultsPanelProps {
    /// Display language.
    pub lang: Lang,
    /// The last valid results.
    pub results: Option<Rc<Results>>,
    /// The inputs they were computed from.
    pub inputs: Option<Rc<Inputs>>,
    /// Whether they belong to older input.
    pub stale: bool,
}

/// Results and inputs are the identity of one evaluation: the same `Rc`,
/// the same figures. Typing an invalid value keeps them, so the results
/// are not drawn again (comparing them field by field would cost more).
impl PartialEq for ResultsPanelProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.stale == other.stale
            && same_rc(&self.results, &other.results)
            && same_rc(&self.inputs, &other.inputs)
    }
}

/// The blocks below the headline, each a card of its own.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    /// The statements and the year table.
    Statements,
    /// 亩均 targets and the park's ledger.
    PerMu,
    /// Incentives and buy vs rent.
    Incentives,
    /// Tornado and switching values.
    Sensitivity,
    /// How this is calculated.
    Method,
}

/// Props of [`Card`].
#[derive(Properties)]
struct CardProps {
    lang: Lang,
    block: Block,
    results: Rc<Results>,
    inputs: Rc<Inputs>,
}

/// The same block of the same evaluation in the same language.
impl PartialEq for CardProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.block == other.block
            && Rc::ptr_eq(&self.results, &other.results)
            && Rc::ptr_eq(&self.inputs, &other.inputs)
    }
}

/// One card of results. Each card is a component of its own so that a new
/// result is drawn and compared one card at a time: building the markup of
/// every block at once, next to the markup on screen, raised the memory an
/// edit needs at its peak by a quarter (measured by `make bench`).
#[function_component(Card)]
fn card(props: &CardProps) -> Html {
    let lang = props.lang;
    let results = &props.results;
    // The year table's Details switch (used by the statements card only).
    let details_open = use_state(|| false);
    // On the page's first render the cards below the headline are drawn
    // just after the first frame is painted, so the headline shows sooner.
    let drawn = use_state(|| false);
    {
        let drawn = drawn.clone();
        use_effect_with((), move |_| {
            let frame = gloo::render::request_animation_frame(move |_| {
                // Inside the frame's callback: the timeout runs once it is painted.
                Timeout::new(0, move || drawn.set(true)).forget();
            });
            move || drop(frame)
        });
    }
    let body = match props.block {
        // Until then the card is an empty box.
        _ if !*drawn => Html::default(),
        Block::Statements => html! {
            <>
                { statements_table(lang, results) }
                { year_table(lang, results, details_open) }
            </>
        },
        Block::PerMu => {
            let inputs = &props.inputs;
            let thresholds = [
                inputs.threshold_intensity,
                inputs.threshold_output,
                inputs.threshold_tax,
                inputs.threshold_far,
            ];
            html! {
                <>
                    { mu_block(lang, results, &thresholds) }
                    { park_ledger(lang, results) }
                </>
            }
        }
        Block::Incentives => html! {
            <>
                { incentive_chart(lang, results) }
                { buy_vs_rent(lang, results) }
            </>
        },
        Block::Sensitivity => sensitivity(lang, results, props.inputs.sensitivity_range),
        Block::Method => method(lang),
    };
    html! { <div class="card">{ body }</div> }
}

/// Every result of the scenario.
#[function_component(ResultsPanel)]
pub fn results_panel(props: &ResultsPanelProps) -> Html {
    let lang = props.lang;
    let (Some(results), Some(inputs)) = (&props.results, &props.inputs) else {
        return Html::default();
    };
    let cards = [
        Block::Statements,
        Block::PerMu,
        Block::Incentives,
        Block::Sensitivity,
        Block::Method,
    ];
    html! {
        <section class={if props.stale { "results stale" } else { "results" }} aria-labelledby="results-heading"
            data-testid="results" data-stale={props.stale.to_string()}>
            <div class="card">
                <div class="results-head">
                    <h2 id="results-heading">{ text(lang, Msg::ResultsHeading) }</h2>
                    <p class="unit-note">{ text(lang, Msg::WanUnitNote) }</p>
                </div>
                if props.stale {
                    { notice("stale".into(), text(lang, Msg::Stale).into(), Tone::Warning) }
                }
                { warnings(lang, &results.warnings) }
                { headline(lang, results) }
                { cash_flow_chart(lang, results) }
            </div>
            { for cards.into_iter().map(|block| html! {
                <Card {lang} {block} results={results.clone()} inputs={inputs.clone()} />
            }) }
        </section>
    }
}
