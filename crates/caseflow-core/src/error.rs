//! Input errors: every rejection names the field, the value given and what is allowed.

use std::fmt;

use serde::Serialize;

use crate::params::ParamSpec;

/// What was wrong with a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputErrorKind {
    /// The text is not a number (or is NaN or infinite).
    NotANumber,
    /// A number outside the allowed range.
    OutOfRange,
    /// A fraction where only whole numbers are allowed.
    NotWhole,
    /// A value of the wrong shape (for example a month that is not `YYYY-MM`).
    Malformed,
    /// A field name caseflow does not know.
    UnknownField,
}

/// A rejected input value. Front ends translate it from its parts; [`fmt::Display`] gives the
/// English sentence used by the CLI and as the JavaScript error message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputError {
    /// The scenario field, as named in scenario files (`growth_pct`).
    pub field: String,
    /// The value as given, shortened if very long.
    pub value: String,
    /// What was wrong.
    pub kind: InputErrorKind,
    /// What is allowed, in English (`-20 to 20 %`, `YYYY-MM between 2000-01 and 2100-12`).
    pub allowed: String,
    /// Smallest allowed value, for numeric fields.
    pub min: Option<f64>,
    /// Largest allowed value, for numeric fields.
    pub max: Option<f64>,
}

/// Longest value echoed back in an error message, in characters.
const MAX_ECHO: usize = 40;

fn echo(value: &str) -> String {
    if value.chars().count() <= MAX_ECHO {
        value.to_owned()
    } else {
        let mut s: String = value.chars().take(MAX_ECHO).collect();
        s.push('…');
        s
    }
}

impl InputError {
    /// An error about a numeric parameter described by `spec`.
    pub fn numeric(spec: &ParamSpec, value: &str, kind: InputErrorKind) -> Self {
        let whole = if spec.whole { "whole numbers " } else { "" };
        InputError {
            field: spec.key.to_owned(),
            value: echo(value),
            kind,
            allowed: format!("{whole}{} to {} ({})", spec.min, spec.max, spec.unit_en),
            min: Some(spec.min),
            max: Some(spec.max),
        }
    }

    /// An error about a non-numeric field.
    pub fn other(field: &str, value: &str, kind: InputErrorKind, allowed: &str) -> Self {
        InputError {
            field: field.to_owned(),
            value: echo(value),
            kind,
            allowed: allowed.to_owned(),
            min: None,
            max: None,
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            InputErrorKind::NotANumber => "is not a number",
            InputErrorKind::OutOfRange => "is out of range",
            InputErrorKind::NotWhole => "is not a whole number",
            InputErrorKind::Malformed => "is not valid",
            InputErrorKind::UnknownField => "is not a known field",
        };
        write!(
            f,
            "{}: '{}' {what}; allowed: {}",
            self.field, self.value, self.allowed
        )
    }
}

impl std::error::Error for InputError {}
