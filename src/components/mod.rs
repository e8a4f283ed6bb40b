//! The app's function components, one per file.

pub mod app;
pub mod cash_flow_form;
pub mod language_switch;
pub mod notice;
pub mod result_figure;
