//! The after-tax project NPV as a function of one input's relative change δ,
//! for the tornado and the switching values (rules 47, 48, 57).
//!
//! Each of the inputs the sensitivity analysis moves (output_full,
//! materials_ratio, equipment, build_cost, rent, land_price, wage) enters the
//! year model linearly until the model's first non-linear step: every line of
//! capex, depreciation, operations, output and input VAT, stamp and property
//! taxes, and every cash incentive except the equipment subsidy's cap and
//! the tax reward, is `a_t + δ × b_t`. So the lines are taken from the base
//! year table (δ = 0) and, once per input, from capex, operations, VAT,
//! local taxes and incentives re-run with the input at 0 (δ = −1); each
//! probe then only redoes the non-linear steps year by year: the VAT credit
//! carried forward, surcharges, CIT with its losses, the adjusted CIT, the
//! equipment subsidy's cap, the tax reward, the deposit test and the
//! clawback. The linear part of the flow is discounted once; so are the
//! years after the test year, the clawback and the tax reward, once no VAT
//! credit is carried, up to the adjusted CIT's floor at 0 in each.
//!
//! Up to `Decimal`'s last digit this is the year model of `statements.rs`
//! run on the moved inputs; the tests below compare the two. Should a probe
//! overflow, [`crate::sensitivity`] asks the full year model instead.

use rust_decimal::Decimal;

use crate::arith::{add, div, mul, positive, sub, sum_sparse};
use crate::capex::{CapexLines, Depreciation};
use crate::deposit;
use crate::error::{Blame, EngineError, Overflow};
use crate::finance::discount_factor;
use crate::incentives::IncentiveLines;
use crate::operations::Operations;
use crate::sensitivity::SensitiveInput;
use crate::statements::{Stages, YearTable};
use crate::tax::{LocalTaxes, LossPool, VatLines};
use crate::timeline::{at, Timeline};
use crate::validate::Inputs;

/// The yearly amounts ("atoms") the linear lines are made of, one slot
/// each; the three products (sales and materials grossed up by VAT, the
/// R&D super deduction) are derived from their atom.
mod atom {
    pub const SALES: usize = 0;
    pub const MATERIALS: usize = 1;
    pub const OTHER: usize = 2;
    pub const RD: usize = 3;
    pub const REPAIR: usize = 4;
    pub const WAGES: usize = 5;
    pub const RENT_NET: usize = 6;
    pub const MGMT_FEE: usize = 7;
    pub const STAMP: usize = 8;
    pub const LAND_USE_TAX: usize = 9;
    pub const PROPERTY_TAX: usize = 10;
    pub const DEPRECIATION: usize = 11;
    pub const AMORTISATION: usize = 12;
    pub const RD_SUPER: usize = 13;
    pub const INTEREST: usize = 14;
    pub const GUARANTEE_FEE: usize = 15;
    pub const INTEREST_SUBSIDY: usize = 16;
    pub const HIRING_SUBSIDY: usize = 17;
    pub const FAR_REWARD: usize = 18;
    pub const SETTLEMENT_AWARD: usize = 19;
    pub const LAND_REBATE: usize = 20;
    pub const RENT_DEPOSIT_RETURN: usize = 21;
    pub const RESIDUAL: usize = 22;
    pub const WC_RECOVERY: usize = 23;
    pub const LAND: usize = 24;
    pub const DEED_TAX: usize = 25;
    pub const LAND_STAMP: usize = 26;
    pub const CONSTRUCTION_GROSS: usize = 27;
    pub const OTHER_BUILD: usize = 28;
    pub const CONTINGENCY: usize = 29;
    pub const FIT_OUT_GROSS: usize = 30;
    pub const EQUIPMENT_GROSS: usize = 31;
    pub const INSTALLATION: usize = 32;
    pub const WC_CHANGE: usize = 33;
    pub const RENT_GROSS: usize = 34;
    pub const RENT_DEPOSIT_PAID: usize = 35;
    pub const STAMP_SALES: usize = 36;
    pub const DEPOSIT_PAID: usize = 37;
    pub const SALES_GROSS: usize = 38;
    pub const MATERIALS_GROSS: usize = 39;
    pub const OUTPUT_VAT: usize = 40;
    pub const INPUT_VAT: usize = 41;
    pub const COUNT: usize = 42;
}

/// One year's atoms.
type Atoms = [Decimal; atom::COUNT];

/// Output VAT − input VAT (before the credit carried forward).
const VAT_BASE: &[(usize, bool)] = &[(atom::OUTPUT_VAT, true), (atom::INPUT_VAT, false)];
/// The CIT base before surcharges, taxable subsidies and the clawback.
const MARGIN: &[(usize, bool)] = &[
    (atom::SALES, true),
    (atom::MATERIALS, false),
    (atom::OTHER, false),
    (atom::RD, false),
    (atom::REPAIR, false),
    (atom::WAGES, false),
    (atom::RENT_NET, false),
    (atom::MGMT_FEE, false),
    (atom::STAMP, false),
    (atom::LAND_USE_TAX, false),
    (atom::PROPERTY_TAX, false),
    (atom::DEPRECIATION, false),
    (atom::AMORTISATION, false),
    (atom::RD_SUPER, false),
    (atom::INTEREST, false),
    (atom::GUARANTEE_FEE, false),
];
/// Cash incentives except the equipment subsidy and the tax reward.
const CASH: &[(usize, bool)] = &[
    (atom::INTEREST_SUBSIDY, true),
    (atom::HIRING_SUBSIDY, true),
    (atom::FAR_REWARD, true),
    (atom::SETTLEMENT_AWARD, true),
    (atom::LAND_REBATE, true),
];
/// Stamp + land-use tax + property tax (for tax per 亩).
const TAX_OTHER: &[(usize, bool)] = &[
    (atom::STAMP, true),
    (atom::LAND_USE_TAX, true),
    (atom::PROPERTY_TAX, true),
];
/// CI − CO (§4) without VAT paid, surcharges, the equipment subsidy, the tax
/// reward, the deposit refund, the clawback and the adjusted CIT. The
/// interest subsidy is in neither (CI holds cash − interest subsidy).
const FLOW: &[(usize, bool)] = &[
    (atom::SALES_GROSS, true),
    (atom::HIRING_SUBSIDY, true),
    (atom::FAR_REWARD, true),
    (atom::SETTLEMENT_AWARD, true),
    (atom::LAND_REBATE, true),
    (atom::RENT_DEPOSIT_RETURN, true),
    (atom::RESIDUAL, true),
    (atom::WC_RECOVERY, true),
    (atom::LAND, false),
    (atom::DEED_TAX, false),
    (atom::LAND_STAMP, false),
    (atom::CONSTRUCTION_GROSS, false),
    (atom::OTHER_BUILD, false),
    (atom::CONTINGENCY, false),
    (atom::FIT_OUT_GROSS, false),
    (atom::EQUIPMENT_GROSS, false),
    (atom::INSTALLATION, false),
    (atom::WC_CHANGE, false),
    (atom::MATERIALS_GROSS, false),
    (atom::OTHER, false),
    (atom::RD, false),
    (atom::REPAIR, false),
    (atom::WAGES, false),
    (atom::RENT_GROSS, false),
    (atom::MGMT_FEE, false),
    (atom::RENT_DEPOSIT_PAID, false),
    (atom::STAMP_SALES, false),
    (atom::LAND_USE_TAX, false),
    (atom::PROPERTY_TAX, false),
    (atom::DEPOSIT_PAID, false),
];

/// The number of lines made of atoms.
const LINES: usize = 5;

/// SIGNS[atom][line]: +1 or −1 if the atom is in the line (in the order
/// vat_base, margin, cash, tax_other, flow), else 0.
const SIGNS: [[i8; LINES]; atom::COUNT] = signs([VAT_BASE, MARGIN, CASH, TAX_OTHER, FLOW]);

/// The sign table of the five lines' terms, built at compile time (an index
/// out of range would fail the build, not a run).
#[allow(clippy::indexing_slicing)]
const fn signs(lines: [&[(usize, bool)]; LINES]) -> [[i8; LINES]; atom::COUNT] {
    let mut table = [[0_i8; LINES]; atom::COUNT];
    let mut line = 0;
    while line < LINES {
        let terms = lines[line];
        let mut term = 0;
        while term < terms.len() {
            let (slot, plus) = terms[term];
            table[slot][line] = if plus { 1 } else { -1 };
            term += 1;
        }
        line += 1;
    }
    table
}

/// The lines of one run that are linear in the moved input, 万元; entry
/// t − 1 for year t (or their slopes in δ).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Lines {
    /// [`VAT_BASE`].
    vat_base: Vec<Decimal>,
    /// [`MARGIN`].
    margin: Vec<Decimal>,
    /// [`CASH`].
    cash: Vec<Decimal>,
    /// [`TAX_OTHER`].
    tax_other: Vec<Decimal>,
    /// [`FLOW`].
    flow: Vec<Decimal>,
    /// Fixed investment (rule 45).
    fixed_investment: Decimal,
    /// Equipment excl. VAT, the equipment subsidy's base (rule 26).
    equip_base: Decimal,
}

impl Lines {
    fn with_capacity(years: usize) -> Lines {
        Lines {
            vat_base: Vec::with_capacity(years),
            margin: Vec::with_capacity(years),
            cash: Vec::with_capacity(years),
            tax_other: Vec::with_capacity(years),
            flow: Vec::with_capacity(years),
            ..Lines::default()
        }
    }

    /// Appends one year's lines made of its (complete) atoms.
    fn push(&mut self, atoms: &Atoms) -> Result<(), Overflow> {
        let mut sums = [Decimal::ZERO; LINES];
        for (value, signs) in atoms.iter().zip(SIGNS.iter()) {
            if value.is_zero() {
                continue;
            }
            for (sum, sign) in sums.iter_mut().zip(signs) {
                match sign {
                    1 => *sum = add(*sum, *value)?,
                    -1 => *sum = sub(*sum, *value)?,
                    _ => {}
                }
            }
        }
        let [vat_base, margin, cash, tax_other, flow] = sums;
        self.vat_base.push(vat_base);
        self.margin.push(margin);
        self.cash.push(cash);
        self.tax_other.push(tax_other);
        self.flow.push(flow);
        Ok(())
    }
}

/// The parts of one run of the year model that the atoms are read from.
struct Parts<'a> {
    capex_lines: &'a CapexLines,
    depreciation: &'a Depreciation,
    operations: &'a Operations,
    vat: &'a VatLines,
    taxes: &'a LocalTaxes,
    incentives: &'a IncentiveLines,
    table: &'a YearTable,
}

impl Parts<'_> {
    /// Year t's atoms, the derived three left at 0.
    fn atoms(&self, year: u32) -> Atoms {
        let mut atoms = [Decimal::ZERO; atom::COUNT];
        for (slot, line) in self.lines() {
            if let Some(atom) = atoms.get_mut(slot) {
                *atom = at(line, year);
            }
        }
        if year == self.table.timeline.horizon {
            if let Some(atom) = atoms.get_mut(atom::RESIDUAL) {
                *atom = self.depreciation.residual;
            }
        }
        atoms
    }

    /// The year line of each atom but the derived three and the residual
    /// (one amount, in year N).
    fn lines(&self) -> [(usize, &[Decimal]); 38] {
        let ops = self.operations;
        let capex = self.capex_lines;
        let taxes = self.taxes;
        let incentives = self.incentives;
        let loan = &self.table.loan;
        [
            (atom::SALES, &ops.sales),
            (atom::MATERIALS, &ops.materials),
            (atom::OTHER, &ops.other_cost),
            (atom::RD, &ops.rd),
            (atom::REPAIR, &ops.repair),
            (atom::WAGES, &ops.wages),
            (atom::RENT_NET, &ops.rent_net),
            (atom::MGMT_FEE, &ops.mgmt_fee),
            (atom::STAMP, &taxes.stamp),
            (atom::LAND_USE_TAX, &taxes.land_use_tax),
            (atom::PROPERTY_TAX, &taxes.property_tax),
            (atom::DEPRECIATION, &self.depreciation.depreciation),
            (atom::AMORTISATION, &self.depreciation.amortisation),
            (atom::INTEREST, &loan.interest),
            (atom::GUARANTEE_FEE, &loan.guarantee_fee),
            (atom::INTEREST_SUBSIDY, &incentives.interest_subsidy),
            (atom::HIRING_SUBSIDY, &incentives.hiring_subsidy),
            (atom::FAR_REWARD, &incentives.far_reward),
            (atom::SETTLEMENT_AWARD, &incentives.settlement_award),
            (atom::LAND_REBATE, &incentives.land_rebate),
            (atom::RENT_DEPOSIT_RETURN, &ops.rent_deposit_return),
            (atom::WC_RECOVERY, &ops.working_capital_recovery),
            (atom::LAND, &capex.land),
            (atom::DEED_TAX, &capex.deed_tax),
            (atom::LAND_STAMP, &capex.land_stamp),
            (atom::CONSTRUCTION_GROSS, &capex.construction_gross),
            (atom::OTHER_BUILD, &capex.other_build),
            (atom::CONTINGENCY, &capex.contingency),
            (atom::FIT_OUT_GROSS, &capex.fit_out_gross),
            (atom::EQUIPMENT_GROSS, &capex.equipment_gross),
            (atom::INSTALLATION, &capex.installation),
            (atom::WC_CHANGE, &ops.working_capital_change),
            (atom::RENT_GROSS, &ops.rent_gross),
            (atom::RENT_DEPOSIT_PAID, &ops.rent_deposit_paid),
            (atom::STAMP_SALES, &taxes.stamp_sales),
            (atom::DEPOSIT_PAID, &self.table.deposit_paid),
            (atom::OUTPUT_VAT, &self.vat.output),
            (atom::INPUT_VAT, &self.vat.input),
        ]
    }
}

/// Fills the derived atoms from theirs: sales and materials × (1 + VAT),
/// R&D × the super deduction. Linear, so this also turns a difference of
/// atoms into the difference of the derived ones.
fn derive(atoms: &mut Atoms, inputs: &Inputs) -> Result<(), Overflow> {
    let gross_up = add(Decimal::ONE, inputs.vat_rate)?;
    for (from, to, factor) in [
        (atom::SALES, atom::SALES_GROSS, gross_up),
        (atom::MATERIALS, atom::MATERIALS_GROSS, gross_up),
        (atom::RD, atom::RD_SUPER, inputs.rd_super),
    ] {
        let source = atoms.get(from).copied().unwrap_or(Decimal::ZERO);
        let derived = if source.is_zero() {
            Decimal::ZERO
        } else {
            mul(source, factor)?
        };
        if let Some(slot) = atoms.get_mut(to) {
            *slot = derived;
        }
    }
    Ok(())
}

/// The base's share of the tail of one year (see [`Base::tail`]).
#[derive(Debug, Clone, Copy, Default)]
struct TailBase {
    /// Σ_{t ≥ s} −(1 + surcharge rate) × VAT base_t × discount_t at δ = 0.
    npv: Decimal,
    /// EBIT with no VAT credit at δ = 0.
    ebit: Decimal,
    /// −rate × EBIT × discount at δ = 0.
    hinge: Decimal,
    /// (1 + surcharge rate) × discount.
    gross_discount: Decimal,
    /// rate × discount.
    rate_discount: Decimal,
}

/// What every input's model shares: the base lines and the constants of
/// the non-linear steps.
#[derive(Debug, Clone)]
pub(crate) struct Base<'a> {
    inputs: &'a Inputs,
    table: &'a YearTable,
    /// Every year's atoms in the base.
    atoms: Vec<Atoms>,
    lines: Lines,
    /// (1 + discount_rate)^−t.
    discount: Vec<Decimal>,
    /// Σ flow_t × discount_t of the base lines.
    flow_npv: Decimal,
    /// interest + guarantee fee − the interest subsidy when taxable: EBIT −
    /// the CIT base (rule 23).
    ebit_shift: Vec<Decimal>,
    /// city_tax_rate + edu_rate.
    surcharge_rate: Decimal,
    /// The deposit paid in year 1.
    deposit_amount: Decimal,
    /// The last year a probe always runs year by year.
    exact_until: u32,
    /// Entry s − 1: the base's part of years s … N in one step, for s >
    /// `exact_until`.
    tail: Vec<TailBase>,
}

impl<'a> Base<'a> {
    /// The shared part for a scenario and its base year table.
    pub(crate) fn new(inputs: &'a Inputs, table: &'a YearTable) -> Result<Base<'a>, EngineError> {
        let parts = Parts {
            capex_lines: &table.capex_lines,
            depreciation: &table.depreciation,
            operations: &table.operations,
            vat: &table.vat,
            taxes: &table.local_taxes,
            incentives: &table.incentives,
            table,
        };
        let years = table.timeline.len();
        let mut atoms = Vec::with_capacity(years);
        let mut lines = Lines::with_capacity(years);
        lines.fixed_investment = table.fixed_investment;
        lines.equip_base =
            sub(table.capex.equipment_gross, table.capex.equipment_vat).blame("equipment")?;
        for year in table.timeline.years() {
            let mut year_atoms = parts.atoms(year);
            derive(&mut year_atoms, inputs).blame("output_full")?;
            lines.push(&year_atoms).blame("output_full")?;
            atoms.push(year_atoms);
        }
        let step = discount_factor(inputs.discount_rate).blame("discount_rate")?;
        let mut factor = Decimal::ONE;
        let mut discount = Vec::with_capacity(years);
        for _ in table.timeline.years() {
            factor = mul(factor, step).blame("discount_rate")?;
            discount.push(factor);
        }
        let flow_npv = weighted(&lines.flow, &discount).blame("discount_rate")?;
        let mut ebit_shift = Vec::with_capacity(years);
        for year in table.timeline.years() {
            let financing = add(
                at(&table.loan.interest, year),
                at(&table.loan.guarantee_fee, year),
            )
            .blame("loan")?;
            let taxable_interest_subsidy = if inputs.subsidies_taxable {
                at(&table.incentives.interest_subsidy, year)
            } else {
                Decimal::ZERO
            };
            ebit_shift.push(sub(financing, taxable_interest_subsidy).blame("loan")?);
        }
        let mut base = Base {
            inputs,
            table,
            atoms,
            lines,
            discount,
            flow_npv,
            ebit_shift,
            surcharge_rate: add(inputs.city_tax_rate, inputs.edu_rate).blame("city_tax_rate")?,
            deposit_amount: table.deposit.amount,
            exact_until: exact_until(inputs, table),
            tail: Vec::new(),
        };
        base.tail = base.tail_base().blame("output_full")?;
        Ok(base)
    }

    /// The model of one input: its slope from the lines with the input at 0.
    pub(crate) fn model(&self, input: SensitiveInput) -> Result<Model<'_, 'a>, Overflow> {
        let mut moved = self.inputs.clone();
        *input.slot(&mut moved) = Decimal::ZERO;
        let slope = self.slope(&moved)?;
        let flow_npv_slope = weighted(&slope.flow, &self.discount)?;
        let tail = self.tail(&slope)?;
        Ok(Model {
            base: self,
            slope,
            flow_npv_slope,
            tail,
        })
    }

    /// The base lines minus those with `moved` in place of the inputs: d
    /// line / d δ. Capex, operations, VAT, local taxes and incentives are
    /// re-run; the timeline, capacity, loan and deposit, which none of the
    /// moved inputs reaches, are the base table's. Only the atoms that
    /// differ from the base's are summed.
    fn slope(&self, moved: &Inputs) -> Result<Lines, Overflow> {
        let table = self.table;
        let timeline = &table.timeline;
        let stages = Stages::new(moved, timeline, &table.capacity).map_err(|_| Overflow)?;
        let capex = &stages.capex;
        let incentives = IncentiveLines::new(
            moved,
            timeline,
            capex,
            &stages.operations.staff,
            &table.loan.interest,
            table.stressed,
        )?;
        let parts = Parts {
            capex_lines: &stages.capex_lines,
            depreciation: &stages.depreciation,
            operations: &stages.operations,
            vat: &stages.vat,
            taxes: &stages.local_taxes,
            incentives: &incentives,
            table,
        };
        let mut slope = Lines::with_capacity(timeline.len());
        slope.fixed_investment = sub(self.lines.fixed_investment, stages.fixed_investment)?;
        slope.equip_base = sub(
            self.lines.equip_base,
            sub(capex.equipment_gross, capex.equipment_vat)?,
        )?;
        for (year, base_atoms) in timeline.years().zip(&self.atoms) {
            let mut change = parts.atoms(year);
            for (atom, base_atom) in change.iter_mut().zip(base_atoms) {
                *atom = if atom == base_atom {
                    Decimal::ZERO
                } else {
                    sub(*base_atom, *atom)?
                };
            }
            derive(&mut change, self.inputs)?;
            slope.push(&change)?;
        }
        Ok(slope)
    }

    /// The base's part of [`Model::tail`], for each year after
    /// `exact_until`.
    fn tail_base(&self) -> Result<Vec<TailBase>, Overflow> {
        let rate = self.inputs.cit_rate();
        let gross_surcharge = add(Decimal::ONE, self.surcharge_rate)?;
        let mut tails = vec![TailBase::default(); self.table.timeline.len()];
        let mut npv = Decimal::ZERO;
        for year in (self.exact_until.saturating_add(1)..=self.table.timeline.horizon).rev() {
            let vat = at(&self.lines.vat_base, year);
            let discount = at(&self.discount, year);
            let gross_discount = mul(gross_surcharge, discount)?;
            let rate_discount = mul(rate, discount)?;
            npv = sub(npv, mul(vat, gross_discount)?)?;
            let ebit = self.tail_ebit(&self.lines, year, true)?;
            let tail = TailBase {
                npv,
                ebit,
                hinge: -mul(ebit, rate_discount)?,
                gross_discount,
                rate_discount,
            };
            if let Some(slot) = slot_of(&mut tails, year) {
                *slot = tail;
            }
        }
        Ok(tails)
    }

    /// EBIT of `year` when VAT paid is the VAT base (no credit): the CIT
    /// base before losses − surcharges + taxable cash, + financing − taxable
    /// interest subsidy when `shifted` (not for slope lines: the shift does
    /// not move with δ).
    fn tail_ebit(&self, lines: &Lines, year: u32, shifted: bool) -> Result<Decimal, Overflow> {
        let mut ebit = sub(
            at(&lines.margin, year),
            mul(self.surcharge_rate, at(&lines.vat_base, year))?,
        )?;
        if self.inputs.subsidies_taxable {
            ebit = add(ebit, at(&lines.cash, year))?;
        }
        if shifted {
            ebit = add(ebit, at(&self.ebit_shift, year))?;
        }
        Ok(ebit)
    }

    /// For each year s after `exact_until`, the years s … N in one step:
    /// the δ for which none of them leaves VAT credit, given that none is
    /// carried into year s, and their discounted contribution to NPV there.
    /// After the test year, the clawback and the tax reward, actual CIT (and
    /// so the loss pool) no longer reaches the project flow; what is left
    /// of the non-linear steps is the adjusted CIT's floor at 0, a hinge
    /// per year.
    fn tail(&self, slope: &Lines) -> Result<Vec<Tail>, Overflow> {
        let mut tails = vec![Tail::default(); self.table.timeline.len()];
        let mut range = Some((None, None));
        let mut npv_slope = Decimal::ZERO;
        for year in (self.exact_until.saturating_add(1)..=self.table.timeline.horizon).rev() {
            let base = self
                .tail
                .get(
                    usize::try_from(year)
                        .unwrap_or(usize::MAX)
                        .saturating_sub(1),
                )
                .copied()
                .unwrap_or_default();
            let vat_slope = at(&slope.vat_base, year);
            range = range
                .and_then(|range| narrow_range(range, at(&self.lines.vat_base, year), vat_slope));
            if !vat_slope.is_zero() {
                npv_slope = sub(npv_slope, mul(vat_slope, base.gross_discount)?)?;
            }
            let ebit_slope = self.tail_ebit(slope, year, false)?;
            let tail = Tail {
                range,
                npv_slope,
                hinge: Hinge::new(
                    (base.ebit, ebit_slope),
                    base.hinge,
                    -mul(ebit_slope, base.rate_discount)?,
                )?,
            };
            if let Some(slot) = slot_of(&mut tails, year) {
                *slot = tail;
            }
        }
        Ok(tails)
    }
}

/// Entry t − 1 of a line, for year t.
fn slot_of<T>(line: &mut [T], year: u32) -> Option<&mut T> {
    year.checked_sub(1)
        .and_then(|index| usize::try_from(index).ok())
        .and_then(|index| line.get_mut(index))
}

/// The last year a probe always runs year by year: the test year and the
/// clawback's year after it, the equipment subsidy's year, and every year
/// that earns or receives a tax reward.
fn exact_until(inputs: &Inputs, table: &YearTable) -> u32 {
    let timeline = &table.timeline;
    let mut last = timeline.test_year.saturating_add(1);
    let (equip_on, _, _, equip_lag) = inputs.incentives.equip_subsidy;
    if equip_on {
        last = last.max(
            timeline
                .start
                .saturating_add(equip_lag)
                .saturating_add(u32::from(table.stressed)),
        );
    }
    let (reward_on, shares, lag) = &inputs.incentives.tax_reward;
    if *reward_on && !table.stressed {
        let earned = u32::try_from(shares.len()).unwrap_or(u32::MAX);
        last = last.max(timeline.start.saturating_add(earned).saturating_add(*lag));
    }
    last.min(timeline.horizon)
}

/// Σ line_t × weight_t.
fn weighted(line: &[Decimal], weights: &[Decimal]) -> Result<Decimal, Overflow> {
    line.iter()
        .zip(weights)
        .filter(|(value, _)| !value.is_zero())
        .try_fold(Decimal::ZERO, |total, (value, weight)| {
            add(total, mul(*value, *weight)?)
        })
}

/// The years s … N of a probe, when no VAT credit arises among them: the
/// model's part (the base's is [`TailBase`]).
#[derive(Debug, Clone, Copy, Default)]
struct Tail {
    /// The δ range (bounds included, `None` = unbounded) where it holds;
    /// `None` if nowhere.
    range: Option<(Option<Decimal>, Option<Decimal>)>,
    /// The slope in δ of [`TailBase::npv`].
    npv_slope: Decimal,
    /// Year s's −rate × max(0, EBIT_s) × discount_s.
    hinge: Hinge,
}

impl Tail {
    fn holds(&self, delta: Decimal) -> bool {
        match self.range {
            None => false,
            Some((low, high)) => {
                low.is_none_or(|low| delta >= low) && high.is_none_or(|high| delta <= high)
            }
        }
    }
}

/// `value + δ × slope` where `ebit + δ × ebit_slope > 0`, else 0.
#[derive(Debug, Clone, Copy, Default)]
struct Hinge {
    /// Where EBIT is positive.
    positive: Positive,
    value: Decimal,
    slope: Decimal,
}

/// Where an affine EBIT is positive.
#[derive(Debug, Clone, Copy, Default)]
enum Positive {
    /// Nowhere.
    #[default]
    Never,
    /// Everywhere.
    Always,
    /// For δ above this.
    Above(Decimal),
    /// For δ below this.
    Below(Decimal),
}

impl Hinge {
    fn new(
        (ebit, ebit_slope): (Decimal, Decimal),
        value: Decimal,
        slope: Decimal,
    ) -> Result<Hinge, Overflow> {
        let positive = if ebit_slope.is_zero() {
            if ebit > Decimal::ZERO {
                Positive::Always
            } else {
                Positive::Never
            }
        } else {
            let kink = div(-ebit, ebit_slope)?;
            if ebit_slope > Decimal::ZERO {
                Positive::Above(kink)
            } else {
                Positive::Below(kink)
            }
        };
        Ok(Hinge {
            positive,
            value,
            slope,
        })
    }

    fn acts(&self, delta: Decimal) -> bool {
        match self.positive {
            Positive::Never => false,
            Positive::Always => true,
            Positive::Above(kink) => delta > kink,
            Positive::Below(kink) => delta < kink,
        }
    }
}

/// `range` ∩ {δ : constant + δ × change ≥ 0}; `None` if empty or if the
/// bound cannot be computed.
fn narrow_range(
    (low, high): (Option<Decimal>, Option<Decimal>),
    constant: Decimal,
    change: Decimal,
) -> Option<(Option<Decimal>, Option<Decimal>)> {
    if change.is_zero() {
        return (constant >= Decimal::ZERO).then_some((low, high));
    }
    let bound = div(-constant, change).ok()?;
    let (low, high) = if change > Decimal::ZERO {
        (Some(low.map_or(bound, |low| low.max(bound))), high)
    } else {
        (low, Some(high.map_or(bound, |high| high.min(bound))))
    };
    match (low, high) {
        (Some(low), Some(high)) if low > high => None,
        range => Some(range),
    }
}

/// A line's value with the input × (1 + δ): `value + δ × change`.
fn moved(value: Decimal, change: Decimal, delta: Decimal) -> Result<Decimal, Overflow> {
    if change.is_zero() || delta.is_zero() {
        Ok(value)
    } else {
        add(value, mul(delta, change)?)
    }
}

/// The after-tax project NPV of one moved input, as a function of δ.
#[derive(Debug, Clone)]
pub(crate) struct Model<'b, 'a> {
    base: &'b Base<'a>,
    /// The base lines minus the lines with the input at 0: d line / d δ.
    slope: Lines,
    /// Σ slope.flow_t × discount_t.
    flow_npv_slope: Decimal,
    /// Entry s − 1: the model's part of years s … N in one step, for s >
    /// `exact_until`.
    tail: Vec<Tail>,
}

impl Model<'_, '_> {
    /// After-tax project NPV at discount_rate with the input × (1 + δ).
    pub(crate) fn npv(&self, delta: Decimal) -> Result<Decimal, Overflow> {
        let base = self.base;
        let inputs = base.inputs;
        let table = base.table;
        let timeline: &Timeline = &table.timeline;
        let (lines, slope) = (&base.lines, &self.slope);
        let rate = inputs.cit_rate();
        let horizon = timeline.horizon;
        let test_year = timeline.test_year;

        // The equipment subsidy (rule 26): min(rate × base, cap), with its cap.
        let (equip_on, equip_rate, equip_cap, equip_lag) = inputs.incentives.equip_subsidy;
        let equip_year = timeline.start + equip_lag + u32::from(table.stressed);
        let equip_amount = if equip_on {
            mul(
                equip_rate,
                moved(lines.equip_base, slope.equip_base, delta)?,
            )?
            .min(equip_cap)
        } else {
            Decimal::ZERO
        };
        // The tax reward (rule 30), paid `lag` years after it is earned.
        let (reward_on, reward_shares, reward_lag) = &inputs.incentives.tax_reward;
        let rewarding = *reward_on && !table.stressed;
        let mut reward_due = if rewarding {
            timeline.zeros()
        } else {
            Vec::new()
        };

        let mut total = moved(base.flow_npv, self.flow_npv_slope, delta)?;
        let mut losses = LossPool::new(inputs.loss_years);
        let mut credit = Decimal::ZERO;
        let mut cash_so_far = Decimal::ZERO;
        let mut clawback_due = Decimal::ZERO;
        let rows = lines
            .vat_base
            .iter()
            .zip(&slope.vat_base)
            .zip(lines.margin.iter().zip(&slope.margin))
            .zip(lines.cash.iter().zip(&slope.cash))
            .zip(base.ebit_shift.iter().zip(&base.discount));
        for (index, row) in rows.enumerate() {
            let (((vat_base, margin), cash), (ebit_shift, discount)) = row;
            let year = u32::try_from(index + 1).map_err(|_| Overflow)?;
            let net = sub(moved(*vat_base.0, *vat_base.1, delta)?, credit)?;
            let vat_paid = positive(net);
            credit = positive(-net);
            let surcharges = mul(vat_paid, base.surcharge_rate)?;
            let mut extra_cash = reward_due.get(index).copied().unwrap_or(Decimal::ZERO);
            if year == equip_year {
                extra_cash = add(extra_cash, equip_amount)?;
            }
            let cash_year = add(moved(*cash.0, *cash.1, delta)?, extra_cash)?;
            let clawback = if year == test_year + 1 {
                clawback_due
            } else {
                Decimal::ZERO
            };
            let mut taxable = sub(moved(*margin.0, *margin.1, delta)?, surcharges)?;
            if inputs.subsidies_taxable {
                taxable = sub(add(taxable, cash_year)?, clawback)?;
            }
            let cit = losses.year(year, taxable, rate)?.cit;
            let adjusted_cit = mul(rate, positive(add(taxable, *ebit_shift)?))?;
            let mut refund = Decimal::ZERO;
            if year <= test_year {
                cash_so_far = add(cash_so_far, cash_year)?;
            }
            if year == test_year {
                let tax_other = moved(
                    at(&lines.tax_other, year),
                    at(&slope.tax_other, year),
                    delta,
                )?;
                let tax_paid = sum_sparse(&[vat_paid, surcharges, tax_other, cit])?;
                let tax_per_mu = div(tax_paid, table.mu_basis)?;
                let fixed_investment =
                    moved(lines.fixed_investment, slope.fixed_investment, delta)?;
                let intensity = div(fixed_investment, table.mu_basis)?;
                let outcome = deposit::test(
                    inputs,
                    base.deposit_amount,
                    year,
                    horizon,
                    intensity,
                    tax_per_mu,
                    cash_so_far,
                )?;
                refund = outcome.refund;
                clawback_due = outcome.clawback;
            }
            if rewarding && year >= timeline.start {
                let operating = usize::try_from(year - timeline.start).map_err(|_| Overflow)?;
                if let Some(share) = reward_shares.get(operating) {
                    let local = add(
                        mul(inputs.vat_local_share, vat_paid)?,
                        mul(inputs.cit_local_share, cit)?,
                    )?;
                    let lag = usize::try_from(*reward_lag).map_err(|_| Overflow)?;
                    // Paid in year + lag, dropped past N.
                    if let Some(slot) = reward_due.get_mut(index + lag) {
                        *slot = add(*slot, mul(*share, local)?)?;
                    }
                }
            }
            let rest = sum_sparse(&[
                extra_cash,
                refund,
                -vat_paid,
                -surcharges,
                -clawback,
                -adjusted_cit,
            ])?;
            if !rest.is_zero() {
                total = add(total, mul(rest, *discount)?)?;
            }
            // No VAT credit carried forward and none arising later: the rest
            // of NPV is affine in δ but for the adjusted CIT's hinges.
            if year >= base.exact_until && credit.is_zero() {
                let tail = self.tail.get(index + 1).filter(|tail| tail.holds(delta));
                if let (Some(tail), Some(tail_base)) = (tail, base.tail.get(index + 1)) {
                    total = add(total, moved(tail_base.npv, tail.npv_slope, delta)?)?;
                    let (mut value, mut slope) = (Decimal::ZERO, Decimal::ZERO);
                    for later in self.tail.iter().skip(index + 1) {
                        if later.hinge.acts(delta) {
                            value = add(value, later.hinge.value)?;
                            slope = add(slope, later.hinge.slope)?;
                        }
                    }
                    return add(total, moved(value, slope, delta)?);
                }
            }
        }
        Ok(total)
    }
}

#[cfg(test)]
mod tests;
