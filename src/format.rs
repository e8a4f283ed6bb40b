//! Numbers as people read them: 2 decimals, half away from zero (四舍五入),
//! thousands separators, percentages, and money in 万元 / 亿元 (Chinese) or
//! CNY million (English). Rounding happens here and nowhere else.

// Products go through `arith::mul`, whose code the wasm holds once;
// `Decimal::checked_mul` is inlined wherever it is called.
use engine::arith;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::i18n::Lang;

/// 1 亿 = 10 000 万.
const WAN_PER_YI: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);
/// 1 million CNY = 100 万元.
const WAN_PER_MILLION: Decimal = Decimal::ONE_HUNDRED;

/// Rounds to `places` decimals, half away from zero (MODEL.md §9 rule 9).
pub fn round(value: Decimal, places: u32) -> Decimal {
    value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
}

/// `value` with `places` decimals and thousands separators, e.g. `-1,234.57`.
pub fn grouped(value: Decimal, places: u32) -> String {
    let rounded = round(value, places);
    let text = format!("{:.*}", places as usize, rounded.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(whole.len() + whole.len() / 3 + 8);
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('-');
    }
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// `value` with 2 decimals and thousands separators.
pub fn amount(value: Decimal) -> String {
    grouped(value, 2)
}

/// A fraction as a percentage with 2 decimals, e.g. `0.120058` → `12.01 %`.
pub fn percent(value: Decimal) -> String {
    let scaled = arith::mul(value, Decimal::ONE_HUNDRED).unwrap_or(value);
    format!("{} %", amount(scaled))
}

/// Money given in 万元, with its unit: `1,234.57 万元` or `3.25 亿元` in
/// Chinese, `CNY 12.35 m` in English.
pub fn money(lang: Lang, wan: Decimal) -> String {
    match lang {
        Lang::Zh if wan.abs() >= WAN_PER_YI => {
            format!(
                "{} 亿元",
                amount(wan.checked_div(WAN_PER_YI).unwrap_or(wan))
            )
        }
        Lang::Zh => format!("{} 万元", amount(wan)),
        Lang::En => format!("CNY {} m", amount(to_million(wan))),
    }
}

/// Money in the unit of tables and charts: 万元 in Chinese, CNY million in
/// English (see [`table_unit`]), without the unit.
pub fn money_in_table(lang: Lang, wan: Decimal) -> String {
    match lang {
        Lang::Zh => amount(wan),
        Lang::En => amount(to_million(wan)),
    }
}

/// The unit that [`money_in_table`] writes.
pub fn table_unit(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "万元",
        Lang::En => "CNY m",
    }
}

/// A column heading with the unit of tables: "NPV (CNY m)".
pub fn with_table_unit(lang: Lang, heading: &str) -> String {
    format!("{heading} ({})", table_unit(lang))
}

/// 万元 → CNY million.
pub fn to_million(wan: Decimal) -> Decimal {
    wan.checked_div(WAN_PER_MILLION).unwrap_or(wan)
}

/// Years with 2 decimals: `3.66 年` / `3.66 years`.
pub fn years(lang: Lang, value: Decimal) -> String {
    match lang {
        Lang::Zh => format!("{} 年", amount(value)),
        Lang::En => format!("{} years", amount(value)),
    }
}

/// A decimal without trailing zeros, for editable fields (`0.10` → `0.1`).
pub fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

/// The exact engine value for `data-value`: unrounded, no trailing zeros,
/// as the results JSON of SCENARIO.md writes it.
pub fn exact(value: Decimal) -> String {
    value.normalize().to_string()
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
        assert_eq!(grouped(d("1234.5"), 0), "1,235");
    }

    #[test]
    fn percentages_have_two_decimals() {
        assert_eq!(percent(d("0.120058")), "12.01 %");
        assert_eq!(percent(d("-0.0488")), "-4.88 %");
    }

    #[test]
    fn money_reads_in_wan_yi_or_million() {
        assert_eq!(money(Lang::Zh, d("13025.8107")), "1.30 亿元");
        assert_eq!(money(Lang::Zh, d("9999.994")), "9,999.99 万元");
        assert_eq!(money(Lang::Zh, d("-25000")), "-2.50 亿元");
        assert_eq!(money(Lang::En, d("13025.8107")), "CNY 130.26 m");
        assert_eq!(money_in_table(Lang::En, d("712")), "7.12");
        assert_eq!(money_in_table(Lang::Zh, d("712")), "712.00");
    }

    #[test]
    fn exact_values_drop_trailing_zeros_only() {
        assert_eq!(exact(d("13025.810700")), "13025.8107");
        assert_eq!(exact(d("-0.50")), "-0.5");
    }
}
