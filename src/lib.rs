//! The Yew shell of the Yongzhou park investment calculator.
//!
//! Raw text from the form becomes engine input here (`form`, `numbers`), the
//! `engine` crate computes, and the components turn results into text and
//! SVG (`format`, `i18n`, `chart_geometry`). The shell never computes money.

pub mod chart_geometry;
pub mod components;
pub mod export;
pub mod form;
pub mod format;
pub mod i18n;
pub mod inputs;
pub mod link;
pub mod numbers;
pub mod qr;
pub mod settle;
pub mod state;
pub mod storage;

/// Mounts the app into `<body>`.
pub fn start() {
    yew::Renderer::<components::app::App>::new().render();
}
