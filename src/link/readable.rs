//! The two forms other systems write by hand: the readable
//! `i=site_mode=buy_land&land_mu=80&ramp=0.4,0.7` and the scenario JSON of
//! SCENARIO.md in `json=…`. Both carry values in engine units (fractions);
//! the form holds what a person would type (percentages), so values are
//! converted with `form::to_display` on the way in and `form::to_json` on
//! the way out.

use engine::json::{self, Value};
use engine::scenario::parse_decimal;
use engine::RawScenario;
use rust_decimal::Decimal;

use super::text::{percent_decode, percent_encode};
use super::{LinkState, Notes};
use crate::form::{field_value, percent_text, scalar_text, Entries, FormState};
use crate::format::plain;
use crate::i18n::Lang;
use crate::inputs::{Input, Kind};
use crate::numbers::split_items;

/// The input a readable key names: its id of MODEL.md (dotted for nested
/// ones), or an incentive without its `incentives.` prefix
/// (`equip_subsidy.rate`, as PRODUCT.md J5 writes it).
pub(super) fn input_for_key(key: &str) -> Option<Input> {
    let exact = |id: &str| Input::ALL.iter().copied().find(|input| input.id() == id);
    exact(key).or_else(|| {
        if key.contains('.') && !key.starts_with("incentives.") {
            exact(&format!("incentives.{key}"))
        } else {
            None
        }
    })
}

/// A decimal in engine units, as SCENARIO.md reads it (`0.08`, `1e3`).
fn engine_decimal(text: &str) -> Option<Decimal> {
    parse_decimal(text.trim()).ok()
}

/// An engine value (`0.08`, `0.4,0.7`, `true`, `buy_land`) as the form
/// would hold it typed (`8`, `40, 70`, `true`, `buy_land`); `None` when it
/// is not a value of the input's kind.
pub(super) fn typed_from_engine(input: Input, text: &str) -> Option<String> {
    match input.kind() {
        Kind::Text => Some(text.to_owned()),
        Kind::Bool => match text.trim() {
            "true" | "1" => Some("true".to_owned()),
            "false" | "0" => Some("false".to_owned()),
            _ => None,
        },
        Kind::Choice(options) => options
            .iter()
            .find(|option| option.value() == text.trim())
            .map(|option| option.value().to_owned()),
        Kind::Number(_) | Kind::Integer(_) => engine_decimal(text).map(plain),
        // A fraction whose percentage overflows is not a value of the field.
        Kind::Percent => percent_text(engine_decimal(text)?),
        Kind::PercentList => {
            let items = split_items(text)
                .into_iter()
                .map(|item| percent_text(engine_decimal(item)?))
                .collect::<Option<Vec<_>>>()?;
            Some(items.join(", "))
        }
    }
}

/// A JSON value as engine text: strings as they are, booleans as
/// `true`/`false`, lists of strings or numbers joined with commas.
fn engine_text(value: &Value) -> Option<String> {
    match value {
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::String(text) | Value::Number(text) => Some(text.clone()),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .map(|items| items.join(",")),
        scalar => scalar_text(scalar).map(str::to_owned),
    }
}

/// The form of readable pairs (`key=value`, still percent-encoded).
pub(super) fn decode_pairs(pairs: &[(&str, &str)], notes: &mut Notes) -> FormState {
    let mut entries = Entries::default();
    for (raw_key, raw_value) in pairs {
        let key = percent_decode(raw_key).unwrap_or(std::borrow::Cow::Borrowed(raw_key));
        let Some(input) = input_for_key(&key) else {
            if super::is_chat_junk(&key) {
                notes.junk = true;
            } else {
                notes.unknown_key(&key);
            }
            continue;
        };
        match percent_decode(raw_value).and_then(|value| typed_from_engine(input, &value)) {
            Some(typed) => {
                entries.insert(input, typed);
            }
            None => notes.bad_value(input.id()),
        }
    }
    FormState { entries }
}

/// The form of a `json=` value: SCENARIO.md's JSON, percent-encoded.
/// Unknown keys and wrongly typed values are noted and the rest kept;
/// `None` when it is not a JSON object at all.
pub(super) fn decode_json(raw: &str, notes: &mut Notes) -> Option<FormState> {
    let mut text = percent_decode(raw)?.into_owned();
    let mut parsed = json::parse(&text);
    if parsed.is_err() && text.contains('%') {
        // Encoded twice on its way here.
        text = percent_decode(&text)?.into_owned();
        parsed = json::parse(&text);
        notes.junk = true;
    }
    let (raw_scenario, errors) = RawScenario::from_value_lenient(parsed.ok()?).ok()?;
    for error in &errors {
        if error.code == "unknown_key" {
            notes.unknown_key(&error.field);
        } else {
            notes.bad_value(&error.field);
        }
    }
    Some(form_of_scenario(&raw_scenario, notes))
}

/// The form holding what a scenario sets, each value as the field would
/// show it typed; a value the field cannot show is noted and left out.
pub(super) fn form_of_scenario(raw_scenario: &RawScenario, notes: &mut Notes) -> FormState {
    let json = raw_scenario.to_value();
    let mut entries = Entries::default();
    for input in Input::ALL {
        let Some(value) = input.id().split('.').try_fold(&json, Value::get) else {
            continue;
        };
        match engine_text(value).and_then(|value| typed_from_engine(*input, &value)) {
            Some(typed) => {
                entries.insert(*input, typed);
            }
            None => notes.bad_value(input.id()),
        }
    }
    FormState { entries }
}

/// The readable link of a state: `i=` and the typed fields in engine units,
/// then `p=`, `lang=en` and `embed=1`. A field whose text is not a value of
/// its kind (a number that cannot be read, a choice that is not one of the
/// field's options, as a crafted compact link can hold) is left out: the
/// link carries only what reading it gives back.
pub(super) fn encode(state: &LinkState) -> String {
    let mut pairs = Vec::new();
    for (input, typed) in &state.form.entries {
        let value = field_value(*input, typed).ok();
        let value = value.as_ref().and_then(engine_text);
        if let Some(value) = value.filter(|value| typed_from_engine(*input, value).is_some()) {
            pairs.push(format!("{}={}", input.id(), percent_encode(&value)));
        }
    }
    let mut link = format!("i={}", pairs.join("&"));
    link.push_str("&p=");
    link.push_str(&percent_encode(&state.policy_set));
    // The policy-set id may end the link, and a `.` there reads as the
    // sentence's full stop (`text::trim_edges`); encoded, it stays.
    if link.ends_with('.') {
        link.pop();
        link.push_str("%2E");
    }
    super::push_switches(&mut link, state.lang, state.embed);
    link
}

/// `lang=` as a link writes it.
pub(super) fn lang_of(value: &str) -> Option<Lang> {
    let value = value.trim().to_ascii_lowercase();
    if value.starts_with("en") {
        Some(Lang::En)
    } else if value.starts_with("zh") {
        Some(Lang::Zh)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: Input, engine: &str, typed: Option<&str>) {
        assert_eq!(
            typed_from_engine(input, engine).as_deref(),
            typed,
            "{} = {engine:?}",
            input.id()
        );
    }

    #[test]
    fn engine_values_become_what_a_person_types() {
        check(Input::DiscountRate, "0.08", Some("8"));
        check(Input::DiscountRate, "0.125", Some("12.5"));
        check(Input::DiscountRate, "1e-2", Some("1"));
        check(Input::Ramp, "0.4,0.7", Some("40, 70"));
        check(Input::Ramp, "0.4, 0.7,1", Some("40, 70, 100"));
        check(Input::Ramp, "", Some(""));
        check(Input::Ramp, "0.4,x", None);
        check(Input::LandMu, "80", Some("80"));
        check(Input::LandMu, "80.50", Some("80.5"));
        check(Input::LandMu, "1e3", Some("1000"));
        check(Input::LandMu, "abc", None);
        check(Input::LandMu, "1e40", None);
        check(Input::DiscountRate, "79228162514264337593543950335", None);
        check(Input::PriorityIndustry, "1", Some("true"));
        check(Input::PriorityIndustry, "yes", None);
        check(Input::SiteMode, "buy_land", Some("buy_land"));
        check(Input::SiteMode, "buy", None);
        check(Input::Name, "厂 A&B", Some("厂 A&B"));
    }

    #[test]
    fn keys_are_model_ids_and_incentives_may_drop_their_prefix() {
        assert_eq!(input_for_key("land_mu"), Some(Input::LandMu));
        assert_eq!(
            input_for_key("incentives.equip_subsidy.rate"),
            Some(Input::EquipSubsidyRate)
        );
        assert_eq!(
            input_for_key("equip_subsidy.rate"),
            Some(Input::EquipSubsidyRate)
        );
        assert_eq!(input_for_key("deposit.kind"), Some(Input::DepositKind));
        assert_eq!(input_for_key("ramp[1]"), None);
        assert_eq!(input_for_key("land"), None);
    }
}
