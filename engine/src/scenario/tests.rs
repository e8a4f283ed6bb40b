//! Tests of the scenario reader and writer.

use std::str::FromStr;

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
