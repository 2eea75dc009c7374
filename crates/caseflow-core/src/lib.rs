//! The caseflow simulation core.
//!
//! A [`Scenario`] (the baseline assumptions plus named overrides and programmes) is checked
//! against the [`ParamTable`] and run by [`Model::run`]: a cohort model of the caseload of the
//! six municipalities of Maastricht-Heuvelland ([`model`]), run twice, with and without the
//! scenario's programmes, so that every saving is a counterfactual difference ([`results`]).
//!
//! The core does no I/O, reads no clock and has no global state: the parameter table and the
//! presets are data embedded at compile time and handed around as values. The same scenario
//! gives the same numbers natively and in WebAssembly.

pub mod allocate;
pub mod amount;
pub mod analysis;
pub mod backtest;
pub mod budget;
pub mod calibrate;
pub mod compare;
pub mod error;
mod file_error;
pub mod inputs;
pub mod lanes;
pub mod lang;
pub mod model;
pub mod money;
pub mod montecarlo;
pub mod params;
pub mod presets;
pub mod region;
pub mod results;
pub mod scenario;
#[cfg(feature = "ts")]
pub mod ts;

pub use error::{InputError, InputErrorKind, InputErrors};
pub use lang::Lang;
pub use params::{ParamSpec, ParamTable};
pub use presets::{Catalogue, Preset};
pub use results::Results;
/// The exact decimal every amount in euros is (the results' `_eur` fields).
pub use rust_decimal::Decimal;
pub use scenario::{Programme, Scenario, YearMonth};

/// The caseflow version, shown on the page and in every export.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The parameter table and presets of this build, loaded once and reused for every run.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Every parameter and programme field.
    pub table: ParamTable,
    /// Presets and programme templates.
    pub catalogue: Catalogue,
}

impl Model {
    /// Load the embedded data. Fails only if the build's own data files are broken (which the
    /// tests catch), never because of user input.
    pub fn new() -> Result<Model, String> {
        Ok(Model {
            table: ParamTable::embedded()?,
            catalogue: Catalogue::embedded()?,
        })
    }

    /// Run a scenario deterministically (expected values, no noise), with its counterfactual.
    /// Every problem with the scenario is reported at once; nothing panics.
    pub fn run(&self, scenario: &Scenario) -> Result<Results, InputErrors> {
        self.run_with_noise(scenario, None)
    }

    /// [`Model::run`] with process noise (one Monte Carlo run): the scenario and its
    /// counterfactual get the same draws.
    pub fn run_with_noise(
        &self,
        scenario: &Scenario,
        noise: Option<model::Noise<'_>>,
    ) -> Result<Results, InputErrors> {
        let (inputs, notes) = self.checked(scenario)?;
        let with =
            model::run_chain_with_noise(&inputs, true, noise.as_ref().map(|n| model::Noise(n.0)));
        let without =
            model::run_chain_with_noise(&inputs, false, noise.as_ref().map(|n| model::Noise(n.0)));
        Ok(results::assemble(
            scenario.complete(&self.table),
            notes,
            &inputs,
            &with,
            &without,
        ))
    }

    /// Check a scenario without running it: the same errors [`Model::run`] would give, in
    /// microseconds. The page checks each edit with it before it sends the run to its worker.
    pub fn check(&self, scenario: &Scenario) -> Result<(), InputErrors> {
        self.checked(scenario).map(|_| ())
    }

    /// The scenario's inputs and notes, or every problem with it.
    fn checked(
        &self,
        scenario: &Scenario,
    ) -> Result<(inputs::Inputs, Vec<presets::Note>), InputErrors> {
        let inputs = scenario.resolve(&self.table)?;
        let mut notes = Vec::with_capacity(scenario.notes.len());
        let mut unknown = Vec::new();
        for (i, id) in scenario.notes.iter().enumerate() {
            match self.catalogue.note(id) {
                Some(n) => notes.push(self.note_for(n, scenario)),
                None => unknown.push(InputError::other(
                    &format!("notes[{i}]"),
                    id,
                    InputErrorKind::UnknownField,
                    ["Notitie", "Note"],
                    [
                        &format!("een van {}", self.note_ids()),
                        &format!("one of {}", self.note_ids()),
                    ],
                )),
            }
        }
        if !unknown.is_empty() {
            return Err(InputErrors(unknown));
        }
        // A track whose participants leave the benefit while in it (`on_benefit = false`, a
        // scenario file's field: a paid placement, say) counts those months as saved, and its
        // wage or subsidy is no cost here: said beside the results, as a paper's claim is.
        let off: Vec<&str> = scenario
            .programmes
            .iter()
            .filter(|p| !p.on_benefit)
            .map(|p| {
                if p.name.is_empty() {
                    p.id.as_str()
                } else {
                    p.name.as_str()
                }
            })
            .collect();
        if !off.is_empty() {
            let off = off.join(", ");
            notes.push(presets::Note {
                id: "off-benefit".into(),
                source: "caseflow".into(),
                nl: format!("Deelnemers van {off} tellen tijdens het traject niet als uitkering (on_benefit = false): hun maanden in het traject tellen als bespaard, en een loon of subsidie voor hen zit niet in de kosten. Het bestand zakt bij hun start en stijgt weer als het traject eindigt."),
                en: format!("Participants of {off} do not count as benefits while in the programme (on_benefit = false): their months in it count as saved, and any wage or subsidy for them is not in the cost. The caseload drops when they start and rises again when the programme ends."),
                assumes: Vec::new(),
            });
        }
        Ok((inputs, notes))
    }

    /// A note as the scenario shows it: when the scenario sets a parameter whose default the
    /// note states, a sentence says so, so the note's figures are not read as the run's.
    fn note_for(&self, note: &presets::Note, scenario: &Scenario) -> presets::Note {
        let mut note = note.clone();
        let states = |id: &str| {
            note.assumes.iter().any(|a| {
                id.strip_prefix(a.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
            })
        };
        // Set to its default (typed back in), a value is no change.
        let changed = |(id, v): (&String, &f64)| {
            states(id) && self.table.param(id).is_none_or(|p| p.default != *v)
        };
        if scenario.set.iter().any(changed) {
            note.nl += " Dit scenario wijzigt een aanname waarvan deze notitie het bedrag noemt (zie Aannames): de bedragen in deze notitie gelden voor het uitgangspunt, niet voor deze berekening.";
            note.en += " This scenario changes an assumption whose amount this note states (see Assumptions): the amounts in this note are the starting point's, not this run's.";
        }
        note
    }

    fn note_ids(&self) -> String {
        let ids: Vec<&str> = self.catalogue.notes.iter().map(|n| n.id.as_str()).collect();
        ids.join(", ")
    }

    /// Read a scenario file's JSON text. A value the reader refuses in a field with a known
    /// range (a parameter, a programme's number, `months`) is reported with that range.
    pub fn scenario_from_json(&self, text: &str) -> Result<Scenario, InputErrors> {
        Scenario::from_json(text).map_err(|e| file_error::with_field_ranges(e, &self.table))
    }

    /// [`Model::scenario_from_json`] for a file in JSON or TOML ([`Scenario::parse`]), or in
    /// the form of the repository's preset files ([`Catalogue::scenario_from_preset_file`]).
    #[cfg(feature = "toml")]
    pub fn scenario_from_text(&self, text: &str) -> Result<Scenario, InputErrors> {
        Scenario::parse(text).or_else(|e| {
            self.catalogue
                .scenario_from_preset_file(text)
                .unwrap_or_else(|| Err(file_error::with_field_ranges(e, &self.table)))
        })
    }

    /// A preset's scenario by id.
    pub fn preset(&self, id: &str) -> Option<&Preset> {
        self.catalogue.preset(id)
    }
}
