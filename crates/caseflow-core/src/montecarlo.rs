//! Monte Carlo: N runs, each with its own draw of the uncertain assumptions and its own
//! process noise, every run paired with its counterfactual.
//!
//! - **Parameters** are drawn once per run from the distribution in the parameter table
//!   (`normal`, `lognormal`, `uniform`, `triangular` between the plausible `low` and `high`,
//!   read as 5th and 95th percentiles), centred on the value the scenario uses, truncated to
//!   the allowed range. Programme effects, lock-in and half-lives are drawn per programme.
//!   Shares that would add up to more than 100% are scaled back to 100%.
//! - **Process noise** scales each municipality's flows each month (see
//!   [`crate::model::Noise`]); the scenario and its counterfactual get the same draws.
//! - **Streams.** Run r draws from its own ChaCha8 stream seeded by (seed, r): first the
//!   parameters, then the noise. Uniforms become normals by the inverse normal CDF (Acklam's
//!   rational approximation), with `libm` for the logarithm and square root, so a seed gives
//!   the same bits natively and in WebAssembly (no platform maths in any draw).
//! - **Output** mirrors a deterministic run's JSON: in the region's summary, months and
//!   years, and in each municipality's summary, every number and money figure becomes
//!   `{mean, p5, p25, p50, p75, p95}` (money still as decimal strings) and `payback_month`
//!   becomes `{share_paying_back, p5, p50, p95}` over the runs that pay back. Percentiles
//!   interpolate linearly between order statistics.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{InputError, InputErrorKind, InputErrors};
use crate::model::{Noise, noise_len};
use crate::money::eur;
use crate::params::{Distribution, ParamSpec};
use crate::{Model, Scenario};

/// The largest number of runs accepted.
pub const MAX_RUNS: u32 = 100_000;
/// The number of runs when none is asked for.
pub const DEFAULT_RUNS: u32 = 1_000;
/// Run draws are redone at most this often when a draw breaks a cross-field rule.
const MAX_REDRAWS: usize = 20;
/// z of the 95th percentile: low and high are read as the 5th and 95th percentiles.
const Z95: f64 = 1.644_853_626_951_472_2;

/// The probabilities users ask for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Probabilities {
    /// Share of runs in which the programmes pay back within 2 years.
    pub payback_within_2_years: f64,
    /// Within 5 years.
    pub payback_within_5_years: f64,
    /// Within 10 years.
    pub payback_within_10_years: f64,
    /// Share of runs in which the region's caseload ends above its start.
    pub caseload_ends_above_start: f64,
    /// Share of runs with a positive net saving.
    pub net_saving_positive: f64,
}

/// The outcome of a Monte Carlo: percentiles in the shape of a deterministic run's JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonteCarlo {
    /// The caseflow version.
    pub version: &'static str,
    /// Number of runs.
    pub runs: u32,
    /// The seed: the same seed gives the same bytes.
    pub seed: u64,
    /// How the runs were drawn.
    pub method: &'static str,
    /// The scenario, every default written out.
    pub scenario: Scenario,
    /// The region's summary, each figure as percentiles.
    pub summary: Value,
    /// The region's months, each figure as percentiles.
    pub months: Value,
    /// The region's years, each figure as percentiles.
    pub years: Value,
    /// Each municipality's summary as percentiles.
    pub municipalities: Value,
    /// Probabilities over the runs.
    pub probabilities: Probabilities,
}

const METHOD: &str = "paired runs: per run one draw of every uncertain parameter (low-high as P5-P95, centred on the value in use) and normal-approximated Poisson noise per municipality, month and flow, shared by the scenario and its counterfactual; ChaCha8 per (seed, run); percentiles by linear interpolation";

/// A uniform in [0, 1) → a standard normal, by Acklam's inverse normal CDF (relative error
/// below 1.2e-9), with `libm` so that every platform computes the same bits.
pub fn inverse_normal(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969683028665376e1,
        2.209460984245205e2,
        -2.759285104469687e2,
        1.38357751867269e2,
        -3.066479806614716e1,
        2.506628277459239,
    ];
    const B: [f64; 5] = [
        -5.447609879822406e1,
        1.615858368580409e2,
        -1.556989798598866e2,
        6.680131188771972e1,
        -1.328068155288572e1,
    ];
    const C: [f64; 6] = [
        -7.784894002430293e-3,
        -3.223964580411365e-1,
        -2.400758277161838,
        -2.549732539343734,
        4.374664141464968,
        2.938163982698783,
    ];
    const D: [f64; 4] = [
        7.784695709041462e-3,
        3.224671290700398e-1,
        2.445134137142996,
        3.754408661907416,
    ];
    const LOW: f64 = 0.02425;
    let p = p.clamp(1e-16, 1.0 - 1e-16);
    if p < LOW {
        let q = libm::sqrt(-2.0 * libm::log(p));
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else if p <= 1.0 - LOW {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        let q = libm::sqrt(-2.0 * libm::log(1.0 - p));
        -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    }
}

/// Draw a value for `spec` centred on `centre`.
fn draw(spec: &ParamSpec, centre: f64, rng: &mut ChaCha8Rng) -> f64 {
    let u: f64 = rng.random();
    let value = match spec.distribution {
        Distribution::Fixed => return centre,
        Distribution::Normal => centre + inverse_normal(u) * (spec.high - spec.low) / (2.0 * Z95),
        Distribution::Lognormal => {
            if spec.low <= 0.0 || centre <= 0.0 {
                centre + inverse_normal(u) * (spec.high - spec.low) / (2.0 * Z95)
            } else {
                let sigma = libm::log(spec.high / spec.low) / (2.0 * Z95);
                centre * libm::exp(sigma * inverse_normal(u))
            }
        }
        Distribution::Uniform => {
            let half = (spec.high - spec.low) / 2.0;
            centre - half + u * 2.0 * half
        }
        Distribution::Triangular => {
            let (a, c, b) = (spec.low.min(centre), centre, spec.high.max(centre));
            if b <= a {
                centre
            } else if u < (c - a) / (b - a) {
                a + libm::sqrt(u * (b - a) * (c - a))
            } else {
                b - libm::sqrt((1.0 - u) * (b - a) * (b - c))
            }
        }
    };
    let value = value.clamp(spec.min, spec.max);
    if spec.whole { value.round() } else { value }
}

/// Scale two shares down so they leave room for a third (they must add up to at most 100).
fn fit_shares(scenario: &mut Scenario, ids: &[&str]) {
    let total: f64 = ids.iter().filter_map(|id| scenario.set.get(*id)).sum();
    if total > 100.0 {
        for id in ids {
            if let Some(v) = scenario.set.get_mut(*id) {
                *v *= 100.0 / total;
            }
        }
    }
}

/// One run's scenario: the uncertain assumptions drawn around their values in use.
fn draw_scenario(model: &Model, base: &Scenario, rng: &mut ChaCha8Rng) -> Scenario {
    let mut s = base.clone();
    for spec in &model.table.params {
        if spec.distribution == Distribution::Fixed {
            continue;
        }
        let centre = base.set.get(&spec.id).copied().unwrap_or(spec.default);
        s.set.insert(spec.id.clone(), draw(spec, centre, rng));
    }
    fit_shares(&mut s, &["inflow_share_near_pct", "inflow_share_mid_pct"]);
    fit_shares(&mut s, &["stock_share_near_pct", "stock_share_mid_pct"]);
    fit_shares(
        &mut s,
        &[
            "stock_share_0_11_pct",
            "stock_share_12_35_pct",
            "stock_share_36_59_pct",
        ],
    );
    for prog in &mut s.programmes {
        for id in ["effect_pct", "lock_in_pct", "half_life_months"] {
            let Some(spec) = model.table.programme_field(id) else {
                continue;
            };
            let centre = prog
                .numeric_fields()
                .iter()
                .find(|(f, _)| *f == id)
                .and_then(|(_, v)| *v)
                .unwrap_or(spec.default);
            prog.set_numeric(id, draw(spec, centre, rng));
        }
    }
    s
}

/// Percentiles of a sample (linear interpolation between order statistics).
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let pos = p * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

#[derive(Clone, Copy, PartialEq)]
enum Leaf {
    Number,
    Money,
    Payback,
}

/// Walk a value in a fixed order, calling `visit` on every numeric leaf.
fn leaves(v: &Value, key: &str, visit: &mut dyn FnMut(Leaf, f64)) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                leaves(child, k, visit);
            }
        }
        Value::Array(items) => {
            for child in items {
                leaves(child, key, visit);
            }
        }
        Value::Number(n) if key == "payback_month" => {
            visit(Leaf::Payback, n.as_f64().unwrap_or(f64::NAN))
        }
        Value::Number(n) => visit(Leaf::Number, n.as_f64().unwrap_or(f64::NAN)),
        Value::Null if key == "payback_month" => visit(Leaf::Payback, f64::NAN),
        Value::Null if key == "return_per_euro" => visit(Leaf::Money, f64::NAN),
        Value::String(s) if key.ends_with("_eur") || key == "return_per_euro" => {
            visit(Leaf::Money, s.parse().unwrap_or(f64::NAN))
        }
        _ => {}
    }
}

/// Replace the numeric leaves of `template` with their statistics, in the same order.
fn rebuild(v: &Value, key: &str, stats: &mut impl Iterator<Item = Value>) -> Value {
    match v {
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, child) in map {
                out.insert(k.clone(), rebuild(child, k, stats));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(|c| rebuild(c, key, stats)).collect()),
        Value::Number(_) => stats.next().unwrap_or(Value::Null),
        Value::Null if key == "payback_month" || key == "return_per_euro" => {
            stats.next().unwrap_or(Value::Null)
        }
        Value::String(_) if key.ends_with("_eur") || key == "return_per_euro" => {
            stats.next().unwrap_or(Value::Null)
        }
        other => other.clone(),
    }
}

fn stats(kind: Leaf, values: &mut [f64]) -> Value {
    let runs = values.len();
    let mut present: Vec<f64> = values.iter().copied().filter(|v| !v.is_nan()).collect();
    present.sort_by(f64::total_cmp);
    let p = |q: f64| percentile(&present, q);
    let number = |x: f64| {
        if x.is_finite() {
            serde_json::json!(x)
        } else {
            Value::Null
        }
    };
    let money = |x: f64| {
        if x.is_finite() {
            Value::String(eur(x).to_string())
        } else {
            Value::Null
        }
    };
    match kind {
        Leaf::Payback => serde_json::json!({
            "share_paying_back": present.len() as f64 / runs.max(1) as f64,
            "p5": number(p(0.05).round()),
            "p50": number(p(0.5).round()),
            "p95": number(p(0.95).round()),
        }),
        Leaf::Number | Leaf::Money => {
            let f = if kind == Leaf::Money { money } else { number };
            let mean = if present.is_empty() {
                f64::NAN
            } else {
                present.iter().sum::<f64>() / present.len() as f64
            };
            serde_json::json!({
                "mean": f(mean),
                "p5": f(p(0.05)),
                "p25": f(p(0.25)),
                "p50": f(p(0.5)),
                "p75": f(p(0.75)),
                "p95": f(p(0.95)),
            })
        }
    }
}

/// The part of a run's results that the Monte Carlo summarises.
fn tracked(r: &crate::Results) -> Result<Value, serde_json::Error> {
    let municipalities: Vec<Value> = r
        .municipalities
        .iter()
        .map(|m| serde_json::json!({ "id": m.id, "name": m.name, "summary": m.summary }))
        .collect();
    Ok(serde_json::json!({
        "summary": serde_json::to_value(&r.summary)?,
        "months": serde_json::to_value(&r.months)?,
        "years": serde_json::to_value(&r.years)?,
        "municipalities": municipalities,
    }))
}

impl Model {
    /// Run `runs` paired Monte Carlo runs of `scenario` from `seed`. Calls `progress(done)`
    /// now and then, so a caller can show how far it is.
    pub fn monte_carlo(
        &self,
        scenario: &Scenario,
        runs: u32,
        seed: u64,
        progress: &mut dyn FnMut(u32),
    ) -> Result<MonteCarlo, InputErrors> {
        if !(2..=MAX_RUNS).contains(&runs) {
            return Err(InputError::other(
                "runs",
                &runs.to_string(),
                InputErrorKind::OutOfRange,
                ["Aantal runs", "Number of runs"],
                ["2 tot 100.000", "2 to 100,000"],
            )
            .into());
        }
        // The central scenario must be valid before any draw.
        let central = self.run(scenario)?;
        let base = central.scenario.clone();
        let mut template: Option<Value> = None;
        let mut kinds: Vec<Leaf> = Vec::new();
        let mut columns: Vec<Vec<f64>> = Vec::new();
        let (mut payback2, mut payback5, mut payback10, mut above, mut positive) =
            (0u32, 0u32, 0u32, 0u32, 0u32);
        let mut noise = vec![0.0; noise_len(base.months)];
        for run in 0..runs {
            let mut rng = ChaCha8Rng::seed_from_u64(
                seed ^ u64::from(run).wrapping_mul(0x9E37_79B9_7F4A_7C15),
            );
            let mut attempt = 0;
            let results = loop {
                let drawn = draw_scenario(self, &base, &mut rng);
                for z in noise.iter_mut() {
                    *z = inverse_normal(rng.random());
                }
                match self.run_with_noise(&drawn, Some(Noise(&noise))) {
                    Ok(r) => break r,
                    Err(e) if attempt + 1 >= MAX_REDRAWS => return Err(e),
                    Err(_) => attempt += 1,
                }
            };
            let s = &results.summary;
            let pays = |months: u32| s.payback_month.is_some_and(|m| m <= months);
            payback2 += u32::from(pays(24));
            payback5 += u32::from(pays(60));
            payback10 += u32::from(pays(120));
            above += u32::from(s.benefits_end > s.benefits_start);
            positive += u32::from(s.net_saving_eur > rust_decimal::Decimal::ZERO);
            let value = tracked(&results).map_err(|e| {
                InputErrors(vec![InputError::other(
                    "runs",
                    &e.to_string(),
                    InputErrorKind::Malformed,
                    ["", ""],
                    ["", ""],
                )])
            })?;
            let mut i = 0;
            leaves(&value, "", &mut |kind, x| {
                if template.is_none() {
                    kinds.push(kind);
                    columns.push(Vec::with_capacity(runs as usize));
                }
                if let Some(col) = columns.get_mut(i) {
                    col.push(x);
                }
                i += 1;
            });
            template.get_or_insert(value);
            if run % 50 == 49 {
                progress(run + 1);
            }
        }
        progress(runs);
        let template = template.unwrap_or(Value::Null);
        let mut all = kinds
            .iter()
            .zip(columns.iter_mut())
            .map(|(k, c)| stats(*k, c));
        let rebuilt = rebuild(&template, "", &mut all);
        let share = |n: u32| f64::from(n) / f64::from(runs);
        Ok(MonteCarlo {
            version: crate::VERSION,
            runs,
            seed,
            method: METHOD,
            scenario: base,
            summary: rebuilt["summary"].clone(),
            months: rebuilt["months"].clone(),
            years: rebuilt["years"].clone(),
            municipalities: rebuilt["municipalities"].clone(),
            probabilities: Probabilities {
                payback_within_2_years: share(payback2),
                payback_within_5_years: share(payback5),
                payback_within_10_years: share(payback10),
                caseload_ends_above_start: share(above),
                net_saving_positive: share(positive),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inverse_normal_cdf_is_accurate() {
        assert!(inverse_normal(0.5).abs() < 1e-12);
        assert!((inverse_normal(0.95) - Z95).abs() < 1e-8);
        assert!((inverse_normal(0.025) + 1.959_963_984_540_054).abs() < 1e-8);
        assert!((inverse_normal(1e-10) + 6.361_340_902_404_056).abs() < 1e-6);
        assert!(inverse_normal(0.0).is_finite() && inverse_normal(1.0).is_finite());
    }

    #[test]
    fn percentiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 0.5), 3.0);
        assert_eq!(percentile(&v, 0.25), 2.0);
        assert_eq!(percentile(&v, 0.05), 1.2);
    }
}
