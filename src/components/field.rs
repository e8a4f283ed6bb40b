//! One input of the form: label, control, unit, the default with its source
//! tag, a reset button, and the messages for it in the current language.

use engine::policy::Tag;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::notice::{notice, Tone};
use crate::form::{to_display, FieldMessage};
use crate::i18n::inputs::{label, option_label, unit_label};
use crate::i18n::{text, Lang, Msg};
use crate::inputs::{Input, Kind};
use crate::state::{Action, State};

/// Props of [`Field`]: only what the field shows, so that a field whose
/// input did not change is not drawn again.
#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// Display language.
    pub lang: Lang,
    /// Which input.
    pub input: Input,
    /// The text in the control: as typed, or the default in force.
    pub shown: AttrValue,
    /// Whether the user typed something (the reset button shows).
    pub typed: bool,
    /// The default in force, in engine units.
    pub default: Option<&'static str>,
    /// Where that default comes from.
    pub tag: Option<Tag>,
    /// Messages for this field.
    pub messages: Vec<FieldMessage>,
    /// A line under the control (e.g. an area in the other unit).
    #[prop_or_default]
    pub aside: Option<AttrValue>,
    /// Where edits and resets go.
    pub dispatch: UseReducerDispatcher<State>,
}

/// The element id of an input's control.
pub fn control_id(input: Input) -> String {
    format!("in-{}", input.id().replace('.', "-"))
}

/// A field message in a list of several fields' messages: "label: words".
pub fn labelled_message_text(lang: Lang, message: &FieldMessage) -> String {
    format!(
        "{}: {}",
        label(lang, message.input),
        message_text(lang, message)
    )
}

/// A field message in words, with the allowed range in the form's units.
pub fn message_text(lang: Lang, message: &FieldMessage) -> String {
    let base = match message.code {
        "empty" => Msg::ErrorEmpty,
        "not_a_number" | "wrong_type" => Msg::ErrorNotANumber,
        "too_large" => Msg::ErrorTooLarge,
        "out_of_range" => Msg::ErrorOutOfRange,
        "not_an_integer" => Msg::ErrorNotAnInteger,
        "overflow" => Msg::ErrorOverflow,
        _ => {
            return match lang {
                Lang::Zh => message.engine_zh.clone(),
                Lang::En => message.engine_en.clone(),
            }
        }
    };
    let mut words = text(lang, base).to_owned();
    if let Some(allowed) = &message.allowed {
        let (open, close) = match lang {
            Lang::Zh => ("（允许 ", "）"),
            Lang::En => (" (allowed ", ")"),
        };
        words.push_str(open);
        words.push_str(allowed);
        words.push_str(close);
    }
    words
}

/// The class of a source tag, its meaning and how it is written.
fn tag_parts(tag: Tag) -> (&'static str, Msg, &'static str) {
    match tag {
        Tag::S => ("tag tag-s", Msg::TagS, "[S]"),
        Tag::S2 => ("tag tag-s2", Msg::TagS2, "[S2]"),
        Tag::P => ("tag tag-p", Msg::TagP, "[P]"),
        Tag::G => ("tag tag-g", Msg::TagG, "[G]"),
    }
}

/// The unit a value of `kind` is written in (`%`, `万元`, …), or `""`.
fn unit_of(lang: Lang, kind: Kind) -> &'static str {
    match kind {
        Kind::Percent | Kind::PercentList => "%",
        Kind::Number(unit) | Kind::Integer(unit) => unit_label(lang, unit),
        Kind::Text | Kind::Bool | Kind::Choice(_) => "",
    }
}

/// A value of `input` in the form's units, in words: a choice's label,
/// on/off, or the number with its unit (the default beside a field, a
/// column of the comparison, a line of the printed report).
pub fn value_words(lang: Lang, input: Input, value: &str) -> String {
    match input.kind() {
        Kind::Bool if value == "true" => text(lang, Msg::On).to_owned(),
        Kind::Bool => text(lang, Msg::Off).to_owned(),
        Kind::Choice(options) => options
            .iter()
            .find(|option| option.value() == value)
            .map_or(value, |option| option_label(lang, *option))
            .to_owned(),
        kind => {
            let mut words = value.to_owned();
            let unit = unit_of(lang, kind);
            if !unit.is_empty() {
                words.push(' ');
                words.push_str(unit);
            }
            words
        }
    }
}

/// One labelled input.
#[function_component(Field)]
pub fn field(props: &FieldProps) -> Html {
    let lang = props.lang;
    let input = props.input;
    let kind = input.kind();
    let id = control_id(input);
    let shown = &props.shown;
    let invalid = !props.messages.is_empty();
    let described = format!("{id}-note");
    let set = {
        let dispatch = props.dispatch.clone();
        move |value: String| dispatch.dispatch(Action::Set(input, value))
    };

    let control = match kind {
        Kind::Bool => {
            let onchange = Callback::from(move |event: Event| {
                set(event
                    .target_unchecked_into::<HtmlInputElement>()
                    .checked()
                    .to_string())
            });
            html! {
                <input type="checkbox" id={id.clone()} data-testid={input.id()} checked={shown == "true"}
                    aria-describedby={described.clone()} {onchange} />
            }
        }
        Kind::Choice(choices) => {
            let onchange = Callback::from(move |event: Event| {
                set(event.target_unchecked_into::<HtmlSelectElement>().value())
            });
            html! {
                <select id={id.clone()} data-testid={input.id()} aria-describedby={described.clone()}
                    aria-invalid={invalid.to_string()} {onchange}>
                    { for choices.iter().map(|option| html! {
                        <option value={option.value()} selected={option.value() == shown.as_str()}>
                            { option_label(lang, *option) }
                        </option>
                    }) }
                </select>
            }
        }
        _ => {
            let oninput = Callback::from(move |event: InputEvent| {
                set(event.target_unchecked_into::<HtmlInputElement>().value())
            });
            // Numbers get the decimal keypad and no spelling marks.
            let number = kind != Kind::Text;
            html! {
                <input type="text" inputmode={number.then_some("decimal")} id={id.clone()} data-testid={input.id()}
                    value={shown.clone()} aria-invalid={invalid.to_string()} aria-describedby={described.clone()}
                    autocomplete="off" spellcheck={number.then_some("false")} {oninput} />
            }
        }
    };
    let unit = unit_of(lang, kind);
    let default = props.default.map(|value| {
        let mut line = text(lang, Msg::Default).to_owned();
        line.push(' ');
        line.push_str(&value_words(lang, input, &to_display(input, value)));
        line
    });
    let on_reset = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Reset(input)))
    };

    let class = match (kind == Kind::Bool, invalid) {
        (false, false) => "field",
        (true, false) => "field switch",
        (false, true) => "field invalid",
        (true, true) => "field switch invalid",
    };
    html! {
        <div {class}>
            <label for={id}>{ label(lang, input) }</label>
            <div class="control">
                { control }
                if !unit.is_empty() {
                    <span class="unit">{ unit }</span>
                }
            </div>
            <p class="field-note" id={described}>
                if let Some(default) = default {
                    <span class="default">{ default }</span>
                }
                if let Some((class, meaning, written)) = props.tag.map(tag_parts) {
                    <abbr {class} title={text(lang, meaning)}>{ written }</abbr>
                }
                if let Some(aside) = &props.aside {
                    <span class="aside">{ aside.clone() }</span>
                }
                if props.typed {
                    <button type="button" class="reset" data-testid={format!("reset.{}", input.id())} onclick={on_reset}>
                        { text(lang, Msg::ResetField) }
                    </button>
                }
            </p>
            { for props.messages.iter().map(|message| html! {
                { notice(message.code.into(), message_text(lang, message).into(), Tone::Error) }
            }) }
        </div>
    }
}
