//! A message with a stable code that tests can read (`data-testid="notice"`).

use yew::prelude::*;

/// A short message beside a field or above the results: `tone` is `error`
/// (beside a field; read out at once), `warning` or `info`.
pub fn notice(code: AttrValue, text: AttrValue, tone: &str) -> Html {
    let role = if tone == "error" { "alert" } else { "status" };
    html! {
        <p class={format!("notice notice-{tone}")} {role} data-testid="notice" data-code={code}>
            { text }
        </p>
    }
}
