//! Tests of the JSON module: parsing, refusals and the writer.

use super::*;

/// `text` parses, and writes back compactly as `expected`.
fn check(text: &str, expected: &str) {
    match parse(text) {
        Ok(value) => assert_eq!(value.to_string(), expected, "{text:?}"),
        Err(error) => panic!("{text:?}: {error}"),
    }
}

/// `text` is refused with this message, line and column.
fn check_error(text: &str, expected: &str) {
    match parse(text) {
        Ok(value) => panic!("{text:?} parsed as {value}"),
        Err(error) => assert_eq!(error.to_string(), expected, "{text:?}"),
    }
}

fn text(value: &str) -> Value {
    Value::from(value)
}

#[test]
fn values_read_and_write_back() {
    check(" null ", "null");
    check("true", "true");
    check("\tfalse\r\n", "false");
    check("[]", "[]");
    check("{}", "{}");
    check(
        r#"[1, "a", [true, null], {"k": {}}]"#,
        r#"[1,"a",[true,null],{"k":{}}]"#,
    );
    check(r#"{"b": 1, "a": 2}"#, r#"{"b":1,"a":2}"#);
    check(r#"{"a": 1, "a": 2}"#, r#"{"a":1,"a":2}"#);
}

#[test]
fn numbers_keep_their_digits() {
    check("0", "0");
    check("-0", "-0");
    check("0.10000000000000000001", "0.10000000000000000001");
    check(
        "123456789012345678901234567890",
        "123456789012345678901234567890",
    );
    check("-12.50", "-12.50");
    check("1e3", "1e+3");
    check("1E3", "1e+3");
    check("2.5E-2", "2.5e-2");
    check("1e+999999", "1e+999999");
    assert_eq!(parse("7").unwrap().as_u64(), Some(7));
    assert_eq!(parse("7.0").unwrap().as_u64(), None);
    assert_eq!(parse("-7").unwrap().as_u64(), None);
    assert_eq!(parse("18446744073709551616").unwrap().as_u64(), None);
}

#[test]
fn strings_unescape_and_escape() {
    check(r#""a\"b\\c\/d""#, r#""a\"b\\c/d""#);
    check(r#""\b\f\n\r\t""#, r#""\b\f\n\r\t""#);
    check(r#""\u0001\u001f\u007f""#, "\"\\u0001\\u001f\u{7f}\"");
    check(r#""\u00e9\u6c38""#, "\"é永\"");
    check(r#""\uD83D\uDE00""#, "\"😀\"");
    check("\"永州 😀\"", "\"永州 😀\"");
    assert_eq!(parse(r#""\u0041""#), Ok(text("A")));
}

#[test]
fn errors_say_what_and_where_as_serde_json_did() {
    check_error("", "EOF while parsing a value at line 1 column 0");
    check_error("  ", "EOF while parsing a value at line 1 column 2");
    check_error("}", "expected value at line 1 column 1");
    check_error("nul", "EOF while parsing a value at line 1 column 3");
    check_error("nulx", "expected ident at line 1 column 4");
    check_error("[", "EOF while parsing a list at line 1 column 1");
    check_error("[1,]", "trailing comma at line 1 column 4");
    check_error("[1,", "EOF while parsing a value at line 1 column 3");
    check_error("[1 2]", "expected `,` or `]` at line 1 column 4");
    check_error("{", "EOF while parsing an object at line 1 column 1");
    check_error("{1:2}", "key must be a string at line 1 column 2");
    check_error(r#"{"a",}"#, "expected `:` at line 1 column 5");
    check_error(r#"{"a""#, "EOF while parsing an object at line 1 column 4");
    check_error(r#"{"a":1,}"#, "trailing comma at line 1 column 8");
    check_error(r#"{"a":1,2}"#, "key must be a string at line 1 column 8");
    check_error(r#"{"a":1 "b":2}"#, "expected `,` or `}` at line 1 column 8");
    check_error("{} x", "trailing characters at line 1 column 4");
    check_error("{}\n\n  x", "trailing characters at line 3 column 3");
    check_error("-", "EOF while parsing a value at line 1 column 1");
    check_error("-x", "invalid number at line 1 column 2");
    check_error("01", "invalid number at line 1 column 2");
    check_error("1.", "EOF while parsing a value at line 1 column 2");
    check_error("1.e3", "invalid number at line 1 column 3");
    check_error("1e", "EOF while parsing a value at line 1 column 2");
    check_error("1e+x", "invalid number at line 1 column 4");
    check_error("+1", "expected value at line 1 column 1");
    check_error(".5", "expected value at line 1 column 1");
    check_error("\"abc", "EOF while parsing a string at line 1 column 4");
    check_error(
        "\"a\u{1}\"",
        "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3",
    );
    check_error(r#""\x""#, "invalid escape at line 1 column 3");
    check_error(r#""\"#, "EOF while parsing a string at line 1 column 2");
    check_error(r#""\u12""#, "EOF while parsing a string at line 1 column 6");
    check_error(r#""\u12g4""#, "invalid escape at line 1 column 7");
    check_error(
        r#""\uDC00""#,
        "lone leading surrogate in hex escape at line 1 column 7",
    );
    check_error(
        r#""\uD800""#,
        "unexpected end of hex escape at line 1 column 8",
    );
    check_error(
        r#""\uD800\n""#,
        "unexpected end of hex escape at line 1 column 9",
    );
    check_error(
        r#""\uD800\u0041""#,
        "lone leading surrogate in hex escape at line 1 column 13",
    );
    check_error("\"\\uD800", "EOF while parsing a string at line 1 column 7");
    check_error("[1,\n 2,]", "trailing comma at line 2 column 4");
}

#[test]
fn nesting_is_limited_so_the_stack_is_safe() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(parse(&nested(MAX_DEPTH)).is_ok());
    check_error(
        &nested(MAX_DEPTH + 1),
        "recursion limit exceeded at line 1 column 128",
    );
    // Far deeper input fails just as fast, without recursing further.
    assert!(parse(&"{\"a\":".repeat(100_000)).is_err());
}

#[test]
fn lookups_find_the_last_of_a_repeated_key() {
    let value = parse(r#"{"a": 1, "b": "x", "a": 2}"#).unwrap();
    assert_eq!(value.get("a"), Some(&Value::Number("2".to_owned())));
    assert_eq!(value.get("b").and_then(Value::as_str), Some("x"));
    assert_eq!(value.get("c"), None);
    assert_eq!(text("x").get("a"), None);
    assert_eq!(value.as_object().map(<[_]>::len), Some(3));
}

#[test]
fn sorting_orders_keys_and_keeps_the_last_of_each() {
    let value = parse(r#"{"b": 1, "a": {"z": [{"y": 1, "x": 2}], "c": 3}, "b": 2, "B": 0}"#);
    assert_eq!(
        value.unwrap().sorted().to_string(),
        r#"{"B":0,"a":{"c":3,"z":[{"x":2,"y":1}]},"b":2}"#
    );
}

#[test]
fn pretty_text_indents_by_two_spaces() {
    let value = parse(r#"{"a": [1, {}], "b": {"c": []}, "d": "x"}"#).unwrap();
    assert_eq!(
        value.to_pretty(),
        "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": {\n    \"c\": []\n  },\n  \"d\": \"x\"\n}"
    );
    assert_eq!(Value::Null.to_pretty(), "null");
}

#[test]
fn values_convert_from_rust() {
    assert_eq!(Value::from("a"), text("a"));
    assert_eq!(Value::from(String::from("a")), text("a"));
    assert_eq!(Value::from(true), Value::Bool(true));
    assert_eq!(Value::from(7_u32), Value::Number("7".to_owned()));
    assert_eq!(Value::from(None::<u32>), Value::Null);
    assert_eq!(Value::from(Some("a")), text("a"));
}
