//! Sensitivity (MODEL.md §5, rules 47, 48, 57): the tornado of after-tax
//! project NPV and the switching values of output, materials and equipment.
//!
//! Each point re-runs only the year model and one NPV, never the whole
//! result set, so a full evaluation stays within its time budget.

use rust_decimal::Decimal;

use crate::arith::{add, div, mul, sub};
use crate::error::{Blame, EngineError, Overflow};
use crate::finance::npv;
use crate::statements::YearTable;
use crate::validate::{Inputs, SiteMode};

/// An input the sensitivity analysis moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SensitiveInput {
    /// output_full.
    OutputFull,
    /// materials_ratio.
    MaterialsRatio,
    /// equipment.
    Equipment,
    /// build_cost (buy_land).
    BuildCost,
    /// rent (rent).
    Rent,
    /// land_price (buy_land).
    LandPrice,
    /// wage.
    Wage,
    /// discount_rate.
    DiscountRate,
}

impl SensitiveInput {
    /// The input id.
    pub fn as_str(self) -> &'static str {
        match self {
            SensitiveInput::OutputFull => "output_full",
            SensitiveInput::MaterialsRatio => "materials_ratio",
            SensitiveInput::Equipment => "equipment",
            SensitiveInput::BuildCost => "build_cost",
            SensitiveInput::Rent => "rent",
            SensitiveInput::LandPrice => "land_price",
            SensitiveInput::Wage => "wage",
            SensitiveInput::DiscountRate => "discount_rate",
        }
    }

    /// The tornado's inputs in listed order for a site mode (rule 47).
    pub fn tornado(mode: SiteMode) -> &'static [SensitiveInput] {
        match mode {
            SiteMode::BuyLand => &[
                SensitiveInput::OutputFull,
                SensitiveInput::MaterialsRatio,
                SensitiveInput::Equipment,
                SensitiveInput::BuildCost,
                SensitiveInput::LandPrice,
                SensitiveInput::Wage,
                SensitiveInput::DiscountRate,
            ],
            SiteMode::Rent => &[
                SensitiveInput::OutputFull,
                SensitiveInput::MaterialsRatio,
                SensitiveInput::Equipment,
                SensitiveInput::Rent,
                SensitiveInput::Wage,
                SensitiveInput::DiscountRate,
            ],
        }
    }

    /// The switching-value inputs (§5).
    pub const SWITCHING: [SensitiveInput; 3] = [
        SensitiveInput::OutputFull,
        SensitiveInput::MaterialsRatio,
        SensitiveInput::Equipment,
    ];

    fn slot(self, inputs: &mut Inputs) -> &mut Decimal {
        match self {
            SensitiveInput::OutputFull => &mut inputs.output_full,
            SensitiveInput::MaterialsRatio => &mut inputs.materials_ratio,
            SensitiveInput::Equipment => &mut inputs.equipment,
            SensitiveInput::BuildCost => &mut inputs.build_cost,
            SensitiveInput::Rent => &mut inputs.rent,
            SensitiveInput::LandPrice => &mut inputs.land_price,
            SensitiveInput::Wage => &mut inputs.wage,
            SensitiveInput::DiscountRate => &mut inputs.discount_rate,
        }
    }

    /// The input's value in a scenario.
    pub fn value(self, inputs: &Inputs) -> Decimal {
        let mut copy = inputs.clone();
        *self.slot(&mut copy)
    }
}

/// After-tax project NPV with `input` multiplied by `factor`, without range
/// validation (rule 47); everything derived from the input moves with it.
pub fn npv_with(
    inputs: &Inputs,
    input: SensitiveInput,
    factor: Decimal,
) -> Result<Decimal, EngineError> {
    let mut moved = inputs.clone();
    let slot = input.slot(&mut moved);
    *slot = mul(*slot, factor).blame(input.as_str())?;
    let table = YearTable::new(&moved, inputs.stress).map_err(|error| match error {
        EngineError::Overflow { .. } => EngineError::Overflow {
            input: input.as_str(),
        },
    })?;
    npv(moved.discount_rate, &table.ncf_project_after_tax).blame(input.as_str())
}

/// One bar of the tornado.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TornadoBar {
    /// The input moved.
    pub input: SensitiveInput,
    /// NPV with the input × (1 − s), 万元.
    pub npv_low: Decimal,
    /// NPV with the input × (1 + s), 万元.
    pub npv_high: Decimal,
    /// |npv_high − npv_low|.
    pub swing: Decimal,
}

/// The tornado (rule 47): each input × (1 ∓ s), sorted by swing, largest
/// first; ties keep the listed order. For discount_rate only the discounting
/// moves, so the base flows are reused.
pub fn tornado(
    inputs: &Inputs,
    after_tax_flows: &[Decimal],
) -> Result<Vec<TornadoBar>, EngineError> {
    let range = inputs.sensitivity_range;
    let low = sub(Decimal::ONE, range).blame("sensitivity_range")?;
    let high = add(Decimal::ONE, range).blame("sensitivity_range")?;
    let mut bars = Vec::new();
    for input in SensitiveInput::tornado(inputs.site_mode) {
        let (npv_low, npv_high) = if *input == SensitiveInput::DiscountRate {
            let at_rate = |factor: Decimal| -> Result<Decimal, Overflow> {
                npv(mul(inputs.discount_rate, factor)?, after_tax_flows)
            };
            (
                at_rate(low).blame("discount_rate")?,
                at_rate(high).blame("discount_rate")?,
            )
        } else {
            (
                npv_with(inputs, *input, low)?,
                npv_with(inputs, *input, high)?,
            )
        };
        let swing = sub(npv_high, npv_low).blame(input.as_str())?.abs();
        bars.push(TornadoBar {
            input: *input,
            npv_low,
            npv_high,
            swing,
        });
    }
    bars.sort_by_key(|bar| std::cmp::Reverse(bar.swing));
    Ok(bars)
}

/// A switching value (rules 8, 48, 57).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Switching {
    /// δ, the relative change at which NPV changes sign; `None` if there is none.
    pub delta: Option<Decimal>,
    /// The input's value there: base × (1 + δ).
    pub value: Option<Decimal>,
    /// NPV jumps across 0 (a gap > 0.001 万元 across the final bracket).
    pub jump: bool,
    /// Why there is no switching value.
    pub reason: Option<&'static str>,
}

impl Switching {
    fn none(reason: &'static str) -> Switching {
        Switching {
            delta: None,
            value: None,
            jump: false,
            reason: Some(reason),
        }
    }
}

/// Why no switching value: the input is 0.
pub const REASON_ZERO_BASE: &str = "the input's base value is 0";
/// Why no switching value: no crossing in the range.
pub const REASON_NO_CROSSING: &str = "NPV does not change sign for δ in [−100 %, +1000 %]";

const BRACKET_WIDTH: Decimal = Decimal::from_parts(1, 0, 0, false, 10);
const JUMP_GAP: Decimal = Decimal::from_parts(1, 0, 0, false, 3);

/// The switching value of `input` (rules 48, 57): searched outwards from
/// δ = 0 on both sides in steps 0.01 × 1.5^k within [−1, +10], the closest
/// crossing refined to a bracket narrower than 1e-10; a tie in |δ| goes to
/// δ > 0. A probe that overflows ends the search on its side.
pub fn switching_value(inputs: &Inputs, input: SensitiveInput, base_npv: Decimal) -> Switching {
    let base = input.value(inputs);
    if base.is_zero() {
        return Switching::none(REASON_ZERO_BASE);
    }
    let found = |delta: Decimal, jump: bool| Switching {
        delta: Some(delta),
        value: add(Decimal::ONE, delta)
            .and_then(|factor| mul(base, factor))
            .ok(),
        jump,
        reason: None,
    };
    if base_npv.is_zero() {
        return found(Decimal::ZERO, false);
    }
    let npv_at = |delta: Decimal| -> Option<Decimal> {
        let factor = add(Decimal::ONE, delta).ok()?;
        npv_with(inputs, input, factor).ok()
    };
    // (direction, bound, last position, NPV there, still searching)
    let mut sides = [
        (Decimal::ONE, Decimal::TEN, Decimal::ZERO, base_npv, true),
        (
            Decimal::NEGATIVE_ONE,
            Decimal::NEGATIVE_ONE,
            Decimal::ZERO,
            base_npv,
            true,
        ),
    ];
    let mut step = Decimal::new(1, 2);
    let growth = Decimal::new(15, 1);
    for _ in 0..200 {
        let mut crossings: Vec<(Decimal, bool)> = Vec::new();
        for side in sides.iter_mut() {
            let (direction, bound, position, value, searching) = *side;
            if !searching {
                continue;
            }
            let Ok(next) = mul(direction, step).and_then(|move_by| add(position, move_by)) else {
                side.4 = false;
                continue;
            };
            let next = if direction.is_sign_positive() {
                next.min(bound)
            } else {
                next.max(bound)
            };
            let Some(next_value) = npv_at(next) else {
                side.4 = false;
                continue;
            };
            if next_value.is_zero() || next_value.is_sign_negative() != value.is_sign_negative() {
                crossings.push(refine(&npv_at, position, value, next, next_value));
                side.4 = false;
            } else {
                *side = (direction, bound, next, next_value, next != bound);
            }
        }
        if let Some((delta, jump)) = closest(&crossings) {
            return found(delta, jump);
        }
        if sides.iter().all(|side| !side.4) {
            return Switching::none(REASON_NO_CROSSING);
        }
        step = match mul(step, growth) {
            Ok(next_step) => next_step,
            Err(Overflow) => return Switching::none(REASON_NO_CROSSING),
        };
    }
    Switching::none(REASON_NO_CROSSING)
}

/// The crossing closest to δ = 0; a tie goes to δ > 0.
fn closest(crossings: &[(Decimal, bool)]) -> Option<(Decimal, bool)> {
    let mut best: Option<(Decimal, bool)> = None;
    for candidate in crossings {
        best = match best {
            None => Some(*candidate),
            Some(current) => {
                let closer = candidate.0.abs() < current.0.abs()
                    || (candidate.0.abs() == current.0.abs() && candidate.0 > current.0);
                Some(if closer { *candidate } else { current })
            }
        };
    }
    best
}

/// Narrows a bracket `[from, to]` whose NPVs differ in sign to one narrower
/// than 1e-10 and returns its midpoint and whether NPV jumps across it.
/// Steps are Illinois (modified regula falsi) with a bisection whenever a
/// step fails to halve the bracket, so a jump converges like bisection.
fn refine(
    npv_at: &dyn Fn(Decimal) -> Option<Decimal>,
    from: Decimal,
    from_value: Decimal,
    to: Decimal,
    to_value: Decimal,
) -> (Decimal, bool) {
    let midpoint = div(add(from, to).unwrap_or(from), Decimal::TWO).unwrap_or(from);
    narrow(npv_at, from, from_value, to, to_value).unwrap_or((midpoint, false))
}

fn narrow(
    npv_at: &dyn Fn(Decimal) -> Option<Decimal>,
    from: Decimal,
    from_value: Decimal,
    to: Decimal,
    to_value: Decimal,
) -> Result<(Decimal, bool), Overflow> {
    if to_value.is_zero() {
        return Ok((to, false));
    }
    let (low, low_value, high, high_value) = if from < to {
        (from, from_value, to, to_value)
    } else {
        (to, to_value, from, from_value)
    };
    let mut bracket = Bracket::new(low, low_value, high, high_value);
    let value_at = |point: Decimal| npv_at(point);
    let closed = bracket.close(&value_at, BRACKET_WIDTH)?;
    if let Some(exact) = closed {
        return Ok((exact, false));
    }
    let gap = sub(bracket.high_value, bracket.low_value)?.abs();
    Ok((bracket.midpoint()?, gap > JUMP_GAP))
}

/// A bracket `[low, high]` of a sign change, narrowed by Illinois steps
/// (modified regula falsi) with two safeguards: a bisection whenever a step
/// fails to halve the bracket, and, once the falsi estimate has settled, a
/// probe just across it that closes the bracket at once.
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
        for iteration in 0..300_u32 {
            if sub(self.high, self.low)? < width {
                return Ok(None);
            }
            let middle = self.midpoint()?;
            let estimate = falsi(self.low, low_weight, self.high, high_weight)
                .filter(|point| *point > self.low && *point < self.high);
            let settled = match (estimate, previous_estimate) {
                (Some(now), Some(before)) => sub(now, before)?.abs() < nudge,
                _ => false,
            };
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
                    if moved > self.low && moved < self.high {
                        moved
                    } else {
                        point
                    }
                }
                Some(point) => point,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_57_closest_crossing_and_ties_go_to_positive_delta() {
        let d = |units: i64| Decimal::new(units, 2);
        assert_eq!(
            closest(&[(d(-30), false), (d(20), true)]),
            Some((d(20), true))
        );
        assert_eq!(
            closest(&[(d(-20), false), (d(20), false)]),
            Some((d(20), false))
        );
        assert_eq!(
            closest(&[(d(-10), false), (d(20), false)]),
            Some((d(-10), false))
        );
        assert_eq!(closest(&[]), None);
    }

    #[test]
    fn rule_48_bracket_closes_below_1e_10_on_a_jump() {
        let step = |x: Decimal| {
            Some(if x < Decimal::new(3, 1) {
                Decimal::NEGATIVE_ONE
            } else {
                Decimal::ONE
            })
        };
        let (delta, jump) = refine(
            &step,
            Decimal::ZERO,
            Decimal::NEGATIVE_ONE,
            Decimal::ONE,
            Decimal::ONE,
        );
        assert!((delta - Decimal::new(3, 1)).abs() < BRACKET_WIDTH);
        assert!(jump);
    }
}
