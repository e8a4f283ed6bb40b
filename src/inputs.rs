//! Every input of MODEL.md §2 as the form shows it: its id (dotted for
//! nested ones, the key of links and of SCENARIO.md), its section, and how
//! it is typed and displayed (unit, percent, list, choice).
//!
//! Labels live in `i18n::inputs`, in one exhaustive match per language.

/// The form's sections, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// Name, cluster, site mode, period and rates.
    Project,
    /// Buying land and building (buy_land).
    Land,
    /// Renting a standard factory (rent).
    Rent,
    /// Equipment and working capital.
    Equipment,
    /// Output, costs and staff.
    Operations,
    /// Tax rates and shares.
    Taxes,
    /// The loan.
    Financing,
    /// Incentives, groups B and C.
    Incentives,
    /// The performance-guarantee deposit and its targets.
    Deposit,
    /// 亩均 display thresholds, sensitivity range, stress switch.
    Analysis,
}

impl Section {
    /// Every section in display order.
    pub const ALL: [Section; 10] = [
        Section::Project,
        Section::Land,
        Section::Rent,
        Section::Equipment,
        Section::Operations,
        Section::Taxes,
        Section::Financing,
        Section::Incentives,
        Section::Deposit,
        Section::Analysis,
    ];

    /// A stable id for anchors and tests.
    pub fn id(self) -> &'static str {
        match self {
            Section::Project => "project",
            Section::Land => "land",
            Section::Rent => "rent",
            Section::Equipment => "equipment",
            Section::Operations => "operations",
            Section::Taxes => "taxes",
            Section::Financing => "financing",
            Section::Incentives => "incentives",
            Section::Deposit => "deposit",
            Section::Analysis => "analysis",
        }
    }
}

/// The unit a number is shown and typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// 万元.
    Wan,
    /// 万元 per year.
    WanPerYear,
    /// 万元 per 亩.
    WanPerMu,
    /// 万元 per person per year.
    WanPerPerson,
    /// 亩.
    Mu,
    /// m².
    SquareMetre,
    /// 元/m².
    YuanPerSquareMetre,
    /// 元/m² per month.
    YuanPerSquareMetreMonth,
    /// 元/m² per year.
    YuanPerSquareMetreYear,
    /// A plain ratio (plot ratio).
    Ratio,
    /// Years.
    Years,
    /// Months.
    Months,
    /// People.
    People,
    /// Land grade 1–15.
    Grade,
    /// Operating year (1-based).
    OperatingYear,
}

impl Unit {
    /// Whether the unit is itself counted in 万元, so that a typed 万 suffix
    /// means "this many 万元" (×1) and 亿 means ×10⁴.
    pub fn is_wan(self) -> bool {
        matches!(
            self,
            Unit::Wan | Unit::WanPerYear | Unit::WanPerMu | Unit::WanPerPerson
        )
    }
}

/// A value of a choice input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opt {
    MagneticElectronics,
    IntelligentEquipment,
    NewEnergy,
    BigData,
    BuildingEconomy,
    OtherCluster,
    BuyLand,
    Rent,
    General,
    HighTech,
    EqualPrincipal,
    Annuity,
    PerMu,
    Fixed,
    Full,
    ProRata,
}

impl Opt {
    /// The value as SCENARIO.md writes it.
    pub fn value(self) -> &'static str {
        match self {
            Opt::MagneticElectronics => "magnetic_electronics",
            Opt::IntelligentEquipment => "intelligent_equipment",
            Opt::NewEnergy => "new_energy",
            Opt::BigData => "big_data",
            Opt::BuildingEconomy => "building_economy",
            Opt::OtherCluster => "other",
            Opt::BuyLand => "buy_land",
            Opt::Rent => "rent",
            Opt::General => "general",
            Opt::HighTech => "high_tech",
            Opt::EqualPrincipal => "equal_principal",
            Opt::Annuity => "annuity",
            Opt::PerMu => "per_mu",
            Opt::Fixed => "fixed",
            Opt::Full => "full",
            Opt::ProRata => "pro_rata",
        }
    }
}

/// The clusters of MODEL.md §6.
pub const CLUSTERS: &[Opt] = &[
    Opt::MagneticElectronics,
    Opt::IntelligentEquipment,
    Opt::NewEnergy,
    Opt::BigData,
    Opt::BuildingEconomy,
    Opt::OtherCluster,
];
const SITE_MODES: &[Opt] = &[Opt::Rent, Opt::BuyLand];
const CIT_REGIMES: &[Opt] = &[Opt::General, Opt::HighTech];
const REPAYMENTS: &[Opt] = &[Opt::EqualPrincipal, Opt::Annuity];
const DEPOSIT_KINDS: &[Opt] = &[Opt::PerMu, Opt::Fixed];
const FORFEIT_RULES: &[Opt] = &[Opt::Full, Opt::ProRata];

/// How an input is typed and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text (the project name).
    Text,
    /// A switch.
    Bool,
    /// One of a few values.
    Choice(&'static [Opt]),
    /// A decimal in a unit.
    Number(Unit),
    /// A whole number in a unit.
    Integer(Unit),
    /// A fraction shown and typed as a percentage.
    Percent,
    /// A list of fractions shown and typed as percentages.
    PercentList,
}

macro_rules! inputs {
    ($($variant:ident = $id:literal, $section:ident, $kind:expr;)*) => {
        /// An input of MODEL.md §2.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Input {
            $(
                #[doc = $id]
                $variant,
            )*
        }

        impl Input {
            /// Every input, in form order.
            pub const ALL: &'static [Input] = &[$(Input::$variant,)*];

            /// The id of MODEL.md / SCENARIO.md (dotted for nested inputs).
            pub fn id(self) -> &'static str {
                match self {
                    $(Input::$variant => $id,)*
                }
            }

            /// The section that shows it.
            pub fn section(self) -> Section {
                match self {
                    $(Input::$variant => Section::$section,)*
                }
            }

            /// How it is typed and shown.
            pub fn kind(self) -> Kind {
                match self {
                    $(Input::$variant => $kind,)*
                }
            }
        }
    };
}

use Kind::{Bool, Choice, Integer, Number, Percent, PercentList, Text};

inputs! {
    Name = "name", Project, Text;
    Cluster = "cluster", Project, Choice(CLUSTERS);
    SiteMode = "site_mode", Project, Choice(SITE_MODES);
    Horizon = "horizon", Project, Integer(Unit::Years);
    BuildMonths = "build_months", Project, Integer(Unit::Months);
    DiscountRate = "discount_rate", Project, Percent;
    EquityRate = "equity_rate", Project, Percent;
    ParkRate = "park_rate", Project, Percent;
    LandMu = "land_mu", Land, Number(Unit::Mu);
    LandPrice = "land_price", Land, Number(Unit::WanPerMu);
    LandGrade = "land_grade", Land, Integer(Unit::Grade);
    PriorityIndustry = "priority_industry", Land, Bool;
    DeedTaxRate = "deed_tax_rate", Land, Percent;
    LandUseTax = "land_use_tax", Land, Number(Unit::YuanPerSquareMetreYear);
    Far = "far", Land, Number(Unit::Ratio);
    BuildCost = "build_cost", Land, Number(Unit::YuanPerSquareMetre);
    OtherBuildRatio = "other_build_ratio", Land, Percent;
    ContingencyRatio = "contingency_ratio", Land, Percent;
    RentArea = "rent_area", Rent, Number(Unit::SquareMetre);
    RentPrice = "rent", Rent, Number(Unit::YuanPerSquareMetreMonth);
    RentVatRate = "rent_vat_rate", Rent, Percent;
    MgmtFee = "mgmt_fee", Rent, Number(Unit::YuanPerSquareMetreMonth);
    RentEscalation = "rent_escalation", Rent, Percent;
    RentDepositMonths = "rent_deposit_months", Rent, Number(Unit::Months);
    FitOut = "fit_out", Rent, Number(Unit::YuanPerSquareMetre);
    RefFar = "ref_far", Rent, Number(Unit::Ratio);
    Equipment = "equipment", Equipment, Number(Unit::Wan);
    InstallRatio = "install_ratio", Equipment, Percent;
    WcRatio = "wc_ratio", Equipment, Percent;
    OutputFull = "output_full", Operations, Number(Unit::WanPerYear);
    Ramp = "ramp", Operations, PercentList;
    Growth = "growth", Operations, Percent;
    MaterialsRatio = "materials_ratio", Operations, Percent;
    OtherRatio = "other_ratio", Operations, Percent;
    RdRatio = "rd_ratio", Operations, Percent;
    RepairRatio = "repair_ratio", Operations, Percent;
    Headcount = "headcount", Operations, Number(Unit::People);
    Wage = "wage", Operations, Number(Unit::WanPerPerson);
    SocialRatio = "social_ratio", Operations, Percent;
    WageGrowth = "wage_growth", Operations, Percent;
    VatRate = "vat_rate", Taxes, Percent;
    BuildVatRate = "build_vat_rate", Taxes, Percent;
    CityTaxRate = "city_tax_rate", Taxes, Percent;
    EduRate = "edu_rate", Taxes, Percent;
    CitRegime = "cit_regime", Taxes, Choice(CIT_REGIMES);
    LossYears = "loss_years", Taxes, Integer(Unit::Years);
    RdSuper = "rd_super", Taxes, Percent;
    PropertyDeduct = "property_deduct", Taxes, Percent;
    PropertyRate = "property_rate", Taxes, Percent;
    StampSalesRate = "stamp_sales_rate", Taxes, Percent;
    LandStampRate = "land_stamp_rate", Taxes, Percent;
    VatLocalShare = "vat_local_share", Taxes, Percent;
    CitLocalShare = "cit_local_share", Taxes, Percent;
    ParkShare = "park_share", Taxes, Percent;
    SubsidiesTaxable = "subsidies_taxable", Taxes, Bool;
    Loan = "loan", Financing, Number(Unit::Wan);
    LoanRate = "loan_rate", Financing, Percent;
    LoanYears = "loan_years", Financing, Integer(Unit::Years);
    GraceYears = "grace_years", Financing, Integer(Unit::Years);
    Repayment = "repayment", Financing, Choice(REPAYMENTS);
    GuaranteeRate = "guarantee_rate", Financing, Percent;
    RentReliefOn = "incentives.rent_relief.on", Incentives, Bool;
    RentReliefShares = "incentives.rent_relief.shares", Incentives, PercentList;
    EquipSubsidyOn = "incentives.equip_subsidy.on", Incentives, Bool;
    EquipSubsidyRate = "incentives.equip_subsidy.rate", Incentives, Percent;
    EquipSubsidyCap = "incentives.equip_subsidy.cap", Incentives, Number(Unit::Wan);
    EquipSubsidyLag = "incentives.equip_subsidy.lag", Incentives, Integer(Unit::Years);
    InterestSubsidyOn = "incentives.interest_subsidy.on", Incentives, Bool;
    InterestSubsidyShare = "incentives.interest_subsidy.share", Incentives, Percent;
    InterestSubsidyYears = "incentives.interest_subsidy.years", Incentives, Integer(Unit::Years);
    HiringSubsidyOn = "incentives.hiring_subsidy.on", Incentives, Bool;
    HiringSubsidyPerPerson = "incentives.hiring_subsidy.per_person", Incentives, Number(Unit::Wan);
    FarRewardOn = "incentives.far_reward.on", Incentives, Bool;
    FarRewardPerMu = "incentives.far_reward.per_mu", Incentives, Number(Unit::WanPerMu);
    FarRewardMinFar = "incentives.far_reward.min_far", Incentives, Number(Unit::Ratio);
    SettlementAwardOn = "incentives.settlement_award.on", Incentives, Bool;
    SettlementAwardAmount = "incentives.settlement_award.amount", Incentives, Number(Unit::Wan);
    TaxRewardOn = "incentives.tax_reward.on", Incentives, Bool;
    TaxRewardShares = "incentives.tax_reward.shares", Incentives, PercentList;
    TaxRewardLag = "incentives.tax_reward.lag", Incentives, Integer(Unit::Years);
    LandRebateOn = "incentives.land_rebate.on", Incentives, Bool;
    LandRebateRate = "incentives.land_rebate.rate", Incentives, Percent;
    DepositKind = "deposit.kind", Deposit, Choice(DEPOSIT_KINDS);
    DepositAmount = "deposit.amount", Deposit, Number(Unit::Wan);
    TestYear = "test_year", Deposit, Integer(Unit::OperatingYear);
    TargetIntensityOn = "targets.intensity.on", Deposit, Bool;
    TargetIntensityMin = "targets.intensity.min", Deposit, Number(Unit::WanPerMu);
    TargetTaxOn = "targets.tax_per_mu.on", Deposit, Bool;
    TargetTaxMin = "targets.tax_per_mu.min", Deposit, Number(Unit::WanPerMu);
    ForfeitRule = "forfeit_rule", Deposit, Choice(FORFEIT_RULES);
    Clawback = "clawback", Deposit, Percent;
    ThresholdIntensity = "mu_thresholds.intensity", Analysis, Number(Unit::WanPerMu);
    ThresholdOutput = "mu_thresholds.output", Analysis, Number(Unit::WanPerMu);
    ThresholdTax = "mu_thresholds.tax", Analysis, Number(Unit::WanPerMu);
    ThresholdFar = "mu_thresholds.far", Analysis, Number(Unit::Ratio);
    SensitivityRange = "sensitivity_range", Analysis, Percent;
    Stress = "stress", Analysis, Bool;
}

/// A set of inputs, one bit per input (in form order).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InputSet(u128);

// One bit per input must fit.
const _: () = assert!(Input::ALL.len() <= 128);

impl InputSet {
    fn bit(input: Input) -> u128 {
        1 << (input as u32)
    }

    /// Whether `input` is in the set.
    pub fn contains(&self, input: &Input) -> bool {
        self.0 & InputSet::bit(*input) != 0
    }

    /// Adds `input`; whether it was not in the set yet.
    pub fn insert(&mut self, input: Input) -> bool {
        let added = !self.contains(&input);
        self.0 |= InputSet::bit(input);
        added
    }

    /// Takes `input` out; whether it was in the set.
    pub fn remove(&mut self, input: &Input) -> bool {
        let removed = self.contains(input);
        self.0 &= !InputSet::bit(*input);
        removed
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The inputs in the set, in form order.
    pub fn iter(&self) -> impl Iterator<Item = Input> + '_ {
        Input::ALL
            .iter()
            .copied()
            .filter(|input| self.contains(input))
    }
}

impl FromIterator<Input> for InputSet {
    fn from_iter<I: IntoIterator<Item = Input>>(inputs: I) -> InputSet {
        let mut set = InputSet::default();
        for input in inputs {
            set.insert(input);
        }
        set
    }
}

impl Input {
    /// The input with this id (dotted; a list entry `ramp[2]` names `ramp`).
    pub fn from_id(id: &str) -> Option<Input> {
        let base = id.split('[').next().unwrap_or(id);
        Input::ALL.iter().copied().find(|input| input.id() == base)
    }

    /// Whether this input is a group C incentive switch (restricted since
    /// 2024-08-01, MODEL.md §2.8).
    pub fn is_group_c(self) -> bool {
        matches!(
            self,
            Input::TaxRewardOn
                | Input::TaxRewardShares
                | Input::TaxRewardLag
                | Input::LandRebateOn
                | Input::LandRebateRate
        )
    }

    /// The area input of the quick form for a site mode.
    pub fn area_for(site_mode: &str) -> Input {
        if site_mode == "buy_land" {
            Input::LandMu
        } else {
            Input::RentArea
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_found_again() {
        for input in Input::ALL {
            assert_eq!(Input::from_id(input.id()), Some(*input));
            let same = Input::ALL
                .iter()
                .filter(|other| other.id() == input.id())
                .count();
            assert_eq!(same, 1, "{} twice", input.id());
        }
        assert_eq!(Input::from_id("ramp[2]"), Some(Input::Ramp));
        assert_eq!(Input::from_id("nope"), None);
    }

    #[test]
    fn input_sets_hold_every_input_in_form_order() {
        let mut set: InputSet = [Input::Stress, Input::Name].into_iter().collect();
        assert!(set.contains(&Input::Name) && set.contains(&Input::Stress));
        assert!(!set.contains(&Input::Wage));
        assert!(!set.insert(Input::Name), "already in");
        assert!(set.insert(Input::Wage));
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            [Input::Name, Input::Wage, Input::Stress]
        );
        assert!(set.remove(&Input::Wage) && !set.remove(&Input::Wage));
        let every: InputSet = Input::ALL.iter().copied().collect();
        assert_eq!(every.iter().collect::<Vec<_>>(), Input::ALL);
        assert!(InputSet::default().is_empty() && !every.is_empty());
    }

    #[test]
    fn every_input_has_a_policy_default() {
        // The form shows a default for every field: the policy set must know them all.
        for input in Input::ALL {
            let id = input.id();
            let known = engine::policy::DEFAULTS
                .iter()
                .any(|entry| entry.id == id || entry.id.split('@').next() == Some(id));
            assert!(known, "no default for {id}");
        }
    }
}
