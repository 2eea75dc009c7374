//! A Monte Carlo or a comparison over the machine's cores, as the page splits one over its
//! workers. Run r draws
//! from its own stream, so parts computed on separate threads and merged give the same bytes as
//! one thread, for any number of threads. (`caseflow time` and `cargo bench` stay on one thread:
//! their figures are the single-thread targets.)

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use caseflow_core::compare::Comparison;
use caseflow_core::montecarlo::MonteCarlo;
use caseflow_core::{InputErrors, Model, Scenario};

/// A Monte Carlo of fewer runs stays on one thread: each part first runs the central scenario.
const SPLIT_FROM_RUNS: u32 = 200;

/// [`Model::monte_carlo`] on up to `threads` threads; `report(done)` is called from this thread
/// as the runs go.
pub(crate) fn monte_carlo(
    model: &Model,
    scenario: &Scenario,
    runs: u32,
    seed: u64,
    threads: u32,
    report: &mut dyn FnMut(u32),
) -> Result<MonteCarlo, InputErrors> {
    let parts = split(runs, threads, 1, report, &|from, to, progress| {
        model.monte_carlo_part(scenario, runs, seed, from, to, progress)
    })?;
    let mc = match parts {
        None => model.monte_carlo(scenario, runs, seed, report)?,
        Some(parts) => model.monte_carlo_merge(scenario, runs, seed, parts)?,
    };
    report(runs);
    Ok(mc)
}

/// [`Model::compare`] on up to `threads` threads, split by runs as the page splits it;
/// `report(done)` counts runs over all scenarios.
pub(crate) fn compare(
    model: &Model,
    scenarios: &[Scenario],
    runs: u32,
    seed: u64,
    threads: u32,
    report: &mut dyn FnMut(u32),
) -> Result<Comparison, InputErrors> {
    let per_run = scenarios.len().max(1) as u32;
    let parts = split(runs, threads, per_run, report, &|from, to, progress| {
        model.compare_part(scenarios, runs, seed, from, to, progress)
    })?;
    match parts {
        None => model.compare(scenarios, runs, seed, report),
        Some(parts) => {
            let c = model.compare_merge(scenarios, runs, seed, &parts)?;
            report(runs * per_run);
            Ok(c)
        }
    }
}

/// Runs `from..to` of a job, reporting its progress: what each thread computes.
type Part<'a, P> = dyn Fn(u32, u32, &mut dyn FnMut(u32)) -> Result<P, InputErrors> + Sync + 'a;

/// Runs `0..runs` computed in parts on up to `threads` threads, in run order; `None` when the
/// job is better done whole on this thread (one thread, or few runs). A part counts its
/// progress in runs × `per_run`, summed for `report`.
fn split<P: Send>(
    runs: u32,
    threads: u32,
    per_run: u32,
    report: &mut dyn FnMut(u32),
    part: &Part<'_, P>,
) -> Result<Option<Vec<P>>, InputErrors> {
    let threads = threads.min(runs / 4).max(1);
    if threads == 1 || runs < SPLIT_FROM_RUNS {
        return Ok(None);
    }
    // Cut at multiples of 4, so that each part fills the kernel's lanes (two runs side by side).
    let cut = |k: u32| match k {
        k if k == threads => runs,
        k => (u64::from(runs) * u64::from(k) / u64::from(threads) / 4 * 4) as u32,
    };
    let total = runs.saturating_mul(per_run);
    let done = AtomicU32::new(0);
    let parts: Result<Vec<P>, InputErrors> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|k| {
                let (from, to, done) = (cut(k), cut(k + 1), &done);
                s.spawn(move || {
                    let mut last = 0;
                    part(from, to, &mut |d| {
                        done.fetch_add(d - last, Ordering::Relaxed);
                        last = d;
                    })
                })
            })
            .collect();
        while !handles.iter().all(|h| h.is_finished()) {
            let d = done.load(Ordering::Relaxed);
            if d < total {
                report(d);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    parts.map(Some)
}
