//! Analyses on top of deterministic runs: which assumptions matter most (a tornado), and which
//! mix of tracks a budget buys best (the optimiser).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{InputError, InputErrorKind, InputErrors};
use crate::params::{Distribution, ParamSpec};
use crate::results::Summary;
use crate::{Model, Scenario};

/// How the tornado is computed.
const SENSITIVITY_METHOD: &str = "one at a time: each uncertain parameter at the low and high end of its plausible range, the others at their values in use; programme fields per programme; deterministic runs";
/// How the tornado is computed, in Dutch.
const SENSITIVITY_METHOD_NL: &str = "één voor één: elke onzekere aanname op de lage en de hoge kant van haar aannemelijke bereik, de andere op hun waarde in gebruik; de velden van de programma's per programma; deterministische berekeningen";

/// How the best mix is searched.
const OPTIMISE_METHOD: &str = "greedy marginal search on deterministic runs: steps of about 1/40 of the budget per track, each step to the track adding most objective per euro, while it adds anything; the decided mix is kept when it is better (the vangnet and shared pools make the curves not quite concave); the best and the decided mix are then rerun as a paired Monte Carlo";
/// How the best mix is searched, in Dutch.
const OPTIMISE_METHOD_NL: &str = "gretige marginale zoekmethode op deterministische berekeningen: stappen van ongeveer 1/40 van het budget per traject, elke stap naar het traject dat per euro het meest aan het doel toevoegt, zolang het nog iets toevoegt; de gekozen mix blijft staan als die beter is (door het vangnet en de gedeelde pools zijn de curves niet helemaal concaaf); daarna worden de beste en de gekozen mix opnieuw doorgerekend als gepaarde Monte Carlo";

/// How the breakdown attributes the net saving.
const BREAKDOWN_METHOD: &str = "sequential attribution in a stated order: by programme, each programme's net saving when added after the ones listed before it; by cause, the gross saving without lock-in and re-entry, then re-entry switched on, then lock-in, then the feedback and the cost; each part is the change that step makes, so the parts add up exactly (the order matters; a Shapley split would average over orders); re-entry can add to the saving: participants who leave for work do not leave for other reasons later, and fewer return after work (reentry_work_pct) than after another exit (reentry_other_pct)";
/// How the breakdown attributes the net saving, in Dutch.
const BREAKDOWN_METHOD_NL: &str = "opeenvolgende toerekening in de hier genoemde volgorde: per programma de netto besparing van elk programma als het wordt toegevoegd na de programma's die ervoor staan; per oorzaak eerst de bruto besparing zonder lock-in en terugkeer, dan met terugkeer, dan met lock-in, dan de terugval en de kosten; elk deel is de verandering die die stap geeft, dus de delen tellen precies op (de volgorde maakt uit; een Shapley-verdeling zou over de volgordes middelen); terugkeer kan de besparing vergroten: deelnemers die naar werk uitstromen, stromen later niet meer om een andere reden uit, en na werk keren er minder terug (reentry_work_pct) dan na een andere uitstroom (reentry_other_pct)";

/// One bar of the tornado.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Swing {
    /// Parameter id (`effect_pct` of a programme is `programmes[i].effect_pct`).
    pub parameter: String,
    /// Its label in Dutch.
    pub label_nl: String,
    /// Its label in English.
    pub label_en: String,
    /// The value at the low end of its plausible range.
    pub low: f64,
    /// The value at the high end.
    pub high: f64,
    /// Net saving with the parameter at its low value.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub net_saving_low_eur: Decimal,
    /// Net saving at its high value.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub net_saving_high_eur: Decimal,
    /// The absolute difference: how much this parameter moves the net saving.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub swing_eur: Decimal,
}

/// The tornado: the parameters that move the net saving most.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Sensitivity {
    /// Net saving with every parameter at its value in use.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub net_saving_eur: Decimal,
    /// The largest swings, largest first (at most ten).
    pub top: Vec<Swing>,
    /// How it was computed.
    pub method: &'static str,
    /// How it was computed, in Dutch.
    pub method_nl: &'static str,
}

/// What the optimiser maximises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Objective {
    /// Saving kept after feedback, minus programme cost.
    NetSaving,
    /// Extra exits to work over the horizon.
    ExitsToWork,
}

impl Objective {
    /// `net-saving` or `exits-to-work` (the CLI's `--objective`), else an input error.
    pub fn parse(text: &str) -> Result<Objective, InputError> {
        match text.trim() {
            "net-saving" => Ok(Objective::NetSaving),
            "exits-to-work" => Ok(Objective::ExitsToWork),
            _ => Err(InputError::other(
                "objective",
                text,
                InputErrorKind::UnknownField,
                ["Doel", "Objective"],
                ["net-saving of exits-to-work", "net-saving or exits-to-work"],
            )),
        }
    }
}

/// A mix of tracks and what it achieves.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Mix {
    /// Participants per track, in the scenario's programme order.
    pub participants: Vec<f64>,
    /// The tracks' ids.
    pub tracks: Vec<String>,
    /// Planned cost of the mix.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub cost_eur: Decimal,
    /// Net saving over the horizon.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub net_saving_eur: Decimal,
    /// Extra exits to work over the horizon.
    pub extra_exits_to_work: f64,
    /// The value of the objective.
    pub objective: f64,
}

/// One point of the frontier: the best objective the search found for a budget.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FrontierPoint {
    /// The budget.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub budget_eur: Decimal,
    /// The best mix found within it.
    pub mix: Mix,
}

/// The best and the decided mix under uncertainty.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MonteCarloCheck {
    /// Runs per mix.
    pub runs: u32,
    /// The seed (the same for both mixes).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub seed: u64,
    /// Percentiles of the best mix's net saving.
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub best_net_saving_eur: serde_json::Value,
    /// Percentiles of the decided mix's net saving.
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub decided_net_saving_eur: serde_json::Value,
}

/// Runs of the optimiser's Monte Carlo check, per mix.
const CHECK_RUNS: u32 = 100;

/// The optimiser's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Optimisation {
    /// The budget searched.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub budget_eur: Decimal,
    /// The objective.
    pub objective: Objective,
    /// The horizon, months.
    pub horizon_months: u32,
    /// The best mix found.
    pub best: Mix,
    /// The scenario's own mix (seed 000's decision for corona-2021).
    pub decided: Mix,
    /// How far the decided mix is from the best, in the objective's unit.
    pub decided_shortfall: f64,
    /// Best objective per budget, from nothing to the budget.
    pub frontier: Vec<FrontierPoint>,
    /// The best and the decided mix rerun as a paired Monte Carlo (the same seed, so the same
    /// draws for both): how sure the choice is.
    pub monte_carlo_check: MonteCarloCheck,
    /// Most participants per track the search may choose (an assumption: three times the
    /// scenario's own number, since capacities are not in the seeds).
    pub max_participants: Vec<f64>,
    /// How it was computed.
    pub method: &'static str,
    /// How it was computed, in Dutch.
    pub method_nl: &'static str,
}

fn money(x: Decimal) -> f64 {
    f64::try_from(x).unwrap_or(0.0)
}

impl Model {
    /// The tornado: each uncertain parameter at its plausible low and high (the others at
    /// their values in use), the ten that move the net saving most.
    pub fn sensitivity(&self, scenario: &Scenario) -> Result<Sensitivity, InputErrors> {
        let central = self.run(scenario)?;
        let mut swings = Vec::new();
        let mut try_swing = |id: String,
                             spec: &ParamSpec,
                             edit: &dyn Fn(&mut Scenario, f64)|
         -> Result<(), InputErrors> {
            let at = |v: f64| {
                let mut s = scenario.clone();
                edit(&mut s, v);
                self.run(&s).map(|r| r.summary.net_saving_eur)
            };
            let (low, high) = (at(spec.low)?, at(spec.high)?);
            swings.push(Swing {
                parameter: id,
                label_nl: spec.label_nl.clone(),
                label_en: spec.label_en.clone(),
                low: spec.low,
                high: spec.high,
                net_saving_low_eur: low,
                net_saving_high_eur: high,
                swing_eur: (high - low).abs(),
            });
            Ok(())
        };
        for spec in self
            .table
            .params
            .iter()
            .filter(|p| p.distribution != Distribution::Fixed)
        {
            let id = spec.id.clone();
            // A swing that breaks a cross-field rule (shares over 100%) is skipped, not fatal.
            let _ = try_swing(id.clone(), spec, &|s, v| {
                s.set.insert(id.clone(), v);
            });
        }
        for (i, prog) in scenario.programmes.iter().enumerate() {
            for field in ["effect_pct", "lock_in_pct", "half_life_months"] {
                let Some(spec) = self.table.programme_field(field) else {
                    continue;
                };
                let _ = try_swing(
                    format!("programmes[{i}].{field} ({})", prog.id),
                    spec,
                    &|s, v| {
                        s.programmes[i].set_numeric(field, v);
                    },
                );
            }
        }
        swings.sort_by(|a, b| {
            b.swing_eur
                .cmp(&a.swing_eur)
                .then_with(|| a.parameter.cmp(&b.parameter))
        });
        swings.truncate(10);
        Ok(Sensitivity {
            net_saving_eur: central.summary.net_saving_eur,
            top: swings,
            method: SENSITIVITY_METHOD,
            method_nl: SENSITIVITY_METHOD_NL,
        })
    }

    /// The mix of the scenario's tracks that maximises `objective` within `budget`, by greedy
    /// marginal search: starting from nothing, add a step of participants to the track whose
    /// step adds most to the objective per euro, while it adds anything and the budget allows.
    /// The decided mix is evaluated alongside, and the best reported is never worse than it.
    pub fn optimise(
        &self,
        scenario: &Scenario,
        budget_eur: Decimal,
        objective: Objective,
        horizon_months: Option<u32>,
    ) -> Result<Optimisation, InputErrors> {
        self.optimise_with_progress(scenario, budget_eur, objective, horizon_months, &mut |_| {})
    }

    /// [`Model::optimise`], calling `progress(steps)` after each step of the search (about 40
    /// in all, then the Monte Carlo check), so a caller can show how far it is.
    pub fn optimise_with_progress(
        &self,
        scenario: &Scenario,
        budget_eur: Decimal,
        objective: Objective,
        horizon_months: Option<u32>,
        progress: &mut dyn FnMut(u32),
    ) -> Result<Optimisation, InputErrors> {
        if scenario.programmes.is_empty() {
            return Err(InputError::other(
                "programmes",
                "0",
                InputErrorKind::OutOfRange,
                ["Programma's", "Programmes"],
                [
                    "minstens één programma om te verdelen",
                    "at least one programme to share the budget over",
                ],
            )
            .into());
        }
        let mut base = scenario.complete(&self.table);
        if let Some(h) = horizon_months {
            base.months = h;
        }
        let tracks: Vec<String> = base.programmes.iter().map(|p| p.id.clone()).collect();
        let decided_participants: Vec<f64> = base
            .programmes
            .iter()
            .map(|p| p.participants.unwrap_or(0.0))
            .collect();
        let cost: Vec<f64> = base
            .programmes
            .iter()
            .map(|p| p.cost_per_participant_eur.unwrap_or(0.0))
            .collect();
        let max_participants: Vec<f64> = decided_participants
            .iter()
            .map(|p| (p * 3.0).max(30.0))
            .collect();
        let score = |s: &Summary| match objective {
            Objective::NetSaving => money(s.net_saving_eur),
            Objective::ExitsToWork => s.extra_exits_to_work,
        };
        let evaluate = |participants: &[f64]| -> Result<Mix, InputErrors> {
            let mut s = base.clone();
            for (p, n) in s.programmes.iter_mut().zip(participants) {
                p.participants = Some(*n);
            }
            let r = self.run(&s)?;
            Ok(Mix {
                participants: participants.to_vec(),
                tracks: tracks.clone(),
                cost_eur: participants
                    .iter()
                    .zip(&cost)
                    .map(|(n, c)| crate::results::planned_cost(*n, *c))
                    .sum(),
                net_saving_eur: r.summary.net_saving_eur,
                extra_exits_to_work: r.summary.extra_exits_to_work,
                objective: score(&r.summary),
            })
        };
        let decided = evaluate(&decided_participants)?;
        let budget = money(budget_eur);
        // Steps of about a fortieth of the budget per track, in whole participants.
        let step: Vec<f64> = cost
            .iter()
            .map(|c| {
                if *c > 0.0 {
                    (budget / 40.0 / c).round().max(1.0)
                } else {
                    10.0
                }
            })
            .collect();
        let mut current = evaluate(&vec![0.0; tracks.len()])?;
        let mut frontier = vec![FrontierPoint {
            budget_eur: Decimal::ZERO,
            mix: current.clone(),
        }];
        loop {
            let spent = money(current.cost_eur);
            let mut best_step: Option<(f64, Mix)> = None;
            for t in 0..tracks.len() {
                let mut next = current.participants.clone();
                next[t] = (next[t] + step[t]).min(max_participants[t]);
                if next[t] <= current.participants[t]
                    || spent + (next[t] - current.participants[t]) * cost[t] > budget + 0.005
                {
                    continue;
                }
                let mix = evaluate(&next)?;
                let extra_cost = (money(mix.cost_eur) - spent).max(1.0);
                let gain = (mix.objective - current.objective) / extra_cost;
                if gain > 0.0 && best_step.as_ref().is_none_or(|(g, _)| gain > *g) {
                    best_step = Some((gain, mix));
                }
            }
            let Some((_, mix)) = best_step else { break };
            current = mix;
            progress(frontier.len() as u32);
            frontier.push(FrontierPoint {
                budget_eur: current.cost_eur,
                mix: current.clone(),
            });
        }
        let decided_fits = money(decided.cost_eur) <= budget + 0.005;
        let best = if decided_fits && decided.objective > current.objective {
            decided.clone()
        } else {
            current
        };
        let with_participants = |participants: &[f64]| {
            let mut s = base.clone();
            for (p, n) in s.programmes.iter_mut().zip(participants) {
                p.participants = Some(*n);
            }
            s
        };
        let seed = 1;
        let check = |participants: &[f64]| -> Result<serde_json::Value, InputErrors> {
            let mc = self.monte_carlo(
                &with_participants(participants),
                CHECK_RUNS,
                seed,
                &mut |_| {},
            )?;
            Ok(mc.summary["net_saving_eur"].clone())
        };
        let monte_carlo_check = MonteCarloCheck {
            runs: CHECK_RUNS,
            seed,
            best_net_saving_eur: check(&best.participants)?,
            decided_net_saving_eur: check(&decided.participants)?,
        };
        Ok(Optimisation {
            budget_eur,
            objective,
            horizon_months: base.months,
            decided_shortfall: best.objective - decided.objective,
            best,
            decided,
            frontier,
            monte_carlo_check,
            max_participants,
            method: OPTIMISE_METHOD,
            method_nl: OPTIMISE_METHOD_NL,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corona() -> (Model, Scenario) {
        let m = Model::new().unwrap();
        let s = m.preset("corona-2021").unwrap().scenario.clone();
        (m, s)
    }

    #[test]
    fn the_tornado_and_the_best_mix_say_how_they_work_in_dutch_too() {
        let (m, mut s) = corona();
        s.months = 12;
        let t = m.sensitivity(&s).unwrap();
        crate::lang::bilingual::assert_translated(t.method, t.method_nl);
        let o = m
            .optimise(&s, Decimal::from(400_000), Objective::NetSaving, None)
            .unwrap();
        crate::lang::bilingual::assert_translated(o.method, o.method_nl);
    }

    #[test]
    fn the_tornado_is_sorted_and_its_swings_are_real_differences() {
        let (m, s) = corona();
        let t = m.sensitivity(&s).unwrap();
        assert_eq!(t.top.len(), 10);
        for pair in t.top.windows(2) {
            assert!(pair[0].swing_eur >= pair[1].swing_eur);
        }
        for w in &t.top {
            assert_eq!(
                w.swing_eur,
                (w.net_saving_high_eur - w.net_saving_low_eur).abs()
            );
        }
        // A larger effect of a track saves more.
        let effect = t
            .top
            .iter()
            .find(|w| w.parameter.starts_with("programmes[0].effect_pct"))
            .unwrap();
        assert!(effect.net_saving_high_eur > effect.net_saving_low_eur);
    }

    #[test]
    fn the_best_mix_is_never_worse_than_the_decided_one_and_fits_the_budget() {
        let (m, s) = corona();
        for objective in [Objective::NetSaving, Objective::ExitsToWork] {
            let o = m
                .optimise(&s, Decimal::from(1_645_000), objective, Some(60))
                .unwrap();
            assert!(o.best.objective >= o.decided.objective, "{objective:?}");
            assert!(o.best.cost_eur <= Decimal::from(1_645_000));
            assert!(o.decided_shortfall >= 0.0);
            for pair in o.frontier.windows(2) {
                assert!(pair[1].budget_eur >= pair[0].budget_eur);
                assert!(pair[1].mix.objective >= pair[0].mix.objective);
            }
        }
    }

    #[test]
    fn a_scenario_without_programmes_has_nothing_to_optimise() {
        let m = Model::new().unwrap();
        let e = m
            .optimise(
                &Scenario::default(),
                Decimal::from(1000),
                Objective::NetSaving,
                None,
            )
            .unwrap_err();
        assert_eq!(e.0[0].field, "programmes");
    }
}

/// One part of a breakdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Part {
    /// What it is (a programme id, or a cause).
    pub id: String,
    /// Its label in Dutch.
    pub label_nl: String,
    /// Its label in English.
    pub label_en: String,
    /// Its part of the net saving.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub eur: Decimal,
}

/// Where the net saving comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Breakdown {
    /// The net saving the parts add up to, exactly.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub net_saving_eur: Decimal,
    /// By programme: each one's net saving when added after the ones before it.
    pub by_programme: Vec<Part>,
    /// By cause.
    pub by_cause: Vec<Part>,
    /// Participants' exits to work that would have happened anyway. They are not a euro part:
    /// the saving is already the difference with the counterfactual, in which they happen too.
    pub deadweight_exits: f64,
    /// How the parts are attributed.
    pub method: &'static str,
    /// How the parts are attributed, in Dutch.
    pub method_nl: &'static str,
}

impl Model {
    /// The net saving broken down by programme and by cause, sequentially (each part is the
    /// change when that step is added after the previous ones), so the parts add up exactly.
    pub fn breakdown(&self, scenario: &Scenario) -> Result<Breakdown, InputErrors> {
        let full = self.run(scenario)?;
        let mut by_programme = Vec::with_capacity(scenario.programmes.len());
        let mut previous = Decimal::ZERO;
        for (k, prog) in scenario.programmes.iter().enumerate() {
            let mut s = scenario.clone();
            s.programmes.truncate(k + 1);
            let net = if k + 1 == scenario.programmes.len() {
                full.summary.net_saving_eur
            } else {
                self.run(&s)?.summary.net_saving_eur
            };
            by_programme.push(Part {
                id: prog.id.clone(),
                label_nl: prog.name.clone(),
                label_en: prog.name.clone(),
                eur: net - previous,
            });
            previous = net;
        }
        let gross_with = |lock_in: bool, reentry: bool| -> Result<Decimal, InputErrors> {
            let mut s = scenario.clone();
            if !lock_in {
                for p in &mut s.programmes {
                    p.lock_in_pct = Some(0.0);
                }
            }
            if !reentry {
                s.set.insert("reentry_work_pct".into(), 0.0);
                s.set.insert("reentry_other_pct".into(), 0.0);
            }
            Ok(self.run(&s)?.summary.gross_saving_eur)
        };
        let clean = gross_with(false, false)?;
        let with_reentry = gross_with(false, true)?;
        let s = &full.summary;
        let part = |id: &str, nl: &str, en: &str, eur: Decimal| Part {
            id: id.into(),
            label_nl: nl.into(),
            label_en: en.into(),
            eur,
        };
        let by_cause = vec![
            part(
                "extra_exits",
                "Extra uitstroom (zonder lock-in en terugkeer)",
                "Extra exits (without lock-in and re-entry)",
                clean,
            ),
            part(
                "reentry",
                "Terugkeer van uitgestroomden",
                "Re-entry of leavers",
                with_reentry - clean,
            ),
            part(
                "lock_in",
                "Lock-in tijdens trajecten",
                "Lock-in during programmes",
                s.gross_saving_eur - with_reentry,
            ),
            part(
                "budget_feedback",
                "Terugval BUIG-budget en vangnet",
                "BUIG grant and safety-net feedback",
                // `ZERO - x` rather than `-x`, which prints a zero as "-0".
                Decimal::ZERO - s.feedback_eur,
            ),
            part(
                "programme_cost",
                "Programmakosten",
                "Programme cost",
                Decimal::ZERO - s.programme_cost_eur,
            ),
        ];
        Ok(Breakdown {
            net_saving_eur: s.net_saving_eur,
            by_programme,
            by_cause,
            deadweight_exits: s.deadweight_exits,
            method: BREAKDOWN_METHOD,
            method_nl: BREAKDOWN_METHOD_NL,
        })
    }
}

#[cfg(test)]
mod breakdown_tests {
    use super::*;

    #[test]
    fn the_breakdown_says_how_it_attributes_in_dutch_too() {
        let m = Model::new().unwrap();
        let mut s = m.preset("corona-2021").unwrap().scenario.clone();
        s.months = 12;
        let b = m.breakdown(&s).unwrap();
        crate::lang::bilingual::assert_translated(b.method, b.method_nl);
    }

    #[test]
    fn the_parts_add_up_exactly_to_the_net_saving() {
        let m = Model::new().unwrap();
        let s = m.preset("corona-2021").unwrap().scenario.clone();
        let b = m.breakdown(&s).unwrap();
        assert_eq!(
            b.by_programme.iter().map(|p| p.eur).sum::<Decimal>(),
            b.net_saving_eur
        );
        assert_eq!(
            b.by_cause.iter().map(|p| p.eur).sum::<Decimal>(),
            b.net_saving_eur
        );
        assert_eq!(b.by_programme.len(), 3);
        // Lock-in, the feedback and the programme cost are losses. (Re-entry can go either way:
        // switching it off changes both chains' populations, not only the leavers'.)
        for id in ["lock_in", "budget_feedback", "programme_cost"] {
            let p = b.by_cause.iter().find(|p| p.id == id).unwrap();
            assert!(p.eur <= Decimal::ZERO, "{id}: {}", p.eur);
        }
    }
}
