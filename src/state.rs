//! The cash-flow calculator's state: raw text in, validated numbers, engine
//! results out. `reduce` is pure; side effects live in the components.

use std::rc::Rc;

use engine::finance::{self, Irr};
use rust_decimal::Decimal;
use yew::Reducible;

use crate::i18n::{Lang, Msg};
use crate::numbers::{parse_decimal, split_list, NumberError};

/// Most years a pasted series may hold.
const MAX_YEARS: usize = 60;

/// The form's text exactly as typed (`FormState` in the raw → validated →
/// computed chain).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowsForm {
    /// Discount rate in percent, as typed.
    pub rate_text: String,
    /// Yearly flows, one per line, as typed.
    pub flows_text: String,
}

impl Default for FlowsForm {
    fn default() -> Self {
        FlowsForm {
            rate_text: "12".to_owned(),
            flows_text: "-6000\n-3000\n1500\n2500\n3000\n3200\n3200\n3200\n3200\n3500".to_owned(),
        }
    }
}

/// Validated inputs for the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowsInput {
    /// Discount rate as a fraction.
    pub rate: Decimal,
    /// NCF_1 … NCF_N in 万元.
    pub flows: Vec<Decimal>,
}

/// A field of the form, for placing messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The rate input.
    Rate,
    /// The flows textarea.
    Flows,
}

/// A validation message for one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Where the message goes.
    pub field: Field,
    /// What it says.
    pub message: Msg,
    /// A stable code for tests (`data-code`).
    pub code: &'static str,
}

/// What the engine computed for one valid input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowsResult {
    /// NPV at the rate, 万元.
    pub npv: Decimal,
    /// IRR with status and roots.
    pub irr: Irr,
    /// Static payback in years, `None` if not recovered.
    pub static_payback: Option<Decimal>,
    /// Discounted payback in years, `None` if not recovered.
    pub dynamic_payback: Option<Decimal>,
}

fn number_error(field: Field, error: NumberError) -> FieldError {
    let (message, code) = match error {
        NumberError::Empty => (Msg::ErrorEmpty, "empty"),
        NumberError::NotANumber => (Msg::ErrorNotANumber, "not_a_number"),
        NumberError::TooLarge => (Msg::ErrorTooLarge, "too_large"),
    };
    FieldError {
        field,
        message,
        code,
    }
}

/// Raw text → validated input, or every error at once.
pub fn validate(form: &FlowsForm) -> Result<FlowsInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let rate = match parse_decimal(&form.rate_text) {
        Ok(percent) if percent >= Decimal::ZERO && percent <= Decimal::from(50) => {
            Some(percent / Decimal::ONE_HUNDRED)
        }
        Ok(_) => {
            errors.push(FieldError {
                field: Field::Rate,
                message: Msg::ErrorRateRange,
                code: "out_of_range",
            });
            None
        }
        Err(error) => {
            errors.push(number_error(Field::Rate, error));
            None
        }
    };
    let items = split_list(&form.flows_text);
    let mut flows = Vec::with_capacity(items.len());
    for item in &items {
        match parse_decimal(item) {
            Ok(value) => flows.push(value),
            Err(error) => {
                errors.push(number_error(Field::Flows, error));
                break;
            }
        }
    }
    if errors.iter().all(|error| error.field != Field::Flows) {
        if items.len() < 2 {
            errors.push(FieldError {
                field: Field::Flows,
                message: Msg::ErrorTooFewFlows,
                code: "too_few",
            });
        } else if items.len() > MAX_YEARS {
            errors.push(FieldError {
                field: Field::Flows,
                message: Msg::ErrorTooManyFlows,
                code: "too_many",
            });
        }
    }
    match rate {
        Some(rate) if errors.is_empty() => Ok(FlowsInput { rate, flows }),
        _ => Err(errors),
    }
}

/// Validated input → engine results; an overflow is reported on the flows.
pub fn compute(input: &FlowsInput) -> Result<FlowsResult, FieldError> {
    let overflow = |_| FieldError {
        field: Field::Flows,
        message: Msg::ErrorOverflow,
        code: "overflow",
    };
    Ok(FlowsResult {
        npv: finance::npv(input.rate, &input.flows).map_err(overflow)?,
        irr: finance::irr(&input.flows).map_err(overflow)?,
        static_payback: finance::static_payback(&input.flows).map_err(overflow)?,
        dynamic_payback: finance::dynamic_payback(input.rate, &input.flows).map_err(overflow)?,
    })
}

/// The whole state of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// Display language.
    pub lang: Lang,
    /// The form as typed.
    pub form: FlowsForm,
    /// Messages for the current text; empty when it is valid.
    pub errors: Vec<FieldError>,
    /// The last valid results (stale while `errors` is not empty).
    pub result: Option<FlowsResult>,
}

impl State {
    /// Whether the results on screen belong to older input.
    pub fn is_stale(&self) -> bool {
        !self.errors.is_empty() && self.result.is_some()
    }

    fn recomputed(mut self) -> State {
        match validate(&self.form).and_then(|input| compute(&input).map_err(|error| vec![error])) {
            Ok(result) => {
                self.errors.clear();
                self.result = Some(result);
            }
            Err(errors) => self.errors = errors,
        }
        self
    }
}

impl Default for State {
    fn default() -> Self {
        State {
            lang: Lang::default(),
            form: FlowsForm::default(),
            errors: Vec::new(),
            result: None,
        }
        .recomputed()
    }
}

/// What the user can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The rate text changed.
    SetRate(String),
    /// The flows text changed.
    SetFlows(String),
    /// The language switch was used.
    SetLang(Lang),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetRate(text) => next.form.rate_text = text,
            Action::SetFlows(text) => next.form.flows_text = text,
            Action::SetLang(lang) => {
                next.lang = lang;
                return Rc::new(next);
            }
        }
        Rc::new(next.recomputed())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(actions: Vec<Action>) -> Rc<State> {
        actions
            .into_iter()
            .fold(Rc::new(State::default()), |state, action| {
                state.reduce(action)
            })
    }

    #[test]
    fn the_default_form_computes_at_once() {
        let state = State::default();
        assert!(state.errors.is_empty());
        assert!(state.result.is_some());
    }

    #[test]
    fn bad_input_keeps_the_last_result_and_marks_it_stale() {
        let good = State::default().result;
        let state = after(vec![Action::SetRate("abc".to_owned())]);
        assert_eq!(state.result, good);
        assert!(state.is_stale());
        assert_eq!(state.errors[0].code, "not_a_number");
    }

    #[test]
    fn every_error_is_reported_at_once() {
        let state = after(vec![
            Action::SetRate("60".to_owned()),
            Action::SetFlows("5".to_owned()),
        ]);
        let codes: Vec<_> = state.errors.iter().map(|error| error.code).collect();
        assert_eq!(codes, vec!["out_of_range", "too_few"]);
    }

    #[test]
    fn fixing_the_input_refreshes_the_result() {
        let state = after(vec![
            Action::SetRate("x".to_owned()),
            Action::SetRate("6.5".to_owned()),
            Action::SetFlows("-10000\n3000\n3400\n7700".to_owned()),
        ]);
        assert!(!state.is_stale());
        let npv = state
            .result
            .as_ref()
            .map(|result| crate::format::amount(result.npv));
        assert_eq!(npv.as_deref(), Some("2,055.38"));
    }

    #[test]
    fn switching_language_keeps_the_input() {
        let state = after(vec![
            Action::SetRate("7".to_owned()),
            Action::SetLang(Lang::En),
        ]);
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.form.rate_text, "7");
    }
}
