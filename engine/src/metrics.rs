//! Results of MODEL.md §5 computed from a year table: the 亩均 metrics, the
//! floor-price check, DSCR, peak funding need, the park ledger and the
//! incentive summary.

use rust_decimal::Decimal;

use crate::arith::{add, div, mul, positive, sub, sum};
use crate::error::Overflow;
use crate::finance::{self, cumulative, npv, IrrStatus};
use crate::incentives::IncentiveKind;
use crate::policy;
use crate::statements::YearTable;
use crate::timeline::at;
use crate::validate::{Inputs, SiteMode};

/// The land basis in 亩 (§5, rules 34, 63): `land_mu` (buy_land) or
/// `rent_area × 15 / (10000 × ref_far)` (rent; one division, last).
pub fn mu_basis(inputs: &Inputs) -> Result<Decimal, Overflow> {
    match inputs.site_mode {
        SiteMode::BuyLand => Ok(inputs.land_mu),
        SiteMode::Rent => div(
            mul(inputs.rent_area, Decimal::from(15))?,
            mul(Decimal::from(10000), inputs.ref_far)?,
        ),
    }
}

/// NPV, IRR, MIRR and paybacks of one statement (§5, rules 38–40).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementMetrics {
    /// NPV at the statement's rate, 万元 (Excel `NPV(i, NCF_1:NCF_N)`).
    pub npv: Decimal,
    /// Every IRR root, with status and reason.
    pub irr: finance::Irr,
    /// MIRR (finance = loan_rate, reinvest = discount_rate), shown only when
    /// the IRR status is "multiple" (rule 40).
    pub mirr: Option<Decimal>,
    /// Static payback, years from the start of year 1; `None` if not recovered.
    pub static_payback: Option<Decimal>,
    /// Dynamic payback at the statement's rate.
    pub dynamic_payback: Option<Decimal>,
}

impl StatementMetrics {
    /// The metrics of `flows` (years 1 … N) at `rate`.
    pub fn new(
        flows: &[Decimal],
        rate: Decimal,
        inputs: &Inputs,
    ) -> Result<StatementMetrics, Overflow> {
        let irr = finance::irr(flows)?;
        let mirr = if irr.status == IrrStatus::Multiple {
            finance::mirr(flows, inputs.loan_rate, inputs.discount_rate)?
        } else {
            None
        };
        // NPV is the sum of the discounted flows whose payback is the
        // dynamic payback: discount once.
        let discounted = finance::discounted(rate, flows)?;
        Ok(StatementMetrics {
            npv: sum(&discounted)?,
            irr,
            mirr,
            static_payback: finance::static_payback(flows)?,
            dynamic_payback: finance::static_payback(&discounted)?,
        })
    }
}

/// Peak funding need (rule 41): `max(0, −min_{t=0…N} cum_t)` of the equity
/// flow with cum₀ = 0, a positive amount in 万元.
pub fn peak_funding_need(equity: &[Decimal]) -> Result<Decimal, Overflow> {
    let lowest = cumulative(equity)?
        .into_iter()
        .fold(Decimal::ZERO, Decimal::min);
    Ok(positive(-lowest))
}

/// Minimum DSCR (rule 42): `min_t (EBITDA_t − CIT_t) / (principal_t +
/// interest_t)` over the years with principal > 0; `None` without a loan.
pub fn min_dscr(table: &YearTable) -> Result<Option<Decimal>, Overflow> {
    let mut lowest: Option<Decimal> = None;
    for year in table.timeline.years() {
        let principal = at(&table.loan.principal, year);
        if principal <= Decimal::ZERO {
            continue;
        }
        let service = add(principal, at(&table.loan.interest, year))?;
        let cover = div(sub(at(&table.ebitda, year), at(&table.cit, year))?, service)?;
        lowest = Some(lowest.map_or(cover, |current| current.min(cover)));
    }
    Ok(lowest)
}

/// Nominal and present value of one incentive kind, 万元.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindAmount {
    /// Sum over years 1 … N.
    pub nominal: Decimal,
    /// NPV at discount_rate.
    pub pv: Decimal,
}

/// The incentive summary of rule 43.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncentiveSummary {
    /// The eight kinds, in MODEL.md's order.
    pub by_kind: Vec<(IncentiveKind, KindAmount)>,
    /// Σ nominal.
    pub total_nominal: Decimal,
    /// Σ PV.
    pub total_pv: Decimal,
    /// total_nominal / fixed investment; `None` when that is 0 (rule 8).
    pub share_nominal: Option<Decimal>,
    /// total_pv / fixed investment.
    pub share_pv: Option<Decimal>,
}

/// Incentives by kind: nominal and PV at discount_rate (rule 43).
pub fn incentive_summary(table: &YearTable, inputs: &Inputs) -> Result<IncentiveSummary, Overflow> {
    let mut by_kind = Vec::with_capacity(IncentiveKind::ALL.len());
    let mut total_nominal = Decimal::ZERO;
    let mut total_pv = Decimal::ZERO;
    for kind in IncentiveKind::ALL {
        let line = table
            .incentives
            .line(kind)
            .unwrap_or(&table.operations.rent_waived);
        let amount = KindAmount {
            nominal: sum(line)?,
            pv: npv(inputs.discount_rate, line)?,
        };
        total_nominal = add(total_nominal, amount.nominal)?;
        total_pv = add(total_pv, amount.pv)?;
        by_kind.push((kind, amount));
    }
    let share = |total: Decimal| -> Result<Option<Decimal>, Overflow> {
        if table.fixed_investment.is_zero() {
            Ok(None)
        } else {
            div(total, table.fixed_investment).map(Some)
        }
    };
    Ok(IncentiveSummary {
        share_nominal: share(total_nominal)?,
        share_pv: share(total_pv)?,
        by_kind,
        total_nominal,
        total_pv,
    })
}

/// The park's fiscal ledger (rule 44).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParkLedger {
    /// Σ local retained revenue, 万元.
    pub local_retained_total: Decimal,
    /// Σ incentives paid (cash + rent waived), 万元.
    pub incentives_paid_total: Decimal,
    /// Σ park net, 万元.
    pub net_total: Decimal,
    /// Σ forfeited deposit, 万元.
    pub forfeited_total: Decimal,
    /// Σ clawback received, 万元.
    pub clawback_total: Decimal,
    /// NPV of the park net at park_rate, 万元.
    pub npv: Decimal,
    /// First year from which the cumulative park net stays ≥ 0.
    pub breakeven_year: Option<u32>,
}

/// Totals, NPV and breakeven of the park ledger (rule 44).
pub fn park_ledger(table: &YearTable, inputs: &Inputs) -> Result<ParkLedger, Overflow> {
    Ok(ParkLedger {
        local_retained_total: sum(&table.park_local_retained)?,
        incentives_paid_total: sum(&table.park_incentives_paid)?,
        net_total: sum(&table.park_net)?,
        forfeited_total: sum(&table.deposit_forfeited)?,
        clawback_total: sum(&table.clawback)?,
        npv: npv(inputs.park_rate, &table.park_net)?,
        breakeven_year: stays_non_negative_from(&cumulative(&table.park_net)?),
    })
}

/// The first year t from which every cumulative value through N is ≥ 0.
pub fn stays_non_negative_from(cumulative: &[Decimal]) -> Option<u32> {
    if cumulative.last().is_some_and(|last| *last < Decimal::ZERO) {
        return None;
    }
    let last_negative = cumulative.iter().rposition(|value| *value < Decimal::ZERO);
    let year = last_negative.map_or(1, |index| index + 2);
    u32::try_from(year).ok()
}

/// The 亩均 metrics of one year (§5, rules 11, 45, 56).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MuYear {
    /// Calendar year t.
    pub year: u32,
    /// Land basis, 亩.
    pub mu_basis: Decimal,
    /// Fixed investment / 亩, 万元/亩.
    pub intensity: Decimal,
    /// S_t / 亩, 万元/亩.
    pub output_per_mu: Decimal,
    /// (VAT + surcharges + stamp + CIT + land-use + property tax) / 亩.
    pub tax_per_mu: Decimal,
    /// staff_t / 亩.
    pub staff_per_mu: Decimal,
    /// far (buy_land only).
    pub plot_ratio: Option<Decimal>,
    /// intensity ≥ threshold.
    pub intensity_met: bool,
    /// output per 亩 ≥ threshold.
    pub output_per_mu_met: bool,
    /// tax per 亩 ≥ threshold.
    pub tax_per_mu_met: bool,
    /// far ≥ threshold (buy_land only).
    pub plot_ratio_met: Option<bool>,
    /// Whether capacity reaches 1 within N.
    pub full_capacity_reached: bool,
}

/// `actual ≥ minimum`, unrounded; a minimum of 0 is always met (rules 8, 9).
pub fn meets(actual: Decimal, minimum: Decimal) -> bool {
    minimum <= Decimal::ZERO || actual >= minimum
}

/// The first full-capacity year (rule 11): the first t with u_t ≥ 1, else
/// the earliest year of highest capacity; and whether capacity reached 1.
pub fn first_full_capacity_year(capacity: &[Decimal]) -> (u32, bool) {
    if let Some(index) = capacity.iter().position(|level| *level >= Decimal::ONE) {
        return (u32::try_from(index + 1).unwrap_or(1), true);
    }
    let mut best_index = 0;
    let mut best = Decimal::MIN;
    for (index, level) in capacity.iter().enumerate() {
        if *level > best {
            best = *level;
            best_index = index;
        }
    }
    (u32::try_from(best_index + 1).unwrap_or(1), false)
}

/// The 亩均 metrics in calendar year `year`.
pub fn mu_year(
    table: &YearTable,
    inputs: &Inputs,
    year: u32,
    reached: bool,
) -> Result<MuYear, Overflow> {
    let basis = table.mu_basis;
    let intensity = div(table.fixed_investment, basis)?;
    let output_per_mu = div(at(&table.operations.sales, year), basis)?;
    let tax_per_mu = at(&table.tax_per_mu, year);
    let staff_per_mu = div(at(&table.operations.staff, year), basis)?;
    let buy_land = inputs.site_mode == SiteMode::BuyLand;
    Ok(MuYear {
        year,
        mu_basis: basis,
        intensity,
        output_per_mu,
        tax_per_mu,
        staff_per_mu,
        plot_ratio: buy_land.then_some(inputs.far),
        intensity_met: meets(intensity, inputs.threshold_intensity),
        output_per_mu_met: meets(output_per_mu, inputs.threshold_output),
        tax_per_mu_met: meets(tax_per_mu, inputs.threshold_tax),
        plot_ratio_met: buy_land.then(|| meets(inputs.far, inputs.threshold_far)),
        full_capacity_reached: reached,
    })
}

/// The floor-price check (§2.2, rule 15).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FloorPrice {
    /// Land grade 1 … 15.
    pub grade: u32,
    /// National floor, 元/m² (before the priority factor).
    pub floor_per_m2: u32,
    /// Floor in 万元/亩 = 元/m² × (0.7 if priority) / 15.
    pub floor_per_mu: Decimal,
    /// land_price < floor (buy_land only; `None` in rent mode, rule 59).
    pub below: Option<bool>,
}

/// The national floor price for the land grade, in 万元/亩 (rules 2, 15).
pub fn floor_price(inputs: &Inputs) -> Result<FloorPrice, Overflow> {
    let index = usize::try_from(inputs.land_grade.saturating_sub(1)).unwrap_or(0);
    let per_m2 = policy::FLOOR_PRICE_PER_M2.get(index).copied().unwrap_or(0);
    let mut floor = Decimal::from(per_m2);
    if inputs.priority_industry {
        floor = mul(floor, policy::PRIORITY_FLOOR_FACTOR)?;
    }
    let floor_per_mu = div(floor, Decimal::from(15))?;
    Ok(FloorPrice {
        grade: inputs.land_grade,
        floor_per_m2: per_m2,
        floor_per_mu,
        below: (inputs.site_mode == SiteMode::BuyLand).then(|| inputs.land_price < floor_per_mu),
    })
}
