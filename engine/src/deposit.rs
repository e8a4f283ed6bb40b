//! The performance-guarantee deposit (履约保证金) of MODEL.md §2.9 and rules
//! 33–37: the amount, the targets tested in the test year, the refund or
//! forfeit, and the clawback of incentives.

use rust_decimal::Decimal;

use crate::arith::{div, mul, positive, sub};
use crate::error::Overflow;
use crate::validate::{DepositKind, ForfeitRule, Inputs, Target};

/// What happened to the deposit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Refunded in full.
    Refunded,
    /// Refunded in part (`pro_rata`).
    Partial,
    /// Not refunded at all.
    Forfeited,
}

/// The deposit's test and its consequences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DepositResult {
    /// Deposit paid in year 1, 万元.
    pub amount: Decimal,
    /// The calendar year of the test and the refund.
    pub year: u32,
    /// Intensity target met (always when off or min = 0).
    pub intensity_met: bool,
    /// Tax-per-亩 target met.
    pub tax_per_mu_met: bool,
    /// Refunded, 万元.
    pub refund: Decimal,
    /// Forfeited, 万元 (amount − refund).
    pub forfeited: Decimal,
    /// Refunded, partial or forfeited.
    pub outcome: Outcome,
    /// Clawback due, 万元 (rule 37).
    pub clawback_due: Decimal,
    /// Clawback paid within N, 万元 (rule 58).
    pub clawback: Decimal,
}

impl DepositResult {
    /// Whether any switched-on target was missed (rule 36).
    pub fn failed(&self) -> bool {
        !(self.intensity_met && self.tax_per_mu_met)
    }
}

/// The deposit paid in year 1, 万元: `amount × 亩 basis` for `per_mu`
/// (rule 34), else `amount`.
pub fn deposit_amount(inputs: &Inputs, mu_basis: Decimal) -> Result<Decimal, Overflow> {
    match inputs.deposit_kind {
        DepositKind::PerMu => mul(inputs.deposit_amount, mu_basis),
        DepositKind::Fixed => Ok(inputs.deposit_amount),
    }
}

/// Shortfall of a target (rule 36): `(min − actual) / min` clipped to
/// [0, 1]; 0 when off or when min = 0 (rule 8: always met).
pub fn shortfall(target: Target, actual: Decimal) -> Result<Decimal, Overflow> {
    if !target.on || target.min <= Decimal::ZERO {
        return Ok(Decimal::ZERO);
    }
    let gap = div(sub(target.min, actual)?, target.min)?;
    Ok(positive(gap).min(Decimal::ONE))
}

/// Tests the targets (rules 35–37) in calendar year `year` on `intensity`
/// (万元/亩) and `tax_per_mu` (万元/亩 in that year). `incentives_so_far` is
/// the cash received in years 1 … year; the clawback falls in year + 1 and
/// is dropped past `horizon`.
pub fn test(
    inputs: &Inputs,
    amount: Decimal,
    year: u32,
    horizon: u32,
    intensity: Decimal,
    tax_per_mu: Decimal,
    incentives_so_far: Decimal,
) -> Result<DepositResult, Overflow> {
    let intensity_short = shortfall(inputs.target_intensity, intensity)?;
    let tax_short = shortfall(inputs.target_tax_per_mu, tax_per_mu)?;
    // A target with a positive shortfall is missed; comparisons are unrounded (rule 9).
    let intensity_met = intensity_short.is_zero();
    let tax_per_mu_met = tax_short.is_zero();
    let failed = !(intensity_met && tax_per_mu_met);
    let refund = match (failed, inputs.forfeit_rule) {
        (false, _) => amount,
        (true, ForfeitRule::Full) => Decimal::ZERO,
        (true, ForfeitRule::ProRata) => {
            mul(amount, sub(Decimal::ONE, intensity_short.max(tax_short))?)?
        }
    };
    let forfeited = sub(amount, refund)?;
    let outcome = if refund == amount {
        Outcome::Refunded
    } else if refund.is_zero() {
        Outcome::Forfeited
    } else {
        Outcome::Partial
    };
    let clawback_due = if failed {
        mul(inputs.clawback, incentives_so_far)?
    } else {
        Decimal::ZERO
    };
    let clawback = if year < horizon {
        clawback_due
    } else {
        Decimal::ZERO
    };
    Ok(DepositResult {
        amount,
        year,
        intensity_met,
        tax_per_mu_met,
        refund,
        forfeited,
        outcome,
        clawback_due,
        clawback,
    })
}
