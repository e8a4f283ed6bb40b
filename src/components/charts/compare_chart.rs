//! Saved scenarios compared (PRODUCT.md J9): the cumulative after-tax
//! project cash flow of up to three scenarios, and optionally the one on
//! screen, as lines on one scale, with a legend and the table alternative.

use rust_decimal::Decimal;
use yew::prelude::*;

use super::{
    legend, mark_title, plot_all, point, polyline, year_marks, year_rows, years_of, Chart, Plot,
};
use crate::chart_geometry::{line_chart, HEIGHT};
use crate::components::figure::head_row;
use crate::i18n::charts::{chart_text, year_label, ChartText};
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

/// The classes of a slot's line, dots and legend swatch, which give it its
/// colour and dash.
struct SlotClasses {
    line: &'static str,
    point: &'static str,
    swatch: &'static str,
}

/// The classes of the slot `slot`.
fn slot_classes(slot: &str) -> SlotClasses {
    let (line, point, swatch) = match slot {
        "0" => (
            "chart-line is-slot-0",
            "chart-point is-slot-0",
            "chart-swatch is-slot-0",
        ),
        "1" => (
            "chart-line is-slot-1",
            "chart-point is-slot-1",
            "chart-swatch is-slot-1",
        ),
        "2" => (
            "chart-line is-slot-2",
            "chart-point is-slot-2",
            "chart-swatch is-slot-2",
        ),
        _ => (
            "chart-line is-current",
            "chart-point is-current",
            "chart-swatch is-current",
        ),
    };
    SlotClasses {
        line,
        point,
        swatch,
    }
}

/// The comparison chart (`data-testid="chart.compare"`).
#[function_component(CompareChart)]
pub fn compare_chart(props: &CompareChartProps) -> Html {
    let lang = props.lang;
    let series = &props.series;
    let years = years_of(series.iter().map(|series| series.values.as_slice()));

    let plot_area = if years == 0 {
        Plot::Empty(chart_text(lang, ChartText::NoData))
    } else {
        let values: Vec<Vec<f64>> = series
            .iter()
            .map(|series| plot_all(lang, &series.values))
            .collect();
        let chart = line_chart(&values);
        let lines = series.iter().zip(&chart.series).map(|(series, line)| {
            let classes = slot_classes(&series.slot);
            let dots = line
                .iter()
                .zip(&series.values)
                .zip(1..)
                .map(|((at, value), year)| {
                    let what = format!("{} · {}", series.name, year_label(lang, year));
                    point(classes.point, *at, mark_title(lang, &what, *value))
                });
            html! {
                <g class="compare-series" data-slot={series.slot.clone()}>
                    { polyline(classes.line, line) }
                    { for dots }
                </g>
            }
        });
        let legend_items: Vec<(&'static str, &str)> = series
            .iter()
            .map(|series| (slot_classes(&series.slot).swatch, series.name.as_str()))
            .collect();
        Plot::Drawn {
            height: HEIGHT,
            marks: year_marks(&chart.axes, Html::default(), lines.collect()),
            legend: legend(&legend_items),
        }
    };

    let mut head = vec![chart_text(lang, ChartText::Year)];
    head.extend(series.iter().map(|series| series.name.as_str()));
    let columns: Vec<(&str, &[Decimal])> = series
        .iter()
        .map(|series| (series.slot.as_str(), series.values.as_slice()))
        .collect();

    Chart {
        class: "chart compare-chart",
        testid: "chart.compare",
        title: compare_text(lang, CompareText::ChartTitle),
        caption: compare_text(lang, CompareText::ChartCaption),
        before: Html::default(),
        plot: plot_area,
        after: Html::default(),
        head: head_row(&head),
        body: year_rows(lang, "chart.compare", &columns),
        foot: Html::default(),
    }
    .view(lang)
}
