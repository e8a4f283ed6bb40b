//! Taxes of MODEL.md §3: VAT with the input credit carried forward,
//! surcharges, stamp duties, land-use and property tax, and CIT with loss
//! carry-forward (rules 16–21) and the project view's adjusted CIT (rule 23).

use rust_decimal::Decimal;

use crate::arith::{add, div, mul, positive, scale, sub};
use crate::capex::{Capex, CapexLines};
use crate::error::Overflow;
use crate::operations::Operations;
use crate::timeline::{add_at, Timeline};
use crate::validate::{Inputs, SiteMode};

/// VAT by year, 万元.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatLines {
    /// vat_rate × S_t.
    pub output: Vec<Decimal>,
    /// vat_rate × M_t + rent VAT + capex VAT of year t.
    pub input: Vec<Decimal>,
    /// VAT_t = max(0, output − input − credit_{t−1}).
    pub paid: Vec<Decimal>,
    /// Credit carried forward at the end of year t (lost at N, rule 21).
    pub credit: Vec<Decimal>,
}

impl VatLines {
    /// VAT with an unlimited credit carried forward (§3, rule 21).
    pub fn new(
        inputs: &Inputs,
        operations: &Operations,
        capex: &CapexLines,
    ) -> Result<VatLines, Overflow> {
        let years = operations.sales.len();
        let mut lines = VatLines {
            output: Vec::with_capacity(years),
            input: Vec::with_capacity(years),
            paid: Vec::with_capacity(years),
            credit: Vec::with_capacity(years),
        };
        let mut credit = Decimal::ZERO;
        for index in 0..years {
            let value = |line: &[Decimal]| line.get(index).copied().unwrap_or(Decimal::ZERO);
            let output = mul(inputs.vat_rate, value(&operations.sales))?;
            let capex_vat = add(
                add(value(&capex.construction_vat), value(&capex.fit_out_vat))?,
                value(&capex.equipment_vat),
            )?;
            let input = add(
                add(
                    mul(inputs.vat_rate, value(&operations.materials))?,
                    value(&operations.rent_vat),
                )?,
                capex_vat,
            )?;
            let net = sub(sub(output, input)?, credit)?;
            let paid = positive(net);
            credit = positive(-net);
            lines.output.push(output);
            lines.input.push(input);
            lines.paid.push(paid);
            lines.credit.push(credit);
        }
        Ok(lines)
    }
}

/// Surcharges, stamp duties and the property taxes by year, 万元.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalTaxes {
    /// VAT_t × (city_tax_rate + edu_rate).
    pub surcharges: Vec<Decimal>,
    /// stamp_sales_rate × S_t.
    pub stamp_sales: Vec<Decimal>,
    /// Stamp on sales + land stamp in year 1 (rule 16), expensed.
    pub stamp: Vec<Decimal>,
    /// land_mu × land_use_tax / 15 for t = 1 … N (buy_land; rule 2).
    pub land_use_tax: Vec<Decimal>,
    /// (B + L + deed tax) × (1 − property_deduct) × property_rate for
    /// t = tb+1 … N (buy_land; rule 17).
    pub property_tax: Vec<Decimal>,
}

impl LocalTaxes {
    /// The local taxes of §3 (rules 1, 2, 16, 17).
    pub fn new(
        inputs: &Inputs,
        timeline: &Timeline,
        operations: &Operations,
        vat: &VatLines,
        capex: &Capex,
    ) -> Result<LocalTaxes, Overflow> {
        let surcharge_rate = add(inputs.city_tax_rate, inputs.edu_rate)?;
        let surcharges = scale(&vat.paid, surcharge_rate)?;
        let stamp_sales = scale(&operations.sales, inputs.stamp_sales_rate)?;
        let mut stamp = stamp_sales.clone();
        add_at(&mut stamp, 1, capex.land_stamp)?;
        let (land_use_tax, property_tax) = if inputs.site_mode == SiteMode::BuyLand {
            let yearly_land_use =
                div(mul(inputs.land_mu, inputs.land_use_tax)?, Decimal::from(15))?;
            let base = add(add(capex.building, capex.land)?, capex.deed_tax)?;
            let taxed = mul(base, sub(Decimal::ONE, inputs.property_deduct)?)?;
            let yearly_property = mul(taxed, inputs.property_rate)?;
            (
                timeline.filled(timeline.years(), yearly_land_use),
                timeline.filled(timeline.build_years + 1..=timeline.horizon, yearly_property),
            )
        } else {
            (timeline.zeros(), timeline.zeros())
        };
        Ok(LocalTaxes {
            surcharges,
            stamp_sales,
            stamp,
            land_use_tax,
            property_tax,
        })
    }
}

/// Tax losses carried forward (rule 20): a loss of year s offsets taxable
/// income of years s+1 … s+loss_years, oldest first.
#[derive(Debug, Clone, Default)]
pub struct LossPool {
    years: u32,
    /// Open losses by the year they arose, oldest first.
    open: Vec<(u32, Decimal)>,
}

/// One year's CIT outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CitYear {
    /// Losses of earlier years used this year.
    pub loss_used: Decimal,
    /// Taxable income after losses (negative when a loss arises).
    pub taxable_after_losses: Decimal,
    /// CIT = rate × max(0, taxable after losses).
    pub cit: Decimal,
}

impl LossPool {
    /// An empty pool whose losses live `loss_years` years.
    pub fn new(loss_years: u32) -> LossPool {
        LossPool {
            years: loss_years,
            open: Vec::new(),
        }
    }

    /// Books year t's taxable income and returns its CIT at `rate`.
    pub fn year(
        &mut self,
        year: u32,
        taxable: Decimal,
        rate: Decimal,
    ) -> Result<CitYear, Overflow> {
        let horizon_of = |loss_year: u32| loss_year.saturating_add(self.years);
        self.open
            .retain(|(loss_year, _)| horizon_of(*loss_year) >= year);
        if taxable < Decimal::ZERO {
            if self.years > 0 {
                self.open.push((year, -taxable));
            }
            return Ok(CitYear {
                loss_used: Decimal::ZERO,
                taxable_after_losses: taxable,
                cit: Decimal::ZERO,
            });
        }
        let mut remaining = taxable;
        let mut used = Decimal::ZERO;
        for (_, loss) in self.open.iter_mut() {
            if remaining.is_zero() {
                break;
            }
            let take = (*loss).min(remaining);
            *loss = sub(*loss, take)?;
            remaining = sub(remaining, take)?;
            used = add(used, take)?;
        }
        self.open.retain(|(_, loss)| !loss.is_zero());
        Ok(CitYear {
            loss_used: used,
            taxable_after_losses: remaining,
            cit: mul(rate, remaining)?,
        })
    }
}
