//! Input errors: every rejection names the field, the value given and what is allowed, in
//! Dutch and in English.

use std::fmt;

use serde::Serialize;

use crate::lang::Lang;
use crate::params::ParamSpec;

/// What was wrong with a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum InputErrorKind {
    /// The text is not a number (or is NaN or infinite).
    NotANumber,
    /// A number outside the allowed range.
    OutOfRange,
    /// A fraction where only whole numbers are allowed.
    NotWhole,
    /// A value of the wrong shape (a month that is not `YYYY-MM`, a file that does not parse).
    Malformed,
    /// A field name caseflow does not know.
    UnknownField,
    /// Values that are each fine but do not fit together (shares adding up to over 100%).
    Inconsistent,
    /// A field the file must have is not there.
    Missing,
}

impl InputErrorKind {
    fn words(self, lang: Lang) -> &'static str {
        use InputErrorKind::*;
        match (self, lang) {
            (NotANumber, Lang::Nl) => "is geen getal",
            (NotANumber, Lang::En) => "is not a number",
            (OutOfRange, Lang::Nl) => "valt buiten het bereik",
            (OutOfRange, Lang::En) => "is out of range",
            (NotWhole, Lang::Nl) => "is geen geheel getal",
            (NotWhole, Lang::En) => "is not a whole number",
            (Malformed, Lang::Nl) => "is ongeldig",
            (Malformed, Lang::En) => "is not valid",
            (UnknownField, Lang::Nl) => "is geen bekend veld",
            (UnknownField, Lang::En) => "is not a known field",
            (Inconsistent, Lang::Nl) => "past niet bij de andere waarden",
            (Inconsistent, Lang::En) => "does not fit the other values",
            (Missing, Lang::Nl) => "ontbreekt",
            (Missing, Lang::En) => "is missing",
        }
    }
}

/// A rejected input value. [`InputError::message`] words it in either language;
/// [`fmt::Display`] gives the English sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InputError {
    /// Where the value sits in a scenario: `months`, `set.growth_pct`,
    /// `programmes[0].effect_pct`.
    pub field: String,
    /// The value as given, shortened if very long.
    pub value: String,
    /// What was wrong.
    pub kind: InputErrorKind,
    /// The field's label in Dutch.
    pub label_nl: String,
    /// The field's label in English.
    pub label_en: String,
    /// What is allowed, in Dutch (`-20 tot 20 (%)`).
    pub allowed_nl: String,
    /// What is allowed, in English (`-20 to 20 (%)`).
    pub allowed_en: String,
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
    /// An error about a numeric value described by `spec`, at `field`.
    pub fn numeric(field: &str, spec: &ParamSpec, value: &str, kind: InputErrorKind) -> Self {
        let allowed = |lang: Lang| {
            let whole = match (spec.whole, lang) {
                (false, _) => "",
                (true, Lang::Nl) => "gehele getallen ",
                (true, Lang::En) => "whole numbers ",
            };
            format!(
                "{whole}{} {} {} ({})",
                lang.number(spec.min),
                lang.pick("tot", "to"),
                lang.number(spec.max),
                lang.pick(&spec.unit_nl, &spec.unit_en)
            )
        };
        InputError {
            field: field.to_owned(),
            value: echo(value),
            kind,
            label_nl: spec.label_nl.clone(),
            label_en: spec.label_en.clone(),
            allowed_nl: allowed(Lang::Nl),
            allowed_en: allowed(Lang::En),
            min: Some(spec.min),
            max: Some(spec.max),
        }
    }

    /// An error about a non-numeric field.
    pub fn other(
        field: &str,
        value: &str,
        kind: InputErrorKind,
        label: [&str; 2],
        allowed: [&str; 2],
    ) -> Self {
        InputError {
            field: field.to_owned(),
            value: echo(value),
            kind,
            label_nl: label[0].to_owned(),
            label_en: label[1].to_owned(),
            allowed_nl: allowed[0].to_owned(),
            allowed_en: allowed[1].to_owned(),
            min: None,
            max: None,
        }
    }

    /// The error as one sentence in `lang`: field, label, value, what was wrong, what is allowed.
    pub fn message(&self, lang: Lang) -> String {
        let label = lang.pick(&self.label_nl, &self.label_en);
        let allowed = lang.pick(&self.allowed_nl, &self.allowed_en);
        let head = if label.is_empty() || label == self.field {
            self.field.clone()
        } else {
            format!("{} ({label})", self.field)
        };
        let value = if self.kind == InputErrorKind::Missing {
            String::new()
        } else {
            format!("'{}' ", self.value)
        };
        format!(
            "{head}: {value}{}; {}: {allowed}",
            self.kind.words(lang),
            lang.pick("toegestaan", "allowed"),
        )
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for InputError {}

/// Every problem found in one scenario (never empty).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct InputErrors(pub Vec<InputError>);

impl InputErrors {
    /// All messages in `lang`, one per line.
    pub fn message(&self, lang: Lang) -> String {
        let lines: Vec<String> = self.0.iter().map(|e| e.message(lang)).collect();
        lines.join("\n")
    }
}

impl fmt::Display for InputErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for InputErrors {}

impl From<InputError> for InputErrors {
    fn from(e: InputError) -> Self {
        InputErrors(vec![e])
    }
}
