//! Tests of the affine model: its slopes against full evaluations of the year model.

use super::*;
use crate::sensitivity::npv_with;
use crate::RawScenario;
use proptest::prelude::*;

/// Every input the affine model moves.
const MOVED: [SensitiveInput; 7] = [
    SensitiveInput::OutputFull,
    SensitiveInput::MaterialsRatio,
    SensitiveInput::Equipment,
    SensitiveInput::BuildCost,
    SensitiveInput::Rent,
    SensitiveInput::LandPrice,
    SensitiveInput::Wage,
];

/// The affine model's NPV equals the full year model's at every δ, to
/// far below the golden tolerance; a mismatch or an overflow on one side
/// only is a failure. Returns the number of points compared.
fn check_scenario(name: &str, inputs: &Inputs, deltas: &[&str]) -> usize {
    let table = YearTable::new(inputs, inputs.stress).expect("the base year table");
    let base = Base::new(inputs, &table).expect("the affine base");
    let mut checked = 0;
    for input in MOVED {
        let model = base.model(input).expect("the affine model");
        for delta in deltas {
            let delta: Decimal = delta.parse().expect("a decimal");
            let full = npv_with(inputs, input, Decimal::ONE + delta);
            let fast = model.npv(delta);
            match (full, fast) {
                (Ok(full), Ok(fast)) => {
                    let gap = (full - fast).abs();
                    let scale = full.abs().max(Decimal::ONE);
                    assert!(
                        gap <= scale * Decimal::new(1, 18),
                        "{name} {input:?} δ = {delta}: {fast} vs {full}"
                    );
                }
                (Err(_), Err(_)) => {}
                (full, fast) => panic!("{name} {input:?} δ = {delta}: {fast:?} vs {full:?}"),
            }
            checked += 1;
        }
    }
    checked
}

#[test]
fn the_affine_model_is_the_year_model_on_the_golden_scenarios() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut scenarios = 0;
    for entry in std::fs::read_dir(&dir).expect("the golden directory") {
        let path = entry.expect("a directory entry").path();
        let name = path.to_string_lossy().into_owned();
        if !name.ends_with(".scenario.json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a scenario file");
        let raw = RawScenario::from_json(&text).expect("a scenario");
        let valid = crate::validate(&raw).expect("a valid scenario");
        let deltas = [
            "0", "-1", "-0.5", "-0.1", "0.1", "0.0475", "0.73", "2.5", "10",
        ];
        assert_eq!(check_scenario(&name, valid.inputs(), &deltas), 63, "{name}");
        scenarios += 1;
    }
    assert!(scenarios >= 23, "only {scenarios} golden scenarios");
}

/// A scenario that moves the parts the affine model treats apart: VAT
/// credit, losses, the deposit and its clawback, the tax reward, the
/// equipment subsidy's cap, loans, stress, the rent holiday.
fn scenario() -> impl Strategy<Value = String> {
    let money = |low: u32, high: u32| (low..=high).prop_map(|value| value.to_string());
    let share = || (0_u32..=100).prop_map(|value| format!("{}", Decimal::new(value.into(), 2)));
    (
        (
            prop::sample::select(vec!["rent", "buy_land"]),
            prop::sample::select(vec![3_u32, 5, 8, 15, 30]),
            prop::sample::select(vec![0_u32, 6, 8, 12, 20]),
            money(0, 60000),
            (20_u32..=95).prop_map(|value| format!("0.{value}")),
            money(0, 30000),
            (0_u32..=20).prop_map(|value| format!("{}", Decimal::new(value.into(), 2))),
        ),
        (
            any::<bool>(),
            any::<bool>(),
            prop::sample::select(vec![0_u32, 3, 10]),
            money(0, 8000),
            share(),
            prop::collection::vec(share(), 0..4),
            (1_u32..=3, share(), money(0, 2000)),
        ),
        (money(0, 600), money(0, 40), any::<bool>(), money(0, 2000)),
    )
        .prop_map(
            |(
                (site_mode, horizon, build_months, output, materials, equipment, wage_growth),
                (stress, taxable, loss_years, loan, clawback, shares, (lag, rate, cap)),
                (deposit, tax_min, pro_rata, settlement),
            )| {
                // 1 + loan_years ≤ N for every horizon drawn.
                let (loan_years, test_year) = (1, 1);
                format!(
                    r#"{{"site_mode": "{site_mode}", "horizon": {horizon}, "build_months": {build_months},
                    "output_full": {output}, "materials_ratio": {materials}, "equipment": {equipment},
                    "wage_growth": {wage_growth}, "stress": {stress}, "subsidies_taxable": {taxable},
                    "loss_years": {loss_years}, "loan": {loan}, "loan_years": {loan_years}, "grace_years": 0,
                    "test_year": {test_year}, "clawback": {clawback},
                    "forfeit_rule": "{forfeit}",
                    "deposit": {{"kind": "fixed", "amount": {deposit}}},
                    "targets": {{"tax_per_mu": {{"on": true, "min": {tax_min}}}}},
                    "incentives": {{
                      "tax_reward": {{"on": true, "shares": [{shares}], "lag": {lag}}},
                      "equip_subsidy": {{"on": true, "rate": {rate}, "cap": {cap}, "lag": {lag}}},
                      "settlement_award": {{"on": true, "amount": {settlement}}},
                      "rent_relief": {{"on": true, "shares": [{shares}]}}
                    }}}}"#,
                    forfeit = if pro_rata { "pro_rata" } else { "full" },
                    shares = shares.join(", "),
                )
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_affine_model_is_the_year_model_on_any_scenario(text in scenario()) {
        let raw = RawScenario::from_json(&text).expect("a scenario");
        let valid = crate::validate(&raw);
        prop_assume!(valid.is_ok());
        let valid = valid.expect("checked");
        let deltas = ["-1", "-0.3", "-0.01", "0.0475", "0.2", "1.5", "10"];
        prop_assert_eq!(check_scenario(&text, valid.inputs(), &deltas), 49);
    }
}
