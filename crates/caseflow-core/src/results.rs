//! Turning the scenario chain and its counterfactual into what users read: monthly and
//! yearly tables for the region and each municipality, the programmes, and a summary.
//!
//! The saving is always a difference of two runs with the same inputs: the scenario, and the
//! same scenario without its programmes. Money follows the rounding rule in [`crate::money`].

use rust_decimal::Decimal;
use serde::Serialize;

use crate::inputs::Inputs;
use crate::model::{Chain, Flows};
use crate::money::{eur, ratio};
use crate::presets::Note;
use crate::region::{MUNICIPALITIES, N_MUNI};
use crate::scenario::{Scenario, YearMonth};

/// One month of one area (a municipality or the region).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthOut {
    /// The calendar month.
    pub month: YearMonth,
    /// Benefit households (uitkeringen) at the end of the month.
    pub benefits: f64,
    /// People (personen) at the end of the month.
    pub people: f64,
    /// New inflow, growth shock included (households).
    pub inflow: f64,
    /// Returns of earlier leavers (households).
    pub reentries: f64,
    /// Exits to work.
    pub exits_to_work: f64,
    /// Exits for other reasons.
    pub exits_other: f64,
    /// Programme starts.
    pub programme_starts: f64,
    /// Participants in a programme at the end of the month.
    pub in_programme: f64,
    /// Benefit households at the end of the month without the programmes.
    pub benefits_without_programmes: f64,
    /// Exits to work without the programmes.
    pub exits_to_work_without_programmes: f64,
    /// Benefit paid less than without the programmes.
    pub gross_saving_eur: Decimal,
    /// Programme cost paid this month.
    pub programme_cost_eur: Decimal,
}

/// One calendar year (or the part of it inside the horizon) of one area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearOut {
    /// The calendar year.
    pub year: i32,
    /// Months of this year inside the horizon.
    pub months: u32,
    /// Benefit households at the end of the year's last month in the horizon.
    pub benefits_end: f64,
    /// People at the end of the year's last month in the horizon.
    pub people_end: f64,
    /// New inflow.
    pub inflow: f64,
    /// Re-entries.
    pub reentries: f64,
    /// Exits to work.
    pub exits_to_work: f64,
    /// Exits for other reasons.
    pub exits_other: f64,
    /// Programme starts.
    pub programme_starts: f64,
    /// Benefit households at the end, without the programmes.
    pub benefits_end_without_programmes: f64,
    /// Exits to work without the programmes.
    pub exits_to_work_without_programmes: f64,
    /// Benefit paid less than without the programmes.
    pub gross_saving_eur: Decimal,
    /// Programme cost paid.
    pub programme_cost_eur: Decimal,
}

/// The headline figures of one area over the whole horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Benefit households at the start.
    pub benefits_start: f64,
    /// Benefit households at the end.
    pub benefits_end: f64,
    /// Benefit households at the end without the programmes.
    pub benefits_end_without_programmes: f64,
    /// People at the start.
    pub people_start: f64,
    /// People at the end.
    pub people_end: f64,
    /// Exits to work over the horizon.
    pub exits_to_work: f64,
    /// Exits to work over the horizon without the programmes.
    pub exits_to_work_without_programmes: f64,
    /// Exits to work the programmes added (scenario minus counterfactual).
    pub extra_exits_to_work: f64,
    /// People who started a programme.
    pub participants: f64,
    /// Participants' exits to work while in a programme or with its effect still active.
    pub participant_exits_to_work: f64,
    /// The part of those exits that would have happened anyway (deadweight), found by the
    /// counterfactual chance of work.
    pub deadweight_exits: f64,
    /// Benefit-months not paid thanks to the programmes.
    pub benefit_months_avoided: f64,
    /// Benefit paid less over the horizon.
    pub gross_saving_eur: Decimal,
    /// Programme cost over the horizon.
    pub programme_cost_eur: Decimal,
    /// Gross saving minus programme cost.
    pub net_saving_eur: Decimal,
    /// The net saving discounted at `discount_rate_pct` (equal to it at 0%).
    pub present_value_net_eur: Decimal,
    /// Months from the start until the cumulative saving first covers the cumulative cost;
    /// null when that does not happen within the horizon (or nothing was spent).
    pub payback_month: Option<u32>,
    /// Gross saving per euro of programme cost; null without cost.
    pub return_per_euro: Option<Decimal>,
    /// Programme money allocated beyond the available budget (filled by the budget model;
    /// 0 until then).
    pub budget_overallocation_eur: Decimal,
}

/// Results for one municipality.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MunicipalityResults {
    /// Municipality id.
    pub id: &'static str,
    /// Municipality name.
    pub name: &'static str,
    /// Headline figures.
    pub summary: Summary,
    /// Monthly table.
    pub months: Vec<MonthOut>,
    /// Yearly table.
    pub years: Vec<YearOut>,
}

/// What one programme did, region-wide.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammeOut {
    /// The programme id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Participants planned.
    pub participants_planned: f64,
    /// Participants who started within the horizon.
    pub participants_started: f64,
    /// Planned participants × cost per participant.
    pub planned_cost_eur: Decimal,
    /// Cost of those who started.
    pub cost_eur: Decimal,
    /// Participants' exits to work (in the programme or with the effect active).
    pub participant_exits_to_work: f64,
    /// The part that would have happened anyway.
    pub deadweight_exits: f64,
}

/// What the growth shock means in households and people.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GrowthShock {
    /// The shock, percent of the start stock.
    pub pct: f64,
    /// Its base: the region's benefit households at the start.
    pub base_benefits: f64,
    /// First month of the extra inflow.
    pub from: YearMonth,
    /// Months over which it is spread.
    pub months: u32,
    /// Extra inflow in households (pct × base).
    pub extra_inflow_benefits: f64,
    /// The same in people (× people per benefit).
    pub extra_inflow_people: f64,
}

/// The outcome of one deterministic run: the scenario and its counterfactual.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// The caseflow version that computed these results.
    pub version: &'static str,
    /// The scenario as run, every default written out.
    pub scenario: Scenario,
    /// The region's headline figures.
    pub summary: Summary,
    /// The region, month by month.
    pub months: Vec<MonthOut>,
    /// The region, per calendar year.
    pub years: Vec<YearOut>,
    /// Each municipality.
    pub municipalities: Vec<MunicipalityResults>,
    /// Each programme.
    pub programmes: Vec<ProgrammeOut>,
    /// The growth shock in households and people; null without one.
    pub growth_shock: Option<GrowthShock>,
    /// Notes on the seed papers that belong with this scenario (the papers' words, not
    /// model results).
    pub notes: Vec<Note>,
    /// How money is rounded.
    pub money_rounding: &'static str,
}

/// The rounding rule, as reported with every result.
pub const MONEY_ROUNDING: &str = "each monthly amount per municipality rounded to the cent, half away from zero; programme cost rounded cumulatively; totals are exact sums";

/// Benefit cost per household in month `t`, indexed once a year from the start year.
fn benefit_cost(inp: &Inputs, t: u32) -> f64 {
    let years = inp.start.plus(t).year - inp.start.year;
    let mut cost = inp.benefit_cost_month_eur;
    for _ in 0..years {
        cost *= 1.0 + inp.benefit_indexation;
    }
    cost
}

/// Monthly tables of one area from per-month flows of the scenario and counterfactual.
struct Area {
    months: Vec<MonthOut>,
    flows: Vec<Flows>,
    start_benefits: f64,
    people_per_benefit: f64,
}

impl Area {
    fn years(&self) -> Vec<YearOut> {
        let mut years: Vec<YearOut> = Vec::new();
        for m in &self.months {
            if years.last().is_none_or(|y| y.year != m.month.year) {
                years.push(YearOut {
                    year: m.month.year,
                    months: 0,
                    benefits_end: 0.0,
                    people_end: 0.0,
                    inflow: 0.0,
                    reentries: 0.0,
                    exits_to_work: 0.0,
                    exits_other: 0.0,
                    programme_starts: 0.0,
                    benefits_end_without_programmes: 0.0,
                    exits_to_work_without_programmes: 0.0,
                    gross_saving_eur: Decimal::ZERO,
                    programme_cost_eur: Decimal::ZERO,
                });
            }
            if let Some(y) = years.last_mut() {
                y.months += 1;
                y.benefits_end = m.benefits;
                y.people_end = m.people;
                y.inflow += m.inflow;
                y.reentries += m.reentries;
                y.exits_to_work += m.exits_to_work;
                y.exits_other += m.exits_other;
                y.programme_starts += m.programme_starts;
                y.benefits_end_without_programmes = m.benefits_without_programmes;
                y.exits_to_work_without_programmes += m.exits_to_work_without_programmes;
                y.gross_saving_eur += m.gross_saving_eur;
                y.programme_cost_eur += m.programme_cost_eur;
            }
        }
        years
    }

    fn summary(&self, discount_rate: f64) -> Summary {
        let last = self.months.last();
        let sum = |f: fn(&MonthOut) -> f64| self.months.iter().map(f).sum::<f64>();
        let gross: Decimal = self.months.iter().map(|m| m.gross_saving_eur).sum();
        let cost: Decimal = self.months.iter().map(|m| m.programme_cost_eur).sum();
        let (mut cum_saving, mut cum_cost) = (Decimal::ZERO, Decimal::ZERO);
        let mut payback = None;
        let mut present_value = Decimal::ZERO;
        for (t, m) in self.months.iter().enumerate() {
            cum_saving += m.gross_saving_eur;
            cum_cost += m.programme_cost_eur;
            if payback.is_none() && cum_cost > Decimal::ZERO && cum_saving >= cum_cost {
                payback = Some(t as u32 + 1);
            }
            let net = m.gross_saving_eur - m.programme_cost_eur;
            present_value += if discount_rate == 0.0 {
                net
            } else {
                let factor = libm::pow(1.0 + discount_rate, -(t as f64) / 12.0);
                eur(f64::try_from(net).unwrap_or(0.0) * factor)
            };
        }
        let exits = sum(|m| m.exits_to_work);
        let exits_without = sum(|m| m.exits_to_work_without_programmes);
        Summary {
            benefits_start: self.start_benefits,
            benefits_end: last.map_or(self.start_benefits, |m| m.benefits),
            benefits_end_without_programmes: last
                .map_or(self.start_benefits, |m| m.benefits_without_programmes),
            people_start: self.start_benefits * self.people_per_benefit,
            people_end: last.map_or(0.0, |m| m.people),
            exits_to_work: exits,
            exits_to_work_without_programmes: exits_without,
            extra_exits_to_work: exits - exits_without,
            participants: sum(|m| m.programme_starts),
            participant_exits_to_work: self.flows.iter().map(|f| f.participant_exits_to_work).sum(),
            deadweight_exits: self.flows.iter().map(|f| f.deadweight_exits).sum(),
            benefit_months_avoided: self
                .flows
                .iter()
                .zip(&self.months)
                .map(|(f, m)| m.benefits_without_programmes - f.benefits)
                .sum(),
            gross_saving_eur: gross,
            programme_cost_eur: cost,
            net_saving_eur: gross - cost,
            present_value_net_eur: present_value,
            payback_month: payback,
            return_per_euro: ratio(gross, cost),
            budget_overallocation_eur: Decimal::ZERO,
        }
    }
}

/// Assemble the results of a scenario chain and its counterfactual.
pub fn assemble(
    scenario: Scenario,
    notes: Vec<Note>,
    inp: &Inputs,
    with: &Chain,
    without: &Chain,
) -> Results {
    let months = inp.months as usize;
    let n_prog = inp.programmes.len();
    let mut areas: Vec<Area> = Vec::with_capacity(N_MUNI);
    let mut cum_cost_f = vec![0.0; N_MUNI * n_prog];
    let mut cum_cost_eur = vec![Decimal::ZERO; N_MUNI * n_prog];
    let mut programme_cost = vec![Decimal::ZERO; n_prog];
    for (m, _) in MUNICIPALITIES.iter().enumerate() {
        let ppb = inp.people_per_benefit[m];
        let mut rows = Vec::with_capacity(months);
        let mut flows = Vec::with_capacity(months);
        for t in 0..months {
            let f = with.flows[t][m];
            let cf = without.flows[t][m];
            let saving = (cf.benefits_start - f.benefits_start) * benefit_cost(inp, t as u32);
            let mut cost = Decimal::ZERO;
            for (p, prog) in inp.programmes.iter().enumerate() {
                let k = m * n_prog + p;
                cum_cost_f[k] += with.starts(t, m, p) * prog.cost_per_participant_eur;
                let now = eur(cum_cost_f[k]);
                let month_cost = now - cum_cost_eur[k];
                cum_cost_eur[k] = now;
                programme_cost[p] += month_cost;
                cost += month_cost;
            }
            rows.push(MonthOut {
                month: inp.start.plus(t as u32),
                benefits: f.benefits,
                people: f.benefits * ppb,
                inflow: f.inflow,
                reentries: f.reentries,
                exits_to_work: f.exits_to_work,
                exits_other: f.exits_other,
                programme_starts: f.starts,
                in_programme: f.in_programme,
                benefits_without_programmes: cf.benefits,
                exits_to_work_without_programmes: cf.exits_to_work,
                gross_saving_eur: eur(saving),
                programme_cost_eur: cost,
            });
            flows.push(f);
        }
        areas.push(Area {
            months: rows,
            flows,
            start_benefits: inp.start_stock[m],
            people_per_benefit: ppb,
        });
    }

    // The region: sums of the municipalities (money sums exactly).
    let start_benefits: f64 = inp.start_stock.iter().sum();
    let start_people: f64 = inp
        .start_stock
        .iter()
        .zip(&inp.people_per_benefit)
        .map(|(s, p)| s * p)
        .sum();
    let region_ppb = if start_benefits > 0.0 {
        start_people / start_benefits
    } else {
        1.0
    };
    let mut region_rows = areas[0].months.clone();
    let mut region_flows = areas[0].flows.clone();
    for area in &areas[1..] {
        for (r, m) in region_rows.iter_mut().zip(&area.months) {
            r.benefits += m.benefits;
            r.people += m.people;
            r.inflow += m.inflow;
            r.reentries += m.reentries;
            r.exits_to_work += m.exits_to_work;
            r.exits_other += m.exits_other;
            r.programme_starts += m.programme_starts;
            r.in_programme += m.in_programme;
            r.benefits_without_programmes += m.benefits_without_programmes;
            r.exits_to_work_without_programmes += m.exits_to_work_without_programmes;
            r.gross_saving_eur += m.gross_saving_eur;
            r.programme_cost_eur += m.programme_cost_eur;
        }
        for (r, f) in region_flows.iter_mut().zip(&area.flows) {
            r.benefits += f.benefits;
            r.participant_exits_to_work += f.participant_exits_to_work;
            r.deadweight_exits += f.deadweight_exits;
        }
    }
    let region = Area {
        months: region_rows,
        flows: region_flows,
        start_benefits,
        people_per_benefit: region_ppb,
    };

    let programmes = scenario
        .programmes
        .iter()
        .zip(&inp.programmes)
        .enumerate()
        .map(|(p, (def, prog))| {
            let started: f64 = (0..months)
                .map(|t| (0..N_MUNI).map(|m| with.starts(t, m, p)).sum::<f64>())
                .sum();
            let exits = (0..months).fold([0.0, 0.0], |acc, t| {
                let e = with.programme_exits[t * n_prog + p];
                [acc[0] + e[0], acc[1] + e[1]]
            });
            ProgrammeOut {
                id: def.id.clone(),
                name: def.name.clone(),
                participants_planned: prog.participants,
                participants_started: started,
                planned_cost_eur: planned_cost(prog.participants, prog.cost_per_participant_eur),
                cost_eur: programme_cost[p],
                participant_exits_to_work: exits[0],
                deadweight_exits: exits[1],
            }
        })
        .collect();

    let growth_shock = (inp.growth != 0.0).then(|| GrowthShock {
        pct: inp.growth_pct,
        base_benefits: start_benefits,
        from: inp.start.plus(inp.growth_start),
        months: inp.growth_months,
        extra_inflow_benefits: inp.growth * start_benefits,
        extra_inflow_people: inp.growth * start_people,
    });

    Results {
        version: crate::VERSION,
        summary: region.summary(inp.discount_rate),
        years: region.years(),
        months: region.months.clone(),
        municipalities: areas
            .iter()
            .zip(MUNICIPALITIES)
            .map(|(a, muni)| MunicipalityResults {
                id: muni.id,
                name: muni.name,
                summary: a.summary(inp.discount_rate),
                months: a.months.clone(),
                years: a.years(),
            })
            .collect(),
        programmes,
        growth_shock,
        notes,
        money_rounding: MONEY_ROUNDING,
        scenario,
    }
}

/// Participants × cost per participant, exact: both are given to at most cents and whole
/// (or fractional) people, so the product is taken in decimals, then rounded to the cent.
pub fn planned_cost(participants: f64, cost_per_participant_eur: f64) -> Decimal {
    let p = Decimal::from_f64_retain(participants).unwrap_or(Decimal::ZERO);
    (p * eur(cost_per_participant_eur))
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}
