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

/// A short message beside a field or above the results.
#[function_component(Notice)]
pub fn notice(props: &NoticeProps) -> Html {
    let role = if props.tone == "error" {
        "alert"
    } else {
        "status"
    };
    html! {
        <p class={classes!("notice", format!("notice-{}", props.tone))} role={role}
            data-testid="notice" data-code={props.code.clone()}>
            { props.text.clone() }
        </p>
    }
}
