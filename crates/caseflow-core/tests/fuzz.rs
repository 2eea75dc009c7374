//! A seeded random-input driver for scenario files and parameter values: every input either
//! runs or is refused with an error that names a field, and nothing panics.
//!
//! `cargo test` runs a short pass (a few thousand inputs). `cargo xtask fuzz --minutes N` runs
//! the same driver for N minutes in release mode and prints how many inputs it tried
//! (`CASEFLOW_FUZZ_SECONDS` sets the duration, `CASEFLOW_FUZZ_SEED` the seed).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use caseflow_core::{Model, Scenario};
use rand::{RngExt, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// Values that have broken parsers and models elsewhere.
const NASTY: &[&str] = &[
    "NaN",
    "nan",
    "inf",
    "-inf",
    "1e308",
    "-1e308",
    "1e-320",
    "0",
    "-0",
    "-1",
    "2147483648",
    "4294967296",
    "18446744073709551616",
    "\"\"",
    "\"abc\"",
    "\"7\"",
    "true",
    "null",
    "[]",
    "{}",
    "[1,2]",
    "0.1e1",
    "1_000",
    "\"2021-13\"",
    "\"0000-01\"",
    "\"9999-99\"",
    "\"2021-1\"",
    "\"<script>alert(1)</script>\"",
];

fn long_string(rng: &mut Xoshiro256PlusPlus) -> String {
    let n = rng.random_range(100..5000);
    format!("\"{}\"", "é".repeat(n))
}

/// A valid scenario's JSON with one value, key or character changed.
fn mutate(base: &str, rng: &mut Xoshiro256PlusPlus) -> String {
    let mut s = base.to_owned();
    match rng.random_range(0..5) {
        0 => {
            // Replace a number or string value with a nasty one.
            let positions: Vec<usize> = s.match_indices(": ").map(|(i, _)| i + 2).collect();
            if let Some(&at) = positions.get(rng.random_range(0..positions.len().max(1))) {
                let end = s[at..]
                    .find([',', '\n', '}', ']'])
                    .map_or(s.len(), |e| at + e);
                let nasty = if rng.random_bool(0.1) {
                    long_string(rng)
                } else {
                    NASTY[rng.random_range(0..NASTY.len())].to_owned()
                };
                s.replace_range(at..end, &nasty);
            }
        }
        1 => {
            // Add an unknown key.
            s = s.replacen('{', "{\"colour\": 1, ", 1);
        }
        2 => {
            // Cut the text short.
            let cut = rng.random_range(0..s.len().max(1));
            s.truncate(
                s.char_indices()
                    .map(|(i, _)| i)
                    .take_while(|&i| i <= cut)
                    .last()
                    .unwrap_or(0),
            );
        }
        3 => {
            // Flip a byte (kept valid UTF-8 by replacing an ASCII character).
            let ascii: Vec<usize> = s
                .char_indices()
                .filter(|(_, c)| c.is_ascii())
                .map(|(i, _)| i)
                .collect();
            if let Some(&i) = ascii.get(rng.random_range(0..ascii.len().max(1))) {
                let c = char::from(rng.random_range(32u8..127));
                s.replace_range(i..i + 1, &c.to_string());
            }
        }
        _ => {
            // Override a parameter with an extreme value.
            let id = [
                "growth_pct",
                "months",
                "new_inflow_pct",
                "exit_0_11_pct",
                "buig_feedback_pct",
                "start_stock.vaals",
                "cost_key_pct.maastricht",
            ][rng.random_range(0..7)];
            let v = NASTY[rng.random_range(0..NASTY.len())];
            s = s.replacen("\"set\": {", &format!("\"set\": {{\"{id}\": {v}, "), 1);
        }
    }
    s
}

/// Try `count` inputs (or until `until`), returning how many were tried. Panics name the input.
fn drive(seed: u64, count: u64, until: Option<Instant>) -> u64 {
    let model = Model::new().unwrap();
    let bases: Vec<String> = model
        .catalogue
        .presets
        .iter()
        .map(|p| serde_json::to_string_pretty(&p.scenario.complete(&model.table)).unwrap())
        .collect();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut tried = 0;
    while tried < count && until.is_none_or(|u| Instant::now() < u) {
        let base = &bases[rng.random_range(0..bases.len())];
        let mut text = mutate(base, &mut rng);
        if rng.random_bool(0.3) {
            text = mutate(&text, &mut rng);
        }
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let parsed = if rng.random_bool(0.5) {
                Scenario::from_json(&text)
            } else {
                // The same scenario as TOML (when it parses as JSON), or the text as it is.
                let toml = Scenario::from_json(&text)
                    .map(|s| s.to_toml())
                    .unwrap_or_else(|_| text.clone());
                Scenario::from_toml(&toml)
            };
            match parsed {
                Err(e) => assert!(
                    e.0.iter().all(|x| !x.field.is_empty()),
                    "an error without a field"
                ),
                Ok(s) => {
                    // Keep runs short: the point is the checks, not the arithmetic.
                    let s = Scenario {
                        months: s.months.min(24),
                        ..s
                    };
                    if let Err(e) = model.run(&s) {
                        assert!(!e.0.is_empty());
                        for x in &e.0 {
                            assert!(
                                !x.field.is_empty()
                                    && !x.message(caseflow_core::Lang::Nl).is_empty()
                            );
                        }
                    }
                }
            }
        }));
        assert!(
            outcome.is_ok(),
            "panic on input #{tried} (seed {seed}):\n{text}"
        );
        tried += 1;
    }
    tried
}

#[test]
fn a_short_fuzz_of_scenario_files_never_panics() {
    assert_eq!(drive(2026, 3_000, None), 3_000);
}

#[test]
#[ignore = "long run: cargo xtask fuzz --minutes N"]
fn long_fuzz() {
    let seconds: u64 = std::env::var("CASEFLOW_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let seed: u64 = std::env::var("CASEFLOW_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let started = Instant::now();
    let tried = drive(seed, u64::MAX, Some(started + Duration::from_secs(seconds)));
    println!(
        "fuzz: {tried} inputs in {:.0} s, seed {seed}, 0 panics",
        started.elapsed().as_secs_f64()
    );
}
