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
//! - **Streams.** Run r draws from its own Xoshiro256++ stream seeded by (seed, r) through
//!   SplitMix64 (`rand_xoshiro`'s `seed_from_u64`): first the parameters, then the noise.
//!   Xoshiro256++ passes the usual statistical batteries and needs a handful of 64-bit
//!   operations a number; ChaCha8, which it replaced, was 8% of the Monte Carlo in wasm. Uniforms become normals by the inverse normal CDF (Acklam's
//!   rational approximation), with `libm` for the logarithm and square root, so a seed gives
//!   the same bits natively and in WebAssembly (no platform maths in any draw).
//! - **Speed.** Runs go through the kernel two at a time ([`crate::lanes`]: one vector of two
//!   f64s; four side by side were no faster, natively or in wasm, and 3 KB larger in the page), each with the
//!   bits it gets alone. The base scenario is resolved once; each run applies its draws to a copy of
//!   those inputs with [`Inputs::apply`] (the mapping resolve itself uses) and checks them with
//!   resolve's rules, and its numbers are read from the run's ledger (the tables with their
//!   money still in integer cents, [`crate::results`]) straight into columns in the order of
//!   the JSON walk (a test keeps the two in step), so no run builds a scenario, a JSON value,
//!   the full results or a decimal it does not summarise; the ledger's buffers are refilled
//!   run after run (`Ledger::fill`). A column is sorted once, as integers in `total_cmp`
//!   order, for its percentiles and for its mean, summed in that order.
//! - **Output** mirrors a deterministic run's JSON: in the region's summary, months and
//!   years, and in each municipality's summary, every number and money figure becomes
//!   `{mean, p5, p25, p50, p75, p95}` (money still as decimal strings) and `payback_month`
//!   becomes `{share_paying_back, p5, p50, p95}` over the runs that pay back. Percentiles
//!   interpolate linearly between order statistics.

use rand::{RngExt, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::{InputError, InputErrorKind, InputErrors};
use crate::inputs::Inputs;
use crate::model::{Chain, Noise, noise_len, run_chain_with_noise, run_chains_into};
use crate::money::Cents;
use crate::money::eur;
use crate::params::{Distribution, ParamSpec};
use crate::results::{Ledger, MonthMoney, MonthOut, Summary, YearMoney, YearOut};
use crate::scenario::check_consistency;
use crate::{Model, Scenario};

/// The largest number of runs accepted.
pub const MAX_RUNS: u32 = 100_000;
/// The number of runs when none is asked for.
pub const DEFAULT_RUNS: u32 = 1_000;
/// Runs that go through the kernel side by side (see [`crate::lanes`]).
const LANES: usize = 2;
/// Runs whose rows are gathered before they go into the columns.
const BLOCK: usize = 64;
/// Run draws are redone at most this often when a draw breaks a cross-field rule.
const MAX_REDRAWS: usize = 20;
/// z of the 95th percentile: low and high are read as the 5th and 95th percentiles.
const Z95: f64 = 1.644_853_626_951_472_2;

/// The probabilities users ask for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Probabilities {
    /// Share of runs in which the programmes pay back within 2 years; null when the horizon
    /// is shorter than that (a run cannot show what happens after it).
    pub payback_within_2_years: Option<f64>,
    /// Within 5 years (null when the horizon is shorter).
    pub payback_within_5_years: Option<f64>,
    /// Within 10 years (null when the horizon is shorter).
    pub payback_within_10_years: Option<f64>,
    /// Share of runs in which the region's caseload ends above its start.
    pub caseload_ends_above_start: f64,
    /// Share of runs with a positive net saving.
    pub net_saving_positive: f64,
}

/// The outcome of a Monte Carlo: percentiles in the shape of a deterministic run's JSON.
/// It reads back from its JSON too, so the page can hand a finished Monte Carlo to the
/// exports instead of running it again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MonteCarlo {
    /// The caseflow version.
    pub version: String,
    /// Number of runs.
    pub runs: u32,
    /// The seed: the same seed gives the same bytes.
    // A number in TypeScript: the wasm glue's JSON-compatible serializer writes a u64 up to
    // 2^53 - 1 as a JavaScript number (and refuses larger ones), never as a BigInt.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub seed: u64,
    /// How the runs were drawn.
    pub method: String,
    /// How the runs were drawn, in Dutch (empty when a Monte Carlo read back lacks it).
    #[serde(default)]
    pub method_nl: String,
    /// The scenario, every default written out.
    pub scenario: Scenario,
    /// The region's summary, each figure as percentiles.
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub summary: Value,
    /// The region's months, each figure as percentiles.
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub months: Value,
    /// The region's years, each figure as percentiles.
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub years: Value,
    /// Each municipality's summary as percentiles.
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub municipalities: Value,
    /// Probabilities over the runs.
    pub probabilities: Probabilities,
}

/// How the runs are drawn.
const METHOD: &str = "paired runs: per run one draw of every uncertain parameter (low-high as P5-P95, centred on the value in use) and normal-approximated Poisson noise per municipality, month and flow, shared by the scenario and its counterfactual; Xoshiro256++ per (seed, run); percentiles by linear interpolation";
/// [`METHOD`] in Dutch.
const METHOD_NL: &str = "gepaarde runs: per run één trekking van elke onzekere aanname (laag-hoog als P5-P95, gecentreerd op de waarde in gebruik) en Poisson-ruis, benaderd met een normale verdeling, per gemeente, maand en stroom, gelijk voor het scenario en zijn vergelijking zonder programma's; Xoshiro256++ per (seed, run); percentielen door lineaire interpolatie";

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
fn draw(spec: &ParamSpec, centre: f64, rng: &mut Xoshiro256PlusPlus) -> f64 {
    let u: f64 = rng.random();
    let value = match spec.distribution {
        Distribution::Fixed => return centre,
        Distribution::Normal => centre + inverse_normal(u) * (spec.high - spec.low) / (2.0 * Z95),
        // Its low is above 0 and the value in use never below (a test on the table says so).
        // A spread in proportion to 0 is 0: an effect set to 0 stays 0 in every run (drawn
        // around 0 and clamped at 0, it would only ever be positive).
        Distribution::Lognormal => {
            let sigma = libm::log(spec.high / spec.low) / (2.0 * Z95);
            centre * libm::exp(sigma * inverse_normal(u))
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

/// The parameter ids whose shares must add up to at most 100 (those of a split into three
/// or four parts); a draw that goes over is scaled back to 100.
const SHARE_GROUPS: [&[&str]; 3] = [
    &["inflow_share_near_pct", "inflow_share_mid_pct"],
    &["stock_share_near_pct", "stock_share_mid_pct"],
    &[
        "stock_share_0_11_pct",
        "stock_share_12_35_pct",
        "stock_share_36_59_pct",
    ],
];
/// The programme fields drawn per programme, in drawing order.
const PROGRAMME_DRAWS: [&str; 3] = ["effect_pct", "lock_in_pct", "half_life_months"];

/// Everything a run's draw needs, prepared once: the base scenario resolved, and its values.
pub(crate) struct Draws<'a> {
    model: &'a Model,
    /// The base scenario's inputs; each run changes a copy.
    pub(crate) base: Inputs,
    /// Every parameter's value in the base scenario, in table order.
    values: Vec<f64>,
    /// Table indices of the parameters that are drawn (not `fixed`).
    uncertain: Vec<usize>,
    /// Table indices of each group of [`SHARE_GROUPS`].
    shares: Vec<Vec<usize>>,
    /// Per programme: the spec and centre of each of [`PROGRAMME_DRAWS`] that the table has.
    programmes: Vec<Vec<(&'a ParamSpec, f64)>>,
}

impl<'a> Draws<'a> {
    pub(crate) fn new(model: &'a Model, base: &Scenario, inputs: Inputs) -> Draws<'a> {
        let table = &model.table;
        let index = |id: &str| table.params.iter().position(|p| p.id == id);
        Draws {
            model,
            base: inputs,
            values: table
                .params
                .iter()
                .map(|spec| base.set.get(&spec.id).copied().unwrap_or(spec.default))
                .collect(),
            uncertain: (0..table.params.len())
                .filter(|&i| table.params[i].distribution != Distribution::Fixed)
                .collect(),
            shares: SHARE_GROUPS
                .iter()
                .map(|ids| ids.iter().filter_map(|id| index(id)).collect())
                .collect(),
            programmes: base
                .programmes
                .iter()
                .map(|prog| {
                    PROGRAMME_DRAWS
                        .iter()
                        .filter_map(|&id| {
                            let spec = table.programme_field(id)?;
                            let given = prog.numeric_fields().into_iter().find(|(f, _)| *f == id);
                            Some((spec, given.and_then(|(_, v)| v).unwrap_or(spec.default)))
                        })
                        .collect()
                })
                .collect(),
        }
    }

    /// One run's inputs: the uncertain assumptions drawn around their values in use, in table
    /// order, then each programme's. Shares that add up to more than 100 are scaled back to
    /// 100. Every drawn value is applied to a copy of the base inputs by [`Inputs::apply`]
    /// and checked as [`Scenario::resolve`] checks it; the errors if any check fails.
    fn draw(
        &self,
        rng: &mut Xoshiro256PlusPlus,
        values: &mut Vec<f64>,
        inputs: &mut Inputs,
    ) -> Result<(), InputErrors> {
        let params = &self.model.table.params;
        values.clone_from(&self.values);
        for &i in &self.uncertain {
            values[i] = draw(&params[i], self.values[i], rng);
        }
        for group in &self.shares {
            let total: f64 = group.iter().map(|&i| values[i]).sum();
            if total > 100.0 {
                for &i in group {
                    values[i] *= 100.0 / total;
                }
            }
        }
        inputs.clone_from(&self.base);
        let mut errors = Vec::new();
        for &i in self.uncertain.iter().chain(self.shares.iter().flatten()) {
            let spec = &params[i];
            if !spec.allows(values[i]) {
                errors.extend(spec.check(&format!("set.{}", spec.id), values[i]).err());
            }
            inputs.apply(&spec.id, values[i]);
        }
        for (p, fields) in self.programmes.iter().enumerate() {
            for &(spec, centre) in fields {
                let value = draw(spec, centre, rng);
                if !spec.allows(value) {
                    let field = format!("programmes[{p}].{}", spec.id);
                    errors.extend(spec.check(&field, value).err());
                }
                inputs.programmes[p].apply(&spec.id, value);
            }
        }
        check_consistency(&self.model.table, values, &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(InputErrors(errors))
        }
    }

    /// Run `run` of a Monte Carlo from `seed`: its own random stream (so every run, and a
    /// scenario and its comparison partners, draw the same numbers for the same run), the
    /// assumptions drawn into `inputs` (drawn again, up to [`MAX_REDRAWS`] times, when a draw
    /// fails the checks) and the process noise into `noise`.
    pub(crate) fn draw_run(
        &self,
        seed: u64,
        run: u32,
        values: &mut Vec<f64>,
        inputs: &mut Inputs,
        noise: &mut [f64],
    ) -> Result<(), InputErrors> {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(
            seed ^ u64::from(run).wrapping_mul(0x9E37_79B9_7F4A_7C15),
        );
        let mut attempt = 0;
        loop {
            let drawn = self.draw(&mut rng, values, inputs);
            for z in noise.iter_mut() {
                *z = inverse_normal(rng.random());
            }
            match drawn {
                Ok(()) => return Ok(()),
                Err(e) if attempt + 1 >= MAX_REDRAWS => return Err(e),
                Err(_) => attempt += 1,
            }
        }
    }
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

/// `values` in the order of `f64::total_cmp`, sorted as unsigned integers with that order
/// (a faster sort than by `total_cmp`, with the same result: values equal under it have the
/// same bits). A column whose values are all the same (a year, a start stock) is not sorted.
fn sorted(values: impl Iterator<Item = f64>) -> Vec<f64> {
    const SIGN: u64 = 1 << 63;
    let mut keys: Vec<u64> = values
        .map(|v| {
            let bits = v.to_bits();
            if bits & SIGN != 0 { !bits } else { bits | SIGN }
        })
        .collect();
    if keys.windows(2).any(|w| w[0] != w[1]) {
        keys.sort_unstable();
    }
    keys.into_iter()
        .map(|k| f64::from_bits(if k & SIGN != 0 { k & !SIGN } else { !k }))
        .collect()
}

fn stats(kind: Leaf, values: &[f64]) -> Value {
    let runs = values.len();
    let present = sorted(values.iter().copied().filter(|v| !v.is_nan()));
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

/// Exact powers of ten, for [`money`].
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// An amount as the f64 its decimal text reads as (the correctly rounded value). When the
/// digits and the power of ten are both exact in f64, one IEEE division rounds correctly too.
fn money(d: Decimal) -> f64 {
    digits_over_power(d.mantissa(), d.scale()).unwrap_or_else(|| money_slow(d))
}

/// `mantissa / 10^scale` when both are exact in f64 (the mantissa through i64, whose
/// conversion is one instruction where i128's is a library call), else None.
#[inline]
fn digits_over_power(mantissa: i128, scale: u32) -> Option<f64> {
    let scale = scale as usize;
    (mantissa.unsigned_abs() <= 1 << 53 && scale < POW10.len())
        .then(|| mantissa as i64 as f64 / POW10[scale])
}

#[cold]
fn money_slow(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(f64::NAN)
}

/// The numeric leaves of a summary, in the order of its JSON object's keys (sorted), as
/// [`leaves`] visits them.
fn summary_leaves(s: &Summary, out: &mut Vec<f64>) {
    out.extend([
        s.benefit_months_avoided,
        s.benefits_end,
        s.benefits_end_without_programmes,
        s.benefits_start,
        money(s.budget_overallocation_eur),
        s.deadweight_exits,
        s.exits_to_work,
        s.exits_to_work_without_programmes,
        s.extra_exits_to_work,
        money(s.feedback_eur),
        money(s.gross_saving_eur),
        money(s.net_saving_eur),
        s.participant_exits_to_work,
        s.participants,
        s.payback_month.map_or(f64::NAN, f64::from),
        s.people_end,
        s.people_start,
        money(s.present_value_net_eur),
        money(s.programme_cost_eur),
        s.return_per_euro.map_or(f64::NAN, money),
        money(s.saving_after_feedback_eur),
    ]);
}

/// An amount kept in cents as [`money`] reads its decimal.
fn cents(c: Cents) -> f64 {
    let (mantissa, scale) = c.mantissa_scale();
    digits_over_power(mantissa, scale).unwrap_or_else(|| money_slow(c.to_decimal()))
}

/// The numeric leaves of a month, in key order (`month` is text; the money is in `c`).
fn month_leaves(m: &MonthOut, c: &MonthMoney, out: &mut Vec<f64>) {
    out.extend([
        cents(c.spending),
        m.benefits,
        m.benefits_without_programmes,
        m.exits_other,
        m.exits_to_work,
        m.exits_to_work_without_programmes,
        cents(c.saving),
        m.in_programme,
        m.inflow,
        m.people,
        m.people_without_programmes,
        cents(c.cost),
        m.programme_starts,
        m.reentries,
    ]);
}

/// The numeric leaves of a year, in key order (the money is in `c`).
fn year_leaves(y: &YearOut, c: &YearMoney, out: &mut Vec<f64>) {
    out.extend([
        cents(c.spending),
        cents(c.spending_without),
        y.benefits_end,
        y.benefits_end_without_programmes,
        cents(c.grant),
        cents(c.cost_share),
        y.exits_other,
        y.exits_to_work,
        y.exits_to_work_without_programmes,
        cents(c.feedback),
        cents(c.gross_saving),
        y.inflow,
        f64::from(y.months),
        cents(c.net_position),
        y.people_end,
        y.programme_starts,
        y.reentries,
        cents(c.reintegration_budget),
        cents(c.saving),
        cents(c.vangnet_change),
        cents(c.vangnet),
        f64::from(y.year),
    ]);
}

/// The numeric leaves of a run in the order [`leaves`] visits [`tracked`] (keys sorted:
/// months, municipalities, summary, years), read from its ledger without building the
/// tables' decimals or the JSON value, appended to `out`. Returns the region's summary.
fn tracked_leaves(l: &Ledger, out: &mut Vec<f64>) -> Summary {
    for (m, c) in l.region.months.iter().zip(&l.region.money) {
        month_leaves(m, c, out);
    }
    for m in 0..l.municipalities.len() {
        summary_leaves(&l.municipality_summary(m), out);
    }
    let summary = l.summary();
    summary_leaves(&summary, out);
    for (y, c) in l.region.years.iter().zip(&l.region.year_money) {
        year_leaves(y, c, out);
    }
    summary
}

/// Runs `from..to` of a Monte Carlo: each run's numbers in columns (one per figure of the
/// output, in the order of the JSON walk) and the counts behind the probabilities.
///
/// Run r draws from its own stream, so parts computed apart (the page runs them in several
/// workers) and merged with [`Model::monte_carlo_merge`] give the same bytes as one
/// [`Model::monte_carlo`]: a column's percentiles and mean are taken from its sorted values,
/// whatever order the runs came in.
#[derive(Debug, Clone, PartialEq)]
pub struct McPart {
    /// The first run.
    pub from: u32,
    /// One past the last run.
    pub to: u32,
    /// Runs that pay back within 2, 5 and 10 years, whose caseload ends above its start, and
    /// whose net saving is positive.
    counts: [u32; 5],
    /// `columns[c][r - from]`: figure c of run r.
    columns: Vec<Vec<f64>>,
}

/// Numbers before a part's columns in [`McPart::to_f64s`]: from, to, the five counts, the
/// number of columns.
const PART_HEADER: usize = 8;

impl McPart {
    /// The part as numbers (to cross between workers as one `Float64Array`): from, to, the
    /// counts, the number of columns, then each column. Every integer is below 2^53, so exact.
    pub fn to_f64s(&self) -> Vec<f64> {
        let n = (self.to - self.from) as usize;
        let mut out = Vec::with_capacity(PART_HEADER + self.columns.len() * n);
        out.extend([f64::from(self.from), f64::from(self.to)]);
        out.extend(self.counts.map(f64::from));
        out.push(self.columns.len() as f64);
        for c in &self.columns {
            out.extend_from_slice(c);
        }
        out
    }
}

/// A part read from numbers as [`McPart::to_f64s`] writes them, its columns as slices of them
/// (the merge copies each value once, into the merged column).
struct PartView<'a> {
    from: u32,
    to: u32,
    counts: [u32; 5],
    columns: Vec<&'a [f64]>,
}

impl PartView<'_> {
    /// Parts one after another, each with `width` columns; `None` if the numbers are not such
    /// parts. The numbers come from JavaScript: every length and count is checked before use.
    fn read(mut numbers: &[f64], width: usize) -> Option<Vec<PartView<'_>>> {
        let int =
            |x: f64| (x >= 0.0 && x <= f64::from(u32::MAX) && x.fract() == 0.0).then_some(x as u32);
        let mut parts = Vec::new();
        while !numbers.is_empty() {
            let head = numbers.get(..PART_HEADER)?;
            let (from, to) = (int(head[0])?, int(head[1])?);
            if int(head[7])? as usize != width {
                return None;
            }
            let n = to.checked_sub(from)?;
            let end = PART_HEADER.checked_add(width.checked_mul(n as usize)?)?;
            let body = numbers.get(PART_HEADER..end)?;
            let mut counts = [0; 5];
            for (c, x) in counts.iter_mut().zip(&head[2..7]) {
                *c = int(*x).filter(|&c| c <= n)?;
            }
            let columns = match n {
                0 => vec![&body[..0]; width],
                n => body.chunks(n as usize).collect(),
            };
            parts.push(PartView {
                from,
                to,
                counts,
                columns,
            });
            numbers = &numbers[end..];
        }
        Some(parts)
    }
}

/// That parts (from, to, columns), sorted by from, cover runs `0..runs` once each with
/// `width` columns.
fn check_parts(
    parts: impl Iterator<Item = (u32, u32, usize)>,
    runs: u32,
    width: usize,
    count: usize,
) -> Result<(), InputErrors> {
    let mut next = 0;
    for (from, to, columns) in parts {
        if from != next || columns != width {
            next = u32::MAX;
            break;
        }
        next = to;
    }
    if next == runs {
        return Ok(());
    }
    Err(InputError::other(
        "runs",
        &count.to_string(),
        InputErrorKind::Inconsistent,
        ["Delen van de Monte Carlo", "Parts of the Monte Carlo"],
        [
            &format!("delen van dit scenario die de runs 0..{runs} elk één keer dekken"),
            &format!("parts of this scenario covering runs 0..{runs} once each"),
        ],
    )
    .into())
}

/// The counts of parts that cover the runs once each (so their sum is at most the runs).
fn sum_counts(counts: impl Iterator<Item = [u32; 5]>) -> [u32; 5] {
    counts.fold([0; 5], |mut sum, c| {
        for (s, n) in sum.iter_mut().zip(c) {
            *s = s.saturating_add(n);
        }
        sum
    })
}

/// What every part and the merge of a Monte Carlo start from: the central run's scenario and
/// the shape of the output, with the kind of every leaf.
struct Frame {
    base: Scenario,
    template: Value,
    kinds: Vec<Leaf>,
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
        let part = self.monte_carlo_part(scenario, runs, seed, 0, runs, progress)?;
        // One part: its columns are the whole's, kept rather than copied.
        Ok(self.finish(
            self.frame(scenario, runs)?,
            runs,
            seed,
            part.counts,
            part.columns,
        ))
    }

    fn frame(&self, scenario: &Scenario, runs: u32) -> Result<Frame, InputErrors> {
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
        // The central scenario must be valid before any draw. Its results give the shape
        // of the output and the kind of every leaf.
        let central = self.run(scenario)?;
        let template = tracked(&central).map_err(|e| {
            InputErrors(vec![InputError::other(
                "runs",
                &e.to_string(),
                InputErrorKind::Malformed,
                ["", ""],
                ["", ""],
            )])
        })?;
        let mut kinds: Vec<Leaf> = Vec::new();
        leaves(&template, "", &mut |kind, _| kinds.push(kind));
        Ok(Frame {
            base: central.scenario,
            template,
            kinds,
        })
    }

    /// Runs `from..to` of [`Model::monte_carlo`]'s `runs` runs, for
    /// [`Model::monte_carlo_merge`]. `progress(done)` counts this part's runs.
    // Not inlined: the page's wasm calls it both from `monte_carlo` and on its own, and one
    // copy of the run loop is 13 KB.
    #[inline(never)]
    pub fn monte_carlo_part(
        &self,
        scenario: &Scenario,
        runs: u32,
        seed: u64,
        from: u32,
        to: u32,
        progress: &mut dyn FnMut(u32),
    ) -> Result<McPart, InputErrors> {
        let Frame { base, kinds, .. } = self.frame(scenario, runs)?;
        if from > to || to > runs {
            return Err(crate::compare::part_error(runs, &format!("{from}..{to}")));
        }
        let n_runs = to - from;
        // One column per leaf, each with room for every run (`vec![v; n]` would clone the
        // prototype without its capacity).
        let mut columns: Vec<Vec<f64>> = (0..kinds.len())
            .map(|_| Vec::with_capacity(n_runs as usize))
            .collect();
        let draws = Draws::new(self, &base, base.resolve(&self.table)?);
        // Rows wait in a block and go into the columns a block at a time: one row's values
        // land in as many columns, which from run to run is a cache miss per value.
        let mut block: Vec<f64> = Vec::with_capacity(BLOCK * kinds.len());
        let flush = |block: &mut Vec<f64>, columns: &mut Vec<Vec<f64>>| {
            let width = columns.len();
            for (c, col) in columns.iter_mut().enumerate() {
                col.extend(block.iter().skip(c).step_by(width));
            }
            block.clear();
        };
        let mut counts = [0u32; 5];
        // One ledger, refilled for every run: its tables are allocated once.
        let mut ledger = Ledger::default();
        let mut record = |inputs: &Inputs, with: &Chain, without: &Chain, run: u32| {
            ledger.fill(inputs, with, without);
            // The run's row goes straight onto the block.
            let s = &tracked_leaves(&ledger, &mut block);
            let pays = |months: u32| s.payback_month.is_some_and(|m| m <= months);
            counts[0] += u32::from(pays(24));
            counts[1] += u32::from(pays(60));
            counts[2] += u32::from(pays(120));
            counts[3] += u32::from(s.benefits_end > s.benefits_start);
            counts[4] += u32::from(s.net_saving_eur > Decimal::ZERO);
            let done = run + 1 - from;
            if block.len() == BLOCK * kinds.len() || done == n_runs {
                flush(&mut block, &mut columns);
            }
            if done % 50 == 0 {
                progress(done);
            }
        };
        // Runs go through the kernel [`LANES`] at a time (`model::run_chains_into`, into
        // chains kept from group to group), each lane with the bits it would have alone; the
        // last few one by one.
        let mut values = Vec::new();
        let mut with: [Chain; LANES] = Default::default();
        let mut without: [Chain; LANES] = Default::default();
        let mut inputs: [Inputs; LANES] = std::array::from_fn(|_| draws.base.clone());
        let mut noise: [Vec<f64>; LANES] =
            std::array::from_fn(|_| vec![0.0; noise_len(base.months)]);
        let mut run = from;
        while run < to {
            let n = (to - run).min(LANES as u32);
            for k in 0..n as usize {
                draws.draw_run(
                    seed,
                    run + k as u32,
                    &mut values,
                    &mut inputs[k],
                    &mut noise[k],
                )?;
            }
            if n as usize == LANES {
                let lanes: [&Inputs; LANES] = std::array::from_fn(|k| &inputs[k]);
                let z: [Noise<'_>; LANES] = std::array::from_fn(|k| Noise(&noise[k]));
                run_chains_into(lanes, true, Some(z), &mut with);
                run_chains_into(lanes, false, Some(z), &mut without);
                for k in 0..LANES {
                    record(&inputs[k], &with[k], &without[k], run + k as u32);
                }
            } else {
                for k in 0..n as usize {
                    let z = Some(Noise(&noise[k]));
                    let with = run_chain_with_noise(&inputs[k], true, z);
                    let without = run_chain_with_noise(&inputs[k], false, z);
                    record(&inputs[k], &with, &without, run + k as u32);
                }
            }
            run += n;
        }
        progress(n_runs);
        Ok(McPart {
            from,
            to,
            counts,
            columns,
        })
    }

    /// The Monte Carlo from its parts ([`Model::monte_carlo_part`] of the same scenario, runs
    /// and seed), which together must cover runs `0..runs` once each, in any order. Each
    /// part's column is freed as it is copied, so the parts and the whole are not all held at
    /// once.
    pub fn monte_carlo_merge(
        &self,
        scenario: &Scenario,
        runs: u32,
        seed: u64,
        mut parts: Vec<McPart>,
    ) -> Result<MonteCarlo, InputErrors> {
        let frame = self.frame(scenario, runs)?;
        self.merge(
            frame,
            runs,
            seed,
            &mut parts,
            |p| (p.from, p.to, p.columns.len(), p.counts),
            |p, c, column| column.extend(std::mem::take(&mut p.columns[c])),
        )
    }

    /// [`Model::monte_carlo_merge`] of parts as [`McPart::to_f64s`] writes them, one after
    /// another (as the page's workers hand them over), each value copied once. Numbers that
    /// are not such parts are refused, never trusted.
    pub fn monte_carlo_merge_f64s(
        &self,
        scenario: &Scenario,
        runs: u32,
        seed: u64,
        numbers: &[f64],
    ) -> Result<MonteCarlo, InputErrors> {
        let frame = self.frame(scenario, runs)?;
        // Numbers that are not parts of this width become no parts: refused by the merge.
        let mut parts = PartView::read(numbers, frame.kinds.len()).unwrap_or_default();
        self.merge(
            frame,
            runs,
            seed,
            &mut parts,
            |p| (p.from, p.to, p.columns.len(), p.counts),
            |p, c, column| column.extend_from_slice(p.columns[c]),
        )
    }

    /// The merge of parts of either kind: sorted by their first run, checked to cover the runs
    /// once each, their counts added, and each merged column filled by `take` from every part
    /// in turn. `head` gives a part's first run, end, number of columns and counts.
    fn merge<P>(
        &self,
        frame: Frame,
        runs: u32,
        seed: u64,
        parts: &mut [P],
        head: impl Fn(&P) -> (u32, u32, usize, [u32; 5]),
        mut take: impl FnMut(&mut P, usize, &mut Vec<f64>),
    ) -> Result<MonteCarlo, InputErrors> {
        let width = frame.kinds.len();
        parts.sort_by_key(|p| head(p).0);
        let spans = parts.iter().map(|p| {
            let (from, to, columns, _) = head(p);
            (from, to, columns)
        });
        check_parts(spans, runs, width, parts.len())?;
        let counts = sum_counts(parts.iter().map(|p| head(p).3));
        let columns = (0..width)
            .map(|c| {
                let mut column = Vec::with_capacity(runs as usize);
                for p in parts.iter_mut() {
                    take(p, c, &mut column);
                }
                column
            })
            .collect();
        Ok(self.finish(frame, runs, seed, counts, columns))
    }

    /// The output from every run's columns and the counts.
    fn finish(
        &self,
        frame: Frame,
        runs: u32,
        seed: u64,
        counts: [u32; 5],
        columns: Vec<Vec<f64>>,
    ) -> MonteCarlo {
        let Frame {
            base,
            template,
            kinds,
        } = frame;
        let horizon = base.months;
        let mut all = kinds.iter().zip(&columns).map(|(k, c)| stats(*k, c));
        let mut rebuilt = rebuild(&template, "", &mut all);
        let mut take = |key: &str| rebuilt.get_mut(key).map(Value::take).unwrap_or(Value::Null);
        let share = |n: u32| f64::from(n) / f64::from(runs);
        let [payback2, payback5, payback10, above, positive] = counts;
        MonteCarlo {
            version: crate::VERSION.to_owned(),
            runs,
            seed,
            method: METHOD.to_owned(),
            method_nl: METHOD_NL.to_owned(),
            scenario: base,
            summary: take("summary"),
            months: take("months"),
            years: take("years"),
            municipalities: take("municipalities"),
            probabilities: Probabilities {
                payback_within_2_years: (horizon >= 24).then(|| share(payback2)),
                payback_within_5_years: (horizon >= 60).then(|| share(payback5)),
                payback_within_10_years: (horizon >= 120).then(|| share(payback10)),
                caseload_ends_above_start: share(above),
                net_saving_positive: share(positive),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_effect_set_to_zero_is_zero_in_every_run() {
        let model = Model::new().unwrap();
        let mut s = model.preset("corona-2021").unwrap().scenario.clone();
        for p in &mut s.programmes {
            p.effect_pct = Some(0.0);
        }
        let inputs = s.resolve(&model.table).unwrap();
        let draws = Draws::new(&model, &s, inputs.clone());
        let (mut values, mut drawn) = (Vec::new(), inputs.clone());
        let mut noise = vec![0.0; noise_len(s.months)];
        for run in 0..1000 {
            draws
                .draw_run(7, run, &mut values, &mut drawn, &mut noise)
                .unwrap();
            assert!(
                drawn.programmes.iter().all(|p| p.effect == 0.0),
                "run {run}"
            );
        }
        // Without an effect a programme saves nothing in any run: lock-in (drawn 0-25%) only
        // keeps participants on benefit longer.
        let mc = model.monte_carlo(&s, 200, 7, &mut |_| {}).unwrap();
        let gross = &mc.summary["gross_saving_eur"];
        assert!(
            gross["p95"].as_str().unwrap().parse::<f64>().unwrap() <= 0.0,
            "{gross}"
        );
    }

    #[test]
    fn a_starting_caseload_is_drawn_in_proportion_to_its_value() {
        // Set to 10 (the seeds say 214, drawn within 188-243), Vaals is drawn within about
        // 13% of 10, not within ±28 households clamped at 0.
        let model = Model::new().unwrap();
        let mut s = Scenario::default();
        s.set.insert("start_stock.vaals".into(), 10.0);
        let inputs = s.resolve(&model.table).unwrap();
        let vaals = crate::region::MUNICIPALITIES
            .iter()
            .position(|m| m.id == "vaals")
            .unwrap();
        let draws = Draws::new(&model, &s, inputs.clone());
        let (mut values, mut drawn) = (Vec::new(), inputs.clone());
        let mut noise = vec![0.0; noise_len(s.months)];
        let stocks: Vec<f64> = (0..1000)
            .map(|run| {
                draws
                    .draw_run(7, run, &mut values, &mut drawn, &mut noise)
                    .unwrap();
                drawn.start_stock[vaals]
            })
            .collect();
        assert!(
            stocks.iter().all(|x| (7.0..=14.0).contains(x)),
            "{stocks:?}"
        );
        assert!(stocks.iter().any(|&x| x != 10.0));
    }

    #[test]
    fn the_inverse_normal_cdf_is_accurate() {
        assert!(inverse_normal(0.5).abs() < 1e-12);
        assert!((inverse_normal(0.95) - Z95).abs() < 1e-8);
        assert!((inverse_normal(0.025) + 1.959_963_984_540_054).abs() < 1e-8);
        assert!((inverse_normal(1e-10) + 6.361_340_902_404_056).abs() < 1e-6);
        assert!(inverse_normal(0.0).is_finite() && inverse_normal(1.0).is_finite());
    }

    #[test]
    fn the_leaves_are_read_in_the_order_of_the_json_walk() {
        let model = Model::new().unwrap();
        let mut scenario = model.preset("corona-2021").unwrap().scenario.clone();
        scenario.budget = Some(crate::scenario::Budget::default());
        let inputs = scenario.resolve(&model.table).unwrap();
        let noise: Vec<f64> = (0..noise_len(inputs.months))
            .map(|i| libm::sin(i as f64))
            .collect();
        let results = model
            .run_with_noise(&scenario, Some(Noise(&noise)))
            .unwrap();
        let mut walked = Vec::new();
        leaves(&tracked(&results).unwrap(), "", &mut |_, x| walked.push(x));
        let with = run_chain_with_noise(&inputs, true, Some(Noise(&noise)));
        let without = run_chain_with_noise(&inputs, false, Some(Noise(&noise)));
        let mut read = Vec::new();
        tracked_leaves(&crate::results::ledger(&inputs, &with, &without), &mut read);
        assert_eq!(walked.len(), read.len());
        for (i, (a, b)) in walked.iter().zip(&read).enumerate() {
            assert!(
                a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                "{i}: {a} {b}"
            );
        }
    }

    #[test]
    fn parts_merged_give_the_bytes_of_the_whole() {
        let model = Model::new().unwrap();
        let scenario = model.preset("corona-2021").unwrap().scenario.clone();
        let whole = model.monte_carlo(&scenario, 30, 7, &mut |_| {}).unwrap();
        // Uneven parts, one of a single run and one empty, as numbers (as they cross between
        // workers) and out of order.
        let mut numbers = Vec::new();
        let mut parts = Vec::new();
        for (from, to) in [(8, 30), (0, 7), (7, 8), (30, 30)] {
            let part = model
                .monte_carlo_part(&scenario, 30, 7, from, to, &mut |_| {})
                .unwrap();
            numbers.extend(part.to_f64s());
            parts.push(part);
        }
        let whole = serde_json::to_string(&whole).unwrap();
        let merged = model
            .monte_carlo_merge_f64s(&scenario, 30, 7, &numbers)
            .unwrap();
        assert_eq!(serde_json::to_string(&merged).unwrap(), whole);
        let merged = model.monte_carlo_merge(&scenario, 30, 7, parts).unwrap();
        assert_eq!(serde_json::to_string(&merged).unwrap(), whole);
    }

    #[test]
    fn parts_that_do_not_cover_the_runs_once_are_refused() {
        let model = Model::new().unwrap();
        let scenario = model.preset("baseline").unwrap().scenario.clone();
        let part = |from, to| {
            model
                .monte_carlo_part(&scenario, 10, 1, from, to, &mut |_| {})
                .unwrap()
        };
        for parts in [
            vec![part(0, 4)],
            vec![part(0, 4), part(3, 10)],
            vec![part(0, 4), part(0, 4), part(4, 10)],
            vec![],
        ] {
            let e = model
                .monte_carlo_merge(&scenario, 10, 1, parts)
                .unwrap_err();
            assert_eq!(e.0[0].kind, InputErrorKind::Inconsistent);
        }
        assert!(
            model
                .monte_carlo_part(&scenario, 10, 1, 4, 11, &mut |_| {})
                .is_err()
        );
        // Numbers that are not parts are refused, never trusted (they come from JavaScript).
        let good = part(0, 10).to_f64s();
        let width = good[7];
        let mut too_many = good.clone();
        too_many[2] = 11.0;
        let mut overflow = good.clone();
        overflow.extend(part(0, 0).to_f64s());
        overflow[2] = f64::from(u32::MAX);
        for numbers in [
            good[..good.len() - 1].to_vec(),
            vec![1.5; 8],
            vec![f64::NAN; 9],
            vec![5.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, width],
            // An empty part of a huge width: refused before anything is allocated for it.
            vec![0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, f64::from(u32::MAX)],
            vec![0.0, 10.0, 0.0, 0.0, 0.0, 0.0, 0.0, width + 1.0],
            // Counts above the part's runs (probabilities above 1, or an overflowing sum).
            too_many,
            overflow,
            vec![],
        ] {
            let e = model
                .monte_carlo_merge_f64s(&scenario, 10, 1, &numbers)
                .unwrap_err();
            assert_eq!(e.0[0].kind, InputErrorKind::Inconsistent);
        }
        let merged = model.monte_carlo_merge_f64s(&scenario, 10, 1, &good);
        assert!(merged.is_ok());
    }

    #[test]
    fn columns_sort_as_by_total_cmp() {
        let mut values = vec![
            3.0,
            -0.0,
            0.0,
            -1.5,
            1e300,
            -1e-300,
            2.5,
            2.5,
            f64::INFINITY,
            -7.0,
            0.0,
            5e-324,
        ];
        let fast = sorted(values.iter().copied());
        values.sort_by(f64::total_cmp);
        assert_eq!(
            fast.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            values.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
        );
        assert_eq!(sorted([1.0; 5].into_iter()), vec![1.0; 5]);
    }

    #[test]
    fn percentiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 0.5), 3.0);
        assert_eq!(percentile(&v, 0.25), 2.0);
        assert_eq!(percentile(&v, 0.05), 1.2);
    }
}
