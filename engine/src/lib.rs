//! The calculation engine of the Yongzhou park investment calculator.
//!
//! It implements `MODEL.md` to the letter: money is `Decimal` in 万元, every
//! operation is checked, and nothing here knows about the web. The app shell
//! turns text into validated inputs, calls this crate, and formats what it
//! returns.
#![forbid(unsafe_code)]
#![deny(
    clippy::float_arithmetic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub mod arith;
pub mod error;
pub mod finance;

pub use error::Overflow;
