//! 亩均效益: intensity, output, tax and staff per 亩 and the plot ratio, in
//! the first full-capacity year and the test year, each met / not met; and
//! the land floor-price check.

use engine::metrics::MuYear;
use engine::Results;
use rust_decimal::Decimal;
use yew::prelude::*;

use crate::components::figure::{block, scroll_table};
use crate::format;
use crate::i18n::{fill, text, Lang, Msg};

/// "✓ met" or "✗ not met" (`prefix` before the mark), or nothing.
fn verdict(lang: Lang, prefix: &str, met: Option<bool>, yes: Msg, no: Msg) -> Html {
    let Some(met) = met else {
        return Html::default();
    };
    let (class, mark, word) = if met {
        ("met", "✓ ", yes)
    } else {
        ("not-met", "✗ ", no)
    };
    let mut line = String::from(prefix);
    line.push_str(mark);
    line.push_str(text(lang, word));
    html! { <span class={class}>{ line }</span> }
}

/// One metric of a year: its value (if it exists) and whether it is met.
type Metric = (Option<Decimal>, Option<bool>);

/// The metrics of a year in the order of [`ROWS`].
fn metrics(year: &MuYear) -> [Metric; 6] {
    [
        (Some(year.mu_basis), None),
        (Some(year.intensity), Some(year.intensity_met)),
        (Some(year.output_per_mu), Some(year.output_per_mu_met)),
        (Some(year.tax_per_mu), Some(year.tax_per_mu_met)),
        (Some(year.staff_per_mu), None),
        (year.plot_ratio, year.plot_ratio_met),
    ]
}

/// Each row's label, key and the index of its threshold, if it has one.
const ROWS: [(Msg, &str, Option<usize>); 6] = [
    (Msg::MuBasis, "mu_basis", None),
    (Msg::Intensity, "intensity", Some(0)),
    (Msg::OutputPerMu, "output_per_mu", Some(1)),
    (Msg::TaxPerMu, "tax_per_mu", Some(2)),
    (Msg::StaffPerMu, "staff_per_mu", None),
    (Msg::PlotRatio, "plot_ratio", Some(3)),
];

fn cell(lang: Lang, testid: String, (value, met): Metric) -> Html {
    match value {
        Some(value) => html! {
            <td class="num">
                <span data-testid={testid} data-value={format::exact(value)}>{ format::amount(value) }</span>
                { " " }
                { verdict(lang, "", met, Msg::Met, Msg::NotMet) }
            </td>
        },
        None => html! { <td class="num">{ "—" }</td> },
    }
}

/// The 亩均 table, against the display thresholds in force (intensity,
/// output, tax, plot ratio).
pub fn mu_block(lang: Lang, results: &Results, thresholds: &[Decimal; 4]) -> Html {
    let first = &results.mu_first_full_capacity_year;
    let test = &results.mu_test_year;
    let column = |label: Msg, year: &MuYear| {
        let year = fill(lang, Msg::YearNumber, &year.year.to_string());
        format!("{} ({year})", text(lang, label))
    };
    let rows = ROWS.iter().zip(metrics(first)).zip(metrics(test)).map(
        |(((label, key, threshold), first), test)| {
            let threshold = threshold
                .and_then(|index| thresholds.get(index))
                .map(|value| format!("≥ {}", format::plain(*value)))
                .unwrap_or_default();
            html! {
                <tr>
                    <th scope="row">{ text(lang, *label) }</th>
                    <td class="num">{ threshold }</td>
                    { cell(lang, format!("mu_metrics.first_full_capacity_year.{key}"), first) }
                    { cell(lang, format!("mu_metrics.test_year.{key}"), test) }
                </tr>
            }
        },
    );
    let floor = &results.floor_price;
    let head = html! {
        <tr>
            <th scope="col"></th>
            <th scope="col">{ text(lang, Msg::Threshold) }</th>
            <th scope="col">{ column(Msg::FirstFullYear, first) }</th>
            <th scope="col">{ column(Msg::TestYearColumn, test) }</th>
        </tr>
    };
    block(
        "mu-heading",
        text(lang, Msg::MuHeading),
        html! {
            <>
                if !first.full_capacity_reached {
                    <p class="explain">{ text(lang, Msg::FullCapacityNotReached) }</p>
                }
                { scroll_table("data", Some("mu-table"), None, head, rows.collect()) }
                <dl class="pairs">
                    <dt>{ text(lang, Msg::FloorPriceHeading) }</dt>
                    <dd data-testid="floor_price.floor_per_mu" data-value={format::exact(floor.floor_per_mu)}>
                        { format!("{} 万元/亩 ({} {})", format::amount(floor.floor_per_mu), text(lang, Msg::LandGradeShort), floor.grade) }
                        { verdict(lang, " ", floor.below.map(|below| !below), Msg::AboveFloor, Msg::BelowFloor) }
                    </dd>
                </dl>
            </>
        },
    )
}
