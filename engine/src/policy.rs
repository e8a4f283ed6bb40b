//! The policy set `yz-2026.1`: every default of MODEL.md §2 with its source
//! tag and unit, the cluster presets of §6, the floor-price table of §2.2 and
//! the statutory constants of §3 (depreciation lives, CIT rates).
//!
//! This is the one table of defaults: validation resolves missing inputs from
//! it, and the UI reads it to show each default with its tag and unit. Values
//! are decimal text, so nothing passes through binary floating point.

use rust_decimal::Decimal;

/// The id of this policy set; saved scenarios and links record it (§8).
pub const POLICY_SET_ID: &str = "yz-2026.1";

/// Where a default comes from (MODEL.md, introduction).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// A national rule or statute.
    S,
    /// A published secondary source.
    S2,
    /// The park's own published figures.
    P,
    /// A plausible default the user is expected to edit.
    G,
}

impl Tag {
    /// The tag as MODEL.md writes it: `S`, `S2`, `P` or `G`.
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::S => "S",
            Tag::S2 => "S2",
            Tag::P => "P",
            Tag::G => "G",
        }
    }
}

/// One default: the input id (dotted for nested inputs; `id@variant` when the
/// default depends on the site mode, the CIT regime or the deposit kind), its
/// value as text, its unit, and its source tag (`None` for plain examples).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyEntry {
    /// Input id, e.g. `incentives.equip_subsidy.rate` or `build_months@rent`.
    pub id: &'static str,
    /// The default as text: a decimal, `true`/`false`, an enum value, or a
    /// comma-separated list of decimals.
    pub value: &'static str,
    /// The unit shown beside the field.
    pub unit: &'static str,
    /// The source tag.
    pub tag: Option<Tag>,
}

const fn entry(
    id: &'static str,
    value: &'static str,
    unit: &'static str,
    tag: Option<Tag>,
) -> PolicyEntry {
    PolicyEntry {
        id,
        value,
        unit,
        tag,
    }
}

const S: Option<Tag> = Some(Tag::S);
const S2: Option<Tag> = Some(Tag::S2);
const G: Option<Tag> = Some(Tag::G);
const NONE: Option<Tag> = None;

/// Every default of MODEL.md §2 (policy set `yz-2026.1`).
pub const DEFAULTS: &[PolicyEntry] = &[
    entry("name", "新建项目", "text", NONE),
    entry("cluster", "magnetic_electronics", "enum", NONE),
    entry("site_mode", "rent", "enum", NONE),
    entry("horizon", "15", "years", NONE),
    entry("build_months@buy_land", "12", "months", NONE),
    entry("build_months@rent", "3", "months", NONE),
    entry("discount_rate", "0.12", "fraction", S2),
    entry("equity_rate", "0.12", "fraction", G),
    entry("park_rate", "0.06", "fraction", G),
    entry("land_mu", "50", "亩", NONE),
    entry("land_price", "12", "万元/亩", G),
    entry("land_grade", "11", "grade 1–15", G),
    entry("priority_industry", "false", "bool", NONE),
    entry("deed_tax_rate", "0.03", "fraction", S),
    entry("land_use_tax", "6", "元/m²/yr", G),
    entry("far", "1.2", "ratio", G),
    entry("build_cost", "2000", "元/m²", G),
    entry("other_build_ratio", "0.10", "fraction", S2),
    entry("contingency_ratio", "0.05", "fraction", S2),
    entry("rent_area", "5000", "m²", NONE),
    entry("rent", "8", "元/m²/month", G),
    entry("rent_vat_rate", "0.09", "fraction", S),
    entry("mgmt_fee", "1", "元/m²/month", G),
    entry("rent_escalation", "0", "fraction", G),
    entry("rent_deposit_months", "3", "months", G),
    entry("fit_out", "300", "元/m²", G),
    entry("ref_far", "1.2", "ratio", S2),
    entry("equipment", "6000", "万元", NONE),
    entry("install_ratio", "0.05", "fraction", G),
    entry("wc_ratio", "0.15", "fraction", G),
    entry("output_full", "30000", "万元/yr", NONE),
    entry("ramp", "0.4,0.7", "list of fractions", NONE),
    entry("growth", "0", "fraction", NONE),
    entry("materials_ratio", "0.70", "fraction of sales", G),
    entry("other_ratio", "0.06", "fraction of sales", G),
    entry("rd_ratio", "0.03", "fraction of sales", G),
    entry("repair_ratio", "0.02", "fraction", G),
    entry("headcount", "200", "people", NONE),
    entry("wage", "6", "万元/person/yr", G),
    entry("social_ratio", "0.30", "fraction of wage", G),
    entry("wage_growth", "0.03", "fraction", G),
    entry("vat_rate", "0.13", "fraction", S),
    entry("build_vat_rate", "0.09", "fraction", S),
    entry("city_tax_rate", "0.07", "fraction", S),
    entry("edu_rate", "0.05", "fraction", S2),
    entry("cit_regime", "general", "enum", S),
    entry("loss_years@general", "5", "years", S),
    entry("loss_years@high_tech", "10", "years", S),
    entry("rd_super", "1.0", "fraction", S2),
    entry("property_deduct", "0.30", "fraction", S),
    entry("property_rate", "0.012", "fraction", S),
    entry("stamp_sales_rate", "0.0003", "fraction of sales", S2),
    entry("land_stamp_rate", "0.0005", "fraction of land price", S2),
    entry("vat_local_share", "0.50", "fraction", S2),
    entry("cit_local_share", "0.40", "fraction", S),
    entry("park_share", "1.0", "fraction", G),
    entry("subsidies_taxable", "true", "bool", G),
    entry("loan", "0", "万元", NONE),
    entry("loan_rate", "0.04", "fraction", G),
    entry("loan_years", "8", "years", NONE),
    entry("grace_years", "2", "years", NONE),
    entry("repayment", "equal_principal", "enum", NONE),
    entry("guarantee_rate", "0", "fraction/yr", S2),
    entry("incentives.rent_relief.on", "true", "bool", NONE),
    entry(
        "incentives.rent_relief.shares",
        "1,1,1,0.5,0.5",
        "share by lease year",
        G,
    ),
    entry("incentives.equip_subsidy.on", "true", "bool", NONE),
    entry(
        "incentives.equip_subsidy.rate",
        "0.10",
        "fraction of equipment excl. VAT",
        S2,
    ),
    entry("incentives.equip_subsidy.cap", "500", "万元", S2),
    entry("incentives.equip_subsidy.lag", "1", "years", S2),
    entry("incentives.interest_subsidy.on", "true", "bool", NONE),
    entry(
        "incentives.interest_subsidy.share",
        "0.5",
        "fraction of interest",
        S2,
    ),
    entry("incentives.interest_subsidy.years", "2", "years", S2),
    entry("incentives.hiring_subsidy.on", "true", "bool", NONE),
    entry(
        "incentives.hiring_subsidy.per_person",
        "0.1",
        "万元/person",
        G,
    ),
    entry("incentives.far_reward.on", "true", "bool", NONE),
    entry("incentives.far_reward.per_mu", "0", "万元/亩", S2),
    entry("incentives.far_reward.min_far", "1.2", "ratio", S2),
    entry("incentives.settlement_award.on", "true", "bool", NONE),
    entry("incentives.settlement_award.amount", "0", "万元", NONE),
    entry("incentives.tax_reward.on", "false", "bool", NONE),
    entry(
        "incentives.tax_reward.shares",
        "1,1,1,0.5,0.5",
        "share by operating year",
        NONE,
    ),
    entry("incentives.tax_reward.lag", "1", "years", NONE),
    entry("incentives.land_rebate.on", "false", "bool", NONE),
    entry(
        "incentives.land_rebate.rate",
        "0",
        "fraction of land price",
        NONE,
    ),
    entry("deposit.kind@buy_land", "per_mu", "enum", S2),
    entry("deposit.kind@rent", "fixed", "enum", G),
    entry("deposit.amount@per_mu", "5", "万元/亩", S2),
    entry("deposit.amount@fixed", "30", "万元", G),
    entry("test_year", "3", "operating year", NONE),
    entry("targets.intensity.on", "true", "bool", NONE),
    entry("targets.intensity.min", "200", "万元/亩", G),
    entry("targets.tax_per_mu.on", "true", "bool", NONE),
    entry("targets.tax_per_mu.min", "15", "万元/亩", G),
    entry("forfeit_rule", "full", "enum", NONE),
    entry("clawback", "0", "fraction", NONE),
    entry("mu_thresholds.intensity", "200", "万元/亩", G),
    entry("mu_thresholds.output", "300", "万元/亩", G),
    entry("mu_thresholds.tax", "15", "万元/亩", G),
    entry("mu_thresholds.far", "1.0", "ratio", G),
    entry("sensitivity_range", "0.2", "fraction", G),
    entry("stress", "false", "bool", NONE),
];

/// The default text of an input id (see [`DEFAULTS`]); `None` for an unknown id.
pub fn default_text(id: &str) -> Option<&'static str> {
    DEFAULTS
        .iter()
        .find(|entry| entry.id == id)
        .map(|entry| entry.value)
}

/// A cluster preset of MODEL.md §6 [G]: the inputs it sets, as text. `area` is
/// `rent_area` (m²) for rent presets and `land_mu` (亩) for buy_land ones;
/// `None` leaves the §2 default (the `other` cluster).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// Cluster id.
    pub cluster: &'static str,
    /// Display name (Chinese).
    pub name_zh: &'static str,
    /// `buy_land` or `rent`.
    pub site_mode: &'static str,
    /// Area: m² (rent) or 亩 (buy_land).
    pub area: Option<&'static str>,
    /// Equipment incl. VAT, 万元.
    pub equipment: Option<&'static str>,
    /// Output at full capacity, 万元/yr.
    pub output_full: Option<&'static str>,
    /// Materials share of sales.
    pub materials_ratio: Option<&'static str>,
    /// Staff at full capacity.
    pub headcount: Option<&'static str>,
    /// Average wage, 万元/person/yr.
    pub wage: Option<&'static str>,
    /// R&D share of sales.
    pub rd_ratio: Option<&'static str>,
}

const fn preset(
    cluster: &'static str,
    name_zh: &'static str,
    site_mode: &'static str,
    values: [&'static str; 7],
) -> Preset {
    let [area, equipment, output_full, materials_ratio, headcount, wage, rd_ratio] = values;
    Preset {
        cluster,
        name_zh,
        site_mode,
        area: Some(area),
        equipment: Some(equipment),
        output_full: Some(output_full),
        materials_ratio: Some(materials_ratio),
        headcount: Some(headcount),
        wage: Some(wage),
        rd_ratio: Some(rd_ratio),
    }
}

/// The cluster presets of MODEL.md §6 [G].
pub const PRESETS: &[Preset] = &[
    preset(
        "magnetic_electronics",
        "华南磁性电子元器件中心",
        "rent",
        ["5000", "6000", "30000", "0.70", "200", "6", "0.03"],
    ),
    preset(
        "intelligent_equipment",
        "智能装备产业园",
        "buy_land",
        ["50", "8000", "30000", "0.62", "250", "7.5", "0.04"],
    ),
    preset(
        "new_energy",
        "新能源产业园",
        "buy_land",
        ["100", "20000", "80000", "0.75", "500", "7", "0.03"],
    ),
    preset(
        "big_data",
        "大数据产业园",
        "rent",
        ["3000", "10000", "8000", "0.30", "80", "12", "0.08"],
    ),
    preset(
        "building_economy",
        "楼宇经济产业园",
        "rent",
        ["1500", "300", "5000", "0.20", "100", "9", "0.02"],
    ),
    Preset {
        cluster: "other",
        name_zh: "其他",
        site_mode: "rent",
        area: None,
        equipment: None,
        output_full: None,
        materials_ratio: None,
        headcount: None,
        wage: None,
        rd_ratio: None,
    },
];

/// The preset of a cluster id.
pub fn preset_of(cluster: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|preset| preset.cluster == cluster)
}

/// National minimum industrial land price by grade 1 … 15, 元/m²
/// (国土资发〔2006〕307号) [S2: to be verified against the official text].
pub const FLOOR_PRICE_PER_M2: [u32; 15] = [
    840, 720, 600, 480, 384, 336, 288, 252, 204, 168, 144, 120, 96, 84, 60,
];

/// Floor multiplier for priority industries (国土资发〔2009〕56号): 0.7.
pub const PRIORITY_FLOOR_FACTOR: Decimal = Decimal::from_parts(7, 0, 0, false, 1);

/// CIT rate of the `general` regime [S]: 0.25.
pub const CIT_RATE_GENERAL: Decimal = Decimal::from_parts(25, 0, 0, false, 2);
/// CIT rate of the `high_tech` regime [S]: 0.15.
pub const CIT_RATE_HIGH_TECH: Decimal = Decimal::from_parts(15, 0, 0, false, 2);

/// Building depreciation life, years (§3).
pub const BUILDING_LIFE: u32 = 20;
/// Equipment depreciation life, years (§3).
pub const EQUIPMENT_LIFE: u32 = 10;
/// Fit-out depreciation life, years (§3), no residual.
pub const FIT_OUT_LIFE: u32 = 5;
/// Land-use right amortisation period, years (§3).
pub const LAND_RIGHT_YEARS: u32 = 50;
/// Residual share of buildings and equipment: 0.05 (§3).
pub const RESIDUAL_SHARE: Decimal = Decimal::from_parts(5, 0, 0, false, 2);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_is_unique() {
        for (index, entry) in DEFAULTS.iter().enumerate() {
            let later = DEFAULTS.iter().skip(index + 1);
            assert!(
                later.clone().all(|other| other.id != entry.id),
                "{}",
                entry.id
            );
        }
    }

    #[test]
    fn section_7_floor_price_of_grade_11() {
        assert_eq!(FLOOR_PRICE_PER_M2[10], 144);
    }
}
