//! Speed of the core, natively: runs, Monte Carlo, optimiser.
//!
//! `cargo bench -p caseflow-core` prints the time per run of the corona-2021 preset (three
//! tracks, 120 months, six municipalities): the kernel alone, and with the results assembled
//! (monthly and yearly tables, money in decimals), which is what the page and CLI pay; the
//! Monte Carlo and the optimiser. Cell-updates per second show the distance to the machine's
//! limit (a C kernel of this size did about 6·10⁸ a second, ../shared/STACK.md), and the
//! allocation profiler the memory each benchmark takes.
//!
//! Targets (the analysis issue): `full_run` under 0.2 ms, 1,000 Monte Carlo runs (ten times
//! `monte_carlo_100_runs`) under 100 ms on one thread, `optimise` under 1 s. The kernel is
//! about half of `full_run` and of each Monte Carlo run; the rest is the tables, whose money
//! is summed in integer cents and written out as decimals once (`money::Cents`).

use caseflow_core::{Model, model};

// Counts allocations and peak memory per benchmark (printed by divan beside the times).
#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    divan::main();
}

/// Cell-updates of one paired run of corona-2021: per municipality and month, the scenario
/// chain has 21 baseline cells, 4 leaver cells and 2 × 7 cells for each of its three
/// single-group tracks (67); the counterfactual 25. Six municipalities, 120 months.
const CORONA_CELL_UPDATES: u64 = (67 + 25) * 6 * 120;

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
    bencher
        .counter(divan::counter::ItemsCount::new(CORONA_CELL_UPDATES))
        .bench(|| {
            let a = model::run_chain(divan::black_box(&inputs), true);
            let b = model::run_chain(divan::black_box(&inputs), false);
            (a, b)
        });
}

/// Four runs' chains one run at a time, and side by side as the Monte Carlo runs them
/// (`model::run_chains`, the same bits): the difference is what the lanes buy.
#[divan::bench(args = [1, 2, 4])]
fn kernel_four_runs(bencher: divan::Bencher, side_by_side: usize) {
    let (m, s) = corona();
    let inputs = s.resolve(&m.table).unwrap();
    let noise: Vec<f64> = (0..model::noise_len(s.months))
        .map(|i| ((i * 7919) % 200) as f64 / 100.0 - 1.0)
        .collect();
    let z = model::Noise(&noise);
    bencher
        .counter(divan::counter::ItemsCount::new(4 * CORONA_CELL_UPDATES))
        .bench(|| {
            let lanes = [divan::black_box(&inputs); 4];
            if side_by_side == 2 {
                for _ in 0..2 {
                    let l2 = [divan::black_box(&inputs); 2];
                    let a = model::run_chains(l2, true, Some([z; 2]));
                    let b = model::run_chains(l2, false, Some([z; 2]));
                    drop((a, b));
                }
            } else if side_by_side == 4 {
                let a = model::run_chains(lanes, true, Some([z; 4]));
                let b = model::run_chains(lanes, false, Some([z; 4]));
                drop((a, b));
            } else {
                for inp in lanes {
                    let a = model::run_chain_with_noise(inp, true, Some(z));
                    let b = model::run_chain_with_noise(inp, false, Some(z));
                    drop((a, b));
                }
            }
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

/// 100 paired Monte Carlo runs of corona-2021 (the 1,000-run figure is ten times this).
#[divan::bench(sample_count = 10)]
fn monte_carlo_100_runs(bencher: divan::Bencher) {
    let (m, s) = corona();
    bencher.bench(|| {
        m.monte_carlo(divan::black_box(&s), 100, 7, &mut |_| {})
            .unwrap()
    });
}

/// One run with process noise (what each Monte Carlo run costs before summarising).
#[divan::bench]
fn noisy_run(bencher: divan::Bencher) {
    let (m, s) = corona();
    let noise = vec![0.1; model::noise_len(s.months)];
    bencher.bench(|| {
        m.run_with_noise(divan::black_box(&s), Some(model::Noise(&noise)))
            .unwrap()
    });
}

/// The best-mix search for the corona budget (deterministic runs).
#[divan::bench(sample_count = 10)]
fn optimise(bencher: divan::Bencher) {
    let (m, s) = corona();
    let budget = rust_decimal::Decimal::from(1_645_000);
    bencher.bench(|| {
        m.optimise(
            divan::black_box(&s),
            budget,
            caseflow_core::analysis::Objective::NetSaving,
            None,
        )
        .unwrap()
    });
}
