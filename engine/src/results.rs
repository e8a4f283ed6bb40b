//! The results of one evaluation and their JSON (SCENARIO.md "Results"):
//! every decimal an unrounded string, `null` where a figure does not exist.

use rust_decimal::Decimal;

use crate::compare::{BuyVsRent, ModeSide};
use crate::deposit::{DepositResult, Outcome};
use crate::finance::{Irr, IrrStatus};
use crate::json::Value;
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

/// An object with its keys in byte order, as the results JSON has always
/// been written.
fn object(members: Vec<(&str, Value)>) -> Value {
    let mut members: Vec<(String, Value)> = members
        .into_iter()
        .map(|(key, value)| (key.to_owned(), value))
        .collect();
    members.sort_unstable_by(|(left, _), (right, _)| left.cmp(right));
    Value::Object(members)
}

/// The IRR object: `{status, roots, reason}`.
pub fn irr_json(irr: &Irr) -> Value {
    let status = match irr.status {
        IrrStatus::Single => "single",
        IrrStatus::Multiple => "multiple",
        IrrStatus::None => "none",
    };
    object(vec![
        ("status", status.into()),
        ("roots", list(&irr.roots)),
        ("reason", irr.reason.map(|reason| reason.as_str()).into()),
    ])
}

fn statement_json(metrics: &StatementMetrics) -> Value {
    object(vec![
        ("npv", decimal(metrics.npv)),
        ("irr", irr_json(&metrics.irr)),
        ("mirr", optional(metrics.mirr)),
        ("static_payback", optional(metrics.static_payback)),
        ("dynamic_payback", optional(metrics.dynamic_payback)),
    ])
}

fn statements_json(statements: &Statements) -> Value {
    object(vec![
        (
            "project_before_tax",
            statement_json(&statements.project_before_tax),
        ),
        (
            "project_after_tax",
            statement_json(&statements.project_after_tax),
        ),
        ("equity", statement_json(&statements.equity)),
    ])
}

fn deposit_json(deposit: &DepositResult) -> Value {
    let outcome = match deposit.outcome {
        Outcome::Refunded => "refunded",
        Outcome::Partial => "partial",
        Outcome::Forfeited => "forfeited",
    };
    object(vec![
        ("outcome", outcome.into()),
        ("year", deposit.year.into()),
        ("amount", decimal(deposit.amount)),
        ("refund", decimal(deposit.refund)),
        ("forfeited", decimal(deposit.forfeited)),
        ("clawback", decimal(deposit.clawback)),
        ("clawback_due", decimal(deposit.clawback_due)),
        ("intensity_met", deposit.intensity_met.into()),
        ("tax_per_mu_met", deposit.tax_per_mu_met.into()),
    ])
}

fn mu_json(metrics: &MuYear) -> Value {
    object(vec![
        ("year", metrics.year.into()),
        ("mu_basis", decimal(metrics.mu_basis)),
        ("intensity", decimal(metrics.intensity)),
        ("output_per_mu", decimal(metrics.output_per_mu)),
        ("tax_per_mu", decimal(metrics.tax_per_mu)),
        ("staff_per_mu", decimal(metrics.staff_per_mu)),
        ("plot_ratio", optional(metrics.plot_ratio)),
        ("intensity_met", metrics.intensity_met.into()),
        ("output_per_mu_met", metrics.output_per_mu_met.into()),
        ("tax_per_mu_met", metrics.tax_per_mu_met.into()),
        ("plot_ratio_met", metrics.plot_ratio_met.into()),
        (
            "full_capacity_reached",
            metrics.full_capacity_reached.into(),
        ),
    ])
}

fn side_json(side: &ModeSide) -> Value {
    match side {
        ModeSide::Figures(figures) => {
            let deposit_kind = match figures.deposit_kind {
                crate::validate::DepositKind::PerMu => "per_mu",
                crate::validate::DepositKind::Fixed => "fixed",
            };
            object(vec![
                ("npv", decimal(figures.npv)),
                ("irr", irr_json(&figures.irr)),
                ("static_payback", optional(figures.static_payback)),
                ("dynamic_payback", optional(figures.dynamic_payback)),
                ("eac", decimal(figures.eac)),
                ("cumulative", list(&figures.cumulative)),
                ("build_months", figures.build_months.into()),
                (
                    "deposit",
                    object(vec![
                        ("kind", deposit_kind.into()),
                        ("amount", decimal(figures.deposit_amount)),
                    ]),
                ),
            ])
        }
        ModeSide::Errors(errors) => object(vec![("errors", errors_value(errors))]),
    }
}

fn switching_json(switching: &Switching) -> Value {
    match switching.delta {
        Some(delta) => object(vec![
            ("delta", decimal(delta)),
            ("value", optional(switching.value)),
            ("jump", switching.jump.into()),
        ]),
        None => object(vec![
            ("delta", Value::Null),
            ("reason", switching.reason.into()),
        ]),
    }
}

/// The yearly table as `{line: [year 1, …, year N]}`.
pub fn annual_json(table: &YearTable) -> Value {
    object(
        table
            .lines()
            .into_iter()
            .map(|(name, line)| (name, list(line)))
            .collect(),
    )
}

/// One field error: `{field, value, allowed, message_zh, message_en, code}`.
fn error_json(error: &FieldError) -> Value {
    object(vec![
        ("field", error.field.as_str().into()),
        ("value", error.value.as_str().into()),
        ("allowed", error.allowed.as_str().into()),
        ("message_zh", error.message_zh.as_str().into()),
        ("message_en", error.message_en.as_str().into()),
        ("code", error.code.into()),
    ])
}

/// Field errors as a JSON array.
pub fn errors_value(errors: &[FieldError]) -> Value {
    Value::Array(errors.iter().map(error_json).collect())
}

/// The errors JSON of SCENARIO.md: `{"errors": [...]}`.
pub fn errors_json(errors: &[FieldError]) -> String {
    object(vec![("errors", errors_value(errors))]).to_string()
}

impl Results {
    /// The results JSON of SCENARIO.md.
    pub fn to_json_value(&self) -> Value {
        let timeline = &self.table.timeline;
        let by_kind = self
            .incentives
            .by_kind
            .iter()
            .map(|(kind, amount)| {
                let amounts = object(vec![
                    ("nominal", decimal(amount.nominal)),
                    ("pv", decimal(amount.pv)),
                ]);
                (kind.as_str(), amounts)
            })
            .collect();
        let switching = self
            .switching_values
            .iter()
            .map(|(input, value)| (input.as_str(), switching_json(value)))
            .collect();
        let warnings = self
            .warnings
            .iter()
            .map(|warning| {
                let mut members = vec![
                    ("code", warning.code.into()),
                    ("message_zh", warning.message_zh.as_str().into()),
                    ("message_en", warning.message_en.as_str().into()),
                ];
                if let Some(statement) = warning.statement {
                    members.push(("statement", statement.into()));
                }
                object(members)
            })
            .collect();
        let tornado = self
            .tornado
            .iter()
            .map(|bar| {
                object(vec![
                    ("input", bar.input.as_str().into()),
                    ("npv_low", decimal(bar.npv_low)),
                    ("npv_high", decimal(bar.npv_high)),
                    ("swing", decimal(bar.swing)),
                ])
            })
            .collect();
        object(vec![
            ("policy_set", POLICY_SET_ID.into()),
            (
                "timeline",
                object(vec![
                    ("N", timeline.horizon.into()),
                    ("t0", timeline.start.into()),
                    ("f0", decimal(timeline.first_fraction)),
                    ("tb", timeline.build_years.into()),
                    ("test_year", timeline.test_year.into()),
                ]),
            ),
            ("warnings", Value::Array(warnings)),
            ("annual", annual_json(&self.table)),
            ("statements", statements_json(&self.statements)),
            ("peak_funding_need", decimal(self.peak_funding_need)),
            ("min_dscr", optional(self.min_dscr)),
            ("fixed_investment", decimal(self.table.fixed_investment)),
            (
                "incentives",
                object(vec![
                    ("by_kind", object(by_kind)),
                    ("total_nominal", decimal(self.incentives.total_nominal)),
                    ("total_pv", decimal(self.incentives.total_pv)),
                    (
                        "share_of_fixed_investment",
                        object(vec![
                            ("nominal", optional(self.incentives.share_nominal)),
                            ("pv", optional(self.incentives.share_pv)),
                        ]),
                    ),
                ]),
            ),
            (
                "park",
                object(vec![
                    (
                        "local_retained_total",
                        decimal(self.park.local_retained_total),
                    ),
                    (
                        "incentives_paid_total",
                        decimal(self.park.incentives_paid_total),
                    ),
                    ("net_total", decimal(self.park.net_total)),
                    ("forfeited_total", decimal(self.park.forfeited_total)),
                    ("clawback_total", decimal(self.park.clawback_total)),
                    ("npv", decimal(self.park.npv)),
                    ("breakeven_year", self.park.breakeven_year.into()),
                ]),
            ),
            (
                "mu_metrics",
                object(vec![
                    (
                        "first_full_capacity_year",
                        mu_json(&self.mu_first_full_capacity_year),
                    ),
                    ("test_year", mu_json(&self.mu_test_year)),
                ]),
            ),
            ("deposit", deposit_json(&self.table.deposit)),
            (
                "floor_price",
                object(vec![
                    ("grade", self.floor_price.grade.into()),
                    ("floor_per_m2", self.floor_price.floor_per_m2.into()),
                    ("floor_per_mu", decimal(self.floor_price.floor_per_mu)),
                    ("below", self.floor_price.below.into()),
                ]),
            ),
            (
                "buy_vs_rent",
                object(vec![
                    ("buy_land", side_json(&self.buy_vs_rent.buy_land)),
                    ("rent", side_json(&self.buy_vs_rent.rent)),
                    ("crossover_year", self.buy_vs_rent.crossover_year.into()),
                ]),
            ),
            ("tornado", Value::Array(tornado)),
            ("switching_values", object(switching)),
            (
                "stress",
                object(vec![
                    ("statements", statements_json(&self.stress.statements)),
                    ("peak_funding_need", decimal(self.stress.peak_funding_need)),
                    ("park_npv", decimal(self.stress.park_npv)),
                    ("deposit", deposit_json(&self.stress.deposit)),
                ]),
            ),
        ])
    }

    /// [`Results::to_json_value`] as text.
    pub fn to_json(&self) -> String {
        self.to_json_value().to_string()
    }
}
