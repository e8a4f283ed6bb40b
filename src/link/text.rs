//! Text handling shared by the three link forms: finding the fragment in
//! whatever was pasted, cutting off what chat apps and e-mail append, and
//! percent-encoding.
//!
//! Everything here works on `&str` with `get`, `split_once` and iterators,
//! so no input can make it panic on a char boundary.

use std::borrow::Cow;

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// What a readable value keeps unencoded: RFC 3986's unreserved characters
/// and the comma of lists, so `ramp=0.4,0.7` stays readable.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b',');

/// Characters that end up after a link in running text (sentence
/// punctuation, closing brackets and quotes, markdown emphasis, the ellipsis
/// WeChat shows for a long link). None of them ends a link this codec makes.
const TRAILING_JUNK: &[char] = &[
    '…', '。', '，', '、', '；', '：', '！', '？', '）', '」', '』', '】', '”', '’', '.', ',', ';',
    ':', '!', '?', ')', ']', '>', '"', '\'', '`', '*',
];

/// Characters that come before a bare fragment in running text.
const LEADING_JUNK: &[char] = &[
    '<', '(', '（', '[', '【', '"', '“', '\'', '‘', '「', '『', '*', '`', ':', '：', '#',
];

/// Percent-encoded forms of trailing whitespace and of the ellipsis that a
/// chat app appends, which survive in a link copied from its address bar.
const TRAILING_ENCODED: &[(&str, bool)] = &[
    ("%E2%80%A6", true),  // …
    ("%E3%80%82", true),  // 。
    ("%EF%BC%8C", true),  // ，
    ("%E3%80%80", false), // ideographic space
    ("%C2%A0", false),    // no-break space
    ("%20", false),
    ("%0A", false),
    ("%0D", false),
    ("%09", false),
];

/// The text without the whitespace and punctuation around it; `true` when
/// something other than whitespace was cut off.
pub(super) fn trim_edges(text: &str) -> (&str, bool) {
    let mut junk = false;
    let mut rest = text;
    // Each round removes at least one character, so this ends; the bound
    // keeps a pathological paste from costing more than a linear pass.
    for _ in 0..text.len() {
        let trimmed = rest.trim_end_matches(char::is_whitespace);
        let cut = trimmed.trim_end_matches(TRAILING_JUNK);
        junk |= cut.len() != trimmed.len();
        rest = cut;
        match strip_encoded_suffix(rest) {
            Some((shorter, is_junk)) => {
                junk |= is_junk;
                rest = shorter;
            }
            None => break,
        }
    }
    let trimmed = rest.trim_start_matches(char::is_whitespace);
    let cut = trimmed.trim_start_matches(LEADING_JUNK);
    // A leading `#` is the fragment mark, not junk.
    junk |= cut.len() != trimmed.len() && trimmed.trim_start_matches('#').len() != cut.len();
    (cut.trim_start_matches(char::is_whitespace), junk)
}

/// The text without one percent-encoded whitespace or ellipsis at its end.
fn strip_encoded_suffix(text: &str) -> Option<(&str, bool)> {
    TRAILING_ENCODED.iter().find_map(|(suffix, is_junk)| {
        let start = text.len().checked_sub(suffix.len())?;
        let tail = text.get(start..)?;
        if tail.eq_ignore_ascii_case(suffix) {
            Some((text.get(..start)?, *is_junk))
        } else {
            None
        }
    })
}

/// The fragment of a pasted link: what follows the first `#`, or the whole
/// text when it has no `#` and is not a URL. `None` for a URL without a
/// fragment (nothing to decode). The flag is `true` when a query string sat
/// before the `#` (WeChat's `?from=timeline#…`).
pub(super) fn fragment_of(text: &str) -> Option<(&str, bool)> {
    match text.split_once('#') {
        Some((before, after)) => {
            let query = before
                .split_once('?')
                .is_some_and(|(_, query)| !query.is_empty());
            Some((after, query))
        }
        None if text.contains("://") => None,
        None => Some((text, false)),
    }
}

/// Percent-decodes once; `None` when the bytes are not UTF-8.
pub(super) fn percent_decode(text: &str) -> Option<Cow<'_, str>> {
    percent_decode_str(text).decode_utf8().ok()
}

/// Percent-encodes a readable value (UTF-8, RFC 3986).
pub(super) fn percent_encode(text: &str) -> String {
    utf8_percent_encode(text, VALUE).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_trim(text: &str, expected: &str, junk: bool) {
        assert_eq!(trim_edges(text), (expected, junk), "{text:?}");
    }

    #[test]
    fn edges_lose_whitespace_quietly_and_punctuation_with_a_note() {
        check_trim("  v1.a~b.c  \n", "v1.a~b.c", false);
        check_trim("v1.a~b.c%20%0A", "v1.a~b.c", false);
        check_trim("v1.a~b.c…", "v1.a~b.c", true);
        check_trim("v1.a~b.c%E2%80%A6", "v1.a~b.c", true);
        check_trim("v1.a~b.c%e2%80%a6 ", "v1.a~b.c", true);
        check_trim("“#v1.a~b.c”。", "v1.a~b.c", true);
        check_trim("#v1.a~b.c", "v1.a~b.c", false);
        check_trim("……", "", true);
        check_trim("", "", false);
        check_trim("%", "%", false);
    }

    #[test]
    fn the_fragment_is_found_in_a_url_or_alone() {
        assert_eq!(fragment_of("https://x/calc/#v1"), Some(("v1", false)));
        assert_eq!(
            fragment_of("https://x/calc/?from=timeline#v1"),
            Some(("v1", true))
        );
        assert_eq!(fragment_of("https://x/calc/"), None);
        assert_eq!(fragment_of("i=land_mu=8"), Some(("i=land_mu=8", false)));
    }

    #[test]
    fn values_are_encoded_readably() {
        assert_eq!(percent_encode("0.4,0.7"), "0.4,0.7");
        assert_eq!(percent_encode("厂 A&B"), "%E5%8E%82%20A%26B");
        assert_eq!(percent_decode("%E5%8E%82%20A%26B").unwrap(), "厂 A&B");
        assert_eq!(percent_decode("%FF"), None);
    }
}
