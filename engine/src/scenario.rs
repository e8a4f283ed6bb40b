//! The raw scenario of SCENARIO.md: every input optional, numbers kept as
//! their literal text, exactly as a form, a link or a JSON file gives them.
//!
//! [`RawScenario::from_json`] reads the JSON contract: numbers may be JSON
//! numbers or strings and are read from their literal text, never through
//! binary floating point (rule 61); unknown keys and wrong types are
//! reported together as [`FieldError`]s. [`RawScenario::to_json`] writes
//! the same contract back (numbers as strings). Ranges are judged later, by
//! `validate`.

use rust_decimal::Decimal;

use crate::json::{self, Value};
use crate::validate::FieldError;

/// A number as literal text (`"0.1"`, `"1e3"`, `"15.0"`); parsed by
/// [`parse_decimal`] during validation, so a form can hold what was typed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
    // The text has no exponent, so plain decimal parsing is all it needs
    // (`Decimal::from_str` would bring its scientific-notation fallback).
    let magnitude = Decimal::from_str_radix(&plain, 10).map_err(|_| NumberError::OutOfRange)?;
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

/// A key's value in the JSON: read leniently (a wrong type becomes an error
/// and leaves the key unset) and written back.
trait Field: Sized {
    /// The value of `field`, or `None` after pushing why it cannot be one.
    fn read(value: Value, field: &str, errors: &mut Vec<FieldError>) -> Option<Self>;
    /// The value as JSON.
    fn to_value(&self) -> Value;
}

impl Field for Num {
    /// A JSON number or a string: its literal text.
    fn read(value: Value, field: &str, errors: &mut Vec<FieldError>) -> Option<Num> {
        match value {
            Value::Number(text) | Value::String(text) => Some(Num(text)),
            other => wrong_type(field, &other, "a number", errors),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.clone())
    }
}

impl Field for String {
    fn read(value: Value, field: &str, errors: &mut Vec<FieldError>) -> Option<String> {
        match value {
            Value::String(text) => Some(text),
            other => wrong_type(field, &other, "a string", errors),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.clone())
    }
}

impl Field for bool {
    fn read(value: Value, field: &str, errors: &mut Vec<FieldError>) -> Option<bool> {
        match value {
            Value::Bool(flag) => Some(flag),
            other => wrong_type(field, &other, "true or false", errors),
        }
    }

    fn to_value(&self) -> Value {
        Value::Bool(*self)
    }
}

impl Field for Vec<Num> {
    /// Every entry is checked (`ramp[1]`); one bad entry leaves the list unset.
    fn read(value: Value, field: &str, errors: &mut Vec<FieldError>) -> Option<Vec<Num>> {
        let Value::Array(items) = value else {
            return wrong_type(field, &value, "a list of numbers", errors);
        };
        let mut numbers = Vec::with_capacity(items.len());
        let mut all_read = true;
        for (index, item) in items.into_iter().enumerate() {
            match Num::read(item, &format!("{field}[{index}]"), errors) {
                Some(number) => numbers.push(number),
                None => all_read = false,
            }
        }
        all_read.then_some(numbers)
    }

    fn to_value(&self) -> Value {
        Value::Array(self.iter().map(Num::to_value).collect())
    }
}

impl Field for Value {
    /// Anything (`meta`), kept as it is.
    fn read(value: Value, _field: &str, _errors: &mut Vec<FieldError>) -> Option<Value> {
        Some(value)
    }

    fn to_value(&self) -> Value {
        self.clone()
    }
}

fn wrong_type<T>(
    field: &str,
    value: &Value,
    expected: &str,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    errors.push(FieldError::wrong_type(field, value, expected));
    None
}

/// An optional key of a raw struct, read and written whatever its type, so
/// that the loops over keys are written once rather than once per key.
trait Slot {
    /// Sets the key from `value`, or unsets it after pushing why it cannot be read.
    fn read(&mut self, value: Value, field: &str, errors: &mut Vec<FieldError>);
    /// The value as JSON, when set.
    fn to_value(&self) -> Option<Value>;
}

impl<T: Field> Slot for Option<T> {
    fn read(&mut self, value: Value, field: &str, errors: &mut Vec<FieldError>) {
        *self = T::read(value, field, errors);
    }

    fn to_value(&self) -> Option<Value> {
        self.as_ref().map(Field::to_value)
    }
}

/// A raw struct: its keys, each an optional [`Slot`].
trait RawStruct {
    /// The slot of `key`, or `None` for an unknown key.
    fn slot(&mut self, key: &str) -> Option<&mut dyn Slot>;
    /// The keys that are set, in declaration order, as a JSON object.
    fn to_object(&self) -> Value;
}

/// Reads a JSON object into `raw`: every unknown key and wrongly typed value
/// becomes an error (`null` is a wrong type) and is left out. `false` when
/// the value is not an object.
fn read_object(
    raw: &mut dyn RawStruct,
    value: Value,
    field: &str,
    errors: &mut Vec<FieldError>,
) -> bool {
    let Value::Object(members) = value else {
        errors.push(FieldError::wrong_type(field, &value, "a JSON object"));
        return false;
    };
    for (key, value) in members {
        let field = if field.is_empty() {
            key.clone()
        } else {
            format!("{field}.{key}")
        };
        match raw.slot(&key) {
            Some(slot) => slot.read(value, &field, errors),
            None => errors.push(FieldError::unknown_key(&field, &value)),
        }
    }
    true
}

/// The keys that are set, in the order given, as a JSON object.
fn write_object(slots: &[(&str, &dyn Slot)]) -> Value {
    let members = slots
        .iter()
        .filter_map(|(key, slot)| Some(((*key).to_owned(), slot.to_value()?)))
        .collect();
    Value::Object(members)
}

/// Declares a raw struct, every field optional, read from and written to a
/// JSON object whose keys are the field names.
macro_rules! raw_struct {
    ($(#[$meta:meta])* $name:ident { $($(#[$field_meta:meta])* $field:ident : $type:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name {
            $(
                $(#[$field_meta])*
                pub $field: Option<$type>,
            )*
        }

        impl $name {
            /// Every key unset: what an absent object reads as.
            pub const EMPTY: $name = $name { $($field: None),* };
        }

        impl RawStruct for $name {
            /// The key is looked up in the list of keys, then its slot taken
            /// by position: one comparison loop, not one comparison per key.
            fn slot(&mut self, key: &str) -> Option<&mut dyn Slot> {
                let keys: &[&str] = &[$(stringify!($field)),*];
                let mut position = keys.iter().position(|known| *known == key)?;
                $(
                    if position == 0 {
                        return Some(&mut self.$field);
                    }
                    position -= 1;
                )*
                None
            }

            fn to_object(&self) -> Value {
                write_object(&[$((stringify!($field), &self.$field)),*])
            }
        }

        impl Slot for Option<$name> {
            /// Read in place into an empty struct, which is unset again when
            /// the value is not an object.
            fn read(&mut self, value: Value, field: &str, errors: &mut Vec<FieldError>) {
                let raw = self.insert($name::EMPTY);
                if !read_object(raw, value, field, errors) {
                    *self = None;
                }
            }

            fn to_value(&self) -> Option<Value> {
                self.as_ref().map(RawStruct::to_object)
            }
        }
    };
}

raw_struct! {
    /// `incentives.rent_relief`: rent holiday shares by lease year.
    RawRentRelief { on: bool, shares: Vec<Num> }
}
raw_struct! {
    /// `incentives.equip_subsidy`.
    RawEquipSubsidy { on: bool, rate: Num, cap: Num, lag: Num }
}
raw_struct! {
    /// `incentives.interest_subsidy` (贴息).
    RawInterestSubsidy { on: bool, share: Num, years: Num }
}
raw_struct! {
    /// `incentives.hiring_subsidy`.
    RawHiringSubsidy { on: bool, per_person: Num }
}
raw_struct! {
    /// `incentives.far_reward` (buy_land).
    RawFarReward { on: bool, per_mu: Num, min_far: Num }
}
raw_struct! {
    /// `incentives.settlement_award` (落户奖励).
    RawSettlementAward { on: bool, amount: Num }
}
raw_struct! {
    /// `incentives.tax_reward` (group C).
    RawTaxReward { on: bool, shares: Vec<Num>, lag: Num }
}
raw_struct! {
    /// `incentives.land_rebate` (group C, buy_land).
    RawLandRebate { on: bool, rate: Num }
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
    RawDeposit { kind: String, amount: Num }
}
raw_struct! {
    /// One deposit target: switched on, and its minimum.
    RawTarget { on: bool, min: Num }
}
raw_struct! {
    /// `targets` of the deposit (rule 35).
    RawTargets { intensity: RawTarget, tax_per_mu: RawTarget }
}
raw_struct! {
    /// `mu_thresholds`: the display thresholds of the 亩均 metrics.
    RawMuThresholds { intensity: Num, output: Num, tax: Num, far: Num }
}
raw_struct! {
    /// A scenario as given: every key of SCENARIO.md, each optional.
    ///
    /// The app builds one from its form fields; [`RawScenario::from_json`]
    /// builds one from the JSON contract. Validation resolves what is
    /// missing from the defaults and the cluster preset.
    RawScenario {
        name: String,
        cluster: String,
        site_mode: String,
        horizon: Num,
        build_months: Num,
        discount_rate: Num,
        equity_rate: Num,
        park_rate: Num,
        land_mu: Num,
        land_price: Num,
        land_grade: Num,
        priority_industry: bool,
        deed_tax_rate: Num,
        land_use_tax: Num,
        far: Num,
        build_cost: Num,
        other_build_ratio: Num,
        contingency_ratio: Num,
        rent_area: Num,
        rent: Num,
        rent_vat_rate: Num,
        mgmt_fee: Num,
        rent_escalation: Num,
        rent_deposit_months: Num,
        fit_out: Num,
        ref_far: Num,
        equipment: Num,
        install_ratio: Num,
        wc_ratio: Num,
        output_full: Num,
        ramp: Vec<Num>,
        growth: Num,
        materials_ratio: Num,
        other_ratio: Num,
        rd_ratio: Num,
        repair_ratio: Num,
        headcount: Num,
        wage: Num,
        social_ratio: Num,
        wage_growth: Num,
        vat_rate: Num,
        build_vat_rate: Num,
        city_tax_rate: Num,
        edu_rate: Num,
        cit_regime: String,
        loss_years: Num,
        rd_super: Num,
        property_deduct: Num,
        property_rate: Num,
        stamp_sales_rate: Num,
        land_stamp_rate: Num,
        vat_local_share: Num,
        cit_local_share: Num,
        park_share: Num,
        subsidies_taxable: bool,
        loan: Num,
        loan_rate: Num,
        loan_years: Num,
        grace_years: Num,
        repayment: String,
        guarantee_rate: Num,
        test_year: Num,
        forfeit_rule: String,
        clawback: Num,
        sensitivity_range: Num,
        stress: bool,
        incentives: RawIncentives,
        deposit: RawDeposit,
        targets: RawTargets,
        mu_thresholds: RawMuThresholds,
        /// Kept and ignored: anything the caller wants to carry along.
        meta: Value,
    }
}

impl RawScenario {
    /// Reads the scenario JSON of SCENARIO.md.
    ///
    /// Every unknown key (outside `meta`), `null`, and value of the wrong
    /// JSON type is reported, all at once; ranges are left to `validate`.
    pub fn from_json(text: &str) -> Result<RawScenario, Vec<FieldError>> {
        let value = json::parse(text).map_err(|error| {
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
    ///
    /// Keys are read in byte order, and of a key given twice only the last
    /// counts ([`Value::sorted`]), so errors always come in the same order.
    pub fn from_value_lenient(
        value: Value,
    ) -> Result<(RawScenario, Vec<FieldError>), Vec<FieldError>> {
        let mut raw = RawScenario::default();
        let mut errors = Vec::new();
        if read_object(&mut raw, value.sorted(), "", &mut errors) {
            Ok((raw, errors))
        } else {
            Err(errors)
        }
    }

    /// The scenario as a SCENARIO.md JSON object: numbers as strings
    /// holding their exact text, absent keys left out.
    pub fn to_value(&self) -> Value {
        self.to_object()
    }

    /// [`RawScenario::to_value`] as text.
    pub fn to_json(&self) -> String {
        self.to_value().to_string()
    }
}

#[cfg(test)]
mod tests;
