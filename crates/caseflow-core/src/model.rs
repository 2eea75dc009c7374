//! The walking-skeleton model: one monthly stock-flow of the region's caseload.
//!
//! Each month: `exits = stock × exit_rate`, `inflow = base inflow + shock`, and
//! `stock(t+1) = stock(t) + inflow − exits`. The growth shock adds `growth_pct`% of the start
//! stock as extra inflow, spread evenly over the first twelve months (seed 000 §2 expects 7%
//! growth in 2021). The full caseload model (six municipalities, duration-dependent exits,
//! programmes) replaces this.

use serde::Serialize;

use crate::error::InputError;
use crate::scenario::{Scenario, YearMonth};

/// Months over which the growth shock's extra inflow is spread.
const SHOCK_MONTHS: u32 = 12;

/// One simulated month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthRow {
    /// The calendar month.
    pub month: YearMonth,
    /// Benefit households on the first day of the month.
    pub stock_start: f64,
    /// New benefit households during the month (baseline plus shock).
    pub inflow: f64,
    /// Benefit households that ended during the month.
    pub exits: f64,
    /// Benefit households at the end of the month.
    pub stock_end: f64,
}

/// The outcome of one run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// The caseflow version that computed these results.
    pub version: &'static str,
    /// The scenario as run (defaults filled in).
    pub scenario: Scenario,
    /// One row per month, in order.
    pub months: Vec<MonthRow>,
}

/// Run a scenario. Checks it first, so any scenario, however it was built, either runs or is
/// rejected with an [`InputError`]; this function never panics.
pub fn simulate(scenario: &Scenario) -> Result<Results, InputError> {
    scenario.validate()?;
    let exit_rate = scenario.exit_rate_pct / 100.0;
    let shock_per_month =
        scenario.growth_pct / 100.0 * scenario.start_stock / f64::from(SHOCK_MONTHS);
    let mut stock = scenario.start_stock;
    let mut months = Vec::with_capacity(scenario.months as usize);
    for t in 0..scenario.months {
        let shock = if t < SHOCK_MONTHS {
            shock_per_month
        } else {
            0.0
        };
        // A negative shock cannot take inflow below zero.
        let inflow = (scenario.monthly_inflow + shock).max(0.0);
        let exits = stock * exit_rate;
        let stock_end = stock + inflow - exits;
        months.push(MonthRow {
            month: scenario.start.plus(t),
            stock_start: stock,
            inflow,
            exits,
            stock_end,
        });
        stock = stock_end;
    }
    Ok(Results {
        version: crate::VERSION,
        scenario: scenario.clone(),
        months,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(edit: impl FnOnce(&mut Scenario)) -> Results {
        let mut s = Scenario::default();
        edit(&mut s);
        simulate(&s).unwrap()
    }

    #[test]
    fn households_are_conserved_every_month() {
        let r = run(|s| s.growth_pct = 7.0);
        for w in r.months.windows(2) {
            assert_eq!(w[0].stock_end, w[1].stock_start);
        }
        for m in &r.months {
            let diff = m.stock_start + m.inflow - m.exits - m.stock_end;
            assert!(diff.abs() < 1e-9, "{diff}");
        }
    }

    #[test]
    fn a_growth_shock_adds_its_share_of_the_start_stock_as_inflow_in_year_one() {
        let base = run(|_| {});
        let shocked = run(|s| s.growth_pct = 7.0);
        let extra: f64 = shocked
            .months
            .iter()
            .zip(&base.months)
            .map(|(a, b)| a.inflow - b.inflow)
            .sum();
        assert!((extra - 0.07 * 4478.0).abs() < 1e-6, "{extra}");
        assert!(shocked.months.last().unwrap().stock_end > base.months.last().unwrap().stock_end);
    }

    #[test]
    fn with_no_inflow_the_stock_decays_geometrically() {
        let r = run(|s| {
            s.monthly_inflow = 0.0;
            s.exit_rate_pct = 10.0;
            s.start_stock = 1000.0;
            s.months = 2;
        });
        assert_eq!(r.months[1].stock_end, 1000.0 * 0.9 * 0.9);
    }

    #[test]
    fn a_large_negative_shock_never_makes_inflow_or_stock_negative() {
        let r = run(|s| {
            s.growth_pct = -20.0;
            s.monthly_inflow = 0.0;
            s.exit_rate_pct = 20.0;
        });
        assert!(
            r.months
                .iter()
                .all(|m| m.inflow >= 0.0 && m.stock_end >= 0.0)
        );
    }

    #[test]
    fn invalid_scenarios_are_rejected_not_run() {
        let s = Scenario {
            exit_rate_pct: f64::NAN,
            ..Scenario::default()
        };
        assert_eq!(simulate(&s).unwrap_err().field, "exit_rate_pct");
    }
}
