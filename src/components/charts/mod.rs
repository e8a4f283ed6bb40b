//! The SVG charts: each draws what `chart_geometry` computes, has an
//! accessible name and a table alternative whose cells carry the exact
//! engine values (`data-value`) under predictable `data-testid`s.
//!
//! The props are plain data (engine values in 万元), so a chart does not
//! depend on the app's state. Values are drawn in the unit of tables: 万元 in
//! Chinese, CNY million in English.

pub mod buy_rent;
pub mod cash_flow;
pub mod compare_chart;
pub mod incentives;
pub mod tornado;

pub use buy_rent::{BuyRentChart, BuyRentChartProps};
pub use cash_flow::{CashFlowChart, CashFlowChartProps};
pub use compare_chart::{CompareChart, CompareChartProps, CompareSeries};
pub use incentives::{IncentiveChart, IncentiveChartProps};
pub use tornado::{TornadoChart, TornadoChartProps};

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::chart_geometry::{
    labels_year, to_plot, GridLine, SpanChart, LEFT, PLOT_RIGHT, VALUE_LABEL_X,
};
use crate::format;
use crate::i18n::charts::{chart_text, unit_note, ChartText};
use crate::i18n::Lang;

/// A value in the unit the chart shows, as a float for placing only.
fn plot(lang: Lang, wan: Decimal) -> f64 {
    match lang {
        Lang::Zh => to_plot(wan),
        Lang::En => to_plot(format::to_million(wan)),
    }
}

/// The text of a grid line's label: its exact value with the decimals the
/// step needs.
fn grid_label(line: &GridLine) -> String {
    format::grouped(line.label, line.places)
}

/// The accessible name of a chart and its table's caption: the title and
/// the unit, "奖补构成（名义值），单位：万元".
fn accessible_name(lang: Lang, title: ChartText) -> String {
    let unit = unit_note(lang, format::table_unit(lang));
    match lang {
        Lang::Zh => format!("{}，{unit}", chart_text(lang, title)),
        Lang::En => format!("{}. {unit}", chart_text(lang, title)),
    }
}

/// A hover text for a mark: "第 3 年：-1,234.00 万元".
fn mark_title(lang: Lang, what: &str, wan: Decimal) -> String {
    match lang {
        Lang::Zh => format!("{what}：{}", format::money(lang, wan)),
        Lang::En => format!("{what}: {}", format::money(lang, wan)),
    }
}

/// A table cell with a money value: formatted in the table unit, the exact
/// engine value in `data-value`.
fn money_cell(lang: Lang, testid: String, wan: Decimal) -> Html {
    html! {
        <td class="num" data-testid={testid} data-value={format::exact(wan)}>
            { format::money_in_table(lang, wan) }
        </td>
    }
}

/// The figure's caption: the title, then what the chart shows and its unit.
fn caption(lang: Lang, title: ChartText, text: String) -> Html {
    html! {
        <figcaption>
            <span class="chart-title">{ chart_text(lang, title) }</span>
            <span class="chart-caption">
                { text }{ " " }{ unit_note(lang, format::table_unit(lang)) }
            </span>
        </figcaption>
    }
}

/// The table alternative, folded away under "数据表" / "Data table".
fn data_table(lang: Lang, title: ChartText, head: Html, body: Html, foot: Html) -> Html {
    html! {
        <details class="chart-data">
            <summary>{ chart_text(lang, ChartText::DataTable) }</summary>
            <div class="chart-table-wrap">
                <table class="chart-table">
                    <caption>{ accessible_name(lang, title) }</caption>
                    <thead>{ head }</thead>
                    <tbody>{ body }</tbody>
                    { foot }
                </table>
            </div>
        </details>
    }
}

/// The body of a table alternative with one row per year and one money
/// column per series: cells `{prefix}.{series id}.{year}` with exact values;
/// a series shorter than the others leaves its cells empty.
fn year_rows(lang: Lang, prefix: &str, series: &[(&str, &[Decimal])]) -> Html {
    let years = series
        .iter()
        .map(|(_, values)| values.len())
        .max()
        .unwrap_or(0);
    (1..=years)
        .map(|year| {
            let cells = series.iter().map(|(id, values)| {
                values.get(year - 1).map_or_else(
                    || html! { <td></td> },
                    |value| money_cell(lang, format!("{prefix}.{id}.{year}"), *value),
                )
            });
            html! {
                <tr>
                    <th scope="row">{ year.to_string() }</th>
                    { for cells }
                </tr>
            }
        })
        .collect()
}

/// The note shown instead of a plot with nothing to draw.
fn note(text: &str) -> Html {
    html! { <p class="chart-note">{ text.to_owned() }</p> }
}

/// Legend entry: a swatch of class `swatch` and its text.
fn legend_item(swatch: &'static str, text: &str) -> Html {
    html! {
        <li><span class={classes!("chart-swatch", swatch)} aria-hidden="true"></span>{ text.to_owned() }</li>
    }
}

/// Horizontal grid lines across the plot with their labels on the left
/// (column and line charts).
fn value_grid(grid: &[GridLine]) -> Html {
    html! {
        <g class="chart-grid">
            { for grid.iter().map(|line| html! {
                <>
                    <line x1={LEFT.to_string()} x2={PLOT_RIGHT.to_string()}
                        y1={line.at.to_string()} y2={line.at.to_string()} />
                    <text class="chart-axis-label" x={VALUE_LABEL_X.to_string()} y={line.at.to_string()}
                        dy="0.35em" text-anchor="end">{ grid_label(line) }</text>
                </>
            }) }
        </g>
    }
}

/// The zero axis of a column or line chart.
fn zero_axis(zero: i32) -> Html {
    html! {
        <line class="chart-zero" x1={LEFT.to_string()} x2={PLOT_RIGHT.to_string()}
            y1={zero.to_string()} y2={zero.to_string()} />
    }
}

/// Year numbers below the plot (every k-th year on long periods).
fn year_labels(centres: &[i32], label_y: i32) -> Html {
    let count = centres.len();
    html! {
        <g class="chart-years">
            { for centres.iter().zip(1..).filter(|(_, year)| labels_year(*year, count)).map(|(x, year)| html! {
                <text class="chart-axis-label" x={x.to_string()} y={label_y.to_string()} text-anchor="middle">
                    { year.to_string() }
                </text>
            }) }
        </g>
    }
}

/// Vertical grid lines through the rows of a span chart with their labels
/// below.
fn span_grid(chart: &SpanChart) -> Html {
    html! {
        <g class="chart-grid">
            { for chart.grid.iter().map(|line| html! {
                <>
                    <line x1={line.at.to_string()} x2={line.at.to_string()}
                        y1={chart.top.to_string()} y2={chart.bottom.to_string()} />
                    <text class="chart-axis-label" x={line.at.to_string()} y={chart.grid_label_y.to_string()}
                        text-anchor="middle">{ grid_label(line) }</text>
                </>
            }) }
        </g>
    }
}
