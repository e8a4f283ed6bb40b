//! Numbers as people read them: 2 decimals, half away from zero (四舍五入),
//! thousands separators, percentages. Rounding happens here and nowhere else.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds to `places` decimals, half away from zero (MODEL.md §9 rule 9).
pub fn round(value: Decimal, places: u32) -> Decimal {
    value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
}

/// `value` with 2 decimals and thousands separators, e.g. `-1,234.57`.
pub fn amount(value: Decimal) -> String {
    let rounded = round(value, 2);
    let text = format!("{:.2}", rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), "00"));
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3 + 4);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{grouped}.{fraction}")
}

/// A fraction as a percentage with 2 decimals, e.g. `0.120058` → `12.01 %`.
pub fn percent(value: Decimal) -> String {
    let scaled = value.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(value);
    format!("{} %", amount(scaled))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn amounts_round_half_away_from_zero() {
        assert_eq!(amount(d("2055.375")), "2,055.38");
        assert_eq!(amount(d("-2055.375")), "-2,055.38");
        assert_eq!(amount(d("0.004")), "0.00");
        assert_eq!(amount(d("-0.004")), "0.00");
        assert_eq!(amount(d("1234567")), "1,234,567.00");
        assert_eq!(amount(d("999.995")), "1,000.00");
    }

    #[test]
    fn percentages_have_two_decimals() {
        assert_eq!(percent(d("0.120058")), "12.01 %");
        assert_eq!(percent(d("-0.0488")), "-4.88 %");
    }
}
