//! The calculator's state: the form as typed, its messages, and the last
//! valid results. `reduce` is pure (it validates and calls the engine, which
//! has no side effects); the URL, storage and clipboard live in components.

use std::rc::Rc;

use engine::{Inputs, Results};
use yew::Reducible;

use crate::form::{engine_messages, to_scenario, FieldMessage, FormState};
use crate::i18n::Lang;
use crate::inputs::{Input, InputSet};
use crate::link::{Decoded, LinkNotice, LinkState};

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
#[derive(Debug, Clone)]
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
    /// What the opening link (or a loaded file) needs the person to know.
    pub link_notices: Vec<LinkNotice>,
    /// The compact embed view (`embed=1`).
    pub embed: bool,
    /// Whether the "confidential" switch is on: the project name and the
    /// fields in `confidential` are left out of links.
    pub confidential_on: bool,
    /// Fields the person marked to leave out of links.
    pub confidential: InputSet,
}

/// Whether both are the same `Rc` (or both absent): for results and
/// inputs, the same computation and so the same figures.
pub fn same_rc<T>(one: &Option<Rc<T>>, other: &Option<Rc<T>>) -> bool {
    match (one, other) {
        (Some(one), Some(other)) => Rc::ptr_eq(one, other),
        (None, None) => true,
        _ => false,
    }
}

/// Equal when every field is equal, the results and inputs by identity: a
/// computation makes a new `Rc`, so the same `Rc` means the same figures,
/// and views compare states on every render (field-by-field equality of
/// the results would cost a walk over every year line, and code size).
impl PartialEq for State {
    fn eq(&self, other: &State) -> bool {
        self.lang == other.lang
            && self.mode == other.mode
            && self.form == other.form
            && self.messages == other.messages
            && same_rc(&self.results, &other.results)
            && same_rc(&self.inputs, &other.inputs)
            && self.link_notices == other.link_notices
            && self.embed == other.embed
            && self.confidential_on == other.confidential_on
            && self.confidential == other.confidential
    }
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
            link_notices: Vec::new(),
            embed: false,
            confidential_on: false,
            confidential: InputSet::default(),
        }
        .recomputed()
    }

    /// The state a link opens: its scenario (or the default when nothing
    /// could be recovered safely), its language and view, and its notices.
    pub fn from_link(decoded: Decoded) -> State {
        let link = decoded.state.unwrap_or_default();
        let mut state = State::with_form(link.form);
        state.lang = link.lang;
        state.embed = link.embed;
        state.link_notices = decoded.notices;
        state
    }

    /// What a link of this state carries.
    pub fn link_state(&self) -> LinkState {
        LinkState {
            form: self.form.clone(),
            lang: self.lang,
            policy_set: engine::policy::POLICY_SET_ID.to_owned(),
            embed: self.embed,
        }
    }

    /// The fields left out of links now (none while the switch is off).
    pub fn left_out(&self) -> InputSet {
        if !self.confidential_on {
            return InputSet::default();
        }
        let mut left_out = self.confidential;
        left_out.insert(Input::Name);
        left_out
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
        match evaluate_form(&self.form) {
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

/// Validates and evaluates a form as the calculator does: the validated
/// inputs and the results, or the messages that stop them.
pub fn evaluate_form(form: &FormState) -> Result<(Inputs, Results), Vec<FieldMessage>> {
    let raw = to_scenario(form)?;
    let valid = engine::validate(&raw).map_err(|errors| engine_messages(&errors))?;
    let results = engine::evaluate(&valid)
        .map_err(|error| engine_messages(&engine::Failure::Engine(error).errors()))?;
    Ok((valid.into_inputs(), results))
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
    /// Replace the whole form (a saved scenario or a file), with notices.
    Load(FormState, Vec<LinkNotice>),
    /// The notices about the opening link were read.
    DismissNotices,
    /// The "confidential" switch.
    SetConfidential(bool),
    /// Mark or unmark a field to leave out of links.
    ToggleLeftOut(Input),
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
            Action::Load(form, notices) => {
                next.form = form;
                next.link_notices = notices;
            }
            Action::DismissNotices => {
                next.link_notices.clear();
                return Rc::new(next);
            }
            Action::SetConfidential(on) => {
                next.confidential_on = on;
                return Rc::new(next);
            }
            Action::ToggleLeftOut(input) => {
                if !next.confidential.remove(&input) {
                    next.confidential.insert(input);
                }
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
    fn a_link_opens_its_scenario_language_and_view() {
        let state = State::default();
        let mut link = state.link_state();
        link.form
            .entries
            .insert(Input::OutputFull, "40000".to_owned());
        link.lang = Lang::En;
        link.embed = true;
        let text = crate::link::encode(&link, &InputSet::default());
        let opened = State::from_link(crate::link::decode(&text));
        assert_eq!(opened.form, link.form);
        assert_eq!(opened.lang, Lang::En);
        assert!(opened.embed);
        assert!(opened.link_notices.is_empty());
    }

    #[test]
    fn confidential_leaves_the_name_and_marked_fields_out() {
        let state = after(vec![
            Action::Set(Input::Name, "秘密项目".to_owned()),
            Action::Set(Input::LandPrice, "9".to_owned()),
            Action::ToggleLeftOut(Input::LandPrice),
        ]);
        assert!(
            state.left_out().is_empty(),
            "nothing is left out until the switch is on"
        );
        let state = state.reduce(Action::SetConfidential(true));
        let left_out = state.left_out();
        assert!(left_out.contains(&Input::Name) && left_out.contains(&Input::LandPrice));
        let text = crate::link::encode(&state.link_state(), &left_out);
        let opened = State::from_link(crate::link::decode(&text));
        assert!(!opened.form.entries.contains_key(&Input::Name));
        assert!(!opened.form.entries.contains_key(&Input::LandPrice));
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
