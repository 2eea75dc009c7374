//! Presets and programme templates, read strictly from `data/` (embedded at compile time, as
//! JSON: `build.rs` converts the TOML files).
//!
//! A preset is a named scenario: the baseline plus overrides (`set`) and programmes taken from
//! templates (`data/programmes.toml`), with notes on the seed papers (`data/notes.toml`).
//! [`Catalogue::embedded`] resolves each preset into a [`Scenario`].

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

#[cfg(feature = "toml")]
use crate::error::{InputError, InputErrorKind, InputErrors};
use crate::scenario::{Budget, Programme, SCHEMA, Scenario, YearMonth};

/// An embedded data file: `data/{file}` as JSON, where `build.rs` writes it.
macro_rules! data_json {
    ($file:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/data/", $file, ".json"))
    };
}

const PROGRAMMES_JSON: &str = data_json!("programmes");
const NOTES_JSON: &str = data_json!("notes");
/// The presets in display order (the first is the baseline), `data/presets/{id}.toml`.
const PRESET_FILES: [(&str, &str); 5] = [
    ("baseline", data_json!("presets/baseline")),
    (
        "corona-2021-no-programme",
        data_json!("presets/corona-2021-no-programme"),
    ),
    ("corona-2021", data_json!("presets/corona-2021")),
    (
        "frozen-budget-2025",
        data_json!("presets/frozen-budget-2025"),
    ),
    (
        "statushouders-2018",
        data_json!("presets/statushouders-2018"),
    ),
];

/// Read the embedded form of `data/{file}` strictly into its type. The files are checked by
/// this crate's tests, so an error here is a build defect (the JSON is one line; the tests
/// read the TOML files too and say where in them).
pub(crate) fn read_data<T: DeserializeOwned>(file: &str, json: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|e| format!("data/{file} (embedded as JSON): {e}"))
}

/// A programme template: a track from the seeds (or an instrument) with the source of its values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Template {
    /// Template id.
    pub id: String,
    /// Name in Dutch.
    pub name_nl: String,
    /// Name in English.
    pub name_en: String,
    /// Where every value comes from, in English.
    pub source: String,
    /// The same in Dutch, with the same citations.
    pub source_nl: String,
    /// The programme it gives.
    pub programme: Programme,
}

/// A note on a seed paper: a claim caseflow could not reproduce, or a value the paper lacks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Note {
    /// Note id.
    pub id: String,
    /// The paper and section.
    pub source: String,
    /// The note in Dutch.
    pub nl: String,
    /// The note in English.
    pub en: String,
    /// Parameters whose default values the note states (an id, or the start of ids:
    /// `reintegration_budget_eur` covers each municipality's). A scenario that sets one gets
    /// the note with a sentence saying so, since its figures are then the starting point's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assumes: Vec<String>,
}

/// A programme in a preset: a template, optionally with some fields changed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgrammeRef {
    template: String,
    id: Option<String>,
    name: Option<String>,
    start: Option<YearMonth>,
    participants: Option<f64>,
    cost_per_participant_eur: Option<f64>,
    intake_months: Option<f64>,
}

/// A preset as written in `data/presets/*.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct PresetFile {
    id: String,
    name_nl: String,
    name_en: String,
    description_nl: String,
    description_en: String,
    start: YearMonth,
    months: u32,
    #[serde(default)]
    notes: Vec<String>,
    #[serde(default)]
    set: BTreeMap<String, f64>,
    #[serde(default)]
    programmes: Vec<ProgrammeRef>,
    budget: Option<Budget>,
}

/// A preset as shown to users.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Preset {
    /// Preset id (`corona-2021`).
    pub id: String,
    /// Name in Dutch.
    pub name_nl: String,
    /// Name in English.
    pub name_en: String,
    /// Description in Dutch.
    pub description_nl: String,
    /// Description in English.
    pub description_en: String,
    /// Notes on the seed papers that belong with this preset.
    pub notes: Vec<Note>,
    /// The scenario it runs.
    pub scenario: Scenario,
}

/// Every preset, template and note of this build.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Catalogue {
    /// Presets in display order (the first is the baseline).
    pub presets: Vec<Preset>,
    /// Programme templates.
    pub templates: Vec<Template>,
    /// Notes on the seed papers.
    pub notes: Vec<Note>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFile {
    template: Vec<Template>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoteFile {
    note: Vec<Note>,
}

impl Catalogue {
    /// The catalogue embedded in this build. The files are checked by this crate's tests, so
    /// an error here is a build defect; it is returned, never panicked on.
    pub fn embedded() -> Result<Catalogue, String> {
        let templates: TemplateFile = read_data("programmes.toml", PROGRAMMES_JSON)?;
        let notes: NoteFile = read_data("notes.toml", NOTES_JSON)?;
        let mut presets = Vec::with_capacity(PRESET_FILES.len());
        for (name, json) in PRESET_FILES {
            presets.push((name, read_data(&format!("presets/{name}.toml"), json)?));
        }
        Catalogue::assemble(templates.template, notes.note, presets)
    }

    /// Resolve each preset file (named by its file name) into a [`Preset`].
    fn assemble(
        templates: Vec<Template>,
        notes: Vec<Note>,
        files: Vec<(&str, PresetFile)>,
    ) -> Result<Catalogue, String> {
        let mut presets = Vec::with_capacity(files.len());
        for (name, file) in files {
            let mut programmes = Vec::with_capacity(file.programmes.len());
            for r in &file.programmes {
                let t = templates
                    .iter()
                    .find(|t| t.id == r.template)
                    .ok_or_else(|| {
                        format!("preset {name}: no programme template '{}'", r.template)
                    })?;
                let mut p = t.programme.clone();
                if let Some(id) = &r.id {
                    p.id = id.clone();
                }
                if let Some(n) = &r.name {
                    p.name = n.clone();
                }
                p.start = r.start.or(p.start);
                p.participants = r.participants.or(p.participants);
                p.cost_per_participant_eur =
                    r.cost_per_participant_eur.or(p.cost_per_participant_eur);
                p.intake_months = r.intake_months.or(p.intake_months);
                programmes.push(p);
            }
            let preset_notes = file
                .notes
                .iter()
                .map(|id| {
                    notes
                        .iter()
                        .find(|n| &n.id == id)
                        .cloned()
                        .ok_or_else(|| format!("preset {name}: no note '{id}'"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            presets.push(Preset {
                scenario: Scenario {
                    schema: SCHEMA,
                    name: file.id.clone(),
                    description: file.description_en.clone(),
                    start: file.start,
                    months: file.months,
                    set: file.set,
                    programmes,
                    notes: file.notes.clone(),
                    budget: file.budget.clone(),
                },
                id: file.id,
                name_nl: file.name_nl,
                name_en: file.name_en,
                description_nl: file.description_nl,
                description_en: file.description_en,
                notes: preset_notes,
            });
        }
        Ok(Catalogue {
            presets,
            templates,
            notes,
        })
    }

    /// A file in the form of the repository's preset files (`data/presets/*.toml`: an id,
    /// names and descriptions in both languages, programmes as templates with changes), as the
    /// scenario this catalogue assembles from it: a copy of a preset file gives that preset's
    /// scenario, fingerprint and all. `None` when the text is not such a file; an error for a
    /// template or note this build does not have.
    #[cfg(feature = "toml")]
    pub fn scenario_from_preset_file(&self, text: &str) -> Option<Result<Scenario, InputErrors>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let file: PresetFile = if text.trim_start().starts_with('{') {
            serde_json::from_str(text).ok()?
        } else {
            toml::from_str(text).ok()?
        };
        let unknown = |field: String, value: &str, ids: Vec<&str>| {
            let ids = ids.join(", ");
            InputError::other(
                &field,
                value,
                InputErrorKind::Malformed,
                ["Voorinstellingsbestand", "Preset file"],
                [&format!("een van: {ids}"), &format!("one of: {ids}")],
            )
        };
        let mut errors = Vec::new();
        for (i, r) in file.programmes.iter().enumerate() {
            if !self.templates.iter().any(|t| t.id == r.template) {
                let ids = self.templates.iter().map(|t| t.id.as_str()).collect();
                errors.push(unknown(
                    format!("programmes[{i}].template"),
                    &r.template,
                    ids,
                ));
            }
        }
        for (i, id) in file.notes.iter().enumerate() {
            if !self.notes.iter().any(|n| &n.id == id) {
                let ids = self.notes.iter().map(|n| n.id.as_str()).collect();
                errors.push(unknown(format!("notes[{i}]"), id, ids));
            }
        }
        if !errors.is_empty() {
            return Some(Err(InputErrors(errors)));
        }
        let assembled = Catalogue::assemble(
            self.templates.clone(),
            self.notes.clone(),
            vec![("file", file)],
        );
        // Every template and note was found above, so assembling cannot fail.
        Some(Ok(assembled.ok()?.presets.pop()?.scenario))
    }

    /// A preset by id.
    pub fn preset(&self, id: &str) -> Option<&Preset> {
        self.presets.iter().find(|p| p.id == id)
    }

    /// A note by id.
    pub fn note(&self, id: &str) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    /// The preset ids, for error messages.
    pub fn preset_ids(&self) -> Vec<&str> {
        self.presets.iter().map(|p| p.id.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded JSON holds exactly what the TOML files say, every number to the bit; a
    /// broken file fails here with its TOML line and column.
    #[cfg(feature = "toml")]
    #[test]
    fn the_embedded_catalogue_is_the_toml_files() {
        fn read<T: DeserializeOwned>(file: &str, text: &str) -> T {
            toml::from_str(text).unwrap_or_else(|e| panic!("data/{file}: {e}"))
        }
        let templates: TemplateFile =
            read("programmes.toml", include_str!("../data/programmes.toml"));
        let notes: NoteFile = read("notes.toml", include_str!("../data/notes.toml"));
        let presets = [
            ("baseline", include_str!("../data/presets/baseline.toml")),
            (
                "corona-2021-no-programme",
                include_str!("../data/presets/corona-2021-no-programme.toml"),
            ),
            (
                "corona-2021",
                include_str!("../data/presets/corona-2021.toml"),
            ),
            (
                "frozen-budget-2025",
                include_str!("../data/presets/frozen-budget-2025.toml"),
            ),
            (
                "statushouders-2018",
                include_str!("../data/presets/statushouders-2018.toml"),
            ),
        ]
        .map(|(name, text)| (name, read(&format!("presets/{name}.toml"), text)));
        let names: Vec<&str> = presets.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, PRESET_FILES.map(|(name, _)| name));
        let from_toml =
            Catalogue::assemble(templates.template, notes.note, presets.into()).unwrap();
        assert_eq!(
            format!("{:?}", Catalogue::embedded().unwrap()),
            format!("{from_toml:?}")
        );
    }

    #[test]
    fn every_template_is_named_and_sourced_in_both_languages() {
        let c = Catalogue::embedded().unwrap();
        assert!(!c.templates.is_empty());
        for t in &c.templates {
            for (what, text) in [
                ("name_nl", &t.name_nl),
                ("name_en", &t.name_en),
                ("source", &t.source),
                ("source_nl", &t.source_nl),
            ] {
                assert!(!text.trim().is_empty(), "{} has no {what}", t.id);
            }
        }
    }

    // A tester read "€1,000,000 a year" in the frozen budget's note beside re-integration
    // budgets of €4,633,000 a year in the assumptions: the note names both, and its total is
    // the parameters' sum.
    #[test]
    fn the_frozen_budget_note_gives_the_re_integration_budgets_the_parameters_sum_to() {
        let table = crate::params::ParamTable::embedded().unwrap();
        let total: f64 = table
            .params
            .iter()
            .filter(|p| p.id.starts_with("reintegration_budget_eur."))
            .map(|p| p.default)
            .sum();
        assert_eq!(total, 4_633_000.0);
        let note = Catalogue::embedded()
            .unwrap()
            .note("frozen-budget-level")
            .unwrap()
            .clone();
        assert!(note.en.contains("€1,000,000 a year") && note.en.contains("€4,633,000 a year"));
        assert!(
            note.nl.contains("€ 1.000.000 per jaar") && note.nl.contains("€ 4.633.000 per jaar")
        );
    }

    #[test]
    fn the_frozen_budget_helps_each_year_as_many_as_a_million_pays_for() {
        let c = Catalogue::embedded().unwrap();
        let preset = c.preset("frozen-budget-2025").unwrap();
        let mut said = Vec::new();
        for p in &preset.scenario.programmes {
            let (n, cost) = (p.participants.unwrap(), p.cost_per_participant_eur.unwrap());
            // The most whole participants €1,000,000 pays for: one more would overspend it.
            assert!(n * cost <= 1_000_000.0, "{}: {n} × {cost}", p.id);
            assert!((n + 1.0) * cost > 1_000_000.0, "{}: {n} × {cost}", p.id);
            said.push(n.to_string());
        }
        let said = said.join(", ");
        assert!(preset.description_nl.contains(&said), "{said}");
        assert!(preset.description_en.contains(&said), "{said}");
    }

    #[test]
    fn every_preset_file_is_embedded() {
        let mut files: Vec<String> = std::fs::read_dir("data/presets")
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".toml"))
            .collect();
        files.sort();
        let mut embedded: Vec<String> = PRESET_FILES
            .iter()
            .map(|(name, _)| format!("{name}.toml"))
            .collect();
        embedded.sort();
        assert_eq!(files, embedded);
    }
}
