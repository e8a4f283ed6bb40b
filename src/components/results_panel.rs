//! The results side of the page, from the headline down to the year table.

use engine::{Inputs, Results};
use yew::prelude::*;

use crate::components::buy_vs_rent::BuyVsRent;
use crate::components::charts::{CashFlowChart, IncentiveChart};
use crate::components::headline::Headline;
use crate::components::method::Method;
use crate::components::mu_block::MuBlock;
use crate::components::notice::Notice;
use crate::components::park_ledger::ParkLedger;
use crate::components::sensitivity::Sensitivity;
use crate::components::statements::StatementsTable;
use crate::components::warnings::Warnings;
use crate::components::year_table::YearTable;
use crate::i18n::{text, Lang, Msg};

/// Props of [`ResultsPanel`].
#[derive(Properties, PartialEq)]
pub struct ResultsPanelProps {
    /// Display language.
    pub lang: Lang,
    /// The last valid results.
    pub results: Option<std::rc::Rc<Results>>,
    /// The inputs they were computed from.
    pub inputs: Option<std::rc::Rc<Inputs>>,
    /// Whether they belong to older input.
    pub stale: bool,
}

/// Every result of the scenario.
#[function_component(ResultsPanel)]
pub fn results_panel(props: &ResultsPanelProps) -> Html {
    let lang = props.lang;
    let (Some(results), Some(inputs)) = (&props.results, &props.inputs) else {
        return html! {};
    };
    let table = &results.table;
    let flows = table.ncf_project_after_tax.clone();
    let cumulative = engine::finance::cumulative(&flows).unwrap_or_default();
    let kinds = results
        .incentives
        .by_kind
        .iter()
        .map(|(kind, amount)| (*kind, amount.nominal, amount.pv))
        .collect::<Vec<_>>();
    let thresholds = [
        inputs.threshold_intensity,
        inputs.threshold_output,
        inputs.threshold_tax,
        inputs.threshold_far,
    ];
    html! {
        <section class={classes!("results", props.stale.then_some("stale"))} aria-labelledby="results-heading"
            data-testid="results" data-stale={props.stale.to_string()}>
            <div class="card">
                <div class="results-head">
                    <h2 id="results-heading">{ text(lang, Msg::ResultsHeading) }</h2>
                    <p class="unit-note">{ text(lang, Msg::WanUnitNote) }</p>
                </div>
                if props.stale {
                    <Notice code="stale" text={text(lang, Msg::Stale)} tone="warning" />
                }
                <Warnings {lang} warnings={results.warnings.clone()} />
                <Headline {lang} results={results.clone()} />
                <CashFlowChart {lang} {flows} {cumulative} />
            </div>
            <div class="card">
                <StatementsTable {lang} results={results.clone()} />
                <YearTable {lang} results={results.clone()} />
            </div>
            <div class="card">
                <MuBlock {lang} results={results.clone()} {thresholds} />
                <ParkLedger {lang} results={results.clone()} />
            </div>
            <div class="card">
                <IncentiveChart {lang} {kinds} />
                <BuyVsRent {lang} results={results.clone()} />
            </div>
            <div class="card">
                <Sensitivity {lang} results={results.clone()} range={inputs.sensitivity_range} />
            </div>
            <div class="card">
                <Method {lang} />
            </div>
        </section>
    }
}
