//! Property tests: for scenarios anywhere within the allowed ranges, nothing
//! panics and the accounting identities of the model hold exactly.

use engine::finance::npv;
use engine::scenario::Num;
use engine::scenario::{RawDeposit, RawIncentives, RawSettlementAward, RawTaxReward};
use engine::{evaluate, validate, RawScenario, Results, YearTable};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A decimal in [low, high] with `places` decimals, as literal text.
fn decimal(low: i64, high: i64, places: u32) -> impl Strategy<Value = Num> {
    (low..=high).prop_map(move |units| Num::from(Decimal::new(units, places)))
}

prop_compose! {
    fn scenario()(
        buy in any::<bool>(),
        horizon in 3_i64..=30,
        build_months in 0_i64..=36,
        output_full in prop_oneof![decimal(0, 100_000, 0), decimal(0, 100_000_000, 0)],
        ramp in prop::collection::vec(decimal(0, 150, 2), 0..6),
        growth in decimal(-50, 50, 2),
        materials_ratio in decimal(0, 100, 2),
        other_ratio in decimal(0, 30, 2),
        rd_ratio in decimal(0, 50, 2),
        headcount in decimal(0, 2000, 0),
        wage in decimal(0, 50, 0),
        equipment in decimal(0, 100_000, 0),
        land_mu in decimal(1, 500, 0),
        land_price in decimal(0, 500, 0),
        far in decimal(1, 50, 1),
        rent in decimal(0, 200, 0),
        rent_area in decimal(1, 100_000, 0),
        loan in prop_oneof![Just(0_i64), 1_i64..=50_000],
        loan_rate in decimal(0, 30, 2),
        loan_years in 1_i64..=20,
        annuity in any::<bool>(),
        settlement in decimal(0, 1000, 0),
        tax_reward in any::<bool>(),
        clawback in decimal(0, 100, 2),
        tax_min in decimal(0, 100, 0),
        high_tech in any::<bool>(),
        stress in any::<bool>(),
    ) -> RawScenario {
        let build_months = if buy { build_months.max(6) } else { build_months };
        let horizon = horizon.max(build_months / 12 + 2);
        let loan_years = loan_years.min(horizon - 1);
        RawScenario {
            site_mode: Some(if buy { "buy_land" } else { "rent" }.to_owned()),
            horizon: Some(Num::from(horizon)),
            build_months: Some(Num::from(build_months)),
            output_full: Some(output_full),
            ramp: Some(ramp),
            growth: Some(growth),
            materials_ratio: Some(materials_ratio),
            other_ratio: Some(other_ratio),
            rd_ratio: Some(rd_ratio),
            headcount: Some(headcount),
            wage: Some(wage),
            equipment: Some(equipment),
            land_mu: Some(land_mu),
            land_price: Some(land_price),
            far: Some(far),
            rent: Some(rent),
            rent_area: Some(rent_area),
            loan: Some(Num::from(loan)),
            loan_rate: Some(loan_rate),
            loan_years: Some(Num::from(loan_years)),
            grace_years: Some(Num::from((loan_years - 1).min(2))),
            repayment: Some(if annuity { "annuity" } else { "equal_principal" }.to_owned()),
            guarantee_rate: Some(Num::from("0.01")),
            cit_regime: Some(if high_tech { "high_tech" } else { "general" }.to_owned()),
            clawback: Some(clawback),
            test_year: Some(Num::from(1)),
            targets: Some(engine::scenario::RawTargets {
                intensity: None,
                tax_per_mu: Some(engine::scenario::RawTarget { on: Some(true), min: Some(tax_min) }),
            }),
            incentives: Some(RawIncentives {
                settlement_award: Some(RawSettlementAward { on: Some(true), amount: Some(settlement) }),
                tax_reward: Some(RawTaxReward { on: Some(tax_reward), shares: None, lag: None }),
                ..RawIncentives::default()
            }),
            deposit: Some(RawDeposit { kind: None, amount: Some(Num::from(10)) }),
            stress: Some(stress),
            ..RawScenario::default()
        }
    }
}

fn sum(line: &[Decimal]) -> Decimal {
    line.iter().copied().sum()
}

fn table_identities(table: &YearTable) {
    let years = table.timeline.years().count();
    for index in 0..years {
        let at = |line: &[Decimal]| line[index];
        // NCF = CI − CO.
        assert_eq!(
            at(&table.ncf_project_before_tax),
            at(&table.cash_in) - at(&table.cash_out)
        );
        // Equity − after-tax project = financing − (CIT − adjusted CIT).
        let financing = at(&table.loan.draw)
            - at(&table.loan.principal)
            - at(&table.loan.interest)
            - at(&table.loan.guarantee_fee)
            + at(&table.incentives.interest_subsidy);
        let gap = at(&table.ncf_equity)
            - at(&table.ncf_project_after_tax)
            - (financing - (at(&table.cit) - at(&table.adjusted_cit)));
        assert!(
            gap.abs() < Decimal::new(1, 12),
            "equity identity off by {gap} in year {}",
            index + 1
        );
    }
    // Σ VAT paid − closing credit = Σ output VAT − Σ input VAT.
    let closing_credit = table.vat.credit.last().copied().unwrap_or_default();
    let vat_gap =
        sum(&table.vat.paid) - closing_credit - (sum(&table.vat.output) - sum(&table.vat.input));
    assert!(
        vat_gap.abs() < Decimal::new(1, 12),
        "VAT identity off by {vat_gap}"
    );
}

/// Equal up to the last of `Decimal`'s 28 digits: a total summed per kind
/// and the same total summed per year round differently there.
fn assert_same(left: Decimal, right: Decimal) {
    assert!(
        (left - right).abs() < Decimal::new(1, 12),
        "{left} and {right} differ"
    );
}

fn result_identities(results: &Results) {
    let table = &results.table;
    table_identities(table);
    // Incentive kinds sum to the totals, and each nominal to its line.
    let kinds_nominal: Decimal = results
        .incentives
        .by_kind
        .iter()
        .map(|(_, amount)| amount.nominal)
        .sum();
    let kinds_pv: Decimal = results
        .incentives
        .by_kind
        .iter()
        .map(|(_, amount)| amount.pv)
        .sum();
    assert_same(kinds_nominal, results.incentives.total_nominal);
    assert_same(kinds_pv, results.incentives.total_pv);
    assert_same(
        sum(&table.incentives_cash) + sum(&table.operations.rent_waived),
        results.incentives.total_nominal,
    );
    // Every total equals the sum of its yearly line.
    assert_same(
        results.park.local_retained_total,
        sum(&table.park_local_retained),
    );
    assert_same(
        results.park.incentives_paid_total,
        sum(&table.park_incentives_paid),
    );
    assert_same(results.park.net_total, sum(&table.park_net));
    // NPV at each IRR root is ~0 (relative to the flows' size).
    let statements = [
        (
            &results.statements.project_before_tax,
            &table.ncf_project_before_tax,
        ),
        (
            &results.statements.project_after_tax,
            &table.ncf_project_after_tax,
        ),
        (&results.statements.equity, &table.ncf_equity),
    ];
    for (metrics, flows) in statements {
        let scale = flows
            .iter()
            .map(|flow| flow.abs())
            .sum::<Decimal>()
            .max(Decimal::ONE);
        for root in &metrics.irr.roots {
            let value = if root.is_sign_negative() {
                // Rescaled: Σ NCF_t (1 + r)^(N − t), same sign and roots (rule 62).
                flows.iter().fold(Decimal::ZERO, |acc, flow| {
                    acc * (Decimal::ONE + root) + flow
                })
            } else {
                npv(*root, flows).unwrap()
            };
            assert!(
                value.abs() <= scale * Decimal::new(1, 8),
                "NPV at root {root} is {value}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn identities_hold_and_nothing_panics(raw in scenario()) {
        let valid = validate(&raw);
        prop_assert!(valid.is_ok(), "{:?}", valid.err());
        if let Ok(valid) = valid {
            // An overflow is a typed error naming an input, never a panic.
            if let Ok(results) = evaluate(&valid) {
                result_identities(&results);
                prop_assert!(results.to_json().starts_with("{"), "results JSON is an object");
            }
        }
    }

    #[test]
    fn year_model_identities_under_stress_too(raw in scenario()) {
        let valid = validate(&raw).unwrap();
        for stress in [false, true] {
            if let Ok(table) = YearTable::new(valid.inputs(), stress) {
                table_identities(&table);
            }
        }
    }
}

#[test]
fn extreme_growth_is_a_result_or_a_typed_error() {
    let raw = RawScenario::from_json(r#"{"output_full": "1e8", "horizon": 30, "growth": "0.5"}"#)
        .unwrap();
    match engine::evaluate_raw(&raw) {
        Ok(results) => result_identities(&results),
        Err(engine::Failure::Engine(error)) => assert!(!error.input().is_empty()),
        Err(engine::Failure::Invalid(errors)) => panic!("{errors:?}"),
    }
}
