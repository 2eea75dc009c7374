//! Invariants over a matrix of scenarios, as SDEverywhere's checks do for En-ROADS: every
//! preset × a few dozen random valid variations of it (seeded), each run deterministically and
//! a few as a small Monte Carlo. Whatever the scenario:
//! households are conserved, no stock is negative, the saving is the counterfactual's spending
//! minus the scenario's, without programmes there is no saving, the cost split sums exactly,
//! and the Monte Carlo's bands are ordered (P5 ≤ P25 ≤ P50 ≤ P75 ≤ P95).

use caseflow_core::allocate;
use caseflow_core::scenario::Funding;
use caseflow_core::{Model, Scenario};
use rand::{RngExt, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use rust_decimal::Decimal;

/// Variations per preset.
const VARIATIONS: usize = 40;

/// A valid variation of `base`: a handful of uncertain parameters moved within their plausible
/// ranges, the growth shock and the programmes' sizes and effects changed.
fn vary(model: &Model, base: &Scenario, rng: &mut Xoshiro256PlusPlus) -> Scenario {
    let mut s = base.clone();
    for spec in &model.table.params {
        if spec.low < spec.high && rng.random_bool(0.3) {
            let v = spec.low + rng.random::<f64>() * (spec.high - spec.low);
            s.set
                .insert(spec.id.clone(), if spec.whole { v.round() } else { v });
        }
    }
    s.set
        .insert("growth_pct".into(), rng.random_range(-5.0..15.0));
    for p in &mut s.programmes {
        p.participants = Some(f64::from(rng.random_range(0..800u32)));
        p.effect_pct = Some(rng.random_range(0.0..150.0));
        p.lock_in_pct = Some(rng.random_range(0.0..50.0));
    }
    s
}

fn check(model: &Model, s: &Scenario, label: &str) {
    let r = model.run(s).unwrap_or_else(|e| panic!("{label}: {e}"));
    let mut previous = r.summary.benefits_start;
    for m in &r.months {
        assert!(
            m.benefits >= -1e-9 && m.benefits_without_programmes >= -1e-9,
            "{label}: negative stock in {}",
            m.month
        );
        if s.programmes.iter().all(|p| p.on_benefit) {
            let expected = previous + m.inflow + m.reentries - m.exits_to_work - m.exits_other;
            assert!(
                (m.benefits - expected).abs() <= 1e-6 * expected.max(1.0),
                "{label}: households not conserved in {}",
                m.month
            );
        }
        previous = m.benefits;
    }
    // Saving = counterfactual spending − scenario spending, month by month, exactly.
    for muni in &r.municipalities {
        for y in &muni.years {
            assert_eq!(
                y.gross_saving_eur,
                y.benefit_spending_without_programmes_eur - y.benefit_spending_eur,
                "{label}: {} {}",
                muni.name,
                y.year
            );
        }
    }
    // The cost split sums exactly; so do the municipalities' savings.
    let shares: Decimal = r
        .municipalities
        .iter()
        .map(|m| m.summary.programme_cost_eur)
        .sum();
    assert_eq!(shares, r.summary.programme_cost_eur, "{label}: cost split");
    // Each municipality pays the key's split of the whole cost, to the cent, as `caseflow
    // allocate` splits it (when all of it is split by the key).
    let inp = s.resolve(&model.table).unwrap();
    if inp
        .programmes
        .iter()
        .all(|p| p.funding == Funding::Reintegration)
    {
        let key = inp
            .cost_key_pct
            .map(|k| Decimal::from_f64_retain(k).unwrap().round_dp(4));
        let overhead = Decimal::from_f64_retain(inp.cost_split_overhead_pct)
            .unwrap()
            .round_dp(4);
        let split = allocate::split(
            r.summary.programme_cost_eur,
            &key,
            overhead,
            Decimal::new(1, 2),
        );
        for (m, row) in r.municipalities.iter().zip(&split.rows) {
            assert_eq!(
                m.summary.programme_cost_eur, row.total_eur,
                "{label}: {} pays its share of the whole",
                m.name
            );
            // Splitting the cumulative cost takes no cent back in a month at these costs (a
            // month of a few cents could: see `results::programme_costs`).
            assert!(
                m.months
                    .iter()
                    .all(|month| month.programme_cost_eur >= Decimal::ZERO),
                "{label}: {} has a month of negative cost",
                m.name
            );
        }
    }
    let savings: Decimal = r
        .municipalities
        .iter()
        .map(|m| m.summary.gross_saving_eur)
        .sum();
    assert_eq!(savings, r.summary.gross_saving_eur, "{label}: savings");
    // Without programmes, no saving at all.
    let mut none = s.clone();
    none.programmes.clear();
    let z = model.run(&none).unwrap();
    assert!(
        z.summary.gross_saving_eur.is_zero() && z.summary.programme_cost_eur.is_zero(),
        "{label}: saving without programmes"
    );
}

#[test]
fn every_preset_and_its_variations_keep_the_invariants() {
    let model = Model::new().unwrap();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(20_261_123);
    let mut checked = 0;
    for preset in &model.catalogue.presets {
        check(&model, &preset.scenario, &preset.id);
        for i in 0..VARIATIONS {
            let s = vary(&model, &preset.scenario, &mut rng);
            check(&model, &s, &format!("{} variation {i}", preset.id));
            checked += 1;
        }
    }
    assert_eq!(checked, VARIATIONS * model.catalogue.presets.len());
}

#[test]
fn monte_carlo_bands_are_ordered_for_every_preset() {
    let model = Model::new().unwrap();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
    for preset in &model.catalogue.presets {
        for s in [
            preset.scenario.clone(),
            vary(&model, &preset.scenario, &mut rng),
        ] {
            let mc = model.monte_carlo(&s, 20, 3, &mut |_| {}).unwrap();
            let ordered = |v: &serde_json::Value, what: &str| {
                let q: Vec<f64> = ["p5", "p25", "p50", "p75", "p95"]
                    .iter()
                    .filter_map(|k| match &v[*k] {
                        serde_json::Value::Number(n) => n.as_f64(),
                        serde_json::Value::String(s) => s.parse().ok(),
                        _ => None,
                    })
                    .collect();
                assert!(
                    q.windows(2).all(|w| w[0] <= w[1]),
                    "{}: {what} bands out of order: {q:?}",
                    preset.id
                );
            };
            for m in mc.months.as_array().unwrap() {
                ordered(&m["benefits"], "benefits");
                ordered(&m["gross_saving_eur"], "gross saving");
            }
            for key in ["benefits_end", "net_saving_eur", "exits_to_work"] {
                ordered(&mc.summary[key], key);
            }
        }
    }
}
