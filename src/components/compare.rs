//! Save named scenarios in the browser and compare up to three side by side
//! (PRODUCT.md J9).
//!
//! The list lives in `localStorage` (see `storage` for the document). It is
//! read once, in an effect, and written only when the user saves or
//! deletes, in those callbacks; a document that could not be read in full
//! is copied to a backup key before it is first written over, so opening
//! the page never costs the user a saved scenario. Every picked scenario is
//! evaluated by the engine afresh: what is compared is what the calculator
//! would show for it today.

use std::rc::Rc;

use engine::policy::POLICY_SET_ID;
use engine::Results;
use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::button as shared;
use crate::components::charts::{CompareChart, CompareSeries};
use crate::components::field::{labelled_message_text, value_words};
use crate::components::headline::KeyResult;
use crate::components::notice::{notice, Tone};
use crate::form::{FieldMessage, FormState};
use crate::i18n::compare::{
    about, compare_text, other_policy_note, problem_text, refusal_text, CompareText,
};
use crate::i18n::inputs::label;
use crate::i18n::Lang;
use crate::inputs::Input;
use crate::state::{evaluate_form, Action, State};
use crate::storage::{
    clean_name, parse_saved, picks_after_delete, plan_save, serialize_saved, shown_date,
    with_saved, without, SavePlan, SaveRefusal, Saved, StorageProblem, BACKUP_KEY, MAX_NAME_CHARS,
    STORAGE_KEY,
};

/// The most saved scenarios compared at once.
pub const MAX_PICKS: usize = 3;

/// Props of [`Compare`].
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// Display language.
    pub lang: Lang,
    /// The form on screen: what "Save" saves, and the optional extra column.
    pub form: FormState,
    /// The calculator, to open a saved scenario in (`Action::Load`); a
    /// dispatcher, unlike a callback, stays the same from one render of the
    /// page to the next.
    pub calculator: UseReducerDispatcher<State>,
}

#[wasm_bindgen]
extern "C" {
    /// JavaScript's `Date`, for the moment a scenario is saved.
    type Date;

    #[wasm_bindgen(constructor)]
    fn new() -> Date;

    #[wasm_bindgen(method, js_name = toISOString)]
    fn to_iso_string(this: &Date) -> String;
}

/// Now, as ISO 8601 text in UTC.
fn now_iso() -> String {
    Date::new().to_iso_string()
}

/// The browser's `localStorage`, if it can be used.
fn browser_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What the stored document held.
#[derive(Debug, Default)]
struct Loaded {
    saved: Vec<Saved>,
    problems: Vec<StorageProblem>,
    /// The stored text, when it held something that writing back would lose.
    unreadable: Option<String>,
}

/// Reads the stored document (never fails: a problem is a notice).
fn load() -> Loaded {
    let Some(Ok(stored)) = browser_storage().map(|storage| storage.get_item(STORAGE_KEY)) else {
        return Loaded {
            problems: vec![StorageProblem::Unavailable],
            ..Loaded::default()
        };
    };
    let Some(stored) = stored else {
        return Loaded::default();
    };
    let (saved, problems) = parse_saved(&stored);
    let loses_data = problems.iter().any(|problem| problem.loses_data());
    Loaded {
        saved,
        problems,
        unreadable: loses_data.then_some(stored),
    }
}

/// Writes `saved`, first copying a document that could not be read in full
/// (`unreadable`) to [`BACKUP_KEY`]; writes nothing over it if that copy
/// fails.
fn store(saved: &[Saved], unreadable: Option<&str>) -> Result<(), StorageProblem> {
    let storage = browser_storage().ok_or(StorageProblem::Unavailable)?;
    if let Some(original) = unreadable {
        storage
            .set_item(BACKUP_KEY, original)
            .map_err(|_| StorageProblem::WriteFailed)?;
    }
    storage
        .set_item(STORAGE_KEY, &serialize_saved(saved))
        .map_err(|_| StorageProblem::WriteFailed)
}

/// The outcome of the user's last action, shown as a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Problem(StorageProblem),
    Refused(SaveRefusal),
    Saved,
    Deleted,
}

/// A question waiting for the user's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Confirm {
    /// Replace the entry at this index with the form on screen.
    Replace(usize),
    /// Delete the entry at this index.
    Delete(usize),
}

/// A scenario evaluated as the calculator would: its results, or the
/// messages that stop it.
type Evaluation = Result<Rc<Results>, Vec<FieldMessage>>;

/// Validates and evaluates a form as the calculator does (see
/// `state::evaluate_form`): its results, or the messages that stop them.
fn evaluate(form: &FormState) -> Evaluation {
    evaluate_form(form).map(|(_, results)| Rc::new(results))
}

/// The picks after the checkbox of `index` was used: added (while fewer
/// than [`MAX_PICKS`] are picked) or removed.
pub fn toggle_pick(picks: &[usize], index: usize) -> Vec<usize> {
    if picks.contains(&index) {
        picks
            .iter()
            .copied()
            .filter(|pick| *pick != index)
            .collect()
    } else if picks.len() < MAX_PICKS {
        picks.iter().copied().chain([index]).collect()
    } else {
        picks.to_vec()
    }
}

/// The inputs whose shown value differs between the forms, in form order;
/// for a single form, the inputs typed in it.
pub fn compared_inputs(forms: &[&FormState]) -> Vec<Input> {
    match forms {
        [] => Vec::new(),
        [only] => only.entries.keys().copied().collect(),
        [first, rest @ ..] => Input::ALL
            .iter()
            .copied()
            .filter(|input| {
                let shown = first.shown(*input);
                rest.iter().any(|form| form.shown(*input) != shown)
            })
            .collect(),
    }
}

/// An input's shown text in words (see `value_words`), or "(empty)".
fn input_words(lang: Lang, input: Input, shown: &str) -> String {
    if shown.trim().is_empty() {
        return compare_text(lang, CompareText::Empty).to_owned();
    }
    value_words(lang, input, shown)
}

/// One column of the comparison.
struct Column<'a> {
    /// `0`, `1`, `2` or `current`.
    slot: String,
    title: String,
    /// The policy set it was saved under, when not the current one.
    other_policy: Option<&'a str>,
    form: &'a FormState,
    evaluation: &'a Evaluation,
}

/// A row of the comparison: its heading, then one cell per column.
fn row(testid: Option<String>, heading: &str, cells: Html) -> Html {
    html! {
        <tr data-testid={testid}>
            <th scope="row">{ heading.to_owned() }</th>
            { cells }
        </tr>
    }
}

/// A cell of the comparison: the value as shown, its exact value in
/// `data-value`, and an optional note.
fn value_cell(
    class: Option<&'static str>,
    testid: String,
    value: String,
    shown: String,
    note: Option<&'static str>,
) -> Html {
    html! {
        <td {class} data-testid={testid} data-value={value}>
            { shown }
            if let Some(note) = note {
                <span class="compare-cell-note">{ note }</span>
            }
        </td>
    }
}

/// The comparison table and chart of the columns.
fn comparison(lang: Lang, columns: &[Column<'_>]) -> Html {
    let forms: Vec<&FormState> = columns.iter().map(|column| column.form).collect();
    let inputs = compared_inputs(&forms);
    let width = (columns.len() + 1).to_string();
    let group = |heading: CompareText| {
        html! {
            <tr class="compare-group"><th scope="colgroup" colspan={width.clone()}>{ compare_text(lang, heading) }</th></tr>
        }
    };
    let head = columns.iter().map(|column| {
        html! {
            <th scope="col" data-testid={format!("compare.{}.name", column.slot)}>
                <span class="compare-column-name">{ column.title.clone() }</span>
                if let Some(policy_set) = column.other_policy {
                    <span class="compare-column-note">{ policy_set.to_owned() }</span>
                }
            </th>
        }
    });
    let input_rows = inputs.iter().map(|input| {
        let cells = columns.iter().map(|column| {
            let shown = column.form.shown(*input);
            let words = input_words(lang, *input, &shown);
            let testid = format!("compare.{}.input.{}", column.slot, input.id());
            value_cell(None, testid, shown, words, None)
        });
        let testid = format!("compare-row.{}", input.id());
        row(Some(testid), label(lang, *input), cells.collect())
    });
    let result_rows = KeyResult::ALL.iter().enumerate().map(|(index, result)| {
        let cells = columns.iter().map(|column| match column.evaluation {
            Ok(results) => {
                let (shown, value, note) = result.parts(lang, results);
                let testid = format!("compare.{}.{}", column.slot, result.path());
                value_cell(Some("num"), testid, value, shown, note)
            }
            // The errors stand once, across every result row.
            Err(messages) if index == 0 => errors_cell(lang, &column.slot, messages),
            Err(_) => Html::default(),
        });
        row(None, result.label(lang), cells.collect())
    });
    let series: Vec<CompareSeries> = columns
        .iter()
        .filter_map(|column| {
            let results = column.evaluation.as_ref().ok()?;
            let values = engine::finance::cumulative(&results.table.ncf_project_after_tax).ok()?;
            Some(CompareSeries {
                slot: column.slot.clone().into(),
                name: column.title.clone().into(),
                values,
            })
        })
        .collect();
    html! {
        <div class="compare-result">
            <h3>{ compare_text(lang, CompareText::CompareHeading) }</h3>
            <div class="table-scroll compare-table-wrap">
                <table class="data compare-table" data-testid="compare-table">
                    <thead>
                        <tr>
                            <th scope="col">{ compare_text(lang, CompareText::Item) }</th>
                            { for head }
                        </tr>
                    </thead>
                    <tbody>
                        { group(if columns.len() == 1 { CompareText::InputsTyped } else { CompareText::InputsDiffer }) }
                        if inputs.is_empty() {
                            <tr><td colspan={width.clone()} class="compare-empty">{ compare_text(lang, CompareText::NoDifference) }</td></tr>
                        }
                        { for input_rows }
                        { group(CompareText::HeadlineResults) }
                        { for result_rows }
                    </tbody>
                </table>
            </div>
            if !series.is_empty() {
                <CompareChart {lang} {series} />
            }
        </div>
    }
}

/// The cell that replaces a column's results when it does not compute.
fn errors_cell(lang: Lang, slot: &str, messages: &[FieldMessage]) -> Html {
    html! {
        <td class="compare-invalid" rowspan={KeyResult::ALL.len().to_string()}
            data-testid={format!("compare.{slot}.errors")} data-count={messages.len().to_string()}>
            <p>{ compare_text(lang, if messages.is_empty() { CompareText::CannotCompute } else { CompareText::Invalid }) }</p>
            <ul>
                { for messages.iter().map(|message| html! {
                    <li data-field={message.input.id()}>
                        { labelled_message_text(lang, message) }
                    </li>
                }) }
            </ul>
        </td>
    }
}

/// A button of the card; `about` names the saved scenario it acts on, for
/// its accessible name.
fn button(
    lang: Lang,
    class: &'static str,
    testid: String,
    about_name: Option<&str>,
    onclick: Callback<MouseEvent>,
    action: CompareText,
) -> Html {
    let aria_label = about_name.map(|name| about(lang, action, name).into());
    shared::button(
        class,
        Some(testid.into()),
        aria_label,
        false,
        onclick,
        compare_text(lang, action),
    )
}

/// A question's words and its answers: a confirm button (`confirm-{what}`)
/// and a cancel button (`cancel-{what}`). The caller puts them in its
/// `compare-confirm` group.
fn question(
    lang: Lang,
    ask: CompareText,
    action: CompareText,
    what: &str,
    on_confirm: Callback<MouseEvent>,
    on_cancel: Callback<MouseEvent>,
) -> Html {
    html! {
        <>
            <span>{ compare_text(lang, ask) }</span>
            { button(lang, "compare-button is-danger", format!("confirm-{what}"), None, on_confirm, action) }
            { button(lang, "compare-button", format!("cancel-{what}"), None, on_cancel, CompareText::Cancel) }
        </>
    }
}

/// What the card remembers between renders (the form on screen comes in
/// the props).
#[derive(Debug, Clone, Default, PartialEq)]
struct CardState {
    /// The saved scenarios as stored.
    saved: Vec<Saved>,
    /// What reading the stored document found wrong.
    problems: Vec<StorageProblem>,
    /// The stored text, when it held something that writing back would
    /// lose, until the list is written (after a copy to [`BACKUP_KEY`]).
    unreadable: Option<String>,
    /// The name field.
    name: String,
    /// The outcome of the last action.
    status: Option<Status>,
    /// The question waiting for an answer.
    confirm: Option<Confirm>,
    /// Indexes of the picked saved scenarios, in the order picked.
    picks: Vec<usize>,
    /// The form on screen is compared too.
    with_current: bool,
}

/// What happened to the card. Storage is read and written by the
/// callbacks, which report the outcome here.
#[derive(Debug)]
enum CardAction {
    /// The stored document was read.
    Loaded(Loaded),
    /// The name field changed; a question about replacing no longer holds.
    Typed(String),
    /// A button or checkbox of the card was used.
    Chose(Choice),
    /// The form was saved and the list written: this is the list now.
    Saved(Vec<Saved>),
    /// The entry at the index was deleted and the list written.
    Deleted(Vec<Saved>, usize),
    /// A save or delete failed; the question closes.
    Failed(Status),
    /// The name cannot be saved; nothing was asked or written.
    Refused(SaveRefusal),
}

/// What a button or checkbox of the card asks for: plain values, so that
/// its callback sends the same choice on every use without cloning a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    /// A question is asked; asking to replace clears the last outcome.
    Ask(Confirm),
    /// The question was dismissed.
    Cancel,
    /// The checkbox of the entry at the index was used.
    TogglePick(usize),
    /// The checkbox of the form on screen was used.
    ToggleCurrent,
}

impl Reducible for CardState {
    type Action = CardAction;

    fn reduce(self: Rc<Self>, action: CardAction) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            CardAction::Loaded(loaded) => {
                next.saved = loaded.saved;
                next.problems = loaded.problems;
                next.unreadable = loaded.unreadable;
            }
            CardAction::Typed(name) => {
                next.name = name;
                if matches!(next.confirm, Some(Confirm::Replace(_))) {
                    next.confirm = None;
                }
            }
            CardAction::Chose(Choice::Ask(confirm)) => {
                if matches!(confirm, Confirm::Replace(_)) {
                    next.status = None;
                }
                next.confirm = Some(confirm);
            }
            CardAction::Chose(Choice::Cancel) => next.confirm = None,
            CardAction::Saved(saved) => {
                next.saved = saved;
                next.unreadable = None;
                next.name.clear();
                next.status = Some(Status::Saved);
                next.confirm = None;
            }
            CardAction::Deleted(saved, index) => {
                next.saved = saved;
                next.unreadable = None;
                next.picks = picks_after_delete(&next.picks, index);
                next.status = Some(Status::Deleted);
                next.confirm = None;
            }
            CardAction::Failed(status) => {
                next.status = Some(status);
                next.confirm = None;
            }
            CardAction::Refused(refusal) => next.status = Some(Status::Refused(refusal)),
            CardAction::Chose(Choice::TogglePick(index)) => {
                next.picks = toggle_pick(&next.picks, index)
            }
            CardAction::Chose(Choice::ToggleCurrent) => next.with_current = !next.with_current,
        }
        Rc::new(next)
    }
}

/// The save form, the saved list with its checkboxes, and the comparison.
#[function_component(Compare)]
pub fn compare(props: &CompareProps) -> Html {
    let lang = props.lang;
    let card = use_reducer(CardState::default);

    {
        let card = card.dispatcher();
        use_effect_with((), move |_| card.dispatch(CardAction::Loaded(load())));
    }

    let CardState {
        saved,
        problems,
        unreadable: _,
        name,
        status,
        confirm,
        picks,
        with_current,
    } = &*card;
    // The columns' forms in order: the picks, then the form on screen.
    let picked: Vec<(usize, &Saved)> = picks
        .iter()
        .filter_map(|index| saved.get(*index).map(|entry| (*index, entry)))
        .collect();
    // Saved scenarios are evaluated when the picks change; the form on
    // screen, only while it is compared (it changes with every keystroke).
    let picked_forms: Vec<FormState> = picked.iter().map(|(_, entry)| entry.form.clone()).collect();
    let evaluations = use_memo(picked_forms, |forms| {
        forms.iter().map(evaluate).collect::<Vec<Evaluation>>()
    });
    // The form on screen changes with every keystroke: it is evaluated at
    // each render while it is compared.
    let current_evaluation = (*with_current && !picked.is_empty()).then(|| evaluate(&props.form));

    let save_now = {
        let (card, form) = (card.clone(), props.form.clone());
        Callback::from(move |()| {
            let entry = Saved {
                name: clean_name(&card.name).to_owned(),
                saved_at: now_iso(),
                policy_set: POLICY_SET_ID.to_owned(),
                form: form.clone(),
            };
            let outcome = with_saved(&card.saved, entry)
                .map_err(Status::Refused)
                .and_then(|next| {
                    store(&next, card.unreadable.as_deref())
                        .map(|()| next)
                        .map_err(Status::Problem)
                });
            card.dispatch(match outcome {
                Ok(next) => CardAction::Saved(next),
                Err(failure) => CardAction::Failed(failure),
            });
        })
    };
    let onsubmit = {
        let (card, save_now) = (card.clone(), save_now.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match plan_save(&card.saved, &card.name) {
                Ok(SavePlan::Add) => save_now.emit(()),
                Ok(SavePlan::Replace(index)) => {
                    card.dispatch(CardAction::Chose(Choice::Ask(Confirm::Replace(index))))
                }
                Err(refusal) => card.dispatch(CardAction::Refused(refusal)),
            }
        })
    };
    let oninput = {
        let card = card.dispatcher();
        Callback::from(move |event: InputEvent| {
            card.dispatch(CardAction::Typed(
                event.target_unchecked_into::<HtmlInputElement>().value(),
            ));
        })
    };
    let delete_now = |index: usize| {
        let card = card.clone();
        Callback::from(move |_: MouseEvent| {
            let next = without(&card.saved, index);
            card.dispatch(match store(&next, card.unreadable.as_deref()) {
                Ok(()) => CardAction::Deleted(next, index),
                Err(problem) => CardAction::Failed(Status::Problem(problem)),
            });
        })
    };

    let status_notice = status.map(|status| {
        let (code, words, tone) = match status {
            Status::Problem(problem) => (
                problem.code(),
                problem_text(lang, problem).into(),
                Tone::Error,
            ),
            Status::Refused(refusal) => (
                refusal.code(),
                refusal_text(lang, refusal).into(),
                Tone::Error,
            ),
            Status::Saved => (
                "saved_ok",
                compare_text(lang, CompareText::SavedOk).into(),
                Tone::Info,
            ),
            Status::Deleted => (
                "saved_deleted",
                compare_text(lang, CompareText::DeletedOk).into(),
                Tone::Info,
            ),
        };
        notice(code.into(), words, tone)
    });
    let replace_question = match confirm {
        Some(Confirm::Replace(_)) => html! {
            <div class="compare-confirm" role="group" data-testid="confirm-replace-question">
                { question(
                    lang,
                    CompareText::ConfirmReplace,
                    CompareText::Replace,
                    "replace",
                    save_now.reform(|_| ()),
                    report(&card, Choice::Cancel),
                ) }
            </div>
        },
        _ => Html::default(),
    };

    let full = picks.len() >= MAX_PICKS;
    let entries = saved.iter().enumerate().map(|(index, entry)| {
        let is_picked = picks.contains(&index);
        let on_open = {
            let (calculator, form) = (props.calculator.clone(), entry.form.clone());
            Callback::from(move |_: MouseEvent| {
                calculator.dispatch(Action::Load(form.clone(), Vec::new()))
            })
        };
        let delete_question = (*confirm == Some(Confirm::Delete(index))).then(|| {
            html! {
                <span class="compare-confirm" role="group">
                    { question(
                        lang,
                        CompareText::ConfirmDelete,
                        CompareText::Delete,
                        &format!("delete.{index}"),
                        delete_now(index),
                        report(&card, Choice::Cancel),
                    ) }
                </span>
            }
        });
        let pick_id = format!("compare-pick-{index}");
        html! {
            <li class={if is_picked { "saved-entry is-picked" } else { "saved-entry" }}
                data-testid={format!("saved.{index}")} data-name={entry.name.clone()}>
                <div class="saved-main">
                    <input type="checkbox" id={pick_id.clone()} data-testid={format!("compare-pick.{index}")}
                        checked={is_picked} disabled={full && !is_picked} onchange={report(&card, Choice::TogglePick(index))}
                        aria-label={about(lang, CompareText::Pick, &entry.name)} />
                    <label for={pick_id} class="saved-name">{ entry.name.clone() }</label>
                    <span class="saved-date">
                        { format!("{} {}", compare_text(lang, CompareText::SavedAt), shown_date(&entry.saved_at)) }
                    </span>
                    <span class="saved-actions">
                        { button(lang, "compare-button", format!("open-saved.{index}"), Some(&entry.name), on_open, CompareText::Open) }
                        { button(lang, "compare-button", format!("delete-saved.{index}"), Some(&entry.name),
                            report(&card, Choice::Ask(Confirm::Delete(index))), CompareText::Delete) }
                    </span>
                </div>
                { for delete_question }
                if entry.policy_set != POLICY_SET_ID {
                    { notice("saved_other_policy_set".into(), other_policy_note(lang, &entry.policy_set, POLICY_SET_ID).into(), Tone::Info) }
                }
            </li>
        }
    });

    let current = current_evaluation.as_ref().map(|evaluation| Column {
        slot: "current".to_owned(),
        title: compare_text(lang, CompareText::Current).to_owned(),
        other_policy: None,
        form: &props.form,
        evaluation,
    });
    // The memo holds one evaluation per pick, in the same order.
    let columns: Vec<Column<'_>> = picked
        .iter()
        .zip(evaluations.iter())
        .enumerate()
        .map(|(slot, ((_, entry), evaluation))| Column {
            slot: slot.to_string(),
            title: entry.name.clone(),
            other_policy: (entry.policy_set != POLICY_SET_ID).then_some(entry.policy_set.as_str()),
            form: &entry.form,
            evaluation,
        })
        .chain(current)
        .collect();

    html! {
        <section class="card compare" aria-labelledby="compare-heading" data-testid="compare">
            <h2 id="compare-heading">{ compare_text(lang, CompareText::Heading) }</h2>
            <p class="compare-intro">{ compare_text(lang, CompareText::Intro) }</p>
            { for problems.iter().map(|problem| notice(problem.code().into(), problem_text(lang, *problem).into(), Tone::Warning)) }
            <form class="compare-save" {onsubmit}>
                <label for="compare-name">{ compare_text(lang, CompareText::NameLabel) }</label>
                <input id="compare-name" type="text" data-testid="save-name" value={name.clone()} {oninput}
                    maxlength={MAX_NAME_CHARS.to_string()} autocomplete="off"
                    placeholder={compare_text(lang, CompareText::NamePlaceholder)} />
                <button type="submit" class="compare-button is-primary" data-testid="save-scenario">
                    { compare_text(lang, CompareText::Save) }
                </button>
            </form>
            { replace_question }
            { for status_notice }
            <h3>{ compare_text(lang, CompareText::SavedHeading) }</h3>
            if saved.is_empty() {
                <p class="compare-empty" data-testid="saved-none">{ compare_text(lang, CompareText::NoneSaved) }</p>
            } else {
                <ul class="saved-list" data-testid="saved-list">{ for entries }</ul>
                <p class="compare-hint">{ compare_text(lang, CompareText::PickLimit) }</p>
                <label class="compare-current">
                    <input type="checkbox" data-testid="compare-current" checked={*with_current}
                        onchange={report(&card, Choice::ToggleCurrent)} />
                    { compare_text(lang, CompareText::IncludeCurrent) }
                </label>
            }
            if !columns.is_empty() {
                { comparison(lang, &columns) }
            }
        </section>
    }
}

/// A callback that reports `choice` to the card, whatever the event.
fn report<E: 'static>(card: &UseReducerHandle<CardState>, choice: Choice) -> Callback<E> {
    let card = card.dispatcher();
    Callback::from(move |_| card.dispatch(CardAction::Chose(choice)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{text, Msg};

    fn form(entries: &[(Input, &str)]) -> FormState {
        FormState::from_pairs(entries)
    }

    fn entry(name: &str) -> Saved {
        Saved {
            name: name.to_owned(),
            saved_at: "2026-01-02T03:04:05Z".to_owned(),
            policy_set: POLICY_SET_ID.to_owned(),
            form: FormState::default(),
        }
    }

    fn after(state: CardState, actions: Vec<CardAction>) -> CardState {
        let state = actions
            .into_iter()
            .fold(Rc::new(state), |state, action| state.reduce(action));
        Rc::unwrap_or_clone(state)
    }

    #[test]
    fn the_card_follows_what_the_user_does() {
        let listed = vec![entry("a"), entry("b"), entry("c")];
        let loaded = after(
            CardState::default(),
            vec![CardAction::Loaded(Loaded {
                saved: listed.clone(),
                problems: vec![StorageProblem::BadEntry],
                unreadable: Some("[{".to_owned()),
            })],
        );
        assert_eq!((loaded.saved.len(), loaded.problems.len()), (3, 1));
        assert_eq!(loaded.unreadable.as_deref(), Some("[{"));

        // Asking to replace clears the last outcome; typing drops the question.
        let asked = after(
            CardState {
                status: Some(Status::Saved),
                ..loaded.clone()
            },
            vec![CardAction::Chose(Choice::Ask(Confirm::Replace(1)))],
        );
        assert_eq!(
            (asked.status, asked.confirm),
            (None, Some(Confirm::Replace(1)))
        );
        let typed = after(asked, vec![CardAction::Typed("b2".to_owned())]);
        assert_eq!((typed.name.as_str(), typed.confirm), ("b2", None));

        // A delete question survives typing and a refusal, not a failure.
        let deleting = after(
            loaded.clone(),
            vec![
                CardAction::Chose(Choice::Ask(Confirm::Delete(2))),
                CardAction::Typed("x".to_owned()),
                CardAction::Refused(SaveRefusal::EmptyName),
            ],
        );
        assert_eq!(deleting.confirm, Some(Confirm::Delete(2)));
        let failed = after(
            deleting,
            vec![CardAction::Failed(Status::Problem(
                StorageProblem::WriteFailed,
            ))],
        );
        assert_eq!(
            (failed.status, failed.confirm),
            (Some(Status::Problem(StorageProblem::WriteFailed)), None)
        );
        // The unreadable text stays until the list is written.
        assert!(failed.unreadable.is_some());

        // Deleting moves the picks after it; saving clears the name.
        let picked = after(
            loaded,
            vec![
                CardAction::Chose(Choice::TogglePick(2)),
                CardAction::Chose(Choice::TogglePick(0)),
                CardAction::Chose(Choice::ToggleCurrent),
                CardAction::Deleted(vec![entry("b"), entry("c")], 0),
                CardAction::Typed("d".to_owned()),
                CardAction::Saved(listed),
            ],
        );
        assert_eq!(picked.picks, vec![1]);
        assert!(picked.with_current);
        assert_eq!(picked.unreadable, None);
        assert_eq!(
            (picked.name.as_str(), picked.status),
            ("", Some(Status::Saved))
        );
    }

    #[test]
    fn picks_stop_at_three_and_toggle_off() {
        assert_eq!(toggle_pick(&[], 4), vec![4]);
        assert_eq!(toggle_pick(&[4, 1], 4), vec![1]);
        assert_eq!(toggle_pick(&[0, 1, 2], 3), vec![0, 1, 2]);
        assert_eq!(toggle_pick(&[0, 1, 2], 1), vec![0, 2]);
    }

    #[test]
    fn the_rows_are_the_inputs_that_differ() {
        let first = form(&[(Input::OutputFull, "40000"), (Input::Wage, "8")]);
        let second = form(&[(Input::OutputFull, "60000"), (Input::Wage, "8")]);
        assert_eq!(compared_inputs(&[&first, &second]), vec![Input::OutputFull]);
        assert_eq!(
            compared_inputs(&[&first, &first.clone()]),
            Vec::<Input>::new()
        );
        // A typed default does not differ from the default it shows.
        let typed_default = form(&[(Input::DiscountRate, "12")]);
        assert_eq!(
            compared_inputs(&[&typed_default, &FormState::default()]),
            Vec::<Input>::new()
        );
        // A preset moves every value it sets.
        let preset = form(&[(Input::Cluster, "intelligent_equipment")]);
        let rows = compared_inputs(&[&FormState::default(), &preset]);
        assert!(rows.contains(&Input::Cluster) && rows.contains(&Input::SiteMode));
        assert_eq!(
            compared_inputs(&[&first]),
            vec![Input::OutputFull, Input::Wage]
        );
        assert!(compared_inputs(&[]).is_empty());
    }

    #[test]
    fn a_form_evaluates_as_the_calculator_does_or_names_its_errors() {
        let results = evaluate(&FormState::default()).unwrap();
        let state = crate::state::State::default();
        assert_eq!(
            results.statements.project_after_tax.npv,
            state.results.unwrap().statements.project_after_tax.npv
        );
        let messages =
            evaluate(&form(&[(Input::Equipment, "abc"), (Input::Horizon, "2")])).unwrap_err();
        assert_eq!(messages[0].input, Input::Equipment);
        let messages = evaluate(&form(&[(Input::Horizon, "2")])).unwrap_err();
        assert_eq!(
            (messages[0].input, messages[0].code),
            (Input::Horizon, "out_of_range")
        );
    }

    #[test]
    fn inputs_read_in_words() {
        assert_eq!(
            input_words(Lang::En, Input::SiteMode, "buy_land"),
            "Buy land and build"
        );
        assert_eq!(
            input_words(Lang::Zh, Input::Stress, "true"),
            text(Lang::Zh, Msg::On)
        );
        assert_eq!(input_words(Lang::En, Input::DiscountRate, "8"), "8 %");
        assert_eq!(input_words(Lang::Zh, Input::Equipment, "3000"), "3000 万元");
        assert_eq!(input_words(Lang::En, Input::Far, "1.2"), "1.2");
        assert_eq!(input_words(Lang::En, Input::Name, ""), "(empty)");
    }
}
