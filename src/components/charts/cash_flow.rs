//! Yearly after-tax project net cash flow as columns and its cumulative sum
//! as a line (PRODUCT.md J3), with the year table as its alternative.

use engine::Results;
use rust_decimal::Decimal;
use yew::prelude::*;

use super::{
    bar, bar_class, legend, mark_title, plot_all, point, polyline, year_marks, year_rows, Chart,
    Plot,
};
use crate::chart_geometry::{column_chart, HEIGHT};
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
        Plot::Empty(chart_text(lang, ChartText::NoData))
    } else {
        let chart = column_chart(&plot_all(lang, flows), &plot_all(lang, cumulative));
        let bars = chart
            .bars
            .iter()
            .zip(flows)
            .zip(1..)
            .map(|((column, value), year)| {
                bar(
                    bar_class(column.negative),
                    column.x,
                    column.y,
                    column.width,
                    column.height,
                    year_title(lang, year, flow_name, *value),
                )
            });
        let dots = chart
            .line
            .iter()
            .zip(cumulative)
            .zip(1..)
            .map(|((at, value), year)| {
                point(
                    "chart-point",
                    *at,
                    year_title(lang, year, cumulative_name, *value),
                )
            });
        let over = html! {
            <>
                { polyline("chart-line", &chart.line) }
                { for dots }
            </>
        };
        Plot::Drawn {
            height: HEIGHT,
            marks: year_marks(&chart.axes, bars.collect(), over),
            legend: legend(&[
                ("chart-swatch is-bar", flow_name),
                ("chart-swatch is-line", cumulative_name),
            ]),
        }
    };

    Chart {
        class: "chart",
        testid: "chart.cash_flow",
        title: chart_text(lang, ChartText::CashFlowTitle),
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
