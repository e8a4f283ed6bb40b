//! 亩均效益: intensity, output, tax and staff per 亩 and the plot ratio, in
//! the first full-capacity year and the test year, each met / not met; and
//! the land floor-price check.

use engine::metrics::MuYear;
use engine::Results;
use rust_decimal::Decimal;
use yew::prelude::*;

use crate::format;
use crate::i18n::{fill, text, Lang, Msg};

/// Props of [`MuBlock`].
#[derive(Properties, PartialEq)]
pub struct MuBlockProps {
    /// Display language.
    pub lang: Lang,
    /// The results shown.
    pub results: std::rc::Rc<Results>,
    /// The display thresholds in force (intensity, output, tax, plot ratio).
    pub thresholds: [Decimal; 4],
}

/// Reads one metric of a year: its value (if it exists) and whether it is met.
type Pick<'a> = &'a dyn Fn(&MuYear) -> (Option<Decimal>, Option<bool>);

fn verdict(lang: Lang, met: Option<bool>) -> Html {
    match met {
        Some(true) => html! { <span class="met">{ format!("✓ {}", text(lang, Msg::Met)) }</span> },
        Some(false) => {
            html! { <span class="not-met">{ format!("✗ {}", text(lang, Msg::NotMet)) }</span> }
        }
        None => html! {},
    }
}

fn cell(testid: String, value: Option<Decimal>, met: Option<bool>, lang: Lang) -> Html {
    match value {
        Some(value) => html! {
            <td class="num">
                <span data-testid={testid} data-value={format::exact(value)}>{ format::amount(value) }</span>
                { " " }
                { verdict(lang, met) }
            </td>
        },
        None => html! { <td class="num">{ "—" }</td> },
    }
}

/// The 亩均 table.
#[function_component(MuBlock)]
pub fn mu_block(props: &MuBlockProps) -> Html {
    let lang = props.lang;
    let results = &props.results;
    let years: [(&str, &MuYear); 2] = [
        (
            "first_full_capacity_year",
            &results.mu_first_full_capacity_year,
        ),
        ("test_year", &results.mu_test_year),
    ];
    let [intensity, output, tax, far] = props.thresholds;
    let metric = |label: Msg, key: &str, threshold: Option<Decimal>, pick: Pick| {
        html! {
            <tr>
                <th scope="row">{ text(lang, label) }</th>
                <td class="num">{ threshold.map(|value| format!("≥ {}", format::plain(value))).unwrap_or_default() }</td>
                { for years.iter().map(|(name, year)| {
                    let (value, met) = pick(year);
                    cell(format!("mu_metrics.{name}.{key}"), value, met, lang)
                }) }
            </tr>
        }
    };
    let floor = &results.floor_price;
    let first = &results.mu_first_full_capacity_year;
    html! {
        <section class="block" aria-labelledby="mu-heading">
            <h3 id="mu-heading">{ text(lang, Msg::MuHeading) }</h3>
            if !first.full_capacity_reached {
                <p class="explain">{ text(lang, Msg::FullCapacityNotReached) }</p>
            }
            <div class="table-scroll" tabindex="0">
                <table class="data" data-testid="mu-table">
                    <thead>
                        <tr>
                            <th scope="col"></th>
                            <th scope="col">{ text(lang, Msg::Threshold) }</th>
                            { for years.iter().map(|(name, year)| {
                                let label = if *name == "test_year" { Msg::TestYearColumn } else { Msg::FirstFullYear };
                                html! { <th scope="col">{ format!("{} ({})", text(lang, label), fill(lang, Msg::YearNumber, &year.year.to_string())) }</th> }
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { metric(Msg::MuBasis, "mu_basis", None, &|year| (Some(year.mu_basis), None)) }
                        { metric(Msg::Intensity, "intensity", Some(intensity), &|year| (Some(year.intensity), Some(year.intensity_met))) }
                        { metric(Msg::OutputPerMu, "output_per_mu", Some(output), &|year| (Some(year.output_per_mu), Some(year.output_per_mu_met))) }
                        { metric(Msg::TaxPerMu, "tax_per_mu", Some(tax), &|year| (Some(year.tax_per_mu), Some(year.tax_per_mu_met))) }
                        { metric(Msg::StaffPerMu, "staff_per_mu", None, &|year| (Some(year.staff_per_mu), None)) }
                        { metric(Msg::PlotRatio, "plot_ratio", Some(far), &|year| (year.plot_ratio, year.plot_ratio_met)) }
                    </tbody>
                </table>
            </div>
            <dl class="pairs">
                <dt>{ text(lang, Msg::FloorPriceHeading) }</dt>
                <dd data-testid="floor_price.floor_per_mu" data-value={format::exact(floor.floor_per_mu)}>
                    { format!("{} 万元/亩 ({} {})", format::amount(floor.floor_per_mu), text(lang, Msg::LandGradeShort), floor.grade) }
                    { match floor.below {
                        Some(true) => html! { <span class="not-met">{ format!(" ✗ {}", text(lang, Msg::BelowFloor)) }</span> },
                        Some(false) => html! { <span class="met">{ format!(" ✓ {}", text(lang, Msg::AboveFloor)) }</span> },
                        None => html! {},
                    } }
                </dd>
            </dl>
        </section>
    }
}
