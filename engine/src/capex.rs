//! Capital expenditure (MODEL.md §3 "Capex"): land and its taxes,
//! construction, fit-out and equipment with their VAT, spread over the
//! building years; depreciation, amortisation and the residual value.

use rust_decimal::Decimal;

use crate::arith::{add, div, mul, sub};
use crate::error::Overflow;
use crate::policy;
use crate::timeline::{add_at, Timeline};
use crate::validate::{Inputs, SiteMode};

/// Capex totals, 万元. Fields of the other site mode are 0 (rule 13).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Capex {
    /// L = land_mu × land_price (buy_land), year 1.
    pub land: Decimal,
    /// Deed tax L × deed_tax_rate, year 1.
    pub deed_tax: Decimal,
    /// Land stamp duty L × land_stamp_rate, year 1.
    pub land_stamp: Decimal,
    /// G = land_mu × far × build_cost / 15 (rule 2), incl. VAT.
    pub construction_gross: Decimal,
    /// G × r / (1 + r), r = build_vat_rate.
    pub construction_vat: Decimal,
    /// (G − VAT) × other_build_ratio.
    pub other_build: Decimal,
    /// (G − VAT + other) × contingency_ratio.
    pub contingency: Decimal,
    /// B = G − VAT + other + contingency, the building cost excl. VAT.
    pub building: Decimal,
    /// Fit-out incl. VAT: rent_area × fit_out / 10000 (rent).
    pub fit_out_gross: Decimal,
    /// Fit-out VAT at build_vat_rate.
    pub fit_out_vat: Decimal,
    /// Fit-out excl. VAT (depreciated over 5 years).
    pub fit_out: Decimal,
    /// E, equipment incl. VAT, year tb.
    pub equipment_gross: Decimal,
    /// E × vat_rate / (1 + vat_rate).
    pub equipment_vat: Decimal,
    /// (E − VAT) × install_ratio, no VAT.
    pub installation: Decimal,
    /// Q = E − VAT + installation, the equipment cost excl. VAT.
    pub equipment: Decimal,
}

/// `gross × rate / (1 + rate)`: the VAT inside a VAT-inclusive amount.
pub fn vat_inside(gross: Decimal, rate: Decimal) -> Result<Decimal, Overflow> {
    div(mul(gross, rate)?, add(Decimal::ONE, rate)?)
}

impl Capex {
    /// The capex totals of §3 for the inputs' site mode, 万元.
    pub fn new(inputs: &Inputs) -> Result<Capex, Overflow> {
        let mut capex = Capex::default();
        match inputs.site_mode {
            SiteMode::BuyLand => {
                capex.land = mul(inputs.land_mu, inputs.land_price)?;
                capex.deed_tax = mul(capex.land, inputs.deed_tax_rate)?;
                capex.land_stamp = mul(capex.land, inputs.land_stamp_rate)?;
                let floor_area_cost = mul(mul(inputs.land_mu, inputs.far)?, inputs.build_cost)?;
                capex.construction_gross = div(floor_area_cost, Decimal::from(15))?;
                capex.construction_vat =
                    vat_inside(capex.construction_gross, inputs.build_vat_rate)?;
                let net = sub(capex.construction_gross, capex.construction_vat)?;
                capex.other_build = mul(net, inputs.other_build_ratio)?;
                capex.contingency = mul(add(net, capex.other_build)?, inputs.contingency_ratio)?;
                capex.building = add(add(net, capex.other_build)?, capex.contingency)?;
            }
            SiteMode::Rent => {
                capex.fit_out_gross =
                    div(mul(inputs.rent_area, inputs.fit_out)?, Decimal::from(10000))?;
                capex.fit_out_vat = vat_inside(capex.fit_out_gross, inputs.build_vat_rate)?;
                capex.fit_out = sub(capex.fit_out_gross, capex.fit_out_vat)?;
            }
        }
        capex.equipment_gross = inputs.equipment;
        capex.equipment_vat = vat_inside(inputs.equipment, inputs.vat_rate)?;
        let equipment_net = sub(inputs.equipment, capex.equipment_vat)?;
        capex.installation = mul(equipment_net, inputs.install_ratio)?;
        capex.equipment = add(equipment_net, capex.installation)?;
        Ok(capex)
    }

    /// Fixed investment for 亩均 intensity (rule 45): L + B + fit-out excl.
    /// VAT + Q, 万元 (no deed tax, land stamp or working capital).
    pub fn fixed_investment(&self) -> Result<Decimal, Overflow> {
        add(
            add(add(self.land, self.building)?, self.fit_out)?,
            self.equipment,
        )
    }
}

/// Capex by year, 万元: land items in year 1, building items spread evenly
/// over years 1 … tb, equipment in year tb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapexLines {
    /// Land price paid.
    pub land: Vec<Decimal>,
    /// Deed tax.
    pub deed_tax: Vec<Decimal>,
    /// Land stamp duty.
    pub land_stamp: Vec<Decimal>,
    /// Construction incl. VAT.
    pub construction_gross: Vec<Decimal>,
    /// Construction VAT (creditable input VAT).
    pub construction_vat: Vec<Decimal>,
    /// Other building cost.
    pub other_build: Vec<Decimal>,
    /// Contingency.
    pub contingency: Vec<Decimal>,
    /// Fit-out incl. VAT.
    pub fit_out_gross: Vec<Decimal>,
    /// Fit-out VAT.
    pub fit_out_vat: Vec<Decimal>,
    /// Equipment incl. VAT.
    pub equipment_gross: Vec<Decimal>,
    /// Equipment VAT.
    pub equipment_vat: Vec<Decimal>,
    /// Installation.
    pub installation: Vec<Decimal>,
}

impl CapexLines {
    /// Spreads the totals over the timeline (§3).
    pub fn new(capex: &Capex, timeline: &Timeline) -> Result<CapexLines, Overflow> {
        let tb = timeline.build_years;
        // The yearly shares first: once they are known, no line can fail.
        let share = |amount: Decimal| div(amount, Decimal::from(tb));
        let construction_gross = share(capex.construction_gross)?;
        let construction_vat = share(capex.construction_vat)?;
        let other_build = share(capex.other_build)?;
        let contingency = share(capex.contingency)?;
        let fit_out_gross = share(capex.fit_out_gross)?;
        let fit_out_vat = share(capex.fit_out_vat)?;
        let once = |amount: Decimal, year: u32| timeline.filled(year..=year, amount);
        let spread = |share: Decimal| timeline.filled(1..=tb, share);
        Ok(CapexLines {
            land: once(capex.land, 1),
            deed_tax: once(capex.deed_tax, 1),
            land_stamp: once(capex.land_stamp, 1),
            construction_gross: spread(construction_gross),
            construction_vat: spread(construction_vat),
            other_build: spread(other_build),
            contingency: spread(contingency),
            fit_out_gross: spread(fit_out_gross),
            fit_out_vat: spread(fit_out_vat),
            equipment_gross: once(capex.equipment_gross, tb),
            equipment_vat: once(capex.equipment_vat, tb),
            installation: once(capex.installation, tb),
        })
    }
}

/// Depreciation and amortisation by year, and the residual value at N.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Depreciation {
    /// Straight-line charge of buildings, equipment and fit-out.
    pub depreciation: Vec<Decimal>,
    /// Amortisation of the land-use right (L + deed tax) over 50 years.
    pub amortisation: Vec<Decimal>,
    /// Net book value of all of them at the end of year N.
    pub residual: Decimal,
}

impl Depreciation {
    /// Straight line with a full year's charge from t0 (§3): building B ×
    /// 0.95 / 20 for 20 years, equipment Q × 0.95 / 10 for 10 years, fit-out
    /// / 5 for 5 years; land right (L + deed tax) / 50 from year 1. The
    /// residual is cost less everything charged within N.
    pub fn new(capex: &Capex, timeline: &Timeline) -> Result<Depreciation, Overflow> {
        let kept = sub(Decimal::ONE, policy::RESIDUAL_SHARE)?;
        let assets = [
            (
                capex.building,
                mul(capex.building, kept)?,
                policy::BUILDING_LIFE,
            ),
            (
                capex.equipment,
                mul(capex.equipment, kept)?,
                policy::EQUIPMENT_LIFE,
            ),
            (capex.fit_out, capex.fit_out, policy::FIT_OUT_LIFE),
        ];
        let mut depreciation = timeline.zeros();
        let mut residual = Decimal::ZERO;
        for (cost, depreciable, life) in assets {
            let charge = div(depreciable, Decimal::from(life))?;
            let last = timeline
                .start
                .saturating_add(life - 1)
                .min(timeline.horizon);
            let mut charged = Decimal::ZERO;
            for year in timeline.start..=last {
                add_at(&mut depreciation, year, charge)?;
                charged = add(charged, charge)?;
            }
            residual = add(residual, sub(cost, charged)?)?;
        }
        let land_right = add(capex.land, capex.deed_tax)?;
        let yearly = div(land_right, Decimal::from(policy::LAND_RIGHT_YEARS))?;
        let amortised_years = timeline.horizon.min(policy::LAND_RIGHT_YEARS);
        let amortisation = timeline.filled(1..=amortised_years, yearly);
        let mut amortised = Decimal::ZERO;
        for _ in 0..amortised_years {
            amortised = add(amortised, yearly)?;
        }
        residual = add(residual, sub(land_right, amortised)?)?;
        Ok(Depreciation {
            depreciation,
            amortisation,
            residual,
        })
    }
}
