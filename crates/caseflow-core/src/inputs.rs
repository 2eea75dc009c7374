//! The model's numeric inputs: a checked scenario resolved against the parameter table.
//!
//! Built only by [`crate::Scenario::resolve`], so every value here is finite and in range;
//! the kernel relies on that and never re-checks. [`Inputs::apply`] and
//! [`ProgrammeInputs::apply`] are the one mapping from a parameter id to the field it feeds:
//! resolve uses them for every value, and the Monte Carlo for every drawn value, so the two
//! cannot drift apart.

use crate::region::{MUNICIPALITIES, N_MUNI};
use crate::scenario::{EffectFrom, Funding, Target, YearMonth};

/// One programme, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeInputs {
    /// Total participants, region-wide.
    pub participants: f64,
    /// Euros per participant.
    pub cost_per_participant_eur: f64,
    /// Months over which participants start.
    pub intake_months: f64,
    /// Average months in the programme.
    pub duration_months: f64,
    /// Lower chance of work while in it, as a fraction (0.2 = 20% lower).
    pub lock_in: f64,
    /// Higher chance of work, as a fraction (0.3 = 30% higher).
    pub effect: f64,
    /// Months until half the effect has faded.
    pub half_life_months: f64,
    /// Most participants at once, region-wide.
    pub capacity: f64,
    /// Target group: at least this many months on benefit.
    pub target_min_months: f64,
    /// Target group: at most this many months on benefit.
    pub target_max_months: f64,
    /// First intake month, counted from the scenario's start.
    pub start_offset: u32,
    /// Distance-to-work group of the participants.
    pub target: Target,
    /// When the effect starts.
    pub effect_from: EffectFrom,
    /// Whether participants keep counting as benefit households.
    pub on_benefit: bool,
    /// Which budget pays it.
    pub funding: Funding,
}

impl ProgrammeInputs {
    /// A programme with its choices set and every number at zero, for [`ProgrammeInputs::apply`]
    /// to fill.
    pub fn empty(
        target: Target,
        effect_from: EffectFrom,
        on_benefit: bool,
        funding: Funding,
    ) -> ProgrammeInputs {
        ProgrammeInputs {
            participants: 0.0,
            cost_per_participant_eur: 0.0,
            intake_months: 0.0,
            duration_months: 0.0,
            lock_in: 0.0,
            effect: 0.0,
            half_life_months: 0.0,
            capacity: 0.0,
            target_min_months: 0.0,
            target_max_months: 0.0,
            start_offset: 0,
            target,
            effect_from,
            on_benefit,
            funding,
        }
    }

    /// Set the field that programme field `id` feeds, from its value as the parameter table
    /// states it (percentages become fractions); false if no field has that id.
    pub fn apply(&mut self, id: &str, value: f64) -> bool {
        match id {
            "participants" => self.participants = value,
            "cost_per_participant_eur" => self.cost_per_participant_eur = value,
            "intake_months" => self.intake_months = value,
            "duration_months" => self.duration_months = value,
            "lock_in_pct" => self.lock_in = value / 100.0,
            "effect_pct" => self.effect = value / 100.0,
            "half_life_months" => self.half_life_months = value,
            "capacity" => self.capacity = value,
            "target_min_months" => self.target_min_months = value,
            "target_max_months" => self.target_max_months = value,
            _ => return false,
        }
        true
    }
}

/// Everything one run needs, as plain numbers (rates as fractions, not percentages).
#[derive(Debug, Clone, PartialEq)]
pub struct Inputs {
    /// The first month.
    pub start: YearMonth,
    /// Months simulated.
    pub months: u32,
    /// Benefit households at the start, per municipality.
    pub start_stock: [f64; N_MUNI],
    /// People per benefit household, per municipality.
    pub people_per_benefit: [f64; N_MUNI],
    /// The cost key, percent, per municipality (sums to 100).
    pub cost_key_pct: [f64; N_MUNI],
    /// Re-integration budget per year, euros, per municipality (frozen in euros).
    pub reintegration_budget_eur: [f64; N_MUNI],
    /// Overhead on the regional shares of programme cost, percent.
    pub cost_split_overhead_pct: f64,
    /// BUIG grant as a fraction of spending without programmes.
    pub buig_grant_ratio: f64,
    /// Share of a saving the grant loses later (fraction).
    pub buig_feedback: f64,
    /// Years until the grant follows the caseload.
    pub buig_feedback_lag_years: u32,
    /// Vangnet own risk, fraction of the grant.
    pub vangnet_own_risk: f64,
    /// Vangnet threshold above which a deficit is compensated in full, fraction of the grant.
    pub vangnet_upper: f64,
    /// Share of the deficit between the thresholds that is compensated.
    pub vangnet_middle_share: f64,
    /// Yearly growth of the new inflow far from work (fraction).
    pub far_inflow_growth: f64,
    /// Money available for programmes (None: the scenario has no budget to check).
    pub budget_available_eur: Option<f64>,
    /// Other allocations from that money.
    pub budget_other_allocations_eur: f64,
    /// Growth shock: extra inflow as a fraction of the start stock.
    pub growth: f64,
    /// The same, in percent as the user gave it.
    pub growth_pct: f64,
    /// First month of the growth shock, from the start.
    pub growth_start: u32,
    /// Months over which the growth shock is spread.
    pub growth_months: u32,
    /// New inflow per month as a fraction of the start stock.
    pub new_inflow: f64,
    /// Inflow split over near / mid / far.
    pub inflow_share: [f64; 3],
    /// Starting stock split over near / mid / far.
    pub stock_share: [f64; 3],
    /// Monthly exit chance for 0-11, 12-23, 24-35, 36-59 and 60+ months on benefit.
    pub exit_by_years: [f64; 5],
    /// Share of exits that is to work for 0-11, 12-35 and 36+ months.
    pub work_share: [f64; 3],
    /// Factor on the chance of work for near / mid / far.
    pub work_factor: [f64; 3],
    /// Starting stock split over 0-11, 12-35, 36-59 and 60+ months on benefit.
    pub duration_share: [f64; 4],
    /// Share of exits to work that return within 24 months.
    pub reentry_work: f64,
    /// Share of other exits that return within 24 months.
    pub reentry_other: f64,
    /// Benefit cost per household per month in the start year, euros.
    pub benefit_cost_month_eur: f64,
    /// Yearly indexation of the benefit cost, fraction.
    pub benefit_indexation: f64,
    /// Yearly discount rate for the present value, fraction.
    pub discount_rate: f64,
    /// The scenario's programmes (the counterfactual ignores them).
    pub programmes: Vec<ProgrammeInputs>,
}

impl Inputs {
    /// Set the field that parameter `id` feeds, from its value as the parameter table states
    /// it (percentages become fractions); false if no field has that id. Fields derived from
    /// several parameters (the third share of a split) are recomputed from the current values,
    /// so the order in which parameters are applied does not matter.
    pub fn apply(&mut self, id: &str, value: f64) -> bool {
        let pct = value / 100.0;
        match id {
            "cost_split_overhead_pct" => self.cost_split_overhead_pct = value,
            "buig_grant_ratio_pct" => self.buig_grant_ratio = pct,
            "buig_feedback_pct" => self.buig_feedback = pct,
            "buig_feedback_lag_years" => self.buig_feedback_lag_years = value as u32,
            "vangnet_own_risk_pct" => self.vangnet_own_risk = pct,
            "vangnet_upper_pct" => self.vangnet_upper = pct,
            "vangnet_middle_share_pct" => self.vangnet_middle_share = pct,
            "far_inflow_growth_pct" => self.far_inflow_growth = pct,
            "growth_pct" => {
                self.growth = pct;
                self.growth_pct = value;
            }
            "growth_start_month" => self.growth_start = value as u32,
            "growth_months" => self.growth_months = value as u32,
            "new_inflow_pct" => self.new_inflow = pct,
            "inflow_share_near_pct" => set_share(&mut self.inflow_share, 0, pct),
            "inflow_share_mid_pct" => set_share(&mut self.inflow_share, 1, pct),
            "stock_share_near_pct" => set_share(&mut self.stock_share, 0, pct),
            "stock_share_mid_pct" => set_share(&mut self.stock_share, 1, pct),
            "exit_0_11_pct" => self.exit_by_years[0] = pct,
            "exit_12_23_pct" => self.exit_by_years[1] = pct,
            "exit_24_35_pct" => self.exit_by_years[2] = pct,
            "exit_36_59_pct" => self.exit_by_years[3] = pct,
            "exit_60_plus_pct" => self.exit_by_years[4] = pct,
            "work_share_0_11_pct" => self.work_share[0] = pct,
            "work_share_12_35_pct" => self.work_share[1] = pct,
            "work_share_36_plus_pct" => self.work_share[2] = pct,
            "work_factor_near" => self.work_factor[0] = value,
            "work_factor_far" => self.work_factor[2] = value,
            "stock_share_0_11_pct" => set_share(&mut self.duration_share, 0, pct),
            "stock_share_12_35_pct" => set_share(&mut self.duration_share, 1, pct),
            "stock_share_36_59_pct" => set_share(&mut self.duration_share, 2, pct),
            "reentry_work_pct" => self.reentry_work = pct,
            "reentry_other_pct" => self.reentry_other = pct,
            "benefit_cost_month_eur" => self.benefit_cost_month_eur = value,
            "benefit_indexation_pct" => self.benefit_indexation = pct,
            "discount_rate_pct" => self.discount_rate = pct,
            _ => {
                let Some((prefix, muni)) = id.split_once('.') else {
                    return false;
                };
                let Some(m) = MUNICIPALITIES.iter().position(|x| x.id == muni) else {
                    return false;
                };
                let slot = match prefix {
                    "start_stock" => &mut self.start_stock,
                    "people_per_benefit" => &mut self.people_per_benefit,
                    "cost_key_pct" => &mut self.cost_key_pct,
                    "reintegration_budget_eur" => &mut self.reintegration_budget_eur,
                    _ => return false,
                };
                slot[m] = value;
            }
        }
        true
    }
}

/// Set share `i` of a split and recompute its last share as the rest (never below 0).
fn set_share<const N: usize>(shares: &mut [f64; N], i: usize, value: f64) {
    shares[i] = value;
    let mut rest = 1.0;
    for share in &shares[..N - 1] {
        rest -= share;
    }
    shares[N - 1] = rest.max(0.0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::ParamTable;
    use crate::scenario::Scenario;

    #[test]
    fn every_parameter_and_programme_field_feeds_a_field() {
        let table = ParamTable::embedded().unwrap();
        let mut inputs = Scenario::default().resolve(&table).unwrap();
        for spec in &table.params {
            assert!(inputs.apply(&spec.id, spec.default), "{}", spec.id);
        }
        let mut programme =
            ProgrammeInputs::empty(Target::Any, EffectFrom::End, true, Funding::Reintegration);
        for spec in &table.programme_fields {
            assert!(programme.apply(&spec.id, spec.default), "{}", spec.id);
        }
        assert!(!inputs.apply("start_stock.nowhere", 1.0) && !inputs.apply("colour", 1.0));
    }
}
