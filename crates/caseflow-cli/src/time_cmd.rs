//! `caseflow time`: how long the core takes natively, for the browser benchmark
//! (`tests/browser/bench.mjs` sets these figures beside the same work in wasm) and for anyone
//! who wants the figure without `cargo bench`. The model is loaded once, outside the timing.

use std::io::Write;
use std::time::Instant;

use caseflow_core::{InputError, InputErrorKind, Model};

use crate::Failure;

#[derive(clap::Args)]
pub(crate) struct TimeArgs {
    /// The preset to time.
    #[arg(long, value_name = "ID", default_value = "corona-2021")]
    preset: String,
    /// Deterministic runs to average over (1 to 100000).
    #[arg(long, value_name = "N", default_value_t = 500)]
    iterations: u32,
    /// Monte Carlo runs, 2 to 100000 (0 to skip the Monte Carlo).
    #[arg(long, value_name = "R", default_value_t = 1000)]
    runs: u32,
}

/// Print `deterministic_native_ms: …` and, with `--runs`, `mc<R>_native_ms: …`.
pub(crate) fn run(model: &Model, args: &TimeArgs, out: &mut impl Write) -> Result<(), Failure> {
    let preset = model.preset(&args.preset).ok_or_else(|| {
        Failure::from(InputError::other(
            "preset",
            &args.preset,
            InputErrorKind::Malformed,
            ["Uitgangspunt", "Preset"],
            [
                "een preset uit `caseflow presets`",
                "a preset from `caseflow presets`",
            ],
        ))
    })?;
    if !(1..=100_000).contains(&args.iterations) {
        return Err(InputError::other(
            "iterations",
            &args.iterations.to_string(),
            InputErrorKind::OutOfRange,
            ["Herhalingen", "Iterations"],
            ["gehele getallen 1 tot 100000", "whole numbers 1 to 100000"],
        )
        .into());
    }
    // Checked before any timing, so a bad value costs nothing and prints no half result.
    if args.runs != 0 && !(2..=caseflow_core::montecarlo::MAX_RUNS).contains(&args.runs) {
        return Err(InputError::other(
            "runs",
            &args.runs.to_string(),
            InputErrorKind::OutOfRange,
            ["Aantal runs", "Number of runs"],
            [
                "0 (geen Monte Carlo) of 2 tot 100000",
                "0 (no Monte Carlo) or 2 to 100000",
            ],
        )
        .into());
    }
    let scenario = &preset.scenario;
    // One run first: a bad scenario fails here, and caches are warm for the timing.
    model.run(scenario)?;
    let t0 = Instant::now();
    for _ in 0..args.iterations {
        std::hint::black_box(model.run(std::hint::black_box(scenario))?);
    }
    let per_run = t0.elapsed().as_secs_f64() * 1000.0 / f64::from(args.iterations);
    writeln!(out, "deterministic_native_ms: {per_run:.4}")?;
    // What the page pays on top: the results as JSON text (the wasm API hands them over so).
    let results = model.run(scenario)?;
    let t0 = Instant::now();
    let mut bytes = 0;
    for _ in 0..args.iterations {
        bytes = std::hint::black_box(serde_json::to_string(&results))
            .map_err(|e| Failure::Other(e.to_string()))?
            .len();
    }
    let per_json = t0.elapsed().as_secs_f64() * 1000.0 / f64::from(args.iterations);
    writeln!(out, "results_json_native_ms: {per_json:.4}")?;
    writeln!(out, "results_json_bytes: {bytes}")?;
    if args.runs > 0 {
        let t0 = Instant::now();
        std::hint::black_box(model.monte_carlo(scenario, args.runs, 1, &mut |_| {})?);
        let ms = t0.elapsed().as_secs_f64() * 1000.0;
        writeln!(out, "mc{}_native_ms: {ms:.2}", args.runs)?;
    }
    Ok(())
}
