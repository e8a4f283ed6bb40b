//! The three cash-flow statements side by side, base case and "incentives
//! not honoured": NPV, IRR (MIRR when there are several), paybacks.

use engine::finance::IrrStatus;
use engine::results::Statements;
use engine::Results;
use yew::prelude::*;

use crate::components::figure::{
    block, head_row, irr_parts, money_parts, pair, payback_parts, scroll_table, value_cell,
};
use crate::format;
use crate::i18n::{text, Lang, Msg};

/// One table of the three statements, with its caption.
fn table(
    lang: Lang,
    class: &'static str,
    caption: Msg,
    prefix: &str,
    statements: &Statements,
) -> Html {
    let npv_head = format::with_table_unit(lang, text(lang, Msg::Npv));
    let head = head_row(&[
        text(lang, Msg::Statement),
        &npv_head,
        text(lang, Msg::Irr),
        text(lang, Msg::StaticPayback),
        text(lang, Msg::DynamicPayback),
    ]);
    let list = [
        (
            "project_before_tax",
            Msg::ProjectBeforeTax,
            &statements.project_before_tax,
        ),
        (
            "project_after_tax",
            Msg::ProjectAfterTax,
            &statements.project_after_tax,
        ),
        ("equity", Msg::EquityStatement, &statements.equity),
    ];
    let rows = list.into_iter().map(|(key, name, metrics)| {
        let path = format!("{prefix}statements.{key}");
        let (mut irr_shown, irr_value, _) = irr_parts(lang, &metrics.irr);
        if let (IrrStatus::Multiple, Some(mirr)) = (metrics.irr.status, metrics.mirr) {
            irr_shown.push_str(" (");
            irr_shown.push_str(text(lang, Msg::Mirr));
            irr_shown.push(' ');
            irr_shown.push_str(&format::percent(mirr));
            irr_shown.push(')');
        }
        let cells = [
            ("npv", (format::money_in_table(lang, metrics.npv), format::exact(metrics.npv))),
            ("irr", (irr_shown, irr_value)),
            ("static_payback", payback_parts(lang, metrics.static_payback)),
            ("dynamic_payback", payback_parts(lang, metrics.dynamic_payback)),
        ];
        html! {
            <tr>
                <th scope="row">{ text(lang, name) }</th>
                { for cells.into_iter().map(|(name, parts)| value_cell(format!("{path}.{name}").into(), parts)) }
            </tr>
        }
    });
    scroll_table(class, None, Some(text(lang, caption)), head, rows.collect())
}

/// A figure before and after the stress, "1.30 亿元 → 1.10 亿元", with the
/// stressed value exact.
fn stressed(
    lang: Lang,
    base: rust_decimal::Decimal,
    stress: rust_decimal::Decimal,
) -> (String, String) {
    let (shown, value) = money_parts(lang, stress);
    let mut line = format::money(lang, base);
    line.push_str(" → ");
    line.push_str(&shown);
    (line, value)
}

/// Base case and stress case of the three statements.
pub fn statements_table(lang: Lang, results: &Results) -> Html {
    let stress = &results.stress;
    let dscr = match results.min_dscr {
        Some(dscr) => (format::amount(dscr), format::exact(dscr)),
        None => (text(lang, Msg::NoLoan).to_owned(), String::new()),
    };
    block(
        "statements-heading",
        text(lang, Msg::StressHeading),
        html! {
            <>
                { table(lang, "data", Msg::Base, "", &results.statements) }
                { table(lang, "data stress", Msg::StressCase, "stress.", &stress.statements) }
                <p class="explain">{ text(lang, Msg::StressExplained) }</p>
                <dl class="pairs">
                    { pair(text(lang, Msg::PeakFunding), "stress.peak_funding_need".into(),
                        stressed(lang, results.peak_funding_need, stress.peak_funding_need)) }
                    { pair(text(lang, Msg::ParkNpv), "stress.park_npv".into(),
                        stressed(lang, results.park.npv, stress.park_npv)) }
                    { pair(text(lang, Msg::MinDscr), "min_dscr".into(), dscr) }
                </dl>
            </>
        },
    )
}
