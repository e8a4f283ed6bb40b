//! The calculator's state: the form as typed, its messages, and the last
//! valid results. `reduce` is pure (it validates and calls the engine, which
//! has no side effects); the URL, storage and clipboard live in components.

use std::rc::Rc;

use engine::{Inputs, Results};
use yew::Reducible;

use crate::form::{engine_messages, to_scenario, FieldMessage, FormState};
use crate::i18n::Lang;
use crate::inputs::Input;

/// Which form is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FormMode {
    /// Cluster, site, area, equipment, output: for roadshows.
    #[default]
    Quick,
    /// Every input of MODEL.md §2, in sections.
    Detailed,
}

/// The whole state of the calculator.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Display language.
    pub lang: Lang,
    /// Quick or detailed form.
    pub mode: FormMode,
    /// What was typed.
    pub form: FormState,
    /// Messages for the current form; empty when it is valid.
    pub messages: Vec<FieldMessage>,
    /// The last valid results (stale while `messages` is not empty).
    pub results: Option<Rc<Results>>,
    /// The validated inputs those results were computed from.
    pub inputs: Option<Rc<Inputs>>,
}

impl State {
    /// A state for this form, computed at once.
    pub fn with_form(form: FormState) -> State {
        State {
            lang: Lang::default(),
            mode: FormMode::default(),
            form,
            messages: Vec::new(),
            results: None,
            inputs: None,
        }
        .recomputed()
    }

    /// Whether the results on screen belong to older input.
    pub fn is_stale(&self) -> bool {
        !self.messages.is_empty() && self.results.is_some()
    }

    /// The messages of one field.
    pub fn messages_for(&self, input: Input) -> impl Iterator<Item = &FieldMessage> {
        self.messages
            .iter()
            .filter(move |message| message.input == input)
    }

    fn recomputed(mut self) -> State {
        let outcome = to_scenario(&self.form).and_then(|raw| {
            let valid = engine::validate(&raw).map_err(|errors| engine_messages(&errors))?;
            let results = engine::evaluate(&valid)
                .map_err(|error| engine_messages(&engine::Failure::Engine(error).errors()))?;
            Ok((valid.inputs().clone(), results))
        });
        match outcome {
            Ok((inputs, results)) => {
                self.messages.clear();
                self.results = Some(Rc::new(results));
                self.inputs = Some(Rc::new(inputs));
            }
            Err(messages) => self.messages = messages,
        }
        self
    }
}

impl Default for State {
    fn default() -> Self {
        State::with_form(FormState::default())
    }
}

/// What the user can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A field's text changed.
    Set(Input, String),
    /// A field goes back to its default.
    Reset(Input),
    /// Every field goes back to its default.
    ResetAll,
    /// The language switch was used.
    SetLang(Lang),
    /// Quick or detailed form.
    SetMode(FormMode),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Set(input, text) => {
                next.form.entries.insert(input, text);
            }
            Action::Reset(input) => {
                next.form.entries.remove(&input);
            }
            Action::ResetAll => next.form = FormState::default(),
            Action::SetLang(lang) => {
                next.lang = lang;
                return Rc::new(next);
            }
            Action::SetMode(mode) => {
                next.mode = mode;
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

    fn npv(state: &State) -> Option<rust_decimal::Decimal> {
        state
            .results
            .as_ref()
            .map(|results| results.statements.project_after_tax.npv)
    }

    #[test]
    fn the_default_scenario_computes_at_once() {
        let state = State::default();
        assert!(state.messages.is_empty());
        assert!(state.results.is_some());
    }

    #[test]
    fn bad_input_keeps_the_last_result_and_marks_it_stale() {
        let before = npv(&State::default());
        let state = after(vec![Action::Set(Input::OutputFull, "abc".to_owned())]);
        assert_eq!(npv(&state), before);
        assert!(state.is_stale());
        assert_eq!(state.messages[0].code, "not_a_number");
        assert_eq!(state.messages[0].input, Input::OutputFull);
    }

    #[test]
    fn every_error_is_reported_at_once() {
        let state = after(vec![
            Action::Set(Input::DiscountRate, "60".to_owned()),
            Action::Set(Input::Horizon, "2".to_owned()),
        ]);
        let fields: Vec<_> = state.messages.iter().map(|message| message.input).collect();
        assert!(fields.contains(&Input::DiscountRate) && fields.contains(&Input::Horizon));
    }

    #[test]
    fn resetting_a_field_restores_its_default_and_the_results() {
        let before = npv(&State::default());
        let state = after(vec![
            Action::Set(Input::OutputFull, "40000".to_owned()),
            Action::Reset(Input::OutputFull),
        ]);
        assert_eq!(npv(&state), before);
        assert!(!state.is_stale());
    }

    #[test]
    fn more_output_raises_npv() {
        let before = npv(&State::default());
        let state = after(vec![Action::Set(Input::OutputFull, "40000".to_owned())]);
        assert!(npv(&state) > before);
    }

    #[test]
    fn switching_language_or_form_keeps_the_input() {
        let state = after(vec![
            Action::Set(Input::Equipment, "7000".to_owned()),
            Action::SetLang(Lang::En),
            Action::SetMode(FormMode::Detailed),
        ]);
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.mode, FormMode::Detailed);
        assert_eq!(state.form.shown(Input::Equipment), "7000");
    }
}
