//! Speed of one deterministic run (scenario + counterfactual), natively.
//!
//! `cargo bench -p caseflow-core` prints the time per run of the corona-2021 preset (three
//! tracks, 120 months, six municipalities): the kernel alone, and with the results assembled
//! (monthly and yearly tables, money in decimals), which is what the page and CLI pay.

use caseflow_core::{Model, model};

fn main() {
    divan::main();
}

fn corona() -> (Model, caseflow_core::Scenario) {
    let m = Model::new().unwrap();
    let s = m.preset("corona-2021").unwrap().scenario.clone();
    (m, s)
}

/// Both chains (with and without programmes), no result tables.
#[divan::bench]
fn kernel_two_chains(bencher: divan::Bencher) {
    let (m, s) = corona();
    let inputs = s.resolve(&m.table).unwrap();
    bencher.bench(|| {
        let a = model::run_chain(divan::black_box(&inputs), true);
        let b = model::run_chain(divan::black_box(&inputs), false);
        (a, b)
    });
}

/// A full deterministic run as the page and the CLI do it.
#[divan::bench]
fn full_run(bencher: divan::Bencher) {
    let (m, s) = corona();
    bencher.bench(|| m.run(divan::black_box(&s)).unwrap());
}

/// Loading the embedded parameter table and presets (once per page or CLI start).
#[divan::bench]
fn load_model() -> Model {
    Model::new().unwrap()
}
