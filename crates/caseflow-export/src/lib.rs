//! Exports of caseflow results for council papers: CSV for analysts, an Excel workbook for
//! everyone else, each carrying the caseflow version, the scenario's fingerprint and a
//! "cite this result" line, so that a number in a paper leads back to its exact scenario.
//!
//! Pure, like the core: every function takes values and returns a `String` or bytes. No
//! file, clock or environment is read; the date shown in an export is the caller's.
//!
//! - [`Export::csv_months`], [`Export::csv_years`], [`Export::csv_summary`]: one row per
//!   area (the region first, then each municipality) and month, year or horizon. The columns
//!   are `area_id,area,` the period, every figure under its JSON name (money in exact
//!   decimals, numbers as the shortest text that reads back to the same `f64`), then, for a
//!   Monte Carlo, `<figure>_mean`, `_p5`, `_p25`, `_p50`, `_p75`, `_p95` for each figure
//!   (filled where the Monte Carlo has them: the region's months and years, every area's
//!   summary), and last `caseflow_version,scenario_fingerprint,cite`, the cite line in the
//!   first data row only. Plain RFC 4180 (comma, `.` decimals, `\n`): a standard reader
//!   needs no options. Column names do not depend on the language; the cite line does.
//! - [`Export::xlsx`]: a workbook with an *about* sheet (version, fingerprint, date, scenario,
//!   cite line, Monte Carlo probabilities, notes), the region's results (summary, years,
//!   months), the municipalities (summary with the cost key, and their years: BUIG grant,
//!   feedback, vangnet, cost share) and the assumptions (every parameter with value in use,
//!   default, ranges, evidence and source, and each programme's fields). Money is stored as
//!   numbers with a euro format; sheet names and headings follow [`Lang`].
//!
//! The scenario's fingerprint is [`caseflow_core::Scenario::fingerprint`]: it lives in the
//! core because the page and the CLI show it too, with or without an export.

mod csv;
mod table;
mod xlsx;

use std::fmt;

use caseflow_core::montecarlo::MonteCarlo;
use caseflow_core::{InputError, InputErrorKind, InputErrors, Lang, ParamTable, Results};

/// What an export is made from.
#[derive(Debug, Clone)]
pub struct Export<'a> {
    /// The deterministic run.
    pub results: &'a Results,
    /// A Monte Carlo of the same scenario, for the percentile columns.
    pub monte_carlo: Option<&'a MonteCarlo>,
    /// The parameter table the run used (labels, defaults, ranges, sources).
    pub table: &'a ParamTable,
    /// Language of headings, sheet names and the cite line.
    pub lang: Lang,
    /// The date the export was made, `YYYY-MM-DD`, from the caller (the core reads no clock).
    pub date: &'a str,
    /// The scenario's fingerprint, computed once.
    fingerprint: String,
    /// The date's year, month and day.
    ymd: (u16, u8, u8),
}

/// Why an export could not be made.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportError {
    /// A bad date, or a Monte Carlo of another scenario: the caller's input.
    Input(InputErrors),
    /// The workbook writer failed (a bug, not the user's input).
    Xlsx(String),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Input(e) => write!(f, "{e}"),
            ExportError::Xlsx(e) => write!(f, "xlsx: {e}"),
        }
    }
}

impl std::error::Error for ExportError {}

impl From<InputErrors> for ExportError {
    fn from(e: InputErrors) -> Self {
        ExportError::Input(e)
    }
}

/// Parse `YYYY-MM-DD` (years 1900-9999, a real calendar day).
fn parse_date(text: &str) -> Option<(u16, u8, u8)> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| text[r].parse::<u16>().ok())
            .flatten()
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1900..=9999).contains(&y) && (1..=days).contains(&d)).then_some((y, m as u8, d as u8))
}

impl<'a> Export<'a> {
    /// Check the inputs: `date` must be `YYYY-MM-DD`, and a Monte Carlo must be of the
    /// results' own scenario (else its percentiles would carry the wrong fingerprint).
    pub fn new(
        results: &'a Results,
        monte_carlo: Option<&'a MonteCarlo>,
        table: &'a ParamTable,
        lang: Lang,
        date: &'a str,
    ) -> Result<Export<'a>, ExportError> {
        let mut errors = Vec::new();
        let ymd = parse_date(date);
        if ymd.is_none() {
            errors.push(InputError::other(
                "date",
                date,
                InputErrorKind::Malformed,
                ["Datum", "Date"],
                ["JJJJ-MM-DD", "YYYY-MM-DD"],
            ));
        }
        let fingerprint = results.scenario.fingerprint(table);
        if let Some(mc) = monte_carlo {
            let theirs = mc.scenario.fingerprint(table);
            if theirs != fingerprint {
                errors.push(InputError::other(
                    "monte_carlo",
                    &theirs,
                    InputErrorKind::Inconsistent,
                    ["Monte Carlo", "Monte Carlo"],
                    [
                        &format!("een Monte Carlo van scenario {fingerprint}"),
                        &format!("a Monte Carlo of scenario {fingerprint}"),
                    ],
                ));
            }
        }
        if !errors.is_empty() {
            return Err(InputErrors(errors).into());
        }
        Ok(Export {
            results,
            monte_carlo,
            table,
            lang,
            date,
            fingerprint,
            ymd: ymd.unwrap_or((1900, 1, 1)),
        })
    }

    /// The scenario's fingerprint ([`caseflow_core::Scenario::fingerprint`]).
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The cite line of this export (see [`cite`]).
    pub fn cite(&self) -> String {
        cite(
            self.lang,
            &self.results.scenario.name,
            &self.fingerprint,
            self.monte_carlo.map(|mc| (mc.runs, mc.seed)),
            Some(self.date),
        )
    }

    /// Monthly results of the region and each municipality as CSV (layout in the crate docs).
    pub fn csv_months(&self) -> String {
        csv::write(self, &table::months(self, table::Areas::All))
    }

    /// Yearly results of the region and each municipality as CSV.
    pub fn csv_years(&self) -> String {
        csv::write(self, &table::years(self, table::Areas::All))
    }

    /// The headline figures over the horizon, per area (with the cost key), as CSV.
    pub fn csv_summary(&self) -> String {
        csv::write(self, &table::summary(self))
    }

    /// The column headings of a CSV table (`months`, `years`, anything else the summary) in
    /// the export's language, in the order of its columns before the provenance columns: the
    /// page heads its workbook's sheets with them, as the CLI's workbook is headed.
    pub fn csv_labels(&self, table: &str) -> Vec<String> {
        match table {
            "months" => table::months(self, table::Areas::All),
            "years" => table::years(self, table::Areas::All),
            _ => table::summary(self),
        }
        .labels
    }

    /// The Excel workbook (layout in the crate docs). Made twice from the same inputs, the
    /// bytes are the same.
    pub fn xlsx(&self) -> Result<Vec<u8>, ExportError> {
        xlsx::workbook(self).map_err(|e| ExportError::Xlsx(e.to_string()))
    }
}

/// The line to cite a result by: caseflow's version, the scenario's name and fingerprint,
/// how it was computed, and the date if one is given. For example
/// `caseflow 0.1.0, scenario "Corona 2021" (fingerprint 5460dc0ab5), Monte Carlo of 1000
/// runs, seed 7, 2025-06-01`.
pub fn cite(
    lang: Lang,
    name: &str,
    fingerprint: &str,
    monte_carlo: Option<(u32, u64)>,
    date: Option<&str>,
) -> String {
    let version = caseflow_core::VERSION;
    let what = lang.pick("vingerafdruk", "fingerprint");
    let scenario = if name.trim().is_empty() {
        format!("scenario {fingerprint}")
    } else {
        format!("scenario \"{}\" ({what} {fingerprint})", name.trim())
    };
    let method = match monte_carlo {
        None => lang
            .pick("deterministische berekening", "deterministic run")
            .to_owned(),
        Some((runs, seed)) => match lang {
            Lang::Nl => format!("Monte Carlo met {runs} runs, seed {seed}"),
            Lang::En => format!("Monte Carlo of {runs} runs, seed {seed}"),
        },
    };
    let mut line = format!("caseflow {version}, {scenario}, {method}");
    if let Some(date) = date {
        line.push_str(", ");
        line.push_str(date);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert_eq!(parse_date("2025-06-01"), Some((2025, 6, 1)));
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-6-1",
            "25-06-01",
            "",
            "2025-06-01x",
            "2025-00-10",
            "+025-06-01",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_cite_line_names_version_scenario_method_and_date() {
        let en = cite(Lang::En, "Corona 2021", "5460dc0ab5", Some((1000, 7)), None);
        assert_eq!(
            en,
            format!(
                "caseflow {}, scenario \"Corona 2021\" (fingerprint 5460dc0ab5), Monte Carlo of 1000 runs, seed 7",
                caseflow_core::VERSION
            )
        );
        let nl = cite(Lang::Nl, "", "5460dc0ab5", None, Some("2025-06-01"));
        assert!(
            nl.ends_with("scenario 5460dc0ab5, deterministische berekening, 2025-06-01"),
            "{nl}"
        );
    }
}
