//! The incentive breakdown (MODEL.md §5, rule 43): one horizontal bar per
//! kind with a nominal amount; the table lists every kind, nominal and PV.

use engine::Results;
use rust_decimal::Decimal;
use yew::prelude::*;

use super::{
    bar, bar_class, label, mark_title, money_row, plot, span_grid, span_line, Chart, Plot,
};
use crate::chart_geometry::{span_chart, stretch};
use crate::components::figure::head_row;
use crate::format;
use crate::i18n::charts::{chart_text, incentive_name, ChartText};
use crate::i18n::Lang;

/// Room right of the bars for their amounts.
const AMOUNT_ROOM: i32 = 96;

/// The incentive chart of the scenario: each kind with its nominal total
/// and present value.
pub fn incentive_chart(lang: Lang, results: &Results) -> Html {
    let kinds = &results.incentives.by_kind;
    // Kinds without an amount stay in the table only.
    let drawn: Vec<(&'static str, Decimal)> = kinds
        .iter()
        .filter(|(_, amount)| !amount.nominal.is_zero())
        .map(|(kind, amount)| (incentive_name(lang, *kind), amount.nominal))
        .collect();

    let plot_area = if drawn.is_empty() {
        Plot::Empty(chart_text(lang, ChartText::NoIncentives))
    } else {
        let rows: Vec<(f64, f64)> = drawn
            .iter()
            .map(|(_, nominal)| (0.0, plot(lang, *nominal)))
            .collect();
        let chart = span_chart(&rows, 0.0, AMOUNT_ROOM);
        let bars = chart.spans.iter().zip(&drawn).map(|(span, (name, nominal))| {
            let stretched = stretch(span.x_first, span.x_second);
            html! {
                <g class="chart-row">
                    { label("chart-row-label", chart.label_x, span.middle, true, Some("end"), (*name).to_owned()) }
                    { bar(bar_class(nominal.is_sign_negative()),
                        stretched.x, span.y, stretched.width, span.height, mark_title(lang, name, *nominal)) }
                    { label("chart-value-label", span.after, span.middle, true, None,
                        format::money_in_table(lang, *nominal)) }
                </g>
            }
        });
        Plot::Drawn {
            height: chart.height,
            marks: html! {
                <>
                    { span_grid(&chart) }
                    { span_line("chart-zero", &chart, chart.reference) }
                    { for bars }
                </>
            },
            legend: Html::default(),
        }
    };

    let body = kinds
        .iter()
        .map(|(kind, amount)| {
            let prefix = format!("chart.incentives.{}", kind.as_str());
            money_row(
                lang,
                incentive_name(lang, *kind),
                &prefix,
                &[("nominal", amount.nominal), ("pv", amount.pv)],
            )
        })
        .collect::<Html>();

    Chart {
        class: "chart",
        testid: "chart.incentives",
        title: chart_text(lang, ChartText::IncentivesTitle),
        caption: chart_text(lang, ChartText::IncentivesCaption),
        before: Html::default(),
        plot: plot_area,
        after: Html::default(),
        head: head_row(&[
            chart_text(lang, ChartText::IncentiveKindHeader),
            chart_text(lang, ChartText::Nominal),
            chart_text(lang, ChartText::PresentValue),
        ]),
        body,
        foot: Html::default(),
    }
    .view(lang)
}
