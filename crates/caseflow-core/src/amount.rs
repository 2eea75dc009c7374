//! Amounts and counts typed as text (a budget, a total to split, a horizon), checked here so
//! that the command line and the page refuse the same values with the same message.

use rust_decimal::Decimal;

use crate::error::{InputError, InputErrorKind, InputErrors};
use crate::lang::Lang;
use crate::params::ParamTable;
use crate::region::MUNICIPALITIES;

/// A money amount typed as text: finite, within `0..=max`, rounded to cents. Written out, it
/// has at most two decimals: "1.000" or "1.645" is refused, since it is far more often a
/// Dutch thousands point than a sum with a tenth of a cent (the CLI read `--total 1.000` as
/// one euro, where the Dutch page reads 1.000 euros).
pub fn parse_amount(
    field: &str,
    text: &str,
    max: f64,
    label: [&str; 2],
    unit: [&str; 2],
) -> Result<Decimal, InputError> {
    parse_decimal(field, text, max, label, unit, true)
}

/// [`parse_amount`]; `money` false for a percentage, which may have more decimals (it is
/// still rounded to two).
fn parse_decimal(
    field: &str,
    text: &str,
    max: f64,
    label: [&str; 2],
    unit: [&str; 2],
    money: bool,
) -> Result<Decimal, InputError> {
    let allowed = [
        format!("0 tot {} ({})", Lang::Nl.number(max), unit[0]),
        format!("0 to {} ({})", Lang::En.number(max), unit[1]),
    ];
    let err = |kind| InputError::other(field, text, kind, label, [&allowed[0], &allowed[1]]);
    let value: Decimal = match text.trim().parse::<Decimal>() {
        Ok(d) if money && d.scale() > 2 => {
            return Err(InputError::other(
                field,
                text,
                InputErrorKind::Malformed,
                label,
                [
                    &format!(
                        "{}, met hoogstens twee decimalen en duizendtallen zonder punt (1000000)",
                        allowed[0]
                    ),
                    &format!(
                        "{}, with at most two decimals and no thousands separators (1000000)",
                        allowed[1]
                    ),
                ],
            ));
        }
        Ok(d) => d,
        // The decimal reader takes no exponent: `1e6` is read as a number, and one too large
        // for a decimal (`1e308`) is out of range.
        Err(_) => match text.trim().parse::<f64>() {
            Ok(x) if x.is_finite() => {
                Decimal::from_f64_retain(x).ok_or_else(|| err(InputErrorKind::OutOfRange))?
            }
            _ => return Err(err(InputErrorKind::NotANumber)),
        },
    };
    if value < Decimal::ZERO || value > Decimal::from_f64_retain(max).unwrap_or(Decimal::MAX) {
        return Err(err(InputErrorKind::OutOfRange));
    }
    Ok(value.round_dp(2))
}

/// The optimiser's budget: 0 to €1,000,000,000.
pub fn parse_budget(text: &str) -> Result<Decimal, InputError> {
    parse_amount("budget", text, 1e9, ["Budget", "Budget"], ["€", "€"])
}

/// A whole number typed as text, within `range`: written as one (`12`) or as a number with no
/// fraction (`12.0`, `1e3`, exact up to 2^53). Refused as not a number, not whole, or out of
/// range, whichever it is.
pub fn parse_whole(
    field: &str,
    text: &str,
    range: std::ops::RangeInclusive<u64>,
    label: [&str; 2],
    allowed: [&str; 2],
) -> Result<u64, InputError> {
    let err = |kind| InputError::other(field, text, kind, label, allowed);
    let t = text.trim();
    let n = match t.parse::<u64>() {
        Ok(n) => n,
        // Digits only, too many for u64.
        Err(_) if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) => {
            return Err(err(InputErrorKind::OutOfRange));
        }
        Err(_) => match t.parse::<f64>() {
            Ok(x) if x.is_nan() || t.to_ascii_lowercase().contains("inf") => {
                return Err(err(InputErrorKind::NotANumber));
            }
            // A number written too large for a float (`1e400`).
            Ok(x) if x.is_infinite() => return Err(err(InputErrorKind::OutOfRange)),
            Ok(x) if x.fract() != 0.0 => return Err(err(InputErrorKind::NotWhole)),
            Ok(x) if (0.0..=9_007_199_254_740_992.0).contains(&x) => x as u64,
            Ok(_) => return Err(err(InputErrorKind::OutOfRange)),
            Err(_) => return Err(err(InputErrorKind::NotANumber)),
        },
    };
    if range.contains(&n) {
        Ok(n)
    } else {
        Err(err(InputErrorKind::OutOfRange))
    }
}

/// A horizon in whole months, 1 to 180.
pub fn parse_horizon(text: &str) -> Result<u32, InputError> {
    parse_whole(
        "horizon_months",
        text,
        1..=180,
        ["Horizon", "Horizon"],
        [
            "gehele getallen 1 tot 180 (maanden)",
            "whole numbers 1 to 180 (months)",
        ],
    )
    .map(|n| n as u32)
}

/// `caseflow allocate`: `total` (euros, 0 to 10 billion) split by the table's cost key with
/// `overhead_pct` (0 to 200) on the five regional shares; both problems at once if both are bad.
pub fn split_by_key(
    table: &ParamTable,
    total: &str,
    overhead_pct: &str,
) -> Result<crate::allocate::Split, InputErrors> {
    let total = parse_amount("total", total, 1e10, ["Totaal", "Total"], ["€", "€"]);
    let overhead = parse_decimal(
        "overhead_pct",
        overhead_pct,
        200.0,
        ["Opslag", "Overhead"],
        ["%", "%"],
        false,
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
    // Whole euros, as the seed 003 table; a total written with cents (1645000.50, or the
    // page's 1645000.00) is split in cents, so that the parts add up to it (1,645,000.50 came
    // out as 1,645,001) and agree with a run's cost shares (€ 75.834,50 read as € 75.834 on the
    // page beside the run's € 75.835).
    let unit = if total.scale() == 0 {
        Decimal::ONE
    } else {
        Decimal::new(1, 2)
    };
    Ok(crate::allocate::split(total, &key, overhead, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_number_is_refused_for_what_is_wrong_with_it() {
        let kind = |t: &str| {
            parse_whole("n", t, 1..=180, ["N", "N"], ["1-180", "1-180"]).map_err(|e| e.kind)
        };
        assert_eq!(kind("12"), Ok(12));
        assert_eq!(kind(" 12.0 "), Ok(12));
        assert_eq!(kind("1.2e1"), Ok(12));
        assert_eq!(kind("1.5"), Err(InputErrorKind::NotWhole));
        assert_eq!(kind("-1"), Err(InputErrorKind::OutOfRange));
        assert_eq!(kind("0"), Err(InputErrorKind::OutOfRange));
        assert_eq!(kind("1e300"), Err(InputErrorKind::OutOfRange));
        assert_eq!(kind("1e400"), Err(InputErrorKind::OutOfRange));
        assert_eq!(kind(&"9".repeat(400)), Err(InputErrorKind::OutOfRange));
        assert_eq!(kind("-inf"), Err(InputErrorKind::NotANumber));
        assert_eq!(
            kind("99999999999999999999999"),
            Err(InputErrorKind::OutOfRange)
        );
        for t in ["abc", "", "NaN", "inf", "1,5", "12 maanden"] {
            assert_eq!(kind(t), Err(InputErrorKind::NotANumber), "{t}");
        }
        let amount =
            |t: &str| parse_amount("total", t, 1e10, ["T", "T"], ["€", "€"]).map_err(|e| e.kind);
        assert_eq!(amount("1e308"), Err(InputErrorKind::OutOfRange));
        // An exponent within the range is an amount like any other.
        assert_eq!(amount("1e6"), Ok(Decimal::from(1_000_000)));
        assert_eq!(amount("1.5e3"), Ok(Decimal::from(1_500)));
        assert_eq!(amount("1e11"), Err(InputErrorKind::OutOfRange));
        assert_eq!(amount("-1e3"), Err(InputErrorKind::OutOfRange));
        // "1.000" and "1.645" are Dutch thousands far more often than tenths of a cent.
        assert_eq!(amount("1645000.50"), Ok(Decimal::new(164_500_050, 2)));
        for t in ["1.000", "1.645", "1645000.000"] {
            assert_eq!(amount(t), Err(InputErrorKind::Malformed), "{t}");
        }
        // A percentage is no amount of money: its decimals are not thousands.
        assert!(split_by_key(&ParamTable::embedded().unwrap(), "1000", "12.345").is_ok());
        let e = parse_budget("1.645").unwrap_err();
        assert!(
            e.message(Lang::Nl)
                .contains("hoogstens twee decimalen en duizendtallen zonder punt"),
            "{}",
            e.message(Lang::Nl)
        );
    }
}
