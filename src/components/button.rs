//! The plain `type="button"` button the panels share.

use yew::prelude::*;

/// A button saying `words`; `testid` and `aria_label` are left out when
/// `None`, `disabled` when false.
pub fn button(
    class: &'static str,
    testid: Option<AttrValue>,
    aria_label: Option<AttrValue>,
    disabled: bool,
    onclick: Callback<MouseEvent>,
    words: &'static str,
) -> Html {
    html! {
        <button type="button" {class} data-testid={testid} aria-label={aria_label} {onclick} {disabled}>
            { words }
        </button>
    }
}
