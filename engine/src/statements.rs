//! The year model: every yearly line of MODEL.md §3 and the three cash-flow
//! statements of §4 — project before tax, project after tax (with the
//! adjusted CIT) and equity.
//!
//! [`YearTable::new`] is the hot path: sensitivity runs it dozens of times
//! per evaluation, so it works on `Vec<Decimal>` lines and nothing else.

use rust_decimal::Decimal;

use crate::arith::{add, mul, positive, scale, sub, sub_all, sum_sparse as sum};
use crate::capex::{Capex, CapexLines, Depreciation};
use crate::deposit::{self, DepositResult};
use crate::error::{Blame, EngineError, Overflow};
use crate::incentives::IncentiveLines;
use crate::loan::LoanSchedule;
use crate::metrics::mu_basis;
use crate::operations::Operations;
use crate::tax::{LocalTaxes, LossPool, VatLines};
use crate::timeline::{self, add_at, at, sub_at, sum_at, Timeline};
use crate::validate::Inputs;

/// Every yearly line of one evaluation, 万元 unless named otherwise; each
/// `Vec` has N entries, entry 0 = year 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearTable {
    /// The timeline the lines follow.
    pub timeline: Timeline,
    /// Capex totals.
    pub capex: Capex,
    /// Fixed investment (rule 45).
    pub fixed_investment: Decimal,
    /// Land basis 亩 (§5, rule 63).
    pub mu_basis: Decimal,
    /// Whether the group C / delayed group B stress applies (rule 32).
    pub stressed: bool,
    /// Capacity u_t (fraction).
    pub capacity: Vec<Decimal>,
    /// Capex by year.
    pub capex_lines: CapexLines,
    /// Operations by year.
    pub operations: Operations,
    /// Depreciation, amortisation, residual.
    pub depreciation: Depreciation,
    /// Residual value, year N.
    pub residual_value: Vec<Decimal>,
    /// VAT lines.
    pub vat: VatLines,
    /// Surcharges, stamp, land-use and property tax.
    pub local_taxes: LocalTaxes,
    /// The loan.
    pub loan: LoanSchedule,
    /// Cash incentives by kind.
    pub incentives: IncentiveLines,
    /// Every cash incentive, interest subsidy included.
    pub incentives_cash: Vec<Decimal>,
    /// Subsidies in the CIT base (rule 19).
    pub taxable_subsidies: Vec<Decimal>,
    /// Deposit paid (year 1).
    pub deposit_paid: Vec<Decimal>,
    /// Deposit refunded (test year).
    pub deposit_refund: Vec<Decimal>,
    /// Deposit forfeited (test year).
    pub deposit_forfeited: Vec<Decimal>,
    /// Clawback paid (test year + 1).
    pub clawback: Vec<Decimal>,
    /// The deposit's test.
    pub deposit: DepositResult,
    /// The CIT base before losses (§3).
    pub taxable_income: Vec<Decimal>,
    /// Losses used.
    pub loss_used: Vec<Decimal>,
    /// CIT base after losses.
    pub taxable_after_losses: Vec<Decimal>,
    /// CIT.
    pub cit: Vec<Decimal>,
    /// Adjusted taxable income, the EBIT of rule 23.
    pub ebit: Vec<Decimal>,
    /// Adjusted CIT = rate × max(0, EBIT).
    pub adjusted_cit: Vec<Decimal>,
    /// EBITDA of rule 42.
    pub ebitda: Vec<Decimal>,
    /// Inflows CI (§4).
    pub cash_in: Vec<Decimal>,
    /// Outflows CO (§4).
    pub cash_out: Vec<Decimal>,
    /// NCF⁰ = CI − CO.
    pub ncf_project_before_tax: Vec<Decimal>,
    /// NCF = NCF⁰ − adjusted CIT.
    pub ncf_project_after_tax: Vec<Decimal>,
    /// NCFᵉ = NCF⁰ − CIT + loan − principal − interest − guarantee + interest subsidy.
    pub ncf_equity: Vec<Decimal>,
    /// Park's local retained revenue (rule 44).
    pub park_local_retained: Vec<Decimal>,
    /// Incentives the park pays: cash + rent waived (rule 44).
    pub park_incentives_paid: Vec<Decimal>,
    /// Park net = retained + forfeited + clawback − incentives paid.
    pub park_net: Vec<Decimal>,
    /// Tax per 亩 by year (§5), 万元/亩.
    pub tax_per_mu: Vec<Decimal>,
}

impl YearTable {
    /// Runs the year model of §3–§4 for t = 1 … N; `stress` applies
    /// "incentives not honoured" (rule 32).
    pub fn new(inputs: &Inputs, stress: bool) -> Result<YearTable, EngineError> {
        let timeline = Timeline::new(inputs)?;
        let capacity = timeline::capacity(inputs, &timeline).blame("growth")?;
        let mu_basis = mu_basis(inputs).blame("rent_area")?;
        let Stages {
            capex,
            fixed_investment,
            capex_lines,
            depreciation,
            operations,
            vat,
            local_taxes,
        } = Stages::new(inputs, &timeline, &capacity)?;
        let loan = LoanSchedule::new(inputs, &timeline).blame("loan")?;
        let incentives = IncentiveLines::new(
            inputs,
            &timeline,
            &capex,
            &operations.staff,
            &loan.interest,
            stress,
        )
        .blame("incentives")?;
        let deposit_amount = deposit::deposit_amount(inputs, mu_basis).blame("deposit.amount")?;
        let intensity = crate::arith::div(fixed_investment, mu_basis).blame("equipment")?;

        // Lines that a payment can reach ahead of its year start as zeros;
        // the others are pushed year by year, in order, by `tax_years` and
        // `cash_flows`.
        let years = timeline.len();
        let mut table = YearTable {
            timeline,
            capex,
            fixed_investment,
            mu_basis,
            stressed: stress,
            residual_value: timeline.zeros(),
            incentives_cash: Vec::with_capacity(years),
            taxable_subsidies: Vec::with_capacity(years),
            deposit_paid: timeline.zeros(),
            deposit_refund: timeline.zeros(),
            deposit_forfeited: timeline.zeros(),
            clawback: timeline.zeros(),
            deposit: deposit::test(
                inputs,
                deposit_amount,
                timeline.test_year,
                0,
                intensity,
                Decimal::ZERO,
                Decimal::ZERO,
            )
            .blame("deposit.amount")?,
            taxable_income: Vec::with_capacity(years),
            loss_used: Vec::with_capacity(years),
            taxable_after_losses: Vec::with_capacity(years),
            cit: Vec::with_capacity(years),
            ebit: Vec::with_capacity(years),
            adjusted_cit: Vec::with_capacity(years),
            ebitda: Vec::with_capacity(years),
            cash_in: Vec::with_capacity(years),
            cash_out: Vec::with_capacity(years),
            ncf_project_before_tax: Vec::with_capacity(years),
            ncf_project_after_tax: Vec::with_capacity(years),
            ncf_equity: Vec::with_capacity(years),
            park_local_retained: Vec::with_capacity(years),
            park_incentives_paid: Vec::with_capacity(years),
            park_net: Vec::with_capacity(years),
            tax_per_mu: Vec::with_capacity(years),
            capacity,
            capex_lines,
            operations,
            depreciation,
            vat,
            local_taxes,
            loan,
            incentives,
        };
        add_at(
            &mut table.residual_value,
            timeline.horizon,
            table.depreciation.residual,
        )
        .blame("equipment")?;
        add_at(&mut table.deposit_paid, 1, deposit_amount).blame("deposit.amount")?;
        table
            .tax_years(inputs, intensity, stress)
            .blame("output_full")?;
        table.cash_flows(inputs).blame("output_full")?;
        Ok(table)
    }

    /// The sequential part (rules 19, 20, 23, 30, 35–37): year by year, CIT
    /// with losses, the tax reward it earns, the deposit test and the clawback.
    fn tax_years(
        &mut self,
        inputs: &Inputs,
        intensity: Decimal,
        stress: bool,
    ) -> Result<(), Overflow> {
        let rate = inputs.cit_rate();
        let mut losses = LossPool::new(inputs.loss_years);
        let mut cash_so_far = Decimal::ZERO;
        let test_year = self.timeline.test_year;
        let operations = &self.operations;
        let taxes = &self.local_taxes;
        let operating_costs: [&[Decimal]; 11] = [
            &operations.materials,
            &operations.other_cost,
            &operations.rd,
            &operations.repair,
            &operations.wages,
            &operations.rent_net,
            &operations.mgmt_fee,
            &taxes.surcharges,
            &taxes.stamp,
            &taxes.land_use_tax,
            &taxes.property_tax,
        ];
        for year in self.timeline.years() {
            let sales = at(&operations.sales, year);
            let rd = at(&operations.rd, year);
            let cash = self.incentives.cash(year)?;
            cash_so_far = add(cash_so_far, cash)?;
            let interest_subsidy = at(&self.incentives.interest_subsidy, year);
            let clawback = at(&self.clawback, year);
            let (taxable_subsidies, deductible_clawback, taxable_interest_subsidy) =
                if inputs.subsidies_taxable {
                    (cash, clawback, interest_subsidy)
                } else {
                    (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO)
                };
            let operating_margin = sub_at(sales, &operating_costs, year)?;
            let charges = [
                at(&self.depreciation.depreciation, year),
                at(&self.depreciation.amortisation, year),
                mul(inputs.rd_super, rd)?,
            ];
            let before_financing = sub_all(operating_margin, &charges)?;
            let financing = add(
                at(&self.loan.interest, year),
                at(&self.loan.guarantee_fee, year),
            )?;
            let taxable = sub(
                add(sub(before_financing, financing)?, taxable_subsidies)?,
                deductible_clawback,
            )?;
            let ebit = sub(
                add(
                    before_financing,
                    sub(taxable_subsidies, taxable_interest_subsidy)?,
                )?,
                deductible_clawback,
            )?;
            let cit_year = losses.year(year, taxable, rate)?;
            let ebitda = sub(
                add(operating_margin, sub(cash, interest_subsidy)?)?,
                clawback,
            )?;

            let tax_paid = sum(&[
                at(&self.vat.paid, year),
                at(&taxes.surcharges, year),
                at(&taxes.stamp, year),
                cit_year.cit,
                at(&taxes.land_use_tax, year),
                at(&taxes.property_tax, year),
            ])?;
            let tax_per_mu = crate::arith::div(tax_paid, self.mu_basis)?;
            self.incentives_cash.push(cash);
            self.taxable_subsidies.push(taxable_subsidies);
            self.taxable_income.push(taxable);
            self.loss_used.push(cit_year.loss_used);
            self.taxable_after_losses
                .push(cit_year.taxable_after_losses);
            self.cit.push(cit_year.cit);
            self.ebit.push(ebit);
            self.adjusted_cit.push(mul(rate, positive(ebit))?);
            self.ebitda.push(ebitda);
            self.tax_per_mu.push(tax_per_mu);

            if year == test_year {
                let amount = self.deposit.amount;
                self.deposit = deposit::test(
                    inputs,
                    amount,
                    year,
                    self.timeline.horizon,
                    intensity,
                    tax_per_mu,
                    cash_so_far,
                )?;
                add_at(&mut self.deposit_refund, year, self.deposit.refund)?;
                add_at(&mut self.deposit_forfeited, year, self.deposit.forfeited)?;
                add_at(&mut self.clawback, year + 1, self.deposit.clawback)?;
            }
            let vat_paid = at(&self.vat.paid, year);
            self.incentives.book_tax_reward(
                inputs,
                &self.timeline,
                year,
                vat_paid,
                cit_year.cit,
                stress,
            )?;
        }
        Ok(())
    }

    /// The statements of §4 and the park ledger of rule 44.
    fn cash_flows(&mut self, inputs: &Inputs) -> Result<(), Overflow> {
        let gross_up = add(Decimal::ONE, inputs.vat_rate)?;
        let operations = &self.operations;
        let capex = &self.capex_lines;
        let taxes = &self.local_taxes;
        let materials_gross = scale(&operations.materials, gross_up)?;
        let outflows: [&[Decimal]; 25] = [
            &capex.land,
            &capex.deed_tax,
            &capex.land_stamp,
            &capex.construction_gross,
            &capex.other_build,
            &capex.contingency,
            &capex.fit_out_gross,
            &capex.equipment_gross,
            &capex.installation,
            &operations.working_capital_change,
            &materials_gross,
            &operations.other_cost,
            &operations.rd,
            &operations.repair,
            &operations.wages,
            &operations.rent_gross,
            &operations.mgmt_fee,
            &operations.rent_deposit_paid,
            &self.vat.paid,
            &taxes.surcharges,
            &taxes.stamp_sales,
            &taxes.land_use_tax,
            &taxes.property_tax,
            &self.deposit_paid,
            &self.clawback,
        ];
        let local_vat = scale(&self.vat.paid, inputs.vat_local_share)?;
        let local_cit = scale(&self.cit, inputs.cit_local_share)?;
        let local_revenue: [&[Decimal]; 7] = [
            &local_vat,
            &local_cit,
            &taxes.surcharges,
            &taxes.stamp,
            &taxes.land_use_tax,
            &taxes.property_tax,
            &capex.deed_tax,
        ];
        for year in self.timeline.years() {
            let cash = at(&self.incentives_cash, year);
            let interest_subsidy = at(&self.incentives.interest_subsidy, year);
            let cash_in = sum(&[
                mul(at(&operations.sales, year), gross_up)?,
                sub(cash, interest_subsidy)?,
                at(&self.deposit_refund, year),
                at(&operations.rent_deposit_return, year),
                at(&self.residual_value, year),
                at(&operations.working_capital_recovery, year),
            ])?;
            let cash_out = sum_at(&outflows, year)?;
            let before_tax = sub(cash_in, cash_out)?;
            let after_tax = sub(before_tax, at(&self.adjusted_cit, year))?;
            let loan = &self.loan;
            let equity = sum(&[
                sub(before_tax, at(&self.cit, year))?,
                at(&loan.draw, year),
                -at(&loan.principal, year),
                -at(&loan.interest, year),
                -at(&loan.guarantee_fee, year),
                interest_subsidy,
            ])?;
            let retained = mul(sum_at(&local_revenue, year)?, inputs.park_share)?;
            let paid = add(cash, at(&operations.rent_waived, year))?;
            let park_net = sub(
                add(
                    add(retained, at(&self.deposit_forfeited, year))?,
                    at(&self.clawback, year),
                )?,
                paid,
            )?;
            self.cash_in.push(cash_in);
            self.cash_out.push(cash_out);
            self.ncf_project_before_tax.push(before_tax);
            self.ncf_project_after_tax.push(after_tax);
            self.ncf_equity.push(equity);
            self.park_local_retained.push(retained);
            self.park_incentives_paid.push(paid);
            self.park_net.push(park_net);
        }
        Ok(())
    }

    /// Every yearly line with its name, in table order: what the results
    /// JSON's `annual` holds and what the UI's year table shows.
    pub fn lines(&self) -> Vec<(&'static str, &[Decimal])> {
        let operations = &self.operations;
        let capex = &self.capex_lines;
        let taxes = &self.local_taxes;
        let incentives = &self.incentives;
        vec![
            ("capacity", &self.capacity),
            ("sales", &operations.sales),
            ("staff", &operations.staff),
            ("land", &capex.land),
            ("deed_tax", &capex.deed_tax),
            ("land_stamp", &capex.land_stamp),
            ("construction_gross", &capex.construction_gross),
            ("construction_vat", &capex.construction_vat),
            ("other_build", &capex.other_build),
            ("contingency", &capex.contingency),
            ("fit_out_gross", &capex.fit_out_gross),
            ("fit_out_vat", &capex.fit_out_vat),
            ("equipment_gross", &capex.equipment_gross),
            ("equipment_vat", &capex.equipment_vat),
            ("installation", &capex.installation),
            ("working_capital", &operations.working_capital),
            ("working_capital_change", &operations.working_capital_change),
            (
                "working_capital_recovery",
                &operations.working_capital_recovery,
            ),
            ("materials", &operations.materials),
            ("other_cost", &operations.other_cost),
            ("rd", &operations.rd),
            ("repair", &operations.repair),
            ("wages", &operations.wages),
            ("rent_gross", &operations.rent_gross),
            ("rent_vat", &operations.rent_vat),
            ("rent_net", &operations.rent_net),
            ("rent_waived", &operations.rent_waived),
            ("mgmt_fee", &operations.mgmt_fee),
            ("rent_deposit_paid", &operations.rent_deposit_paid),
            ("rent_deposit_return", &operations.rent_deposit_return),
            ("output_vat", &self.vat.output),
            ("input_vat", &self.vat.input),
            ("vat_paid", &self.vat.paid),
            ("vat_credit", &self.vat.credit),
            ("surcharges", &taxes.surcharges),
            ("stamp_sales", &taxes.stamp_sales),
            ("stamp", &taxes.stamp),
            ("land_use_tax", &taxes.land_use_tax),
            ("property_tax", &taxes.property_tax),
            ("depreciation", &self.depreciation.depreciation),
            ("amortisation", &self.depreciation.amortisation),
            ("residual_value", &self.residual_value),
            ("loan_draw", &self.loan.draw),
            ("interest", &self.loan.interest),
            ("principal", &self.loan.principal),
            ("guarantee_fee", &self.loan.guarantee_fee),
            ("loan_balance", &self.loan.balance),
            ("equip_subsidy", &incentives.equip_subsidy),
            ("interest_subsidy", &incentives.interest_subsidy),
            ("hiring_subsidy", &incentives.hiring_subsidy),
            ("far_reward", &incentives.far_reward),
            ("settlement_award", &incentives.settlement_award),
            ("tax_reward", &incentives.tax_reward),
            ("land_rebate", &incentives.land_rebate),
            ("incentives_cash", &self.incentives_cash),
            ("taxable_subsidies", &self.taxable_subsidies),
            ("deposit_paid", &self.deposit_paid),
            ("deposit_refund", &self.deposit_refund),
            ("deposit_forfeited", &self.deposit_forfeited),
            ("clawback", &self.clawback),
            ("taxable_income", &self.taxable_income),
            ("loss_used", &self.loss_used),
            ("taxable_after_losses", &self.taxable_after_losses),
            ("cit", &self.cit),
            ("ebit", &self.ebit),
            ("adjusted_cit", &self.adjusted_cit),
            ("ebitda", &self.ebitda),
            ("tax_per_mu", &self.tax_per_mu),
            ("cash_in", &self.cash_in),
            ("cash_out", &self.cash_out),
            ("ncf_project_before_tax", &self.ncf_project_before_tax),
            ("ncf_project_after_tax", &self.ncf_project_after_tax),
            ("ncf_equity", &self.ncf_equity),
            ("park_local_retained", &self.park_local_retained),
            ("park_incentives_paid", &self.park_incentives_paid),
            ("park_net", &self.park_net),
        ]
        .into_iter()
        .map(|(name, line)| (name, line.as_slice()))
        .collect()
    }
}

/// The lines between the timeline and the loan: capex, depreciation,
/// operations, VAT and local taxes. The year table builds them once; the
/// affine model of [`crate::affine`] builds them again for each input it
/// moves, with that input at 0.
pub(crate) struct Stages {
    pub capex: Capex,
    pub fixed_investment: Decimal,
    pub capex_lines: CapexLines,
    pub depreciation: Depreciation,
    pub operations: Operations,
    pub vat: VatLines,
    pub local_taxes: LocalTaxes,
}

impl Stages {
    /// Runs capex, depreciation, operations, VAT and local taxes in that
    /// order; an overflow names the input that drives the stage.
    #[inline(never)]
    pub(crate) fn new(
        inputs: &Inputs,
        timeline: &Timeline,
        capacity: &[Decimal],
    ) -> Result<Stages, EngineError> {
        let capex = Capex::new(inputs).blame(capex_driver(inputs))?;
        let fixed_investment = capex.fixed_investment().blame(capex_driver(inputs))?;
        let capex_lines = CapexLines::new(&capex, timeline).blame(capex_driver(inputs))?;
        let depreciation = Depreciation::new(&capex, timeline).blame(capex_driver(inputs))?;
        let operations = Operations::new(inputs, timeline, capacity, &capex)?;
        let vat = VatLines::new(inputs, &operations, &capex_lines).blame("output_full")?;
        let local_taxes =
            LocalTaxes::new(inputs, timeline, &operations, &vat, &capex).blame("output_full")?;
        Ok(Stages {
            capex,
            fixed_investment,
            capex_lines,
            depreciation,
            operations,
            vat,
            local_taxes,
        })
    }
}

/// The input that dominates capex, for overflow messages.
fn capex_driver(inputs: &Inputs) -> &'static str {
    match inputs.site_mode {
        crate::validate::SiteMode::BuyLand => "build_cost",
        crate::validate::SiteMode::Rent => "equipment",
    }
}
