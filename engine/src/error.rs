//! Typed arithmetic failures: an overflow or a division by zero inside the
//! engine is an error value, never a panic.

use std::fmt;

/// An arithmetic operation left `Decimal`'s range or divided by zero.
///
/// Finance functions return this bare; the model attaches the input that drove
/// the computation out of range before it reaches the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

impl fmt::Display for Overflow {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("arithmetic overflow")
    }
}

impl std::error::Error for Overflow {}

/// Why an evaluation failed after validation: an arithmetic overflow, traced
/// to the input that drove the computation out of `Decimal`'s range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EngineError {
    /// A computation overflowed (or divided by zero); `input` is the id of
    /// the input (MODEL.md §2) the overflowing line depends on most.
    Overflow {
        /// The input id, e.g. `output_full`.
        input: &'static str,
    },
}

impl EngineError {
    /// The input id the error names.
    pub fn input(&self) -> &'static str {
        match self {
            EngineError::Overflow { input } => input,
        }
    }
}

impl fmt::Display for EngineError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineError::Overflow { input } => {
                write!(formatter, "arithmetic overflow driven by input `{input}`")
            }
        }
    }
}

impl std::error::Error for EngineError {}

/// Attaches the responsible input to a bare [`Overflow`].
pub trait Blame<T> {
    /// `Err(Overflow)` becomes `Err(EngineError::Overflow { input })`.
    fn blame(self, input: &'static str) -> Result<T, EngineError>;
}

impl<T> Blame<T> for Result<T, Overflow> {
    fn blame(self, input: &'static str) -> Result<T, EngineError> {
        self.map_err(|Overflow| EngineError::Overflow { input })
    }
}
