//! From raw to valid: resolves every input (defaults of the policy set → the
//! cluster preset → the keys given) and checks every range of MODEL.md §2 and
//! §9 (rules 3–7, 51, 53, 54), reporting all offending fields at once.
//!
//! Functions that take [`Inputs`] can rely on these ranges; they can fail
//! only on arithmetic overflow.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::json::Value;
use crate::policy;
use crate::scenario::{
    parse_decimal, Num, NumberError, RawDeposit, RawEquipSubsidy, RawFarReward, RawHiringSubsidy,
    RawIncentives, RawInterestSubsidy, RawLandRebate, RawMuThresholds, RawRentRelief, RawScenario,
    RawSettlementAward, RawTarget, RawTargets, RawTaxReward,
};

/// One invalid field: its id (dotted for nested keys, `[i]` for list
/// entries), the value given, the allowed range, and a message in Chinese
/// and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Input id, e.g. `incentives.equip_subsidy.rate` or `ramp[2]`.
    pub field: String,
    /// The value as given (JSON text for non-numbers).
    pub value: String,
    /// The allowed range or set, e.g. `0–0.5`.
    pub allowed: String,
    /// Message in Chinese.
    pub message_zh: String,
    /// Message in English.
    pub message_en: String,
    /// What is wrong, as a stable code: `out_of_range`, `not_a_number`,
    /// `not_an_integer`, `not_one_of`, `wrong_type`, `unknown_key`,
    /// `too_long`, `too_many`, `invalid_json`, `overflow` or `invalid`.
    pub code: &'static str,
}

impl FieldError {
    /// An error with every part spelled out.
    pub fn new(
        field: &str,
        value: String,
        allowed: &str,
        message_zh: String,
        message_en: String,
    ) -> FieldError {
        FieldError {
            field: field.to_owned(),
            value,
            allowed: allowed.to_owned(),
            message_zh,
            message_en,
            code: "invalid",
        }
    }

    /// The same error with a more specific code.
    pub fn with_code(mut self, code: &'static str) -> FieldError {
        self.code = code;
        self
    }

    pub(crate) fn unknown_key(field: &str, value: &Value) -> FieldError {
        FieldError::new(
            field,
            value.to_string(),
            "a key of SCENARIO.md",
            format!("未知的键「{field}」"),
            format!("unknown key `{field}`"),
        )
        .with_code("unknown_key")
    }

    pub(crate) fn wrong_type(field: &str, value: &Value, expected: &str) -> FieldError {
        let expected_zh = match expected {
            "a number" => "数字",
            "a string" => "字符串",
            "true or false" => "true 或 false",
            "a list of numbers" => "数字列表",
            _ => "JSON 对象",
        };
        FieldError::new(
            field,
            value.to_string(),
            expected,
            format!("「{field}」类型错误，应为{expected_zh}，输入为 {value}"),
            format!("`{field}` has the wrong type: expected {expected}, given {value}"),
        )
        .with_code("wrong_type")
    }

    fn not_a_number(field: &str, value: &str, allowed: &str) -> FieldError {
        FieldError::new(
            field,
            value.to_owned(),
            allowed,
            format!("「{field}」不是数字：{value}（允许 {allowed}）"),
            format!("`{field}` is not a number: {value} (allowed {allowed})"),
        )
        .with_code("not_a_number")
    }

    fn out_of_range(field: &str, value: &str, allowed: &str) -> FieldError {
        FieldError::new(
            field,
            value.to_owned(),
            allowed,
            format!("「{field}」超出允许范围 {allowed}：{value}"),
            format!("`{field}` is outside the allowed range {allowed}: {value}"),
        )
        .with_code("out_of_range")
    }

    fn not_an_integer(field: &str, value: &str, allowed: &str) -> FieldError {
        FieldError::new(
            field,
            value.to_owned(),
            allowed,
            format!("「{field}」必须是整数（允许 {allowed}）：{value}"),
            format!("`{field}` must be an integer ({allowed}): {value}"),
        )
        .with_code("not_an_integer")
    }

    fn not_one_of(field: &str, value: &str, allowed: &str) -> FieldError {
        FieldError::new(
            field,
            value.to_owned(),
            allowed,
            format!("「{field}」必须是 {allowed} 之一：{value}"),
            format!("`{field}` must be one of {allowed}: {value}"),
        )
        .with_code("not_one_of")
    }
}

/// How the site is obtained (§2.1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SiteMode {
    /// Buy industrial land and build the plant.
    BuyLand,
    /// Rent a standard factory (标准厂房).
    #[default]
    Rent,
}

impl SiteMode {
    /// The id as in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            SiteMode::BuyLand => "buy_land",
            SiteMode::Rent => "rent",
        }
    }

    /// The other mode (for buy vs rent).
    pub fn other(self) -> SiteMode {
        match self {
            SiteMode::BuyLand => SiteMode::Rent,
            SiteMode::Rent => SiteMode::BuyLand,
        }
    }
}

/// The industry clusters of §6.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Cluster {
    /// 华南磁性电子元器件中心.
    #[default]
    MagneticElectronics,
    /// 智能装备产业园.
    IntelligentEquipment,
    /// 新能源产业园.
    NewEnergy,
    /// 大数据产业园.
    BigData,
    /// 楼宇经济产业园.
    BuildingEconomy,
    /// Any other industry: the §2 defaults.
    Other,
}

/// CIT regime (§2.6).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CitRegime {
    /// 25 %.
    #[default]
    General,
    /// 15 %.
    HighTech,
}

/// Loan repayment (§2.7).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Repayment {
    /// 等额本金.
    #[default]
    EqualPrincipal,
    /// 等额本息.
    Annuity,
}

/// Deposit kind (§2.9).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DepositKind {
    /// 万元 per 亩 of the land basis (rule 34).
    PerMu,
    /// A fixed amount in 万元.
    #[default]
    Fixed,
}

/// What happens to the deposit when a target is missed (§2.9).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ForfeitRule {
    /// The whole deposit is forfeited.
    #[default]
    Full,
    /// Refund × (1 − largest shortfall).
    ProRata,
}

/// The eight incentives of §2.8, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Incentives {
    /// Rent holiday: on, shares by lease year.
    pub rent_relief: (bool, Vec<Decimal>),
    /// Equipment subsidy: on, rate, cap (万元), lag (years).
    pub equip_subsidy: (bool, Decimal, Decimal, u32),
    /// Interest subsidy: on, share of interest, years.
    pub interest_subsidy: (bool, Decimal, u32),
    /// Hiring subsidy: on, 万元 per net new person.
    pub hiring_subsidy: (bool, Decimal),
    /// Plot-ratio reward: on, 万元/亩, minimum far.
    pub far_reward: (bool, Decimal, Decimal),
    /// Settlement award: on, 万元.
    pub settlement_award: (bool, Decimal),
    /// Tax reward: on, shares by operating year, lag.
    pub tax_reward: (bool, Vec<Decimal>, u32),
    /// Land rebate: on, share of the land price.
    pub land_rebate: (bool, Decimal),
}

/// A deposit target: switched on, and its minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// Whether the target is tested.
    pub on: bool,
    /// The minimum, 万元/亩.
    pub min: Decimal,
}

/// Every input of MODEL.md §2, resolved and within its range. Money in 万元
/// except where the field says otherwise (per-m² and per-month inputs keep
/// the unit of §2 and are converted in the formulas).
#[derive(Debug, PartialEq)]
#[allow(missing_docs)]
pub struct Inputs {
    pub name: String,
    pub cluster: Cluster,
    pub site_mode: SiteMode,
    pub horizon: u32,
    pub build_months: u32,
    pub discount_rate: Decimal,
    pub equity_rate: Decimal,
    pub park_rate: Decimal,
    pub land_mu: Decimal,
    pub land_price: Decimal,
    pub land_grade: u32,
    pub priority_industry: bool,
    pub deed_tax_rate: Decimal,
    pub land_use_tax: Decimal,
    pub far: Decimal,
    pub build_cost: Decimal,
    pub other_build_ratio: Decimal,
    pub contingency_ratio: Decimal,
    pub rent_area: Decimal,
    pub rent: Decimal,
    pub rent_vat_rate: Decimal,
    pub mgmt_fee: Decimal,
    pub rent_escalation: Decimal,
    pub rent_deposit_months: Decimal,
    pub fit_out: Decimal,
    pub ref_far: Decimal,
    pub equipment: Decimal,
    pub install_ratio: Decimal,
    pub wc_ratio: Decimal,
    pub output_full: Decimal,
    pub ramp: Vec<Decimal>,
    pub growth: Decimal,
    pub materials_ratio: Decimal,
    pub other_ratio: Decimal,
    pub rd_ratio: Decimal,
    pub repair_ratio: Decimal,
    pub headcount: Decimal,
    pub wage: Decimal,
    pub social_ratio: Decimal,
    pub wage_growth: Decimal,
    pub vat_rate: Decimal,
    pub build_vat_rate: Decimal,
    pub city_tax_rate: Decimal,
    pub edu_rate: Decimal,
    pub cit_regime: CitRegime,
    pub loss_years: u32,
    pub rd_super: Decimal,
    pub property_deduct: Decimal,
    pub property_rate: Decimal,
    pub stamp_sales_rate: Decimal,
    pub land_stamp_rate: Decimal,
    pub vat_local_share: Decimal,
    pub cit_local_share: Decimal,
    pub park_share: Decimal,
    pub subsidies_taxable: bool,
    pub loan: Decimal,
    pub loan_rate: Decimal,
    pub loan_years: u32,
    pub grace_years: u32,
    pub repayment: Repayment,
    pub guarantee_rate: Decimal,
    pub incentives: Incentives,
    pub deposit_kind: DepositKind,
    pub deposit_amount: Decimal,
    pub test_year: u32,
    pub target_intensity: Target,
    pub target_tax_per_mu: Target,
    pub forfeit_rule: ForfeitRule,
    pub clawback: Decimal,
    pub threshold_intensity: Decimal,
    pub threshold_output: Decimal,
    pub threshold_tax: Decimal,
    pub threshold_far: Decimal,
    pub sensitivity_range: Decimal,
    pub stress: bool,
}

impl Clone for Inputs {
    /// By hand rather than derived: the derived `clone` is `#[inline]`, and
    /// every copy of it inlined into a caller copies some eighty fields one
    /// by one (some 2 KB of wasm each). `..*self` copies the plain fields.
    #[inline(never)]
    fn clone(&self) -> Inputs {
        Inputs {
            name: self.name.clone(),
            ramp: self.ramp.clone(),
            incentives: self.incentives.clone(),
            ..*self
        }
    }
}

impl Inputs {
    /// The CIT rate the regime implies (rule 18): 0.25 or 0.15.
    pub fn cit_rate(&self) -> Decimal {
        match self.cit_regime {
            CitRegime::General => policy::CIT_RATE_GENERAL,
            CitRegime::HighTech => policy::CIT_RATE_HIGH_TECH,
        }
    }
}

/// A scenario that passed validation: its inputs, and the inputs of the
/// other site mode for buy vs rent (or that side's errors, rule 46).
#[derive(Debug, Clone, PartialEq)]
pub struct Valid {
    inputs: Inputs,
    other_mode: Result<Inputs, Vec<FieldError>>,
}

impl Valid {
    /// The resolved inputs.
    pub fn inputs(&self) -> &Inputs {
        &self.inputs
    }

    /// The resolved inputs, taken out of the validated scenario.
    pub fn into_inputs(self) -> Inputs {
        self.inputs
    }

    /// The same scenario in the other site mode, with that mode's
    /// `build_months` and `deposit` defaults (rule 52), or its errors.
    pub fn other_mode(&self) -> Result<&Inputs, &[FieldError]> {
        self.other_mode.as_ref().map_err(Vec::as_slice)
    }
}

/// Validates a raw scenario: every default resolved, every range checked;
/// all errors at once.
pub fn validate(raw: &RawScenario) -> Result<Valid, Vec<FieldError>> {
    let inputs = resolve(raw, None)?;
    let other_mode = resolve(raw, Some(inputs.site_mode.other()));
    Ok(Valid { inputs, other_mode })
}

/// Resolves and checks the inputs; `mode` forces a site mode, and then
/// `build_months` and `deposit` take that mode's defaults (rule 52).
pub fn resolve(raw: &RawScenario, mode: Option<SiteMode>) -> Result<Inputs, Vec<FieldError>> {
    let mut check = Checker::default();
    let name = check.text("name", raw.name.as_deref());
    let cluster = check.choice(
        "cluster",
        raw.cluster.as_deref(),
        &[
            ("magnetic_electronics", Cluster::MagneticElectronics),
            ("intelligent_equipment", Cluster::IntelligentEquipment),
            ("new_energy", Cluster::NewEnergy),
            ("big_data", Cluster::BigData),
            ("building_economy", Cluster::BuildingEconomy),
            ("other", Cluster::Other),
        ],
    );
    let cluster_id = raw
        .cluster
        .as_deref()
        .unwrap_or_else(|| policy::default_text("cluster").unwrap_or_default());
    let preset = policy::preset_of(cluster_id).or_else(|| policy::PRESETS.first());
    check.preset = preset.copied();
    let modes = [("buy_land", SiteMode::BuyLand), ("rent", SiteMode::Rent)];
    let site_mode = match mode {
        Some(forced) => forced,
        None => check.choice("site_mode", raw.site_mode.as_deref(), &modes),
    };
    check.site_mode = site_mode;
    let horizon = check.integer("horizon", &raw.horizon, "3", "30");
    let horizon_ok = !check.has_error("horizon");
    let build_months_raw = if mode.is_some() {
        &None
    } else {
        &raw.build_months
    };
    let build_months_low = if site_mode == SiteMode::BuyLand {
        "6"
    } else {
        "0"
    };
    let build_months_id = format!("build_months@{}", site_mode.as_str());
    let build_months = check.integer_with_default(
        "build_months",
        build_months_raw,
        &build_months_id,
        build_months_low,
        "36",
    );
    let start_year = build_months / 12 + 1;
    let build_months_ok = !check.has_error("build_months");
    if horizon_ok && build_months_ok && start_year >= horizon {
        let most = (12 * horizon.saturating_sub(1)).saturating_sub(1);
        let allowed = format!("{build_months_low}–{most} (operation must start before year N)");
        let text = build_months_raw
            .as_ref()
            .map_or_else(|| build_months.to_string(), |num| num.0.clone());
        check
            .errors
            .push(FieldError::out_of_range("build_months", &text, &allowed));
    }
    let timeline_ok = horizon_ok && !check.has_error("build_months");

    let rate_range = &("0", "0.5");
    let unit = &("0", "1");
    let discount_rate = check.decimal("discount_rate", &raw.discount_rate, rate_range);
    let equity_rate = check.decimal("equity_rate", &raw.equity_rate, rate_range);
    let park_rate = check.decimal("park_rate", &raw.park_rate, rate_range);
    let land_mu = check.decimal("land_mu", &raw.land_mu, &("1", "5000"));
    let land_price = check.decimal("land_price", &raw.land_price, &("0", "500"));
    let land_grade = check.integer("land_grade", &raw.land_grade, "1", "15");
    let priority_industry = check.flag("priority_industry", raw.priority_industry);
    let deed_tax_rate = check.decimal("deed_tax_rate", &raw.deed_tax_rate, &("0.03", "0.05"));
    let land_use_tax = check.decimal("land_use_tax", &raw.land_use_tax, &("0", "30"));
    let far = check.decimal("far", &raw.far, &("0.1", "5"));
    let build_cost = check.decimal("build_cost", &raw.build_cost, &("0", "20000"));
    let other_build_ratio =
        check.decimal("other_build_ratio", &raw.other_build_ratio, &("0", "0.5"));
    let contingency_ratio =
        check.decimal("contingency_ratio", &raw.contingency_ratio, &("0", "0.3"));
    let rent_area = check.decimal("rent_area", &raw.rent_area, &("1", "1000000"));
    let rent = check.decimal("rent", &raw.rent, &("0", "200"));
    let rent_vat_rate = check.one_of("rent_vat_rate", &raw.rent_vat_rate, &["0", "0.05", "0.09"]);
    let mgmt_fee = check.decimal("mgmt_fee", &raw.mgmt_fee, &("0", "50"));
    let rent_escalation = check.decimal("rent_escalation", &raw.rent_escalation, &("0", "0.2"));
    let rent_deposit_months = check.decimal(
        "rent_deposit_months",
        &raw.rent_deposit_months,
        &("0", "12"),
    );
    let fit_out = check.decimal("fit_out", &raw.fit_out, &("0", "20000"));
    let ref_far = check.decimal("ref_far", &raw.ref_far, &("0.5", "5"));
    let equipment = check.decimal("equipment", &raw.equipment, &("0", "10000000"));
    let install_ratio = check.decimal("install_ratio", &raw.install_ratio, &("0", "0.3"));
    let wc_ratio = check.decimal("wc_ratio", &raw.wc_ratio, unit);
    let output_full = check.decimal("output_full", &raw.output_full, &("0", "100000000"));
    let ramp = check.list("ramp", raw.ramp.as_deref(), &("0", "1.5"));
    let growth = check.decimal("growth", &raw.growth, &("-0.5", "0.5"));
    let materials_ratio = check.decimal("materials_ratio", &raw.materials_ratio, unit);
    let other_ratio = check.decimal("other_ratio", &raw.other_ratio, unit);
    let rd_ratio = check.decimal("rd_ratio", &raw.rd_ratio, &("0", "0.5"));
    let repair_ratio = check.decimal("repair_ratio", &raw.repair_ratio, &("0", "0.2"));
    let headcount = check.decimal("headcount", &raw.headcount, &("0", "1000000"));
    let wage = check.decimal("wage", &raw.wage, &("0", "500"));
    let social_ratio = check.decimal("social_ratio", &raw.social_ratio, unit);
    let wage_growth = check.decimal("wage_growth", &raw.wage_growth, &("-0.5", "0.5"));
    let vat_rate = check.decimal("vat_rate", &raw.vat_rate, unit);
    let build_vat_rate = check.decimal("build_vat_rate", &raw.build_vat_rate, unit);
    let city_tax_rate = check.decimal("city_tax_rate", &raw.city_tax_rate, unit);
    let edu_rate = check.decimal("edu_rate", &raw.edu_rate, unit);
    let cit_regime = check.choice(
        "cit_regime",
        raw.cit_regime.as_deref(),
        &[
            ("general", CitRegime::General),
            ("high_tech", CitRegime::HighTech),
        ],
    );
    let loss_years_id = match cit_regime {
        CitRegime::General => "loss_years@general",
        CitRegime::HighTech => "loss_years@high_tech",
    };
    let loss_years =
        check.integer_with_default("loss_years", &raw.loss_years, loss_years_id, "0", "10");
    let rd_super = check.decimal("rd_super", &raw.rd_super, &("0", "2"));
    let property_deduct = check.decimal("property_deduct", &raw.property_deduct, unit);
    let property_rate = check.decimal("property_rate", &raw.property_rate, unit);
    let stamp_sales_rate = check.decimal("stamp_sales_rate", &raw.stamp_sales_rate, unit);
    let land_stamp_rate = check.decimal("land_stamp_rate", &raw.land_stamp_rate, unit);
    let vat_local_share = check.decimal("vat_local_share", &raw.vat_local_share, unit);
    let cit_local_share = check.decimal("cit_local_share", &raw.cit_local_share, unit);
    let park_share = check.decimal("park_share", &raw.park_share, unit);
    let subsidies_taxable = check.flag("subsidies_taxable", raw.subsidies_taxable);

    // Financing (rules 6 and 53): judged in full only when loan > 0.
    let errors_before_loan = check.errors.len();
    let loan = check.decimal("loan", &raw.loan, &("0", "10000000"));
    let loan_valid = check.errors.len() == errors_before_loan;
    let repayment_options = [
        ("equal_principal", Repayment::EqualPrincipal),
        ("annuity", Repayment::Annuity),
    ];
    let (loan_rate, loan_years, grace_years, repayment, guarantee_rate) = if !loan_valid {
        (
            check.fallback("loan_rate"),
            check.fallback_integer("loan_years"),
            check.fallback_integer("grace_years"),
            Repayment::EqualPrincipal,
            check.fallback("guarantee_rate"),
        )
    } else if loan.is_zero() {
        (
            check.type_only("loan_rate", &raw.loan_rate),
            check.integer_type_only("loan_years", &raw.loan_years),
            check.integer_type_only("grace_years", &raw.grace_years),
            check.choice("repayment", raw.repayment.as_deref(), &repayment_options),
            check.type_only("guarantee_rate", &raw.guarantee_rate),
        )
    } else {
        let loan_rate = check.decimal("loan_rate", &raw.loan_rate, &("0", "0.3"));
        let loan_years = check.integer("loan_years", &raw.loan_years, "1", "20");
        let loan_years_ok = !check.has_error("loan_years");
        if loan_years_ok && horizon_ok && loan_years >= horizon {
            let most = horizon.saturating_sub(1).min(20);
            check.errors.push(FieldError::out_of_range(
                "loan_years",
                &loan_years.to_string(),
                &format!("integer 1–{most} (1 + loan_years ≤ horizon)"),
            ));
        }
        let grace_most = loan_years.saturating_sub(1).to_string();
        let grace_high = if loan_years_ok {
            grace_most.as_str()
        } else {
            "19"
        };
        let grace_years = check.integer("grace_years", &raw.grace_years, "0", grace_high);
        // The cross-field rule binds a default grace too (rule 6).
        if raw.grace_years.is_none() && loan_years_ok && grace_years >= loan_years {
            check.errors.push(FieldError::out_of_range(
                "grace_years",
                &grace_years.to_string(),
                &format!("integer 0–{grace_most}"),
            ));
        }
        let repayment = check.choice("repayment", raw.repayment.as_deref(), &repayment_options);
        let guarantee_rate = check.decimal("guarantee_rate", &raw.guarantee_rate, &("0", "0.05"));
        (
            loan_rate,
            loan_years,
            grace_years,
            repayment,
            guarantee_rate,
        )
    };

    let incentives = check.incentives(raw);

    let raw_deposit = match (mode, &raw.deposit) {
        (None, Some(deposit)) => deposit,
        _ => &RawDeposit::EMPTY,
    };
    let default_kind = match site_mode {
        SiteMode::BuyLand => "per_mu",
        SiteMode::Rent => "fixed",
    };
    let kind_text = raw_deposit.kind.as_deref();
    let deposit_kind = match kind_text.unwrap_or(default_kind) {
        "per_mu" => DepositKind::PerMu,
        "fixed" => DepositKind::Fixed,
        other => {
            check.errors.push(FieldError::not_one_of(
                "deposit.kind",
                other,
                "per_mu, fixed",
            ));
            DepositKind::Fixed
        }
    };
    let amount_id = match deposit_kind {
        DepositKind::PerMu => "deposit.amount@per_mu",
        DepositKind::Fixed => "deposit.amount@fixed",
    };
    let deposit_amount = check.decimal_with_default(
        "deposit.amount",
        &raw_deposit.amount,
        amount_id,
        &("0", "100000"),
    );

    let test_year_high = if timeline_ok {
        (horizon + 1).saturating_sub(start_year).to_string()
    } else {
        "30".to_owned()
    };
    let test_year = check.integer("test_year", &raw.test_year, "1", &test_year_high);
    // Rule 7 binds the resolved value, a default included.
    let test_year_most = (horizon + 1).saturating_sub(start_year);
    if raw.test_year.is_none() && timeline_ok && test_year > test_year_most {
        check.errors.push(FieldError::out_of_range(
            "test_year",
            &test_year.to_string(),
            &format!("integer 1–{test_year_most}"),
        ));
    }
    let targets = raw.targets.as_ref().unwrap_or(&RawTargets::EMPTY);
    let target = |check: &mut Checker, key: &str, given: &Option<RawTarget>| {
        let given = given.as_ref().unwrap_or(&RawTarget::EMPTY);
        Target {
            on: check.flag(&format!("targets.{key}.on"), given.on),
            min: check.decimal(&format!("targets.{key}.min"), &given.min, &("0", "1000000")),
        }
    };
    let target_intensity = target(&mut check, "intensity", &targets.intensity);
    let target_tax_per_mu = target(&mut check, "tax_per_mu", &targets.tax_per_mu);
    let forfeit_rule = check.choice(
        "forfeit_rule",
        raw.forfeit_rule.as_deref(),
        &[
            ("full", ForfeitRule::Full),
            ("pro_rata", ForfeitRule::ProRata),
        ],
    );
    let clawback = check.decimal("clawback", &raw.clawback, unit);
    let thresholds = raw
        .mu_thresholds
        .as_ref()
        .unwrap_or(&RawMuThresholds::EMPTY);
    let threshold_range = &("0", "1000000");
    let threshold_intensity = check.decimal(
        "mu_thresholds.intensity",
        &thresholds.intensity,
        threshold_range,
    );
    let threshold_output =
        check.decimal("mu_thresholds.output", &thresholds.output, threshold_range);
    let threshold_tax = check.decimal("mu_thresholds.tax", &thresholds.tax, threshold_range);
    let threshold_far = check.decimal("mu_thresholds.far", &thresholds.far, threshold_range);
    let sensitivity_range = check.decimal(
        "sensitivity_range",
        &raw.sensitivity_range,
        &("0.01", "0.5"),
    );
    let stress = check.flag("stress", raw.stress);

    if !check.errors.is_empty() {
        return Err(check.errors);
    }
    Ok(Inputs {
        name,
        cluster,
        site_mode,
        horizon,
        build_months,
        discount_rate,
        equity_rate,
        park_rate,
        land_mu,
        land_price,
        land_grade,
        priority_industry,
        deed_tax_rate,
        land_use_tax,
        far,
        build_cost,
        other_build_ratio,
        contingency_ratio,
        rent_area,
        rent,
        rent_vat_rate,
        mgmt_fee,
        rent_escalation,
        rent_deposit_months,
        fit_out,
        ref_far,
        equipment,
        install_ratio,
        wc_ratio,
        output_full,
        ramp,
        growth,
        materials_ratio,
        other_ratio,
        rd_ratio,
        repair_ratio,
        headcount,
        wage,
        social_ratio,
        wage_growth,
        vat_rate,
        build_vat_rate,
        city_tax_rate,
        edu_rate,
        cit_regime,
        loss_years,
        rd_super,
        property_deduct,
        property_rate,
        stamp_sales_rate,
        land_stamp_rate,
        vat_local_share,
        cit_local_share,
        park_share,
        subsidies_taxable,
        loan,
        loan_rate,
        loan_years,
        grace_years,
        repayment,
        guarantee_rate,
        incentives,
        deposit_kind,
        deposit_amount,
        test_year,
        target_intensity,
        target_tax_per_mu,
        forfeit_rule,
        clawback,
        threshold_intensity,
        threshold_output,
        threshold_tax,
        threshold_far,
        sensitivity_range,
        stress,
    })
}

/// Collects errors while resolving each input from the keys given, the
/// cluster preset and the policy defaults.
struct Checker {
    errors: Vec<FieldError>,
    preset: Option<policy::Preset>,
    site_mode: SiteMode,
}

impl Default for Checker {
    fn default() -> Checker {
        Checker {
            errors: Vec::new(),
            preset: None,
            site_mode: SiteMode::Rent,
        }
    }
}

fn decimal_of(text: &str) -> Decimal {
    parse_decimal(text).unwrap_or_default()
}

impl Checker {
    fn has_error(&self, field: &str) -> bool {
        self.errors.iter().any(|error| error.field == field)
    }

    /// The default text of an input: the cluster preset's value if it sets
    /// this input (rule 50), else the policy set's.
    fn default_text(&self, id: &str) -> &'static str {
        if let Some(preset) = &self.preset {
            let preset_area = match preset.site_mode {
                "buy_land" => "land_mu",
                _ => "rent_area",
            };
            let from_preset = match id {
                "equipment" => preset.equipment,
                "output_full" => preset.output_full,
                "materials_ratio" => preset.materials_ratio,
                "headcount" => preset.headcount,
                "wage" => preset.wage,
                "rd_ratio" => preset.rd_ratio,
                "site_mode" => Some(preset.site_mode),
                _ if id == preset_area => preset.area,
                _ => None,
            };
            if let Some(text) = from_preset {
                return text;
            }
        }
        policy::default_text(id).unwrap_or_default()
    }

    fn text(&mut self, field: &str, given: Option<&str>) -> String {
        let text = given.unwrap_or_else(|| self.default_text(field));
        if text.chars().count() > 80 {
            self.errors.push(
                FieldError::new(
                    field,
                    text.to_owned(),
                    "at most 80 characters",
                    format!("「{field}」最多 80 个字符"),
                    format!("`{field}` has more than 80 characters"),
                )
                .with_code("too_long"),
            );
        }
        text.to_owned()
    }

    /// One of `options` by name: the given one, else (after an error) the
    /// default's, else the first.
    fn choice<T: Copy + Default>(
        &mut self,
        field: &str,
        given: Option<&str>,
        options: &[(&str, T)],
    ) -> T {
        let names: Vec<&str> = options.iter().map(|(name, _)| *name).collect();
        let index = self.choice_index(field, given, &names);
        options
            .get(index)
            .map_or_else(T::default, |(_, value)| *value)
    }

    /// [`Checker::choice`] on the names alone: the index of the one chosen.
    fn choice_index(&mut self, field: &str, given: Option<&str>, names: &[&str]) -> usize {
        let default_text = self.default_text(field);
        let text = given.unwrap_or(default_text);
        if let Some(index) = names.iter().position(|name| *name == text) {
            return index;
        }
        self.errors
            .push(FieldError::not_one_of(field, text, &names.join(", ")));
        names
            .iter()
            .position(|name| *name == default_text)
            .unwrap_or(0)
    }

    fn flag(&mut self, field: &str, given: Option<bool>) -> bool {
        given.unwrap_or_else(|| self.default_text(field) == "true")
    }

    /// Parses a number: `Some` when it reads, else records an error.
    fn parse(&mut self, field: &str, text: &str, allowed: &str) -> Option<Decimal> {
        match parse_decimal(text) {
            Ok(value) => Some(value),
            Err(NumberError::NotANumber) => {
                self.errors
                    .push(FieldError::not_a_number(field, text, allowed));
                None
            }
            Err(NumberError::OutOfRange) => {
                self.errors
                    .push(FieldError::out_of_range(field, text, allowed));
                None
            }
        }
    }

    fn decimal(&mut self, field: &str, given: &Option<Num>, range: &(&str, &str)) -> Decimal {
        self.decimal_with_default(field, given, field, range)
    }

    fn decimal_with_default(
        &mut self,
        field: &str,
        given: &Option<Num>,
        default_id: &str,
        &(low, high): &(&str, &str),
    ) -> Decimal {
        let default = decimal_of(self.default_text(default_id));
        let Some(Num(text)) = given else {
            return default;
        };
        let allowed = format!("{low}–{high}");
        match self.parse(field, text, &allowed) {
            Some(value) if value >= decimal_of(low) && value <= decimal_of(high) => value,
            Some(_) => {
                self.errors
                    .push(FieldError::out_of_range(field, text, &allowed));
                default
            }
            None => default,
        }
    }

    fn one_of(&mut self, field: &str, given: &Option<Num>, options: &[&str]) -> Decimal {
        let default = decimal_of(self.default_text(field));
        let Some(Num(text)) = given else {
            return default;
        };
        let allowed = options.join(", ");
        match self.parse(field, text, &allowed) {
            Some(value) if options.iter().any(|option| decimal_of(option) == value) => value,
            Some(_) => {
                self.errors
                    .push(FieldError::not_one_of(field, text, &allowed));
                default
            }
            None => default,
        }
    }

    fn integer(&mut self, field: &str, given: &Option<Num>, low: &str, high: &str) -> u32 {
        self.integer_with_default(field, given, field, low, high)
    }

    fn integer_with_default(
        &mut self,
        field: &str,
        given: &Option<Num>,
        default_id: &str,
        low: &str,
        high: &str,
    ) -> u32 {
        let default = to_u32(decimal_of(self.default_text(default_id)));
        let Some(Num(text)) = given else {
            return default;
        };
        let allowed = format!("integer {low}–{high}");
        match self.parse(field, text, &allowed) {
            Some(value) if !is_integer(value) => {
                self.errors
                    .push(FieldError::not_an_integer(field, text, &allowed));
                default
            }
            Some(value) if value >= decimal_of(low) && value <= decimal_of(high) => to_u32(value),
            Some(_) => {
                self.errors
                    .push(FieldError::out_of_range(field, text, &allowed));
                default
            }
            None => default,
        }
    }

    /// A list of numbers: at most 30 entries, each in `range` (rules 5, 51).
    fn list(
        &mut self,
        field: &str,
        given: Option<&[Num]>,
        &(low, high): &(&str, &str),
    ) -> Vec<Decimal> {
        let Some(items) = given else {
            return self
                .default_text(field)
                .split(',')
                .filter(|text| !text.is_empty())
                .map(decimal_of)
                .collect();
        };
        if items.len() > 30 {
            self.errors.push(
                FieldError::new(
                    field,
                    format!("{} entries", items.len()),
                    "at most 30 entries",
                    format!("「{field}」最多 30 项"),
                    format!("`{field}` has more than 30 entries"),
                )
                .with_code("too_many"),
            );
        }
        let allowed = format!("{low}–{high}");
        let mut values = Vec::with_capacity(items.len());
        for (index, Num(text)) in items.iter().enumerate() {
            let item_field = format!("{field}[{index}]");
            match self.parse(&item_field, text, &allowed) {
                Some(value) if value >= decimal_of(low) && value <= decimal_of(high) => {
                    values.push(value)
                }
                Some(_) => self
                    .errors
                    .push(FieldError::out_of_range(&item_field, text, &allowed)),
                None => {}
            }
        }
        values
    }

    /// With loan = 0, a financing number is checked for type only (rule 53).
    fn type_only(&mut self, field: &str, given: &Option<Num>) -> Decimal {
        let default = self.fallback(field);
        match given {
            Some(Num(text)) => self.parse(field, text, "a number").unwrap_or(default),
            None => default,
        }
    }

    fn integer_type_only(&mut self, field: &str, given: &Option<Num>) -> u32 {
        let default = self.fallback_integer(field);
        let Some(Num(text)) = given else {
            return default;
        };
        match self.parse(field, text, "an integer") {
            Some(value) if !is_integer(value) => {
                self.errors
                    .push(FieldError::not_an_integer(field, text, "an integer"));
                default
            }
            Some(value) => to_u32(value),
            None => default,
        }
    }

    fn fallback(&self, field: &str) -> Decimal {
        decimal_of(self.default_text(field))
    }

    fn fallback_integer(&self, field: &str) -> u32 {
        to_u32(self.fallback(field))
    }

    fn incentives(&mut self, raw: &RawScenario) -> Incentives {
        let given = raw.incentives.as_ref().unwrap_or(&RawIncentives::EMPTY);
        let share = &("0", "1");
        let amount = &("0", "10000000");
        let rent_relief = given.rent_relief.as_ref().unwrap_or(&RawRentRelief::EMPTY);
        let equip = given
            .equip_subsidy
            .as_ref()
            .unwrap_or(&RawEquipSubsidy::EMPTY);
        let interest = given
            .interest_subsidy
            .as_ref()
            .unwrap_or(&RawInterestSubsidy::EMPTY);
        let hiring = given
            .hiring_subsidy
            .as_ref()
            .unwrap_or(&RawHiringSubsidy::EMPTY);
        let far = given.far_reward.as_ref().unwrap_or(&RawFarReward::EMPTY);
        let settlement = given
            .settlement_award
            .as_ref()
            .unwrap_or(&RawSettlementAward::EMPTY);
        let tax = given.tax_reward.as_ref().unwrap_or(&RawTaxReward::EMPTY);
        let rebate = given.land_rebate.as_ref().unwrap_or(&RawLandRebate::EMPTY);
        Incentives {
            rent_relief: (
                self.flag("incentives.rent_relief.on", rent_relief.on),
                self.list(
                    "incentives.rent_relief.shares",
                    rent_relief.shares.as_deref(),
                    share,
                ),
            ),
            equip_subsidy: (
                self.flag("incentives.equip_subsidy.on", equip.on),
                self.decimal("incentives.equip_subsidy.rate", &equip.rate, share),
                self.decimal("incentives.equip_subsidy.cap", &equip.cap, amount),
                self.integer("incentives.equip_subsidy.lag", &equip.lag, "0", "5"),
            ),
            interest_subsidy: (
                self.flag("incentives.interest_subsidy.on", interest.on),
                self.decimal("incentives.interest_subsidy.share", &interest.share, share),
                self.integer(
                    "incentives.interest_subsidy.years",
                    &interest.years,
                    "0",
                    "20",
                ),
            ),
            hiring_subsidy: (
                self.flag("incentives.hiring_subsidy.on", hiring.on),
                self.decimal(
                    "incentives.hiring_subsidy.per_person",
                    &hiring.per_person,
                    amount,
                ),
            ),
            far_reward: (
                self.flag("incentives.far_reward.on", far.on),
                self.decimal("incentives.far_reward.per_mu", &far.per_mu, amount),
                self.decimal(
                    "incentives.far_reward.min_far",
                    &far.min_far,
                    &("0", "1000000"),
                ),
            ),
            settlement_award: (
                self.flag("incentives.settlement_award.on", settlement.on),
                self.decimal(
                    "incentives.settlement_award.amount",
                    &settlement.amount,
                    amount,
                ),
            ),
            tax_reward: (
                self.flag("incentives.tax_reward.on", tax.on),
                self.list("incentives.tax_reward.shares", tax.shares.as_deref(), share),
                self.integer("incentives.tax_reward.lag", &tax.lag, "1", "5"),
            ),
            land_rebate: (
                self.flag("incentives.land_rebate.on", rebate.on),
                self.decimal("incentives.land_rebate.rate", &rebate.rate, share),
            ),
        }
    }
}

/// Whether a decimal has no fractional part. Compared with its truncation
/// rather than through `Decimal::fract`, whose subtraction would bring a
/// second, panicking copy of rust_decimal's addition into the wasm.
fn is_integer(value: Decimal) -> bool {
    value == value.trunc()
}

/// A non-negative integral decimal as `u32` (0 for anything else; callers
/// have checked the range).
fn to_u32(value: Decimal) -> u32 {
    value.trunc().to_u32().unwrap_or(0)
}
