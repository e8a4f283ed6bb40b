//! One input of the form: label, control, unit, the default with its source
//! tag, a reset button, and the messages for it in the current language.

use engine::policy::Tag;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::notice::Notice;
use crate::form::{default_tag, default_value, options, to_display, FieldMessage, FormState};
use crate::i18n::inputs::{label, option_label, unit_label};
use crate::i18n::{text, Lang, Msg};
use crate::inputs::{Input, Kind, Opt};

/// Props of [`Field`].
#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// Display language.
    pub lang: Lang,
    /// Which input.
    pub input: Input,
    /// The whole form (for the value shown and the default in force).
    pub form: FormState,
    /// Messages for this field.
    pub messages: Vec<FieldMessage>,
    /// A line under the control (e.g. an area in the other unit).
    #[prop_or_default]
    pub aside: Option<AttrValue>,
    /// The field's text changed.
    pub on_set: Callback<(Input, String)>,
    /// The field goes back to its default.
    pub on_reset: Callback<Input>,
}

/// The element id of an input's control.
pub fn control_id(input: Input) -> String {
    format!("in-{}", input.id().replace('.', "-"))
}

/// A field message in words, with the allowed range in the form's units.
pub fn message_text(lang: Lang, message: &FieldMessage) -> String {
    let base = match message.code {
        "empty" => text(lang, Msg::ErrorEmpty),
        "not_a_number" | "wrong_type" => text(lang, Msg::ErrorNotANumber),
        "too_large" => text(lang, Msg::ErrorTooLarge),
        "out_of_range" => text(lang, Msg::ErrorOutOfRange),
        "not_an_integer" => text(lang, Msg::ErrorNotAnInteger),
        "overflow" => text(lang, Msg::ErrorOverflow),
        _ => {
            return match lang {
                Lang::Zh => message.engine_zh.clone(),
                Lang::En => message.engine_en.clone(),
            }
        }
    };
    match &message.allowed {
        Some(allowed) => match lang {
            Lang::Zh => format!("{base}（允许 {allowed}）"),
            Lang::En => format!("{base} (allowed {allowed})"),
        },
        None => base.to_owned(),
    }
}

fn tag_text(lang: Lang, tag: Tag) -> &'static str {
    match tag {
        Tag::S => text(lang, Msg::TagS),
        Tag::S2 => text(lang, Msg::TagS2),
        Tag::P => text(lang, Msg::TagP),
        Tag::G => text(lang, Msg::TagG),
    }
}

fn option_of(value: &str, input: Input) -> Option<Opt> {
    options(input)
        .iter()
        .copied()
        .find(|option| option.value() == value)
}

/// The default as shown beside the field, in the form's words and units.
fn default_shown(lang: Lang, input: Input, value: &str) -> String {
    match input.kind() {
        Kind::Bool if value == "true" => text(lang, Msg::On).to_owned(),
        Kind::Bool => text(lang, Msg::Off).to_owned(),
        Kind::Choice(_) => option_of(value, input)
            .map(|option| option_label(lang, option).to_owned())
            .unwrap_or_else(|| value.to_owned()),
        Kind::Percent | Kind::PercentList => format!("{} %", to_display(input, value)),
        Kind::Number(unit) | Kind::Integer(unit) => {
            let unit = unit_label(lang, unit);
            if unit.is_empty() {
                value.to_owned()
            } else {
                format!("{value} {unit}")
            }
        }
        Kind::Text => value.to_owned(),
    }
}

/// One labelled input.
#[function_component(Field)]
pub fn field(props: &FieldProps) -> Html {
    let lang = props.lang;
    let input = props.input;
    let id = control_id(input);
    let shown = props.form.shown(input);
    let typed = props.form.entries.contains_key(&input);
    let invalid = !props.messages.is_empty();
    let described = format!("{id}-note");

    let on_text = {
        let on_set = props.on_set.clone();
        Callback::from(move |event: InputEvent| {
            on_set.emit((
                input,
                event.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let on_check = {
        let on_set = props.on_set.clone();
        Callback::from(move |event: Event| {
            let checked = event.target_unchecked_into::<HtmlInputElement>().checked();
            on_set.emit((input, checked.to_string()))
        })
    };
    let on_select = {
        let on_set = props.on_set.clone();
        Callback::from(move |event: Event| {
            on_set.emit((
                input,
                event.target_unchecked_into::<HtmlSelectElement>().value(),
            ))
        })
    };
    let on_reset = {
        let on_reset = props.on_reset.clone();
        Callback::from(move |_: MouseEvent| on_reset.emit(input))
    };

    let control = match input.kind() {
        Kind::Bool => html! {
            <input type="checkbox" id={id.clone()} data-testid={input.id()} checked={shown == "true"}
                aria-describedby={described.clone()} onchange={on_check} />
        },
        Kind::Choice(choices) => html! {
            <select id={id.clone()} data-testid={input.id()} aria-describedby={described.clone()}
                aria-invalid={invalid.to_string()} onchange={on_select}>
                { for choices.iter().map(|option| html! {
                    <option value={option.value()} selected={option.value() == shown}>
                        { option_label(lang, *option) }
                    </option>
                }) }
            </select>
        },
        Kind::Text => html! {
            <input type="text" id={id.clone()} data-testid={input.id()} value={shown}
                aria-invalid={invalid.to_string()} aria-describedby={described.clone()}
                autocomplete="off" oninput={on_text} />
        },
        _ => html! {
            <input type="text" inputmode="decimal" id={id.clone()} data-testid={input.id()} value={shown}
                aria-invalid={invalid.to_string()} aria-describedby={described.clone()}
                autocomplete="off" spellcheck="false" oninput={on_text} />
        },
    };
    let unit = match input.kind() {
        Kind::Percent | Kind::PercentList => "%",
        Kind::Number(unit) | Kind::Integer(unit) => unit_label(lang, unit),
        _ => "",
    };
    let default = default_value(&props.form, input).map(|value| default_shown(lang, input, value));
    let tag = default_tag(&props.form, input);

    html! {
        <div class={classes!("field", matches!(input.kind(), Kind::Bool).then_some("switch"), invalid.then_some("invalid"))}>
            <label for={id.clone()}>{ label(lang, input) }</label>
            <div class="control">
                { control }
                if !unit.is_empty() {
                    <span class="unit">{ unit }</span>
                }
            </div>
            <p class="field-note" id={described}>
                if let Some(default) = default {
                    <span class="default">{ format!("{} {default}", text(lang, Msg::Default)) }</span>
                }
                if let Some(tag) = tag {
                    <abbr class={classes!("tag", format!("tag-{}", tag.as_str().to_lowercase()))} title={tag_text(lang, tag)}>
                        { format!("[{}]", tag.as_str()) }
                    </abbr>
                }
                if let Some(aside) = &props.aside {
                    <span class="aside">{ aside.clone() }</span>
                }
                if typed {
                    <button type="button" class="reset" data-testid={format!("reset.{}", input.id())} onclick={on_reset}>
                        { text(lang, Msg::ResetField) }
                    </button>
                }
            </p>
            { for props.messages.iter().map(|message| html! {
                <Notice code={message.code} text={message_text(lang, message)} />
            }) }
        </div>
    }
}
