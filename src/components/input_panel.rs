//! The inputs: a quick form for roadshows (cluster, site, area, equipment,
//! output) and the detailed form with every input of MODEL.md §2.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::components::field::{Field, FieldProps};
use crate::components::notice::{notice, Tone};
use crate::form::{default_tag, default_value, FormState};
use crate::i18n::inputs::section_title;
use crate::i18n::{text, Msg};
use crate::inputs::{Input, Section};
use crate::state::{Action, FormMode, State};

/// Land area in 亩 as m² (1 亩 = 10000/15 m²), for the note beside the field;
/// the area is read as the field reads it (`1,000`, `１０００`, `1e3`).
fn mu_in_square_metres(form: &FormState) -> Option<String> {
    let mu = crate::numbers::parse_decimal(&form.shown(Input::LandMu)).ok()?;
    let square_metres = engine::arith::mul(mu, Decimal::from(10_000))
        .and_then(|area| engine::arith::div(area, Decimal::from(15)))
        .ok()?;
    Some(crate::format::grouped(square_metres, 0))
}

fn aside_for(state: &State, input: Input) -> Option<AttrValue> {
    let lang = state.lang;
    match input {
        Input::LandMu => mu_in_square_metres(&state.form)
            .map(|area| format!("{} {area} m²", text(lang, Msg::AreaInSquareMetres)).into()),
        Input::RentArea => state.results.as_ref().map(|results| {
            let basis = results.mu_first_full_capacity_year.mu_basis;
            format!(
                "{} {} 亩",
                text(lang, Msg::AreaInMu),
                crate::format::amount(basis)
            )
            .into()
        }),
        _ => None,
    }
}

fn field(state: &UseReducerHandle<State>, input: Input) -> Html {
    let form = &state.form;
    let props = FieldProps {
        lang: state.lang,
        input,
        shown: form.shown(input).into(),
        typed: form.entries.contains_key(&input),
        default: default_value(form, input),
        tag: default_tag(form, input),
        messages: state.messages_for(input).cloned().collect(),
        aside: aside_for(state, input),
        dispatch: state.dispatcher(),
    };
    html! { <Field key={input.id()} ..props /> }
}

fn quick_form(state: &UseReducerHandle<State>) -> Html {
    let area = Input::area_for(&state.form.site_mode());
    html! {
        <div class="quick-form" data-testid="quick-form">
            { for [Input::Cluster, Input::SiteMode, area, Input::Equipment, Input::OutputFull]
                .into_iter()
                .map(|input| field(state, input)) }
        </div>
    }
}

fn detailed_form(state: &UseReducerHandle<State>) -> Html {
    let lang = state.lang;
    let site_mode = state.form.site_mode();
    let group_c_on = state.form.is_on(Input::TaxRewardOn) || state.form.is_on(Input::LandRebateOn);
    html! {
        <div class="detailed-form" data-testid="detailed-form">
            { for Section::ALL.into_iter().map(|section| {
                let open = match section {
                    Section::Land => site_mode == "buy_land",
                    Section::Rent => site_mode == "rent",
                    _ => true,
                };
                let has_error = Input::ALL
                    .iter()
                    .any(|input| input.section() == section && state.messages_for(*input).next().is_some());
                html! {
                    <details class="section" id={format!("section-{}", section.id())} open={open || has_error}>
                        <summary>{ section_title(lang, section) }</summary>
                        if section == Section::Incentives && group_c_on {
                            { notice("restricted_incentive".into(), text(lang, Msg::GroupCWarning).into(), Tone::Error) }
                        }
                        <div class="fields">
                            { for Input::ALL
                                .iter()
                                .filter(|input| input.section() == section)
                                .map(|input| field(state, *input)) }
                        </div>
                    </details>
                }
            }) }
        </div>
    }
}

/// The input side of the page; `compact` (the embed view and the roadshow)
/// shows the quick form only, without tabs. A function rather than a
/// component: it changes with every change of the state, and each field is
/// a component that is drawn again only when what it shows changed.
pub fn input_panel(state: &UseReducerHandle<State>, compact: bool) -> Html {
    let lang = state.lang;
    let tab = |mode: FormMode, label: Msg, testid: &'static str| {
        let state = state.clone();
        let selected = state.mode == mode;
        let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::SetMode(mode)));
        html! {
            <button type="button" role="tab" class="tab" aria-selected={selected.to_string()}
                data-testid={testid} {onclick}>
                { text(lang, label) }
            </button>
        }
    };
    let reset_all = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ResetAll))
    };
    html! {
        <section class="card inputs" aria-labelledby="inputs-heading">
            <div class="inputs-head">
                <h2 id="inputs-heading">{ text(lang, Msg::InputsHeading) }</h2>
                if !compact {
                    <div class="tabs" role="tablist">
                        { tab(FormMode::Quick, Msg::QuickForm, "mode.quick") }
                        { tab(FormMode::Detailed, Msg::DetailedForm, "mode.detailed") }
                    </div>
                }
            </div>
            if compact || state.mode == FormMode::Quick {
                { quick_form(state) }
            } else {
                { detailed_form(state) }
            }
            if !state.form.entries.is_empty() {
                <button type="button" class="reset-all" data-testid="reset-all" onclick={reset_all}>
                    { text(lang, Msg::ResetAll) }
                </button>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_square_metre_note_reads_the_area_as_the_field_does() {
        let note =
            |typed: &str| mu_in_square_metres(&FormState::from_pairs(&[(Input::LandMu, typed)]));
        // 1 亩 = 10000/15 m².
        assert_eq!(note("30").as_deref(), Some("20,000"));
        for same in ["1,000", "１０００", "1e3", " 1000 "] {
            assert_eq!(note(same).as_deref(), Some("666,667"), "{same:?}");
        }
        assert_eq!(note("many"), None);
    }
}
