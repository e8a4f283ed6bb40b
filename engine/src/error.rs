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
