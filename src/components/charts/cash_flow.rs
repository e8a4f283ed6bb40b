//! Yearly after-tax project net cash flow as columns and its cumulative sum
//! as a line (PRODUCT.md J3), with the year table as its alternative.

use rust_decimal::Decimal;
use yew::prelude::*;

use super::{
    accessible_name, caption, data_table, legend_item, mark_title, money_cell, note, plot,
    value_grid, year_labels, zero_axis,
};
use crate::chart_geometry::{column_chart, points, view_box, HEIGHT};
use crate::i18n::charts::{chart_text, year_label, ChartText};
use crate::i18n::Lang;

/// Props of [`CashFlowChart`].
#[derive(Properties, PartialEq)]
pub struct CashFlowChartProps {
    /// Display language.
    pub lang: Lang,
    /// After-tax project net cash flow of years 1 … N, 万元.
    pub flows: Vec<Decimal>,
    /// Its cumulative sum, years 1 … N, 万元 (from the engine).
    pub cumulative: Vec<Decimal>,
}

/// The cash-flow chart (`data-testid="chart.cash_flow"`).
#[function_component(CashFlowChart)]
pub fn cash_flow_chart(props: &CashFlowChartProps) -> Html {
    let lang = props.lang;
    let years = props.flows.len().max(props.cumulative.len());
    let flow_name = chart_text(lang, ChartText::CashFlowFlow);
    let cumulative_name = chart_text(lang, ChartText::CashFlowCumulative);

    let plot_area = if years == 0 {
        note(chart_text(lang, ChartText::NoData))
    } else {
        let flows: Vec<f64> = props.flows.iter().map(|value| plot(lang, *value)).collect();
        let cumulative: Vec<f64> = props
            .cumulative
            .iter()
            .map(|value| plot(lang, *value))
            .collect();
        let chart = column_chart(&flows, &cumulative);
        let bars = chart
            .bars
            .iter()
            .zip(&props.flows)
            .zip(1..)
            .map(|((bar, value), year)| {
                let title = mark_title(
                    lang,
                    &format!("{} · {flow_name}", year_label(lang, year)),
                    *value,
                );
                html! {
                    <rect class={classes!("chart-bar", bar.negative.then_some("is-negative"))}
                        x={bar.x.to_string()} y={bar.y.to_string()}
                        width={bar.width.to_string()} height={bar.height.to_string()}>
                        <title>{ title }</title>
                    </rect>
                }
            });
        let dots = chart.line.iter().zip(&props.cumulative).zip(1..).map(|((point, value), year)| {
            let title = mark_title(
                lang,
                &format!("{} · {cumulative_name}", year_label(lang, year)),
                *value,
            );
            html! {
                <circle class="chart-point" cx={point.0.to_string()} cy={point.1.to_string()} r="3">
                    <title>{ title }</title>
                </circle>
            }
        });
        html! {
            <>
                <div class="chart-plot">
                    <svg class="chart-svg" role="img" aria-label={accessible_name(lang, ChartText::CashFlowTitle)}
                        viewBox={view_box(HEIGHT)} preserveAspectRatio="xMidYMid meet" width="100%">
                        { value_grid(&chart.grid) }
                        { for bars }
                        { zero_axis(chart.zero) }
                        <polyline class="chart-line" points={points(&chart.line)} />
                        { for dots }
                        { year_labels(&chart.centres, chart.label_y) }
                    </svg>
                </div>
                <ul class="chart-legend">
                    { legend_item("is-bar", flow_name) }
                    { legend_item("is-line", cumulative_name) }
                </ul>
            </>
        }
    };

    let head = html! {
        <tr>
            <th scope="col">{ chart_text(lang, ChartText::Year) }</th>
            <th scope="col">{ flow_name }</th>
            <th scope="col">{ cumulative_name }</th>
        </tr>
    };
    let body = (1..=years)
        .map(|year| {
            let flow = props.flows.get(year - 1).map_or_else(
                || html! { <td></td> },
                |value| money_cell(lang, format!("chart.cash_flow.flow.{year}"), *value),
            );
            let cumulative = props.cumulative.get(year - 1).map_or_else(
                || html! { <td></td> },
                |value| money_cell(lang, format!("chart.cash_flow.cumulative.{year}"), *value),
            );
            html! {
                <tr>
                    <th scope="row">{ year.to_string() }</th>
                    { flow }
                    { cumulative }
                </tr>
            }
        })
        .collect::<Html>();

    html! {
        <figure class="chart" data-testid="chart.cash_flow">
            { caption(lang, ChartText::CashFlowTitle, chart_text(lang, ChartText::CashFlowCaption).to_owned()) }
            { plot_area }
            { data_table(lang, ChartText::CashFlowTitle, head, body, Html::default()) }
        </figure>
    }
}
