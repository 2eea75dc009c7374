//! Amounts and counts typed as text (a budget, a total to split, a horizon), checked here so
//! that the command line and the page refuse the same values with the same message.

use rust_decimal::Decimal;

use crate::error::{InputError, InputErrorKind, InputErrors};
use crate::lang::Lang;
use crate::params::ParamTable;
use crate::region::MUNICIPALITIES;

/// A money amount typed as text: finite, within `0..=max`, rounded to cents.
pub fn parse_amount(
    field: &str,
    text: &str,
    max: f64,
    label: [&str; 2],
    unit: [&str; 2],
) -> Result<Decimal, InputError> {
    let allowed = [
        format!("0 tot {} ({})", Lang::Nl.number(max), unit[0]),
        format!("0 to {} ({})", Lang::En.number(max), unit[1]),
    ];
    let err = |kind| InputError::other(field, text, kind, label, [&allowed[0], &allowed[1]]);
    let value: Decimal = text
        .trim()
        .parse()
        .map_err(|_| err(InputErrorKind::NotANumber))?;
    if value < Decimal::ZERO || value > Decimal::from_f64_retain(max).unwrap_or(Decimal::MAX) {
        return Err(err(InputErrorKind::OutOfRange));
    }
    Ok(value.round_dp(2))
}

/// The optimiser's budget: 0 to €1,000,000,000.
pub fn parse_budget(text: &str) -> Result<Decimal, InputError> {
    parse_amount("budget", text, 1e9, ["Budget", "Budget"], ["€", "€"])
}

/// A horizon in whole months, 1 to 180.
pub fn parse_horizon(text: &str) -> Result<u32, InputError> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=180).contains(n))
        .ok_or_else(|| {
            InputError::other(
                "horizon_months",
                text,
                InputErrorKind::OutOfRange,
                ["Horizon", "Horizon"],
                [
                    "gehele getallen 1 tot 180 (maanden)",
                    "whole numbers 1 to 180 (months)",
                ],
            )
        })
}

/// `caseflow allocate`: `total` (euros, 0 to 10 billion) split by the table's cost key with
/// `overhead_pct` (0 to 200) on the five regional shares; both problems at once if both are bad.
pub fn split_by_key(
    table: &ParamTable,
    total: &str,
    overhead_pct: &str,
) -> Result<crate::allocate::Split, InputErrors> {
    let total = parse_amount("total", total, 1e10, ["Totaal", "Total"], ["€", "€"]);
    let overhead = parse_amount(
        "overhead_pct",
        overhead_pct,
        200.0,
        ["Opslag", "Overhead"],
        ["%", "%"],
    );
    let (total, overhead) = match (total, overhead) {
        (Ok(t), Ok(o)) => (t, o),
        (t, o) => return Err(InputErrors(t.err().into_iter().chain(o.err()).collect())),
    };
    let key = MUNICIPALITIES.map(|m| {
        let id = format!("cost_key_pct.{}", m.id);
        let pct = table.param(&id).map_or(0.0, |p| p.default);
        Decimal::from_f64_retain(pct)
            .unwrap_or_default()
            .round_dp(4)
            .normalize()
    });
    Ok(crate::allocate::split(total, &key, overhead, Decimal::ONE))
}
