//! Properties of the finance functions that hold for every series.

use engine::finance::{self, IrrStatus};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A flow in 万元 with 2 decimals, up to ±10⁶.
fn flow() -> impl Strategy<Value = Decimal> {
    (-100_000_000i64..=100_000_000).prop_map(|cents| Decimal::new(cents, 2))
}

/// Any `Decimal` at all, including the extremes of its range.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    (
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
        0u32..=28,
    )
        .prop_map(|(lo, mid, hi, negative, scale)| {
            Decimal::from_parts(lo, mid, hi, negative, scale)
        })
}

/// An investment: some negative years, then mostly positive ones.
fn investment() -> impl Strategy<Value = Vec<Decimal>> {
    (
        prop::collection::vec(
            (1i64..=100_000_000).prop_map(|cents| -Decimal::new(cents, 2)),
            1..4,
        ),
        prop::collection::vec(flow(), 1..27),
    )
        .prop_map(|(outlays, returns)| outlays.into_iter().chain(returns).collect())
}

/// A conventional investment: outlays, then non-negative returns.
fn conventional() -> impl Strategy<Value = Vec<Decimal>> {
    (
        prop::collection::vec(
            (1i64..=100_000_000).prop_map(|cents| -Decimal::new(cents, 2)),
            1..4,
        ),
        prop::collection::vec(
            (0i64..=100_000_000).prop_map(|cents| Decimal::new(cents, 2)),
            1..27,
        ),
    )
        .prop_map(|(outlays, returns)| outlays.into_iter().chain(returns).collect())
}

/// NPV's sign at `rate` the plain way: dividing by (1 + r) at every step
/// (r ≥ 0), or the rescaled Σ NCF_t (1 + r)^(N−t) below 0 (rule 62).
fn reference_sign(rate: Decimal, flows: &[Decimal]) -> std::cmp::Ordering {
    let growth = Decimal::ONE + rate;
    let value = if rate.is_sign_negative() {
        flows
            .iter()
            .fold(Decimal::ZERO, |total, flow| total * growth + flow)
    } else {
        flows
            .iter()
            .rev()
            .fold(Decimal::ZERO, |total, flow| (total + flow) / growth)
    };
    value.cmp(&Decimal::ZERO)
}

/// The single root by plain bisection on (−0.99, 10] to a bracket < 1e-20,
/// independent of the engine's search; `None` if the ends do not bracket it.
fn reference_root(flows: &[Decimal]) -> Option<Decimal> {
    let (mut low, mut high) = (Decimal::new(-99, 2), Decimal::TEN);
    let low_sign = reference_sign(low, flows);
    let high_sign = reference_sign(high, flows);
    if low_sign == std::cmp::Ordering::Equal || low_sign == high_sign {
        return None;
    }
    while high - low >= Decimal::new(1, 20) {
        let middle = (low + high) / Decimal::TWO;
        match reference_sign(middle, flows) {
            std::cmp::Ordering::Equal => return Some(middle),
            sign if sign == low_sign => low = middle,
            _ => high = middle,
        }
    }
    Some((low + high) / Decimal::TWO)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn npv_at_every_reported_root_is_zero(flows in investment()) {
        let irr = finance::irr(&flows).unwrap();
        for root in irr.roots.iter().filter(|root| **root > Decimal::new(-5, 1)) {
            // Below −50 % the factors (1+r)^−t exceed 2^30, so a root's
            // neighbourhood there is checked by sign only (next property).
            let value = finance::npv(*root, &flows).unwrap();
            prop_assert!(value.abs() < Decimal::new(1, 6), "NPV({root}) = {value}");
        }
        prop_assert_eq!(irr.status == IrrStatus::None, irr.roots.is_empty());
        prop_assert_eq!(irr.status == IrrStatus::Multiple, irr.roots.len() > 1);
    }

    #[test]
    fn an_investment_earns_above_its_irr_rate_and_loses_below(flows in conventional(), offset in 1u32..2000) {
        // One sign change from − to +: NPV > 0 below the IRR and < 0 above it.
        let irr = finance::irr(&flows).unwrap();
        if let Some(root) = irr.single() {
            let gap = Decimal::new(i64::from(offset), 4);
            let below = root - gap;
            let above = root + gap;
            if below > Decimal::new(-5, 1) {
                prop_assert!(finance::npv(below, &flows).unwrap() > Decimal::ZERO);
            }
            if above <= Decimal::TEN {
                prop_assert!(finance::npv(above, &flows).unwrap() < Decimal::ZERO);
            }
        }
    }

    #[test]
    fn the_single_root_is_plain_bisections(flows in conventional()) {
        prop_assume!(finance::sign_changes(&flows) == 1);
        let irr = finance::irr(&flows).unwrap();
        match (irr.single(), reference_root(&flows)) {
            (Some(root), Some(reference)) => prop_assert!(
                (root - reference).abs() < Decimal::new(1, 15),
                "{root} vs {reference}"
            ),
            (None, None) => prop_assert_eq!(irr.status, IrrStatus::None),
            (found, reference) => prop_assert!(false, "{found:?} vs {reference:?}"),
        }
    }

    #[test]
    fn no_series_panics(flows in prop::collection::vec(any_decimal(), 0..32), rate in any_decimal(), finance_rate in any_decimal(), periods in 0u32..40) {
        let _ = finance::npv(rate, &flows);
        let _ = finance::irr(&flows);
        let _ = finance::mirr(&flows, finance_rate, rate);
        let _ = finance::static_payback(&flows);
        let _ = finance::dynamic_payback(rate, &flows);
        let _ = finance::pmt(rate, periods, flows.first().copied().unwrap_or_default());
    }
}
