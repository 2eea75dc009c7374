//! The model's numeric inputs: a checked scenario resolved against the parameter table.
//!
//! Built only by [`crate::Scenario::resolve`], so every value here is finite and in range;
//! the kernel relies on that and never re-checks.

use crate::region::N_MUNI;
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
