//! The 中文 / English switch.

use yew::prelude::*;

use crate::i18n::{text, Lang, Msg};

/// Props of [`LanguageSwitch`].
#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    /// The language shown now.
    pub lang: Lang,
    /// Called with the other language.
    pub on_change: Callback<Lang>,
}

/// A button that flips the display language; input and results stay.
#[function_component(LanguageSwitch)]
pub fn language_switch(props: &LanguageSwitchProps) -> Html {
    let onclick = {
        let on_change = props.on_change.clone();
        let other = props.lang.other();
        Callback::from(move |_: MouseEvent| on_change.emit(other))
    };
    html! {
        <button type="button" class="lang-switch" data-testid="lang" lang={props.lang.other().tag()} {onclick}>
            { text(props.lang, Msg::SwitchLanguage) }
        </button>
    }
}
