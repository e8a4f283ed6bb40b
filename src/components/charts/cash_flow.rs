//! Yearly after-tax project net cash flow as columns and its cumulative sum
//! as a line (PRODUCT.md J3), with the year table as its alternative.

use engine::Results;
use rust_decimal::Decimal;
use yew::prelude::*;

use super::{
    bar, legend, mark_title, note, plot, plot_svg, value_grid, year_labels, year_rows, zero_axis,
    Chart,
};
use crate::chart_geometry::{column_chart, points, HEIGHT};
use crate::components::figure::head_row;
use crate::i18n::charts::{chart_text, year_label, ChartText};
use crate::i18n::Lang;

/// "第 3 年 · 净现金流量：-1,234.00 万元".
fn year_title(lang: Lang, year: usize, name: &str, wan: Decimal) -> String {
    let mut what = year_label(lang, year);
    what.push_str(" · ");
    what.push_str(name);
    mark_title(lang, &what, wan)
}

/// The cash-flow chart of the scenario's after-tax project flows and their
/// cumulative sum.
pub fn cash_flow_chart(lang: Lang, results: &Results) -> Html {
    let flows = &results.table.ncf_project_after_tax;
    let cumulative = engine::finance::cumulative(flows).unwrap_or_default();
    draw(lang, flows, &cumulative)
}

/// The chart of `flows` and their `cumulative` sum (万元).
fn draw(lang: Lang, flows: &[Decimal], cumulative: &[Decimal]) -> Html {
    let years = flows.len().max(cumulative.len());
    let flow_name = chart_text(lang, ChartText::CashFlowFlow);
    let cumulative_name = chart_text(lang, ChartText::CashFlowCumulative);

    let plot_area = if years == 0 {
        note(chart_text(lang, ChartText::NoData))
    } else {
        let to_plot = |values: &[Decimal]| -> Vec<f64> {
            values.iter().map(|value| plot(lang, *value)).collect()
        };
        let chart = column_chart(&to_plot(flows), &to_plot(cumulative));
        let bars = chart
            .bars
            .iter()
            .zip(flows)
            .zip(1..)
            .map(|((column, value), year)| {
                bar(
                    classes!("chart-bar", column.negative.then_some("is-negative")),
                    column.x,
                    column.y,
                    column.width,
                    column.height,
                    year_title(lang, year, flow_name, *value),
                )
            });
        let dots = chart.line.iter().zip(cumulative).zip(1..).map(|((point, value), year)| {
            html! {
                <circle class="chart-point" cx={point.0.to_string()} cy={point.1.to_string()} r="3">
                    <title>{ year_title(lang, year, cumulative_name, *value) }</title>
                </circle>
            }
        });
        html! {
            <>
                { plot_svg(lang, ChartText::CashFlowTitle, HEIGHT, html! {
                    <>
                        { value_grid(&chart.grid) }
                        { for bars }
                        { zero_axis(chart.zero) }
                        <polyline class="chart-line" points={points(&chart.line)} />
                        { for dots }
                        { year_labels(&chart.centres, chart.label_y) }
                    </>
                }) }
                { legend(&[("is-bar", flow_name), ("is-line", cumulative_name)]) }
            </>
        }
    };

    Chart {
        testid: "chart.cash_flow",
        title: ChartText::CashFlowTitle,
        caption: chart_text(lang, ChartText::CashFlowCaption),
        before: Html::default(),
        plot: plot_area,
        after: Html::default(),
        head: head_row(&[
            chart_text(lang, ChartText::Year),
            flow_name,
            cumulative_name,
        ]),
        body: year_rows(
            lang,
            "chart.cash_flow",
            &[("flow", flows), ("cumulative", cumulative)],
        ),
        foot: Html::default(),
    }
    .view(lang)
}
