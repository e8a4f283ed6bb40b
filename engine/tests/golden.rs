//! Golden scenarios: every `tests/golden/NAME.scenario.json` is evaluated
//! and every figure present in `NAME.expected.json` (written by the
//! independent reference model, `scripts/reference_model.py`) is compared:
//! money and other decimals to 1e-6, IRRs and MIRRs to 1e-8, flags and texts
//! exactly. `annual_detail` lines are matched to the engine's yearly lines by
//! name, or derived from them. Nothing is skipped silently: what is not
//! compared is listed below with the reason, and a file, key or line that
//! cannot be matched is a failure.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use engine::results::annual_json;
use rust_decimal::Decimal;
use serde_json::Value;

/// Expected keys not compared: warning texts are worded by each
/// implementation (codes are compared); `resolved_inputs` and `scalars` are
/// the reference model's own debugging blocks.
const NOT_COMPARED: &[&str] = &[
    ".message_zh",
    ".message_en",
    ".resolved_inputs",
    ".scalars",
    ".allowed",
];

/// Reference lines the engine does not keep (they are steps inside lines
/// that are compared: depreciation by asset → `depreciation`; the tax
/// reward by the year that earns it → `tax_reward` by the year it is paid;
/// losses arising and the pool → `loss_used`, `taxable_after_losses`, `cit`;
/// the clawback in the CIT base → `taxable_income`).
const REFERENCE_ONLY_LINES: &[&str] = &[
    "depreciation_building",
    "depreciation_equipment",
    "depreciation_fit_out",
    "tax_reward_earned_for_year",
    "loss_arising",
    "loss_pool_end",
    "clawback_deducted",
];

/// The reference's names of yearly lines that the engine names otherwise.
const LINE_ALIASES: &[(&str, &str)] = &[
    ("capacity_u", "capacity"),
    ("ci", "cash_in"),
    ("co", "cash_out"),
    ("construction_contingency", "contingency"),
    ("construction_other", "other_build"),
    ("depreciation_total", "depreciation"),
    ("amortisation_land", "amortisation"),
    ("incentive_equip_subsidy", "equip_subsidy"),
    ("incentive_far_reward", "far_reward"),
    ("incentive_hiring_subsidy", "hiring_subsidy"),
    ("incentive_interest_subsidy", "interest_subsidy"),
    ("incentive_land_rebate", "land_rebate"),
    ("incentive_settlement_award", "settlement_award"),
    ("incentive_tax_reward", "tax_reward"),
    ("incentives_cash_total", "incentives_cash"),
    ("land_cost", "land"),
    ("loan_closing_balance", "loan_balance"),
    ("loan_drawn", "loan_draw"),
    ("rent_deposit_returned", "rent_deposit_return"),
    ("rent_excl_vat", "rent_net"),
    ("stamp_total", "stamp"),
    ("vat_credit_carried", "vat_credit"),
    ("wc_balance", "working_capital"),
    ("wc_change", "working_capital_change"),
    ("wc_recovery", "working_capital_recovery"),
];

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
}

fn number(value: &Value) -> Option<Decimal> {
    match value {
        Value::String(text) => engine::scenario::parse_decimal(text).ok(),
        Value::Number(number) => engine::scenario::parse_decimal(&number.to_string()).ok(),
        _ => None,
    }
}

/// Truncates over-long decimal text to what `Decimal` can hold.
fn loose_number(value: &Value) -> Option<Decimal> {
    number(value).or_else(|| {
        let text = match value {
            Value::String(text) => text.clone(),
            Value::Number(number) => number.to_string(),
            _ => return None,
        };
        let (whole, fraction) = text.split_once('.')?;
        let kept: String = fraction.chars().take(20).collect();
        Decimal::from_str(&format!("{whole}.{kept}")).ok()
    })
}

fn compare(path: &str, expected: &Value, actual: Option<&Value>, mismatches: &mut Vec<String>) {
    // A switching value's reason is free text; its null delta is compared.
    let free_text = path.contains(".switching_values.") && path.ends_with(".reason");
    if free_text || NOT_COMPARED.iter().any(|skip| path.ends_with(skip)) {
        return;
    }
    let Some(actual) = actual else {
        mismatches.push(format!("{path}: missing (expected {expected})"));
        return;
    };
    match expected {
        Value::Object(map) => {
            for (key, value) in map {
                let child = format!("{path}.{key}");
                if key == "mirr" {
                    compare_mirr(&child, value, actual, mismatches);
                } else {
                    compare(&child, value, actual.get(key), mismatches);
                }
            }
        }
        Value::Array(items) => {
            let Some(actual_items) = actual.as_array() else {
                mismatches.push(format!("{path}: expected a list, got {actual}"));
                return;
            };
            if items.len() != actual_items.len() {
                mismatches.push(format!(
                    "{path}: {} entries, expected {}",
                    actual_items.len(),
                    items.len()
                ));
                return;
            }
            for (index, item) in items.iter().enumerate() {
                compare(
                    &format!("{path}[{index}]"),
                    item,
                    actual_items.get(index),
                    mismatches,
                );
            }
        }
        Value::String(_) | Value::Number(_) if loose_number(expected).is_some() => {
            let (Some(want), Some(got)) = (loose_number(expected), loose_number(actual)) else {
                mismatches.push(format!("{path}: {actual}, expected {expected}"));
                return;
            };
            let tolerance = if path.contains(".irr.") || path.ends_with(".mirr") {
                Decimal::new(1, 8)
            } else if path.contains(".switching_values.") {
                // δ is bracketed to 1e-10 (rule 48), so value = base × (1 + δ)
                // is known to base × 1e-10.
                (want.abs() * Decimal::new(1, 9)).max(Decimal::new(1, 6))
            } else {
                Decimal::new(1, 6)
            };
            if (want - got).abs() > tolerance {
                mismatches.push(format!("{path}: {got}, expected {want}"));
            }
        }
        _ => {
            if expected != actual {
                mismatches.push(format!("{path}: {actual}, expected {expected}"));
            }
        }
    }
}

/// MIRR of one statement (rule 40, DECISIONS 3): when the engine's IRR
/// status is "multiple" it must equal the reference's (which gives MIRR for
/// every statement); otherwise the engine's must be null.
fn compare_mirr(path: &str, expected: &Value, statement: &Value, mismatches: &mut Vec<String>) {
    let status = statement.pointer("/irr/status").and_then(Value::as_str);
    let actual = statement.get("mirr");
    if status == Some("multiple") {
        compare(path, expected, actual, mismatches);
    } else if actual != Some(&Value::Null) {
        let shown = actual.map_or_else(|| "missing".to_owned(), Value::to_string);
        mismatches.push(format!(
            "{path}: {shown}, expected null (IRR status {status:?})"
        ));
    }
}

/// The engine's yearly line for a reference line: by name, by alias, or
/// derived from the engine's lines; `None` if the engine has no such line.
fn engine_line(annual: &Value, line: &str) -> Option<Value> {
    let ours = LINE_ALIASES
        .iter()
        .find(|(theirs, _)| *theirs == line)
        .map_or(line, |(_, ours)| ours);
    if let Some(found) = annual.get(ours) {
        return Some(found.clone());
    }
    let values = |name: &str| -> Option<Vec<Decimal>> {
        annual
            .get(name)?
            .as_array()?
            .iter()
            .map(number)
            .collect::<Option<Vec<Decimal>>>()
    };
    let to_json = |line: Vec<Decimal>| {
        Value::Array(
            line.into_iter()
                .map(|value| Value::String(value.to_string()))
                .collect(),
        )
    };
    match line {
        // Input VAT on capex: construction + fit-out + equipment.
        "capex_vat" => {
            let (a, b, c) = (
                values("construction_vat")?,
                values("fit_out_vat")?,
                values("equipment_vat")?,
            );
            Some(to_json(
                a.iter()
                    .zip(&b)
                    .zip(&c)
                    .map(|((a, b), c)| a + b + c)
                    .collect(),
            ))
        }
        // The loan balance at the start of year t: the close of year t − 1.
        "loan_opening_balance" => {
            let closing = values("loan_balance")?;
            let opening = std::iter::once(Decimal::ZERO)
                .chain(closing.iter().copied())
                .take(closing.len())
                .collect();
            Some(to_json(opening))
        }
        "incentives_cash_excl_interest_subsidy" => {
            let (cash, interest) = (values("incentives_cash")?, values("interest_subsidy")?);
            Some(to_json(
                cash.iter().zip(&interest).map(|(a, b)| a - b).collect(),
            ))
        }
        _ => None,
    }
}

/// The engine's JSON as serde_json reads it, for comparing with the
/// reference model's.
fn serde_value(value: &engine::json::Value) -> Value {
    serde_json::from_str(&value.to_string()).unwrap()
}

#[test]
fn golden_scenarios_match_the_reference_model() {
    let entries = std::fs::read_dir(golden_dir()).expect("the golden directory");
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".scenario.json").map(str::to_owned))
        .collect();
    names.sort();
    let mut report = Vec::new();
    for name in &names {
        let scenario =
            std::fs::read_to_string(golden_dir().join(format!("{name}.scenario.json"))).unwrap();
        let expected_text =
            std::fs::read_to_string(golden_dir().join(format!("{name}.expected.json")))
                .unwrap_or_else(|error| panic!("{name}: no expected file ({error})"));
        let mut expected: Value = serde_json::from_str(&expected_text).unwrap();
        let mut mismatches = Vec::new();
        let raw = engine::RawScenario::from_json(&scenario).unwrap();
        match engine::evaluate_raw(&raw) {
            Ok(results) => {
                let actual = serde_value(&results.to_json_value());
                let detail = expected
                    .as_object_mut()
                    .and_then(|map| map.remove("annual_detail"));
                compare(name, &expected, Some(&actual), &mut mismatches);
                if let Some(Value::Object(lines)) = detail {
                    let annual = serde_value(&annual_json(&results.table));
                    for (line, values) in lines {
                        let path = format!("{name}.annual_detail.{line}");
                        match engine_line(&annual, &line) {
                            Some(ours) => compare(&path, &values, Some(&ours), &mut mismatches),
                            None if REFERENCE_ONLY_LINES.contains(&line.as_str()) => {}
                            None => mismatches.push(format!("{path}: no such engine line")),
                        }
                    }
                }
            }
            Err(failure) => {
                let errors = engine::results::errors_json(&failure.errors());
                let errors: Value = serde_json::from_str(&errors).unwrap();
                compare(name, &expected, Some(&errors), &mut mismatches);
            }
        }
        report.extend(mismatches);
    }
    assert!(names.len() >= 23, "only {} golden scenarios", names.len());
    assert!(
        report.is_empty(),
        "{} mismatches:\n{}",
        report.len(),
        report.join("\n")
    );
}
