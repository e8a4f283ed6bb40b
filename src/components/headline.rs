//! The headline cards: project NPV, IRR and payback (after tax), equity
//! IRR, incentives, the deposit outcome and peak funding need.

use engine::deposit::Outcome;
use engine::Results;
use yew::prelude::*;

use crate::components::figure::{figure, irr_parts, money_parts, payback_parts, Parts};
use crate::format;
use crate::i18n::{text, Lang, Msg};

/// A key result: one of the headline cards, and a row of the comparison
/// of saved scenarios.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyResult {
    Npv,
    Irr,
    Payback,
    EquityIrr,
    Incentives,
    Deposit,
}

impl KeyResult {
    /// Every key result, in the order shown.
    pub const ALL: [KeyResult; 6] = [
        KeyResult::Npv,
        KeyResult::Irr,
        KeyResult::Payback,
        KeyResult::EquityIrr,
        KeyResult::Incentives,
        KeyResult::Deposit,
    ];

    /// Its path in the results JSON of SCENARIO.md.
    pub fn path(self) -> &'static str {
        match self {
            KeyResult::Npv => "statements.project_after_tax.npv",
            KeyResult::Irr => "statements.project_after_tax.irr",
            KeyResult::Payback => "statements.project_after_tax.static_payback",
            KeyResult::EquityIrr => "statements.equity.irr",
            KeyResult::Incentives => "incentives.total_nominal",
            KeyResult::Deposit => "deposit.outcome",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        text(
            lang,
            match self {
                KeyResult::Npv => Msg::ProjectNpv,
                KeyResult::Irr => Msg::ProjectIrr,
                KeyResult::Payback => Msg::StaticPayback,
                KeyResult::EquityIrr => Msg::EquityIrr,
                KeyResult::Incentives => Msg::IncentivesTotal,
                KeyResult::Deposit => Msg::DepositOutcome,
            },
        )
    }

    /// The result as shown, its exact value and a note (an IRR's).
    pub fn parts(self, lang: Lang, results: &Results) -> (String, String, Option<&'static str>) {
        let project = &results.statements.project_after_tax;
        let plain = |(shown, value): Parts| (shown, value, None);
        match self {
            KeyResult::Npv => plain(money_parts(lang, project.npv)),
            KeyResult::Irr => irr_parts(lang, &project.irr),
            KeyResult::Payback => plain(payback_parts(lang, project.static_payback)),
            KeyResult::EquityIrr => irr_parts(lang, &results.statements.equity.irr),
            KeyResult::Incentives => plain(money_parts(lang, results.incentives.total_nominal)),
            KeyResult::Deposit => {
                let (value, word) = match results.table.deposit.outcome {
                    Outcome::Refunded => ("refunded", Msg::DepositRefunded),
                    Outcome::Partial => ("partial", Msg::DepositPartial),
                    Outcome::Forfeited => ("forfeited", Msg::DepositForfeited),
                };
                (text(lang, word).to_owned(), value.to_owned(), None)
            }
        }
    }
}

/// `word` then a space and `rest`.
fn words(word: &str, rest: &str) -> String {
    let mut line = String::with_capacity(word.len() + 1 + rest.len());
    line.push_str(word);
    line.push(' ');
    line.push_str(rest);
    line
}

/// A figure's class: good news or bad news.
fn tone(good: bool) -> &'static str {
    if good {
        "figure good"
    } else {
        "figure bad"
    }
}

/// The headline figures of `results`.
pub fn headline(lang: Lang, results: &Results) -> Html {
    let project = &results.statements.project_after_tax;
    let (dynamic_shown, dynamic_value) = payback_parts(lang, project.dynamic_payback);
    let figures = KeyResult::ALL.into_iter().map(|result| {
        let (shown, value, note) = result.parts(lang, results);
        // The line under each card, and its class.
        let (note, class) = match result {
            KeyResult::Npv => (None, tone(!project.npv.is_sign_negative())),
            KeyResult::Irr | KeyResult::EquityIrr => (note.map(str::to_owned), "figure"),
            KeyResult::Payback => (
                Some(words(text(lang, Msg::DynamicPayback), &dynamic_shown)),
                "figure",
            ),
            KeyResult::Incentives => {
                let incentives = &results.incentives;
                let mut line = words(
                    text(lang, Msg::IncentivesPv),
                    &format::money(lang, incentives.total_pv),
                );
                if let Some(share) = incentives.share_nominal {
                    line.push_str(" · ");
                    line.push_str(&words(
                        text(lang, Msg::ShareOfFixedInvestment),
                        &format::percent(share),
                    ));
                }
                (Some(line), "figure")
            }
            KeyResult::Deposit => {
                let deposit = &results.table.deposit;
                let mut line = format::money(lang, deposit.amount);
                line.push_str(" · ");
                line.push_str(&shown);
                (Some(line), tone(deposit.outcome == Outcome::Refunded))
            }
        };
        figure(
            result.path(),
            result.label(lang),
            (shown, value),
            note,
            class,
        )
    });
    html! {
        <div class="figures" aria-live="polite" data-testid="headline">
            { for figures }
            { figure("peak_funding_need", text(lang, Msg::PeakFunding),
                money_parts(lang, results.peak_funding_need), None, "figure") }
            <span hidden=true data-testid="statements.project_after_tax.dynamic_payback" data-value={dynamic_value}></span>
        </div>
    }
}
