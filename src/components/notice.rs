//! A message with a stable code that tests can read (`data-testid="notice"`).

use yew::prelude::*;

/// How a notice reads: an error beside a field (read out at once), a
/// warning or information.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Error,
    Warning,
    Info,
}

/// A short message beside a field or above the results.
pub fn notice(code: AttrValue, text: AttrValue, tone: Tone) -> Html {
    let (class, role) = match tone {
        Tone::Error => ("notice notice-error", "alert"),
        Tone::Warning => ("notice notice-warning", "status"),
        Tone::Info => ("notice notice-info", "status"),
    };
    html! {
        <p {class} {role} data-testid="notice" data-code={code}>
            { text }
        </p>
    }
}
