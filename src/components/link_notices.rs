//! What the opening link (or a loaded file) needs the person to know: cut
//! short, altered, from a newer version or another policy set, or carrying
//! junk from a chat app.

use yew::prelude::*;

use crate::components::notice::{notice, Tone};
use crate::i18n::{text, Lang, Msg};
use crate::link::LinkNotice;

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

/// The notices, above everything else, until dismissed (`on_dismiss`).
pub fn link_notices(lang: Lang, notices: &[LinkNotice], on_dismiss: &Callback<()>) -> Html {
    if notices.is_empty() {
        return html! {};
    }
    let onclick = on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="link-notices" data-testid="link-notices">
            { for notices.iter().map(|link_notice| {
                notice(link_notice.code().into(), notice_text(lang, link_notice).into(), Tone::Warning)
            }) }
            <button type="button" class="reset" onclick={onclick}>{ text(lang, Msg::Dismiss) }</button>
        </div>
    }
}
