//! Buy vs rent (MODEL.md §5, rules 46, 52): the scenario evaluated in both
//! site modes with the same operations, side by side, with the equivalent
//! annual cost and the crossover year.

use rust_decimal::Decimal;

use crate::arith::{div, mul, pow, sub};
use crate::error::{Blame, EngineError, Overflow};
use crate::finance::{cumulative, Irr};
use crate::metrics::StatementMetrics;
use crate::statements::YearTable;
use crate::validate::{FieldError, Inputs, SiteMode};

/// One site mode's after-tax project figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModeFigures {
    /// NPV at discount_rate, 万元.
    pub npv: Decimal,
    /// IRR roots, status and reason.
    pub irr: Irr,
    /// Static payback, years.
    pub static_payback: Option<Decimal>,
    /// Dynamic payback, years.
    pub dynamic_payback: Option<Decimal>,
    /// Equivalent annual cost `NPV × i / (1 − (1+i)^−N)`, 万元/yr.
    pub eac: Decimal,
    /// Cumulative after-tax flow, years 1 … N.
    pub cumulative: Vec<Decimal>,
    /// The build months this side used (rule 52).
    pub build_months: u32,
    /// The deposit kind this side used.
    pub deposit_kind: crate::validate::DepositKind,
    /// The deposit amount input this side used (万元 or 万元/亩).
    pub deposit_amount: Decimal,
}

/// One side of the comparison: its figures, or why it could not be evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModeSide {
    /// Evaluated.
    Figures(ModeFigures),
    /// That mode's inputs are invalid (or overflowed).
    Errors(Vec<FieldError>),
}

/// Buy vs rent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuyVsRent {
    /// The buy_land side.
    pub buy_land: ModeSide,
    /// The rent side.
    pub rent: ModeSide,
    /// The smallest t with cumBuy_s > cumRent_s for every s = t … N.
    pub crossover_year: Option<u32>,
}

/// Equivalent annual cost (rule 46): `NPV × i / (1 − (1+i)^−N)`, and NPV / N
/// at i = 0 (rule 8). Spreadsheet: `−PMT(i, N, NPV)`.
pub fn eac(npv: Decimal, rate: Decimal, years: u32) -> Result<Decimal, Overflow> {
    if rate.is_zero() {
        return div(npv, Decimal::from(years));
    }
    let growth = pow(crate::arith::add(Decimal::ONE, rate)?, years)?;
    let discount = sub(Decimal::ONE, div(Decimal::ONE, growth)?)?;
    div(mul(npv, rate)?, discount)
}

/// The smallest t with `buy_s > rent_s` for every s = t … N (rule 46).
pub fn crossover_year(buy: &[Decimal], rent: &[Decimal]) -> Option<u32> {
    let mut year = None;
    for (index, (bought, rented)) in buy.iter().zip(rent).enumerate().rev() {
        if bought > rented {
            year = u32::try_from(index + 1).ok();
        } else {
            break;
        }
    }
    year
}

fn figures(
    metrics: &StatementMetrics,
    flows: &[Decimal],
    inputs: &Inputs,
) -> Result<ModeFigures, Overflow> {
    Ok(ModeFigures {
        npv: metrics.npv,
        irr: metrics.irr.clone(),
        static_payback: metrics.static_payback,
        dynamic_payback: metrics.dynamic_payback,
        eac: eac(metrics.npv, inputs.discount_rate, inputs.horizon)?,
        cumulative: cumulative(flows)?,
        build_months: inputs.build_months,
        deposit_kind: inputs.deposit_kind,
        deposit_amount: inputs.deposit_amount,
    })
}

/// Compares the base (its table and after-tax metrics) with the other mode.
pub fn buy_vs_rent(
    inputs: &Inputs,
    table: &YearTable,
    after_tax: &StatementMetrics,
    other: Result<&Inputs, &[FieldError]>,
) -> Result<BuyVsRent, EngineError> {
    let this = ModeSide::Figures(
        figures(after_tax, &table.ncf_project_after_tax, inputs).blame("discount_rate")?,
    );
    let that = match other {
        Err(errors) => ModeSide::Errors(errors.to_vec()),
        Ok(other_inputs) => match other_side(other_inputs, inputs.stress) {
            Ok(found) => ModeSide::Figures(found),
            Err(EngineError::Overflow { input }) => ModeSide::Errors(vec![FieldError::new(
                input,
                String::new(),
                "",
                format!("计算溢出：「{input}」过大"),
                format!("arithmetic overflow driven by `{input}`"),
            )
            .with_code("overflow")]),
        },
    };
    let (buy_land, rent) = match inputs.site_mode {
        SiteMode::BuyLand => (this, that),
        SiteMode::Rent => (that, this),
    };
    let crossover_year = match (&buy_land, &rent) {
        (ModeSide::Figures(buy), ModeSide::Figures(rented)) => {
            crossover_year(&buy.cumulative, &rented.cumulative)
        }
        _ => None,
    };
    Ok(BuyVsRent {
        buy_land,
        rent,
        crossover_year,
    })
}

fn other_side(inputs: &Inputs, stress: bool) -> Result<ModeFigures, EngineError> {
    let table = YearTable::new(inputs, stress)?;
    let flows = &table.ncf_project_after_tax;
    let metrics =
        StatementMetrics::new(flows, inputs.discount_rate, inputs).blame("discount_rate")?;
    figures(&metrics, flows, inputs).blame("discount_rate")
}
