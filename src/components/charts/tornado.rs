//! The tornado of MODEL.md rule 47: for each input, the after-tax project NPV
//! with the input × (1 − s) and × (1 + s), as bars out from a vertical line
//! at the base NPV, in the engine's order (largest swing first).

use engine::sensitivity::TornadoBar;
use rust_decimal::Decimal;
use yew::prelude::*;

use super::{
    accessible_name, caption, data_table, legend_item, mark_title, money_cell, note, plot,
    span_grid,
};
use crate::chart_geometry::{span_chart, stretch, view_box};
use crate::format;
use crate::i18n::charts::{
    chart_text, sensitive_input_name, tornado_caption, tornado_high, tornado_low, ChartText,
};
use crate::i18n::Lang;

/// Props of [`TornadoChart`].
#[derive(Properties, PartialEq)]
pub struct TornadoChartProps {
    /// Display language.
    pub lang: Lang,
    /// The after-tax project NPV of the scenario, 万元.
    pub base_npv: Decimal,
    /// The engine's bars, already sorted by swing.
    pub bars: Vec<TornadoBar>,
    /// The sensitivity range s as a fraction (0.2 for ±20 %).
    pub range: Decimal,
}

/// The tornado chart (`data-testid="chart.tornado"`).
#[function_component(TornadoChart)]
pub fn tornado_chart(props: &TornadoChartProps) -> Html {
    let lang = props.lang;
    let range = format::percent(props.range);
    let low_name = tornado_low(lang, &range);
    let high_name = tornado_high(lang, &range);
    let base_name = chart_text(lang, ChartText::BaseNpv);

    let plot_area = if props.bars.is_empty() {
        note(chart_text(lang, ChartText::NoData))
    } else {
        let rows: Vec<(f64, f64)> = props
            .bars
            .iter()
            .map(|bar| (plot(lang, bar.npv_low), plot(lang, bar.npv_high)))
            .collect();
        let chart = span_chart(&rows, plot(lang, props.base_npv), 0);
        let rows = chart.spans.iter().zip(&props.bars).map(|(span, bar)| {
            let name = sensitive_input_name(lang, bar.input);
            let low = stretch(chart.reference, span.x_first);
            let high = stretch(chart.reference, span.x_second);
            let part = |class: &'static str, x: i32, width: i32, label: &str, value: Decimal| {
                html! {
                    <rect class={classes!("chart-bar", class)} x={x.to_string()} y={span.y.to_string()}
                        width={width.to_string()} height={span.height.to_string()}>
                        <title>{ mark_title(lang, &format!("{name} {label}"), value) }</title>
                    </rect>
                }
            };
            let low_part = part("is-low", low.x, low.width, &low_name, bar.npv_low);
            let high_part = part("is-high", high.x, high.width, &high_name, bar.npv_high);
            // The longer part goes underneath, so both stay visible when
            // they fall on the same side of the base.
            let (under, over) = if low.width >= high.width {
                (low_part, high_part)
            } else {
                (high_part, low_part)
            };
            html! {
                <g class="chart-row">
                    <text class="chart-row-label" x={chart.label_x.to_string()} y={span.middle.to_string()}
                        dy="0.35em" text-anchor="end">{ name }</text>
                    { under }
                    { over }
                </g>
            }
        });
        html! {
            <>
                <div class="chart-plot">
                    <svg class="chart-svg" role="img" aria-label={accessible_name(lang, ChartText::TornadoTitle)}
                        viewBox={view_box(chart.height)} preserveAspectRatio="xMidYMid meet" width="100%">
                        { span_grid(&chart) }
                        { for rows }
                        <line class="chart-reference" x1={chart.reference.to_string()} x2={chart.reference.to_string()}
                            y1={chart.top.to_string()} y2={chart.bottom.to_string()} />
                        <text class="chart-marker-label" x={chart.reference.to_string()}
                            y={chart.reference_label_y.to_string()} text-anchor={chart.reference_label_anchor}>{ base_name }</text>
                    </svg>
                </div>
                <ul class="chart-legend">
                    { legend_item("is-low", &low_name) }
                    { legend_item("is-high", &high_name) }
                    { legend_item("is-reference", base_name) }
                </ul>
            </>
        }
    };

    let head = html! {
        <tr>
            <th scope="col">{ chart_text(lang, ChartText::TornadoInput) }</th>
            <th scope="col">{ low_name.clone() }</th>
            <th scope="col">{ high_name.clone() }</th>
            <th scope="col">{ chart_text(lang, ChartText::TornadoSwing) }</th>
        </tr>
    };
    let body = props
        .bars
        .iter()
        .map(|bar| {
            let id = bar.input.as_str();
            html! {
                <tr>
                    <th scope="row">{ sensitive_input_name(lang, bar.input) }</th>
                    { money_cell(lang, format!("chart.tornado.{id}.low"), bar.npv_low) }
                    { money_cell(lang, format!("chart.tornado.{id}.high"), bar.npv_high) }
                    { money_cell(lang, format!("chart.tornado.{id}.swing"), bar.swing) }
                </tr>
            }
        })
        .collect::<Html>();
    let foot = html! {
        <tfoot>
            <tr>
                <th scope="row">{ base_name }</th>
                { money_cell(lang, "chart.tornado.base".to_owned(), props.base_npv) }
                <td></td>
                <td></td>
            </tr>
        </tfoot>
    };

    html! {
        <figure class="chart" data-testid="chart.tornado">
            { caption(lang, ChartText::TornadoTitle, tornado_caption(lang, &range)) }
            { plot_area }
            { data_table(lang, ChartText::TornadoTitle, head, body, foot) }
        </figure>
    }
}
