//! What the opening link (or a loaded file) needs the person to know: cut
//! short, altered, from a newer version or another policy set, or carrying
//! junk from a chat app.

use yew::prelude::*;

use crate::components::notice::{notice, Tone};
use crate::i18n::{text, Lang, Msg};
use crate::link::LinkNotice;

/// One notice in words.
pub fn notice_text(lang: Lang, notice: &LinkNotice) -> String {
    let (message, keys) = match notice {
        LinkNotice::Truncated => (Msg::LinkTruncated, None),
        LinkNotice::Tampered => (Msg::LinkTampered, None),
        LinkNotice::NewerVersion => (Msg::LinkNewerVersion, None),
        LinkNotice::Unreadable => (Msg::LinkUnreadable, None),
        LinkNotice::UnknownKeys(keys) => (Msg::LinkUnknownKeys, Some(keys)),
        LinkNotice::BadValues(keys) => (Msg::LinkBadValues, Some(keys)),
        LinkNotice::OtherPolicySet(id) => {
            return format!(
                "{} {id}{}",
                text(lang, Msg::LinkOtherPolicySet),
                text(lang, Msg::LinkOtherPolicySetTail)
            )
        }
        LinkNotice::JunkIgnored => (Msg::LinkJunkIgnored, None),
    };
    match keys {
        Some(keys) => format!("{} {}", text(lang, message), keys.join(", ")),
        None => text(lang, message).to_owned(),
    }
}

/// The notices, above everything else, until dismissed (`on_dismiss`).
pub fn link_notices(lang: Lang, notices: &[LinkNotice], on_dismiss: Callback<MouseEvent>) -> Html {
    if notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="link-notices" data-testid="link-notices">
            { for notices.iter().map(|link_notice| {
                notice(link_notice.code().into(), notice_text(lang, link_notice).into(), Tone::Warning)
            }) }
            <button type="button" class="reset" onclick={on_dismiss}>{ text(lang, Msg::Dismiss) }</button>
        </div>
    }
}
