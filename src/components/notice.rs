//! A message with a stable code that tests can read (`data-testid="notice"`).

use yew::prelude::*;

/// Props of [`Notice`].
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// Stable machine-readable code (`data-code`).
    pub code: AttrValue,
    /// The text in the current language.
    pub text: AttrValue,
    /// `error` (default, beside a field), `warning` or `info`.
    #[prop_or(AttrValue::Static("error"))]
    pub tone: AttrValue,
}

/// The markup of a notice, for views that show one inline: the same as
/// the [`Notice`] component without a component of its own to mount.
pub fn notice(code: AttrValue, text: AttrValue, tone: &str) -> Html {
    let role = if tone == "error" { "alert" } else { "status" };
    html! {
        <p class={format!("notice notice-{tone}")} {role} data-testid="notice" data-code={code}>
            { text }
        </p>
    }
}

/// A short message beside a field or above the results.
#[function_component(Notice)]
pub fn notice_component(props: &NoticeProps) -> Html {
    notice(props.code.clone(), props.text.clone(), &props.tone)
}
