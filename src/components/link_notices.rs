//! What the opening link (or a loaded file) needs the person to know: cut
//! short, altered, from a newer version or another policy set, or carrying
//! junk from a chat app.

use yew::prelude::*;

use crate::components::notice::{notice, Tone};
use crate::i18n::{text, Lang, Msg};
use crate::link::LinkNotice;

/// Props of [`LinkNotices`].
#[derive(Properties, PartialEq)]
pub struct LinkNoticesProps {
    /// Display language.
    pub lang: Lang,
    /// The notices.
    pub notices: Vec<LinkNotice>,
    /// The person has read them.
    pub on_dismiss: Callback<()>,
}

/// One notice in words.
pub fn notice_text(lang: Lang, notice: &LinkNotice) -> String {
    match notice {
        LinkNotice::Truncated => text(lang, Msg::LinkTruncated).to_owned(),
        LinkNotice::Tampered => text(lang, Msg::LinkTampered).to_owned(),
        LinkNotice::NewerVersion => text(lang, Msg::LinkNewerVersion).to_owned(),
        LinkNotice::Unreadable => text(lang, Msg::LinkUnreadable).to_owned(),
        LinkNotice::UnknownKeys(keys) => {
            format!("{} {}", text(lang, Msg::LinkUnknownKeys), keys.join(", "))
        }
        LinkNotice::BadValues(keys) => {
            format!("{} {}", text(lang, Msg::LinkBadValues), keys.join(", "))
        }
        LinkNotice::OtherPolicySet(id) => format!(
            "{} {id}{}",
            text(lang, Msg::LinkOtherPolicySet),
            text(lang, Msg::LinkOtherPolicySetTail)
        ),
        LinkNotice::JunkIgnored => text(lang, Msg::LinkJunkIgnored).to_owned(),
    }
}

/// The notices, above everything else, until dismissed.
#[function_component(LinkNotices)]
pub fn link_notices(props: &LinkNoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let onclick = {
        let on_dismiss = props.on_dismiss.clone();
        Callback::from(move |_: MouseEvent| on_dismiss.emit(()))
    };
    html! {
        <div class="link-notices" data-testid="link-notices">
            { for props.notices.iter().map(|link_notice| {
                notice(link_notice.code().into(), notice_text(props.lang, link_notice).into(), Tone::Warning)
            }) }
            <button type="button" class="reset" onclick={onclick}>{ text(props.lang, Msg::Dismiss) }</button>
        </div>
    }
}
