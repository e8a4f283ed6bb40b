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
    fn no_series_panics(flows in prop::collection::vec(any_decimal(), 0..32), rate in any_decimal(), finance_rate in any_decimal(), periods in 0u32..40) {
        let _ = finance::npv(rate, &flows);
        let _ = finance::irr(&flows);
        let _ = finance::mirr(&flows, finance_rate, rate);
        let _ = finance::static_payback(&flows);
        let _ = finance::dynamic_payback(rate, &flows);
        let _ = finance::pmt(rate, periods, flows.first().copied().unwrap_or_default());
    }
}
