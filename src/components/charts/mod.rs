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

pub use buy_rent::buy_rent_chart;
pub use cash_flow::cash_flow_chart;
pub use compare_chart::{CompareChart, CompareChartProps, CompareSeries};
pub use incentives::incentive_chart;
pub use tornado::tornado_chart;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::chart_geometry::{
    labels_year, points, to_plot, view_box, GridLine, SpanChart, YearAxes, LEFT, PLOT_RIGHT,
    VALUE_LABEL_X,
};
use crate::format;
use crate::i18n::charts::{chart_text, unit_note, ChartText};
use crate::i18n::{colon, Lang};

/// A value in the unit the chart shows, as a float for placing only.
fn plot(lang: Lang, wan: Decimal) -> f64 {
    match lang {
        Lang::Zh => to_plot(wan),
        Lang::En => to_plot(format::to_million(wan)),
    }
}

/// Values in the unit the chart shows, as floats for placing only.
fn plot_all(lang: Lang, wan: &[Decimal]) -> Vec<f64> {
    wan.iter().map(|value| plot(lang, *value)).collect()
}

/// The number of years of the longest of `series`.
fn years_of<'a>(series: impl Iterator<Item = &'a [Decimal]>) -> usize {
    series.map(<[Decimal]>::len).max().unwrap_or(0)
}

/// The text of a grid line's label: its exact value with the decimals the
/// step needs.
fn grid_label(line: &GridLine) -> String {
    format::grouped(line.label, line.places)
}

/// A hover text for a mark: "第 3 年：-1,234.00 万元".
fn mark_title(lang: Lang, what: &str, wan: Decimal) -> String {
    format!("{what}{}{}", colon(lang), format::money(lang, wan))
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

/// A row of the table alternative: its name, then its cells.
fn table_row(name: &str, cells: Html) -> Html {
    html! {
        <tr>
            <th scope="row">{ name }</th>
            { cells }
        </tr>
    }
}

/// A row of the table alternative: its name, then a money cell
/// `{prefix}.{id}` for each `(id, value)`.
fn money_row(lang: Lang, name: &str, prefix: &str, cells: &[(&str, Decimal)]) -> Html {
    let cells = cells
        .iter()
        .map(|(id, value)| money_cell(lang, format!("{prefix}.{id}"), *value))
        .collect();
    table_row(name, cells)
}

/// What a chart shows above its table alternative: an SVG plot `height`
/// units tall with its marks and its legend, or, with nothing to draw, a
/// note saying why.
enum Plot {
    Drawn {
        height: i32,
        marks: Html,
        legend: Html,
    },
    Empty(&'static str),
}

/// A chart: its caption (title, then what it shows and its unit), what
/// stands before the plot, the plot, what follows it, and the table
/// alternative folded away under "数据表" / "Data table". The plot and the
/// table are named by the title with the unit.
struct Chart<'a> {
    /// The figure's classes: `chart`, and more for a chart styled apart.
    class: &'static str,
    testid: &'static str,
    title: &'static str,
    caption: &'a str,
    before: Html,
    plot: Plot,
    after: Html,
    head: Html,
    body: Html,
    foot: Html,
}

impl Chart<'_> {
    fn view(self, lang: Lang) -> Html {
        // "单位：万元" / "Unit: CNY m" ends the caption; with the title before
        // it, "…，单位：万元" / "…. Unit: CNY m", it names the plot and the table.
        let unit = unit_note(lang, format::table_unit(lang));
        let name = AttrValue::from(format!("{}{}{unit}", self.title, lang.pick("，", ". ")));
        let plot = match self.plot {
            Plot::Drawn {
                height,
                marks,
                legend,
            } => html! {
                <>
                    <div class="chart-plot">
                        <svg class="chart-svg" role="img" aria-label={name.clone()}
                            viewBox={view_box(height)} preserveAspectRatio="xMidYMid meet" width="100%">
                            { marks }
                        </svg>
                    </div>
                    { legend }
                </>
            },
            Plot::Empty(text) => html! { <p class="chart-note">{ text }</p> },
        };
        html! {
            <figure class={self.class} data-testid={self.testid}>
                <figcaption>
                    <span class="chart-title">{ self.title }</span>
                    <span class="chart-caption">
                        { self.caption }{ " " }{ unit }
                    </span>
                </figcaption>
                { self.before }
                { plot }
                { self.after }
                <details class="chart-data">
                    <summary>{ chart_text(lang, ChartText::DataTable) }</summary>
                    <div class="chart-table-wrap">
                        <table class="chart-table">
                            <caption>{ name }</caption>
                            <thead>{ self.head }</thead>
                            <tbody>{ self.body }</tbody>
                            { self.foot }
                        </table>
                    </div>
                </details>
            </figure>
        }
    }
}

/// The body of a table alternative with one row per year and one money
/// column per series: cells `{prefix}.{series id}.{year}` with exact values;
/// a series shorter than the others leaves its cells empty.
fn year_rows(lang: Lang, prefix: &str, series: &[(&str, &[Decimal])]) -> Html {
    let years = years_of(series.iter().map(|(_, values)| *values));
    (0..years)
        .map(|index| {
            let year = index + 1;
            let cells = series
                .iter()
                .map(|(id, values)| match values.get(index) {
                    Some(value) => money_cell(lang, format!("{prefix}.{id}.{year}"), *value),
                    None => html! { <td></td> },
                })
                .collect();
            table_row(&year.to_string(), cells)
        })
        .collect()
}

/// The legend: the classes of a swatch (`chart-swatch` and its colour) and
/// a text per entry.
fn legend(items: &[(&'static str, &str)]) -> Html {
    html! {
        <ul class="chart-legend">
            { for items.iter().map(|(swatch, text)| html! {
                <li><span class={*swatch} aria-hidden="true"></span>{ *text }</li>
            }) }
        </ul>
    }
}

/// A line from `(x1, y1)` to `(x2, y2)`.
fn line(class: Option<&'static str>, x1: i32, x2: i32, y1: i32, y2: i32) -> Html {
    html! {
        <line class={class} x1={x1.to_string()} x2={x2.to_string()}
            y1={y1.to_string()} y2={y2.to_string()} />
    }
}

/// A text at `(x, y)`; `middle` lifts it by half a line to centre it on
/// `y`.
fn label(
    class: &'static str,
    x: i32,
    y: i32,
    middle: bool,
    anchor: Option<&'static str>,
    text: String,
) -> Html {
    html! {
        <text class={class} x={x.to_string()} y={y.to_string()}
            dy={middle.then_some("0.35em")} text-anchor={anchor}>{ text }</text>
    }
}

/// The classes of a bar of a value that may be `negative` (drawn red).
fn bar_class(negative: bool) -> &'static str {
    if negative {
        "chart-bar is-negative"
    } else {
        "chart-bar"
    }
}

/// A bar of classes `class` (`chart-bar` and its colour) with its hover
/// text.
fn bar(class: &'static str, x: i32, y: i32, width: i32, height: i32, title: String) -> Html {
    html! {
        <rect class={class} x={x.to_string()} y={y.to_string()}
            width={width.to_string()} height={height.to_string()}>
            <title>{ title }</title>
        </rect>
    }
}

/// A dot on a line, of classes `class` (`chart-point` and its colour), with
/// its hover text.
fn point(class: &'static str, (x, y): (i32, i32), title: String) -> Html {
    html! {
        <circle class={class} cx={x.to_string()} cy={y.to_string()} r="3">
            <title>{ title }</title>
        </circle>
    }
}

/// A line through `points`, of classes `class` (`chart-line` and its
/// colour and dash).
fn polyline(class: &'static str, line: &[(i32, i32)]) -> Html {
    html! {
        <polyline class={class} points={points(line)} />
    }
}

/// The marks of a chart over the years: horizontal grid lines with their
/// labels on the left, the marks drawn `under` the zero axis, the axis, the
/// marks `over` it, and the year numbers below the plot (every k-th year on
/// long periods).
fn year_marks(axes: &YearAxes, under: Html, over: Html) -> Html {
    let count = axes.centres.len();
    html! {
        <>
            <g class="chart-grid">
                { for axes.grid.iter().map(|grid_line| html! {
                    <>
                        { line(None, LEFT, PLOT_RIGHT, grid_line.at, grid_line.at) }
                        { label("chart-axis-label", VALUE_LABEL_X, grid_line.at, true, Some("end"),
                            grid_label(grid_line)) }
                    </>
                }) }
            </g>
            { under }
            { line(Some("chart-zero"), LEFT, PLOT_RIGHT, axes.zero, axes.zero) }
            { over }
            <g class="chart-years">
                { for axes.centres.iter().zip(1..).filter(|(_, year)| labels_year(*year, count)).map(|(x, year)| {
                    label("chart-axis-label", *x, axes.label_y, false, Some("middle"), year.to_string())
                }) }
            </g>
        </>
    }
}

/// Vertical grid lines through the rows of a span chart with their labels
/// below.
fn span_grid(chart: &SpanChart) -> Html {
    html! {
        <g class="chart-grid">
            { for chart.grid.iter().map(|grid_line| html! {
                <>
                    { line(None, grid_line.at, grid_line.at, chart.top, chart.bottom) }
                    { label("chart-axis-label", grid_line.at, chart.grid_label_y, false, Some("middle"),
                        grid_label(grid_line)) }
                </>
            }) }
        </g>
    }
}

/// The vertical line of a span chart at `x`, from its top to its bottom.
fn span_line(class: &'static str, chart: &SpanChart, x: i32) -> Html {
    line(Some(class), x, x, chart.top, chart.bottom)
}
