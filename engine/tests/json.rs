//! The engine's JSON module against serde_json (with `arbitrary_precision`,
//! as the engine and the app used it before): the same values, the same
//! text written, and the same errors at the same positions, for generated
//! documents and for damaged ones.

use engine::json::{parse, Value};
use proptest::prelude::*;

/// A JSON number's text, as RFC 8259 allows it.
fn number_text() -> impl Strategy<Value = String> {
    "-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,12})?([eE][+-]?[0-9]{1,4})?"
}

/// Any text: plain, CJK, emoji, quotes, backslashes and control characters.
fn any_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[a-z0-9 _.]",
            Just("\"".to_owned()),
            Just("\\".to_owned()),
            Just("/".to_owned()),
            Just("永州".to_owned()),
            Just("😀".to_owned()),
            Just("\u{7f}".to_owned()),
            (0_u32..0x20).prop_map(|code| char::from_u32(code).unwrap().to_string()),
            any::<char>().prop_map(String::from),
        ],
        0..8,
    )
    .prop_map(|pieces| pieces.concat())
}

fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number_text().prop_map(|text| parse(&text).unwrap()),
        any_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec(("[a-c]{0,2}", inner), 0..6).prop_map(Value::Object),
        ]
    })
}

/// Whitespace JSON allows between tokens.
fn spaces() -> impl Strategy<Value = String> {
    "[ \t\r\n]{0,2}"
}

/// Both parsers agree on `text`: the same value (as serde_json's sorted
/// map holds it, written compactly and indented), or the same error.
fn agree(text: &str) -> Result<(), TestCaseError> {
    let ours = parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (ours, theirs) {
        (Ok(ours), Ok(theirs)) => {
            let ours = ours.sorted();
            prop_assert_eq!(ours.to_string(), theirs.to_string(), "{:?}", text);
            prop_assert_eq!(
                ours.to_pretty(),
                serde_json::to_string_pretty(&theirs).unwrap(),
                "{:?}",
                text
            );
        }
        (Err(ours), Err(theirs)) => {
            prop_assert_eq!(ours.to_string(), theirs.to_string(), "{:?}", text)
        }
        (ours, theirs) => prop_assert!(false, "{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
    Ok(())
}

/// `text` with a few bytes deleted, inserted or cut off (on character
/// boundaries, so it stays a `str`).
fn damaged(text: String) -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just(""),
        Just("{"),
        Just("}"),
        Just("["),
        Just("]"),
        Just(","),
        Just(":"),
        Just("\""),
        Just("\\"),
        Just("\\u"),
        Just("\\uD800"),
        Just("\\uDC00"),
        Just("-"),
        Just("."),
        Just("e"),
        Just("0"),
        Just("n"),
        Just(" "),
        Just("\n"),
        Just("\u{1}"),
        Just("名"),
    ];
    let chars = text.chars().count();
    proptest::collection::vec((0..=chars, 0..3_usize, pieces), 1..4).prop_map(move |edits| {
        let mut chars: Vec<char> = text.chars().collect();
        for (at, kind, piece) in edits {
            let at = at.min(chars.len());
            match kind {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                1 => {
                    for (offset, character) in piece.chars().enumerate() {
                        chars.insert(at + offset, character);
                    }
                }
                _ => chars.truncate(at),
            }
        }
        chars.into_iter().collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn written_text_reads_back_as_the_same_value(value in any_value()) {
        prop_assert_eq!(parse(&value.to_string()), Ok(value.clone()));
        prop_assert_eq!(parse(&value.to_pretty()), Ok(value));
    }

    #[test]
    fn strings_are_written_as_serde_json_writes_them(text in any_text()) {
        prop_assert_eq!(Value::String(text.clone()).to_string(), serde_json::to_string(&text).unwrap());
    }

    #[test]
    fn numbers_read_as_serde_json_read_them(text in number_text()) {
        agree(&text)?;
    }

    #[test]
    fn documents_read_as_serde_json_read_them(
        value in any_value(),
        before in spaces(),
        after in spaces(),
    ) {
        agree(&format!("{before}{value}{after}"))?;
        agree(&value.to_pretty())?;
    }

    #[test]
    fn damaged_documents_fail_as_serde_json_failed(
        text in any_value().prop_flat_map(|value| damaged(value.to_pretty())),
    ) {
        agree(&text)?;
    }

    #[test]
    fn escapes_read_as_serde_json_read_them(
        escapes in proptest::collection::vec(
            prop_oneof![
                "\\\\u[0-9a-fA-F]{4}",
                "\\\\u[dD][89abAB][0-9a-f]{2}",
                "\\\\u[dD][c-fC-F][0-9a-f]{2}",
                "\\\\[\"\\\\/bfnrtx]",
                "[a名]",
            ],
            0..6,
        ),
        end in prop_oneof![Just("\""), Just(""), Just("\\"), Just("\\u12")],
    ) {
        agree(&format!("\"{}{end}", escapes.concat()))?;
    }
}

#[test]
fn deep_nesting_fails_as_serde_json_failed() {
    for depth in [126, 127, 128, 129, 1000] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            agree(&format!("{}1{}", open.repeat(depth), close.repeat(depth))).unwrap();
        }
    }
}
