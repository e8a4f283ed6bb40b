//! The Yew shell of the Yongzhou park investment calculator.
//!
//! Raw text from the form becomes validated numbers here (`numbers`), the
//! `engine` crate computes, and the components turn results into text
//! (`format`, `i18n`). The shell never computes money itself.

pub mod components;
pub mod format;
pub mod i18n;
pub mod numbers;
pub mod state;

/// Mounts the app into `<body>` and marks the first result for the benchmark.
pub fn start() {
    yew::Renderer::<components::app::App>::new().render();
}
