//! WebAssembly bindings of the caseflow core, for the page.
//!
//! Glue only: one [`Caseflow`] handle holds the core's [`Model`] (parameter table and
//! presets); scenarios come in as JavaScript objects, read as `JSON.stringify`'s text by
//! serde_json, results go out as JSON text (money as decimal strings) for the page's
//! `JSON.parse`, and the parameter table, catalogue and error details as plain objects made by
//! `JSON.parse` here (one serializer and one deserializer per type, serde_json's, in the wasm). Every failure becomes a JavaScript `Error`
//! through one `into_error` helper. Also `fingerprint` (the core's) and `csv` from
//! caseflow-export; `xlsx` (returning a `Uint8Array`) only behind the `xlsx` feature, off in
//! the page's build for its size. For input errors the `Error` carries a
//! `detail` array with each problem's parts (`field`, `value`, `kind`, labels and allowed
//! ranges in Dutch and English), so the page words them in the user's language. Panics are
//! bugs: the panic hook logs them to the console.

use caseflow_core::montecarlo::MonteCarlo;
use caseflow_core::{InputErrors, Lang, Model, Scenario};
use caseflow_export::{Export, ExportError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Called once when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The caseflow version.
#[wasm_bindgen]
pub fn version() -> String {
    caseflow_core::VERSION.to_owned()
}

/// The core, loaded once.
#[wasm_bindgen]
pub struct Caseflow {
    model: Model,
}

#[wasm_bindgen]
impl Caseflow {
    /// Load the embedded parameter table and presets.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Caseflow, JsError> {
        Model::new()
            .map(|model| Caseflow { model })
            .map_err(|e| JsError::new(&e))
    }

    /// Every parameter and programme field with labels, units, default, ranges, evidence and
    /// source.
    pub fn parameters(&self) -> Result<JsValue, JsError> {
        to_js(&self.model.table)
    }

    /// The presets (each with its scenario), programme templates and notes.
    pub fn catalogue(&self) -> Result<JsValue, JsError> {
        to_js(&self.model.catalogue)
    }

    /// Run a scenario (a plain object, as in a JSON scenario file) with its counterfactual.
    /// The results come back as JSON text for `JSON.parse`: for tables this size that is
    /// several times faster than building the objects property by property across the
    /// boundary, and it gives the same numbers (both print the shortest round-trip form).
    ///
    /// With `detail` false the municipalities' monthly tables are left out (their summaries
    /// and years stay): four fifths of the text, which the page's live runs do not draw.
    pub fn run(&self, scenario: JsValue, detail: bool) -> Result<String, JsValue> {
        let mut results = self
            .model
            .run(&from_js::<Scenario>(scenario, "scenario")?)
            .map_err(into_error)?;
        if !detail {
            for m in &mut results.municipalities {
                m.months.clear();
            }
        }
        to_json(&results)
    }

    /// For the browser benchmark: the mean milliseconds of `iterations` deterministic runs
    /// inside wasm, results built but not handed to JavaScript (the figure `caseflow time`
    /// prints natively). Timed with `Date.now()` over many runs, as browser timers are coarse.
    #[wasm_bindgen(js_name = timeRuns)]
    pub fn time_runs(&self, scenario: JsValue, iterations: u32) -> Result<f64, JsValue> {
        let scenario = from_js::<Scenario>(scenario, "scenario")?;
        self.model.run(&scenario).map_err(into_error)?;
        let t0 = js_sys::Date::now();
        for _ in 0..iterations {
            std::hint::black_box(self.model.run(std::hint::black_box(&scenario)).ok());
        }
        Ok((js_sys::Date::now() - t0) / f64::from(iterations.max(1)))
    }

    /// Read a scenario file's JSON text (the CLI's `--scenario` schema; the page turns TOML
    /// into JSON first) and check it: the scenario as JSON text, or an `Error` whose `detail`
    /// names what is wrong (the field, and the line and column in the JSON).
    #[wasm_bindgen(js_name = readScenario)]
    pub fn read_scenario(&self, json: &str) -> Result<String, JsValue> {
        let scenario = self.model.scenario_from_json(json).map_err(into_error)?;
        self.model.check(&scenario).map_err(into_error)?;
        to_json(&scenario)
    }

    /// Check a scenario without running it: throws the errors `run` would throw.
    pub fn check(&self, scenario: JsValue) -> Result<(), JsValue> {
        self.model
            .check(&from_js::<Scenario>(scenario, "scenario")?)
            .map_err(into_error)
    }
}

#[wasm_bindgen]
impl Caseflow {
    /// Runs `from..to` of a paired Monte Carlo of `runs` runs from `seed` (the same seed gives
    /// the same numbers as `caseflow run --runs N --seed S`), as numbers for
    /// [`Caseflow::monte_carlo_merge`] (a `Float64Array`): the page splits a Monte Carlo over
    /// its workers. `progress` counts this part's runs.
    #[wasm_bindgen(js_name = monteCarloPart)]
    pub fn monte_carlo_part(
        &self,
        scenario: JsValue,
        runs: u32,
        seed: u64,
        from: u32,
        to: u32,
        progress: Option<js_sys::Function>,
    ) -> Result<Vec<f64>, JsValue> {
        let scenario = from_js::<Scenario>(scenario, "scenario")?;
        let mut report = reporter(progress);
        let part = self
            .model
            .monte_carlo_part(&scenario, runs, seed, from, to, &mut report)
            .map_err(into_error)?;
        Ok(part.to_f64s())
    }

    /// The Monte Carlo from its parts' numbers, one after another, as JSON text: the same
    /// numbers as `caseflow run --runs N --seed S --format json` gives for the scenario.
    #[wasm_bindgen(js_name = monteCarloMerge)]
    pub fn monte_carlo_merge(
        &self,
        scenario: JsValue,
        runs: u32,
        seed: u64,
        parts: &[f64],
    ) -> Result<String, JsValue> {
        let scenario = from_js::<Scenario>(scenario, "scenario")?;
        let mc = self
            .model
            .monte_carlo_merge_f64s(&scenario, runs, seed, parts)
            .map_err(into_error)?;
        to_json(&mc)
    }
}

/// The fingerprint and the exports. The workbook is behind feature `xlsx`, off in the page's
/// build: its writer adds about 1 MB of optimised wasm, more than the whole page may weigh
/// (ARCHITECTURE.md); the CLI writes workbooks.
#[wasm_bindgen]
impl Caseflow {
    /// The scenario's fingerprint: 10 hex digits, the same as `caseflow run` prints.
    pub fn fingerprint(&self, scenario: JsValue) -> Result<String, JsValue> {
        Ok(from_js::<Scenario>(scenario, "scenario")?.fingerprint(&self.model.table))
    }

    /// The scenario's results as CSV (`table`: `months`, `years` or `summary`), with the
    /// percentiles of `monteCarlo` (a result of `monteCarlo()` for the same scenario as JSON
    /// text, its fractions as exact bits: the page's `exactJson`; or null),
    /// headings and cite line in `lang` (`nl`/`en`) and `date` (`YYYY-MM-DD`) in the cite line.
    /// `labels:months` (`:years`, `:summary`) gives that table's column headings in `lang`
    /// instead, one a line (the workbook's heads; the CSV keeps its keys).
    pub fn csv(
        &self,
        scenario: JsValue,
        monte_carlo: JsValue,
        lang: &str,
        date: &str,
        table: &str,
    ) -> Result<String, JsValue> {
        self.export(scenario, monte_carlo, lang, date, |e| {
            Ok(match table {
                "years" => e.csv_years(),
                "summary" => e.csv_summary(),
                _ => match table.strip_prefix("labels:") {
                    Some(t) => e.csv_labels(t).join("\n"),
                    None => e.csv_months(),
                },
            })
        })
    }

    /// The scenario's results as an Excel workbook (the bytes of an `.xlsx` file).
    #[cfg(feature = "xlsx")]
    pub fn xlsx(
        &self,
        scenario: JsValue,
        monte_carlo: JsValue,
        lang: &str,
        date: &str,
    ) -> Result<Vec<u8>, JsValue> {
        self.export(scenario, monte_carlo, lang, date, |e| {
            e.xlsx()
                .map_err(|e| js_sys::Error::new(&e.to_string()).into())
        })
    }
}

impl Caseflow {
    /// Run the scenario and hand its export to `make`.
    fn export<T>(
        &self,
        scenario: JsValue,
        monte_carlo: JsValue,
        lang: &str,
        date: &str,
        make: impl FnOnce(&Export<'_>) -> Result<T, JsValue>,
    ) -> Result<T, JsValue> {
        let scenario = from_js::<Scenario>(scenario, "scenario")?;
        // The page's Monte Carlo as its JSON text, with the percentile tables' fractions as
        // exact bits (core.ts `exactJson`), so the export has the numbers the worker computed.
        let mc = match monte_carlo.as_string() {
            None => None,
            Some(text) => {
                let mut mc: MonteCarlo = serde_json::from_str(&text)
                    .map_err(|e| js_sys::Error::new(&format!("monteCarlo: {e}")))?;
                for table in [
                    &mut mc.summary,
                    &mut mc.months,
                    &mut mc.years,
                    &mut mc.municipalities,
                ] {
                    exact_numbers(table);
                }
                Some(mc)
            }
        };
        let lang: Lang = lang.parse().map_err(|e: String| js_sys::Error::new(&e))?;
        let results = self.model.run(&scenario).map_err(into_error)?;
        let export = Export::new(&results, mc.as_ref(), &self.model.table, lang, date).map_err(
            |e| match e {
                ExportError::Input(e) => into_error(e),
                ExportError::Xlsx(e) => js_sys::Error::new(&e).into(),
            },
        )?;
        make(&export)
    }
}

/// The analyses of the page's analyst views, each as JSON text (as `run`), the same as the
/// CLI's `--format json` for the same scenario and seed.
#[wasm_bindgen]
impl Caseflow {
    /// The tornado (`caseflow sensitivity`).
    pub fn sensitivity(&self, scenario: JsValue) -> Result<String, JsValue> {
        let result = self
            .model
            .sensitivity(&from_js::<Scenario>(scenario, "scenario")?);
        to_json(&result.map_err(into_error)?)
    }

    /// Where the net saving comes from (`caseflow breakdown`).
    pub fn breakdown(&self, scenario: JsValue) -> Result<String, JsValue> {
        let result = self
            .model
            .breakdown(&from_js::<Scenario>(scenario, "scenario")?);
        to_json(&result.map_err(into_error)?)
    }

    /// The best mix (`caseflow optimise --budget EUR --objective O [--horizon-months N]`),
    /// the budget and horizon as typed; `progress` gets the search's steps done.
    pub fn optimise(
        &self,
        scenario: JsValue,
        budget: &str,
        objective: &str,
        horizon: Option<String>,
        progress: Option<js_sys::Function>,
    ) -> Result<String, JsValue> {
        let scenario = from_js::<Scenario>(scenario, "scenario")?;
        let budget = caseflow_core::amount::parse_budget(budget);
        let objective = caseflow_core::analysis::Objective::parse(objective);
        let horizon = horizon
            .as_deref()
            .map(caseflow_core::amount::parse_horizon)
            .transpose();
        let (budget, objective, horizon) = match (budget, objective, horizon) {
            (Ok(b), Ok(o), Ok(h)) => (b, o, h),
            (b, o, h) => {
                let errors = b.err().into_iter().chain(o.err()).chain(h.err());
                return Err(into_error(InputErrors(errors.collect())));
            }
        };
        let mut report = reporter(progress);
        let result =
            self.model
                .optimise_with_progress(&scenario, budget, objective, horizon, &mut report);
        to_json(&result.map_err(into_error)?)
    }

    /// The backtest (`caseflow backtest --runs N --seed S`).
    pub fn backtest(&self, runs: u32, seed: u64) -> Result<String, JsValue> {
        let result = caseflow_core::backtest::backtest(&self.model, runs, seed);
        to_json(&result.map_err(into_error)?)
    }

    /// The calibration on a data file's text (`caseflow calibrate --data FILE`).
    pub fn calibrate(&self, csv: &str) -> Result<String, JsValue> {
        let result = caseflow_core::calibrate::from_csv(&self.model, csv.as_bytes());
        to_json(&result.map_err(into_error)?)
    }

    /// Runs `from..to` of scenarios compared over paired runs (`caseflow compare ... --runs N
    /// --seed S`), as numbers for [`Caseflow::compare_merge`] (a `Float64Array`): the page
    /// splits a comparison over its workers, or runs all of it as one part. `progress` counts
    /// this part's runs over all scenarios.
    #[wasm_bindgen(js_name = comparePart)]
    pub fn compare_part(
        &self,
        scenarios: Vec<JsValue>,
        runs: u32,
        seed: u64,
        from: u32,
        to: u32,
        progress: Option<js_sys::Function>,
    ) -> Result<Vec<f64>, JsValue> {
        let scenarios = scenarios_from_js(scenarios)?;
        let mut report = reporter(progress);
        let part = self
            .model
            .compare_part(&scenarios, runs, seed, from, to, &mut report)
            .map_err(into_error)?;
        Ok(part.to_f64s())
    }

    /// The comparison from its parts' numbers, one after another: the same JSON text as
    /// `caseflow compare --format json` gives.
    #[wasm_bindgen(js_name = compareMerge)]
    pub fn compare_merge(
        &self,
        scenarios: Vec<JsValue>,
        runs: u32,
        seed: u64,
        parts: &[f64],
    ) -> Result<String, JsValue> {
        let scenarios = scenarios_from_js(scenarios)?;
        let parts = caseflow_core::compare::ComparePart::from_f64s(parts)
            .ok_or_else(|| js_sys::Error::new("compareMerge: not a comparison's parts"))?;
        let result = self.model.compare_merge(&scenarios, runs, seed, &parts);
        to_json(&result.map_err(into_error)?)
    }

    /// A total split by the cost key (`caseflow allocate --total EUR --overhead-pct P`).
    pub fn allocate(&self, total: &str, overhead_pct: &str) -> Result<String, JsValue> {
        let result = caseflow_core::amount::split_by_key(&self.model.table, total, overhead_pct);
        to_json(&result.map_err(into_error)?)
    }
}

/// A progress callback from JavaScript as a Rust closure; a failing callback is ignored.
fn reporter(progress: Option<js_sys::Function>) -> impl FnMut(u32) {
    move |done: u32| {
        if let Some(f) = &progress {
            let _ = f.call1(&JsValue::NULL, &JsValue::from(done));
        }
    }
}

/// Scenarios from the page, each read as [`Caseflow::run`] reads one.
fn scenarios_from_js(scenarios: Vec<JsValue>) -> Result<Vec<Scenario>, JsValue> {
    scenarios
        .into_iter()
        .map(|s| from_js::<Scenario>(s, "scenario"))
        .collect()
}

/// Turn input errors into a JavaScript `Error` with the English message and a `detail` array
/// holding each error's parts.
fn into_error(e: InputErrors) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    if let Ok(detail) = to_js(&e) {
        // Setting a property on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str("detail"), &detail);
    }
    error.into()
}

/// An object from the page (`what`: its name in the message); a wrong shape becomes an
/// `Error` naming what is wrong. It crosses as JSON text (`JSON.stringify`, read by
/// serde_json), so each type has one deserialiser in the wasm, the one scenario files use too,
/// instead of a second one for JavaScript values (about 9 KB of the page's gzip budget).
fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    let text: String = js_sys::JSON::stringify(&value)
        .map_err(|_| js_sys::Error::new(&format!("{what}: not JSON")))?
        .into();
    serde_json::from_str(&text).map_err(|e| js_sys::Error::new(&format!("{what}: {e}")).into())
}

/// Numbers the page wrote as `#` and the 16 hex digits of their bits, back to numbers.
fn exact_numbers(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::String(s) if s.len() == 17 && s.starts_with('#') => {
            let n = u64::from_str_radix(&s[1..], 16)
                .ok()
                .and_then(|bits| serde_json::Number::from_f64(f64::from_bits(bits)));
            if let Some(n) = n {
                *v = Value::Number(n);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(exact_numbers),
        Value::Object(o) => o.values_mut().for_each(exact_numbers),
        _ => {}
    }
}

/// Results as JSON text (see [`Caseflow::run`]).
fn to_json<T: Serialize>(value: &T) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(|e| js_sys::Error::new(&e.to_string()).into())
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    // Plain objects, through JSON text and `JSON.parse`: the objects a JSON-compatible
    // serializer to JavaScript values would build, without a second serializer for every type.
    let text = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("JSON.parse failed on serde_json's JSON"))
}
