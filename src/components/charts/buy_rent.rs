//! Buy land vs rent (MODEL.md §5, rule 46): the cumulative after-tax project
//! cash flow of both site modes as two lines, with the crossover year marked.

use engine::compare::{BuyVsRent, ModeSide};
use rust_decimal::Decimal;
use yew::prelude::*;

use super::{
    label, legend, line, plot_all, polyline, year_marks, year_rows, years_of, Chart, Plot,
};
use crate::chart_geometry::{line_chart, marker_label, HEIGHT, MARKER_LABEL_Y, PLOT_BOTTOM, TOP};
use crate::components::figure::head_row;
use crate::i18n::charts::{chart_text, crossover_note, ChartText};
use crate::i18n::Lang;

/// One drawn side: its table id, its legend text, the classes of its line
/// and of its legend swatch, and its values.
struct Side<'a> {
    id: &'static str,
    name: &'static str,
    line_class: &'static str,
    swatch_class: &'static str,
    values: &'a [Decimal],
}

/// A side that could not be evaluated: the note saying so.
fn missing(lang: Lang, id: &str, values: Option<&[Decimal]>, text: ChartText) -> Html {
    if values.is_some() {
        return Html::default();
    }
    html! {
        <p class="chart-note" data-testid={format!("chart.buy_vs_rent.{id}.missing")}>
            { chart_text(lang, text) }
        </p>
    }
}

/// The buy-vs-rent chart of the scenario: the cumulative flows of both
/// modes and the crossover year.
pub fn buy_rent_chart(lang: Lang, compare: &BuyVsRent) -> Html {
    fn cumulative(side: &ModeSide) -> Option<&[Decimal]> {
        match side {
            ModeSide::Figures(figures) => Some(&figures.cumulative),
            ModeSide::Errors(_) => None,
        }
    }
    draw(
        lang,
        cumulative(&compare.buy_land),
        cumulative(&compare.rent),
        compare.crossover_year,
    )
}

/// The chart of the cumulative flows of both modes (万元, `None` for a mode
/// that could not be evaluated) and the crossover year.
fn draw(
    lang: Lang,
    buy_land: Option<&[Decimal]>,
    rent: Option<&[Decimal]>,
    crossover_year: Option<u32>,
) -> Html {
    let sides: Vec<Side<'_>> = [
        (
            "buy_land",
            ChartText::BuyLand,
            ("chart-line is-primary", "chart-swatch is-primary"),
            buy_land,
        ),
        (
            "rent",
            ChartText::Rent,
            ("chart-line is-secondary", "chart-swatch is-secondary"),
            rent,
        ),
    ]
    .into_iter()
    .filter_map(|(id, name, (line_class, swatch_class), values)| {
        Some(Side {
            id,
            name: chart_text(lang, name),
            line_class,
            swatch_class,
            values: values?,
        })
    })
    .collect();
    let years = years_of(sides.iter().map(|side| side.values));

    let plot_area = if years == 0 {
        Plot::Empty(chart_text(lang, ChartText::NoData))
    } else {
        let series: Vec<Vec<f64>> = sides
            .iter()
            .map(|side| plot_all(lang, side.values))
            .collect();
        let chart = line_chart(&series);
        let lines = sides
            .iter()
            .zip(&chart.series)
            .map(|(side, points_of)| polyline(side.line_class, points_of));
        let marker = crossover_year.and_then(|year| {
            let x = chart.axes.year_x(year)?;
            let (label_x, anchor) = marker_label(x);
            let text = format!("{} {year}", chart_text(lang, ChartText::Crossover));
            Some(html! {
                <g class="chart-marker">
                    { line(None, x, x, TOP, PLOT_BOTTOM) }
                    { label("chart-marker-label", label_x, MARKER_LABEL_Y, false, Some(anchor), text) }
                </g>
            })
        });
        let over = html! {
            <>
                { for marker }
                { for lines }
            </>
        };
        let legend_items: Vec<(&'static str, &str)> = sides
            .iter()
            .map(|side| (side.swatch_class, side.name))
            .collect();
        Plot::Drawn {
            height: HEIGHT,
            marks: year_marks(&chart.axes, Html::default(), over),
            legend: legend(&legend_items),
        }
    };

    // The crossover only means something when both sides were evaluated.
    let crossover = if buy_land.is_some() && rent.is_some() {
        let (text, value) = match crossover_year {
            Some(year) => (crossover_note(lang, year), year.to_string()),
            None => (
                chart_text(lang, ChartText::NoCrossover).to_owned(),
                String::new(),
            ),
        };
        html! {
            <p class="chart-note" data-testid="chart.buy_vs_rent.crossover" data-value={value}>{ text }</p>
        }
    } else {
        Html::default()
    };

    let mut head = vec![chart_text(lang, ChartText::Year)];
    head.extend(sides.iter().map(|side| side.name));
    let columns: Vec<(&str, &[Decimal])> =
        sides.iter().map(|side| (side.id, side.values)).collect();
    Chart {
        class: "chart",
        testid: "chart.buy_vs_rent",
        title: chart_text(lang, ChartText::BuyRentTitle),
        caption: chart_text(lang, ChartText::BuyRentCaption),
        before: html! {
            <>
                { missing(lang, "buy_land", buy_land, ChartText::BuyLandMissing) }
                { missing(lang, "rent", rent, ChartText::RentMissing) }
            </>
        },
        plot: plot_area,
        after: crossover,
        head: head_row(&head),
        body: year_rows(lang, "chart.buy_vs_rent", &columns),
        foot: Html::default(),
    }
    .view(lang)
}
