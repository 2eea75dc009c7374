//! Paired comparison of scenarios: the chance that one saves more than another.
//!
//! Each scenario gets the Monte Carlo of [`Model::monte_carlo`] with the same seed: run r of
//! every scenario draws from the same Xoshiro256++ stream (seeded by the seed and r), so the
//! scenarios meet the same parameter draws (as z-scores around their own values in use) and,
//! when their programme lists are as long, the same process noise. The differences are taken
//! run by run: P(A saves more than B) is the share of runs in which A's net saving is larger,
//! and the difference's percentiles are those of the paired differences, far narrower than
//! the two bands side by side suggest. A scenario's own percentiles equal those of
//! `caseflow run --runs N --seed S` for it (a test keeps the two in step).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{InputError, InputErrorKind, InputErrors};
use crate::model::{Noise, noise_len, run_chains};
use crate::money::eur;
use crate::montecarlo::{Draws, MAX_RUNS};
use crate::results::ledger;
use crate::{Model, Scenario};

/// Runs that go through the kernel side by side.
const LANES: usize = 2;

/// The most scenarios compared at once.
pub const MAX_SCENARIOS: usize = 4;

/// How the comparison is computed.
const METHOD: &str = "paired Monte Carlo: run r of every scenario draws from the same Xoshiro256++ stream (seed, r), as `caseflow run --runs N --seed S` does, so the scenarios meet the same parameter draws (z-scores around each one's values in use) and, with equally many programmes, the same process noise; P(A saves more than B) is the share of runs with A's net saving above B's (runs where both are equal to the cent are counted apart, as ties); the difference's percentiles are over the paired differences (linear interpolation)";
/// [`METHOD`] in Dutch.
const METHOD_NL: &str = "gepaarde Monte Carlo: run r van elk scenario trekt uit dezelfde Xoshiro256++-reeks (seed, r), zoals `caseflow run --runs N --seed S` doet, dus de scenario's krijgen dezelfde trekkingen van de aannames (z-scores rond de eigen waarden in gebruik van elk scenario) en, bij evenveel programma's, dezelfde procesruis; P(A bespaart meer dan B) is het aandeel van de runs waarin de netto besparing van A hoger is dan die van B (runs waarin beide tot op de cent gelijk zijn tellen apart, als gelijkspel); de percentielen van het verschil gaan over de gepaarde verschillen (lineaire interpolatie)";

/// Percentiles of an amount over the runs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MoneyStats {
    /// The mean.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub mean: Decimal,
    /// 5th percentile.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub p5: Decimal,
    /// 25th percentile.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub p25: Decimal,
    /// The median.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub p50: Decimal,
    /// 75th percentile.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub p75: Decimal,
    /// 95th percentile.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub p95: Decimal,
}

/// One scenario of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Compared {
    /// The scenario's name.
    pub name: String,
    /// The deterministic run's net saving.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub net_saving_eur: Decimal,
    /// The net saving over the runs.
    pub net_saving_runs_eur: MoneyStats,
}

/// Two scenarios, run by run.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Pair {
    /// Index of A in the scenarios.
    pub a: usize,
    /// Index of B.
    pub b: usize,
    /// Share of runs in which A's net saving is larger than B's.
    pub p_a_saves_more: f64,
    /// Share of runs in which both save the same, to the cent (scenarios that differ only
    /// where no run reaches, or not at all).
    pub p_equal: f64,
    /// A's net saving minus B's, over the paired runs.
    pub difference_eur: MoneyStats,
}

/// The outcome of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Comparison {
    /// The caseflow version.
    pub version: &'static str,
    /// Runs per scenario.
    pub runs: u32,
    /// The seed, the same for every scenario.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub seed: u64,
    /// The scenarios, in the order given.
    pub scenarios: Vec<Compared>,
    /// Every pair (a before b).
    pub pairs: Vec<Pair>,
    /// How it was computed.
    pub method: &'static str,
    /// How it was computed, in Dutch.
    pub method_nl: &'static str,
}

/// Percentile of sorted values, interpolating linearly (as the Monte Carlo does).
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let pos = p * (sorted.len().max(1) - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

fn money_stats(values: &[f64]) -> MoneyStats {
    let mut sorted = values.to_vec();
    sorted.sort_unstable_by(f64::total_cmp);
    let p = |q| eur(percentile(&sorted, q));
    MoneyStats {
        mean: eur(sorted.iter().sum::<f64>() / sorted.len() as f64),
        p5: p(0.05),
        p25: p(0.25),
        p50: p(0.5),
        p75: p(0.75),
        p95: p(0.95),
    }
}

/// An amount as an f64 (exact for the sizes a run produces).
fn amount(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(f64::NAN)
}

/// Runs `from..to` of a comparison: each scenario's net saving in each of those runs, for
/// [`Model::compare_merge`]. The page splits a comparison over its workers this way; the
/// parts merged give the comparison [`Model::compare`] gives, to the bit (a test keeps them
/// so, and `compare` itself is one part merged).
#[derive(Debug, Clone, PartialEq)]
pub struct ComparePart {
    /// The first run.
    pub from: u32,
    /// The run after the last.
    pub to: u32,
    /// `nets[s][k]`: scenario s's net saving in run `from + k`.
    pub nets: Vec<Vec<Decimal>>,
}

impl ComparePart {
    /// The part as numbers, for a `Float64Array` between the page's workers: `from`, `to`,
    /// the number of scenarios, then per scenario and run the decimal's 16 bytes as four
    /// 32-bit words ([`Decimal::serialize`]), so it comes back exactly.
    pub fn to_f64s(&self) -> Vec<f64> {
        let mut out = vec![
            f64::from(self.from),
            f64::from(self.to),
            self.nets.len() as f64,
        ];
        for d in self.nets.iter().flatten() {
            let bytes = d.serialize();
            out.extend(
                bytes
                    .chunks_exact(4)
                    .map(|w| f64::from(u32::from_le_bytes([w[0], w[1], w[2], w[3]]))),
            );
        }
        out
    }

    /// Parts from their numbers one after another ([`ComparePart::to_f64s`]'s), or `None` if
    /// they are not such numbers.
    pub fn from_f64s(mut all: &[f64]) -> Option<Vec<ComparePart>> {
        let word = |x: f64| {
            (x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&x)).then_some(x as u32)
        };
        let mut parts = Vec::new();
        while let [from, to, n, rest @ ..] = all {
            let (from, to, n) = (word(*from)?, word(*to)?, word(*n)? as usize);
            let runs = to.checked_sub(from)?;
            if n > MAX_SCENARIOS || runs > MAX_RUNS {
                return None;
            }
            let runs = runs as usize;
            // At most 4 × 4 × 100,000 numbers: no overflow, even in 32-bit wasm; nothing is
            // allocated before the numbers are known to be there.
            let len = 4 * n * runs;
            let values = rest.get(..len)?;
            let mut nets: Vec<Vec<Decimal>> = (0..n).map(|_| Vec::with_capacity(runs)).collect();
            for (k, v) in values.chunks_exact(4).enumerate() {
                let mut bytes = [0u8; 16];
                for (i, x) in v.iter().enumerate() {
                    bytes[4 * i..4 * i + 4].copy_from_slice(&word(*x)?.to_le_bytes());
                }
                // The flags word: sign bit and scale (at most 28) only, as `serialize` writes it.
                if bytes[0] != 0 || bytes[1] != 0 || bytes[2] > 28 || bytes[3] & 0x7f != 0 {
                    return None;
                }
                nets[k / runs.max(1)].push(Decimal::deserialize(bytes));
            }
            parts.push(ComparePart { from, to, nets });
            all = &rest[len..];
        }
        all.is_empty().then_some(parts)
    }
}

impl Model {
    /// The net saving of each of the runs `from..to` of `scenario`'s Monte Carlo of `runs`
    /// from `seed`, drawn as [`Model::monte_carlo`] draws them; `progress` gets each run done.
    fn net_saving_runs(
        &self,
        scenario: &Scenario,
        seed: u64,
        runs: std::ops::Range<u32>,
        progress: &mut dyn FnMut(),
    ) -> Result<Vec<Decimal>, InputErrors> {
        let base = scenario.complete(&self.table);
        let draws = Draws::new(self, &base, base.resolve(&self.table)?);
        let mut values = Vec::new();
        // Runs side by side through the kernel ([`LANES`]), as the Monte Carlo runs them (each with
        // the bits it gets alone); a last group of fewer runs fills the lanes with copies
        // whose results are dropped.
        let mut inputs: [_; LANES] = std::array::from_fn(|_| draws.base.clone());
        let mut noise: [Vec<f64>; LANES] =
            std::array::from_fn(|_| vec![0.0; noise_len(base.months)]);
        let mut out = Vec::with_capacity(runs.len());
        for first in runs.clone().step_by(LANES) {
            let n = (runs.end - first).min(LANES as u32) as usize;
            for k in 0..n {
                let run = first + k as u32;
                draws.draw_run(seed, run, &mut values, &mut inputs[k], &mut noise[k])?;
            }
            for k in n..LANES {
                inputs[k] = inputs[0].clone();
                noise[k] = noise[0].clone();
            }
            let lanes: [_; LANES] = std::array::from_fn(|k| &inputs[k]);
            let z: [Noise<'_>; LANES] = std::array::from_fn(|k| Noise(&noise[k]));
            let with = run_chains(lanes, true, Some(z));
            let without = run_chains(lanes, false, Some(z));
            for k in 0..n {
                out.push(
                    ledger(&inputs[k], &with[k], &without[k])
                        .summary()
                        .net_saving_eur,
                );
                progress();
            }
        }
        Ok(out)
    }

    /// Every scenario valid, 2 to [`MAX_SCENARIOS`] of them, and 2 to [`MAX_RUNS`] runs;
    /// else every problem at once (a scenario's own problems before the counts').
    fn check_comparison(&self, scenarios: &[Scenario], runs: u32) -> Result<(), InputErrors> {
        let mut errors = Vec::new();
        if !(2..=MAX_SCENARIOS).contains(&scenarios.len()) {
            errors.push(InputError::other(
                "scenarios",
                &scenarios.len().to_string(),
                InputErrorKind::OutOfRange,
                ["Aantal scenario's", "Number of scenarios"],
                ["2 tot 4", "2 to 4"],
            ));
        }
        if !(2..=MAX_RUNS).contains(&runs) {
            errors.push(InputError::other(
                "runs",
                &runs.to_string(),
                InputErrorKind::OutOfRange,
                ["Aantal runs", "Number of runs"],
                ["2 tot 100.000", "2 to 100,000"],
            ));
        }
        if !errors.is_empty() {
            return Err(InputErrors(errors));
        }
        for s in scenarios {
            self.check(s)?;
        }
        Ok(())
    }

    /// The runs `from..to` of [`Model::compare`]'s comparison. `progress` gets the runs done
    /// in this part, over all scenarios.
    pub fn compare_part(
        &self,
        scenarios: &[Scenario],
        runs: u32,
        seed: u64,
        from: u32,
        to: u32,
        progress: &mut dyn FnMut(u32),
    ) -> Result<ComparePart, InputErrors> {
        self.check_comparison(scenarios, runs)?;
        if from > to || to > runs {
            return Err(part_error(runs, &format!("{from}..{to}")));
        }
        let mut done = 0u32;
        let mut nets = Vec::with_capacity(scenarios.len());
        for s in scenarios {
            nets.push(self.net_saving_runs(s, seed, from..to, &mut || {
                done += 1;
                if done % 50 == 0 {
                    progress(done);
                }
            })?);
        }
        progress(done);
        Ok(ComparePart { from, to, nets })
    }

    /// The comparison from its parts, which must cover the runs `0..runs` one after another,
    /// each with every scenario's net savings: the same as [`Model::compare`] gives.
    pub fn compare_merge(
        &self,
        scenarios: &[Scenario],
        runs: u32,
        seed: u64,
        parts: &[ComparePart],
    ) -> Result<Comparison, InputErrors> {
        self.check_comparison(scenarios, runs)?;
        let mut nets: Vec<Vec<Decimal>> = vec![Vec::with_capacity(runs as usize); scenarios.len()];
        let mut next = 0;
        for part in parts {
            let whole = part.nets.len() == scenarios.len()
                && part
                    .nets
                    .iter()
                    .all(|n| n.len() as u64 == u64::from(part.to) - u64::from(part.from));
            if part.from != next || part.to < part.from || part.to > runs || !whole {
                return Err(part_error(runs, &format!("{}..{}", part.from, part.to)));
            }
            for (all, some) in nets.iter_mut().zip(&part.nets) {
                all.extend_from_slice(some);
            }
            next = part.to;
        }
        if next != runs {
            return Err(part_error(runs, &format!("0..{next}")));
        }
        let mut sides = Vec::with_capacity(scenarios.len());
        for (s, net) in scenarios.iter().zip(&nets) {
            let as_f64: Vec<f64> = net.iter().map(|d| amount(*d)).collect();
            sides.push(Compared {
                name: s.name.clone(),
                net_saving_eur: self.run(s)?.summary.net_saving_eur,
                net_saving_runs_eur: money_stats(&as_f64),
            });
        }
        let mut pairs = Vec::new();
        for a in 0..nets.len() {
            for b in a + 1..nets.len() {
                let more = nets[a].iter().zip(&nets[b]).filter(|(x, y)| x > y).count();
                let equal = nets[a].iter().zip(&nets[b]).filter(|(x, y)| x == y).count();
                let diff: Vec<f64> = nets[a]
                    .iter()
                    .zip(&nets[b])
                    .map(|(x, y)| amount(*x - *y))
                    .collect();
                pairs.push(Pair {
                    a,
                    b,
                    p_a_saves_more: more as f64 / f64::from(runs),
                    p_equal: equal as f64 / f64::from(runs),
                    difference_eur: money_stats(&diff),
                });
            }
        }
        Ok(Comparison {
            version: crate::VERSION,
            runs,
            seed,
            scenarios: sides,
            pairs,
            method: METHOD,
            method_nl: METHOD_NL,
        })
    }

    /// Compare 2 to [`MAX_SCENARIOS`] scenarios over `runs` paired Monte Carlo runs from
    /// `seed`. `progress` gets the runs done, over all scenarios (`runs` × scenarios in all).
    pub fn compare(
        &self,
        scenarios: &[Scenario],
        runs: u32,
        seed: u64,
        progress: &mut dyn FnMut(u32),
    ) -> Result<Comparison, InputErrors> {
        let whole = self.compare_part(scenarios, runs, seed, 0, runs, progress)?;
        self.compare_merge(scenarios, runs, seed, &[whole])
    }
}

/// Parts that do not make up the runs `0..runs`, of a comparison or a Monte Carlo (the page's
/// bug, never the user's input).
pub(crate) fn part_error(runs: u32, value: &str) -> InputErrors {
    InputError::other(
        "runs",
        value,
        InputErrorKind::OutOfRange,
        ["Deel van de runs", "Part of the runs"],
        [&format!("binnen 0..{runs}"), &format!("within 0..{runs}")],
    )
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preset(m: &Model, id: &str) -> Scenario {
        m.preset(id).unwrap().scenario.clone()
    }

    #[test]
    fn the_comparison_and_the_monte_carlo_say_how_they_work_in_dutch_too() {
        let m = Model::new().unwrap();
        let mut a = preset(&m, "corona-2021");
        a.months = 12;
        let c = m
            .compare(&[a.clone(), a.clone()], 4, 1, &mut |_| {})
            .unwrap();
        crate::lang::bilingual::assert_translated(c.method, c.method_nl);
        let mc = m.monte_carlo(&a, 4, 1, &mut |_| {}).unwrap();
        crate::lang::bilingual::assert_translated(&mc.method, &mc.method_nl);
    }

    #[test]
    fn each_scenario_gets_the_percentiles_of_its_own_monte_carlo() {
        let m = Model::new().unwrap();
        let (a, b) = (preset(&m, "corona-2021"), preset(&m, "frozen-budget-2025"));
        let c = m
            .compare(&[a.clone(), b.clone()], 60, 7, &mut |_| {})
            .unwrap();
        for (s, side) in [a, b].iter().zip(&c.scenarios) {
            let mc = m.monte_carlo(s, 60, 7, &mut |_| {}).unwrap();
            let q = &mc.summary["net_saving_eur"];
            for (key, v) in [
                ("mean", side.net_saving_runs_eur.mean),
                ("p5", side.net_saving_runs_eur.p5),
                ("p50", side.net_saving_runs_eur.p50),
                ("p95", side.net_saving_runs_eur.p95),
            ] {
                assert_eq!(q[key].as_str().unwrap(), v.to_string(), "{}: {key}", s.name);
            }
            assert_eq!(
                side.net_saving_eur,
                m.run(s).unwrap().summary.net_saving_eur
            );
        }
    }

    #[test]
    fn a_scenario_against_itself_never_saves_more_and_the_difference_is_zero() {
        let m = Model::new().unwrap();
        let a = preset(&m, "corona-2021");
        let c = m.compare(&[a.clone(), a], 40, 1, &mut |_| {}).unwrap();
        assert_eq!(c.pairs.len(), 1);
        assert_eq!(c.pairs[0].p_a_saves_more, 0.0);
        assert_eq!(c.pairs[0].p_equal, 1.0, "every run a tie");
        assert_eq!(c.pairs[0].difference_eur.p5, Decimal::ZERO);
        assert_eq!(c.pairs[0].difference_eur.p95, Decimal::ZERO);
    }

    #[test]
    fn programmes_against_none_and_the_chances_of_a_pair_add_up() {
        let m = Model::new().unwrap();
        let with = preset(&m, "corona-2021");
        let without = preset(&m, "corona-2021-no-programme");
        let c = m
            .compare(&[with.clone(), without.clone()], 100, 3, &mut |_| {})
            .unwrap();
        let back = m.compare(&[without, with], 100, 3, &mut |_| {}).unwrap();
        let (p, q) = (c.pairs[0].p_a_saves_more, back.pairs[0].p_a_saves_more);
        // Without programmes the net saving is exactly 0 in every run: no ties unless A's is 0.
        assert!((p + q - 1.0).abs() < 1e-12, "{p} + {q}");
        assert_eq!((c.pairs[0].p_equal, back.pairs[0].p_equal), (0.0, 0.0));
        assert_eq!(
            c.pairs[0].difference_eur.p50,
            c.scenarios[0].net_saving_runs_eur.p50
        );
    }

    #[test]
    fn parts_merged_give_the_whole_comparison_and_gaps_are_refused() {
        let m = Model::new().unwrap();
        let mut a = preset(&m, "corona-2021");
        a.months = 24;
        let b = preset(&m, "corona-2021-no-programme");
        let s = [a, b];
        let whole = m.compare(&s, 23, 5, &mut |_| {}).unwrap();
        // Cuts off the kernel's groups of two, and an empty part.
        let mut done = 0;
        let parts: Vec<ComparePart> = [(0, 7), (7, 7), (7, 18), (18, 23)]
            .iter()
            .map(|&(from, to)| {
                m.compare_part(&s, 23, 5, from, to, &mut |d| done = d)
                    .unwrap()
            })
            .collect();
        assert_eq!(done, 2 * 5, "the last part's runs over both scenarios");
        // As numbers, as the page's workers hand them over, one after another.
        let numbers: Vec<f64> = parts.iter().flat_map(ComparePart::to_f64s).collect();
        let back = ComparePart::from_f64s(&numbers).unwrap();
        assert_eq!(back, parts);
        assert_eq!(m.compare_merge(&s, 23, 5, &back).unwrap(), whole);
        assert!(ComparePart::from_f64s(&numbers[..numbers.len() - 1]).is_none());
        // Hostile counts are refused before anything is allocated for them.
        for bad in [
            [0.0, 4_294_967_295.0, 0.0],
            [0.0, 268_435_456.0, 4.0],
            [5.0, 1.0, 1.0],
        ] {
            assert!(ComparePart::from_f64s(&bad).is_none(), "{bad:?}");
        }
        // Negative and large decimals come back exactly too.
        let odd = ComparePart {
            from: 0,
            to: 2,
            nets: vec![vec![Decimal::new(-123_456_789_012, 2), Decimal::MAX]],
        };
        assert_eq!(ComparePart::from_f64s(&odd.to_f64s()).unwrap(), [odd]);
        for broken in [
            &back[..3],
            &back[1..],
            &[back[0].clone(), back[0].clone()][..],
        ] {
            let e = m.compare_merge(&s, 23, 5, broken).unwrap_err();
            assert_eq!(e.0[0].field, "runs");
        }
        let mut short = back.clone();
        short[2].nets[1].pop();
        assert!(m.compare_merge(&s, 23, 5, &short).is_err());
        assert!(m.compare_part(&s, 23, 5, 20, 24, &mut |_| {}).is_err());
    }

    #[test]
    fn too_few_scenarios_or_runs_are_refused_together() {
        let m = Model::new().unwrap();
        let e = m
            .compare(&[Scenario::default()], 1, 1, &mut |_| {})
            .unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|x| x.field.as_str()).collect();
        assert_eq!(fields, ["scenarios", "runs"]);
    }
}
