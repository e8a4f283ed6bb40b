//! The timeline of MODEL.md §2.1 and the capacity path of §2.5: which year
//! operation starts (`t0`), its first-year fraction (`f0`), the building
//! years (`tb`), the test year, and `u_t` for t = 1 … N.
//!
//! Year lines throughout the engine are `Vec<Decimal>` of length N, entry
//! `t − 1` for year t; [`at`] and [`add_at`] read and write them by year
//! without any index that could go out of bounds.

use rust_decimal::Decimal;

use crate::arith::{add, div, mul, sub};
use crate::error::{Blame, EngineError, Overflow};
use crate::validate::Inputs;

/// The derived timeline (§2.1; rule 7 for the test year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeline {
    /// N, the calculation period in years.
    pub horizon: u32,
    /// t0 = floor(build_months / 12) + 1, the first operating year.
    pub start: u32,
    /// f0 = 1 − (build_months mod 12) / 12, the share of year t0 operated.
    pub first_fraction: Decimal,
    /// tb = max(1, ceil(build_months / 12)), the last building year.
    pub build_years: u32,
    /// The test year as a calendar year: t0 − 1 + test_year.
    pub test_year: u32,
}

impl Timeline {
    /// `t0 = ⌊m/12⌋ + 1`, `f0 = 1 − (m mod 12)/12`, `tb = max(1, ⌈m/12⌉)`
    /// for m = build_months; the test year `t0 − 1 + test_year`.
    pub fn new(inputs: &Inputs) -> Result<Timeline, EngineError> {
        let months = inputs.build_months;
        let start = months / 12 + 1;
        let first_fraction = div(
            Decimal::from(12_u32.saturating_sub(months % 12)),
            Decimal::from(12),
        )
        .blame("build_months")?;
        Ok(Timeline {
            horizon: inputs.horizon,
            start,
            first_fraction,
            build_years: months.div_ceil(12).max(1),
            test_year: (start + inputs.test_year).saturating_sub(1),
        })
    }

    /// N as a length.
    pub fn len(&self) -> usize {
        usize::try_from(self.horizon).unwrap_or(0)
    }

    /// Whether N is 0 (never, for validated inputs).
    pub fn is_empty(&self) -> bool {
        self.horizon == 0
    }

    /// A line holding `amount` in each of `years` and 0 elsewhere: what
    /// adding `amount` to those years of [`Timeline::zeros`] gives, without
    /// an addition that could fail (a zero amount stays `Decimal::ZERO`, as
    /// [`add_at`] leaves it).
    pub fn filled(&self, years: std::ops::RangeInclusive<u32>, amount: Decimal) -> Vec<Decimal> {
        self.years()
            .map(|year| {
                if years.contains(&year) && !amount.is_zero() {
                    amount
                } else {
                    Decimal::ZERO
                }
            })
            .collect()
    }

    /// A line of N zeros.
    pub fn zeros(&self) -> Vec<Decimal> {
        vec![Decimal::ZERO; self.len()]
    }

    /// The years 1 … N.
    pub fn years(&self) -> std::ops::RangeInclusive<u32> {
        1..=self.horizon
    }
}

/// The value of a year line in year t (1-based); 0 outside 1 … N.
///
/// Not inlined: the year model reads some 200 lines this way, and each
/// inlined copy of the bounds check and the 16-byte copy costs more code
/// than the call.
#[inline(never)]
pub fn at(line: &[Decimal], year: u32) -> Decimal {
    year.checked_sub(1)
        .and_then(|index| usize::try_from(index).ok())
        .and_then(|index| line.get(index))
        .copied()
        .unwrap_or(Decimal::ZERO)
}

/// Year t of each line, summed in the order given with zeros skipped, as
/// [`crate::arith::sum_sparse`] sums; or `Overflow`. The year model keeps
/// its long sums as arrays of lines built once, not one [`at`] per term
/// and year.
pub fn sum_at(lines: &[&[Decimal]], year: u32) -> Result<Decimal, Overflow> {
    lines
        .iter()
        .map(|line| at(line, year))
        .filter(|value| !value.is_zero())
        .try_fold(Decimal::ZERO, add)
}

/// `a` less year t of each line in the order given, as
/// [`crate::arith::sub_all`] subtracts; or `Overflow`.
pub fn sub_at(a: Decimal, lines: &[&[Decimal]], year: u32) -> Result<Decimal, Overflow> {
    lines
        .iter()
        .try_fold(a, |total, line| sub(total, at(line, year)))
}

/// The entry of year t (1-based) in a line; `None` outside 1 … N.
pub fn slot_mut(line: &mut [Decimal], year: u32) -> Option<&mut Decimal> {
    year.checked_sub(1)
        .and_then(|index| usize::try_from(index).ok())
        .and_then(|index| line.get_mut(index))
}

/// Adds `amount` to year t of a line; a year past N is dropped (the rule for
/// every payment that would fall after the horizon).
pub fn add_at(line: &mut [Decimal], year: u32, amount: Decimal) -> Result<(), Overflow> {
    if amount.is_zero() {
        return Ok(());
    }
    if let Some(slot) = slot_mut(line, year) {
        *slot = add(*slot, amount)?;
    }
    Ok(())
}

/// Capacity u_t for t = 1 … N (§2.5, rule 10): 0 before t0; `ramp[k]` for
/// the 0-based operating year k while k < len(ramp), then
/// `(1 + growth)^(k − len(ramp))`; year t0 is multiplied by f0. A fraction.
pub fn capacity(inputs: &Inputs, timeline: &Timeline) -> Result<Vec<Decimal>, Overflow> {
    let growth = add(Decimal::ONE, inputs.growth)?;
    let mut grown = Decimal::ONE;
    let mut line = timeline.zeros();
    let mut operating_year: usize = 0;
    for (index, slot) in line.iter_mut().enumerate() {
        let year = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if year < timeline.start {
            continue;
        }
        let mut level = match inputs.ramp.get(operating_year) {
            Some(share) => *share,
            None => {
                let level = grown;
                grown = mul(grown, growth)?;
                level
            }
        };
        if year == timeline.start {
            level = mul(level, timeline.first_fraction)?;
        }
        *slot = level;
        operating_year += 1;
    }
    Ok(line)
}
