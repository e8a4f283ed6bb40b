//! The rate and the yearly flows, with messages beside each field.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::notice::Notice;
use crate::i18n::{text, Lang, Msg};
use crate::state::{Field, FieldError, FlowsForm};

/// Props of [`CashFlowForm`].
#[derive(Properties, PartialEq)]
pub struct CashFlowFormProps {
    /// Display language.
    pub lang: Lang,
    /// The text as typed.
    pub form: FlowsForm,
    /// Messages to show beside the fields.
    pub errors: Vec<FieldError>,
    /// The rate text changed.
    pub on_rate: Callback<String>,
    /// The flows text changed.
    pub on_flows: Callback<String>,
}

fn messages(lang: Lang, errors: &[FieldError], field: Field, id: &'static str) -> Html {
    errors
        .iter()
        .filter(|error| error.field == field)
        .map(|error| {
            html! { <Notice id={id} code={error.code} text={text(lang, error.message)} /> }
        })
        .collect()
}

/// The input form of the cash-flow calculator.
#[function_component(CashFlowForm)]
pub fn cash_flow_form(props: &CashFlowFormProps) -> Html {
    let lang = props.lang;
    let rate_invalid = props.errors.iter().any(|error| error.field == Field::Rate);
    let flows_invalid = props.errors.iter().any(|error| error.field == Field::Flows);
    let oninput_rate = {
        let on_rate = props.on_rate.clone();
        Callback::from(move |event: InputEvent| {
            on_rate.emit(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let oninput_flows = {
        let on_flows = props.on_flows.clone();
        Callback::from(move |event: InputEvent| {
            on_flows.emit(event.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    html! {
        <section class="card form" aria-labelledby="form-heading">
            <h2 id="form-heading" class="visually-hidden">{ text(lang, Msg::FlowsLabel) }</h2>
            <div class="field">
                <label for="rate">{ text(lang, Msg::RateLabel) }</label>
                <input
                    id="rate"
                    data-testid="rate"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-invalid={rate_invalid.to_string()}
                    aria-describedby={if rate_invalid { "rate-error" } else { "rate-hint" }}
                    value={props.form.rate_text.clone()}
                    oninput={oninput_rate}
                />
                <p class="hint" id="rate-hint">{ text(lang, Msg::RateHint) }</p>
                { messages(lang, &props.errors, Field::Rate, "rate-error") }
            </div>
            <div class="field">
                <label for="flows">{ text(lang, Msg::FlowsLabel) }</label>
                <textarea
                    id="flows"
                    data-testid="flows"
                    rows="12"
                    spellcheck="false"
                    aria-invalid={flows_invalid.to_string()}
                    aria-describedby={if flows_invalid { "flows-error" } else { "flows-hint" }}
                    value={props.form.flows_text.clone()}
                    oninput={oninput_flows}
                />
                <p class="hint" id="flows-hint">{ text(lang, Msg::FlowsHint) }</p>
                { messages(lang, &props.errors, Field::Flows, "flows-error") }
            </div>
        </section>
    }
}
