//! The three cash-flow statements side by side, base case and "incentives
//! not honoured": NPV, IRR (MIRR when there are several), paybacks.

use engine::finance::IrrStatus;
use engine::metrics::StatementMetrics;
use engine::results::Statements;
use engine::Results;
use yew::prelude::*;

use crate::components::figure::{irr_parts, payback_parts, value_cell};
use crate::format;
use crate::i18n::{text, Lang, Msg};

/// Props of [`StatementsTable`].
#[derive(Properties, PartialEq)]
pub struct StatementsTableProps {
    /// Display language.
    pub lang: Lang,
    /// The results shown.
    pub results: std::rc::Rc<Results>,
}

fn rows(lang: Lang, prefix: &str, statements: &Statements) -> Html {
    let list: [(&str, Msg, &StatementMetrics); 3] = [
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
    list.into_iter()
        .map(|(key, name, metrics)| {
            let path = format!("{prefix}statements.{key}");
            let (irr_shown, irr_value, _) = irr_parts(lang, &metrics.irr);
            let mirr = match (metrics.irr.status, metrics.mirr) {
                (IrrStatus::Multiple, Some(mirr)) => format!(" ({} {})", text(lang, Msg::Mirr), format::percent(mirr)),
                _ => String::new(),
            };
            let (static_shown, static_value) = payback_parts(lang, metrics.static_payback);
            let (dynamic_shown, dynamic_value) = payback_parts(lang, metrics.dynamic_payback);
            html! {
                <tr>
                    <th scope="row">{ text(lang, name) }</th>
                    { value_cell(format!("{path}.npv"), format::money_in_table(lang, metrics.npv), format::exact(metrics.npv)) }
                    { value_cell(format!("{path}.irr"), format!("{irr_shown}{mirr}"), irr_value) }
                    { value_cell(format!("{path}.static_payback"), static_shown, static_value) }
                    { value_cell(format!("{path}.dynamic_payback"), dynamic_shown, dynamic_value) }
                </tr>
            }
        })
        .collect()
}

/// Base case and stress case of the three statements.
#[function_component(StatementsTable)]
pub fn statements_table(props: &StatementsTableProps) -> Html {
    let lang = props.lang;
    let results = &props.results;
    let head = html! {
        <tr>
            <th scope="col">{ text(lang, Msg::Statement) }</th>
            <th scope="col">{ format!("{} ({})", text(lang, Msg::Npv), format::table_unit(lang)) }</th>
            <th scope="col">{ text(lang, Msg::Irr) }</th>
            <th scope="col">{ text(lang, Msg::StaticPayback) }</th>
            <th scope="col">{ text(lang, Msg::DynamicPayback) }</th>
        </tr>
    };
    let dscr = match results.min_dscr {
        Some(dscr) => (format::amount(dscr), format::exact(dscr)),
        None => (text(lang, Msg::NoLoan).to_owned(), String::new()),
    };
    html! {
        <section class="block" aria-labelledby="statements-heading">
            <h3 id="statements-heading">{ text(lang, Msg::StressHeading) }</h3>
            <div class="table-scroll" tabindex="0">
                <table class="data">
                    <caption>{ text(lang, Msg::Base) }</caption>
                    <thead>{ head.clone() }</thead>
                    <tbody>{ rows(lang, "", &results.statements) }</tbody>
                </table>
            </div>
            <div class="table-scroll" tabindex="0">
                <table class="data stress">
                    <caption>{ text(lang, Msg::StressCase) }</caption>
                    <thead>{ head }</thead>
                    <tbody>{ rows(lang, "stress.", &results.stress.statements) }</tbody>
                </table>
            </div>
            <p class="explain">{ text(lang, Msg::StressExplained) }</p>
            <dl class="pairs">
                <dt>{ text(lang, Msg::PeakFunding) }</dt>
                <dd data-testid="stress.peak_funding_need" data-value={format::exact(results.stress.peak_funding_need)}>
                    { format!("{} → {}", format::money(lang, results.peak_funding_need), format::money(lang, results.stress.peak_funding_need)) }
                </dd>
                <dt>{ text(lang, Msg::ParkNpv) }</dt>
                <dd data-testid="stress.park_npv" data-value={format::exact(results.stress.park_npv)}>
                    { format!("{} → {}", format::money(lang, results.park.npv), format::money(lang, results.stress.park_npv)) }
                </dd>
                <dt>{ text(lang, Msg::MinDscr) }</dt>
                <dd data-testid="min_dscr" data-value={dscr.1}>{ dscr.0 }</dd>
            </dl>
        </section>
    }
}
