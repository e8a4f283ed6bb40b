//! The warnings of MODEL.md rule 60, in words, each with its stable code.

use engine::results::Warning;
use yew::prelude::*;

use crate::components::notice::{notice, Tone};
use crate::i18n::{text, Lang, Msg};

/// The list of warnings (nothing when there are none).
pub fn warnings(lang: Lang, warnings: &[Warning]) -> Html {
    if warnings.is_empty() {
        return Html::default();
    }
    html! {
        <div class="warnings" data-testid="warnings">
            <h3 class="visually-hidden">{ text(lang, Msg::WarningsHeading) }</h3>
            { for warnings.iter().map(|warning| {
                let words = match lang {
                    Lang::Zh => warning.message_zh.clone(),
                    Lang::En => warning.message_en.clone(),
                };
                notice(warning.code.into(), words.into(), Tone::Warning)
            }) }
        </div>
    }
}
