//! The app's function components, one per file.

pub mod app;
pub mod button;
pub mod buy_vs_rent;
pub mod charts;
pub mod compare;
pub mod field;
pub mod figure;
pub mod headline;
pub mod input_panel;
pub mod language_switch;
pub mod link_notices;
pub mod method;
pub mod mu_block;
pub mod notice;
pub mod park_ledger;
pub mod print_report;
pub mod qr_code;
pub mod results_panel;
pub mod roadshow;
pub mod sensitivity;
pub mod share_panel;
pub mod statements;
pub mod warnings;
pub mod year_table;
