//! A message with a stable code that tests can read (`data-testid="notice"`).

use yew::prelude::*;

/// Props of [`Notice`].
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// Stable machine-readable code (`data-code`).
    pub code: AttrValue,
    /// The text in the current language.
    pub text: AttrValue,
    /// The id, so the field can point at it with `aria-describedby`.
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// A short message beside a field or above the results.
#[function_component(Notice)]
pub fn notice(props: &NoticeProps) -> Html {
    html! {
        <p class="notice" role="alert" id={props.id.clone()} data-testid="notice" data-code={props.code.clone()}>
            { props.text.clone() }
        </p>
    }
}
