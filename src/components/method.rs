//! The "How this is calculated" panel: the model's conventions, the rule
//! behind each headline figure, what it leaves out and where the defaults
//! come from, folded away in a `<details>`.

use yew::prelude::*;

use crate::i18n::method::{method_text, split_term, MethodText, SECTIONS};
use crate::i18n::{colon, Lang};

/// One item of a section; a termed item opens with its term in bold.
fn item(lang: Lang, termed: bool, message: MethodText) -> Html {
    let text = method_text(lang, message);
    match split_term(text) {
        (Some(term), rest) if termed => html! {
            <li><strong>{ term }</strong>{ colon(lang) }{ rest }</li>
        },
        _ => html! { <li>{ text }</li> },
    }
}

/// The method panel (`data-testid="method"`).
pub fn method(lang: Lang) -> Html {
    let sections = SECTIONS.iter().map(|section| {
        html! {
            <section class="method-section">
                <h3>{ method_text(lang, section.heading) }</h3>
                <ul>
                    { for section.items.iter().map(|message| item(lang, section.termed, *message)) }
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
