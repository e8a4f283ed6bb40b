//! The incentive breakdown (MODEL.md §5, rule 43): one horizontal bar per
//! kind with a nominal amount; the table lists every kind, nominal and PV.

use engine::incentives::IncentiveKind;
use rust_decimal::Decimal;
use yew::prelude::*;

use super::{accessible_name, caption, data_table, mark_title, money_cell, note, plot, span_grid};
use crate::chart_geometry::{span_chart, stretch, view_box};
use crate::format;
use crate::i18n::charts::{chart_text, incentive_name, ChartText};
use crate::i18n::Lang;

/// Room right of the bars for their amounts.
const AMOUNT_ROOM: i32 = 96;

/// Props of [`IncentiveChart`].
#[derive(Properties, PartialEq)]
pub struct IncentiveChartProps {
    /// Display language.
    pub lang: Lang,
    /// Each kind with its nominal total and its present value, 万元, in the
    /// engine's order.
    pub kinds: Vec<(IncentiveKind, Decimal, Decimal)>,
}

/// The incentive chart (`data-testid="chart.incentives"`).
#[function_component(IncentiveChart)]
pub fn incentive_chart(props: &IncentiveChartProps) -> Html {
    let lang = props.lang;
    // Kinds without an amount stay in the table only.
    let drawn: Vec<&(IncentiveKind, Decimal, Decimal)> = props
        .kinds
        .iter()
        .filter(|(_, nominal, _)| !nominal.is_zero())
        .collect();

    let plot_area = if drawn.is_empty() {
        note(chart_text(lang, ChartText::NoIncentives))
    } else {
        let rows: Vec<(f64, f64)> = drawn
            .iter()
            .map(|(_, nominal, _)| (0.0, plot(lang, *nominal)))
            .collect();
        let chart = span_chart(&rows, 0.0, AMOUNT_ROOM);
        let bars = chart.spans.iter().zip(&drawn).map(|(span, (kind, nominal, _))| {
            let name = incentive_name(lang, *kind);
            let bar = stretch(span.x_first, span.x_second);
            html! {
                <g class="chart-row">
                    <text class="chart-row-label" x={chart.label_x.to_string()} y={span.middle.to_string()}
                        dy="0.35em" text-anchor="end">{ name }</text>
                    <rect class={classes!("chart-bar", nominal.is_sign_negative().then_some("is-negative"))}
                        x={bar.x.to_string()} y={span.y.to_string()}
                        width={bar.width.to_string()} height={span.height.to_string()}>
                        <title>{ mark_title(lang, name, *nominal) }</title>
                    </rect>
                    <text class="chart-value-label" x={span.after.to_string()} y={span.middle.to_string()}
                        dy="0.35em">{ format::money_in_table(lang, *nominal) }</text>
                </g>
            }
        });
        html! {
            <div class="chart-plot">
                <svg class="chart-svg" role="img" aria-label={accessible_name(lang, ChartText::IncentivesTitle)}
                    viewBox={view_box(chart.height)} preserveAspectRatio="xMidYMid meet" width="100%">
                    { span_grid(&chart) }
                    <line class="chart-zero" x1={chart.reference.to_string()} x2={chart.reference.to_string()}
                        y1={chart.top.to_string()} y2={chart.bottom.to_string()} />
                    { for bars }
                </svg>
            </div>
        }
    };

    let head = html! {
        <tr>
            <th scope="col">{ chart_text(lang, ChartText::IncentiveKindHeader) }</th>
            <th scope="col">{ chart_text(lang, ChartText::Nominal) }</th>
            <th scope="col">{ chart_text(lang, ChartText::PresentValue) }</th>
        </tr>
    };
    let body = props
        .kinds
        .iter()
        .map(|(kind, nominal, present)| {
            let id = kind.as_str();
            html! {
                <tr>
                    <th scope="row">{ incentive_name(lang, *kind) }</th>
                    { money_cell(lang, format!("chart.incentives.{id}.nominal"), *nominal) }
                    { money_cell(lang, format!("chart.incentives.{id}.pv"), *present) }
                </tr>
            }
        })
        .collect::<Html>();

    html! {
        <figure class="chart" data-testid="chart.incentives">
            { caption(lang, ChartText::IncentivesTitle, chart_text(lang, ChartText::IncentivesCaption).to_owned()) }
            { plot_area }
            { data_table(lang, ChartText::IncentivesTitle, head, body, Html::default()) }
        </figure>
    }
}
