//! The 中文 / English switch.

use yew::prelude::*;

use crate::i18n::{text, Lang, Msg};

/// A button that flips the display language (`lang` is the one shown now;
/// `on_change` is called with the other); input and results stay.
pub fn language_switch(lang: Lang, on_change: &Callback<Lang>) -> Html {
    let other = lang.other();
    let onclick = on_change.reform(move |_: MouseEvent| other);
    html! {
        <button type="button" class="lang-switch" data-testid="lang" lang={other.tag()} {onclick}>
            { text(lang, Msg::SwitchLanguage) }
        </button>
    }
}
