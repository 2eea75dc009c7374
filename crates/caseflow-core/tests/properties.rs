//! Properties of the model that must hold for any valid scenario: households are conserved,
//! no stock goes negative, no programme means no saving, a larger effect never saves less, and
//! a programme without lock-in never lowers exits to work (with lock-in it may, for a while).

use caseflow_core::scenario::{EffectFrom, Funding, Target};
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
        funding: Funding::Reintegration,
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
        new_inflow in 0.4..3.0f64,
        exit0 in 0.0..50.0f64,
        exit60 in 0.0..5.0f64,
        reentry in 0.0..95.0f64,
        work_near in 0.0..10.0f64,
        months in 1u32..=180,
        effect in 0.0..500.0f64,
        lock in 0.0..90.0f64,
        participants in 0u32..5000,
        target in prop::sample::select(vec![Target::Near, Target::Mid, Target::Far, Target::Any]),
    ) -> Scenario {
        let mut s = Scenario { months, ..Scenario::default() };
        s.set.insert("growth_pct".into(), growth);
        // Spread over 60 months, the largest fall (−20%) stays within the smallest new inflow.
        s.set.insert("growth_months".into(), 60.0);
        s.set.insert("new_inflow_pct".into(), new_inflow);
        s.set.insert("exit_0_11_pct".into(), exit0);
        s.set.insert("exit_60_plus_pct".into(), exit60);
        s.set.insert("reentry_other_pct".into(), reentry);
        s.set.insert("work_factor_near".into(), work_near);
        s.programmes.push(programme(effect, lock, f64::from(participants), target));
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
        let years: Decimal = r.years.iter().map(|y| y.cost_share_eur).sum();
        prop_assert_eq!(years, r.summary.programme_cost_eur);
        prop_assert_eq!(r.summary.net_saving_eur, r.summary.saving_after_feedback_eur - r.summary.programme_cost_eur);
        prop_assert_eq!(r.summary.saving_after_feedback_eur, r.summary.gross_saving_eur - r.summary.feedback_eur);
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
    fn a_programme_without_effect_or_lock_in_saves_nothing_whatever_its_target(s in scenarios()) {
        // Regression: participants of a programme for "any" group once shared one pooled
        // chance of work, which made a programme with no effect at all look like a saving.
        let mut s = s;
        s.programmes[0].effect_pct = Some(0.0);
        s.programmes[0].lock_in_pct = Some(0.0);
        let r = Model::new().unwrap().run(&s).unwrap();
        let tolerance = Decimal::new(i64::from(s.months) * 6, 2);
        prop_assert!(r.summary.gross_saving_eur.abs() <= tolerance, "{}", r.summary.gross_saving_eur);
        prop_assert!(r.summary.extra_exits_to_work.abs() < 1e-6, "{}", r.summary.extra_exits_to_work);
    }

    #[test]
    fn the_saving_kept_is_below_the_gross_saving_exactly_when_the_feedback_is_on(s in scenarios(), feedback in 1.0..100.0f64) {
        let m = Model::new().unwrap();
        let mut s = s;
        s.months = s.months.max(36);
        // Without lock-in every year saves, so every year's feedback takes something back.
        s.programmes[0].effect_pct = Some(100.0);
        s.programmes[0].lock_in_pct = Some(0.0);
        s.programmes[0].participants = Some(500.0);
        s.set.insert("buig_feedback_pct".into(), 0.0);
        let off = m.run(&s).unwrap();
        prop_assert_eq!(off.summary.saving_after_feedback_eur, off.summary.gross_saving_eur);
        s.set.insert("buig_feedback_pct".into(), feedback);
        let on = m.run(&s).unwrap();
        prop_assert_eq!(on.summary.gross_saving_eur, off.summary.gross_saving_eur);
        if on.summary.gross_saving_eur > Decimal::ONE_HUNDRED {
            prop_assert!(on.summary.saving_after_feedback_eur < on.summary.gross_saving_eur);
        }
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

#[test]
fn participants_off_benefit_count_again_when_the_programme_ends() {
    // Regression: with `on_benefit = false`, people who had finished the programme stayed off
    // benefit until its effect faded, a saving of €9.7M from a programme with no effect.
    let mut s = Scenario {
        months: 120,
        ..Scenario::default()
    };
    let mut p = programme(0.0, 0.0, 100.0, Target::Mid);
    p.on_benefit = false;
    p.duration_months = Some(1.0);
    p.half_life_months = Some(600.0);
    p.cost_per_participant_eur = Some(0.0);
    s.programmes.push(p);
    let r = Model::new().unwrap().run(&s).unwrap();
    // Off benefit for about the programme's month only: at most 100 × 2 months of benefit.
    assert!(
        r.summary.benefit_months_avoided < 200.0,
        "{}",
        r.summary.benefit_months_avoided
    );
}

#[test]
fn everyone_meets_at_least_one_month_of_lock_in() {
    // Regression: intake came before completion, so a 1-month programme had no lock-in at all.
    let mut s = Scenario {
        months: 12,
        ..Scenario::default()
    };
    let mut p = programme(0.0, 90.0, 100.0, Target::Near);
    p.duration_months = Some(1.0);
    p.intake_months = Some(1.0);
    s.programmes.push(p);
    let r = Model::new().unwrap().run(&s).unwrap();
    assert!(
        (r.months[0].in_programme - 100.0).abs() < 1e-9,
        "{}",
        r.months[0].in_programme
    );
    assert!(r.months[1].exits_to_work < r.months[1].exits_to_work_without_programmes);
}

#[test]
fn a_target_beyond_60_months_takes_only_those_that_long_on_benefit() {
    // Regression: the open 60+ band counted as fully eligible for any target above 60 months.
    let run = |min: f64| {
        let mut s = Scenario {
            months: 1,
            ..Scenario::default()
        };
        let mut p = programme(0.0, 0.0, 20_000.0, Target::Far);
        p.intake_months = Some(1.0);
        p.target_min_months = Some(min);
        s.programmes.push(p);
        Model::new().unwrap().run(&s).unwrap().summary.participants
    };
    assert!(
        run(600.0) < 0.2 * run(60.0),
        "{} vs {}",
        run(600.0),
        run(60.0)
    );
}

#[test]
fn payback_is_the_month_the_saving_stays_ahead() {
    // Regression: a cheap early track claimed payback for a mix whose later costs were never
    // earned back.
    let mut s = Scenario {
        months: 60,
        ..Scenario::default()
    };
    let mut cheap = programme(200.0, 0.0, 300.0, Target::Near);
    cheap.cost_per_participant_eur = Some(10.0);
    let mut dear = programme(0.0, 0.0, 300.0, Target::Far);
    dear.id = "dear".into();
    dear.cost_per_participant_eur = Some(100_000.0);
    dear.start = Some("2023-01".parse().unwrap());
    s.programmes.extend([cheap, dear]);
    let r = Model::new().unwrap().run(&s).unwrap();
    assert!(r.summary.net_saving_eur < Decimal::ZERO);
    assert_eq!(r.summary.payback_month, None);
}
