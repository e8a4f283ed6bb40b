//! The warnings of MODEL.md rule 60, in words, each with its stable code.

use engine::results::Warning;
use yew::prelude::*;

use crate::components::notice::Notice;
use crate::i18n::{text, Lang, Msg};

/// Props of [`Warnings`].
#[derive(Properties, PartialEq)]
pub struct WarningsProps {
    /// Display language.
    pub lang: Lang,
    /// The engine's warnings.
    pub warnings: Vec<Warning>,
}

/// The list of warnings (nothing when there are none).
#[function_component(Warnings)]
pub fn warnings(props: &WarningsProps) -> Html {
    if props.warnings.is_empty() {
        return html! {};
    }
    html! {
        <div class="warnings" data-testid="warnings">
            <h3 class="visually-hidden">{ text(props.lang, Msg::WarningsHeading) }</h3>
            { for props.warnings.iter().map(|warning| {
                let words = match props.lang {
                    Lang::Zh => warning.message_zh.clone(),
                    Lang::En => warning.message_en.clone(),
                };
                html! { <Notice code={warning.code} text={words} tone="warning" /> }
            }) }
        </div>
    }
}
