//! The loan of MODEL.md §2.7 and rule 22: drawn at the end of year 1,
//! interest and guarantee fee on the opening balance in years 2 … 1+n,
//! principal in years 2+grace … 1+n, equal parts (等额本金) or an annuity
//! (等额本息); the last payment clears the balance exactly.

use rust_decimal::Decimal;

use crate::arith::{div, mul, sub};
use crate::error::Overflow;
use crate::finance::pmt;
use crate::timeline::{add_at, Timeline};
use crate::validate::{Inputs, Repayment};

/// The loan by year, 万元.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoanSchedule {
    /// The draw, year 1.
    pub draw: Vec<Decimal>,
    /// Interest = opening balance × loan_rate.
    pub interest: Vec<Decimal>,
    /// Principal repaid.
    pub principal: Vec<Decimal>,
    /// Guarantee fee = opening balance × guarantee_rate.
    pub guarantee_fee: Vec<Decimal>,
    /// Closing balance.
    pub balance: Vec<Decimal>,
}

impl LoanSchedule {
    /// The schedule of §2.7; all zeros without a loan.
    ///
    /// Annuity payment: `PMT(loan_rate, n − grace, −loan)` (spreadsheet
    /// `PMT`), of which principal = payment − interest.
    pub fn new(inputs: &Inputs, timeline: &Timeline) -> Result<LoanSchedule, Overflow> {
        let mut schedule = LoanSchedule {
            draw: timeline.zeros(),
            interest: timeline.zeros(),
            principal: timeline.zeros(),
            guarantee_fee: timeline.zeros(),
            balance: timeline.zeros(),
        };
        if inputs.loan <= Decimal::ZERO {
            return Ok(schedule);
        }
        let term = inputs.loan_years;
        let repaying_years = term.saturating_sub(inputs.grace_years).max(1);
        let first_repayment = 2 + inputs.grace_years;
        let last_year = 1 + term;
        let equal_part = div(inputs.loan, Decimal::from(repaying_years))?;
        let annuity = -pmt(inputs.loan_rate, repaying_years, inputs.loan)?;
        add_at(&mut schedule.draw, 1, inputs.loan)?;
        add_at(&mut schedule.balance, 1, inputs.loan)?;
        let mut balance = inputs.loan;
        for year in 2..=last_year.min(timeline.horizon) {
            let interest = mul(balance, inputs.loan_rate)?;
            let fee = mul(balance, inputs.guarantee_rate)?;
            let principal = if year < first_repayment {
                Decimal::ZERO
            } else if year == last_year {
                balance
            } else {
                match inputs.repayment {
                    Repayment::EqualPrincipal => equal_part,
                    Repayment::Annuity => sub(annuity, interest)?,
                }
                .min(balance)
            };
            balance = sub(balance, principal)?;
            add_at(&mut schedule.interest, year, interest)?;
            add_at(&mut schedule.guarantee_fee, year, fee)?;
            add_at(&mut schedule.principal, year, principal)?;
            add_at(&mut schedule.balance, year, balance)?;
        }
        Ok(schedule)
    }
}
