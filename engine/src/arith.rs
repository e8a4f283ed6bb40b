//! Checked arithmetic on `Decimal` that reports failure as [`Overflow`].
//!
//! Every money computation in the engine goes through these helpers, so an
//! out-of-range input becomes an error value instead of a panic.

use rust_decimal::Decimal;

use crate::error::Overflow;

/// `a + b`, or `Overflow`.
pub fn add(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_add(b).ok_or(Overflow)
}

/// `a − b`, or `Overflow`.
///
/// Computed as `a + (−b)`: `Decimal` subtracts by adding with the sign
/// flipped, so the result is the same to the last bit, and the addition's
/// code (inlined wherever `checked_add` or `checked_sub` is called) exists
/// once. A zero `b` is added as it is, as subtracting it would.
pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    add(a, if b.is_zero() { b } else { -b })
}

/// `a × b`, or `Overflow`.
pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_mul(b).ok_or(Overflow)
}

/// `a ÷ b`, or `Overflow` (also for `b = 0`).
pub fn div(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_div(b).ok_or(Overflow)
}

/// `base ^ exponent` for a non-negative integer exponent, by repeated squaring.
pub fn pow(base: Decimal, exponent: u32) -> Result<Decimal, Overflow> {
    let mut result = Decimal::ONE;
    let mut square = base;
    let mut remaining = exponent;
    while remaining > 0 {
        if remaining & 1 == 1 {
            result = mul(result, square)?;
        }
        remaining >>= 1;
        if remaining > 0 {
            square = mul(square, square)?;
        }
    }
    Ok(result)
}

/// Each value × `factor`: a line scaled by a rate; or `Overflow`.
pub fn scale(values: &[Decimal], factor: Decimal) -> Result<Vec<Decimal>, Overflow> {
    values.iter().map(|value| mul(*value, factor)).collect()
}

/// The sum of a series, or `Overflow`.
pub fn sum(values: &[Decimal]) -> Result<Decimal, Overflow> {
    values
        .iter()
        .try_fold(Decimal::ZERO, |total, value| add(total, *value))
}

/// `max(0, a)`: the positive part.
pub fn positive(a: Decimal) -> Decimal {
    a.max(Decimal::ZERO)
}

/// `a − b − c − …`, or `Overflow`.
pub fn sub_all(a: Decimal, subtrahends: &[Decimal]) -> Result<Decimal, Overflow> {
    subtrahends
        .iter()
        .try_fold(a, |total, value| sub(total, *value))
}

/// The sum of a series, skipping zeros (an addition of two `Decimal`s of
/// different scales costs a rescale even when one of them is 0); or `Overflow`.
pub fn sum_sparse(values: &[Decimal]) -> Result<Decimal, Overflow> {
    values
        .iter()
        .filter(|value| !value.is_zero())
        .try_fold(Decimal::ZERO, |total, value| add(total, *value))
}
