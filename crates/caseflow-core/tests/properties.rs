//! Properties of the model that must hold for any valid scenario: households are conserved,
//! no stock goes negative, no programme means no saving, a larger effect never saves less, and
//! a programme without lock-in never lowers exits to work (with lock-in it may, for a while).

use caseflow_core::scenario::{EffectFrom, Target};
use caseflow_core::{Model, Programme, Scenario};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn programme(effect_pct: f64, lock_in_pct: f64, participants: f64, target: Target) -> Programme {
    Programme {
        id: "p".into(),
        name: String::new(),
        start: None,
        target,
        effect_from: EffectFrom::Start,
        on_benefit: true,
        participants: Some(participants),
        cost_per_participant_eur: Some(3000.0),
        intake_months: Some(12.0),
        duration_months: Some(9.0),
        lock_in_pct: Some(lock_in_pct),
        effect_pct: Some(effect_pct),
        half_life_months: None,
        capacity: None,
        target_min_months: None,
        target_max_months: None,
    }
}

prop_compose! {
    fn scenarios()(
        growth in -20.0..20.0f64,
        new_inflow in 0.0..3.0f64,
        exit0 in 0.0..50.0f64,
        exit60 in 0.0..5.0f64,
        reentry in 0.0..100.0f64,
        work_near in 0.0..10.0f64,
        months in 1u32..=180,
        effect in 0.0..500.0f64,
        lock in 0.0..90.0f64,
        participants in 0.0..5000.0f64,
        target in prop::sample::select(vec![Target::Near, Target::Mid, Target::Far, Target::Any]),
    ) -> Scenario {
        let mut s = Scenario { months, ..Scenario::default() };
        s.set.insert("growth_pct".into(), growth);
        s.set.insert("new_inflow_pct".into(), new_inflow);
        s.set.insert("exit_0_11_pct".into(), exit0);
        s.set.insert("exit_60_plus_pct".into(), exit60);
        s.set.insert("reentry_other_pct".into(), reentry);
        s.set.insert("work_factor_near".into(), work_near);
        s.programmes.push(programme(effect, lock, participants, target));
        s
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn stocks_stay_non_negative_and_households_are_conserved(s in scenarios()) {
        let r = Model::new().unwrap().run(&s).unwrap();
        let mut prev = r.summary.benefits_start;
        for month in &r.months {
            prop_assert!(month.benefits >= -1e-9, "{}", month.benefits);
            prop_assert!(month.benefits_without_programmes >= -1e-9);
            prop_assert!(month.exits_to_work >= 0.0 && month.exits_other >= 0.0);
            // Participants stay on benefit here, so the benefits are all the households.
            let expected = prev + month.inflow + month.reentries - month.exits_to_work - month.exits_other;
            prop_assert!((month.benefits - expected).abs() <= 1e-6 * expected.abs().max(1.0), "{} vs {}", month.benefits, expected);
            prev = month.benefits;
        }
        // Money adds up exactly: the region is the sum of the municipalities.
        let munis: Decimal = r.municipalities.iter().map(|m| m.summary.gross_saving_eur).sum();
        prop_assert_eq!(munis, r.summary.gross_saving_eur);
        let years: Decimal = r.years.iter().map(|y| y.programme_cost_eur).sum();
        prop_assert_eq!(years, r.summary.programme_cost_eur);
        prop_assert_eq!(r.summary.net_saving_eur, r.summary.gross_saving_eur - r.summary.programme_cost_eur);
    }

    #[test]
    fn without_programmes_there_is_no_saving(s in scenarios()) {
        let mut s = s;
        s.programmes.clear();
        let r = Model::new().unwrap().run(&s).unwrap();
        prop_assert!(r.summary.gross_saving_eur.is_zero());
        prop_assert!(r.summary.programme_cost_eur.is_zero());
        prop_assert_eq!(r.summary.extra_exits_to_work, 0.0);
        prop_assert_eq!(r.summary.payback_month, None);
    }

    #[test]
    fn a_larger_effect_never_saves_less(s in scenarios(), extra in 1.0..200.0f64) {
        let m = Model::new().unwrap();
        let low = m.run(&s).unwrap();
        let mut s2 = s.clone();
        let p = &mut s2.programmes[0];
        p.effect_pct = Some((p.effect_pct.unwrap_or(0.0) + extra).min(500.0));
        let high = m.run(&s2).unwrap();
        // Up to a cent of rounding per municipality and month.
        let tolerance = Decimal::new(i64::from(s.months) * 6, 2);
        prop_assert!(high.summary.gross_saving_eur + tolerance >= low.summary.gross_saving_eur,
            "{} < {}", high.summary.gross_saving_eur, low.summary.gross_saving_eur);
    }

    #[test]
    fn without_lock_in_a_programme_never_lowers_exits_to_work(s in scenarios()) {
        let mut s = s;
        s.programmes[0].lock_in_pct = Some(0.0);
        let r = Model::new().unwrap().run(&s).unwrap();
        let mut cumulative = 0.0;
        for m in &r.months {
            cumulative += m.exits_to_work - m.exits_to_work_without_programmes;
            prop_assert!(cumulative >= -1e-6, "cumulative extra exits to work fell to {} in {}", cumulative, m.month);
        }
    }
}

#[test]
fn with_lock_in_exits_to_work_can_fall_at_first() {
    let mut s = Scenario {
        months: 24,
        ..Scenario::default()
    };
    let mut p = programme(0.0, 50.0, 500.0, Target::Far);
    p.effect_from = EffectFrom::End;
    s.programmes.push(p);
    let r = Model::new().unwrap().run(&s).unwrap();
    let first_year: f64 = r.months[..12]
        .iter()
        .map(|m| m.exits_to_work - m.exits_to_work_without_programmes)
        .sum();
    assert!(
        first_year < -1.0,
        "lock-in should cost exits to work in year one: {first_year}"
    );
}
