//! The incentives of MODEL.md §2.8 (rules 24–33): group B (rent holiday,
//! equipment, interest and hiring subsidies, far reward, settlement award)
//! and the restricted group C (tax reward, land rebate), with their timing
//! and the stress switch "incentives not honoured".

use rust_decimal::Decimal;

use crate::arith::{add, mul, positive, sub};
use crate::capex::Capex;
use crate::error::Overflow;
use crate::timeline::{add_at, at, Timeline};
use crate::validate::{Inputs, SiteMode};

/// The eight kinds of the incentive summary (rule 43), in MODEL.md's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncentiveKind {
    /// Rent waived by the holiday (not cash).
    RentRelief,
    /// Equipment subsidy.
    EquipSubsidy,
    /// Interest subsidy (贴息).
    InterestSubsidy,
    /// Hiring subsidy.
    HiringSubsidy,
    /// Plot-ratio reward.
    FarReward,
    /// Settlement award.
    SettlementAward,
    /// Tax reward (group C).
    TaxReward,
    /// Land rebate (group C).
    LandRebate,
}

impl IncentiveKind {
    /// All kinds, in order.
    pub const ALL: [IncentiveKind; 8] = [
        IncentiveKind::RentRelief,
        IncentiveKind::EquipSubsidy,
        IncentiveKind::InterestSubsidy,
        IncentiveKind::HiringSubsidy,
        IncentiveKind::FarReward,
        IncentiveKind::SettlementAward,
        IncentiveKind::TaxReward,
        IncentiveKind::LandRebate,
    ];

    /// The id of §2.8.
    pub fn as_str(self) -> &'static str {
        match self {
            IncentiveKind::RentRelief => "rent_relief",
            IncentiveKind::EquipSubsidy => "equip_subsidy",
            IncentiveKind::InterestSubsidy => "interest_subsidy",
            IncentiveKind::HiringSubsidy => "hiring_subsidy",
            IncentiveKind::FarReward => "far_reward",
            IncentiveKind::SettlementAward => "settlement_award",
            IncentiveKind::TaxReward => "tax_reward",
            IncentiveKind::LandRebate => "land_rebate",
        }
    }
}

/// Cash incentives by year, 万元. The tax reward is filled in year by year
/// by the model (it depends on CIT).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncentiveLines {
    /// Rule 26.
    pub equip_subsidy: Vec<Decimal>,
    /// Rule 27.
    pub interest_subsidy: Vec<Decimal>,
    /// Rule 28.
    pub hiring_subsidy: Vec<Decimal>,
    /// Rule 29.
    pub far_reward: Vec<Decimal>,
    /// Paid in year 1.
    pub settlement_award: Vec<Decimal>,
    /// Rule 30.
    pub tax_reward: Vec<Decimal>,
    /// Rule 31.
    pub land_rebate: Vec<Decimal>,
}

impl IncentiveLines {
    /// The cash incentives that do not depend on CIT. Under `stress`
    /// (rule 32) group C pays nothing and each group B payment falls one
    /// year later, dropped past N.
    pub fn new(
        inputs: &Inputs,
        timeline: &Timeline,
        capex: &Capex,
        staff: &[Decimal],
        interest: &[Decimal],
        stress: bool,
    ) -> Result<IncentiveLines, Overflow> {
        let delay = u32::from(stress);
        let incentives = &inputs.incentives;
        let mut lines = IncentiveLines {
            equip_subsidy: timeline.zeros(),
            interest_subsidy: timeline.zeros(),
            hiring_subsidy: timeline.zeros(),
            far_reward: timeline.zeros(),
            settlement_award: timeline.zeros(),
            tax_reward: timeline.zeros(),
            land_rebate: timeline.zeros(),
        };

        let (equip_on, rate, cap, lag) = incentives.equip_subsidy;
        if equip_on {
            let base = sub(capex.equipment_gross, capex.equipment_vat)?;
            let amount = mul(rate, base)?.min(cap);
            add_at(
                &mut lines.equip_subsidy,
                timeline.start + lag + delay,
                amount,
            )?;
        }

        let (interest_on, share, years) = incentives.interest_subsidy;
        if interest_on {
            for year in 2..=years.saturating_add(1).min(timeline.horizon) {
                let amount = mul(share, at(interest, year))?;
                add_at(&mut lines.interest_subsidy, year + delay, amount)?;
            }
        }

        let (hiring_on, per_person) = incentives.hiring_subsidy;
        if hiring_on {
            let mut previous = Decimal::ZERO;
            for year in timeline.years() {
                let current = at(staff, year);
                let amount = mul(per_person, positive(sub(current, previous)?))?;
                add_at(&mut lines.hiring_subsidy, year + delay, amount)?;
                previous = current;
            }
        }

        let buy_land = inputs.site_mode == SiteMode::BuyLand;
        let (far_on, per_mu, min_far) = incentives.far_reward;
        if far_on && buy_land && inputs.far >= min_far {
            let amount = mul(per_mu, inputs.land_mu)?;
            add_at(&mut lines.far_reward, timeline.build_years + delay, amount)?;
        }

        let (settlement_on, amount) = incentives.settlement_award;
        if settlement_on {
            add_at(&mut lines.settlement_award, 1 + delay, amount)?;
        }

        let (rebate_on, rebate_rate) = incentives.land_rebate;
        if rebate_on && buy_land && !stress {
            add_at(
                &mut lines.land_rebate,
                timeline.build_years,
                mul(rebate_rate, capex.land)?,
            )?;
        }
        Ok(lines)
    }

    /// Books the tax reward earned in year `year` (rule 30): for operating
    /// year k = year − t0 + 1, `shares[k−1] × (vat_local_share × VAT_year +
    /// cit_local_share × CIT_year)`, paid in year + lag, dropped past N; no
    /// reward under stress or when switched off.
    pub fn book_tax_reward(
        &mut self,
        inputs: &Inputs,
        timeline: &Timeline,
        year: u32,
        vat_paid: Decimal,
        cit: Decimal,
        stress: bool,
    ) -> Result<(), Overflow> {
        let (on, shares, lag) = &inputs.incentives.tax_reward;
        if !*on || stress || year < timeline.start {
            return Ok(());
        }
        let operating_index = usize::try_from(year - timeline.start).unwrap_or(usize::MAX);
        let Some(share) = shares.get(operating_index) else {
            return Ok(());
        };
        let local = add(
            mul(inputs.vat_local_share, vat_paid)?,
            mul(inputs.cit_local_share, cit)?,
        )?;
        add_at(&mut self.tax_reward, year + lag, mul(*share, local)?)
    }

    /// Every cash incentive received in year t, interest subsidy included.
    pub fn cash(&self, year: u32) -> Result<Decimal, Overflow> {
        let parts = [
            at(&self.equip_subsidy, year),
            at(&self.interest_subsidy, year),
            at(&self.hiring_subsidy, year),
            at(&self.far_reward, year),
            at(&self.settlement_award, year),
            at(&self.tax_reward, year),
            at(&self.land_rebate, year),
        ];
        crate::arith::sum_sparse(&parts)
    }

    /// The line of one cash kind (`None` for the rent holiday, which is not cash).
    pub fn line(&self, kind: IncentiveKind) -> Option<&[Decimal]> {
        match kind {
            IncentiveKind::RentRelief => None,
            IncentiveKind::EquipSubsidy => Some(&self.equip_subsidy),
            IncentiveKind::InterestSubsidy => Some(&self.interest_subsidy),
            IncentiveKind::HiringSubsidy => Some(&self.hiring_subsidy),
            IncentiveKind::FarReward => Some(&self.far_reward),
            IncentiveKind::SettlementAward => Some(&self.settlement_award),
            IncentiveKind::TaxReward => Some(&self.tax_reward),
            IncentiveKind::LandRebate => Some(&self.land_rebate),
        }
    }
}
