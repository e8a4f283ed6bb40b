//! Saved scenarios compared (PRODUCT.md J9): the cumulative after-tax
//! project cash flow of up to three scenarios, and optionally the one on
//! screen, as lines on one scale, with a legend and the table alternative.

use rust_decimal::Decimal;
use yew::prelude::*;

use super::{
    legend_item, mark_title, note, plot, titled_with_unit, value_grid, year_labels, year_rows,
    zero_axis,
};
use crate::chart_geometry::{line_chart, points, view_box, HEIGHT};
use crate::format;
use crate::i18n::charts::{chart_text, unit_note, year_label, ChartText};
use crate::i18n::compare::{compare_text, CompareText};
use crate::i18n::Lang;

/// One line of the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareSeries {
    /// Its slot: `0`, `1`, `2` (the comparison's columns) or `current`;
    /// names its colour and its table cells (`chart.compare.{slot}.{year}`).
    pub slot: AttrValue,
    /// Its name in the legend and the table header.
    pub name: AttrValue,
    /// Cumulative after-tax project flow of years 1 … N, 万元.
    pub values: Vec<Decimal>,
}

/// Props of [`CompareChart`].
#[derive(Properties, PartialEq)]
pub struct CompareChartProps {
    /// Display language.
    pub lang: Lang,
    /// The lines, in the order of the comparison's columns.
    pub series: Vec<CompareSeries>,
}

/// The class that gives a slot its colour and dash.
fn slot_class(slot: &str) -> &'static str {
    match slot {
        "0" => "is-slot-0",
        "1" => "is-slot-1",
        "2" => "is-slot-2",
        _ => "is-current",
    }
}

/// The chart's accessible name and its table's caption, with the unit.
fn accessible_name(lang: Lang) -> String {
    titled_with_unit(lang, compare_text(lang, CompareText::ChartTitle))
}

/// The comparison chart (`data-testid="chart.compare"`).
#[function_component(CompareChart)]
pub fn compare_chart(props: &CompareChartProps) -> Html {
    let lang = props.lang;
    let years = props
        .series
        .iter()
        .map(|series| series.values.len())
        .max()
        .unwrap_or(0);

    let plot_area = if years == 0 {
        note(chart_text(lang, ChartText::NoData))
    } else {
        let values: Vec<Vec<f64>> = props
            .series
            .iter()
            .map(|series| {
                series
                    .values
                    .iter()
                    .map(|value| plot(lang, *value))
                    .collect()
            })
            .collect();
        let chart = line_chart(&values);
        let lines = props.series.iter().zip(&chart.series).map(|(series, line)| {
            let class = slot_class(&series.slot);
            let dots = line.iter().zip(&series.values).zip(1..).map(|((point, value), year)| {
                let title = mark_title(
                    lang,
                    &format!("{} · {}", series.name, year_label(lang, year)),
                    *value,
                );
                html! {
                    <circle class={classes!("chart-point", class)} cx={point.0.to_string()} cy={point.1.to_string()} r="3">
                        <title>{ title }</title>
                    </circle>
                }
            });
            html! {
                <g class="compare-series" data-slot={series.slot.clone()}>
                    <polyline class={classes!("chart-line", class)} points={points(line)} />
                    { for dots }
                </g>
            }
        });
        html! {
            <>
                <div class="chart-plot">
                    <svg class="chart-svg" role="img" aria-label={accessible_name(lang)}
                        viewBox={view_box(HEIGHT)} preserveAspectRatio="xMidYMid meet" width="100%">
                        { value_grid(&chart.grid) }
                        { zero_axis(chart.zero) }
                        { for lines }
                        { year_labels(&chart.centres, chart.label_y) }
                    </svg>
                </div>
                <ul class="chart-legend">
                    { for props.series.iter().map(|series| legend_item(slot_class(&series.slot), &series.name)) }
                </ul>
            </>
        }
    };

    let head = html! {
        <tr>
            <th scope="col">{ chart_text(lang, ChartText::Year) }</th>
            { for props.series.iter().map(|series| html! { <th scope="col">{ series.name.clone() }</th> }) }
        </tr>
    };
    let columns: Vec<(&str, &[Decimal])> = props
        .series
        .iter()
        .map(|series| (series.slot.as_str(), series.values.as_slice()))
        .collect();
    let body = year_rows(lang, "chart.compare", &columns);

    html! {
        <figure class="chart compare-chart" data-testid="chart.compare">
            <figcaption>
                <span class="chart-title">{ compare_text(lang, CompareText::ChartTitle) }</span>
                <span class="chart-caption">
                    { compare_text(lang, CompareText::ChartCaption) }{ " " }
                    { unit_note(lang, format::table_unit(lang)) }
                </span>
            </figcaption>
            { plot_area }
            <details class="chart-data">
                <summary>{ chart_text(lang, ChartText::DataTable) }</summary>
                <div class="chart-table-wrap">
                    <table class="chart-table">
                        <caption>{ accessible_name(lang) }</caption>
                        <thead>{ head }</thead>
                        <tbody>{ body }</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
