//! The headline cards: project NPV, IRR and payback (after tax), equity
//! IRR, incentives, the deposit outcome and peak funding need.

use engine::deposit::Outcome;
use engine::Results;
use yew::prelude::*;

use crate::components::figure::{irr_parts, money_parts, payback_parts, Figure};
use crate::format;
use crate::i18n::{text, Lang, Msg};

/// Props of [`Headline`].
#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    /// Display language.
    pub lang: Lang,
    /// The results shown.
    pub results: std::rc::Rc<Results>,
}

/// The headline figures, in a polite live region.
#[function_component(Headline)]
pub fn headline(props: &HeadlineProps) -> Html {
    let lang = props.lang;
    let results = &props.results;
    let project = &results.statements.project_after_tax;
    let (npv_shown, npv_value) = money_parts(lang, project.npv);
    let (irr_shown, irr_value, irr_note) = irr_parts(lang, &project.irr);
    let (payback_shown, payback_value) = payback_parts(lang, project.static_payback);
    let (dynamic_shown, dynamic_value) = payback_parts(lang, project.dynamic_payback);
    let (equity_shown, equity_value, equity_note) = irr_parts(lang, &results.statements.equity.irr);
    let (incentives_shown, incentives_value) = money_parts(lang, results.incentives.total_nominal);
    let incentives_note = format!(
        "{} {}{}",
        text(lang, Msg::IncentivesPv),
        format::money(lang, results.incentives.total_pv),
        results
            .incentives
            .share_nominal
            .map(|share| format!(
                " · {} {}",
                text(lang, Msg::ShareOfFixedInvestment),
                format::percent(share)
            ))
            .unwrap_or_default()
    );
    let deposit = &results.table.deposit;
    let (outcome, outcome_word, tone) = match deposit.outcome {
        Outcome::Refunded => ("refunded", Msg::DepositRefunded, "good"),
        Outcome::Partial => ("partial", Msg::DepositPartial, "bad"),
        Outcome::Forfeited => ("forfeited", Msg::DepositForfeited, "bad"),
    };
    let deposit_note = format!(
        "{} · {}",
        format::money(lang, deposit.amount),
        text(lang, outcome_word)
    );
    let (peak_shown, peak_value) = money_parts(lang, results.peak_funding_need);
    let npv_tone = if project.npv.is_sign_negative() {
        "bad"
    } else {
        "good"
    };
    html! {
        <div class="figures" aria-live="polite" data-testid="headline">
            <Figure testid="statements.project_after_tax.npv" label={text(lang, Msg::ProjectNpv)}
                shown={npv_shown} value={npv_value} tone={npv_tone} />
            <Figure testid="statements.project_after_tax.irr" label={text(lang, Msg::ProjectIrr)}
                shown={irr_shown} value={irr_value} note={irr_note.map(AttrValue::from)} />
            <Figure testid="statements.project_after_tax.static_payback" label={text(lang, Msg::StaticPayback)}
                shown={payback_shown} value={payback_value}
                note={AttrValue::from(format!("{} {dynamic_shown}", text(lang, Msg::DynamicPayback)))} />
            <Figure testid="statements.equity.irr" label={text(lang, Msg::EquityIrr)}
                shown={equity_shown} value={equity_value} note={equity_note.map(AttrValue::from)} />
            <Figure testid="incentives.total_nominal" label={text(lang, Msg::IncentivesTotal)}
                shown={incentives_shown} value={incentives_value} note={AttrValue::from(incentives_note)} />
            <Figure testid="deposit.outcome" label={text(lang, Msg::DepositOutcome)}
                shown={text(lang, outcome_word)} value={outcome} note={AttrValue::from(deposit_note)} tone={tone} />
            <Figure testid="peak_funding_need" label={text(lang, Msg::PeakFunding)}
                shown={peak_shown} value={peak_value} />
            <span hidden=true data-testid="statements.project_after_tax.dynamic_payback" data-value={dynamic_value}></span>
        </div>
    }
}
