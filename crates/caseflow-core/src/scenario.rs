//! A scenario: the baseline assumptions plus named overrides, and the programmes it runs.
//!
//! A scenario is never an edit of the baseline: `set` holds only the assumptions it changes
//! (by parameter id) and `programmes` the tracks it runs. Assumption overrides apply to the
//! scenario and its counterfactual alike; programmes to the scenario alone, so a saving is
//! never an artefact of a changed assumption. Scenarios are read from JSON or, with feature
//! `toml` (on by default; off in the page's wasm), TOML (schema version [`SCHEMA`]), and
//! [`Scenario::resolve`] checks every field at once.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

use crate::error::{InputError, InputErrorKind, InputErrors};
use crate::file_error::file_error;
use crate::inputs::{Inputs, ProgrammeInputs};
use crate::lang::Lang;
use crate::params::ParamTable;
use crate::region::{MUNICIPALITIES, N_MUNI};

/// The scenario schema version this build writes and reads.
pub const SCHEMA: u32 = 1;

/// A calendar month, written `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
// Serialised as its `YYYY-MM` text (see the `Serialize` impl below).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
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
    /// The last month caseflow accepts.
    pub const MAX: YearMonth = YearMonth {
        year: 2100,
        month: 12,
    };
    pub(crate) const ALLOWED: [&'static str; 2] = [
        "JJJJ-MM tussen 2000-01 en 2100-12",
        "YYYY-MM between 2000-01 and 2100-12",
    ];

    /// The month `n` months after this one.
    pub fn plus(self, n: u32) -> YearMonth {
        let idx = self.index() + i64::from(n);
        YearMonth {
            // Years stay within 2000..2116 for every accepted start and horizon.
            year: idx.div_euclid(12) as i32,
            month: idx.rem_euclid(12) as u8 + 1,
        }
    }

    /// Months since year 0, for differences between months.
    pub fn index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }

    fn error(field: &str, value: &str, kind: InputErrorKind) -> InputError {
        InputError::other(field, value, kind, ["Maand", "Month"], Self::ALLOWED)
    }

    /// Parse `YYYY-MM`, naming `field` in the error.
    pub fn parse_at(field: &str, s: &str) -> Result<YearMonth, InputError> {
        let bad = || Self::error(field, s, InputErrorKind::Malformed);
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) {
            return Err(bad());
        }
        let ym = YearMonth { year, month };
        if ym < Self::MIN || ym > Self::MAX {
            return Err(Self::error(field, s, InputErrorKind::OutOfRange));
        }
        Ok(ym)
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
        YearMonth::parse_at("start", s)
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
        s.parse().map_err(|_| {
            serde::de::Error::invalid_value(serde::de::Unexpected::Str(&s), &Self::ALLOWED[1])
        })
    }
}

/// Which distance-to-work group a programme takes its participants from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Target {
    /// Close to work.
    Near,
    /// Middle distance.
    Mid,
    /// Far from work.
    Far,
    /// Everyone.
    #[default]
    Any,
}

/// When a programme's effect on the chance of work starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum EffectFrom {
    /// From the first month in the programme (job-search help, placement).
    Start,
    /// After the programme ends (training, activation).
    #[default]
    End,
}

/// Which budget pays a programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Funding {
    /// The re-integration budget, shared by the cost key.
    #[default]
    Reintegration,
    /// The BUIG grant (a wage-cost subsidy, Pw art. 10d): it offsets its own saving, paid by
    /// the participant's municipality.
    Buig,
}

/// One line of a budget: an amount with its label and source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BudgetLine {
    /// What the money is (shown as text).
    pub label: String,
    /// Euros.
    pub amount_eur: f64,
    /// Where the figure comes from.
    #[serde(default)]
    pub source: String,
}

/// The money a scenario has for its programmes, and what else is taken from it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Budget {
    /// Money available.
    #[serde(default)]
    pub available: Vec<BudgetLine>,
    /// Other allocations from the same money (besides the programmes' planned cost).
    #[serde(default)]
    pub other_allocations: Vec<BudgetLine>,
}

/// One re-integration programme (track). Numeric fields left out take the defaults of the
/// programme fields in the parameter table; their ranges are checked there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
// Every `Option` field is skipped when `None`: `field?: T` in TypeScript.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct Programme {
    /// A short id (`track-i`), unique within the scenario.
    pub id: String,
    /// The name shown to users (shown as text, never as HTML).
    #[serde(default)]
    pub name: String,
    /// The first month participants start; the scenario's start if left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<YearMonth>,
    /// Which distance-to-work group the participants come from.
    #[serde(default)]
    pub target: Target,
    /// When the effect starts.
    #[serde(default)]
    pub effect_from: EffectFrom,
    /// Whether participants keep counting as benefit households (and cost benefit).
    #[serde(default = "yes")]
    pub on_benefit: bool,
    /// Which budget pays it.
    #[serde(default)]
    pub funding: Funding,
    /// Total participants (people starting), region-wide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(feature = "ts"), serde(deserialize_with = "number"))]
    pub participants: Option<f64>,
    /// Cost per participant, euros, charged in the month they start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(feature = "ts"), serde(deserialize_with = "number"))]
    pub cost_per_participant_eur: Option<f64>,
    /// Months over which participants start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(feature = "ts"), serde(deserialize_with = "number"))]
    pub intake_months: Option<f64>,
    /// Average months in the programme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(feature = "ts"), serde(deserialize_with = "number"))]
    pub duration_months: Option<f64>,
    /// Lower chance of work while in the programme, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(feature = "ts"), serde(deserialize_with = "number"))]
    pub lock_in_pct: Option<f64>,
    /// Higher chance of work from the programme, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(feature = "ts"), serde(deserialize_with = "number"))]
    pub effect_pct: Option<f64>,
    /// Months until half the effect has faded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(feature = "ts"), serde(deserialize_with = "number"))]
    pub half_life_months: Option<f64>,
    /// Most participants in the programme at once, region-wide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(feature = "ts"), serde(deserialize_with = "number"))]
    pub capacity: Option<f64>,
    /// Target group: at least this many months on benefit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(feature = "ts"), serde(deserialize_with = "number"))]
    pub target_min_months: Option<f64>,
    /// Target group: at most this many months on benefit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(feature = "ts"), serde(deserialize_with = "number"))]
    pub target_max_months: Option<f64>,
}

fn yes() -> bool {
    true
}

impl Programme {
    /// The numeric fields by id, as given (None: the default).
    pub fn numeric_fields(&self) -> [(&'static str, Option<f64>); 10] {
        [
            ("participants", self.participants),
            ("cost_per_participant_eur", self.cost_per_participant_eur),
            ("intake_months", self.intake_months),
            ("duration_months", self.duration_months),
            ("lock_in_pct", self.lock_in_pct),
            ("effect_pct", self.effect_pct),
            ("half_life_months", self.half_life_months),
            ("capacity", self.capacity),
            ("target_min_months", self.target_min_months),
            ("target_max_months", self.target_max_months),
        ]
    }

    /// Set a numeric field by id; false if there is no such field.
    pub fn set_numeric(&mut self, id: &str, value: f64) -> bool {
        let slot = match id {
            "participants" => &mut self.participants,
            "cost_per_participant_eur" => &mut self.cost_per_participant_eur,
            "intake_months" => &mut self.intake_months,
            "duration_months" => &mut self.duration_months,
            "lock_in_pct" => &mut self.lock_in_pct,
            "effect_pct" => &mut self.effect_pct,
            "half_life_months" => &mut self.half_life_months,
            "capacity" => &mut self.capacity,
            "target_min_months" => &mut self.target_min_months,
            "target_max_months" => &mut self.target_max_months,
            _ => return false,
        };
        *slot = Some(value);
        true
    }
}

/// The inputs of one run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Scenario {
    /// Schema version of the file ([`SCHEMA`]).
    #[serde(default = "schema")]
    #[cfg_attr(not(feature = "ts"), serde(deserialize_with = "whole"))]
    pub schema: u32,
    /// A short name (shown as text).
    #[serde(default)]
    pub name: String,
    /// What the scenario is about (shown as text).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The first simulated month; the start stocks are the caseload on its first day.
    #[serde(default = "default_start")]
    pub start: YearMonth,
    /// Number of months simulated (1-180).
    #[serde(default = "default_months")]
    #[cfg_attr(not(feature = "ts"), serde(deserialize_with = "whole"))]
    pub months: u32,
    /// Overridden assumptions, by parameter id; all others take their defaults.
    #[serde(default)]
    pub set: BTreeMap<String, f64>,
    /// The programmes this scenario runs (its counterfactual runs none).
    #[serde(default)]
    pub programmes: Vec<Programme>,
    /// Notes on the seed papers shown with the results, by id (`data/notes.toml`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The money available for the programmes, for the budget check; none: no check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub budget: Option<Budget>,
}

/// A programme's optional number: left out, it is not set; given, it must be a number. `null`
/// is refused rather than read as "not set", since it is what `JSON.stringify` makes of NaN
/// and infinity: a page that sent one would otherwise run on the default without a word.
/// (Not in the `ts` feature's build, which only writes the TypeScript types: ts-rs warns on
/// every `deserialize_with` it cannot read, and the types are the same.)
#[cfg(not(feature = "ts"))]
fn number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    f64::deserialize(d).map(Some)
}

/// A whole number, written as one (`12`) or with a zero fraction (`12.0`, as a spreadsheet
/// or another program may write it). A fraction or a number out of `u32`'s range is refused
/// with serde's own words, which [`crate::file_error`] reads as "not whole" or "out of range".
#[cfg(not(feature = "ts"))]
fn whole<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    use serde::de::{Error, Unexpected, Visitor};
    struct Whole;
    impl Visitor<'_> for Whole {
        type Value = u32;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("u32")
        }
        fn visit_u64<E: Error>(self, v: u64) -> Result<u32, E> {
            u32::try_from(v).map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
        }
        fn visit_i64<E: Error>(self, v: i64) -> Result<u32, E> {
            u32::try_from(v).map_err(|_| E::invalid_value(Unexpected::Signed(v), &self))
        }
        fn visit_f64<E: Error>(self, v: f64) -> Result<u32, E> {
            if v.fract() != 0.0 || !v.is_finite() {
                Err(E::invalid_type(Unexpected::Float(v), &self))
            } else if (0.0..=f64::from(u32::MAX)).contains(&v) {
                Ok(v as u32)
            } else {
                Err(E::invalid_value(Unexpected::Float(v), &self))
            }
        }
    }
    d.deserialize_u32(Whole)
}

fn schema() -> u32 {
    SCHEMA
}

fn default_start() -> YearMonth {
    YearMonth {
        year: 2021,
        month: 1,
    }
}

/// The largest amount a budget line may hold, euros.
const MAX_BUDGET_EUR: f64 = 1e10;
/// The most programmes a scenario may hold. An assumption: the region runs a handful of
/// tracks, and the tornado and the best-mix search grow with the square of their number
/// (20 programmes take seconds, 200 took over two minutes).
pub const MAX_PROGRAMMES: usize = 20;

/// The default horizon in months.
pub const DEFAULT_MONTHS: u32 = 36;
/// The longest horizon in months (15 years).
pub const MAX_MONTHS: u32 = 180;

/// `months` out of its range (1-180).
pub(crate) fn months_error(value: &str) -> InputError {
    InputError::other(
        "months",
        value,
        InputErrorKind::OutOfRange,
        ["Looptijd", "Horizon"],
        ["1 tot 180 (maanden)", "1 to 180 (months)"],
    )
}

fn default_months() -> u32 {
    DEFAULT_MONTHS
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            schema: SCHEMA,
            name: String::new(),
            description: String::new(),
            start: default_start(),
            months: DEFAULT_MONTHS,
            set: BTreeMap::new(),
            programmes: Vec::new(),
            notes: Vec::new(),
            budget: None,
        }
    }
}

impl Scenario {
    /// Read a scenario from TOML.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Scenario, InputErrors> {
        // Empty, or comments only: TOML reads it as a scenario of defaults, which a file cut
        // short by accident would then run as without a word.
        if text
            .lines()
            .map(str::trim)
            .all(|l| l.is_empty() || l.starts_with('#'))
        {
            return Err(InputError::other(
                "scenario",
                "",
                InputErrorKind::Malformed,
                ["Scenariobestand", "Scenario file"],
                [
                    "een scenario in TOML of JSON; dit bestand is leeg (of alleen commentaar)",
                    "a scenario in TOML or JSON; this file is empty (or comments only)",
                ],
            )
            .into());
        }
        toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            let line = text.get(..at).unwrap_or(text).matches('\n').count() + 1;
            let path = crate::file_error::toml_path(text, at);
            let excerpt = text.lines().nth(line - 1).unwrap_or_default();
            file_error("TOML", path, Some(line), excerpt, e.message()).into()
        })
    }

    /// Read a scenario from JSON. A byte-order mark (which some Windows editors write) is
    /// skipped; a list is refused (serde would read its items as the fields in order).
    pub fn from_json(text: &str) -> Result<Scenario, InputErrors> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim_start().starts_with('[') {
            return Err(InputError::other(
                "scenario",
                "[…]",
                InputErrorKind::Malformed,
                ["Scenariobestand", "Scenario file"],
                [
                    "een tabel met velden ({ … }), geen lijst",
                    "a table of fields ({ … }), not a list",
                ],
            )
            .into());
        }
        serde_json::from_str(text).map_err(|e| {
            // serde_json's line and column (1-based) are those of the last character it read.
            let line_start: usize = text
                .split_inclusive('\n')
                .take(e.line().saturating_sub(1))
                .map(str::len)
                .sum();
            // serde_json counts the column in bytes, up to and including the last character it
            // read (or peeked at): the text up to `end` is what it had seen.
            let mut end = (line_start + e.column()).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let path = crate::file_error::json_path(text, end);
            // Its message ends in the location, which the error names on its own.
            let message = e.to_string();
            let reason = message
                .rsplit_once(" at line ")
                .map_or(&message[..], |(r, _)| r);
            // A file on one line (the page's TOML, turned into JSON) has no line worth naming.
            let line = (text.trim_end().contains('\n') && e.line() > 0).then_some(e.line());
            // The line it stopped on (at the end of the file, the last line with text).
            let excerpt = text[line_start..]
                .lines()
                .next()
                .filter(|l| !l.trim().is_empty())
                .or_else(|| {
                    text[..line_start]
                        .lines()
                        .rev()
                        .find(|l| !l.trim().is_empty())
                })
                .unwrap_or_default();
            // Of a long line (a whole file on one), the 40 characters up to where it stopped.
            let excerpt = match text[line_start..end].char_indices().rev().nth(39) {
                Some((i, _)) if excerpt.chars().count() > 80 => &text[line_start + i..end],
                _ => excerpt,
            };
            file_error("JSON", path, line, excerpt, reason).into()
        })
    }

    /// Read a scenario file's text: JSON when it starts with `{`, TOML otherwise.
    #[cfg(feature = "toml")]
    pub fn parse(text: &str) -> Result<Scenario, InputErrors> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim_start().starts_with('{') {
            Scenario::from_json(text)
        } else {
            Scenario::from_toml(text)
        }
    }

    /// The scenario as TOML.
    #[cfg(feature = "toml")]
    pub fn to_toml(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        toml::to_string(self).unwrap_or_default()
    }

    /// Set one assumption from text (`--set id=value`), checking it at once.
    pub fn set_text(&mut self, table: &ParamTable, id: &str, text: &str) -> Result<(), InputError> {
        let field = set_field(id);
        let spec = table
            .param(id)
            .ok_or_else(|| unknown_param(table, "set", id))?;
        let value = spec.parse(&field, text)?;
        self.set.insert(id.to_owned(), value);
        Ok(())
    }

    /// The same scenario with every default written out, so that a file shows every value
    /// used and reads back to the same results.
    pub fn complete(&self, table: &ParamTable) -> Scenario {
        let mut s = self.clone();
        for p in &table.params {
            s.set.entry(p.id.clone()).or_insert(p.default);
        }
        for prog in &mut s.programmes {
            prog.start.get_or_insert(self.start);
            for (id, value) in prog.numeric_fields() {
                if value.is_none() {
                    if let Some(spec) = table.programme_field(id) {
                        prog.set_numeric(id, spec.default);
                    }
                }
            }
        }
        s
    }

    /// The canonical text of the scenario as run, that [`Scenario::fingerprint`] hashes: the
    /// compact JSON (no whitespace) of [`Scenario::complete`], so a scenario with its
    /// defaults left out and the same scenario with them written out read the same.
    ///
    /// - fields in the order of this struct (as a JSON scenario file writes them), empty
    ///   optional fields (`description`, `notes`, `budget`) left out;
    /// - `set` sorted by parameter id;
    /// - numbers as serde_json writes them: the shortest text that reads back to the same
    ///   `f64` (`36`, `0.5`, `4633.0`), with `-0` written as `0`;
    /// - text as JSON strings (UTF-8, only `"`, `\` and control characters escaped).
    ///
    /// Every field counts but the scenario's name and description, which change no figure:
    /// the page's copy of a preset, the same scenario exported under the name the user gave
    /// it, and `caseflow run --preset` print the same fingerprint (the cite line names the
    /// scenario beside it). It does not depend on the platform (the same bytes natively and in
    /// WebAssembly) but does on the caseflow version, whose defaults it writes out.
    pub fn canonical_json(&self, table: &ParamTable) -> String {
        let mut s = self.complete(table);
        s.name.clear();
        s.description.clear();
        // -0 and 0 run the same; write both as 0.
        let zero = |v: &mut f64| {
            if *v == 0.0 {
                *v = 0.0;
            }
        };
        s.set.values_mut().for_each(zero);
        for prog in &mut s.programmes {
            for (id, value) in prog.numeric_fields() {
                if let Some(mut v) = value {
                    zero(&mut v);
                    prog.set_numeric(id, v);
                }
            }
        }
        if let Some(budget) = &mut s.budget {
            for line in budget
                .available
                .iter_mut()
                .chain(&mut budget.other_allocations)
            {
                zero(&mut line.amount_eur);
            }
        }
        // Plain data with string keys and finite numbers: serialising cannot fail. A
        // non-finite number (never in a resolved scenario) would be written as `null`.
        serde_json::to_string(&s).unwrap_or_default()
    }

    /// A short stable fingerprint of the scenario as run, shown with every result and export
    /// so that a figure in a council paper leads back to its exact scenario: the first 10 hex
    /// digits (40 bits) of the SHA-256 of [`Scenario::canonical_json`].
    pub fn fingerprint(&self, table: &ParamTable) -> String {
        let digest = Sha256::digest(self.canonical_json(table).as_bytes());
        digest[..5].iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Check every field against the parameter table and turn the scenario into the model's
    /// numeric inputs. Every problem is reported, not only the first.
    pub fn resolve(&self, table: &ParamTable) -> Result<Inputs, InputErrors> {
        let mut errors = Vec::new();
        if self.schema != SCHEMA {
            errors.push(InputError::other(
                "schema",
                &self.schema.to_string(),
                InputErrorKind::OutOfRange,
                ["Schemaversie", "Schema version"],
                [&SCHEMA.to_string(), &SCHEMA.to_string()],
            ));
        }
        if !(1..=MAX_MONTHS).contains(&self.months) {
            errors.push(months_error(&self.months.to_string()));
        }
        if self.start < YearMonth::MIN
            || self.start > YearMonth::MAX
            || !(1..=12).contains(&self.start.month)
        {
            errors.push(YearMonth::error(
                "start",
                &self.start.to_string(),
                InputErrorKind::OutOfRange,
            ));
        }
        for (id, value) in &self.set {
            let field = set_field(id);
            match table.param(id) {
                None => errors.push(unknown_param(table, "set", id)),
                Some(spec) => {
                    if let Err(e) = spec.check(&field, *value) {
                        errors.push(e);
                    }
                }
            }
        }
        // Every parameter's value in table order: the override if it is a number, else the
        // default (an override that is not is reported above).
        let values: Vec<f64> = table
            .params
            .iter()
            .map(|p| {
                self.set
                    .get(&p.id)
                    .copied()
                    .filter(|v| v.is_finite())
                    .unwrap_or(p.default)
            })
            .collect();
        check_consistency(table, &values, &mut errors);
        if let Some(budget) = &self.budget {
            let lines = budget.available.iter().map(|l| ("available", l));
            let others = budget
                .other_allocations
                .iter()
                .map(|l| ("other_allocations", l));
            for (i, (list, line)) in lines.chain(others).enumerate() {
                let index = if list == "available" {
                    i
                } else {
                    i - budget.available.len()
                };
                let at = format!("budget.{list}[{index}]");
                if !line.amount_eur.is_finite()
                    || !(0.0..=MAX_BUDGET_EUR).contains(&line.amount_eur)
                {
                    errors.push(InputError::other(
                        &format!("{at}.amount_eur"),
                        &line.amount_eur.to_string(),
                        InputErrorKind::OutOfRange,
                        ["Bedrag", "Amount"],
                        ["0 tot 10.000.000.000 (€)", "0 to 10,000,000,000 (€)"],
                    ));
                }
                if line.label.chars().count() > 200 || line.source.chars().count() > 500 {
                    errors.push(InputError::other(
                        &format!("{at}.label"),
                        &line.label,
                        InputErrorKind::OutOfRange,
                        ["Omschrijving", "Label"],
                        [
                            "hoogstens 200 tekens (bron 500)",
                            "at most 200 characters (source 500)",
                        ],
                    ));
                }
            }
        }

        if self.programmes.len() > MAX_PROGRAMMES {
            errors.push(InputError::other(
                "programmes",
                &self.programmes.len().to_string(),
                InputErrorKind::OutOfRange,
                ["Aantal programma's", "Number of programmes"],
                [
                    &format!("hoogstens {MAX_PROGRAMMES}"),
                    &format!("at most {MAX_PROGRAMMES}"),
                ],
            ));
        }
        let mut programmes = Vec::with_capacity(self.programmes.len());
        for (i, prog) in self.programmes.iter().enumerate() {
            let at = |f: &str| format!("programmes[{i}].{f}");
            if prog.id.trim().is_empty() || prog.id.len() > 64 {
                errors.push(InputError::other(
                    &at("id"),
                    &prog.id,
                    InputErrorKind::Malformed,
                    ["Programma-id", "Programme id"],
                    ["1 tot 64 tekens", "1 to 64 characters"],
                ));
            }
            if self.programmes[..i].iter().any(|p| p.id == prog.id) {
                errors.push(InputError::other(
                    &at("id"),
                    &prog.id,
                    InputErrorKind::Inconsistent,
                    ["Programma-id", "Programme id"],
                    [
                        "een id dat nog niet gebruikt is",
                        "an id not used before in this scenario",
                    ],
                ));
            }
            if prog.name.len() > 200 {
                errors.push(InputError::other(
                    &at("name"),
                    &prog.name,
                    InputErrorKind::OutOfRange,
                    ["Naam", "Name"],
                    ["hoogstens 200 tekens", "at most 200 characters"],
                ));
            }
            let mut inputs = ProgrammeInputs::empty(
                prog.target,
                prog.effect_from,
                prog.on_benefit,
                prog.funding,
            );
            for (id, given) in prog.numeric_fields() {
                let Some(spec) = table.programme_field(id) else {
                    continue;
                };
                let value = match given {
                    None => spec.default,
                    Some(v) => spec.check(&at(id), v).unwrap_or_else(|e| {
                        errors.push(e);
                        spec.default
                    }),
                };
                inputs.apply(id, value);
            }
            if inputs.target_min_months > inputs.target_max_months {
                errors.push(InputError::other(
                    &at("target_min_months"),
                    &inputs.target_min_months.to_string(),
                    InputErrorKind::Inconsistent,
                    [
                        "Doelgroep: minimaal in de bijstand",
                        "Target group: at least on benefit",
                    ],
                    ["hoogstens target_max_months", "at most target_max_months"],
                ));
            }
            let start = prog.start.unwrap_or(self.start);
            let offset = start.index() - self.start.index();
            if offset < 0 || offset >= i64::from(self.months.max(1)) {
                errors.push(InputError::other(
                    &at("start"),
                    &start.to_string(),
                    InputErrorKind::OutOfRange,
                    ["Start van het programma", "Programme start"],
                    [
                        &format!(
                            "een maand van {} tot {}",
                            self.start,
                            self.start.plus(self.months.max(1) - 1)
                        ),
                        &format!(
                            "a month from {} to {}",
                            self.start,
                            self.start.plus(self.months.max(1) - 1)
                        ),
                    ],
                ));
            }
            programmes.push(ProgrammeInputs {
                start_offset: offset.clamp(0, i64::from(MAX_MONTHS)) as u32,
                ..inputs
            });
        }
        if !errors.is_empty() {
            return Err(InputErrors(errors));
        }
        let budget = self.budget.clone().unwrap_or_default();
        let sum = |lines: &[BudgetLine]| lines.iter().map(|l| l.amount_eur).sum::<f64>();
        let mut inputs = Inputs {
            start: self.start,
            months: self.months,
            start_stock: [0.0; N_MUNI],
            people_per_benefit: [0.0; N_MUNI],
            cost_key_pct: [0.0; N_MUNI],
            reintegration_budget_eur: [0.0; N_MUNI],
            cost_split_overhead_pct: 0.0,
            buig_grant_ratio: 0.0,
            buig_feedback: 0.0,
            buig_feedback_lag_years: 0,
            vangnet_own_risk: 0.0,
            vangnet_upper: 0.0,
            vangnet_middle_share: 0.0,
            far_inflow_growth: 0.0,
            budget_available_eur: self.budget.as_ref().map(|_| sum(&budget.available)),
            budget_other_allocations_eur: sum(&budget.other_allocations),
            growth: 0.0,
            growth_pct: 0.0,
            growth_start: 0,
            growth_months: 0,
            new_inflow: 0.0,
            inflow_share: [0.0, 0.0, 1.0],
            stock_share: [0.0, 0.0, 1.0],
            exit_by_years: [0.0; 5],
            work_share: [0.0; 3],
            // The mid group is the reference: its factor is 1 by definition.
            work_factor: [0.0, 1.0, 0.0],
            duration_share: [0.0, 0.0, 0.0, 1.0],
            reentry_work: 0.0,
            reentry_other: 0.0,
            benefit_cost_month_eur: 0.0,
            benefit_indexation: 0.0,
            discount_rate: 0.0,
            programmes,
        };
        for (spec, value) in table.params.iter().zip(&values) {
            inputs.apply(&spec.id, *value);
        }
        Ok(inputs)
    }
}

/// The rules that tie parameters together (shares adding up to at most 100%, a negative growth
/// shock no larger than the new inflow, a cost key adding up to 100%), on every parameter's
/// value in table order. Used by [`Scenario::resolve`] and for each Monte Carlo draw.
pub(crate) fn check_consistency(table: &ParamTable, values: &[f64], errors: &mut Vec<InputError>) {
    let value = |id: &str| -> f64 {
        table
            .params
            .iter()
            .position(|p| p.id == id)
            .map_or(0.0, |i| values[i])
    };
    for (a, b, what) in [
        // Both shares are named: the field is the second, which the user may not have touched.
        (
            "inflow_share_near_pct",
            "inflow_share_mid_pct",
            [
                "instroom (inflow_share_near_pct + inflow_share_mid_pct)",
                "inflow (inflow_share_near_pct + inflow_share_mid_pct)",
            ],
        ),
        (
            "stock_share_near_pct",
            "stock_share_mid_pct",
            [
                "beginstand (stock_share_near_pct + stock_share_mid_pct)",
                "starting caseload (stock_share_near_pct + stock_share_mid_pct)",
            ],
        ),
    ] {
        if value(a) + value(b) > 100.0 {
            errors.push(shares_error(&format!("set.{b}"), value(a) + value(b), what));
        }
    }
    // The safety net's own risk must not lie above the threshold for full compensation.
    if value("vangnet_own_risk_pct") > value("vangnet_upper_pct") {
        errors.push(InputError::other(
            "set.vangnet_own_risk_pct",
            &value("vangnet_own_risk_pct").to_string(),
            InputErrorKind::Inconsistent,
            ["Vangnet: eigen risico", "Safety net: own risk"],
            [
                &format!(
                    "hoogstens de grens voor volledige compensatie ({}%)",
                    Lang::Nl.number(value("vangnet_upper_pct"))
                ),
                &format!(
                    "at most the threshold for full compensation ({}%)",
                    value("vangnet_upper_pct")
                ),
            ],
        ));
    }
    // A negative shock may not take more than the new inflow away in any month.
    let months = value("growth_months").max(1.0);
    if value("growth_pct") / months < -value("new_inflow_pct") {
        // The lowest shock allowed with these months, to the hundredth, itself allowed (the
        // product's rounding may put the nearest hundredth a hair below the bound).
        let mut lowest = -(value("new_inflow_pct") * months * 100.0).round() / 100.0;
        if lowest / months < -value("new_inflow_pct") {
            lowest = (lowest * 100.0 + 1.0).round() / 100.0;
        }
        // With no new inflow the lowest is zero, not "-0".
        let lowest = lowest + 0.0;
        let (inflow, months) = (value("new_inflow_pct"), value("growth_months"));
        errors.push(InputError::other(
            "set.growth_pct",
            &value("growth_pct").to_string(),
            InputErrorKind::Inconsistent,
            ["Groeischok", "Growth shock"],
            [
                &format!(
                    "niet lager dan {}: een daling mag per maand niet groter zijn dan de nieuwe instroom ({}% van de beginstand per maand, over {} maanden)",
                    Lang::Nl.number(lowest),
                    Lang::Nl.number(inflow),
                    Lang::Nl.number(months)
                ),
                &format!(
                    "not below {lowest}: a fall may not be larger in a month than the new inflow ({inflow}% of the start stock a month, over {months} months)"
                ),
            ],
        ));
    }
    let durations = value("stock_share_0_11_pct")
        + value("stock_share_12_35_pct")
        + value("stock_share_36_59_pct");
    if durations > 100.0 {
        errors.push(shares_error(
            "set.stock_share_36_59_pct",
            durations,
            ["beginstand naar duur", "starting caseload by duration"],
        ));
    }

    let key_sum: f64 = MUNICIPALITIES
        .iter()
        .map(|m| value(&format!("cost_key_pct.{}", m.id)))
        .sum();
    if (key_sum - 100.0).abs() > 1e-6 {
        errors.push(InputError::other(
            "set.cost_key_pct",
            &sum_text(key_sum),
            InputErrorKind::Inconsistent,
            ["Som van de verdeelsleutel", "Sum of the cost key"],
            ["100%", "100%"],
        ));
    }
}

/// A sum of percentages as an error shows it: to four decimals, without the float's noise
/// ("21.92", not "21.919999999999998").
fn sum_text(sum: f64) -> String {
    ((sum * 1e4).round() / 1e4).to_string()
}

fn shares_error(field: &str, sum: f64, what: [&str; 2]) -> InputError {
    InputError::other(
        field,
        &sum_text(sum),
        InputErrorKind::Inconsistent,
        ["Som van de aandelen", "Sum of the shares"],
        [
            &format!("aandelen van de {} samen hoogstens 100%", what[0]),
            &format!("shares of the {} adding up to at most 100%", what[1]),
        ],
    )
}

/// The field path of an override, with a very long id shortened (ids come from users' files).
fn set_field(id: &str) -> String {
    let short: String = id.chars().take(60).collect();
    format!("set.{short}")
}

/// The name among `names` a typo of `typed` most likely meant: within two edits (or a sixth
/// of the name), any case. None without feature `suggest`: the page's build leaves the
/// suggestions out (they cost 800 bytes of its 400 KB budget); the CLI has them.
pub(crate) fn nearest<'a>(typed: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    #[cfg(feature = "suggest")]
    {
        let typed = typed.to_ascii_lowercase();
        names
            .map(|name| {
                (
                    edits(typed.as_bytes(), name.to_ascii_lowercase().as_bytes()),
                    name,
                )
            })
            .min()
            .filter(|&(d, name)| d <= 2.max(name.len() / 6))
            .map(|(_, name)| name)
    }
    #[cfg(not(feature = "suggest"))]
    {
        let _ = (typed, names);
        None
    }
}

/// The Levenshtein distance of two byte strings (the ids are ASCII), written out: `strsim`'s
/// generic version, over chars, cost the page more.
#[cfg(feature = "suggest")]
fn edits(a: &[u8], b: &[u8]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(x != y));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// An override of a parameter caseflow does not know: the error names the id as the value,
/// and the nearest known id first when one is close (a typo: `new_inflow_pcts`), since the list
/// of all sixty reads as no answer.
fn unknown_param(table: &ParamTable, field: &str, shown: &str) -> InputError {
    let ids: Vec<&str> = table.params.iter().map(|p| p.id.as_str()).collect();
    let list = ids.join(", ");
    let allowed = match nearest(shown, ids.iter().copied()) {
        Some(id) => [
            format!("bedoel je {id}? Een van {list}"),
            format!("did you mean {id}? One of {list}"),
        ],
        None => [format!("een van {list}"), format!("one of {list}")],
    };
    InputError::other(
        field,
        shown,
        InputErrorKind::UnknownField,
        ["", ""],
        [&allowed[0], &allowed[1]],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> ParamTable {
        ParamTable::embedded().unwrap()
    }

    #[cfg(feature = "suggest")]
    #[test]
    fn an_unknown_id_close_to_a_known_one_is_suggested() {
        let t = table();
        let e = unknown_param(&t, "set.new_inflow_pcts", "new_inflow_pcts");
        assert!(
            e.allowed_en
                .starts_with("did you mean new_inflow_pct? One of growth_pct")
        );
        assert!(
            e.allowed_nl
                .starts_with("bedoel je new_inflow_pct? Een van ")
        );
        assert!(
            unknown_param(&t, "set.Growth_Pct", "Growth_Pct")
                .allowed_en
                .starts_with("did you mean growth_pct?")
        );
        // Nothing close: the list alone.
        assert!(
            unknown_param(&t, "set.colour", "colour")
                .allowed_en
                .starts_with("one of ")
        );
    }

    #[test]
    fn the_default_scenario_resolves() {
        Scenario::default().resolve(&table()).unwrap();
    }

    #[test]
    fn the_fingerprint_is_stable_and_sees_every_change() {
        let t = table();
        let base = Scenario::default();
        let print = base.fingerprint(&t);
        assert_eq!(print.len(), 10);
        assert!(
            print
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert_eq!(print, Scenario::default().fingerprint(&t));
        // Defaults written out, or -0 for 0, run the same and print the same.
        assert_eq!(print, base.complete(&t).fingerprint(&t));
        let mut zero = base.clone();
        zero.set.insert("growth_pct".into(), -0.0);
        assert_eq!(print, zero.fingerprint(&t));
        // A name or description changes no figure and not the fingerprint.
        let mut named = base.clone();
        named.name = "Valkenburg raadsvoorstel".into();
        named.description = "x".into();
        assert_eq!(print, named.fingerprint(&t));
        // Any other field changed prints differently.
        let mut growth = base.clone();
        growth.set.insert("growth_pct".into(), 7.0);
        let mut months = base.clone();
        months.months = 35;
        let mut note = base.clone();
        note.notes.push("x".into());
        for other in [growth, months, note] {
            assert_ne!(print, other.fingerprint(&t));
        }
    }

    #[test]
    fn the_canonical_form_is_compact_json_with_every_default() {
        let t = table();
        let text = Scenario::default().canonical_json(&t);
        assert!(text.starts_with(r#"{"schema":1,"name":"","start":"2021-01","months":36,"set":{"#));
        assert!(!text.contains(' '));
        let back = Scenario::from_json(&text).unwrap();
        assert_eq!(back, Scenario::default().complete(&t));
        assert_eq!(back.set.len(), t.params.len());
    }

    #[test]
    fn the_fingerprint_of_the_default_scenario_is_pinned() {
        // Changes when a default, the scenario format or the canonical form changes: update it
        // on purpose, and say so in the change log, since published fingerprints then differ.
        assert_eq!(Scenario::default().fingerprint(&table()), "5460dc0ab5");
    }

    #[cfg(feature = "toml")]
    #[test]
    fn every_bad_field_is_reported_at_once() {
        let text = r#"
            months = 500
            start = "2021-01"
            [set]
            growth_pct = 500
            exit_0_11_pct = -1
            colour = 3
            [[programmes]]
            id = "a"
            effect_pct = 9999
            participants = -5
        "#;
        let s = Scenario::from_toml(text).unwrap();
        let errors = s.resolve(&table()).unwrap_err().0;
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        for f in [
            "months",
            "set.growth_pct",
            "set.exit_0_11_pct",
            "set",
            "programmes[0].effect_pct",
            "programmes[0].participants",
        ] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
        let growth = errors.iter().find(|e| e.field == "set.growth_pct").unwrap();
        assert_eq!(growth.kind, InputErrorKind::OutOfRange);
        // An unknown override names the id it got.
        assert!(
            errors
                .iter()
                .any(|e| e.field == "set" && e.value == "colour")
        );
        assert_eq!((growth.min, growth.max), (Some(-20.0), Some(20.0)));
        assert!(
            growth
                .message(crate::Lang::Nl)
                .contains("valt buiten het bereik")
        );
    }

    #[test]
    fn participants_and_capacity_are_whole_people() {
        let model = crate::Model::new().unwrap();
        let mut s = model.preset("corona-2021").unwrap().scenario.clone();
        s.programmes[0].participants = Some(1.5);
        s.programmes[1].capacity = Some(20.5);
        let errors = s.resolve(&table()).unwrap_err().0;
        for field in ["programmes[0].participants", "programmes[1].capacity"] {
            let e = errors.iter().find(|e| e.field == field).expect(field);
            assert_eq!(e.kind, InputErrorKind::NotWhole);
        }
    }

    #[test]
    fn a_negative_shock_is_refused_with_the_lowest_it_may_be_and_that_is_allowed() {
        for months in [1.0, 7.0, 12.0, 20.0] {
            let mut s = Scenario::default();
            s.set.insert("growth_pct".into(), -20.0);
            s.set.insert("growth_months".into(), months);
            let e = &s.resolve(&table()).unwrap_err().0[0];
            assert_eq!(
                (e.field.as_str(), e.kind),
                ("set.growth_pct", InputErrorKind::Inconsistent)
            );
            let lowest: f64 = e.allowed_en["not below ".len()..]
                .split(':')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            s.set.insert("growth_pct".into(), lowest);
            assert!(
                s.resolve(&table()).is_ok(),
                "{months} months: {lowest} is refused"
            );
            s.set.insert("growth_pct".into(), lowest - 0.01);
            assert!(
                s.resolve(&table()).is_err(),
                "{months} months: below {lowest} is allowed"
            );
            assert!(
                e.allowed_nl
                    .starts_with(&format!("niet lager dan {}", Lang::Nl.number(lowest)))
            );
        }
    }

    #[test]
    fn shares_over_100_percent_are_refused() {
        let mut s = Scenario::default();
        s.set.insert("inflow_share_near_pct".into(), 70.0);
        s.set.insert("inflow_share_mid_pct".into(), 40.0);
        let e = &s.resolve(&table()).unwrap_err().0[0];
        assert_eq!(e.kind, InputErrorKind::Inconsistent);
        assert_eq!(e.field, "set.inflow_share_mid_pct");
    }

    #[cfg(feature = "toml")]
    #[test]
    fn a_programme_must_start_inside_the_horizon_and_ids_must_be_unique() {
        let text = r#"
            start = "2021-01"
            months = 12
            [[programmes]]
            id = "a"
            start = "2023-01"
            [[programmes]]
            id = "a"
        "#;
        let errors = Scenario::from_toml(text)
            .unwrap()
            .resolve(&table())
            .unwrap_err()
            .0;
        assert!(
            errors
                .iter()
                .any(|e| e.field == "programmes[0].start" && e.allowed_en.contains("2021-12"))
        );
        assert!(errors.iter().any(|e| e.field == "programmes[1].id"));
    }

    #[test]
    fn at_most_twenty_programmes_are_taken() {
        let with = |n: usize| {
            let programmes: Vec<String> = (0..n).map(|i| format!(r#"{{"id":"p{i}"}}"#)).collect();
            let text = format!(r#"{{"programmes":[{}]}}"#, programmes.join(","));
            Scenario::from_json(&text).unwrap().resolve(&table())
        };
        assert!(with(MAX_PROGRAMMES).is_ok());
        let errors = with(MAX_PROGRAMMES + 1).unwrap_err().0;
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            (errors[0].field.as_str(), errors[0].value.as_str()),
            ("programmes", "21")
        );
        assert!(errors[0].message(Lang::Nl).contains("hoogstens 20"));
    }

    #[cfg(feature = "toml")]
    #[test]
    fn files_with_unknown_keys_or_bad_months_are_refused_with_the_reason() {
        let e = Scenario::from_toml("colour = 1").unwrap_err();
        assert!(e.0[0].value.contains("colour"), "{e}");
        let e = Scenario::from_json(r#"{"start": "2021/01"}"#).unwrap_err();
        assert!(e.to_string().contains("YYYY-MM"), "{e}");
        let e = Scenario::from_json("{not json").unwrap_err();
        assert_eq!(e.0[0].kind, InputErrorKind::Malformed);
        let e = Scenario::from_toml(
            r#"[[programmes]]
id = "x"
target = "everyone""#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("everyone"), "{e}");
    }

    #[test]
    fn a_json_file_may_start_with_a_byte_order_mark_but_may_not_be_a_list() {
        let s = Scenario::from_json("\u{feff}{\"months\": 12}").unwrap();
        assert_eq!(s.months, 12);
        // Read as a list, serde would take the items as the fields in order.
        for list in ["[1, \"x\", \"\", \"2025-01\", 24]", " []", "\u{feff}[[[]]]"] {
            let e = &Scenario::from_json(list).unwrap_err().0[0];
            assert_eq!(
                (e.field.as_str(), e.kind),
                ("scenario", InputErrorKind::Malformed)
            );
            assert!(e.allowed_en.contains("not a list"), "{}", e.allowed_en);
        }
    }

    #[test]
    fn a_file_error_names_the_field_its_line_and_what_the_field_takes() {
        let json = "{\n  \"schema\": 1,\n  \"programmes\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"participants\": \"veel\"}\n  ]\n}";
        let e = &Scenario::from_json(json).unwrap_err().0[0];
        assert_eq!(e.field, "programmes[1].participants");
        assert_eq!(e.value, "veel");
        assert_eq!(e.label_nl, "Scenariobestand, regel 5");
        assert_eq!(
            e.message(Lang::Nl),
            "programmes[1].participants (Scenariobestand, regel 5): 'veel' is geen getal; \
             toegestaan: een getal"
        );
        // One line (the page's TOML as JSON): no line number; a missing field is the object's.
        let e = &Scenario::from_json(r#"{"programmes": [{"participants": 5}]}"#)
            .unwrap_err()
            .0[0];
        assert_eq!(
            (e.field.as_str(), e.kind),
            ("programmes[0].id", InputErrorKind::Missing)
        );
        assert_eq!(e.label_en, "Scenario file");
        assert_eq!(
            e.message(Lang::En).split(';').next(),
            Some("programmes[0].id (Scenario file): is missing")
        );
        let e = &Scenario::from_json(r#"{"set": {"growth_pct": 1}, "colour": 2}"#)
            .unwrap_err()
            .0[0];
        assert_eq!(
            (e.field.as_str(), e.kind),
            ("colour", InputErrorKind::UnknownField)
        );
        assert!(
            e.allowed_nl.starts_with("een van: schema, name"),
            "{}",
            e.allowed_nl
        );
        // serde_json counts columns in bytes: characters of two and three bytes before the
        // error, and a value it only peeked at (a list where a number goes), keep the field.
        for (text, field) in [
            (
                r#"{"name":"Sint-Pietersberg één","description":"€ 1.000.000","months":"12"}"#,
                "months",
            ),
            (r#"{"months":[1]}"#, "months"),
            (r#"{"set":{"growth_pct":[1]}}"#, "set.growth_pct"),
            (r#"{"notes":[[1]]}"#, "notes[0]"),
        ] {
            assert_eq!(
                Scenario::from_json(text).unwrap_err().0[0].field,
                field,
                "{text}"
            );
        }
        // A syntax error between two fields: the line as the value, the reason in words.
        let e = &Scenario::from_json("{\n\"months\": 12,,\n}").unwrap_err().0[0];
        assert_eq!(
            (e.field.as_str(), e.value.as_str()),
            ("scenario", "\"months\": 12,,")
        );
        assert!(
            e.allowed_nl
                .ends_with("(een naam tussen aanhalingstekens verwacht)"),
            "{}",
            e.allowed_nl
        );
        let e = &Scenario::from_json("{\n\"months\": 12,\n").unwrap_err().0[0];
        assert_eq!(e.value, "\"months\": 12,");
        assert!(
            e.allowed_en.ends_with("(the file ends too early)"),
            "{}",
            e.allowed_en
        );
    }

    #[test]
    fn a_programme_number_given_as_null_is_refused_not_taken_as_unset() {
        // What JSON.stringify makes of NaN: the default must not be used without a word.
        let e = &Scenario::from_json(r#"{"programmes": [{"id": "a", "participants": null}]}"#)
            .unwrap_err()
            .0[0];
        assert_eq!(
            (e.field.as_str(), e.kind),
            ("programmes[0].participants", InputErrorKind::NotANumber)
        );
        let s = Scenario::from_json(r#"{"programmes": [{"id": "a"}]}"#).unwrap();
        assert_eq!(s.programmes[0].participants, None);
    }

    #[cfg(feature = "toml")]
    #[test]
    fn a_toml_file_error_names_the_table_and_key() {
        let text = "schema = 1\n[set]\ngrowth_pct = \"veel\"\n";
        let e = &Scenario::from_toml(text).unwrap_err().0[0];
        assert_eq!(
            (e.field.as_str(), e.value.as_str()),
            ("set.growth_pct", "veel")
        );
        assert_eq!(e.label_nl, "Scenariobestand, regel 3");
        let text = "[[programmes]]\nid = \"a\"\n[[programmes]]\nparticipants = 5\n";
        let e = &Scenario::from_toml(text).unwrap_err().0[0];
        assert_eq!(
            (e.field.as_str(), e.kind),
            ("programmes[1].id", InputErrorKind::Missing)
        );
        let text = "[[programmes]]\nid = \"a\"\ncolour = 1\n";
        let e = &Scenario::from_toml(text).unwrap_err().0[0];
        assert_eq!(
            (e.field.as_str(), e.kind),
            ("programmes[0].colour", InputErrorKind::UnknownField)
        );
        let e = &Scenario::from_toml("start = \"2021/01\"").unwrap_err().0[0];
        assert_eq!(e.allowed_nl, "JJJJ-MM tussen 2000-01 en 2100-12");
    }

    #[test]
    fn typed_overrides_are_checked_and_a_rejection_changes_nothing() {
        let t = table();
        let mut s = Scenario::default();
        s.set_text(&t, "growth_pct", "7").unwrap();
        assert_eq!(s.set["growth_pct"], 7.0);
        let before = s.clone();
        for (id, text) in [
            ("growth_pct", "abc"),
            ("growth_pct", "500"),
            ("nope", "1"),
            ("growth_months", "2.5"),
        ] {
            assert!(s.set_text(&t, id, text).is_err(), "{id}={text}");
            assert_eq!(s, before);
        }
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        let ym: YearMonth = "2021-11".parse().unwrap();
        assert_eq!(ym.plus(2).to_string(), "2022-01");
        assert_eq!(YearMonth::MAX.plus(180).to_string(), "2115-12");
        for bad in [
            "2021-13",
            "2021-00",
            "21-01",
            "2021-1",
            "２０２１-01",
            "+021-01",
            "",
        ] {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad}");
        }
    }
}
