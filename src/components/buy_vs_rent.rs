//! Buy land vs rent a factory (MODEL.md rule 46): both modes side by side
//! with their cumulative after-tax flows.

use engine::compare::ModeSide;
use engine::Results;
use yew::prelude::*;

use crate::components::charts::buy_rent_chart;
use crate::components::field::labelled_message_text;
use crate::components::figure::{
    block, head_row, irr_parts, money_parts, pair, payback_parts, scroll_table, year_parts,
};
use crate::form::FieldMessage;
use crate::i18n::{text, Lang, Msg};

fn side_cells(lang: Lang, key: &str, side: &ModeSide) -> Html {
    match side {
        ModeSide::Figures(figures) => {
            let (irr_shown, irr_value, _) = irr_parts(lang, &figures.irr);
            let cells = [
                ("npv", Msg::Npv, money_parts(lang, figures.npv)),
                ("irr", Msg::Irr, (irr_shown, irr_value)),
                (
                    "static_payback",
                    Msg::StaticPayback,
                    payback_parts(lang, figures.static_payback),
                ),
                (
                    "dynamic_payback",
                    Msg::DynamicPayback,
                    payback_parts(lang, figures.dynamic_payback),
                ),
                ("eac", Msg::Eac, money_parts(lang, figures.eac)),
            ];
            html! {
                <td>
                    <dl class="pairs">
                        { for cells.into_iter().map(|(name, term, parts)| {
                            pair(text(lang, term), format!("buy_vs_rent.{key}.{name}").into(), parts)
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
                        let words = match FieldMessage::from_engine(error) {
                            Some(message) => labelled_message_text(lang, &message),
                            None => match lang {
                                Lang::Zh => error.message_zh.clone(),
                                Lang::En => error.message_en.clone(),
                            },
                        };
                        html! { <li>{ words }</li> }
                    }) }
                </ul>
            </td>
        },
    }
}

/// The comparison block.
pub fn buy_vs_rent(lang: Lang, results: &Results) -> Html {
    let compare = &results.buy_vs_rent;
    let (crossover_shown, crossover_value) =
        year_parts(lang, compare.crossover_year, Msg::NoCrossover);
    let sides = html! {
        <tr>
            { side_cells(lang, "buy_land", &compare.buy_land) }
            { side_cells(lang, "rent", &compare.rent) }
        </tr>
    };
    let head = head_row(&[text(lang, Msg::BuyLand), text(lang, Msg::Rent)]);
    block(
        "compare-heading",
        text(lang, Msg::BuyVsRentHeading),
        html! {
            <>
                { scroll_table("data compare", None, None, head, sides) }
                <p class="pair-line">
                    { format!("{}：", text(lang, Msg::Crossover)) }
                    <strong data-testid="buy_vs_rent.crossover_year" data-value={crossover_value}>{ crossover_shown }</strong>
                </p>
                { buy_rent_chart(lang, compare) }
            </>
        },
    )
}
