//! The park's own fiscal ledger (MODEL.md rule 44): what it keeps in local
//! taxes, what it pays in incentives, its NPV and breakeven year.

use engine::Results;
use yew::prelude::*;

use crate::format;
use crate::i18n::{fill, text, Lang, Msg};

/// Props of [`ParkLedger`].
#[derive(Properties, PartialEq)]
pub struct ParkLedgerProps {
    /// Display language.
    pub lang: Lang,
    /// The results shown.
    pub results: std::rc::Rc<Results>,
}

/// The ledger as label / amount pairs.
#[function_component(ParkLedger)]
pub fn park_ledger(props: &ParkLedgerProps) -> Html {
    let lang = props.lang;
    let park = &props.results.park;
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
    let breakeven = park
        .breakeven_year
        .map(|year| {
            (
                fill(lang, Msg::YearNumber, &year.to_string()),
                year.to_string(),
            )
        })
        .unwrap_or_else(|| (text(lang, Msg::NoBreakeven).to_owned(), String::new()));
    html! {
        <section class="block" aria-labelledby="park-heading">
            <h3 id="park-heading">{ text(lang, Msg::ParkHeading) }</h3>
            <dl class="pairs">
                { for amounts.into_iter().map(|(label, testid, value)| html! {
                    <>
                        <dt>{ text(lang, label) }</dt>
                        <dd data-testid={testid} data-value={format::exact(value)}>{ format::money(lang, value) }</dd>
                    </>
                }) }
                <dt>{ text(lang, Msg::Breakeven) }</dt>
                <dd data-testid="park.breakeven_year" data-value={breakeven.1}>{ breakeven.0 }</dd>
            </dl>
        </section>
    }
}
