//! The raw scenario of SCENARIO.md: every input optional, numbers kept as
//! their literal text, exactly as a form, a link or a JSON file gives them.
//!
//! [`RawScenario::from_json`] reads the JSON contract: numbers may be JSON
//! numbers or strings and are read from their literal text, never through
//! `f64` (rule 61); unknown keys and wrong types are reported together as
//! [`FieldError`]s. [`RawScenario::to_json`] writes the same contract back
//! (numbers as strings). Ranges are judged later, by `validate`.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::validate::FieldError;

/// A number as literal text (`"0.1"`, `"1e3"`, `"15.0"`); parsed by
/// [`parse_decimal`] during validation, so a form can hold what was typed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Num(pub String);

impl From<&str> for Num {
    fn from(text: &str) -> Num {
        Num(text.to_owned())
    }
}

impl From<Decimal> for Num {
    fn from(value: Decimal) -> Num {
        Num(value.to_string())
    }
}

impl From<i64> for Num {
    fn from(value: i64) -> Num {
        Num(value.to_string())
    }
}

/// Why a text is not a usable decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Not decimal text with an optional exponent.
    NotANumber,
    /// A magnitude beyond `Decimal`'s range (about 7.9 × 10²⁸).
    OutOfRange,
}

/// Reads decimal text with an optional exponent and no spaces (rule 61):
/// `-12.5`, `0.1`, `1e3`, `2.5E-2`. Exact: `0.1` is one tenth. Digits beyond
/// `Decimal`'s 28 decimal places are rounded; magnitudes beyond its range are
/// [`NumberError::OutOfRange`].
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    let bytes = text.as_bytes();
    let (negative, rest) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    let (mantissa, exponent_text) = match rest.iter().position(|byte| matches!(byte, b'e' | b'E')) {
        Some(at) => (rest.get(..at).unwrap_or_default(), rest.get(at + 1..)),
        None => (rest, None),
    };
    let (integer_part, fraction_part) = match mantissa.iter().position(|byte| *byte == b'.') {
        Some(at) => (
            mantissa.get(..at).unwrap_or_default(),
            mantissa.get(at + 1..).unwrap_or_default(),
        ),
        None => (mantissa, &[][..]),
    };
    let all_digits = |part: &[u8]| part.iter().all(u8::is_ascii_digit);
    if integer_part.len() + fraction_part.len() == 0
        || !all_digits(integer_part)
        || !all_digits(fraction_part)
    {
        return Err(NumberError::NotANumber);
    }
    let exponent = match exponent_text {
        None => 0_i64,
        Some(exponent_bytes) => parse_exponent(exponent_bytes)?,
    };
    // The value is `digits × 10^(exponent − fraction length)`.
    let digits: Vec<u8> = integer_part
        .iter()
        .chain(fraction_part.iter())
        .copied()
        .skip_while(|digit| *digit == b'0')
        .collect();
    if digits.is_empty() {
        return Ok(Decimal::ZERO);
    }
    let Ok(fraction_length) = i64::try_from(fraction_part.len()) else {
        return Err(NumberError::OutOfRange);
    };
    let shift = exponent.saturating_sub(fraction_length);
    let Ok(digit_count) = i64::try_from(digits.len()) else {
        return Err(NumberError::OutOfRange);
    };
    // Digits left of the decimal point; more than 29 cannot fit.
    if digit_count.saturating_add(shift) > 29 {
        return Err(NumberError::OutOfRange);
    }
    // Far below Decimal's resolution: the value rounds to zero.
    if digit_count.saturating_add(shift) < -40 {
        return Ok(Decimal::ZERO);
    }
    let digit_text: String = digits.iter().map(|digit| char::from(*digit)).collect();
    let plain = if shift >= 0 {
        let zeros = "0".repeat(usize::try_from(shift).unwrap_or_default());
        format!("{digit_text}{zeros}")
    } else {
        let places = usize::try_from(shift.unsigned_abs()).unwrap_or_default();
        if places >= digit_text.len() {
            let zeros = "0".repeat(places - digit_text.len());
            format!("0.{zeros}{digit_text}")
        } else {
            let (whole, fraction) = digit_text.split_at(digit_text.len() - places);
            format!("{whole}.{fraction}")
        }
    };
    let magnitude = Decimal::from_str(&plain).map_err(|_| NumberError::OutOfRange)?;
    Ok(if negative { -magnitude } else { magnitude })
}

fn parse_exponent(bytes: &[u8]) -> Result<i64, NumberError> {
    let (negative, digits) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Err(NumberError::NotANumber);
    }
    let mut value: i64 = 0;
    for digit in digits {
        value = value
            .saturating_mul(10)
            .saturating_add(i64::from(digit - b'0'));
    }
    // Saturation keeps absurd exponents absurd, which the caller classifies.
    Ok(if negative { -value } else { value })
}

/// The JSON type a key expects (the schema of SCENARIO.md).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    /// A number or its text.
    Number,
    /// A string.
    Text,
    /// `true` or `false`.
    Bool,
    /// A list of numbers.
    Numbers,
    /// A nested object with its own keys.
    Object(&'static [(&'static str, Kind)]),
    /// Anything; kept and ignored (`meta`).
    Any,
}

macro_rules! kind_type {
    (number) => { Num };
    (text) => { String };
    (bool) => { bool };
    (numbers) => { Vec<Num> };
    (any) => { Value };
    ($nested:ident) => { $nested };
}

macro_rules! kind_of {
    (number) => {
        Kind::Number
    };
    (text) => {
        Kind::Text
    };
    (bool) => {
        Kind::Bool
    };
    (numbers) => {
        Kind::Numbers
    };
    (any) => {
        Kind::Any
    };
    ($nested:ident) => {
        Kind::Object($nested::SCHEMA)
    };
}

/// Declares a raw struct (every field optional, unknown keys refused by
/// serde) together with the schema `from_json` checks keys and types against,
/// so the two cannot drift apart.
macro_rules! raw_struct {
    ($(#[$meta:meta])* $name:ident { $($(#[$field_meta:meta])* $field:ident : $kind:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $(
                $(#[$field_meta])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<kind_type!($kind)>,
            )*
        }

        impl $name {
            pub(crate) const SCHEMA: &'static [(&'static str, Kind)] =
                &[$((stringify!($field), kind_of!($kind)),)*];
        }
    };
}

raw_struct! {
    /// `incentives.rent_relief`: rent holiday shares by lease year.
    RawRentRelief { on: bool, shares: numbers }
}
raw_struct! {
    /// `incentives.equip_subsidy`.
    RawEquipSubsidy { on: bool, rate: number, cap: number, lag: number }
}
raw_struct! {
    /// `incentives.interest_subsidy` (贴息).
    RawInterestSubsidy { on: bool, share: number, years: number }
}
raw_struct! {
    /// `incentives.hiring_subsidy`.
    RawHiringSubsidy { on: bool, per_person: number }
}
raw_struct! {
    /// `incentives.far_reward` (buy_land).
    RawFarReward { on: bool, per_mu: number, min_far: number }
}
raw_struct! {
    /// `incentives.settlement_award` (落户奖励).
    RawSettlementAward { on: bool, amount: number }
}
raw_struct! {
    /// `incentives.tax_reward` (group C).
    RawTaxReward { on: bool, shares: numbers, lag: number }
}
raw_struct! {
    /// `incentives.land_rebate` (group C, buy_land).
    RawLandRebate { on: bool, rate: number }
}
raw_struct! {
    /// `incentives`: the eight incentives of MODEL.md §2.8.
    RawIncentives {
        rent_relief: RawRentRelief,
        equip_subsidy: RawEquipSubsidy,
        interest_subsidy: RawInterestSubsidy,
        hiring_subsidy: RawHiringSubsidy,
        far_reward: RawFarReward,
        settlement_award: RawSettlementAward,
        tax_reward: RawTaxReward,
        land_rebate: RawLandRebate,
    }
}
raw_struct! {
    /// `deposit`: kind (`per_mu` or `fixed`) and amount.
    RawDeposit { kind: text, amount: number }
}
raw_struct! {
    /// One deposit target: switched on, and its minimum.
    RawTarget { on: bool, min: number }
}
raw_struct! {
    /// `targets` of the deposit (rule 35).
    RawTargets { intensity: RawTarget, tax_per_mu: RawTarget }
}
raw_struct! {
    /// `mu_thresholds`: the display thresholds of the 亩均 metrics.
    RawMuThresholds { intensity: number, output: number, tax: number, far: number }
}
raw_struct! {
    /// A scenario as given: every key of SCENARIO.md, each optional.
    ///
    /// The app builds one from its form fields; [`RawScenario::from_json`]
    /// builds one from the JSON contract. Validation resolves what is
    /// missing from the defaults and the cluster preset.
    RawScenario {
        name: text,
        cluster: text,
        site_mode: text,
        horizon: number,
        build_months: number,
        discount_rate: number,
        equity_rate: number,
        park_rate: number,
        land_mu: number,
        land_price: number,
        land_grade: number,
        priority_industry: bool,
        deed_tax_rate: number,
        land_use_tax: number,
        far: number,
        build_cost: number,
        other_build_ratio: number,
        contingency_ratio: number,
        rent_area: number,
        rent: number,
        rent_vat_rate: number,
        mgmt_fee: number,
        rent_escalation: number,
        rent_deposit_months: number,
        fit_out: number,
        ref_far: number,
        equipment: number,
        install_ratio: number,
        wc_ratio: number,
        output_full: number,
        ramp: numbers,
        growth: number,
        materials_ratio: number,
        other_ratio: number,
        rd_ratio: number,
        repair_ratio: number,
        headcount: number,
        wage: number,
        social_ratio: number,
        wage_growth: number,
        vat_rate: number,
        build_vat_rate: number,
        city_tax_rate: number,
        edu_rate: number,
        cit_regime: text,
        loss_years: number,
        rd_super: number,
        property_deduct: number,
        property_rate: number,
        stamp_sales_rate: number,
        land_stamp_rate: number,
        vat_local_share: number,
        cit_local_share: number,
        park_share: number,
        subsidies_taxable: bool,
        loan: number,
        loan_rate: number,
        loan_years: number,
        grace_years: number,
        repayment: text,
        guarantee_rate: number,
        test_year: number,
        forfeit_rule: text,
        clawback: number,
        sensitivity_range: number,
        stress: bool,
        incentives: RawIncentives,
        deposit: RawDeposit,
        targets: RawTargets,
        mu_thresholds: RawMuThresholds,
        /// Kept and ignored: anything the caller wants to carry along.
        meta: any,
    }
}

impl RawScenario {
    /// Reads the scenario JSON of SCENARIO.md.
    ///
    /// Every unknown key (outside `meta`), `null`, and value of the wrong
    /// JSON type is reported, all at once; ranges are left to `validate`.
    pub fn from_json(text: &str) -> Result<RawScenario, Vec<FieldError>> {
        let value: Value = serde_json::from_str(text).map_err(|error| {
            vec![FieldError::new(
                "",
                text.chars().take(80).collect::<String>(),
                "a JSON object",
                format!("不是有效的 JSON：{error}"),
                format!("not valid JSON: {error}"),
            )
            .with_code("invalid_json")]
        })?;
        Self::from_value(value)
    }

    /// [`RawScenario::from_json`] on an already parsed JSON value.
    pub fn from_value(value: Value) -> Result<RawScenario, Vec<FieldError>> {
        let (raw, errors) = Self::from_value_lenient(value)?;
        if errors.is_empty() {
            Ok(raw)
        } else {
            Err(errors)
        }
    }

    /// Reads what can be read: the scenario without its unknown keys and
    /// wrongly typed values, and the errors for those, so that validation
    /// can report range errors in the same round. `Err` only when the JSON
    /// is not an object at all.
    pub fn from_value_lenient(
        value: Value,
    ) -> Result<(RawScenario, Vec<FieldError>), Vec<FieldError>> {
        let Value::Object(mut map) = value else {
            return Err(vec![FieldError::wrong_type("", &value, "a JSON object")]);
        };
        let mut errors = Vec::new();
        check_object(&mut map, RawScenario::SCHEMA, "", &mut errors);
        let raw = serde_json::from_value(Value::Object(map)).map_err(|error| {
            vec![FieldError::new(
                "",
                String::new(),
                "SCENARIO.md",
                format!("无法读取情景：{error}"),
                format!("cannot read the scenario: {error}"),
            )]
        })?;
        Ok((raw, errors))
    }

    /// The scenario as SCENARIO.md JSON; numbers are written as strings
    /// holding their exact text, and absent keys are left out.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{}"))
    }
}

/// Checks the keys of one JSON object against its schema: unknown keys,
/// `null` and wrong types become errors (and are dropped, so that the rest
/// can still be read); JSON numbers become their literal text.
fn check_object(
    map: &mut Map<String, Value>,
    schema: &'static [(&'static str, Kind)],
    prefix: &str,
    errors: &mut Vec<FieldError>,
) {
    let keys: Vec<String> = map.keys().cloned().collect();
    for key in keys {
        let field = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        let Some(value) = map.get_mut(&key) else {
            continue;
        };
        let kind = schema
            .iter()
            .find(|(name, _)| *name == key.as_str())
            .map(|(_, kind)| *kind);
        let keep = match kind {
            None => {
                errors.push(FieldError::unknown_key(&field, value));
                false
            }
            Some(kind) => check_value(value, kind, &field, errors),
        };
        if !keep {
            map.remove(&key);
        }
    }
}

/// Checks one value against its kind; `false` when it must be dropped.
fn check_value(value: &mut Value, kind: Kind, field: &str, errors: &mut Vec<FieldError>) -> bool {
    match (kind, &mut *value) {
        (Kind::Any, _) => true,
        (Kind::Number, Value::Number(number)) => {
            *value = Value::String(number.to_string());
            true
        }
        (Kind::Number, Value::String(_)) => true,
        (Kind::Text, Value::String(_)) | (Kind::Bool, Value::Bool(_)) => true,
        (Kind::Numbers, Value::Array(items)) => {
            let mut good = true;
            for (index, item) in items.iter_mut().enumerate() {
                let item_field = format!("{field}[{index}]");
                good &= check_value(item, Kind::Number, &item_field, errors);
            }
            good
        }
        (Kind::Object(schema), Value::Object(map)) => {
            check_object(map, schema, field, errors);
            true
        }
        (kind, _) => {
            let expected = match kind {
                Kind::Number => "a number",
                Kind::Text => "a string",
                Kind::Bool => "true or false",
                Kind::Numbers => "a list of numbers",
                Kind::Object(_) => "a JSON object",
                Kind::Any => "anything",
            };
            errors.push(FieldError::wrong_type(field, value, expected));
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Result<&str, NumberError>) {
        let parsed = parse_decimal(text);
        match expected {
            Ok(want) => assert_eq!(parsed, Ok(Decimal::from_str(want).unwrap()), "{text}"),
            Err(error) => assert_eq!(parsed, Err(error), "{text}"),
        }
    }

    #[test]
    fn rule_61_numbers_are_read_from_their_literal_text() {
        check("0.1", Ok("0.1"));
        check("-12.50", Ok("-12.5"));
        check("15.0", Ok("15"));
        check("1e3", Ok("1000"));
        check("2.5E-2", Ok("0.025"));
        check("1e+2", Ok("100"));
        check("0", Ok("0"));
        check("-0.0", Ok("0"));
        check("1e-60", Ok("0"));
        check(
            "79228162514264337593543950335",
            Ok("79228162514264337593543950335"),
        );
        check("1e40", Err(NumberError::OutOfRange));
        check(
            "79228162514264337593543950336",
            Err(NumberError::OutOfRange),
        );
        check("1e99999999999999999999", Err(NumberError::OutOfRange));
        check("", Err(NumberError::NotANumber));
        check("abc", Err(NumberError::NotANumber));
        check(" 1", Err(NumberError::NotANumber));
        check("1,000", Err(NumberError::NotANumber));
        check("1e", Err(NumberError::NotANumber));
        check("-", Err(NumberError::NotANumber));
        check("１２３", Err(NumberError::NotANumber));
        check("1.2.3", Err(NumberError::NotANumber));
    }

    #[test]
    fn rule_61_json_numbers_keep_their_text() {
        let raw = RawScenario::from_json(
            r#"{"discount_rate": 0.10000000000000000001, "ramp": [0.4, "0.7"]}"#,
        )
        .unwrap();
        assert_eq!(raw.discount_rate, Some(Num::from("0.10000000000000000001")));
        assert_eq!(raw.ramp, Some(vec![Num::from("0.4"), Num::from("0.7")]));
    }

    #[test]
    fn rule_61_null_wrong_types_and_unknown_keys_are_all_reported() {
        let errors = RawScenario::from_json(
            r#"{"horizon": null, "stress": "yes", "typo": 1, "incentives": {"tax_reward": {"onn": true}},
                "ramp": [0.4, true], "meta": {"anything": [1, null]}}"#,
        )
        .unwrap_err();
        let mut fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
        fields.sort_unstable();
        assert_eq!(
            fields,
            [
                "horizon",
                "incentives.tax_reward.onn",
                "ramp[1]",
                "stress",
                "typo"
            ]
        );
    }

    #[test]
    fn json_round_trip_is_identity() {
        let text = r#"{"name":"厂","horizon":"20","ramp":["0.5","1"],"incentives":{"equip_subsidy":{"on":false,"cap":"300"}},"deposit":{"kind":"fixed"},"meta":{"app":"x"}}"#;
        let raw = RawScenario::from_json(text).unwrap();
        assert_eq!(raw.to_json(), text);
        assert_eq!(RawScenario::from_json(&raw.to_json()).unwrap(), raw);
    }
}
