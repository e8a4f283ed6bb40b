//! The headline cards: project NPV, IRR and payback (after tax), equity
//! IRR, incentives, the deposit outcome and peak funding need.

use engine::deposit::Outcome;
use engine::Results;
use yew::prelude::*;

use crate::components::figure::{figure, irr_parts, money_parts, payback_parts};
use crate::format;
use crate::i18n::{text, Lang, Msg};

/// `word` then a space and `rest`.
fn words(word: &str, rest: &str) -> String {
    let mut line = String::with_capacity(word.len() + 1 + rest.len());
    line.push_str(word);
    line.push(' ');
    line.push_str(rest);
    line
}

/// The headline figures of `results`.
pub fn headline(lang: Lang, results: &Results) -> Html {
    let project = &results.statements.project_after_tax;
    let (irr_shown, irr_value, irr_note) = irr_parts(lang, &project.irr);
    let (dynamic_shown, dynamic_value) = payback_parts(lang, project.dynamic_payback);
    let (equity_shown, equity_value, equity_note) = irr_parts(lang, &results.statements.equity.irr);
    let incentives = &results.incentives;
    let mut incentives_note = words(
        text(lang, Msg::IncentivesPv),
        &format::money(lang, incentives.total_pv),
    );
    if let Some(share) = incentives.share_nominal {
        incentives_note.push_str(" · ");
        incentives_note.push_str(&words(
            text(lang, Msg::ShareOfFixedInvestment),
            &format::percent(share),
        ));
    }
    let deposit = &results.table.deposit;
    let (outcome, outcome_word, deposit_class) = match deposit.outcome {
        Outcome::Refunded => ("refunded", Msg::DepositRefunded, "figure good"),
        Outcome::Partial => ("partial", Msg::DepositPartial, "figure bad"),
        Outcome::Forfeited => ("forfeited", Msg::DepositForfeited, "figure bad"),
    };
    let outcome_word = text(lang, outcome_word);
    let mut deposit_note = format::money(lang, deposit.amount);
    deposit_note.push_str(" · ");
    deposit_note.push_str(outcome_word);
    let npv_class = if project.npv.is_sign_negative() {
        "figure bad"
    } else {
        "figure good"
    };
    let label = |message| text(lang, message);
    html! {
        <div class="figures" aria-live="polite" data-testid="headline">
            { figure("statements.project_after_tax.npv", label(Msg::ProjectNpv),
                money_parts(lang, project.npv), None, npv_class) }
            { figure("statements.project_after_tax.irr", label(Msg::ProjectIrr),
                (irr_shown, irr_value), irr_note.map(str::to_owned), "figure") }
            { figure("statements.project_after_tax.static_payback", label(Msg::StaticPayback),
                payback_parts(lang, project.static_payback),
                Some(words(label(Msg::DynamicPayback), &dynamic_shown)), "figure") }
            { figure("statements.equity.irr", label(Msg::EquityIrr),
                (equity_shown, equity_value), equity_note.map(str::to_owned), "figure") }
            { figure("incentives.total_nominal", label(Msg::IncentivesTotal),
                money_parts(lang, incentives.total_nominal), Some(incentives_note), "figure") }
            { figure("deposit.outcome", label(Msg::DepositOutcome),
                (outcome_word.to_owned(), outcome.to_owned()), Some(deposit_note), deposit_class) }
            { figure("peak_funding_need", label(Msg::PeakFunding),
                money_parts(lang, results.peak_funding_need), None, "figure") }
            <span hidden=true data-testid="statements.project_after_tax.dynamic_payback" data-value={dynamic_value}></span>
        </div>
    }
}
