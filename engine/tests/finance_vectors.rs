//! The finance functions against numpy-financial and an exact Python
//! implementation of MODEL.md rules 38–40 (`scripts/gen_finance_vectors.py`
//! wrote the CSV files; the engine never produced any expected value here).

use std::str::FromStr;

use engine::finance::{self, IrrStatus};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text)
        .or_else(|_| Decimal::from_scientific(text))
        .unwrap_or_else(|error| panic!("bad decimal {text:?}: {error}"))
}

fn optional(text: &str) -> Option<Decimal> {
    (!text.is_empty()).then(|| d(text))
}

fn list(text: &str) -> Vec<Decimal> {
    text.split(';')
        .filter(|item| !item.is_empty())
        .map(d)
        .collect()
}

fn within(actual: Decimal, expected: Decimal, tolerance: Decimal) -> bool {
    (actual - expected).abs() <= tolerance
}

/// numpy's figures are binary floats: compare with a tolerance relative to
/// the size of the flows.
fn float_tolerance(flows: &[Decimal]) -> Decimal {
    let scale: Decimal = flows.iter().map(|flow| flow.abs()).sum();
    Decimal::new(1, 9) * scale.max(Decimal::ONE)
}

#[test]
fn npv_irr_mirr_and_payback_match_the_independent_vectors() {
    let mut reader = csv::Reader::from_path("tests/data/finance_vectors.csv").unwrap();
    let mut checked = 0;
    let mut failures = Vec::new();
    for record in reader.records() {
        let row = record.unwrap();
        let (id, flows, rate, finance_rate) = (&row[0], list(&row[1]), d(&row[2]), d(&row[3]));
        let mut fail = |what: &str, actual: String, expected: &str| {
            failures.push(format!("{id}: {what} = {actual}, expected {expected}"));
        };

        let npv = finance::npv(rate, &flows).unwrap();
        if !within(npv, d(&row[4]), float_tolerance(&flows)) {
            fail("npv", npv.to_string(), &row[4]);
        }

        let irr = finance::irr(&flows).unwrap();
        let status = match irr.status {
            IrrStatus::Single => "single",
            IrrStatus::Multiple => "multiple",
            IrrStatus::None => "none",
        };
        let expected_roots = list(&row[6]);
        let roots_match = irr.roots.len() == expected_roots.len()
            && irr
                .roots
                .iter()
                .zip(&expected_roots)
                .all(|(root, want)| within(*root, *want, Decimal::new(1, 8)));
        if status != &row[5] || !roots_match {
            fail(
                "irr",
                format!("{status} {:?}", irr.roots),
                &format!("{} {}", &row[5], &row[6]),
            );
        }

        let mirr = finance::mirr(&flows, finance_rate, rate).unwrap();
        let mirr_match = match (mirr, optional(&row[7])) {
            (Some(actual), Some(expected)) => within(actual, expected, Decimal::new(1, 10)),
            (None, None) => true,
            _ => false,
        };
        if !mirr_match {
            fail("mirr", format!("{mirr:?}"), &row[7]);
        }

        let paybacks = [
            (
                "static_payback",
                finance::static_payback(&flows).unwrap(),
                &row[8],
            ),
            (
                "dynamic_payback",
                finance::dynamic_payback(rate, &flows).unwrap(),
                &row[9],
            ),
        ];
        for (what, actual, expected) in paybacks {
            let matches = match (actual, optional(expected)) {
                (Some(actual), Some(expected)) => within(actual, expected, Decimal::new(1, 12)),
                (None, None) => true,
                _ => false,
            };
            if !matches {
                fail(what, format!("{actual:?}"), expected);
            }
        }
        checked += 1;
    }
    assert!(checked >= 400, "only {checked} vectors read");
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn pmt_matches_numpy_financial() {
    let mut reader = csv::Reader::from_path("tests/data/pmt_vectors.csv").unwrap();
    let mut checked = 0;
    for record in reader.records() {
        let row = record.unwrap();
        let (rate, periods, present_value, expected) = (
            d(&row[0]),
            row[1].parse::<u32>().unwrap(),
            d(&row[2]),
            d(&row[3]),
        );
        let actual = finance::pmt(rate, periods, present_value).unwrap();
        let tolerance = Decimal::new(1, 9) * present_value.abs().max(Decimal::ONE);
        assert!(
            within(actual, expected, tolerance),
            "PMT({rate}, {periods}, {present_value}) = {actual}, numpy says {expected}"
        );
        checked += 1;
    }
    assert!(checked >= 100, "only {checked} vectors read");
}
