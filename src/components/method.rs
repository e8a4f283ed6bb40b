//! The "How this is calculated" panel: the model's conventions, the rule
//! behind each headline figure, what it leaves out and where the defaults
//! come from, folded away in a `<details>`.

use yew::prelude::*;

use crate::i18n::method::{method_text, split_term, MethodText, SECTIONS};
use crate::i18n::Lang;

/// Props of [`Method`].
#[derive(Properties, PartialEq)]
pub struct MethodProps {
    /// Display language.
    pub lang: Lang,
}

/// The method panel (`data-testid="method"`).
#[function_component(Method)]
pub fn method(props: &MethodProps) -> Html {
    let lang = props.lang;
    let item = |termed: bool, message: MethodText| {
        let text = method_text(lang, message);
        match split_term(text) {
            (Some(term), rest) if termed => html! {
                <li><strong>{ term }</strong>{ separator(lang) }{ rest }</li>
            },
            _ => html! { <li>{ text }</li> },
        }
    };
    let sections = SECTIONS.iter().map(|section| {
        html! {
            <section class="method-section">
                <h3>{ method_text(lang, section.heading) }</h3>
                <ul>
                    { for section.items.iter().map(|message| item(section.termed, *message)) }
                </ul>
            </section>
        }
    });
    html! {
        <details class="method-panel" data-testid="method">
            <summary>{ method_text(lang, MethodText::Title) }</summary>
            <div class="method-body">
                <p class="method-intro">{ method_text(lang, MethodText::Intro) }</p>
                { for sections }
            </div>
        </details>
    }
}

/// What follows a bold term: "：" in Chinese, ": " in English.
fn separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}
