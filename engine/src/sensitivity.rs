//! Sensitivity (MODEL.md §5, rules 47, 48, 57): the tornado of after-tax
//! project NPV and the switching values of output, materials and equipment.
//!
//! Each point is the after-tax project NPV with one input moved. It comes
//! from the input's affine model ([`crate::affine`]), which redoes only the
//! model's non-linear steps, and from the full year model ([`npv_with`])
//! when that model cannot be built or a point overflows in it; the two
//! agree to `Decimal`'s last digits. A full evaluation (about 15 tornado
//! points and 60–80 switching points) so stays within its time budget.

use rust_decimal::Decimal;

use crate::affine::{Base, Model};
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

    pub(crate) fn slot(self, inputs: &mut Inputs) -> &mut Decimal {
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
        match self {
            SensitiveInput::OutputFull => inputs.output_full,
            SensitiveInput::MaterialsRatio => inputs.materials_ratio,
            SensitiveInput::Equipment => inputs.equipment,
            SensitiveInput::BuildCost => inputs.build_cost,
            SensitiveInput::Rent => inputs.rent,
            SensitiveInput::LandPrice => inputs.land_price,
            SensitiveInput::Wage => inputs.wage,
            SensitiveInput::DiscountRate => inputs.discount_rate,
        }
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

/// After-tax project NPV as a function of one input's relative change δ:
/// the affine model of [`crate::affine`] where it can be built and a probe
/// stays in range, else the full year model ([`npv_with`]).
pub struct Probe<'m> {
    inputs: &'m Inputs,
    input: SensitiveInput,
    model: Option<Model<'m, 'm>>,
}

impl Probe<'_> {
    /// NPV with the input × (1 + δ); an overflow names the input.
    pub fn npv(&self, delta: Decimal) -> Result<Decimal, EngineError> {
        if let Some(model) = &self.model {
            if let Ok(value) = model.npv(delta) {
                return Ok(value);
            }
        }
        let factor = add(Decimal::ONE, delta).blame(self.input.as_str())?;
        npv_with(self.inputs, self.input, factor)
    }
}

/// The sensitivity analysis of one scenario: its base year table's lines,
/// shared by every input's [`Probe`].
pub struct Sensitivity<'a> {
    inputs: &'a Inputs,
    base: Option<Base<'a>>,
}

impl<'a> Sensitivity<'a> {
    /// The analysis of `inputs` around their base year table.
    pub fn new(inputs: &'a Inputs, table: &'a YearTable) -> Sensitivity<'a> {
        Sensitivity {
            inputs,
            base: Base::new(inputs, table).ok(),
        }
    }

    /// The NPV of `input` moved by δ.
    pub fn probe(&self, input: SensitiveInput) -> Probe<'_> {
        Probe {
            inputs: self.inputs,
            input,
            model: self.base.as_ref().and_then(|base| base.model(input).ok()),
        }
    }

    /// The tornado (rule 47: each input × (1 ∓ s), sorted by swing, largest
    /// first, ties in the listed order; for discount_rate only the
    /// discounting moves, so the base flows are reused) and the switching
    /// values (rules 48, 57), which share each input's model.
    pub fn run(
        &self,
        after_tax_flows: &[Decimal],
        base_npv: Decimal,
    ) -> Result<Analysis, EngineError> {
        let mut probes: Vec<Probe<'_>> = Vec::new();
        let mut bars = Vec::new();
        for input in SensitiveInput::tornado(self.inputs.site_mode) {
            let bar = if *input == SensitiveInput::DiscountRate {
                discount_rate_bar(self.inputs, after_tax_flows)?
            } else {
                let probe = self.probe(*input);
                let bar = bar(&probe, self.inputs.sensitivity_range)?;
                probes.push(probe);
                bar
            };
            bars.push(bar);
        }
        bars.sort_by_key(|bar| std::cmp::Reverse(bar.swing));
        let switching = SensitiveInput::SWITCHING
            .iter()
            .map(|input| {
                let own_probe;
                let probe = match probes.iter().find(|probe| probe.input == *input) {
                    Some(probe) => probe,
                    None => {
                        own_probe = self.probe(*input);
                        &own_probe
                    }
                };
                (*input, switching_value(self.inputs, probe, base_npv))
            })
            .collect();
        Ok(Analysis {
            tornado: bars,
            switching_values: switching,
        })
    }
}

/// The tornado and the switching values of one scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// Rule 47, sorted by swing.
    pub tornado: Vec<TornadoBar>,
    /// Rules 48, 57, in [`SensitiveInput::SWITCHING`]'s order.
    pub switching_values: Vec<(SensitiveInput, Switching)>,
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

/// The bar of one input: NPV with the input × (1 ∓ s) (rule 47).
fn bar(probe: &Probe<'_>, range: Decimal) -> Result<TornadoBar, EngineError> {
    let npv_low = probe.npv(-range)?;
    let npv_high = probe.npv(range)?;
    let swing = sub(npv_high, npv_low).blame(probe.input.as_str())?.abs();
    Ok(TornadoBar {
        input: probe.input,
        npv_low,
        npv_high,
        swing,
    })
}

/// For discount_rate only the discounting moves, so the base flows are
/// reused.
fn discount_rate_bar(
    inputs: &Inputs,
    after_tax_flows: &[Decimal],
) -> Result<TornadoBar, EngineError> {
    let range = inputs.sensitivity_range;
    let at_rate = |factor: Decimal| -> Result<Decimal, Overflow> {
        npv(mul(inputs.discount_rate, factor)?, after_tax_flows)
    };
    let low = sub(Decimal::ONE, range).blame("sensitivity_range")?;
    let high = add(Decimal::ONE, range).blame("sensitivity_range")?;
    let npv_low = at_rate(low).blame("discount_rate")?;
    let npv_high = at_rate(high).blame("discount_rate")?;
    let swing = sub(npv_high, npv_low).blame("discount_rate")?.abs();
    Ok(TornadoBar {
        input: SensitiveInput::DiscountRate,
        npv_low,
        npv_high,
        swing,
    })
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
pub fn switching_value(inputs: &Inputs, probe: &Probe<'_>, base_npv: Decimal) -> Switching {
    let base = probe.input.value(inputs);
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
    let npv_at = |delta: Decimal| -> Option<Decimal> { probe.npv(delta).ok() };
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
    let mut bracket = crate::finance::Bracket::new(low, low_value, high, high_value);
    let value_at = |point: Decimal| npv_at(point);
    let closed = bracket.close(&value_at, BRACKET_WIDTH)?;
    if let Some(exact) = closed {
        return Ok((exact, false));
    }
    let gap = sub(bracket.high_value, bracket.low_value)?.abs();
    Ok((bracket.midpoint()?, gap > JUMP_GAP))
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
