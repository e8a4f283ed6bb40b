//! Buy land vs rent a factory (MODEL.md rule 46): both modes side by side
//! with their cumulative after-tax flows.

use engine::compare::ModeSide;
use engine::Results;
use yew::prelude::*;

use crate::components::charts::BuyRentChart;
use crate::components::figure::{irr_parts, payback_parts};
use crate::form::FieldMessage;
use crate::format;
use crate::i18n::{fill, text, Lang, Msg};

/// Props of [`BuyVsRent`].
#[derive(Properties, PartialEq)]
pub struct BuyVsRentProps {
    /// Display language.
    pub lang: Lang,
    /// The results shown.
    pub results: std::rc::Rc<Results>,
}

fn side_cells(lang: Lang, key: &str, side: &ModeSide) -> Html {
    match side {
        ModeSide::Figures(figures) => {
            let (irr_shown, irr_value, _) = irr_parts(lang, &figures.irr);
            let (static_shown, static_value) = payback_parts(lang, figures.static_payback);
            let (dynamic_shown, dynamic_value) = payback_parts(lang, figures.dynamic_payback);
            let cells = [
                (
                    "npv",
                    format::money(lang, figures.npv),
                    format::exact(figures.npv),
                ),
                ("irr", irr_shown, irr_value),
                ("static_payback", static_shown, static_value),
                ("dynamic_payback", dynamic_shown, dynamic_value),
                (
                    "eac",
                    format::money(lang, figures.eac),
                    format::exact(figures.eac),
                ),
            ];
            html! {
                <td>
                    <dl class="pairs">
                        { for cells.into_iter().map(|(name, shown, value)| {
                            let label = match name {
                                "npv" => Msg::Npv,
                                "irr" => Msg::Irr,
                                "static_payback" => Msg::StaticPayback,
                                "dynamic_payback" => Msg::DynamicPayback,
                                _ => Msg::Eac,
                            };
                            html! {
                                <>
                                    <dt>{ text(lang, label) }</dt>
                                    <dd data-testid={format!("buy_vs_rent.{key}.{name}")} data-value={value}>{ shown }</dd>
                                </>
                            }
                        }) }
                    </dl>
                </td>
            }
        }
        ModeSide::Errors(errors) => html! {
            <td data-testid={format!("buy_vs_rent.{key}.errors")}>
                <p>{ text(lang, Msg::SideInvalid) }</p>
                <ul>
                    { for errors.iter().map(|error| {
                        let words = FieldMessage::from_engine(error)
                            .map(|message| format!("{}: {}", crate::i18n::inputs::label(lang, message.input), crate::components::field::message_text(lang, &message)))
                            .unwrap_or_else(|| match lang { Lang::Zh => error.message_zh.clone(), Lang::En => error.message_en.clone() });
                        html! { <li>{ words }</li> }
                    }) }
                </ul>
            </td>
        },
    }
}

fn cumulative(side: &ModeSide) -> Option<Vec<rust_decimal::Decimal>> {
    match side {
        ModeSide::Figures(figures) => Some(figures.cumulative.clone()),
        ModeSide::Errors(_) => None,
    }
}

/// The comparison block.
#[function_component(BuyVsRent)]
pub fn buy_vs_rent(props: &BuyVsRentProps) -> Html {
    let lang = props.lang;
    let compare = &props.results.buy_vs_rent;
    let crossover = compare
        .crossover_year
        .map(|year| {
            (
                fill(lang, Msg::YearNumber, &year.to_string()),
                year.to_string(),
            )
        })
        .unwrap_or_else(|| (text(lang, Msg::NoCrossover).to_owned(), String::new()));
    html! {
        <section class="block" aria-labelledby="compare-heading">
            <h3 id="compare-heading">{ text(lang, Msg::BuyVsRentHeading) }</h3>
            <div class="table-scroll" tabindex="0">
                <table class="data compare">
                    <thead>
                        <tr>
                            <th scope="col">{ text(lang, Msg::BuyLand) }</th>
                            <th scope="col">{ text(lang, Msg::Rent) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            { side_cells(lang, "buy_land", &compare.buy_land) }
                            { side_cells(lang, "rent", &compare.rent) }
                        </tr>
                    </tbody>
                </table>
            </div>
            <p class="pair-line">
                { format!("{}：", text(lang, Msg::Crossover)) }
                <strong data-testid="buy_vs_rent.crossover_year" data-value={crossover.1}>{ crossover.0 }</strong>
            </p>
            <BuyRentChart {lang} buy_land={cumulative(&compare.buy_land)} rent={cumulative(&compare.rent)}
                crossover_year={compare.crossover_year} />
        </section>
    }
}
