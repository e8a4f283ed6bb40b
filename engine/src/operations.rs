//! Operations (MODEL.md §3 "Operating"): sales, operating costs, staff and
//! wages, rent with its holiday, the rent deposit, and working capital.

use rust_decimal::Decimal;

use crate::arith::{add, div, mul, positive, scale, sub};
use crate::capex::Capex;
use crate::error::{Blame, EngineError};
use crate::timeline::{add_at, Timeline};
use crate::validate::{Inputs, SiteMode};

/// Operating lines by year, 万元 (staff in people).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operations {
    /// S_t = output_full × u_t, excl. VAT.
    pub sales: Vec<Decimal>,
    /// headcount × min(u_t, 1).
    pub staff: Vec<Decimal>,
    /// materials_ratio × S_t, excl. VAT.
    pub materials: Vec<Decimal>,
    /// other_ratio × S_t.
    pub other_cost: Vec<Decimal>,
    /// rd_ratio × S_t.
    pub rd: Vec<Decimal>,
    /// repair_ratio × (B + Q) for t ≥ t0.
    pub repair: Vec<Decimal>,
    /// staff × wage × (1 + wage_growth)^(t−1) × (1 + social_ratio).
    pub wages: Vec<Decimal>,
    /// Rent charged incl. VAT, after the holiday.
    pub rent_gross: Vec<Decimal>,
    /// VAT in the rent charged (creditable).
    pub rent_vat: Vec<Decimal>,
    /// Rent charged excl. VAT (expensed).
    pub rent_net: Vec<Decimal>,
    /// Rent waived by the holiday, at gross value (rule 25).
    pub rent_waived: Vec<Decimal>,
    /// Property management fee.
    pub mgmt_fee: Vec<Decimal>,
    /// Rent deposit paid (year 1).
    pub rent_deposit_paid: Vec<Decimal>,
    /// Rent deposit returned (year N).
    pub rent_deposit_return: Vec<Decimal>,
    /// Working-capital balance W_t = wc_ratio × S_t.
    pub working_capital: Vec<Decimal>,
    /// W_t − W_{t−1} (negative = release).
    pub working_capital_change: Vec<Decimal>,
    /// W_N, recovered in year N.
    pub working_capital_recovery: Vec<Decimal>,
}

impl Operations {
    /// The operating lines of §3 (rules 10, 12, 13, 14, 25).
    pub fn new(
        inputs: &Inputs,
        timeline: &Timeline,
        capacity: &[Decimal],
        capex: &Capex,
    ) -> Result<Operations, EngineError> {
        let sales = scale(capacity, inputs.output_full).blame("output_full")?;
        let staff = capacity
            .iter()
            .map(|level| mul(inputs.headcount, (*level).min(Decimal::ONE)))
            .collect::<Result<Vec<_>, _>>()
            .blame("headcount")?;
        let materials = scale(&sales, inputs.materials_ratio).blame("materials_ratio")?;
        let other_cost = scale(&sales, inputs.other_ratio).blame("other_ratio")?;
        let rd = scale(&sales, inputs.rd_ratio).blame("rd_ratio")?;

        let repair_base = add(capex.building, capex.equipment).blame("equipment")?;
        let repair_amount = mul(inputs.repair_ratio, repair_base).blame("repair_ratio")?;
        let repair = timeline.filled(timeline.start..=timeline.horizon, repair_amount);

        let wages = wage_line(inputs, &staff).blame("wage")?;
        let rent = rent_lines(inputs, timeline).blame("rent")?;

        let working_capital = scale(&sales, inputs.wc_ratio).blame("wc_ratio")?;
        let mut working_capital_change = Vec::with_capacity(working_capital.len());
        let mut previous = Decimal::ZERO;
        for balance in &working_capital {
            working_capital_change.push(sub(*balance, previous).blame("wc_ratio")?);
            previous = *balance;
        }
        let working_capital_recovery =
            timeline.filled(timeline.horizon..=timeline.horizon, previous);

        Ok(Operations {
            sales,
            staff,
            materials,
            other_cost,
            rd,
            repair,
            wages,
            rent_gross: rent.gross,
            rent_vat: rent.vat,
            rent_net: rent.net,
            rent_waived: rent.waived,
            mgmt_fee: rent.mgmt_fee,
            rent_deposit_paid: rent.deposit_paid,
            rent_deposit_return: rent.deposit_return,
            working_capital,
            working_capital_change,
            working_capital_recovery,
        })
    }
}

/// Wages_t = staff_t × wage × (1 + wage_growth)^(t−1) × (1 + social_ratio)
/// (rule 12: compounding from year 1), 万元.
fn wage_line(inputs: &Inputs, staff: &[Decimal]) -> Result<Vec<Decimal>, crate::Overflow> {
    let loaded = mul(inputs.wage, add(Decimal::ONE, inputs.social_ratio)?)?;
    let growth = add(Decimal::ONE, inputs.wage_growth)?;
    let mut level = loaded;
    let mut line = Vec::with_capacity(staff.len());
    for people in staff {
        line.push(mul(*people, level)?);
        level = mul(level, growth)?;
    }
    Ok(line)
}

struct RentLines {
    gross: Vec<Decimal>,
    vat: Vec<Decimal>,
    net: Vec<Decimal>,
    waived: Vec<Decimal>,
    mgmt_fee: Vec<Decimal>,
    deposit_paid: Vec<Decimal>,
    deposit_return: Vec<Decimal>,
}

/// Rent (rent mode only, rule 13), 万元: full gross
/// `rent_area × rent × 12 × (1 + rent_escalation)^(t−1) / 10000`; the
/// holiday waives `shares[t−1]` of it (rule 25); the VAT inside is
/// creditable; the management fee `rent_area × mgmt_fee × 12 / 10000` has
/// no VAT and no holiday; the deposit (rule 14) is paid in year 1 and
/// returned in year N.
fn rent_lines(inputs: &Inputs, timeline: &Timeline) -> Result<RentLines, crate::Overflow> {
    let mut lines = RentLines {
        gross: timeline.zeros(),
        vat: timeline.zeros(),
        net: timeline.zeros(),
        waived: timeline.zeros(),
        mgmt_fee: timeline.zeros(),
        deposit_paid: timeline.zeros(),
        deposit_return: timeline.zeros(),
    };
    if inputs.site_mode != SiteMode::Rent {
        return Ok(lines);
    }
    let ten_thousand = Decimal::from(10000);
    let escalation = add(Decimal::ONE, inputs.rent_escalation)?;
    let mgmt = div(
        mul(mul(inputs.rent_area, inputs.mgmt_fee)?, Decimal::from(12))?,
        ten_thousand,
    )?;
    let (relief_on, shares) = (
        &inputs.incentives.rent_relief.0,
        &inputs.incentives.rent_relief.1,
    );
    // The VAT inside a gross amount: gross × r / (1 + r), the factor once.
    let vat_share = div(
        inputs.rent_vat_rate,
        add(Decimal::ONE, inputs.rent_vat_rate)?,
    )?;
    // Year-1 gross rent; dividing by 10⁴ only moves the decimal point.
    let mut full = div(
        mul(mul(inputs.rent_area, inputs.rent)?, Decimal::from(12))?,
        ten_thousand,
    )?;
    for year in timeline.years() {
        let waived_share = if *relief_on {
            let index = usize::try_from(year - 1).unwrap_or(usize::MAX);
            shares.get(index).copied().unwrap_or(Decimal::ZERO)
        } else {
            Decimal::ZERO
        };
        let charged = if waived_share.is_zero() {
            full
        } else {
            mul(full, positive(sub(Decimal::ONE, waived_share)?))?
        };
        let vat = mul(charged, vat_share)?;
        add_at(&mut lines.gross, year, charged)?;
        add_at(&mut lines.vat, year, vat)?;
        add_at(&mut lines.net, year, sub(charged, vat)?)?;
        add_at(&mut lines.waived, year, sub(full, charged)?)?;
        add_at(&mut lines.mgmt_fee, year, mgmt)?;
        full = mul(full, escalation)?;
    }
    let deposit = div(
        mul(
            mul(inputs.rent_deposit_months, inputs.rent_area)?,
            inputs.rent,
        )?,
        ten_thousand,
    )?;
    add_at(&mut lines.deposit_paid, 1, deposit)?;
    add_at(&mut lines.deposit_return, timeline.horizon, deposit)?;
    Ok(lines)
}
