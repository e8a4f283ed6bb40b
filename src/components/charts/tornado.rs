//! The tornado of MODEL.md rule 47: for each input, the after-tax project NPV
//! with the input × (1 − s) and × (1 + s), as bars out from a vertical line
//! at the base NPV, in the engine's order (largest swing first).

use engine::sensitivity::TornadoBar;
use rust_decimal::Decimal;
use yew::prelude::*;

use super::{bar, label, legend, mark_title, money_row, plot, span_grid, span_line, Chart, Plot};
use crate::chart_geometry::{span_chart, stretch};
use crate::components::figure::head_row;
use crate::format;
use crate::i18n::charts::{
    chart_text, sensitive_input_name, tornado_caption, tornado_high, tornado_low, ChartText,
};
use crate::i18n::Lang;

/// The tornado of `bars` around the after-tax project NPV `base_npv`
/// (万元), for the sensitivity range `range` (a fraction).
pub fn tornado_chart(lang: Lang, base_npv: Decimal, bars: &[TornadoBar], range: Decimal) -> Html {
    let range = format::percent(range);
    let low_name = tornado_low(lang, &range);
    let high_name = tornado_high(lang, &range);
    let base_name = chart_text(lang, ChartText::BaseNpv);

    let plot_area = if bars.is_empty() {
        Plot::Empty(chart_text(lang, ChartText::NoData))
    } else {
        let rows: Vec<(f64, f64)> = bars
            .iter()
            .map(|bar| (plot(lang, bar.npv_low), plot(lang, bar.npv_high)))
            .collect();
        let chart = span_chart(&rows, plot(lang, base_npv), 0);
        let rows = chart.spans.iter().zip(bars).map(|(span, tornado_bar)| {
            let name = sensitive_input_name(lang, tornado_bar.input);
            let low = stretch(chart.reference, span.x_first);
            let high = stretch(chart.reference, span.x_second);
            let part = |class: &'static str, x: i32, width: i32, side: &str, value: Decimal| {
                let title = mark_title(lang, &format!("{name} {side}"), value);
                bar(class, x, span.y, width, span.height, title)
            };
            let low_part = part("chart-bar is-low", low.x, low.width, &low_name, tornado_bar.npv_low);
            let high_part = part("chart-bar is-high", high.x, high.width, &high_name, tornado_bar.npv_high);
            // The longer part goes underneath, so both stay visible when
            // they fall on the same side of the base.
            let (under, over) = if low.width >= high.width {
                (low_part, high_part)
            } else {
                (high_part, low_part)
            };
            html! {
                <g class="chart-row">
                    { label("chart-row-label", chart.label_x, span.middle, true, Some("end"), name.to_owned()) }
                    { under }
                    { over }
                </g>
            }
        });
        Plot::Drawn {
            height: chart.height,
            marks: html! {
                <>
                    { span_grid(&chart) }
                    { for rows }
                    { span_line("chart-reference", &chart, chart.reference) }
                    { label("chart-marker-label", chart.reference, chart.reference_label_y, false,
                        Some(chart.reference_label_anchor), base_name.to_owned()) }
                </>
            },
            legend: legend(&[
                ("chart-swatch is-low", &low_name),
                ("chart-swatch is-high", &high_name),
                ("chart-swatch is-reference", base_name),
            ]),
        }
    };

    let body = bars
        .iter()
        .map(|bar| {
            let prefix = format!("chart.tornado.{}", bar.input.as_str());
            let cells = [
                ("low", bar.npv_low),
                ("high", bar.npv_high),
                ("swing", bar.swing),
            ];
            money_row(lang, sensitive_input_name(lang, bar.input), &prefix, &cells)
        })
        .collect::<Html>();
    let base_cells = html! {
        <>
            { super::money_cell(lang, "chart.tornado.base".to_owned(), base_npv) }
            <td></td>
            <td></td>
        </>
    };
    let foot = html! { <tfoot>{ super::table_row(base_name, base_cells) }</tfoot> };

    Chart {
        class: "chart",
        testid: "chart.tornado",
        title: chart_text(lang, ChartText::TornadoTitle),
        caption: &tornado_caption(lang, &range),
        before: Html::default(),
        plot: plot_area,
        after: Html::default(),
        head: head_row(&[
            chart_text(lang, ChartText::TornadoInput),
            &low_name,
            &high_name,
            chart_text(lang, ChartText::TornadoSwing),
        ]),
        body,
        foot,
    }
    .view(lang)
}
