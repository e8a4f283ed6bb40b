//! One test (at least) per rule of MODEL.md §9, named after the rule.
//!
//! Every case starts from `BASE`, a tiny rent scenario whose figures are
//! easy to compute by hand (sales 1000, materials 500, so VAT 65,
//! surcharges 7.8, stamp 0.3, CIT 122.975 a year), and changes a few keys.
//! One `check_*` helper per area keeps each case to one line.

use engine::scenario::Num;
use engine::{evaluate_raw, validate, RawScenario, YearTable};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

const BASE: &str = r#"{
  "site_mode": "rent", "build_months": 0, "horizon": 5, "output_full": 1000, "ramp": [],
  "materials_ratio": "0.5", "other_ratio": 0, "rd_ratio": 0, "repair_ratio": 0,
  "headcount": 0, "wage": 0, "rent": 0, "mgmt_fee": 0, "fit_out": 0,
  "rent_deposit_months": 0, "equipment": 0, "wc_ratio": 0,
  "incentives": {"rent_relief": {"on": false}, "equip_subsidy": {"on": false},
    "interest_subsidy": {"on": false}, "hiring_subsidy": {"on": false},
    "far_reward": {"on": false}, "settlement_award": {"on": false}},
  "deposit": {"kind": "fixed", "amount": 0},
  "targets": {"intensity": {"on": false}}
}"#;

/// BASE with `changes` deep-merged over it.
fn scenario(changes: &str) -> Value {
    let mut base: Value = serde_json::from_str(BASE).unwrap();
    let changes: Value = serde_json::from_str(changes).unwrap();
    merge(&mut base, changes);
    base
}

fn merge(target: &mut Value, changes: Value) {
    match (target, changes) {
        (Value::Object(target), Value::Object(changes)) => {
            for (key, value) in changes {
                merge(target.entry(key).or_insert(Value::Null), value);
            }
        }
        (target, value) => *target = value,
    }
}

fn raw(changes: &str) -> RawScenario {
    RawScenario::from_json(&scenario(changes).to_string()).unwrap()
}

fn results(changes: &str) -> Value {
    match evaluate_raw(&raw(changes)) {
        Ok(results) => serde_json::from_str(&results.to_json()).unwrap(),
        Err(failure) => panic!("{changes}: {failure:?}"),
    }
}

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn close(actual: &Value, expected: &str, context: &str) {
    let got = actual
        .as_str()
        .map(d)
        .unwrap_or_else(|| panic!("{context}: {actual} is not a decimal"));
    assert!(
        (got - d(expected)).abs() < d("0.000000001"),
        "{context}: {got} ≠ {expected}"
    );
}

/// Results area: the figure at a JSON pointer equals `expected` (decimals to
/// 1e-9; anything else as JSON).
fn check(changes: &str, pointer: &str, expected: &str) {
    let all = results(changes);
    let actual = all
        .pointer(pointer)
        .unwrap_or_else(|| panic!("no {pointer}"));
    let is_decimal = actual
        .as_str()
        .is_some_and(|text| Decimal::from_str(text).is_ok());
    if is_decimal {
        close(actual, expected, &format!("{changes} {pointer}"));
    } else {
        let value: Value = serde_json::from_str(expected).unwrap();
        assert_eq!(actual, &value, "{changes} {pointer}");
    }
}

/// Year-model area: line `line` in year t (1-based) equals `expected`.
fn check_line(changes: &str, line: &str, year: usize, expected: &str) {
    let all = results(changes);
    let value = &all["annual"][line][year - 1];
    close(value, expected, &format!("{changes} {line}[{year}]"));
}

/// Validation area: exactly these fields are reported, in any order.
fn check_errors(changes: &str, fields: &[&str]) {
    let outcome = RawScenario::from_json(&scenario(changes).to_string())
        .and_then(|raw| validate(&raw).map(|_| ()));
    let mut reported: Vec<String> = outcome
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|error| error.field)
        .collect();
    reported.sort();
    let mut wanted: Vec<String> = fields.iter().map(|field| (*field).to_owned()).collect();
    wanted.sort();
    assert_eq!(reported, wanted, "{changes}");
}

/// Warning area: whether a warning code is present.
fn check_warning(changes: &str, code: &str, present: bool) {
    let all = results(changes);
    let found = all["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|warning| warning["code"] == code);
    assert_eq!(found, present, "{changes} {code}");
}

#[test]
fn rule_01_literal_rates_stand_for_their_inputs() {
    check_line(r#"{"vat_rate": "0.1"}"#, "output_vat", 1, "100");
    check_line(r#"{"vat_rate": "0.1"}"#, "cash_in", 1, "1100");
    check_line(
        r#"{"property_deduct": "0.5", "site_mode": "buy_land", "build_months": 12, "land_mu": 15, "land_price": 10, "far": 1, "build_cost": 1090, "other_build_ratio": 0, "contingency_ratio": 0}"#,
        "property_tax",
        2,
        "6.927",
    );
}

#[test]
fn rule_02_multiply_first_divide_by_15_last() {
    check_line(
        r#"{"site_mode": "buy_land", "build_months": 12, "land_mu": 15, "far": 1, "build_cost": 1000}"#,
        "construction_gross",
        1,
        "1000",
    );
    check_line(
        r#"{"site_mode": "buy_land", "build_months": 12, "land_mu": 1, "land_use_tax": 6}"#,
        "land_use_tax",
        1,
        "0.4",
    );
}

#[test]
fn rule_03_text_length_counts_characters() {
    check_errors(&format!(r#"{{"name": "{}"}}"#, "厂".repeat(80)), &[]);
    check_errors(&format!(r#"{{"name": "{}"}}"#, "厂".repeat(81)), &["name"]);
}

#[test]
fn rule_04_integers() {
    check_errors(r#"{"horizon": 5.5}"#, &["horizon"]);
    check_errors(r#"{"horizon": "5.0"}"#, &[]);
    check_errors(
        r#"{"test_year": 1.5, "land_grade": "2.5"}"#,
        &["land_grade", "test_year"],
    );
    check_errors(r#"{"headcount": 2.5, "rent_deposit_months": 1.5}"#, &[]);
}

#[test]
fn rule_05_ranges_not_given_in_section_2() {
    check_errors(
        r#"{"vat_rate": 1.1, "rd_super": 2.5, "sensitivity_range": 0.6}"#,
        &["rd_super", "sensitivity_range", "vat_rate"],
    );
    check_errors(
        r#"{"deposit": {"amount": 100001}, "clawback": 2}"#,
        &["clawback", "deposit.amount"],
    );
    check_errors(
        r#"{"incentives": {"equip_subsidy": {"cap": 10000001, "lag": 6}, "tax_reward": {"lag": 0}}}"#,
        &[
            "incentives.equip_subsidy.cap",
            "incentives.equip_subsidy.lag",
            "incentives.tax_reward.lag",
        ],
    );
    check_errors(r#"{"mu_thresholds": {"tax": -1}}"#, &["mu_thresholds.tax"]);
}

#[test]
fn rule_06_every_input_is_validated_whatever_the_mode() {
    check_errors(r#"{"land_mu": 0, "far": 9}"#, &["far", "land_mu"]);
    check_errors(r#"{"loan": 100, "loan_years": 5}"#, &["loan_years"]);
    check_errors(
        r#"{"loan": 100, "loan_years": 3, "grace_years": 3}"#,
        &["grace_years"],
    );
    check_errors(r#"{"loan": 100, "loan_years": 1}"#, &["grace_years"]);
    check_errors(r#"{"loan": 0, "loan_years": 50, "grace_years": 70}"#, &[]);
}

#[test]
fn rule_07_test_year_within_operation() {
    check_errors(r#"{"test_year": 5}"#, &[]);
    check_errors(r#"{"test_year": 6}"#, &["test_year"]);
    check_errors(r#"{"test_year": 0}"#, &["test_year"]);
}

#[test]
fn rule_08_limits_instead_of_division_by_zero() {
    // PMT at rate 0 is −pv/n: equal annuity principal.
    check_line(
        r#"{"loan": 1000, "loan_rate": 0, "loan_years": 2, "grace_years": 0, "repayment": "annuity"}"#,
        "principal",
        2,
        "500",
    );
    assert_eq!(
        engine::compare::eac(d("100"), Decimal::ZERO, 5).unwrap(),
        d("20")
    );
    check(
        r#"{"incentives": {"settlement_award": {"on": true, "amount": 100}}}"#,
        "/incentives/share_of_fixed_investment/nominal",
        "null",
    );
    check(
        r#"{"targets": {"intensity": {"on": true, "min": 0}}}"#,
        "/deposit/intensity_met",
        "true",
    );
    check("{}", "/switching_values/equipment/delta", "null");
}

#[test]
fn rule_09_comparisons_use_unrounded_values() {
    // Tax per 亩 is 196.075 / 6.25 = 31.372 exactly.
    check(
        r#"{"targets": {"tax_per_mu": {"min": "31.372"}}}"#,
        "/deposit/tax_per_mu_met",
        "true",
    );
    check(
        r#"{"targets": {"tax_per_mu": {"min": "31.3720000001"}}}"#,
        "/deposit/tax_per_mu_met",
        "false",
    );
}

#[test]
fn rule_10_year_t0_staff_scaled_by_f0() {
    check_line(r#"{"build_months": 6, "headcount": 100}"#, "staff", 1, "50");
    check_line(
        r#"{"build_months": 6, "headcount": 100}"#,
        "staff",
        2,
        "100",
    );
    check_line(r#"{"build_months": 6}"#, "capacity", 1, "0.5");
}

#[test]
fn rule_11_first_full_capacity_year() {
    check(
        r#"{"ramp": [0.5, 1]}"#,
        "/mu_metrics/first_full_capacity_year/year",
        "2",
    );
    check(
        r#"{"ramp": [0.5, 0.8, 1.2]}"#,
        "/mu_metrics/first_full_capacity_year/year",
        "3",
    );
}

#[test]
fn rule_12_growth_compounds_from_year_1() {
    check_line(
        r#"{"headcount": 1, "wage": 1, "social_ratio": 0, "wage_growth": "0.1"}"#,
        "wages",
        1,
        "1",
    );
    check_line(
        r#"{"headcount": 1, "wage": 1, "social_ratio": 0, "wage_growth": "0.1"}"#,
        "wages",
        3,
        "1.21",
    );
    check_line(
        r#"{"rent": 10, "rent_area": 1000, "rent_escalation": "0.1"}"#,
        "rent_gross",
        2,
        "13.2",
    );
}

#[test]
fn rule_13_site_mode_items() {
    let buy = r#"{"site_mode": "buy_land", "build_months": 12, "rent": 10, "fit_out": 300}"#;
    check_line(buy, "rent_gross", 2, "0");
    check_line(buy, "fit_out_gross", 1, "0");
    check_line(r#"{"land_use_tax": 6}"#, "land_use_tax", 1, "0");
    check_line(r#"{"land_price": 12}"#, "land", 1, "0");
}

#[test]
fn rule_14_rent_deposit() {
    let rented = r#"{"rent_deposit_months": 3, "rent_area": 1000, "rent": 10, "incentives": {"rent_relief": {"on": true}}}"#;
    check_line(rented, "rent_deposit_paid", 1, "3");
    check_line(rented, "rent_deposit_return", 5, "3");
}

#[test]
fn rule_15_floor_price() {
    check(
        r#"{"site_mode": "buy_land", "build_months": 12}"#,
        "/floor_price/floor_per_mu",
        "9.6",
    );
    check(
        r#"{"site_mode": "buy_land", "build_months": 12, "priority_industry": true}"#,
        "/floor_price/floor_per_mu",
        "6.72",
    );
    check(
        r#"{"site_mode": "buy_land", "build_months": 12, "land_price": 9}"#,
        "/floor_price/below",
        "true",
    );
    check_warning(
        r#"{"site_mode": "buy_land", "build_months": 12, "land_price": 9}"#,
        "below_floor_price",
        true,
    );
    check_warning(
        r#"{"site_mode": "buy_land", "build_months": 12, "land_price": "9.6"}"#,
        "below_floor_price",
        false,
    );
}

#[test]
fn rule_16_stamp_includes_land_stamp_in_year_1() {
    let buy = r#"{"site_mode": "buy_land", "build_months": 12, "land_mu": 10, "land_price": 10, "build_cost": 0}"#;
    check_line(buy, "stamp", 1, "0.05");
    check_line(buy, "stamp", 2, "0.3");
}

#[test]
fn rule_17_property_tax_from_year_tb_plus_1() {
    // B = 1000 / 1.09 × 1.09 … here build_cost 1090 makes G = 1090 and B = 1000.
    let buy = r#"{"site_mode": "buy_land", "build_months": 12, "land_mu": 15, "land_price": 10, "far": 1, "build_cost": 1090, "other_build_ratio": 0, "contingency_ratio": 0}"#;
    check_line(buy, "property_tax", 1, "0");
    // (1000 + 150 + 4.5) × 0.7 × 0.012
    check_line(buy, "property_tax", 2, "9.6978");
}

#[test]
fn rule_18_cit_rate_follows_the_regime() {
    check_line(r#"{"cit_regime": "high_tech"}"#, "cit", 1, "73.785");
    check_line("{}", "cit", 1, "122.975");
}

#[test]
fn rule_19_subsidies_are_taxable_income() {
    let award = r#"{"incentives": {"settlement_award": {"on": true, "amount": 100}}}"#;
    check_line(award, "taxable_income", 1, "591.9");
    check_line(
        r#"{"incentives": {"settlement_award": {"on": true, "amount": 100}}, "subsidies_taxable": false}"#,
        "taxable_income",
        1,
        "491.9",
    );
    check_line(
        r#"{"rent": 10, "rent_area": 1000, "rent_vat_rate": 0, "incentives": {"rent_relief": {"on": true}}}"#,
        "taxable_income",
        1,
        "491.9",
    );
}

#[test]
fn rule_20_losses_carry_forward() {
    // Year 1 sells nothing and pays 6 of management fee: a loss of 6.
    let loss = r#"{"ramp": [0], "mgmt_fee": 1, "rent_area": 5000}"#;
    check_line(loss, "taxable_income", 1, "-6");
    check_line(loss, "loss_used", 2, "6");
    check_line(loss, "cit", 2, "119.975");
    check_line(
        r#"{"ramp": [0], "mgmt_fee": 1, "rent_area": 5000, "loss_years": 0}"#,
        "cit",
        2,
        "121.475",
    );
}

#[test]
fn rule_21_vat_credit_left_at_n_is_lost() {
    check_line(r#"{"equipment": 11300}"#, "vat_credit", 5, "975");
    check_line(r#"{"equipment": 11300}"#, "vat_paid", 5, "0");
}

#[test]
fn rule_22_guarantee_fee_and_interest() {
    let loan = r#"{"loan": 1000, "loan_rate": "0.1", "loan_years": 2, "grace_years": 0, "guarantee_rate": "0.01"}"#;
    check_line(loan, "guarantee_fee", 2, "10");
    check_line(loan, "guarantee_fee", 3, "5");
    check_line(loan, "interest", 3, "50");
    check_line(loan, "loan_draw", 1, "1000");
}

#[test]
fn rule_23_adjusted_cit_ignores_financing() {
    let loan = r#"{"loan": 1000, "loan_rate": "0.1", "loan_years": 2, "grace_years": 0, "guarantee_rate": "0.01"}"#;
    check_line(loan, "adjusted_cit", 2, "122.975");
    check_line(loan, "cit", 2, "95.475");
}

#[test]
fn rule_24_group_b_on_and_group_c_off_by_default() {
    let defaults = RawScenario::default();
    let valid = validate(&defaults).unwrap();
    let incentives = &valid.inputs().incentives;
    assert!(incentives.equip_subsidy.0 && incentives.rent_relief.0 && incentives.hiring_subsidy.0);
    assert!(!incentives.tax_reward.0 && !incentives.land_rebate.0);
}

#[test]
fn rule_25_rent_holiday_by_lease_year() {
    let rented = r#"{"rent": 8, "rent_area": 5000, "incentives": {"rent_relief": {"on": true}}}"#;
    check_line(rented, "rent_waived", 1, "48");
    check_line(rented, "rent_gross", 1, "0");
    check_line(rented, "rent_waived", 4, "24");
    check_line(rented, "rent_gross", 4, "24");
}

#[test]
fn rule_26_equipment_subsidy_capped() {
    check_line(
        r#"{"equipment": 1130, "incentives": {"equip_subsidy": {"on": true, "rate": "0.1", "cap": 500, "lag": 1}}}"#,
        "equip_subsidy",
        2,
        "100",
    );
    check_line(
        r#"{"equipment": 1130, "incentives": {"equip_subsidy": {"on": true, "rate": "0.1", "cap": 50, "lag": 0}}}"#,
        "equip_subsidy",
        1,
        "50",
    );
}

#[test]
fn rule_27_interest_subsidy() {
    let loan = r#"{"loan": 1000, "loan_rate": "0.1", "loan_years": 3, "grace_years": 1, "incentives": {"interest_subsidy": {"on": true, "share": "0.5", "years": 1}}}"#;
    check_line(loan, "interest_subsidy", 2, "50");
    check_line(loan, "interest_subsidy", 3, "0");
}

#[test]
fn rule_28_hiring_subsidy_on_net_new_staff() {
    let hiring = r#"{"headcount": 100, "ramp": ["0.5"], "incentives": {"hiring_subsidy": {"on": true, "per_person": "0.1"}}}"#;
    check_line(hiring, "hiring_subsidy", 1, "5");
    check_line(hiring, "hiring_subsidy", 2, "5");
    check_line(hiring, "hiring_subsidy", 3, "0");
}

#[test]
fn rule_29_far_reward() {
    let buy = r#"{"site_mode": "buy_land", "build_months": 12, "land_mu": 10, "far": "1.2", "incentives": {"far_reward": {"on": true, "per_mu": 16, "min_far": "1.2"}}}"#;
    check_line(buy, "far_reward", 1, "160");
    check_line(
        r#"{"site_mode": "buy_land", "build_months": 12, "land_mu": 10, "far": "1.0", "incentives": {"far_reward": {"on": true, "per_mu": 16, "min_far": "1.2"}}}"#,
        "far_reward",
        1,
        "0",
    );
}

#[test]
fn rule_30_tax_reward_on_local_retained_vat_and_cit() {
    // 0.5 × 65 + 0.4 × 122.975 for operating year 1, paid a year later.
    let reward = r#"{"incentives": {"tax_reward": {"on": true, "shares": [1], "lag": 1}}}"#;
    check_line(reward, "tax_reward", 2, "81.69");
    check_line(reward, "tax_reward", 3, "0");
}

#[test]
fn rule_31_land_rebate() {
    check_line(
        r#"{"site_mode": "buy_land", "build_months": 12, "land_mu": 10, "land_price": 12, "incentives": {"land_rebate": {"on": true, "rate": "0.5"}}}"#,
        "land_rebate",
        1,
        "60",
    );
}

#[test]
fn rule_32_stress_delays_group_b_and_drops_group_c() {
    let raw = raw(
        r#"{"incentives": {"settlement_award": {"on": true, "amount": 100}, "tax_reward": {"on": true}}}"#,
    );
    let valid = validate(&raw).unwrap();
    let stressed = YearTable::new(valid.inputs(), true).unwrap();
    assert_eq!(
        stressed.incentives.settlement_award,
        vec![d("0"), d("100"), d("0"), d("0"), d("0")]
    );
    assert!(stressed.incentives.tax_reward.iter().all(Decimal::is_zero));
}

#[test]
fn rule_33_incentives_are_paid_after_a_failed_target() {
    let failed = r#"{"targets": {"tax_per_mu": {"min": 1000}}, "incentives": {"settlement_award": {"on": true, "amount": 100}}}"#;
    check(failed, "/deposit/tax_per_mu_met", "false");
    check(failed, "/incentives/total_nominal", "100");
}

#[test]
fn rule_34_per_mu_deposit_uses_the_land_basis() {
    check(
        r#"{"deposit": {"kind": "per_mu", "amount": 5}}"#,
        "/deposit/amount",
        "31.25",
    );
}

#[test]
fn rule_35_deposit_targets_are_separate_from_thresholds() {
    let own = r#"{"targets": {"intensity": {"on": true, "min": 0}}, "mu_thresholds": {"intensity": 1000000}}"#;
    check(own, "/deposit/outcome", "\"refunded\"");
    check(own, "/mu_metrics/test_year/intensity_met", "false");
}

#[test]
fn rule_36_pro_rata_refund() {
    // Tax per 亩 31.372 against a minimum of 62.744: shortfall 0.5.
    let missed = r#"{"deposit": {"kind": "fixed", "amount": 100}, "targets": {"tax_per_mu": {"min": "62.744"}}, "forfeit_rule": "pro_rata"}"#;
    check(missed, "/deposit/refund", "50");
    check(missed, "/deposit/outcome", "\"partial\"");
    check(
        r#"{"deposit": {"kind": "fixed", "amount": 100}, "targets": {"tax_per_mu": {"min": "62.744"}}}"#,
        "/deposit/forfeited",
        "100",
    );
}

#[test]
fn rule_37_clawback() {
    let clawed = r#"{"clawback": "0.5", "targets": {"tax_per_mu": {"min": 1000}}, "incentives": {"settlement_award": {"on": true, "amount": 100}}}"#;
    check_line(clawed, "clawback", 4, "50");
    check(clawed, "/deposit/clawback", "50");
}

#[test]
fn rule_38_payback_model_convention() {
    let flows = [
        d("-1000000"),
        d("200000"),
        d("400000"),
        d("300000"),
        d("400000"),
    ];
    assert_eq!(
        engine::finance::static_payback(&flows).unwrap(),
        Some(d("4.25"))
    );
    check("{}", "/statements/project_after_tax/static_payback", "0");
}

#[test]
fn rule_39_irr_status_and_reason() {
    check("{}", "/statements/project_after_tax/irr/status", "\"none\"");
    check(
        "{}",
        "/statements/project_after_tax/irr/reason",
        "\"flows never change sign\"",
    );
    check(
        r#"{"equipment": 2260}"#,
        "/statements/project_before_tax/irr/status",
        "\"single\"",
    );
}

#[test]
fn rule_40_mirr_only_with_multiple_irrs() {
    check(
        r#"{"equipment": 2260}"#,
        "/statements/project_before_tax/mirr",
        "null",
    );
    let flows = [
        d("-120000"),
        d("39000"),
        d("30000"),
        d("21000"),
        d("37000"),
        d("46000"),
    ];
    let value = engine::finance::mirr(&flows, d("0.10"), d("0.12"))
        .unwrap()
        .unwrap();
    assert!((value - d("0.1217")).abs() < d("0.00005"));
}

#[test]
fn rule_41_peak_funding_need() {
    let flows = [d("-5"), d("2"), d("-4"), d("10")];
    assert_eq!(engine::metrics::peak_funding_need(&flows).unwrap(), d("7"));
    check("{}", "/peak_funding_need", "0");
}

#[test]
fn rule_42_min_dscr() {
    let loan = r#"{"loan": 1000, "loan_rate": "0.1", "loan_years": 2, "grace_years": 0}"#;
    // Year 2: (491.9 − 97.975) / 600; year 3: (491.9 − 110.475) / 550.
    check(loan, "/min_dscr", "0.6565416666666666666666666667");
    check("{}", "/min_dscr", "null");
}

#[test]
fn rule_43_incentive_summary() {
    let award = r#"{"incentives": {"settlement_award": {"on": true, "amount": 112}}}"#;
    check(award, "/incentives/by_kind/settlement_award/nominal", "112");
    check(award, "/incentives/by_kind/settlement_award/pv", "100");
    check(award, "/incentives/total_pv", "100");
}

#[test]
fn rule_44_park_ledger() {
    // (0.5 × 65 + 0.4 × 122.975 + 7.8 + 0.3) × 5 years.
    check("{}", "/park/local_retained_total", "448.95");
    check("{}", "/park/breakeven_year", "1");
    check(
        r#"{"incentives": {"settlement_award": {"on": true, "amount": 200}}}"#,
        "/park/breakeven_year",
        "3",
    );
}

#[test]
fn rule_45_fixed_investment() {
    let buy = r#"{"site_mode": "buy_land", "build_months": 12, "land_mu": 15, "land_price": 10, "far": 1, "build_cost": 1090, "other_build_ratio": 0, "contingency_ratio": 0}"#;
    check(buy, "/fixed_investment", "1150");
    check("{}", "/mu_metrics/test_year/plot_ratio", "null");
}

#[test]
fn rule_46_buy_vs_rent() {
    let eac = engine::compare::eac(d("100"), d("0.1"), 2).unwrap();
    assert!((eac - d("57.619047619047619047619047619")).abs() < d("0.000000001"));
    let buy = [d("-10"), d("5"), d("20")];
    let rent = [d("-1"), d("6"), d("10")];
    assert_eq!(engine::compare::crossover_year(&buy, &rent), Some(3));
    assert_eq!(engine::compare::crossover_year(&rent, &buy), None);
    check(
        "{}",
        "/buy_vs_rent/rent/npv",
        results("{}")["statements"]["project_after_tax"]["npv"]
            .as_str()
            .unwrap(),
    );
}

#[test]
fn rule_47_tornado_sorted_ties_in_listed_order() {
    let all = results("{}");
    let names: Vec<&str> = all["tornado"]
        .as_array()
        .unwrap()
        .iter()
        .map(|bar| bar["input"].as_str().unwrap())
        .collect();
    // equipment, rent and wage are 0 here: no swing, listed order kept.
    assert_eq!(names.len(), 6);
    assert_eq!(names[3..], ["equipment", "rent", "wage"]);
    assert_eq!(
        results(r#"{"site_mode": "buy_land", "build_months": 12}"#)["tornado"]
            .as_array()
            .unwrap()
            .len(),
        7
    );
}

#[test]
fn rule_48_switching_values() {
    check("{}", "/switching_values/output_full/delta", "-1");
    // NPV reaches 0 where (1000 − M)(1 − 0.0156) = 0.3 stamp: M = 500 (1 + δ).
    check(
        "{}",
        "/switching_values/materials_ratio/delta",
        "0.999390491670052824",
    );
    check("{}", "/switching_values/materials_ratio/jump", "false");
}

#[test]
fn rule_49_stress_results_beside_the_base() {
    let award = r#"{"incentives": {"settlement_award": {"on": true, "amount": 100}}}"#;
    let all = results(award);
    let base = d(all["statements"]["project_before_tax"]["npv"]
        .as_str()
        .unwrap());
    let stressed = d(all["stress"]["statements"]["project_before_tax"]["npv"]
        .as_str()
        .unwrap());
    // 100 a year later: −100/1.12 + 100/1.12².
    assert!((stressed - base - d("-9.566326530612244897959183673")).abs() < d("0.000000001"));
    assert!(
        all["stress"]["park_npv"].is_string() && all["stress"]["deposit"]["outcome"].is_string()
    );
}

#[test]
fn rule_50_presets_set_defaults_user_values_kept() {
    let inputs_of = |text: &str| {
        validate(&RawScenario::from_json(text).unwrap())
            .unwrap()
            .inputs()
            .clone()
    };
    let preset = inputs_of(r#"{"cluster": "new_energy"}"#);
    assert_eq!(
        (preset.site_mode, preset.land_mu, preset.equipment),
        (engine::validate::SiteMode::BuyLand, d("100"), d("20000"))
    );
    let kept = inputs_of(r#"{"cluster": "new_energy", "land_mu": 30, "site_mode": "rent"}"#);
    assert_eq!(
        (kept.site_mode, kept.land_mu, kept.output_full),
        (engine::validate::SiteMode::Rent, d("30"), d("80000"))
    );
    let preset = validate(&RawScenario {
        cluster: Some("big_data".into()),
        ..RawScenario::default()
    })
    .unwrap();
    assert_eq!(preset.inputs().rent_area, d("3000"));
    assert_eq!(preset.inputs().rd_ratio, d("0.08"));
}

#[test]
fn rule_51_shares_lists_and_integers() {
    check_errors(r#"{"loss_years": 10.5}"#, &["loss_years"]);
    check_errors(
        r#"{"incentives": {"interest_subsidy": {"years": 21}, "far_reward": {"min_far": 1000001}}}"#,
        &[
            "incentives.far_reward.min_far",
            "incentives.interest_subsidy.years",
        ],
    );
    check_errors(
        &format!(
            r#"{{"incentives": {{"rent_relief": {{"shares": [{}]}}}}}}"#,
            vec!["1"; 31].join(",")
        ),
        &["incentives.rent_relief.shares"],
    );
    check_errors(
        r#"{"incentives": {"tax_reward": {"shares": [1, 1.1]}}}"#,
        &["incentives.tax_reward.shares[1]"],
    );
}

#[test]
fn rule_52_other_mode_takes_its_own_defaults() {
    check("{}", "/buy_vs_rent/buy_land/build_months", "12");
    check("{}", "/buy_vs_rent/buy_land/deposit/kind", "\"per_mu\"");
    check("{}", "/buy_vs_rent/buy_land/deposit/amount", "5");
}

#[test]
fn rule_53_errors_on_build_months_and_financing() {
    check_errors(r#"{"horizon": 3, "build_months": 24}"#, &["build_months"]);
    check_errors(r#"{"loan": 0, "loan_rate": "abc"}"#, &["loan_rate"]);
    check_errors(r#"{"loan": 0, "loan_rate": 5, "guarantee_rate": 1}"#, &[]);
    check_errors(
        r#"{"loan": -1, "loan_rate": "abc", "loan_years": 99}"#,
        &["loan"],
    );
}

#[test]
fn rule_54_deposit_kind_without_amount() {
    let raw = RawScenario::from_json(r#"{"deposit": {"kind": "per_mu"}}"#).unwrap();
    let all: Value = serde_json::from_str(&evaluate_raw(&raw).unwrap().to_json()).unwrap();
    close(&all["deposit"]["amount"], "31.25", "5 万元/亩 × 6.25 亩");
    let valid = validate(&raw).unwrap();
    assert_eq!(valid.inputs().deposit_amount, d("5"));
}

#[test]
fn rule_55_stress_input_evaluates_everything_under_stress() {
    let all = results(
        r#"{"stress": true, "incentives": {"settlement_award": {"on": true, "amount": 100}}}"#,
    );
    assert_eq!(all["stress"]["statements"], all["statements"]);
    assert_eq!(all["annual"]["settlement_award"][1], json!("100"));
}

#[test]
fn rule_56_full_capacity_not_reached() {
    let low = r#"{"ramp": [0.5, 0.8, 0.9, 0.8, 0.9]}"#;
    check(low, "/mu_metrics/first_full_capacity_year/year", "3");
    check(
        low,
        "/mu_metrics/first_full_capacity_year/full_capacity_reached",
        "false",
    );
    check_warning(low, "full_capacity_not_reached", true);
    check_warning("{}", "full_capacity_not_reached", false);
}

#[test]
fn rule_57_switching_search_runs_outwards_on_both_sides() {
    // Output crosses at δ = −1 exactly, the far end of the negative side.
    check("{}", "/switching_values/output_full/jump", "false");
    check(
        r#"{"materials_ratio": 1, "output_full": 1000}"#,
        "/switching_values/equipment/delta",
        "null",
    );
}

#[test]
fn rule_58_clawback_paid_within_n_and_due() {
    let late = r#"{"test_year": 5, "clawback": "0.5", "targets": {"tax_per_mu": {"min": 1000}}, "incentives": {"settlement_award": {"on": true, "amount": 100}}}"#;
    check(late, "/deposit/clawback_due", "50");
    check(late, "/deposit/clawback", "0");
}

#[test]
fn rule_59_floor_price_below_is_null_in_rent_mode() {
    check(r#"{"land_price": 1}"#, "/floor_price/below", "null");
    check(r#"{"land_price": 1}"#, "/floor_price/grade", "11");
}

#[test]
fn rule_60_warnings() {
    check_warning(
        r#"{"incentives": {"tax_reward": {"on": true}}}"#,
        "restricted_incentive",
        true,
    );
    check_warning(
        r#"{"incentives": {"land_rebate": {"on": true}}}"#,
        "restricted_incentive",
        true,
    );
    check_warning(
        r#"{"targets": {"tax_per_mu": {"min": 1000}}}"#,
        "targets_missed",
        true,
    );
    check_warning(
        r#"{"deposit": {"amount": 10}, "targets": {"tax_per_mu": {"min": 1000}}}"#,
        "deposit_forfeited",
        true,
    );
    check_warning(
        r#"{"targets": {"tax_per_mu": {"min": 1000}}}"#,
        "deposit_forfeited",
        false,
    );
    check_warning("{}", "multiple_irr", false);
}

#[test]
fn rule_61_json_numbers() {
    check_errors(r#"{"horizon": "15.0", "discount_rate": "1e-1"}"#, &[]);
    check_errors(r#"{"output_full": "1e40"}"#, &["output_full"]);
    let errors = RawScenario::from_json(r#"{"horizon": null}"#).unwrap_err();
    assert_eq!(errors[0].field, "horizon");
    let exact = RawScenario::from_json(r#"{"discount_rate": 0.1}"#).unwrap();
    assert_eq!(exact.discount_rate, Some(Num::from("0.1")));
}

#[test]
fn rule_62_irr_search_near_minus_99_percent_does_not_overflow() {
    let mut flows = vec![d("1000")];
    flows.extend(std::iter::repeat_n(Decimal::ZERO, 28));
    flows.push(d("-1"));
    let found = engine::finance::irr(&flows).unwrap();
    // (1 + r)^29 = 1/1000.
    let root = found.roots[0];
    assert!(
        (root - d("-0.2119537184")).abs() < d("0.000000001"),
        "{root}"
    );
}

#[test]
fn rule_63_rent_land_basis() {
    check("{}", "/mu_metrics/test_year/mu_basis", "6.25");
    check(
        r#"{"ref_far": "0.7"}"#,
        "/mu_metrics/test_year/mu_basis",
        "10.714285714285714285714285714",
    );
}
