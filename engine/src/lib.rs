//! The calculation engine of the Yongzhou park investment calculator.
//!
//! It implements `MODEL.md` to the letter: money is `Decimal` in 万元, every
//! operation is checked, and nothing here knows about the web. The app shell
//! turns text into validated inputs, calls this crate, and formats what it
//! returns.
#![forbid(unsafe_code)]
#![deny(
    clippy::float_arithmetic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod affine;
pub mod arith;
pub mod capex;
pub mod compare;
pub mod deposit;
pub mod error;
pub mod finance;
pub mod incentives;
pub mod json;
pub mod loan;
pub mod metrics;
pub mod operations;
pub mod policy;
pub mod results;
pub mod scenario;
pub mod sensitivity;
pub mod statements;
pub mod tax;
pub mod timeline;
pub mod validate;

pub use error::{EngineError, Overflow};
pub use results::Results;
pub use scenario::RawScenario;
pub use statements::YearTable;
pub use validate::{validate, FieldError, Inputs, Valid};

use error::Blame;
use finance::IrrStatus;
use metrics::StatementMetrics;
use results::{Statements, StressResults, Warning};

/// Why a scenario produced no results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The scenario is invalid: every bad field.
    Invalid(Vec<FieldError>),
    /// The computation overflowed, driven by the named input.
    Engine(EngineError),
}

impl Failure {
    /// The failure as field errors (an overflow names its input as the field).
    pub fn errors(&self) -> Vec<FieldError> {
        match self {
            Failure::Invalid(errors) => errors.clone(),
            Failure::Engine(EngineError::Overflow { input }) => vec![FieldError::new(
                input,
                String::new(),
                "a smaller value",
                format!("计算超出数值范围：请减小「{input}」"),
                format!("the computation overflows: reduce `{input}`"),
            )
            .with_code("overflow")],
        }
    }
}

/// Evaluates scenario JSON (SCENARIO.md): `Ok` with the results JSON, or
/// `Err` with the errors JSON `{"errors": [...]}`.
pub fn evaluate_json(text: &str) -> Result<String, String> {
    let value = json::parse(text).map_err(|_| {
        let errors = RawScenario::from_json(text).err().unwrap_or_default();
        results::errors_json(&errors)
    })?;
    let (raw, mut errors) =
        RawScenario::from_value_lenient(value).map_err(|errors| results::errors_json(&errors))?;
    if !errors.is_empty() {
        // Type errors and range errors are reported together.
        if let Err(range_errors) = validate(&raw) {
            errors.extend(range_errors);
        }
        return Err(results::errors_json(&errors));
    }
    evaluate_raw(&raw)
        .map(|results| results.to_json())
        .map_err(|failure| results::errors_json(&failure.errors()))
}

/// Validates and evaluates a raw scenario.
pub fn evaluate_raw(raw: &RawScenario) -> Result<Results, Failure> {
    let valid = validate(raw).map_err(Failure::Invalid)?;
    evaluate(&valid).map_err(Failure::Engine)
}

/// The statements of one year table: project flows at discount_rate, equity
/// at equity_rate (§5).
pub fn statements(table: &YearTable, inputs: &Inputs) -> Result<Statements, EngineError> {
    let project = |flows: &[rust_decimal::Decimal]| {
        StatementMetrics::new(flows, inputs.discount_rate, inputs).blame("discount_rate")
    };
    Ok(Statements {
        project_before_tax: project(&table.ncf_project_before_tax)?,
        project_after_tax: project(&table.ncf_project_after_tax)?,
        equity: StatementMetrics::new(&table.ncf_equity, inputs.equity_rate, inputs)
            .blame("equity_rate")?,
    })
}

/// Every result of MODEL.md §5 for a valid scenario: the year table, the
/// three statements, all metrics, buy vs rent, the tornado, the switching
/// values and the stress results.
pub fn evaluate(valid: &Valid) -> Result<Results, EngineError> {
    let inputs = valid.inputs();
    let table = YearTable::new(inputs, inputs.stress)?;
    let base_statements = statements(&table, inputs)?;
    let stress = if inputs.stress {
        stress_results(&table, base_statements.clone(), inputs)?
    } else {
        let stressed = YearTable::new(inputs, true)?;
        let stressed_statements = statements(&stressed, inputs)?;
        stress_results(&stressed, stressed_statements, inputs)?
    };
    let (full_year, reached) = metrics::first_full_capacity_year(&table.capacity);
    let mu_first_full_capacity_year =
        metrics::mu_year(&table, inputs, full_year, reached).blame("output_full")?;
    let mu_test_year =
        metrics::mu_year(&table, inputs, table.timeline.test_year, reached).blame("output_full")?;
    let floor_price = metrics::floor_price(inputs).blame("land_grade")?;
    let buy_vs_rent = compare::buy_vs_rent(
        inputs,
        &table,
        &base_statements.project_after_tax,
        valid.other_mode(),
    )?;
    let sensitivity::Analysis {
        tornado,
        switching_values,
    } = sensitivity::Sensitivity::new(inputs, &table).run(
        &table.ncf_project_after_tax,
        base_statements.project_after_tax.npv,
    )?;
    let mut results = Results {
        warnings: Vec::new(),
        peak_funding_need: metrics::peak_funding_need(&table.ncf_equity).blame("loan")?,
        min_dscr: metrics::min_dscr(&table).blame("loan")?,
        incentives: metrics::incentive_summary(&table, inputs).blame("incentives")?,
        park: metrics::park_ledger(&table, inputs).blame("park_rate")?,
        statements: base_statements,
        mu_first_full_capacity_year,
        mu_test_year,
        floor_price,
        buy_vs_rent,
        tornado,
        switching_values,
        stress,
        table,
    };
    results.warnings = warnings(&results, inputs);
    Ok(results)
}

fn stress_results(
    table: &YearTable,
    statements: Statements,
    inputs: &Inputs,
) -> Result<StressResults, EngineError> {
    Ok(StressResults {
        statements,
        peak_funding_need: metrics::peak_funding_need(&table.ncf_equity).blame("loan")?,
        park_npv: finance::npv(inputs.park_rate, &table.park_net).blame("park_rate")?,
        deposit: table.deposit,
    })
}

/// The warnings of rule 60.
fn warnings(results: &Results, inputs: &Inputs) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut warn = |code: &'static str, zh: String, en: String, statement: Option<&'static str>| {
        warnings.push(Warning {
            code,
            message_zh: zh,
            message_en: en,
            statement,
        });
    };
    if results.floor_price.below == Some(true) {
        let price = inputs.land_price.normalize();
        let floor = results.floor_price.floor_per_mu.round_dp(2);
        let grade = inputs.land_grade;
        warn(
            "below_floor_price",
            format!("土地单价 {price} 万元/亩低于全国工业用地出让最低价标准 {floor} 万元/亩（{grade} 等）"),
            format!("The land price of {price} 万元/亩 is below the national floor of {floor} 万元/亩 (grade {grade})"),
            None,
        );
    }
    if inputs.incentives.tax_reward.0 || inputs.incentives.land_rebate.0 {
        warn(
            "restricted_incentive",
            "税收奖励、土地返还属于受限的 C 类优惠：自 2024-08-01 起《公平竞争审查条例》第十条禁止无法律依据的选择性优惠".to_owned(),
            "Tax rewards and land rebates are restricted (group C): since 2024-08-01 the Fair Competition Review Regulation (Art. 10) bars selective preferences without a legal basis".to_owned(),
            None,
        );
    }
    let statements = [
        ("project_before_tax", &results.statements.project_before_tax),
        ("project_after_tax", &results.statements.project_after_tax),
        ("equity", &results.statements.equity),
    ];
    for (name, metrics) in statements {
        if metrics.irr.status == IrrStatus::Multiple {
            warn(
                "multiple_irr",
                format!("{name} 现金流有多个内部收益率：请以净现值判断"),
                format!("{name} has multiple IRRs: judge by NPV"),
                Some(name),
            );
        }
    }
    let deposit = &results.table.deposit;
    if deposit.failed() {
        warn(
            "targets_missed",
            "考核年未达到履约保证金约定的考核指标".to_owned(),
            "The deposit's targets are missed in the test year".to_owned(),
            None,
        );
    }
    if deposit.forfeited > rust_decimal::Decimal::ZERO {
        let forfeited = deposit.forfeited.round_dp(2);
        warn(
            "deposit_forfeited",
            format!("履约保证金被没收 {forfeited} 万元"),
            format!("{forfeited} 万元 of the deposit is forfeited"),
            None,
        );
    }
    if !results.mu_first_full_capacity_year.full_capacity_reached {
        warn(
            "full_capacity_not_reached",
            "产能在计算期内未达到 100 %：亩均指标取产能最高的年份".to_owned(),
            "Capacity never reaches 100 % within the period: the 亩均 metrics use the year of highest capacity".to_owned(),
            None,
        );
    }
    warnings
}
