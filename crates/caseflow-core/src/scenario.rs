//! A scenario: the inputs of one run, as plain data with serde, and their validation.
//!
//! Scenarios arrive from the CLI flags, from JSON (the page, scenario files) and later from
//! URL fragments. Whatever the route, [`Scenario::validate`] is the one gate: a scenario that
//! passes it can be simulated without panicking.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{InputError, InputErrorKind};
use crate::params::{self, ParamSpec};

/// A calendar month, written `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// The year, 2000-2100.
    pub year: i32,
    /// The month, 1-12.
    pub month: u8,
}

impl YearMonth {
    /// The first month caseflow accepts.
    pub const MIN: YearMonth = YearMonth {
        year: 2000,
        month: 1,
    };
    /// The last month caseflow accepts as a start.
    pub const MAX: YearMonth = YearMonth {
        year: 2100,
        month: 12,
    };
    const ALLOWED: &'static str = "YYYY-MM between 2000-01 and 2100-12";

    /// The month `n` months after this one.
    pub fn plus(self, n: u32) -> YearMonth {
        let idx = i64::from(self.year) * 12 + i64::from(self.month - 1) + i64::from(n);
        YearMonth {
            // The start is at most 2100-12 and n at most 180, so this stays in range.
            year: idx.div_euclid(12) as i32,
            month: idx.rem_euclid(12) as u8 + 1,
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for YearMonth {
    type Err = InputError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || InputError::other("start", s, InputErrorKind::Malformed, Self::ALLOWED);
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        let ym = YearMonth { year, month };
        if !(1..=12).contains(&month) {
            return Err(bad());
        }
        if ym < Self::MIN || ym > Self::MAX {
            return Err(InputError::other(
                "start",
                s,
                InputErrorKind::OutOfRange,
                Self::ALLOWED,
            ));
        }
        Ok(ym)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The inputs of one run. Fields left out of a scenario file take their defaults
/// ([`params::PARAMS`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    /// The first simulated month; `start_stock` is the caseload on its first day.
    pub start: YearMonth,
    /// Number of months simulated.
    pub months: u32,
    /// Benefit households (uitkeringen) at the start.
    pub start_stock: f64,
    /// Baseline inflow, benefit households per month.
    pub monthly_inflow: f64,
    /// Share of the stock that leaves benefit each month, in percent.
    pub exit_rate_pct: f64,
    /// Extra inflow over the first twelve months, in percent of the start stock.
    pub growth_pct: f64,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            start: YearMonth {
                year: 2021,
                month: 1,
            },
            months: params::MONTHS.default as u32,
            start_stock: params::START_STOCK.default,
            monthly_inflow: params::MONTHLY_INFLOW.default,
            exit_rate_pct: params::EXIT_RATE_PCT.default,
            growth_pct: params::GROWTH_PCT.default,
        }
    }
}

impl Scenario {
    /// The current value of a numeric parameter, by key.
    pub fn get(&self, key: &str) -> Option<f64> {
        Some(match key {
            "months" => f64::from(self.months),
            "start_stock" => self.start_stock,
            "monthly_inflow" => self.monthly_inflow,
            "exit_rate_pct" => self.exit_rate_pct,
            "growth_pct" => self.growth_pct,
            _ => return None,
        })
    }

    /// Set a parameter from text, as typed in a CLI flag or a form field, checking it.
    /// `start` takes `YYYY-MM`; every other key is numeric (a `.` decimal point).
    pub fn set_text(&mut self, key: &str, text: &str) -> Result<(), InputError> {
        if key == "start" {
            self.start = text.parse()?;
            return Ok(());
        }
        let spec = lookup(key, text)?;
        let value: f64 = text
            .trim()
            .parse()
            .map_err(|_| InputError::numeric(spec, text, InputErrorKind::NotANumber))?;
        self.set_checked(spec, value, text)
    }

    /// Set a numeric parameter, checking it against its range.
    pub fn set(&mut self, key: &str, value: f64) -> Result<(), InputError> {
        let spec = lookup(key, &value.to_string())?;
        self.set_checked(spec, value, &value.to_string())
    }

    fn set_checked(&mut self, spec: &ParamSpec, value: f64, shown: &str) -> Result<(), InputError> {
        check(spec, value, shown)?;
        match spec.key {
            // `check` made sure this is a whole number within 1..=180.
            "months" => self.months = value as u32,
            "start_stock" => self.start_stock = value,
            "monthly_inflow" => self.monthly_inflow = value,
            "exit_rate_pct" => self.exit_rate_pct = value,
            "growth_pct" => self.growth_pct = value,
            other => unreachable!("parameter {other} has a spec but no field"),
        }
        Ok(())
    }

    /// Check every field; the first problem found is returned.
    pub fn validate(&self) -> Result<(), InputError> {
        for spec in params::PARAMS {
            let value = self.get(spec.key).expect("every spec has a field");
            check(spec, value, &value.to_string())?;
        }
        if self.start < YearMonth::MIN
            || self.start > YearMonth::MAX
            || !(1..=12).contains(&self.start.month)
        {
            return Err(InputError::other(
                "start",
                &self.start.to_string(),
                InputErrorKind::OutOfRange,
                YearMonth::ALLOWED,
            ));
        }
        Ok(())
    }
}

fn lookup(key: &str, shown: &str) -> Result<&'static ParamSpec, InputError> {
    params::find(key).ok_or_else(|| {
        let known: Vec<&str> = params::PARAMS.iter().map(|p| p.key).collect();
        InputError::other(
            key,
            shown,
            InputErrorKind::UnknownField,
            &format!("one of start, {}", known.join(", ")),
        )
    })
}

fn check(spec: &ParamSpec, value: f64, shown: &str) -> Result<(), InputError> {
    if !value.is_finite() {
        return Err(InputError::numeric(spec, shown, InputErrorKind::NotANumber));
    }
    if value < spec.min || value > spec.max {
        return Err(InputError::numeric(spec, shown, InputErrorKind::OutOfRange));
    }
    if spec.whole && value.fract() != 0.0 {
        return Err(InputError::numeric(spec, shown, InputErrorKind::NotWhole));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_scenario_is_valid() {
        Scenario::default().validate().unwrap();
    }

    #[test]
    fn rejections_name_field_value_and_range() {
        let cases = [
            ("growth_pct", "500", InputErrorKind::OutOfRange),
            ("growth_pct", "abc", InputErrorKind::NotANumber),
            ("growth_pct", "NaN", InputErrorKind::NotANumber),
            ("growth_pct", "inf", InputErrorKind::NotANumber),
            ("growth_pct", "", InputErrorKind::NotANumber),
            ("months", "2.5", InputErrorKind::NotWhole),
            ("months", "0", InputErrorKind::OutOfRange),
            ("start_stock", "-1", InputErrorKind::OutOfRange),
            ("start", "2021-13", InputErrorKind::Malformed),
            ("start", "1999-12", InputErrorKind::OutOfRange),
            ("colour", "red", InputErrorKind::UnknownField),
        ];
        for (key, text, kind) in cases {
            let mut s = Scenario::default();
            let err = s.set_text(key, text).unwrap_err();
            assert_eq!(err.kind, kind, "{key}={text}");
            assert_eq!(err.field, key);
            let msg = err.to_string();
            assert!(msg.contains(key) && msg.contains(text), "{msg}");
            assert_eq!(
                s,
                Scenario::default(),
                "a rejected value must not change the scenario"
            );
        }
        let err = Scenario::default()
            .set_text("growth_pct", "500")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "growth_pct: '500' is out of range; allowed: -20 to 20 (% of the starting caseload, over the first 12 months)"
        );
    }

    #[test]
    fn very_long_values_are_shortened_in_errors() {
        let long = "9".repeat(10_000);
        let err = Scenario::default()
            .set_text("growth_pct", &long)
            .unwrap_err();
        assert!(err.value.chars().count() <= 41);
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        let ym: YearMonth = "2021-11".parse().unwrap();
        assert_eq!(ym.plus(2).to_string(), "2022-01");
        assert_eq!(ym.plus(0), ym);
        assert_eq!(YearMonth::MAX.plus(180).to_string(), "2115-12");
    }
}
