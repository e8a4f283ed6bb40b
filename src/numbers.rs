//! Turns what a person types into a `Decimal`, or says why it cannot.
//!
//! Accepts what people paste from documents and chat: full-width digits and
//! punctuation, thousands separators, spaces anywhere, and a trailing 万
//! (×10⁴) or 亿 (×10⁸) of the field's own unit.

// Products go through `arith::mul`, whose code the wasm holds once;
// `Decimal::checked_mul` is inlined wherever it is called.
use engine::arith;
use rust_decimal::Decimal;

/// Why a text is not a number the app can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing was typed.
    Empty,
    /// The text is not a number.
    NotANumber,
    /// The number is beyond what the model can hold (about 7.9 × 10²⁸).
    TooLarge,
}

/// Maps full-width and CJK forms to their ASCII equivalents and drops
/// spaces of every width.
fn normalise(text: &str) -> String {
    text.chars()
        .filter_map(|character| match character {
            '０'..='９' => char::from_u32(u32::from(character) - 0xFF10 + u32::from('0')),
            '．' | '。' => Some('.'),
            '－' | '−' | '—' => Some('-'),
            '＋' => Some('+'),
            '，' | ',' | '_' | '\'' => None,
            'Ｅ' | 'ｅ' => Some('e'),
            character if character.is_whitespace() => None,
            character => Some(character),
        })
        .collect()
}

/// Parses one number typed into a field, e.g. `１２３`, `1,000`, `3万`.
///
/// A 万 or 亿 suffix multiplies by 10⁴ or 10⁸ of the field's unit; in a field
/// counted in 万元 (`unit_is_wan`), `3万` is 3 and `3亿` is 30000.
pub fn parse_quantity(text: &str, unit_is_wan: bool) -> Result<Decimal, NumberError> {
    let value = parse_decimal(text)?;
    let has_suffix = text.trim_end().ends_with(['万', '亿']);
    if unit_is_wan && has_suffix {
        value
            .checked_div(Decimal::from(10_000))
            .ok_or(NumberError::TooLarge)
    } else {
        Ok(value)
    }
}

/// Parses one number as typed, e.g. `１２３`, `1,000`, `3万`, ` -5 `, `2.5亿`.
///
/// A 万 or 亿 suffix multiplies by 10⁴ or 10⁸ (see [`parse_quantity`] for
/// fields counted in 万元).
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    let cleaned = normalise(text);
    if cleaned.is_empty() {
        return Err(NumberError::Empty);
    }
    let (digits, scale) = if let Some(stripped) = cleaned.strip_suffix('万') {
        (stripped, Decimal::from(10_000))
    } else if let Some(stripped) = cleaned.strip_suffix('亿') {
        (stripped, Decimal::from(100_000_000))
    } else {
        (cleaned.as_str(), Decimal::ONE)
    };
    if !is_number_text(digits) {
        return Err(NumberError::NotANumber);
    }
    let value = if digits.contains(['e', 'E']) {
        parse_scientific(digits)?
    } else {
        let unsigned = digits.strip_prefix('+').unwrap_or(digits);
        // The text is a well-formed number, so only its size can fail.
        plain(unsigned).map_err(|_| NumberError::TooLarge)?
    };
    arith::mul(value, scale).map_err(|_| NumberError::TooLarge)
}

/// A decimal written without an exponent (`-12.5`), as the engine and
/// [`parse_decimal`] hand them over. `Decimal::from_str` would also try
/// scientific notation, which these texts never use; leaving it out keeps
/// rust_decimal's scientific parser out of the wasm.
pub fn plain(text: &str) -> Result<Decimal, rust_decimal::Error> {
    Decimal::from_str_radix(text, 10)
}

/// `[+-]digits[.digits][e[+-]digits]`, with digits on at least one side of the point.
fn is_number_text(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |part: &str| part.chars().all(|character| character.is_ascii_digit());
    let mantissa_ok =
        !(whole.is_empty() && fraction.is_empty()) && digits(whole) && digits(fraction);
    let exponent_ok = exponent.is_none_or(|exponent| {
        let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        !exponent.is_empty() && digits(exponent)
    });
    mantissa_ok && exponent_ok
}

fn parse_scientific(text: &str) -> Result<Decimal, NumberError> {
    let Some((mantissa, exponent)) = text.split_once(['e', 'E']) else {
        return Err(NumberError::NotANumber);
    };
    let mantissa = plain(mantissa.strip_prefix('+').unwrap_or(mantissa))
        .map_err(|_| NumberError::NotANumber)?;
    let exponent: i32 = exponent.parse().map_err(|_| NumberError::NotANumber)?;
    let ten = Decimal::TEN;
    let mut value = mantissa;
    for _ in 0..exponent.unsigned_abs().min(64) {
        value = if exponent >= 0 {
            arith::mul(value, ten).map_err(|_| NumberError::TooLarge)?
        } else {
            value.checked_div(ten).ok_or(NumberError::NotANumber)?
        };
    }
    Ok(value)
}

/// Splits a typed list of shares (`40, 70` or `40、70` or `40 70`): commas,
/// 、, semicolons and spaces all separate items.
pub fn split_items(text: &str) -> Vec<&str> {
    text.split([',', '，', '、', ';', '；', ' ', '\t', '\n', '\u{3000}'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect()
}

/// Splits a pasted list of yearly flows: one per line, or separated by
/// semicolons, tabs or runs of spaces (a row pasted from a spreadsheet).
/// Commas are thousands separators, never list separators.
pub fn split_list(text: &str) -> Vec<&str> {
    text.split(['\n', '\r', ';', '；', '\t'])
        .flat_map(|line| {
            let trimmed = line.trim();
            // Two or more spaces separate values; a single space may sit inside one.
            trimmed.split("  ").map(str::trim).collect::<Vec<_>>()
        })
        .filter(|item| !item.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn check(text: &str, expected: Result<&str, NumberError>) {
        let expected = expected.map(|value| Decimal::from_str(value).unwrap());
        assert_eq!(parse_decimal(text), expected, "parsing {text:?}");
    }

    #[test]
    fn what_people_type() {
        check("123", Ok("123"));
        check("１２３", Ok("123"));
        check("1,000", Ok("1000"));
        check("１，０００．５", Ok("1000.5"));
        check(" 4 500 ", Ok("4500"));
        check("3万", Ok("30000"));
        check("2.5亿", Ok("250000000"));
        check("-5", Ok("-5"));
        check("+7", Ok("7"));
        check("1e3", Ok("1000"));
        check("0.1", Ok("0.1"));
        check("abc", Err(NumberError::NotANumber));
        check("", Err(NumberError::Empty));
        check("   ", Err(NumberError::Empty));
        check("万", Err(NumberError::NotANumber));
        check("1.2.3", Err(NumberError::NotANumber));
        check("1e40", Err(NumberError::TooLarge));
        check(
            "99999999999999999999999999999999",
            Err(NumberError::TooLarge),
        );
        check("1e99999", Err(NumberError::TooLarge));
        check("--1", Err(NumberError::NotANumber));
        check("1-2", Err(NumberError::NotANumber));
        check(".5", Ok("0.5"));
        check("5.", Ok("5"));
        check("1e", Err(NumberError::NotANumber));
    }

    #[test]
    fn quantities_in_wan_fields_keep_wan_meaning_wan() {
        assert_eq!(parse_quantity("3万", true), Ok(Decimal::from(3)));
        assert_eq!(parse_quantity("3亿", true), Ok(Decimal::from(30_000)));
        assert_eq!(parse_quantity("3万", false), Ok(Decimal::from(30_000)));
        assert_eq!(parse_quantity("3", true), Ok(Decimal::from(3)));
    }

    #[test]
    fn share_lists_split_on_any_separator() {
        assert_eq!(split_items("40, 70"), vec!["40", "70"]);
        assert_eq!(split_items("40、70，100"), vec!["40", "70", "100"]);
        assert_eq!(split_items(" "), Vec::<&str>::new());
    }

    #[test]
    fn lists_split_on_lines_semicolons_and_tabs() {
        assert_eq!(split_list("-100\n30\r\n40"), vec!["-100", "30", "40"]);
        assert_eq!(split_list("-1,000;300；400"), vec!["-1,000", "300", "400"]);
        assert_eq!(split_list("-100\t50\t60\n\n"), vec!["-100", "50", "60"]);
        assert_eq!(split_list("-100  50   60"), vec!["-100", "50", "60"]);
    }
}
