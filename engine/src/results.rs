//! The results of one evaluation and their JSON (SCENARIO.md "Results"):
//! every decimal an unrounded string, `null` where a figure does not exist.

use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

use crate::compare::{BuyVsRent, ModeSide};
use crate::deposit::{DepositResult, Outcome};
use crate::finance::{Irr, IrrStatus};
use crate::metrics::{FloorPrice, IncentiveSummary, MuYear, ParkLedger, StatementMetrics};
use crate::policy::POLICY_SET_ID;
use crate::sensitivity::{SensitiveInput, Switching, TornadoBar};
use crate::statements::YearTable;
use crate::validate::FieldError;

/// A warning of rule 60.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Stable code, e.g. `below_floor_price`.
    pub code: &'static str,
    /// Message in Chinese.
    pub message_zh: String,
    /// Message in English.
    pub message_en: String,
    /// The statement concerned (`multiple_irr` only).
    pub statement: Option<&'static str>,
}

/// The three statements of §4.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statements {
    /// Project, before tax, at discount_rate.
    pub project_before_tax: StatementMetrics,
    /// Project, after tax (adjusted CIT), at discount_rate.
    pub project_after_tax: StatementMetrics,
    /// Equity, at equity_rate.
    pub equity: StatementMetrics,
}

/// The stress results of rule 49.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StressResults {
    /// The statements under "incentives not honoured".
    pub statements: Statements,
    /// Peak funding need, 万元.
    pub peak_funding_need: Decimal,
    /// Park NPV at park_rate, 万元.
    pub park_npv: Decimal,
    /// The deposit outcome.
    pub deposit: DepositResult,
}

/// Everything one evaluation produces (§5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    /// The year-by-year table (`annual` in the JSON).
    pub table: YearTable,
    /// Warnings with codes.
    pub warnings: Vec<Warning>,
    /// NPV, IRR, MIRR, paybacks of the three statements.
    pub statements: Statements,
    /// Rule 41.
    pub peak_funding_need: Decimal,
    /// Rule 42.
    pub min_dscr: Option<Decimal>,
    /// Rule 43.
    pub incentives: IncentiveSummary,
    /// Rule 44.
    pub park: ParkLedger,
    /// 亩均 metrics in the first full-capacity year.
    pub mu_first_full_capacity_year: MuYear,
    /// 亩均 metrics in the test year.
    pub mu_test_year: MuYear,
    /// Rule 15.
    pub floor_price: FloorPrice,
    /// Rule 46.
    pub buy_vs_rent: BuyVsRent,
    /// Rule 47.
    pub tornado: Vec<TornadoBar>,
    /// Rule 48.
    pub switching_values: Vec<(SensitiveInput, Switching)>,
    /// Rule 49.
    pub stress: StressResults,
}

/// A decimal as unrounded text without trailing zeros.
pub fn decimal(value: Decimal) -> Value {
    Value::String(value.normalize().to_string())
}

fn optional(value: Option<Decimal>) -> Value {
    value.map_or(Value::Null, decimal)
}

fn list(values: &[Decimal]) -> Value {
    Value::Array(values.iter().copied().map(decimal).collect())
}

/// The IRR object: `{status, roots, reason}`.
pub fn irr_json(irr: &Irr) -> Value {
    let status = match irr.status {
        IrrStatus::Single => "single",
        IrrStatus::Multiple => "multiple",
        IrrStatus::None => "none",
    };
    json!({
        "status": status,
        "roots": list(&irr.roots),
        "reason": irr.reason.map(|reason| reason.as_str()),
    })
}

fn statement_json(metrics: &StatementMetrics) -> Value {
    json!({
        "npv": decimal(metrics.npv),
        "irr": irr_json(&metrics.irr),
        "mirr": optional(metrics.mirr),
        "static_payback": optional(metrics.static_payback),
        "dynamic_payback": optional(metrics.dynamic_payback),
    })
}

fn statements_json(statements: &Statements) -> Value {
    json!({
        "project_before_tax": statement_json(&statements.project_before_tax),
        "project_after_tax": statement_json(&statements.project_after_tax),
        "equity": statement_json(&statements.equity),
    })
}

fn deposit_json(deposit: &DepositResult) -> Value {
    let outcome = match deposit.outcome {
        Outcome::Refunded => "refunded",
        Outcome::Partial => "partial",
        Outcome::Forfeited => "forfeited",
    };
    json!({
        "outcome": outcome,
        "year": deposit.year,
        "amount": decimal(deposit.amount),
        "refund": decimal(deposit.refund),
        "forfeited": decimal(deposit.forfeited),
        "clawback": decimal(deposit.clawback),
        "clawback_due": decimal(deposit.clawback_due),
        "intensity_met": deposit.intensity_met,
        "tax_per_mu_met": deposit.tax_per_mu_met,
    })
}

fn mu_json(metrics: &MuYear) -> Value {
    json!({
        "year": metrics.year,
        "mu_basis": decimal(metrics.mu_basis),
        "intensity": decimal(metrics.intensity),
        "output_per_mu": decimal(metrics.output_per_mu),
        "tax_per_mu": decimal(metrics.tax_per_mu),
        "staff_per_mu": decimal(metrics.staff_per_mu),
        "plot_ratio": optional(metrics.plot_ratio),
        "intensity_met": metrics.intensity_met,
        "output_per_mu_met": metrics.output_per_mu_met,
        "tax_per_mu_met": metrics.tax_per_mu_met,
        "plot_ratio_met": metrics.plot_ratio_met,
        "full_capacity_reached": metrics.full_capacity_reached,
    })
}

fn side_json(side: &ModeSide) -> Value {
    match side {
        ModeSide::Figures(figures) => json!({
            "npv": decimal(figures.npv),
            "irr": irr_json(&figures.irr),
            "static_payback": optional(figures.static_payback),
            "dynamic_payback": optional(figures.dynamic_payback),
            "eac": decimal(figures.eac),
            "cumulative": list(&figures.cumulative),
            "build_months": figures.build_months,
            "deposit": {
                "kind": match figures.deposit_kind {
                    crate::validate::DepositKind::PerMu => "per_mu",
                    crate::validate::DepositKind::Fixed => "fixed",
                },
                "amount": decimal(figures.deposit_amount),
            },
        }),
        ModeSide::Errors(errors) => json!({ "errors": errors_value(errors) }),
    }
}

fn switching_json(switching: &Switching) -> Value {
    match switching.delta {
        Some(delta) => json!({
            "delta": decimal(delta),
            "value": optional(switching.value),
            "jump": switching.jump,
        }),
        None => json!({ "delta": null, "reason": switching.reason }),
    }
}

/// The yearly table as `{line: [year 1, …, year N]}`.
pub fn annual_json(table: &YearTable) -> Value {
    let mut lines = Map::new();
    for (name, line) in table.lines() {
        lines.insert(name.to_owned(), list(line));
    }
    Value::Object(lines)
}

/// Field errors as a JSON array.
pub fn errors_value(errors: &[FieldError]) -> Value {
    serde_json::to_value(errors).unwrap_or(Value::Null)
}

/// The errors JSON of SCENARIO.md: `{"errors": [...]}`.
pub fn errors_json(errors: &[FieldError]) -> String {
    json!({ "errors": errors_value(errors) }).to_string()
}

impl Results {
    /// The results JSON of SCENARIO.md.
    pub fn to_json_value(&self) -> Value {
        let timeline = &self.table.timeline;
        let mut by_kind = Map::new();
        for (kind, amount) in &self.incentives.by_kind {
            by_kind.insert(
                kind.as_str().to_owned(),
                json!({"nominal": decimal(amount.nominal), "pv": decimal(amount.pv)}),
            );
        }
        let mut switching = Map::new();
        for (input, value) in &self.switching_values {
            switching.insert(input.as_str().to_owned(), switching_json(value));
        }
        let warnings: Vec<Value> = self
            .warnings
            .iter()
            .map(|warning| {
                let mut object = json!({
                    "code": warning.code,
                    "message_zh": warning.message_zh,
                    "message_en": warning.message_en,
                });
                if let (Some(statement), Value::Object(map)) = (warning.statement, &mut object) {
                    map.insert("statement".to_owned(), Value::from(statement));
                }
                object
            })
            .collect();
        let tornado: Vec<Value> = self
            .tornado
            .iter()
            .map(|bar| {
                json!({
                    "input": bar.input.as_str(),
                    "npv_low": decimal(bar.npv_low),
                    "npv_high": decimal(bar.npv_high),
                    "swing": decimal(bar.swing),
                })
            })
            .collect();
        json!({
            "policy_set": POLICY_SET_ID,
            "timeline": {
                "N": timeline.horizon,
                "t0": timeline.start,
                "f0": decimal(timeline.first_fraction),
                "tb": timeline.build_years,
                "test_year": timeline.test_year,
            },
            "warnings": warnings,
            "annual": annual_json(&self.table),
            "statements": statements_json(&self.statements),
            "peak_funding_need": decimal(self.peak_funding_need),
            "min_dscr": optional(self.min_dscr),
            "fixed_investment": decimal(self.table.fixed_investment),
            "incentives": {
                "by_kind": by_kind,
                "total_nominal": decimal(self.incentives.total_nominal),
                "total_pv": decimal(self.incentives.total_pv),
                "share_of_fixed_investment": {
                    "nominal": optional(self.incentives.share_nominal),
                    "pv": optional(self.incentives.share_pv),
                },
            },
            "park": {
                "local_retained_total": decimal(self.park.local_retained_total),
                "incentives_paid_total": decimal(self.park.incentives_paid_total),
                "net_total": decimal(self.park.net_total),
                "forfeited_total": decimal(self.park.forfeited_total),
                "clawback_total": decimal(self.park.clawback_total),
                "npv": decimal(self.park.npv),
                "breakeven_year": self.park.breakeven_year,
            },
            "mu_metrics": {
                "first_full_capacity_year": mu_json(&self.mu_first_full_capacity_year),
                "test_year": mu_json(&self.mu_test_year),
            },
            "deposit": deposit_json(&self.table.deposit),
            "floor_price": {
                "grade": self.floor_price.grade,
                "floor_per_m2": self.floor_price.floor_per_m2,
                "floor_per_mu": decimal(self.floor_price.floor_per_mu),
                "below": self.floor_price.below,
            },
            "buy_vs_rent": {
                "buy_land": side_json(&self.buy_vs_rent.buy_land),
                "rent": side_json(&self.buy_vs_rent.rent),
                "crossover_year": self.buy_vs_rent.crossover_year,
            },
            "tornado": tornado,
            "switching_values": switching,
            "stress": {
                "statements": statements_json(&self.stress.statements),
                "peak_funding_need": decimal(self.stress.peak_funding_need),
                "park_npv": decimal(self.stress.park_npv),
                "deposit": deposit_json(&self.stress.deposit),
            },
        })
    }

    /// [`Results::to_json_value`] as text.
    pub fn to_json(&self) -> String {
        self.to_json_value().to_string()
    }
}
