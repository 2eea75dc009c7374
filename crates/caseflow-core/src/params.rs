//! The parameter table: every assumption with its unit, default, ranges, distribution,
//! evidence and source, read strictly from `data/parameters.toml` (embedded at compile time, as
//! JSON: `build.rs` converts it).
//!
//! The table is data, not code: the CLI prints it (`caseflow params`), the page builds its
//! controls and the *Aannames* view from it, the Monte Carlo draws from its plausible ranges,
//! and a test fails when any entry lacks a unit, a label or a source (in Dutch or English).

use serde::{Deserialize, Serialize};

use crate::error::{InputError, InputErrorKind};

/// The embedded parameter file, `data/parameters.toml` as JSON (`build.rs`).
const PARAMETERS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/data/parameters.json"));

/// How strong the evidence for a default is; it sets how wide the uncertainty is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Evidence {
    /// The region's own papers (docs/sources/seeds).
    Seed,
    /// A public study or statistic.
    Study,
    /// Computed from sources; the computation is in the source text.
    Derived,
    /// No source fixes it.
    Assumption,
}

/// The distribution the Monte Carlo draws a parameter from, between its plausible low and high.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Distribution {
    /// Not drawn: a scenario choice, not an uncertain estimate.
    Fixed,
    /// Normal, with low and high as its 5th and 95th percentiles.
    Normal,
    /// Log-normal, with low and high as its 5th and 95th percentiles: its spread is in
    /// proportion to the value in use (a starting caseload set to a tenth is drawn within a
    /// tenth of the range; an effect set to 0 stays 0).
    Lognormal,
    /// Uniform between low and high.
    Uniform,
    /// Triangular between low and high, peaking at the default.
    Triangular,
}

/// How one parameter is described to users.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ParamSpec {
    /// The name in scenarios (`set.<id>`) and on the CLI (`--set <id>=...`).
    pub id: String,
    /// Which part of the model it belongs to (`inflow`, `exits`, `money`, ...).
    pub group: String,
    /// Short label in Dutch.
    pub label_nl: String,
    /// Short label in English.
    pub label_en: String,
    /// Unit in Dutch.
    pub unit_nl: String,
    /// Unit in English.
    pub unit_en: String,
    /// The value used unless a scenario overrides it.
    pub default: f64,
    /// Smallest allowed value (inclusive).
    pub min: f64,
    /// Largest allowed value (inclusive).
    pub max: f64,
    /// Low end of the plausible range (the uncertainty, not the allowed range).
    pub low: f64,
    /// High end of the plausible range.
    pub high: f64,
    /// A sensible slider step.
    pub step: f64,
    /// Where the slider ends when the allowed maximum is far beyond any sensible value
    /// (20,000 participants, say, would leave a plausible 200 at the slider's first pixel);
    /// the number field still takes anything up to `max`. None: the slider spans min-max.
    #[serde(default)]
    pub slider_max: Option<f64>,
    /// Whether only whole numbers are allowed.
    #[serde(default)]
    pub whole: bool,
    /// The distribution for uncertainty.
    pub distribution: Distribution,
    /// How strong the evidence is.
    pub evidence: Evidence,
    /// Where the default comes from, in English: `seed 000 §3`, a public study, or
    /// `assumption: ...`.
    pub source: String,
    /// The same in Dutch, with the same citations: `aanname: ...` for an assumption.
    pub source_nl: String,
}

impl ParamSpec {
    /// Check a value against this parameter's allowed range; `field` is where it sits.
    pub fn check(&self, field: &str, value: f64) -> Result<f64, InputError> {
        if self.allows(value) {
            return Ok(value);
        }
        let shown = value.to_string();
        if !value.is_finite() {
            return Err(InputError::numeric(
                field,
                self,
                &shown,
                InputErrorKind::NotANumber,
            ));
        }
        if value < self.min || value > self.max {
            return Err(InputError::numeric(
                field,
                self,
                &shown,
                InputErrorKind::OutOfRange,
            ));
        }
        if self.whole && value.fract() != 0.0 {
            return Err(InputError::numeric(
                field,
                self,
                &shown,
                InputErrorKind::NotWhole,
            ));
        }
        Ok(value)
    }

    /// Whether [`ParamSpec::check`] accepts `value`: finite, in the allowed range, and whole
    /// if it must be.
    pub fn allows(&self, value: f64) -> bool {
        value.is_finite()
            && value >= self.min
            && value <= self.max
            && !(self.whole && value.fract() != 0.0)
    }

    /// Parse typed text (a `.` decimal point, or a lone `,` as Dutch users type it) and check it.
    pub fn parse(&self, field: &str, text: &str) -> Result<f64, InputError> {
        let t = text.trim();
        // "1,000" is 1 with a Dutch decimal comma and 1000 with an English thousands comma:
        // refused, not guessed (`--lang en --set growth_pct=1,000` was read as 1).
        let digits = t.strip_prefix('-').unwrap_or(t);
        if let Some((int, frac)) = digits.split_once(',') {
            let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            if all_digits(int)
                && int.len() <= 3
                && !int.starts_with('0')
                && frac.len() == 3
                && all_digits(frac)
            {
                let mut e = InputError::numeric(field, self, text, InputErrorKind::Malformed);
                e.allowed_nl = format!(
                    "{}, zonder scheiding van duizendtallen: '{t}' kan {int} of {int}{frac} zijn",
                    e.allowed_nl
                );
                e.allowed_en = format!(
                    "{}, without thousands separators: '{t}' may be {int} or {int}{frac}",
                    e.allowed_en
                );
                return Err(e);
            }
        }
        let normalised = if t.contains(',') && !t.contains('.') {
            t.replacen(',', ".", 1)
        } else {
            t.to_owned()
        };
        let value: f64 = normalised
            .parse()
            .map_err(|_| InputError::numeric(field, self, text, InputErrorKind::NotANumber))?;
        if !value.is_finite() {
            return Err(InputError::numeric(
                field,
                self,
                text,
                InputErrorKind::NotANumber,
            ));
        }
        self.check(field, value).map_err(|mut e| {
            e.value = InputError::numeric(field, self, text, e.kind).value;
            e
        })
    }
}

/// Every parameter and every programme field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ParamTable {
    /// The model's assumptions, in display order.
    #[serde(rename = "param")]
    pub params: Vec<ParamSpec>,
    /// The numeric fields of a programme.
    #[serde(rename = "programme_field")]
    pub programme_fields: Vec<ParamSpec>,
}

impl ParamTable {
    /// The table embedded in this build. The file is checked by this crate's tests, so a
    /// parse error here is a build defect; it is still returned, never panicked on.
    pub fn embedded() -> Result<ParamTable, String> {
        crate::presets::read_data("parameters.toml", PARAMETERS_JSON)
    }

    /// A parameter by id.
    pub fn param(&self, id: &str) -> Option<&ParamSpec> {
        self.params.iter().find(|p| p.id == id)
    }

    /// A programme field by id.
    pub fn programme_field(&self, id: &str) -> Option<&ParamSpec> {
        self.programme_fields.iter().find(|p| p.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> ParamTable {
        ParamTable::embedded().unwrap()
    }

    #[test]
    fn a_comma_is_a_decimal_comma_unless_it_could_be_a_thousands_comma() {
        let t = table();
        let growth = t.param("growth_pct").unwrap();
        assert_eq!(growth.parse("g", "1,5"), Ok(1.5));
        assert_eq!(growth.parse("g", "0,125"), Ok(0.125));
        assert_eq!(growth.parse("g", "-1,25"), Ok(-1.25));
        for text in ["1,000", "12,500", "-2,000"] {
            let e = growth.parse("g", text).unwrap_err();
            assert_eq!(e.kind, InputErrorKind::Malformed, "{text}");
            assert!(
                e.allowed_en.contains("without thousands separators"),
                "{}",
                e.allowed_en
            );
        }
        let e = growth.parse("g", "1,000").unwrap_err();
        assert!(
            e.allowed_nl.ends_with("'1,000' kan 1 of 1000 zijn"),
            "{}",
            e.allowed_nl
        );
    }

    #[test]
    fn every_parameter_is_complete_and_its_ranges_are_ordered() {
        let t = table();
        for p in t.params.iter().chain(&t.programme_fields) {
            for (what, text) in [
                ("label_nl", &p.label_nl),
                ("label_en", &p.label_en),
                ("unit_nl", &p.unit_nl),
                ("unit_en", &p.unit_en),
                ("source", &p.source),
                ("source_nl", &p.source_nl),
                ("group", &p.group),
            ] {
                assert!(!text.trim().is_empty(), "{} has no {what}", p.id);
            }
            assert!(
                p.min <= p.low && p.low <= p.default && p.default <= p.high && p.high <= p.max,
                "{}: min ≤ low ≤ default ≤ high ≤ max",
                p.id
            );
            assert!(p.min < p.max && p.step > 0.0, "{}", p.id);
            if let Some(end) = p.slider_max {
                assert!(
                    p.high.max(p.default) <= end && end < p.max,
                    "{}: the slider ends inside the allowed range, past the plausible one",
                    p.id
                );
            }
            if p.whole {
                assert_eq!(p.default.fract(), 0.0, "{}", p.id);
            }
            if p.evidence == Evidence::Assumption {
                assert!(
                    p.source.starts_with("assumption"),
                    "{}: an assumption's source says so",
                    p.id
                );
                assert!(
                    p.source_nl.starts_with("aanname"),
                    "{}: an assumption's Dutch source says so",
                    p.id
                );
            }
            assert_eq!(
                p.source.starts_with("assumption"),
                p.source_nl.starts_with("aanname"),
                "{}: the Dutch source is an assumption (aanname) where the English one is",
                p.id
            );
            if p.distribution != Distribution::Fixed {
                assert!(
                    p.low < p.high,
                    "{}: an uncertain parameter needs a range",
                    p.id
                );
            }
            // The Monte Carlo's log-normal draw takes the ratio of high to low, and treats
            // values in use as never below 0.
            if p.distribution == Distribution::Lognormal {
                assert!(p.low > 0.0 && p.min >= 0.0, "{}: log-normal below 0", p.id);
            }
        }
    }

    #[test]
    fn ids_are_unique() {
        let t = table();
        for list in [&t.params, &t.programme_fields] {
            for (i, a) in list.iter().enumerate() {
                assert!(list[i + 1..].iter().all(|b| b.id != a.id), "{} twice", a.id);
            }
        }
    }

    #[test]
    fn unknown_keys_in_the_file_are_errors() {
        let bad = PARAMETERS_JSON.replacen(
            "\"group\":\"inflow\"",
            "\"group\":\"inflow\",\"colour\":\"red\"",
            1,
        );
        assert_ne!(bad, PARAMETERS_JSON);
        let err = crate::presets::read_data::<ParamTable>("parameters.toml", &bad).unwrap_err();
        assert!(err.starts_with("data/parameters.toml"), "{err}");
        assert!(err.contains("colour"), "{err}");
    }

    /// The embedded JSON holds exactly what the TOML file says, every number to the bit.
    #[cfg(feature = "toml")]
    #[test]
    fn the_embedded_table_is_the_toml_file() {
        let file: ParamTable = toml::from_str(include_str!("../data/parameters.toml")).unwrap();
        assert_eq!(format!("{:?}", table()), format!("{file:?}"));
    }

    #[test]
    fn typed_values_are_parsed_and_checked() {
        let t = table();
        let g = t.param("growth_pct").unwrap();
        assert_eq!(g.parse("x", "7").unwrap(), 7.0);
        assert_eq!(g.parse("x", "2,5").unwrap(), 2.5);
        for (text, kind) in [
            ("abc", InputErrorKind::NotANumber),
            ("", InputErrorKind::NotANumber),
            ("NaN", InputErrorKind::NotANumber),
            ("inf", InputErrorKind::NotANumber),
            ("500", InputErrorKind::OutOfRange),
        ] {
            let e = g.parse("set.growth_pct", text).unwrap_err();
            assert_eq!(e.kind, kind, "{text}");
            assert_eq!(e.value, text);
        }
        let e = g.parse("set.growth_pct", "500").unwrap_err();
        assert_eq!(
            e.message(crate::Lang::En),
            "set.growth_pct (Growth shock): '500' is out of range; allowed: -20 to 20 (% of the starting caseload, extra inflow)"
        );
        assert_eq!(
            e.message(crate::Lang::Nl),
            "set.growth_pct (Groeischok): '500' valt buiten het bereik; toegestaan: -20 tot 20 (% van de beginstand, extra instroom)"
        );
    }
}
