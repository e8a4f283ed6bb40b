//! The park's own fiscal ledger (MODEL.md rule 44): what it keeps in local
//! taxes, what it pays in incentives, its NPV and breakeven year.

use engine::Results;
use yew::prelude::*;

use crate::components::figure::{block, money_parts, pair, year_parts};
use crate::i18n::{text, Lang, Msg};

/// The ledger as label / amount pairs.
pub fn park_ledger(lang: Lang, results: &Results) -> Html {
    let park = &results.park;
    let amounts = [
        (
            Msg::LocalRetained,
            "park.local_retained_total",
            park.local_retained_total,
        ),
        (
            Msg::IncentivesPaid,
            "park.incentives_paid_total",
            park.incentives_paid_total,
        ),
        (
            Msg::DepositsForfeited,
            "park.forfeited_total",
            park.forfeited_total,
        ),
        (
            Msg::ClawbackReceived,
            "park.clawback_total",
            park.clawback_total,
        ),
        (Msg::ParkNet, "park.net_total", park.net_total),
        (Msg::ParkNpv, "park.npv", park.npv),
    ];
    block(
        "park-heading",
        text(lang, Msg::ParkHeading),
        html! {
            <dl class="pairs">
                    { for amounts.into_iter().map(|(label, testid, value)| {
                        pair(text(lang, label), testid.into(), money_parts(lang, value))
                    }) }
                    { pair(text(lang, Msg::Breakeven), "park.breakeven_year".into(),
                        year_parts(lang, park.breakeven_year, Msg::NoBreakeven)) }
            </dl>
        },
    )
}
