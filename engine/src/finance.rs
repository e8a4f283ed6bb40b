//! Discounted cash-flow measures: NPV, IRR (every root, with a status), MIRR,
//! PMT and the static and dynamic payback periods.
//!
//! Convention (MODEL.md §1): `flows[0]` is the net cash flow of year 1 and
//! every flow falls at the end of its year, so nothing is undiscounted. This
//! is Excel's `NPV(i, NCF_1:NCF_N)` and numpy-financial's `npv(i, [0, NCF_1, …])`.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use crate::arith::{add, div, mul, pow, sub};
use crate::error::Overflow;

mod locator;
use locator::FixedFlows;

/// Lowest rate the IRR search looks at; the range is `(−0.99, 10]` (rule 39).
const IRR_LOW: Decimal = Decimal::from_parts(99, 0, 0, true, 2);
/// Highest rate the IRR search looks at.
const IRR_HIGH: Decimal = Decimal::TEN;
/// Roots closer than this are one root (rule 39).
const ROOT_SEPARATION: Decimal = Decimal::from_parts(5, 0, 0, false, 4);
/// A root's bracket is narrowed until it is narrower than this (rule 39 asks
/// for < 1e-10; a much tighter bracket keeps NPV at the reported root near 0
/// even for large flows).
const ROOT_TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 20);
/// A bound on bisection steps (MIRR's n-th root), reached only if the
/// tolerance cannot be met within `Decimal`'s 28 significant digits.
const MAX_BISECTIONS: u32 = 200;
/// A bound on the steps of a [`Bracket`]: after the 20th every other step
/// bisects, so 300 steps halve any bracket at least 140 times.
const MAX_BRACKET_STEPS: u32 = 300;

/// Net present value at `rate` of flows at the end of years 1 … N.
///
/// `NPV = Σ_{t=1..N} flows[t−1] / (1 + rate)^t`, in the unit of the flows.
/// Spreadsheet: `NPV(rate, NCF_1:NCF_N)`. Evaluated backwards with the
/// discount factor `v = 1 / (1 + rate)` (`acc = (acc + NCF_t) × v`): one
/// division, then only multiplications, and never a large power.
pub fn npv(rate: Decimal, flows: &[Decimal]) -> Result<Decimal, Overflow> {
    let factor = discount_factor(rate)?;
    flows
        .iter()
        .rev()
        .try_fold(Decimal::ZERO, |accumulated, flow| {
            mul(add(accumulated, *flow)?, factor)
        })
}

/// `v = 1 / (1 + rate)`, or `Overflow` at rate = −1.
pub fn discount_factor(rate: Decimal) -> Result<Decimal, Overflow> {
    div(Decimal::ONE, add(Decimal::ONE, rate)?)
}

/// NPV at `rate` in a form that stays in range on the whole IRR range
/// (−0.99, 10]: NPV itself for rate ≥ 0, and below 0 the rescaled
/// `NPV × (1 + rate)^N = Σ NCF_t (1 + rate)^(N−t)`, which has the same sign
/// and roots and only ever multiplies by a factor below 1 (rule 62). Below 0
/// the discount factors `(1 + rate)^−t` reach 100³⁰, beyond `Decimal`'s range.
fn scaled_npv(rate: Decimal, flows: &[Decimal]) -> Result<Decimal, Overflow> {
    if rate.is_sign_negative() {
        let growth = add(Decimal::ONE, rate)?;
        flows.iter().try_fold(Decimal::ZERO, |accumulated, flow| {
            add(mul(accumulated, growth)?, *flow)
        })
    } else {
        npv(rate, flows)
    }
}

/// Whether an IRR was found, and how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IrrStatus {
    /// Exactly one root in (−0.99, 10].
    Single,
    /// More than one root: judge the project by NPV, and see MIRR.
    Multiple,
    /// No root: see [`NoIrrReason`].
    None,
}

/// Why a series has no IRR (rule 39).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoIrrReason {
    /// All non-zero flows have the same sign.
    NoSignChange,
    /// The flows change sign, but no root lies in (−0.99, 10].
    NoRootInRange,
}

impl NoIrrReason {
    /// The reason as the results JSON states it.
    pub fn as_str(self) -> &'static str {
        match self {
            NoIrrReason::NoSignChange => "flows never change sign",
            NoIrrReason::NoRootInRange => "no root in (−99 %, 1000 %]",
        }
    }
}

/// The internal rate(s) of return of a series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Irr {
    /// Single, multiple or none.
    pub status: IrrStatus,
    /// Every root found, ascending; empty when the status is `None`.
    pub roots: Vec<Decimal>,
    /// Set when the status is `None`.
    pub reason: Option<NoIrrReason>,
}

impl Irr {
    fn none(reason: NoIrrReason) -> Irr {
        Irr {
            status: IrrStatus::None,
            roots: Vec::new(),
            reason: Some(reason),
        }
    }

    fn from_roots(roots: Vec<Decimal>) -> Irr {
        match roots.len() {
            0 => Irr::none(NoIrrReason::NoRootInRange),
            1 => Irr {
                status: IrrStatus::Single,
                roots,
                reason: None,
            },
            _ => Irr {
                status: IrrStatus::Multiple,
                roots,
                reason: None,
            },
        }
    }

    /// The unique IRR, when there is exactly one.
    pub fn single(&self) -> Option<Decimal> {
        match (self.status, self.roots.as_slice()) {
            (IrrStatus::Single, [root]) => Some(*root),
            _ => None,
        }
    }
}

/// Number of sign changes in a series, zeros ignored (rule 39).
pub fn sign_changes(flows: &[Decimal]) -> usize {
    let mut previous_negative: Option<bool> = None;
    let mut changes = 0;
    for flow in flows.iter().filter(|flow| !flow.is_zero()) {
        let negative = flow.is_sign_negative();
        if previous_negative.is_some_and(|previous| previous != negative) {
            changes += 1;
        }
        previous_negative = Some(negative);
    }
    changes
}

/// Every internal rate of return in (−0.99, 10] of flows at t = 1 … N.
///
/// The rate `r` with `Σ flows[t−1] / (1 + r)^t = 0`. Spreadsheet: `IRR`
/// (which returns one root from a guess; this returns all of them).
/// One sign change (the usual case): the unique root, bracketed on
/// (−0.99, 0] or [0, 10]. More: a scan on the grid of rule 39, then each
/// bracket found. Each root is the midpoint of a bracket narrower than 1e-20
/// (or a point where NPV is exactly 0), found by `refine_root`: a
/// fixed-point guess closed with three `Decimal` NPVs, else `Bracket`'s
/// Illinois steps. Signs come from `Decimal` NPVs, or from the fixed-point
/// evaluation where its error bound makes them certain.
pub fn irr(flows: &[Decimal]) -> Result<Irr, Overflow> {
    match sign_changes(flows) {
        0 => Ok(Irr::none(NoIrrReason::NoSignChange)),
        1 => single_root(flows),
        _ => all_roots(flows),
    }
}

fn single_root(flows: &[Decimal]) -> Result<Irr, Overflow> {
    let fixed = FixedFlows::new(flows);
    let high_sign = sign_at(IRR_HIGH, flows, fixed.as_ref())?;
    let root = if high_sign == Ordering::Equal {
        IRR_HIGH
    } else {
        let low_sign = sign_at(IRR_LOW, flows, fixed.as_ref())?;
        if low_sign == Ordering::Equal || low_sign == high_sign {
            return Ok(Irr::none(NoIrrReason::NoRootInRange));
        }
        // Split at 0, where both forms of `scaled_npv` agree: each half then
        // uses one form, continuous in the rate.
        let zero_sign = scaled_npv(Decimal::ZERO, flows)?.cmp(&Decimal::ZERO);
        if zero_sign == Ordering::Equal {
            Decimal::ZERO
        } else {
            let (low, high) = if zero_sign == high_sign {
                (IRR_LOW, Decimal::ZERO)
            } else {
                (Decimal::ZERO, IRR_HIGH)
            };
            refine_root(flows, fixed.as_ref(), low, high)?
        }
    };
    Ok(Irr::from_roots(vec![root]))
}

fn all_roots(flows: &[Decimal]) -> Result<Irr, Overflow> {
    let grid = irr_grid()?;
    let fixed = FixedFlows::new(flows);
    let mut roots: Vec<Decimal> = Vec::new();
    let mut previous: Option<(Decimal, Ordering)> = None;
    for rate in grid {
        let sign = sign_at(rate, flows, fixed.as_ref())?;
        if sign == Ordering::Equal && rate > IRR_LOW {
            roots.push(rate);
        } else if let Some((previous_rate, previous_sign)) = previous {
            if previous_sign != Ordering::Equal && sign != Ordering::Equal && previous_sign != sign
            {
                // The grid holds 0, so a bracket never straddles the change
                // of form in `scaled_npv`.
                roots.push(refine_root(flows, fixed.as_ref(), previous_rate, rate)?);
            }
        }
        previous = Some((rate, sign));
    }
    let mut separated: Vec<Decimal> = Vec::with_capacity(roots.len());
    for root in roots {
        let far_enough = match separated.last() {
            Some(last) => sub(root, *last)? > ROOT_SEPARATION,
            None => true,
        };
        if far_enough {
            separated.push(root);
        }
    }
    Ok(Irr::from_roots(separated))
}

/// The sign of `scaled_npv` at `rate`: from the fixed-point flows when their
/// error bound makes it certain, else from `Decimal` (near a root).
fn sign_at(
    rate: Decimal,
    flows: &[Decimal],
    fixed: Option<&FixedFlows>,
) -> Result<Ordering, Overflow> {
    if let Some(sign) = fixed.and_then(|fixed| fixed.certain_sign(rate)) {
        return Ok(sign);
    }
    Ok(scaled_npv(rate, flows)?.cmp(&Decimal::ZERO))
}

/// Narrows the sign change of NPV between `low` and `high` (both on one
/// side of 0, NPV non-zero and of opposite signs there) to a bracket
/// narrower than 1e-20 and returns its midpoint, or a point where NPV is
/// exactly 0.
///
/// First the fast way: the fixed-point locator's guess (about 1e-13 off),
/// one Newton step from it with `Decimal` NPV and the fixed-point slope
/// (about 1e-23 off), and two `Decimal` NPVs 2.5e-21 either side of that,
/// whose signs close the bracket. Should they not, the guess is bracketed
/// (±1e-12, widened to ±1e-9 and ±1e-6 if the sign does not change across
/// it) and [`Bracket`]'s Illinois steps close it; without a usable guess
/// they start from the whole bracket.
fn refine_root(
    flows: &[Decimal],
    fixed: Option<&FixedFlows>,
    low: Decimal,
    high: Decimal,
) -> Result<Decimal, Overflow> {
    let guess = fixed.and_then(|fixed| fixed.locate(low, high));
    if let (Some(fixed), Some(guess)) = (fixed, guess) {
        if let Some(root) = polish(flows, fixed, guess, low, high)? {
            return Ok(root);
        }
    }
    let mut bracket = Bracket::new(low, scaled_npv(low, flows)?, high, scaled_npv(high, flows)?);
    if let Some(guess) = guess {
        for half_width in [Decimal::new(1, 12), Decimal::new(1, 9), Decimal::new(1, 6)] {
            let left = sub(guess, half_width)?;
            let right = add(guess, half_width)?;
            if left <= bracket.low && right >= bracket.high {
                break;
            }
            // Each end inside the bracket narrows it, whatever its sign.
            for point in [left, right] {
                if point <= bracket.low || point >= bracket.high {
                    continue;
                }
                let value = scaled_npv(point, flows)?;
                if value.is_zero() {
                    return Ok(point);
                }
                if value.is_sign_negative() == bracket.low_value.is_sign_negative() {
                    bracket.low = point;
                    bracket.low_value = value;
                } else {
                    bracket.high = point;
                    bracket.high_value = value;
                }
            }
            if sub(bracket.high, bracket.low)? <= add(half_width, half_width)? {
                break;
            }
        }
    }
    let failed = std::cell::Cell::new(false);
    let value_at = |rate: Decimal| {
        let value = scaled_npv(rate, flows).ok();
        failed.set(value.is_none());
        value
    };
    let exact = bracket.close(&value_at, ROOT_TOLERANCE)?;
    if failed.get() {
        return Err(Overflow);
    }
    match exact {
        Some(root) => Ok(root),
        None => bracket.midpoint(),
    }
}

/// The fast way of [`refine_root`]: a Newton step from the locator's guess,
/// then the bracket `estimate ± 2.5e-21`, kept only if NPV's sign changes
/// across it; `None` otherwise.
fn polish(
    flows: &[Decimal],
    fixed: &FixedFlows,
    guess: Decimal,
    low: Decimal,
    high: Decimal,
) -> Result<Option<Decimal>, Overflow> {
    if guess <= low || guess >= high {
        return Ok(None);
    }
    let value = scaled_npv(guess, flows)?;
    if value.is_zero() {
        return Ok(Some(guess));
    }
    let Some(estimate) = fixed
        .slope(guess)
        .filter(|slope| !slope.is_zero())
        .and_then(|slope| div(value, slope).ok())
        .and_then(|step| sub(guess, step).ok())
    else {
        return Ok(None);
    };
    let nudge = div(ROOT_TOLERANCE, Decimal::from(4))?;
    let (left, right) = (sub(estimate, nudge)?, add(estimate, nudge)?);
    if left <= low || right >= high {
        return Ok(None);
    }
    let left_value = scaled_npv(left, flows)?;
    if left_value.is_zero() {
        return Ok(Some(left));
    }
    let right_value = scaled_npv(right, flows)?;
    if right_value.is_zero() {
        return Ok(Some(right));
    }
    if left_value.is_sign_negative() == right_value.is_sign_negative() {
        return Ok(None);
    }
    Ok(Some(
        Bracket::new(left, left_value, right, right_value).midpoint()?,
    ))
}

/// The scan grid of rule 39: step 0.001 on [−0.99, −0.5], 0.0005 on
/// [−0.5, 0.5], 0.002 on [0.5, 2] and 0.01 on [2, 10].
fn irr_grid() -> Result<Vec<Decimal>, Overflow> {
    let segments = [
        (IRR_LOW, Decimal::new(-5, 1), Decimal::new(1, 3)),
        (Decimal::new(-5, 1), Decimal::new(5, 1), Decimal::new(5, 4)),
        (Decimal::new(5, 1), Decimal::TWO, Decimal::new(2, 3)),
        (Decimal::TWO, IRR_HIGH, Decimal::new(1, 2)),
    ];
    let mut grid = Vec::with_capacity(4100);
    for (start, end, step) in segments {
        let mut rate = start;
        while rate < end {
            grid.push(rate);
            rate = add(rate, step)?;
        }
    }
    grid.push(IRR_HIGH);
    Ok(grid)
}

/// A bracket `[low, high]` of a sign change of a function, narrowed by
/// Illinois steps (modified regula falsi) with two safeguards: a bisection
/// step every other iteration after the 20th, and, once the falsi estimate
/// has settled, a probe just across it that closes the bracket at once.
/// The answer is bisection's: the midpoint of a bracket narrower than the
/// width asked for (rules 39, 48; DECISIONS 2).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bracket {
    pub(crate) low: Decimal,
    pub(crate) low_value: Decimal,
    pub(crate) high: Decimal,
    pub(crate) high_value: Decimal,
}

impl Bracket {
    pub(crate) fn new(
        low: Decimal,
        low_value: Decimal,
        high: Decimal,
        high_value: Decimal,
    ) -> Bracket {
        Bracket {
            low,
            low_value,
            high,
            high_value,
        }
    }

    pub(crate) fn midpoint(&self) -> Result<Decimal, Overflow> {
        div(add(self.low, self.high)?, Decimal::TWO)
    }

    /// Narrows until `high − low < width`; `Some(x)` when a probe hits 0
    /// exactly at x. Stops early (bracket unchanged) if a probe fails.
    pub(crate) fn close(
        &mut self,
        value_at: &dyn Fn(Decimal) -> Option<Decimal>,
        width: Decimal,
    ) -> Result<Option<Decimal>, Overflow> {
        let (mut low_weight, mut high_weight) = (self.low_value, self.high_value);
        let mut last_moved: i8 = 0;
        let mut previous_estimate: Option<Decimal> = None;
        let nudge = div(width, Decimal::from(4))?;
        for iteration in 0..MAX_BRACKET_STEPS {
            if sub(self.high, self.low)? < width {
                return Ok(None);
            }
            let middle = self.midpoint()?;
            if middle == self.low || middle == self.high {
                // Decimal's precision is exhausted: this is the bracket.
                return Ok(None);
            }
            // The falsi point, kept within the bracket: rounding can put it
            // on an end when that end's value is already tiny.
            let estimate = falsi(self.low, low_weight, self.high, high_weight)
                .map(|point| point.max(self.low).min(self.high));
            let at_end = estimate.is_some_and(|point| point == self.low || point == self.high);
            let settled = at_end
                || match (estimate, previous_estimate) {
                    (Some(now), Some(before)) => sub(now, before)?.abs() < nudge,
                    _ => false,
                };
            let inside = |point: Decimal| point > self.low && point < self.high;
            // Illinois converges on its own; bisection only guards against a
            // pathological run (every other step after the 20th).
            let probe = match estimate {
                _ if iteration > 20 && iteration % 2 == 1 => middle,
                None => middle,
                // Settled: step just past the estimate, towards the far end.
                Some(point) if settled => {
                    let towards_high = sub(self.high, point)? > sub(point, self.low)?;
                    let moved = if towards_high {
                        add(point, nudge)?
                    } else {
                        sub(point, nudge)?
                    };
                    if inside(moved) {
                        moved
                    } else if inside(point) {
                        point
                    } else {
                        middle
                    }
                }
                Some(point) if inside(point) => point,
                Some(_) => middle,
            };
            previous_estimate = estimate;
            let Some(value) = value_at(probe) else {
                return Ok(None);
            };
            if value.is_zero() {
                return Ok(Some(probe));
            }
            if value.is_sign_negative() == self.low_value.is_sign_negative() {
                self.low = probe;
                self.low_value = value;
                low_weight = value;
                if last_moved == 1 {
                    high_weight = div(high_weight, Decimal::TWO)?;
                }
                last_moved = 1;
            } else {
                self.high = probe;
                self.high_value = value;
                high_weight = value;
                if last_moved == -1 {
                    low_weight = div(low_weight, Decimal::TWO)?;
                }
                last_moved = -1;
            }
        }
        Ok(None)
    }
}

/// The regula-falsi point `(a·f(b) − b·f(a)) / (f(b) − f(a))`.
fn falsi(low: Decimal, low_value: Decimal, high: Decimal, high_value: Decimal) -> Option<Decimal> {
    let numerator = sub(mul(low, high_value).ok()?, mul(high, low_value).ok()?).ok()?;
    div(numerator, sub(high_value, low_value).ok()?).ok()
}

/// Modified IRR of flows at t = 1 … N (rule 40).
///
/// `MIRR = (FV_N(positive flows, reinvest) / PV_0(negative flows, finance))^(1/N) − 1`.
/// numpy-financial: `mirr([0, NCF_1, …, NCF_N], finance, reinvest)`; the
/// spreadsheet `MIRR` puts the first flow at t = 0 and so differs. `None`
/// when the series lacks a positive or a negative flow.
pub fn mirr(
    flows: &[Decimal],
    finance_rate: Decimal,
    reinvest_rate: Decimal,
) -> Result<Option<Decimal>, Overflow> {
    let positives: Vec<Decimal> = flows
        .iter()
        .map(|flow| (*flow).max(Decimal::ZERO))
        .collect();
    let negatives: Vec<Decimal> = flows
        .iter()
        .map(|flow| (*flow).min(Decimal::ZERO))
        .collect();
    let present_positive = npv(reinvest_rate, &positives)?;
    let present_negative = npv(finance_rate, &negatives)?.abs();
    if present_positive.is_zero() || present_negative.is_zero() {
        return Ok(None);
    }
    let Ok(years) = u32::try_from(flows.len()) else {
        return Err(Overflow);
    };
    // FV_N / PV_0 = (PV of positives) × (1 + reinvest)^N / PV_0, so the N-th
    // root of the first ratio is multiplied by (1 + reinvest) once.
    let ratio = div(present_positive, present_negative)?;
    let root = nth_root(ratio, years)?;
    Ok(Some(sub(
        mul(root, add(Decimal::ONE, reinvest_rate)?)?,
        Decimal::ONE,
    )?))
}

/// The positive real `x` with `x^n = value` for `value > 0`, by bisection.
fn nth_root(value: Decimal, n: u32) -> Result<Decimal, Overflow> {
    if n == 0 {
        return Err(Overflow);
    }
    let (mut low, mut high) = if value >= Decimal::ONE {
        (Decimal::ONE, value)
    } else {
        (value, Decimal::ONE)
    };
    for _ in 0..MAX_BISECTIONS {
        let middle = div(add(low, high)?, Decimal::TWO)?;
        if middle == low || middle == high || sub(high, low)? < ROOT_TOLERANCE {
            return Ok(middle);
        }
        // A power beyond Decimal's range is certainly above `value`.
        let above = match pow(middle, n) {
            Ok(power) => power > value,
            Err(Overflow) => true,
        };
        if above {
            high = middle;
        } else {
            low = middle;
        }
    }
    div(add(low, high)?, Decimal::TWO)
}

/// The level payment that repays `present_value` over `periods` at `rate`.
///
/// `PMT = −pv × r × (1+r)^n / ((1+r)^n − 1)`, and `−pv / n` at r = 0 (rule 8).
/// Payments at period ends, no future value: spreadsheet `PMT(r, n, pv)`,
/// numpy-financial `pmt(r, n, pv)`. The sign is the spreadsheet's: a
/// positive loan gives a negative payment.
pub fn pmt(rate: Decimal, periods: u32, present_value: Decimal) -> Result<Decimal, Overflow> {
    if periods == 0 {
        return Err(Overflow);
    }
    let growth = pow(add(Decimal::ONE, rate)?, periods)?;
    let denominator = sub(growth, Decimal::ONE)?;
    if rate.is_zero() || denominator.is_zero() {
        return div(-present_value, Decimal::from(periods));
    }
    div(mul(mul(-present_value, rate)?, growth)?, denominator)
}

/// Static payback in years from the start of year 1 (rule 38).
///
/// `T` is the first year from which the cumulative flow stays ≥ 0 through N;
/// payback = `T − 1 + |cum_{T−1}| / NCF_T`. `Some(0)` when the cumulative is
/// never negative; `None` when it is still negative at N.
pub fn static_payback(flows: &[Decimal]) -> Result<Option<Decimal>, Overflow> {
    payback_of(flows)
}

/// Dynamic (discounted) payback: [`static_payback`] of `NCF_t / (1 + rate)^t`.
pub fn dynamic_payback(rate: Decimal, flows: &[Decimal]) -> Result<Option<Decimal>, Overflow> {
    payback_of(&discounted(rate, flows)?)
}

/// `NCF_t / (1 + rate)^t` for t = 1 … N, as `NCF_t × v^t` with
/// `v = 1 / (1 + rate)` (one division).
pub fn discounted(rate: Decimal, flows: &[Decimal]) -> Result<Vec<Decimal>, Overflow> {
    let step = discount_factor(rate)?;
    let mut factor = Decimal::ONE;
    let mut result = Vec::with_capacity(flows.len());
    for flow in flows {
        factor = mul(factor, step)?;
        result.push(mul(*flow, factor)?);
    }
    Ok(result)
}

/// Cumulative sums `cum_1 … cum_N` (cum₀ = 0 is implied).
pub fn cumulative(flows: &[Decimal]) -> Result<Vec<Decimal>, Overflow> {
    let mut total = Decimal::ZERO;
    let mut result = Vec::with_capacity(flows.len());
    for flow in flows {
        total = add(total, *flow)?;
        result.push(total);
    }
    Ok(result)
}

fn payback_of(flows: &[Decimal]) -> Result<Option<Decimal>, Overflow> {
    let cumulative = cumulative(flows)?;
    if cumulative
        .last()
        .is_some_and(|last| last.is_sign_negative() && !last.is_zero())
    {
        return Ok(None);
    }
    // The last year whose cumulative is negative; T is the year after it.
    let Some(last_negative) = cumulative.iter().rposition(|value| *value < Decimal::ZERO) else {
        return Ok(Some(Decimal::ZERO));
    };
    let (Some(shortfall), Some(recovering_flow)) =
        (cumulative.get(last_negative), flows.get(last_negative + 1))
    else {
        return Ok(None);
    };
    let whole_years = Decimal::from(last_negative + 1);
    Ok(Some(add(
        whole_years,
        div(shortfall.abs(), *recovering_flow)?,
    )?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap_or_default()
    }

    fn series(values: &[&str]) -> Vec<Decimal> {
        values.iter().map(|value| d(value)).collect()
    }

    fn assert_close(actual: Decimal, expected: &str, tolerance: &str) {
        let gap = (actual - d(expected)).abs();
        assert!(
            gap <= d(tolerance),
            "{actual} is not within {tolerance} of {expected}"
        );
    }

    #[test]
    fn npv_model_convention_matches_model_vector() {
        let flows = series(&["-10000", "3000", "3400", "7700"]);
        assert_close(
            npv(d("0.065"), &flows).unwrap_or_default(),
            "2055.38",
            "0.005",
        );
    }

    #[test]
    fn irr_of_model_vector() {
        let flows = series(&["-100000", "10000", "20000", "30000", "40000", "50000"]);
        let found = irr(&flows).unwrap_or_else(|_| Irr::none(NoIrrReason::NoSignChange));
        assert_eq!(found.status, IrrStatus::Single);
        assert_close(found.single().unwrap_or_default(), "0.120058", "0.0000005");
    }

    #[test]
    fn rule_39_multiple_roots_are_all_reported() {
        let flows = series(&["-1000", "6000", "-10900", "5800"]);
        let found = irr(&flows).unwrap_or_else(|_| Irr::none(NoIrrReason::NoSignChange));
        assert_eq!(found.status, IrrStatus::Multiple);
        assert_eq!(found.roots.len(), 3);
        let expected = ["-0.0488", "1.0", "2.0488"];
        for (root, want) in found.roots.iter().zip(expected) {
            assert_close(*root, want, "0.00005");
        }
    }

    #[test]
    fn rule_39_no_sign_change_and_no_root_in_range() {
        let positive = irr(&series(&["1", "2", "3"])).ok();
        assert_eq!(
            positive.and_then(|found| found.reason),
            Some(NoIrrReason::NoSignChange)
        );
        let beyond = irr(&series(&["-1", "100"])).ok();
        assert_eq!(
            beyond.and_then(|found| found.reason),
            Some(NoIrrReason::NoRootInRange)
        );
    }

    #[test]
    fn rule_40_mirr_model_convention() {
        let flows = series(&["-120000", "39000", "30000", "21000", "37000", "46000"]);
        let value = mirr(&flows, d("0.10"), d("0.12"))
            .ok()
            .flatten()
            .unwrap_or_default();
        assert_close(value, "0.1217", "0.00005");
    }

    #[test]
    fn pmt_of_model_vector_and_zero_rate() {
        assert_close(
            pmt(d("0.045"), 10, d("1000000")).unwrap_or_default(),
            "-126378.82",
            "0.005",
        );
        assert_eq!(pmt(Decimal::ZERO, 4, d("1000")).ok(), Some(d("-250")));
    }

    #[test]
    fn rule_38_payback_of_model_vector() {
        let flows = series(&["-1000000", "200000", "400000", "300000", "400000"]);
        assert_eq!(static_payback(&flows).ok().flatten(), Some(d("4.25")));
        assert_eq!(
            static_payback(&series(&["5", "-1", "1"])).ok().flatten(),
            Some(Decimal::ZERO)
        );
        assert_eq!(
            static_payback(&series(&["-5", "1", "1"])).ok().flatten(),
            None
        );
        // The cumulative dips again after first turning positive: T is the later year.
        let dip = series(&["-10", "20", "-15", "10"]);
        assert_eq!(static_payback(&dip).ok().flatten(), Some(d("3.5")));
    }
}
