//! Buy land vs rent (MODEL.md §5, rule 46): the cumulative after-tax project
//! cash flow of both site modes as two lines, with the crossover year marked.

use rust_decimal::Decimal;
use yew::prelude::*;

use super::{
    accessible_name, caption, data_table, legend_item, note, plot, value_grid, year_labels,
    year_rows, zero_axis,
};
use crate::chart_geometry::{
    line_chart, marker_label, points, view_box, HEIGHT, MARKER_LABEL_Y, PLOT_BOTTOM, TOP,
};
use crate::i18n::charts::{chart_text, crossover_note, ChartText};
use crate::i18n::Lang;

/// Props of [`BuyRentChart`].
#[derive(Properties, PartialEq)]
pub struct BuyRentChartProps {
    /// Display language.
    pub lang: Lang,
    /// Cumulative after-tax project flow of buy_land, years 1 … N, 万元;
    /// `None` when that mode's inputs are invalid.
    pub buy_land: Option<Vec<Decimal>>,
    /// The same for rent.
    pub rent: Option<Vec<Decimal>>,
    /// The engine's crossover year (rule 46), if any.
    pub crossover_year: Option<u32>,
}

/// One drawn side: its table id, its legend text and line class.
struct Side<'a> {
    id: &'static str,
    name: ChartText,
    class: &'static str,
    values: &'a [Decimal],
}

/// The buy-vs-rent chart (`data-testid="chart.buy_vs_rent"`).
#[function_component(BuyRentChart)]
pub fn buy_rent_chart(props: &BuyRentChartProps) -> Html {
    let lang = props.lang;
    let sides: Vec<Side<'_>> = [
        props.buy_land.as_deref().map(|values| Side {
            id: "buy_land",
            name: ChartText::BuyLand,
            class: "is-primary",
            values,
        }),
        props.rent.as_deref().map(|values| Side {
            id: "rent",
            name: ChartText::Rent,
            class: "is-secondary",
            values,
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    let years = sides
        .iter()
        .map(|side| side.values.len())
        .max()
        .unwrap_or(0);

    let missing = html! {
        <>
            if props.buy_land.is_none() {
                <p class="chart-note" data-testid="chart.buy_vs_rent.buy_land.missing">
                    { chart_text(lang, ChartText::BuyLandMissing) }
                </p>
            }
            if props.rent.is_none() {
                <p class="chart-note" data-testid="chart.buy_vs_rent.rent.missing">
                    { chart_text(lang, ChartText::RentMissing) }
                </p>
            }
        </>
    };

    let plot_area = if years == 0 {
        note(chart_text(lang, ChartText::NoData))
    } else {
        let series: Vec<Vec<f64>> = sides
            .iter()
            .map(|side| side.values.iter().map(|value| plot(lang, *value)).collect())
            .collect();
        let chart = line_chart(&series);
        let lines = sides.iter().zip(&chart.series).map(|(side, line)| {
            html! {
                <polyline class={classes!("chart-line", side.class)} points={points(line)} />
            }
        });
        let marker = props.crossover_year.and_then(|year| {
            let x = chart.year_x(year)?;
            let (label_x, anchor) = marker_label(x);
            Some(html! {
                <g class="chart-marker">
                    <line x1={x.to_string()} x2={x.to_string()}
                        y1={TOP.to_string()} y2={PLOT_BOTTOM.to_string()} />
                    <text class="chart-marker-label" x={label_x.to_string()} y={MARKER_LABEL_Y.to_string()}
                        text-anchor={anchor}>
                        { format!("{} {year}", chart_text(lang, ChartText::Crossover)) }
                    </text>
                </g>
            })
        });
        html! {
            <>
                <div class="chart-plot">
                    <svg class="chart-svg" role="img" aria-label={accessible_name(lang, ChartText::BuyRentTitle)}
                        viewBox={view_box(HEIGHT)} preserveAspectRatio="xMidYMid meet" width="100%">
                        { value_grid(&chart.grid) }
                        { zero_axis(chart.zero) }
                        { for marker }
                        { for lines }
                        { year_labels(&chart.centres, chart.label_y) }
                    </svg>
                </div>
                <ul class="chart-legend">
                    { for sides.iter().map(|side| legend_item(side.class, chart_text(lang, side.name))) }
                </ul>
            </>
        }
    };

    // The crossover only means something when both sides were evaluated.
    let crossover = (props.buy_land.is_some() && props.rent.is_some()).then(|| {
        let (text, value) = match props.crossover_year {
            Some(year) => (crossover_note(lang, year), year.to_string()),
            None => (chart_text(lang, ChartText::NoCrossover).to_owned(), String::new()),
        };
        html! {
            <p class="chart-note" data-testid="chart.buy_vs_rent.crossover" data-value={value}>{ text }</p>
        }
    });

    let head = html! {
        <tr>
            <th scope="col">{ chart_text(lang, ChartText::Year) }</th>
            { for sides.iter().map(|side| html! { <th scope="col">{ chart_text(lang, side.name) }</th> }) }
        </tr>
    };
    let columns: Vec<(&str, &[Decimal])> =
        sides.iter().map(|side| (side.id, side.values)).collect();
    let body = year_rows(lang, "chart.buy_vs_rent", &columns);

    html! {
        <figure class="chart" data-testid="chart.buy_vs_rent">
            { caption(lang, ChartText::BuyRentTitle, chart_text(lang, ChartText::BuyRentCaption).to_owned()) }
            { missing }
            { plot_area }
            { for crossover }
            { data_table(lang, ChartText::BuyRentTitle, head, body, Html::default()) }
        </figure>
    }
}
