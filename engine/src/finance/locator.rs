//! A fast first guess of an IRR, in integer fixed point.
//!
//! Every `Decimal` multiplication of the IRR search costs a rescale of a
//! 28-digit product, so a search that needs 25–35 NPV evaluations spends
//! most of its time there. This locator finds the root to about 1e-13 with
//! 64-bit integers instead; the caller then brackets that guess tightly and
//! closes the bracket with `Decimal` NPVs, so every decision and the answer
//! itself stay exact `Decimal` (MODEL.md §1; rules 39, 62). If the guess is
//! off, the caller notices (no sign change across it) and falls back to the
//! full bracket. No float is involved.
//!
//! NPV's sign is that of a polynomial in x ∈ (0, 1]: for rates r ≥ 0,
//! `P(x) = Σ NCF_t x^(t−1)` at x = 1/(1+r) (NPV = x·P(x)); for r < 0,
//! `S(x) = Σ NCF_t x^(N−t)` at x = 1 + r (NPV·(1+r)^N = S(x), rule 62).
//! Flows are scaled by a common power of ten so that the largest is about
//! 2^55, and x is `X / 2^62`; Horner's rule then stays within `i128`.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::arith::{add, div, mul, sub};

/// x = X / 2^ONE_BITS.
const ONE_BITS: u32 = 62;
/// The locator stops once the bracket on X is this narrow (2^-50 in x).
const RESOLUTION: u64 = 1 << 12;
/// A bound on the locator's steps.
const MAX_STEPS: u32 = 120;

/// The flows in fixed point, for the sign of NPV at any rate.
pub(super) struct FixedFlows {
    /// NCF_1 … NCF_N × 10^e, rounded towards 0.
    coefficients: Vec<i64>,
    /// e.
    exponent: i32,
    /// A bound on the error of [`FixedFlows::value`], in its unit.
    error_bound: i128,
}

impl FixedFlows {
    /// The flows scaled so that the largest is below 2^55 and at least
    /// about 2^51; `None` if they are all 0 or cannot be scaled.
    pub(super) fn new(flows: &[Decimal]) -> Option<FixedFlows> {
        let largest = flows.iter().map(|flow| flow.abs()).max()?;
        if largest.is_zero() {
            return None;
        }
        // largest ≈ 10^(digits − scale); scale it to about 10^16 < 2^55.
        let digits = i32::try_from(largest.mantissa().unsigned_abs().checked_ilog10()?).ok()? + 1;
        let exponent = 16 - (digits - i32::try_from(largest.scale()).ok()?);
        let coefficients = flows
            .iter()
            .map(|flow| scaled(*flow, exponent))
            .collect::<Option<Vec<i64>>>()?;
        // Each coefficient is within 1 of its exact value and each Horner
        // step truncates by less than 1, and x ≤ 1: at most 2N. X is within
        // 1 of 2^62·x, which moves P by at most Σ (t−1)|c_t| / 2^62 ≤
        // N² · 10^16 / 2^63 < N²/128. Doubled, with room to spare.
        let years = i128::try_from(coefficients.len()).ok()?;
        let error_bound = years
            .checked_mul(4)?
            .checked_add(years.checked_mul(years)? / 64)?
            .checked_add(64)?;
        Some(FixedFlows {
            coefficients,
            exponent,
            error_bound,
        })
    }

    /// The sign of NPV at `rate` (of its rescaled form below 0, which has the
    /// same sign) when the fixed-point value is further from 0 than its
    /// error bound; `None` otherwise.
    pub(super) fn certain_sign(&self, rate: Decimal) -> Option<std::cmp::Ordering> {
        let positive = rate >= Decimal::ZERO;
        let x = if positive {
            to_x_positive(rate)?
        } else {
            to_x_negative(rate)?
        };
        let value = self.value(x, positive)?;
        if value > self.error_bound {
            Some(std::cmp::Ordering::Greater)
        } else if value < self.error_bound.checked_neg()? {
            Some(std::cmp::Ordering::Less)
        } else {
            None
        }
    }

    /// The derivative in the rate of NPV (r ≥ 0) or of its rescaled form
    /// `Σ NCF_t (1 + r)^(N−t)` (r < 0) at `rate`, to about 14 digits: enough
    /// for one Newton step from a guess that is already close.
    pub(super) fn slope(&self, rate: Decimal) -> Option<Decimal> {
        let positive = rate >= Decimal::ZERO;
        let one = i128::from(1_u64 << ONE_BITS);
        let slope = if positive {
            // NPV = x·P(x), dx/dr = −x²: dNPV/dr = −x²·(P + x·P').
            let x = i128::from(to_x_positive(rate)?);
            let (value, derivative) = self.value_and_derivative(x, true)?;
            let inner = value.checked_add(derivative.checked_mul(x)? / one)?;
            ((inner.checked_mul(x)? / one).checked_mul(x)? / one).checked_neg()?
        } else {
            self.value_and_derivative(i128::from(to_x_negative(rate)?), false)?
                .1
        };
        from_fixed(slope, self.exponent)
    }

    /// P and P' (positive rates) or S and S' (negative rates) at x = X/2^62.
    fn value_and_derivative(&self, x: i128, positive: bool) -> Option<(i128, i128)> {
        let step = |(value, derivative): (i128, i128), coefficient: &i64| -> Option<(i128, i128)> {
            let derivative = (derivative.checked_mul(x)? >> ONE_BITS).checked_add(value)?;
            let value =
                (value.checked_mul(x)? >> ONE_BITS).checked_add(i128::from(*coefficient))?;
            Some((value, derivative))
        };
        if positive {
            self.coefficients.iter().rev().try_fold((0, 0), step)
        } else {
            self.coefficients.iter().try_fold((0, 0), step)
        }
    }

    /// An estimate of the one root between two rates on the same side of 0
    /// (the bracket's ends must give NPVs of opposite signs), to about
    /// 1e-13; `None` when the fixed-point signs do not bracket a root.
    pub(super) fn locate(&self, low: Decimal, high: Decimal) -> Option<Decimal> {
        let positive = if low >= Decimal::ZERO {
            true
        } else if high <= Decimal::ZERO {
            false
        } else {
            return None;
        };
        let (mut left, mut right) = if positive {
            (to_x_positive(high)?, to_x_positive(low)?)
        } else {
            (to_x_negative(low)?, to_x_negative(high)?)
        };
        if left >= right {
            return None;
        }
        let mut left_value = self.value(left, positive)?;
        let right_value = self.value(right, positive)?;
        if left_value == 0 {
            return from_x(left, positive);
        }
        if right_value == 0 {
            return from_x(right, positive);
        }
        if (left_value < 0) == (right_value < 0) {
            return None;
        }
        // Illinois steps on X, bisection after the first 40.
        let (mut left_weight, mut right_weight) = (left_value, right_value);
        let mut last_moved = 0_i8;
        for step in 0..MAX_STEPS {
            let width = right.checked_sub(left)?;
            if width <= RESOLUTION {
                break;
            }
            let middle = left.checked_add(width / 2)?;
            let falsi = if step < 40 {
                // left + width × f(left) / (f(left) − f(right)), f's of
                // opposite signs, so the fraction lies in (0, 1).
                let numerator = i128::from(width).checked_mul(left_weight)?;
                let denominator = left_weight.checked_sub(right_weight)?;
                let offset = u64::try_from(numerator.checked_div(denominator)?).ok()?;
                left.checked_add(offset)?
            } else {
                middle
            };
            let probe = if falsi > left && falsi < right {
                falsi
            } else {
                middle
            };
            let value = self.value(probe, positive)?;
            if value == 0 {
                return from_x(probe, positive);
            }
            if (value < 0) == (left_value < 0) {
                left = probe;
                left_value = value;
                left_weight = value;
                if last_moved == 1 {
                    right_weight /= 2;
                }
                last_moved = 1;
            } else {
                right = probe;
                right_weight = value;
                if last_moved == -1 {
                    left_weight /= 2;
                }
                last_moved = -1;
            }
        }
        from_x(left.checked_add(right.checked_sub(left)? / 2)?, positive)
    }

    /// P(x) (positive rates) or S(x) (negative rates) at x = X / 2^62, in
    /// the flows' fixed-point unit.
    fn value(&self, x: u64, positive: bool) -> Option<i128> {
        let x = i128::from(x);
        let step = |accumulated: i128, coefficient: &i64| -> Option<i128> {
            (accumulated.checked_mul(x)? >> ONE_BITS).checked_add(i128::from(*coefficient))
        };
        if positive {
            self.coefficients.iter().rev().try_fold(0, step)
        } else {
            self.coefficients.iter().try_fold(0, step)
        }
    }
}

/// `value × 10^exponent` rounded towards 0, if it fits an `i64`.
fn scaled(value: Decimal, exponent: i32) -> Option<i64> {
    let mut mantissa = value.mantissa();
    let mut shift = exponent.checked_sub(i32::try_from(value.scale()).ok()?)?;
    while shift > 0 {
        let step = shift.min(30);
        mantissa = mantissa.checked_mul(10_i128.checked_pow(u32::try_from(step).ok()?)?)?;
        shift -= step;
    }
    while shift < 0 {
        let step = (-shift).min(30);
        mantissa /= 10_i128.checked_pow(u32::try_from(step).ok()?)?;
        shift += step;
    }
    i64::try_from(mantissa).ok()
}

/// `value × 10^−exponent` as a `Decimal`.
fn from_fixed(value: i128, exponent: i32) -> Option<Decimal> {
    if exponent >= 0 {
        Decimal::try_from_i128_with_scale(value, u32::try_from(exponent).ok()?).ok()
    } else {
        let power = 10_i128.checked_pow(exponent.unsigned_abs())?;
        Decimal::try_from_i128_with_scale(value.checked_mul(power)?, 0).ok()
    }
}

/// 2^62 as a `Decimal`.
fn unit() -> Decimal {
    Decimal::from(1_u64 << ONE_BITS)
}

/// X for a rate r ≥ 0: 2^62 / (1 + r).
fn to_x_positive(rate: Decimal) -> Option<u64> {
    div(unit(), add(Decimal::ONE, rate).ok()?)
        .ok()?
        .trunc()
        .to_u64()
}

/// X for a rate r < 0: 2^62 × (1 + r).
fn to_x_negative(rate: Decimal) -> Option<u64> {
    mul(unit(), add(Decimal::ONE, rate).ok()?)
        .ok()?
        .trunc()
        .to_u64()
}

/// The rate of X: 2^62 / X − 1 (positive side) or X / 2^62 − 1.
fn from_x(x: u64, positive: bool) -> Option<Decimal> {
    let x = Decimal::from(x);
    let growth = if positive {
        div(unit(), x)
    } else {
        div(x, unit())
    };
    sub(growth.ok()?, Decimal::ONE).ok()
}
