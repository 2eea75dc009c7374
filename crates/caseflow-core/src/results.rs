//! Turning the scenario chain and its counterfactual into what users read: monthly and
//! yearly tables for the region and each municipality, the programmes, and a summary.
//!
//! The saving is always a difference of two runs with the same inputs: the scenario, and the
//! same scenario without its programmes. Money follows the rounding rule in [`crate::money`],
//! and is summed in cents ([`crate::money::Cents`]) until the tables are finished: a run's
//! ledger (the tables with the money still in cents) is what a Monte Carlo run reads, and
//! [`assemble`] writes it out as decimals.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::allocate::CostKey;
use crate::budget::{self, BuigYear};
use crate::inputs::Inputs;
use crate::model::Chain;
use crate::money::{Cents, eur, ratio};
use crate::presets::Note;
use crate::region::{MUNICIPALITIES, N_MUNI};
use crate::scenario::{Funding, Scenario, YearMonth};

/// One month of one area (a municipality or the region).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    /// People at the end of the month without the programmes.
    pub people_without_programmes: f64,
    /// Exits to work without the programmes.
    pub exits_to_work_without_programmes: f64,
    /// Benefits paid (and wage-cost subsidies paid from BUIG).
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub benefit_spending_eur: Decimal,
    /// Spending without the programmes minus spending with them.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub gross_saving_eur: Decimal,
    /// Programme cost paid this month (for a municipality: its share by the cost key).
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub programme_cost_eur: Decimal,
}

/// One calendar year (or the part of it inside the horizon) of one area.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    /// Benefits paid (and wage-cost subsidies paid from BUIG).
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub benefit_spending_eur: Decimal,
    /// Benefit spending without the programmes.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub benefit_spending_without_programmes_eur: Decimal,
    /// Spending without minus with the programmes.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub gross_saving_eur: Decimal,
    /// The BUIG grant (after the feedback of earlier savings).
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub buig_grant_eur: Decimal,
    /// What the grant lost to earlier savings.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub grant_feedback_eur: Decimal,
    /// Vangnet compensation received.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub vangnet_eur: Decimal,
    /// Vangnet compensation lost to the programmes (without minus with).
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub vangnet_change_eur: Decimal,
    /// The saving kept: gross saving minus grant feedback minus vangnet change.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub saving_eur: Decimal,
    /// Programme cost paid (for a municipality: its share by the cost key).
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub cost_share_eur: Decimal,
    /// The re-integration budget (frozen in euros; prorated for partial years).
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub reintegration_budget_eur: Decimal,
    /// Saving kept minus cost share.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub net_position_eur: Decimal,
}

/// The headline figures of one area over the whole horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    /// Benefit paid less over the horizon (wage-cost subsidies from BUIG deducted).
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub gross_saving_eur: Decimal,
    /// What the BUIG grant and the vangnet take back of it (see [`crate::budget`]).
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub feedback_eur: Decimal,
    /// The saving kept: gross saving minus feedback.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub saving_after_feedback_eur: Decimal,
    /// Programme cost over the horizon (for a municipality: its share by the cost key).
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub programme_cost_eur: Decimal,
    /// Saving kept minus programme cost.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub net_saving_eur: Decimal,
    /// The net saving discounted at `discount_rate_pct` (equal to it at 0%).
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub present_value_net_eur: Decimal,
    /// Months from the start until the cumulative saving kept (feedback spread over its year)
    /// first covers the cumulative cost; null when that does not happen within the horizon (or
    /// nothing was spent).
    pub payback_month: Option<u32>,
    /// Saving kept per euro of programme cost; null without cost.
    #[cfg_attr(feature = "ts", ts(as = "Option<crate::ts::Decimal>"))]
    pub return_per_euro: Option<Decimal>,
    /// Programme money allocated beyond the available budget (filled by the budget model;
    /// 0 until then).
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub budget_overallocation_eur: Decimal,
}

/// Results for one municipality.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub planned_cost_eur: Decimal,
    /// Cost of those who started.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub cost_eur: Decimal,
    /// Participants' exits to work (in the programme or with the effect active).
    pub participant_exits_to_work: f64,
    /// The part that would have happened anyway.
    pub deadweight_exits: f64,
}

/// What the growth shock means in households and people.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GrowthShock {
    /// The shock, percent of the start stock.
    pub pct: f64,
    /// Its base: the region's benefit households at the start.
    pub base_benefits: f64,
    /// First month of the extra inflow.
    pub from: YearMonth,
    /// Months over which the shock is spread.
    pub planned_months: u32,
    /// Months of it inside the horizon (fewer when the horizon ends first).
    pub months: u32,
    /// Extra inflow in households inside the horizon (pct × base, for the months inside).
    pub extra_inflow_benefits: f64,
    /// The same in people (× people per benefit).
    pub extra_inflow_people: f64,
}

/// The budget check: the programmes' planned cost and other allocations against the money
/// available.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BudgetCheck {
    /// Money available.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub available_eur: Decimal,
    /// Planned cost of the programmes paid from the re-integration budget.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub programmes_eur: Decimal,
    /// Other allocations from the same money.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub other_allocations_eur: Decimal,
    /// Programmes plus other allocations.
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub allocated_eur: Decimal,
    /// Allocated beyond what is available (0 when it fits).
    #[cfg_attr(feature = "ts", ts(as = "crate::ts::Decimal"))]
    pub overallocation_eur: Decimal,
}

/// The outcome of one deterministic run: the scenario and its counterfactual.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    /// The budget check; null when the scenario states no budget.
    pub budget: Option<BudgetCheck>,
    /// Notes on the seed papers that belong with this scenario (the papers' words, not
    /// model results).
    pub notes: Vec<Note>,
    /// How money is rounded.
    pub money_rounding: &'static str,
}

/// The rounding rule, as reported with every result.
pub const MONEY_ROUNDING: &str = "benefit spending per municipality and month rounded to the cent, half away from zero; programme cost rounded cumulatively and split by the cost key in whole cents by largest remainder; grants, feedback and vangnet per municipality and year as exact products of the cents and the rates (rates to 0.0001 percentage point), rounded to the cent half away from zero; every total is the exact sum of its parts";
/// [`MONEY_ROUNDING`] in Dutch (the CLI's Dutch workbook; the page does not carry it).
pub const MONEY_ROUNDING_NL: &str = "uitgaven aan uitkeringen per gemeente en maand afgerond op de cent, half van nul af; programmakosten cumulatief afgerond en met de verdeelsleutel in hele centen verdeeld volgens de grootste-restmethode; budget, terugval en vangnet per gemeente en jaar als exacte producten van de centen en de percentages (percentages op 0,0001 procentpunt), afgerond op de cent, half van nul af; elk totaal is de exacte som van zijn delen";

/// Benefit cost per household in month `t`, indexed once a year from the start year.
fn benefit_cost(inp: &Inputs, t: u32) -> f64 {
    let years = inp.start.plus(t).year - inp.start.year;
    let mut cost = inp.benefit_cost_month_eur;
    for _ in 0..years {
        cost *= 1.0 + inp.benefit_indexation;
    }
    cost
}

/// The money of one month of one area, in cents.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct MonthMoney {
    /// Benefits paid (and wage-cost subsidies paid from BUIG).
    pub spending: Cents,
    /// Spending without the programmes minus spending with them.
    pub saving: Cents,
    /// Programme cost paid.
    pub cost: Cents,
}

/// The money of one year of one area, in cents (every figure has at most two decimals), as
/// the [`YearOut`] fields of the same names.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct YearMoney {
    pub spending: Cents,
    pub spending_without: Cents,
    pub gross_saving: Cents,
    pub grant: Cents,
    pub feedback: Cents,
    pub vangnet: Cents,
    pub vangnet_change: Cents,
    pub saving: Cents,
    pub cost_share: Cents,
    pub reintegration_budget: Cents,
    pub net_position: Cents,
}

impl YearMoney {
    fn add(&mut self, p: &YearMoney) {
        self.spending += p.spending;
        self.spending_without += p.spending_without;
        self.gross_saving += p.gross_saving;
        self.grant += p.grant;
        self.feedback += p.feedback;
        self.vangnet += p.vangnet;
        self.vangnet_change += p.vangnet_change;
        self.saving += p.saving;
        self.cost_share += p.cost_share;
        self.reintegration_budget += p.reintegration_budget;
        self.net_position += p.net_position;
    }

    /// Write the amounts into a row of the yearly table.
    fn fill(&self, y: &mut YearOut) {
        y.benefit_spending_eur = self.spending.to_decimal();
        y.benefit_spending_without_programmes_eur = self.spending_without.to_decimal();
        y.gross_saving_eur = self.gross_saving.to_decimal();
        y.buig_grant_eur = self.grant.to_decimal();
        y.grant_feedback_eur = self.feedback.to_decimal();
        y.vangnet_eur = self.vangnet.to_decimal();
        y.vangnet_change_eur = self.vangnet_change.to_decimal();
        y.saving_eur = self.saving.to_decimal();
        y.cost_share_eur = self.cost_share.to_decimal();
        y.reintegration_budget_eur = self.reintegration_budget.to_decimal();
        y.net_position_eur = self.net_position.to_decimal();
    }
}

/// Monthly tables of one area, with the flows the summary needs. Money is kept in cents
/// (`money`, `year_money`) and written into the tables' decimals at the end (the decimal
/// fields of `months` and `years` are zero until then).
#[derive(Default)]
pub(crate) struct Area {
    pub months: Vec<MonthOut>,
    pub money: Vec<MonthMoney>,
    /// Each month's exits to work of participants and the deadweight part of them (all the
    /// summary needs of the chain's flows: two numbers instead of the flows' eleven, which a
    /// Monte Carlo copies for every municipality and month of every run).
    participant_exits: Vec<[f64; 2]>,
    /// Benefit-months not paid: start-of-month stocks, as the saving in euros is counted.
    benefit_months_avoided: f64,
    pub years: Vec<YearOut>,
    pub year_money: Vec<YearMoney>,
    start_benefits: f64,
    people_per_benefit: f64,
}

/// Index of each month's calendar year within the horizon (`index`), and the months of each
/// year (`years`).
fn year_index(inp: &Inputs, index: &mut Vec<usize>, years: &mut Vec<(i32, u32)>) {
    index.clear();
    years.clear();
    for t in 0..inp.months {
        let year = inp.start.plus(t).year;
        if years.last().is_none_or(|(y, _)| *y != year) {
            years.push((year, 0));
        }
        if let Some(last) = years.last_mut() {
            last.1 += 1;
        }
        index.push(years.len() - 1);
    }
}

/// The region's benefit households and people at the start.
fn start_totals(inp: &Inputs) -> (f64, f64) {
    let benefits = inp.start_stock.iter().sum();
    let people = inp
        .start_stock
        .iter()
        .zip(&inp.people_per_benefit)
        .map(|(s, p)| s * p)
        .sum();
    (benefits, people)
}

fn dec(x: f64) -> Decimal {
    Decimal::from_f64_retain(x).unwrap_or(Decimal::ZERO)
}

/// A decimal of at most two decimals (every amount of the BUIG accounts is rounded to the
/// cent) in cents.
fn cents_of(d: Decimal) -> Cents {
    // Never None: the accounts round to the cent.
    Cents::of_decimal(d).unwrap_or_default()
}

/// What a ledger keeps from one run to the next: buffers it refills, and the figures that
/// depend only on inputs a Monte Carlo seldom draws (the cost key, the re-integration
/// budget per year), each kept with the input bits it was computed from and computed again
/// when they change. None of it changes a result: a kept figure is the one the same inputs
/// give.
#[derive(Default)]
struct Scratch {
    key_cost: Vec<[Cents; N_MUNI]>,
    buig_cost: Vec<[Cents; N_MUNI]>,
    cum_region: Vec<(f64, Cents)>,
    cum_muni: Vec<[(f64, Cents); N_MUNI]>,
    cost_per_benefit: Vec<f64>,
    calendar: Vec<YearMonth>,
    spending: Vec<i128>,
    spending_without: Vec<i128>,
    accounts: Vec<BuigYear>,
    /// The cost key and the bits of the key and overhead percentages it was made from.
    cost_key: Option<([u64; N_MUNI], u64, CostKey)>,
    /// The years the re-integration budgets below are for.
    budget_years: Vec<(i32, u32)>,
    /// Per municipality: the bits of its yearly budget and the budget of each year in cents.
    budgets: [(Option<u64>, Vec<Cents>); N_MUNI],
}

impl Scratch {
    /// The cost key of `inp`, made from its percentages rounded to four decimals.
    fn cost_key(&mut self, inp: &Inputs) -> &CostKey {
        let key_bits = inp.cost_key_pct.map(f64::to_bits);
        let overhead_bits = inp.cost_split_overhead_pct.to_bits();
        let fresh = self
            .cost_key
            .as_ref()
            .is_some_and(|(k, o, _)| *k == key_bits && *o == overhead_bits);
        if !fresh {
            let key = CostKey::new(
                inp.cost_key_pct.map(|k| dec(k).round_dp(4)),
                dec(inp.cost_split_overhead_pct).round_dp(4),
            );
            self.cost_key = Some((key_bits, overhead_bits, key));
        }
        // Just filled when it was not fresh.
        &self.cost_key.as_ref().expect("cost key").2
    }

    /// Municipality `m`'s re-integration budget for each of `years` (frozen in euros,
    /// prorated for partial years), in cents.
    fn budgets(&mut self, inp: &Inputs, m: usize, years: &[(i32, u32)]) -> &[Cents] {
        if self.budget_years != years {
            self.budget_years.clear();
            self.budget_years.extend_from_slice(years);
            for (bits, _) in &mut self.budgets {
                *bits = None;
            }
        }
        let budget_eur = inp.reintegration_budget_eur[m];
        let (bits, per_year) = &mut self.budgets[m];
        if *bits != Some(budget_eur.to_bits()) {
            let budget = dec(budget_eur);
            per_year.clear();
            per_year.extend(years.iter().map(|&(_, months)| {
                cents_of(
                    (budget * Decimal::from(months) / Decimal::from(12)).round_dp_with_strategy(
                        2,
                        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                    ),
                )
            }));
            *bits = Some(budget_eur.to_bits());
        }
        per_year
    }
}

/// The yearly table of one municipality (into `area.years` and `area.year_money`): flows
/// summed from its months, money from its BUIG accounts.
fn municipality_years(
    inp: &Inputs,
    m: usize,
    area: &mut Area,
    year_of: &[usize],
    years: &[(i32, u32)],
    rules: &budget::AccountRules,
    scratch: &mut Scratch,
) {
    let Area {
        months: rows,
        money,
        years: out,
        year_money: sums,
        ..
    } = area;
    sums.clear();
    sums.resize(years.len(), YearMoney::default());
    for (row, &y) in money.iter().zip(year_of) {
        let s = &mut sums[y];
        s.spending += row.spending;
        s.spending_without += row.spending + row.saving;
        s.cost_share += row.cost;
    }
    scratch.spending.clear();
    scratch
        .spending
        .extend(sums.iter().map(|s| s.spending.cents()));
    scratch.spending_without.clear();
    scratch
        .spending_without
        .extend(sums.iter().map(|s| s.spending_without.cents()));
    rules.accounts_into(
        &scratch.spending,
        &scratch.spending_without,
        years.last().map_or(12, |&(_, months)| months),
        &mut scratch.accounts,
    );
    let accounts = std::mem::take(&mut scratch.accounts);
    let budgets = scratch.budgets(inp, m, years);
    for ((s, acc), &budget) in sums.iter_mut().zip(&accounts).zip(budgets) {
        s.gross_saving = s.spending_without - s.spending;
        s.grant = acc.grant;
        s.feedback = acc.feedback;
        s.vangnet = acc.vangnet;
        s.vangnet_change = acc.vangnet_without - s.vangnet;
        s.saving = s.gross_saving - s.feedback - s.vangnet_change;
        s.reintegration_budget = budget;
        s.net_position = s.saving - s.cost_share;
    }
    scratch.accounts = accounts;
    out.clear();
    out.extend(years.iter().map(|&(year, months)| YearOut {
        year,
        months,
        benefits_end: 0.0,
        people_end: 0.0,
        inflow: 0.0,
        reentries: 0.0,
        exits_to_work: 0.0,
        exits_other: 0.0,
        programme_starts: 0.0,
        benefits_end_without_programmes: 0.0,
        exits_to_work_without_programmes: 0.0,
        benefit_spending_eur: Decimal::ZERO,
        benefit_spending_without_programmes_eur: Decimal::ZERO,
        gross_saving_eur: Decimal::ZERO,
        buig_grant_eur: Decimal::ZERO,
        grant_feedback_eur: Decimal::ZERO,
        vangnet_eur: Decimal::ZERO,
        vangnet_change_eur: Decimal::ZERO,
        saving_eur: Decimal::ZERO,
        cost_share_eur: Decimal::ZERO,
        reintegration_budget_eur: Decimal::ZERO,
        net_position_eur: Decimal::ZERO,
    }));
    for (row, &y) in rows.iter().zip(year_of) {
        let o = &mut out[y];
        o.benefits_end = row.benefits;
        o.people_end = row.people;
        o.inflow += row.inflow;
        o.reentries += row.reentries;
        o.exits_to_work += row.exits_to_work;
        o.exits_other += row.exits_other;
        o.programme_starts += row.programme_starts;
        o.benefits_end_without_programmes = row.benefits_without_programmes;
        o.exits_to_work_without_programmes += row.exits_to_work_without_programmes;
    }
}

/// Add one yearly table's flows into another (the region's is the sum of the
/// municipalities'; the money is summed in cents).
fn add_years(total: &mut [YearOut], part: &[YearOut]) {
    for (t, p) in total.iter_mut().zip(part) {
        t.benefits_end += p.benefits_end;
        t.people_end += p.people_end;
        t.inflow += p.inflow;
        t.reentries += p.reentries;
        t.exits_to_work += p.exits_to_work;
        t.exits_other += p.exits_other;
        t.programme_starts += p.programme_starts;
        t.benefits_end_without_programmes += p.benefits_end_without_programmes;
        t.exits_to_work_without_programmes += p.exits_to_work_without_programmes;
    }
}

impl Area {
    fn summary(&self, discount_rate: f64, year_of: &[usize]) -> Summary {
        let last = self.months.last();
        let sum = |f: fn(&MonthOut) -> f64| self.months.iter().map(f).sum::<f64>();
        let gross: Cents = self.money.iter().map(|m| m.saving).sum();
        let cost: Cents = self.money.iter().map(|m| m.cost).sum();
        let feedback: Cents = self
            .year_money
            .iter()
            .map(|y| y.gross_saving - y.saving)
            .sum();
        let saving = gross - feedback;
        // Payback and present value on the saving kept: each year's feedback spread evenly
        // over its months (in f64: this only decides the month, it reports no amount). Payback
        // is the month from which the cumulative saving stays at or above the cumulative cost
        // to the end of the horizon, so a cheap early track cannot claim it for a programme
        // whose later costs are never earned back.
        let (mut cum_saving, mut cum_cost) = (0.0, 0.0);
        let mut payback = None;
        let mut present_value = Cents::default();
        let feedback_month = |y: usize| {
            let (money, year) = (&self.year_money[y], &self.years[y]);
            (money.gross_saving - money.saving).to_f64() / f64::from(year.months.max(1))
        };
        // The year's feedback per month, worked out when its first month comes.
        let mut year = None;
        for (t, (m, &y)) in self.money.iter().zip(year_of).enumerate() {
            let feedback = match year {
                Some((current, feedback)) if current == y => feedback,
                _ => {
                    let feedback = feedback_month(y);
                    year = Some((y, feedback));
                    feedback
                }
            };
            let kept = m.saving.to_f64() - feedback;
            let spent = m.cost.to_f64();
            cum_saving += kept;
            cum_cost += spent;
            if cum_cost > 0.0 && cum_saving >= cum_cost {
                payback.get_or_insert(t as u32 + 1);
            } else {
                payback = None;
            }
            // Undiscounted, the present value is the net saving exactly (below).
            if discount_rate != 0.0 {
                let factor = libm::pow(1.0 + discount_rate, -(t as f64) / 12.0);
                present_value += Cents::of_eur((kept - spent) * factor);
            }
        }
        if discount_rate == 0.0 {
            present_value = saving - cost;
        }
        let exits = sum(|m| m.exits_to_work);
        let exits_without = sum(|m| m.exits_to_work_without_programmes);
        let (saving, cost) = (saving.to_decimal(), cost.to_decimal());
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
            participant_exits_to_work: self.participant_exits.iter().map(|f| f[0]).sum(),
            deadweight_exits: self.participant_exits.iter().map(|f| f[1]).sum(),
            benefit_months_avoided: self.benefit_months_avoided,
            gross_saving_eur: gross.to_decimal(),
            feedback_eur: feedback.to_decimal(),
            saving_after_feedback_eur: saving,
            programme_cost_eur: cost,
            net_saving_eur: saving - cost,
            present_value_net_eur: present_value.to_decimal(),
            payback_month: payback,
            return_per_euro: ratio(saving, cost),
            budget_overallocation_eur: Decimal::ZERO,
        }
    }

    /// Write the money kept in cents into the monthly and yearly tables' decimals.
    fn fill_money(&mut self) {
        for (row, m) in self.months.iter_mut().zip(&self.money) {
            row.benefit_spending_eur = m.spending.to_decimal();
            row.gross_saving_eur = m.saving.to_decimal();
            row.programme_cost_eur = m.cost.to_decimal();
        }
        for (row, m) in self.years.iter_mut().zip(&self.year_money) {
            m.fill(row);
        }
    }
}

/// Cost paid each month by each municipality: re-integration programmes by the cost key (with
/// the overhead on the regional shares), BUIG-funded ones where the participant lives.
/// Fills `scratch.key_cost[t][m]` and `scratch.buig_cost[t][m]`, in cents.
fn programme_costs(inp: &Inputs, with: &Chain, scratch: &mut Scratch) {
    let months = inp.months as usize;
    let n_prog = inp.programmes.len();
    let mut key_cost = std::mem::take(&mut scratch.key_cost);
    let mut buig = std::mem::take(&mut scratch.buig_cost);
    key_cost.clear();
    key_cost.resize(months, [Cents::default(); N_MUNI]);
    buig.clear();
    buig.resize(months, [Cents::default(); N_MUNI]);
    // Cumulative rounding keeps each programme's total exact: month t pays
    // round(cumulative to t) − round(cumulative to t−1).
    let mut cum_region = std::mem::take(&mut scratch.cum_region);
    cum_region.clear();
    cum_region.resize(n_prog, (0.0, Cents::default()));
    let mut cum_muni = std::mem::take(&mut scratch.cum_muni);
    cum_muni.clear();
    cum_muni.resize(n_prog, [(0.0, Cents::default()); N_MUNI]);
    let key = scratch.cost_key(inp);
    // The key splits the cumulative cost, and each month pays the difference, so that each
    // municipality's total is the key's split of the whole cost to the cent (split month by
    // month, the roundings drifted by up to a cent a month). A month of a few cents' cost can
    // move a cent from one municipality to another (the largest-remainder split of a growing
    // total is not monotone: the Alabama paradox), so a month may read -0.01; at real costs,
    // thousands of euros a month, it does not happen, and the totals are exact either way.
    let (mut key_total, mut key_paid) = (Cents::default(), [Cents::default(); N_MUNI]);
    for t in 0..months {
        let mut region_reintegration = Cents::default();
        for (p, prog) in inp.programmes.iter().enumerate() {
            match prog.funding {
                Funding::Reintegration => {
                    let starts: f64 = (0..N_MUNI).map(|m| with.starts(t, m, p)).sum();
                    let (f, paid) = &mut cum_region[p];
                    *f += starts * prog.cost_per_participant_eur;
                    let now = Cents::of_eur(*f);
                    region_reintegration += now - *paid;
                    *paid = now;
                }
                Funding::Buig => {
                    for (m, slot) in buig[t].iter_mut().enumerate() {
                        let (f, paid) = &mut cum_muni[p][m];
                        *f += with.starts(t, m, p) * prog.cost_per_participant_eur;
                        let now = Cents::of_eur(*f);
                        *slot += now - *paid;
                        *paid = now;
                    }
                }
            }
        }
        if !region_reintegration.is_zero() {
            key_total += region_reintegration;
            let now = key.split_cents(key_total);
            for ((cost, paid), now) in key_cost[t].iter_mut().zip(&mut key_paid).zip(now) {
                *cost = now - *paid;
                *paid = now;
            }
        }
    }
    scratch.key_cost = key_cost;
    scratch.buig_cost = buig;
    scratch.cum_region = cum_region;
    scratch.cum_muni = cum_muni;
}

pub(crate) struct Tables {
    /// The region's headline figures.
    pub summary: Summary,
    /// The region, month by month.
    pub months: Vec<MonthOut>,
    /// The region, per calendar year.
    pub years: Vec<YearOut>,
    /// Each municipality.
    pub municipalities: Vec<MunicipalityResults>,
    /// The budget check; None when the scenario states no budget.
    pub budget: Option<BudgetCheck>,
}

/// The budget check of a scenario: its programmes' planned cost against the money available.
fn budget_check(inp: &Inputs) -> Option<BudgetCheck> {
    inp.budget_available_eur.map(|available| {
        let programmes_eur: Decimal = inp
            .programmes
            .iter()
            .filter(|p| p.funding == Funding::Reintegration)
            .map(|p| planned_cost(p.participants, p.cost_per_participant_eur))
            .sum();
        let other = eur(inp.budget_other_allocations_eur);
        let allocated = programmes_eur + other;
        let available = eur(available);
        BudgetCheck {
            available_eur: available,
            programmes_eur,
            other_allocations_eur: other,
            allocated_eur: allocated,
            overallocation_eur: (allocated - available).max(Decimal::ZERO),
        }
    })
}

/// A run's tables with their money still in cents: what a Monte Carlo run reads its numbers
/// A run's tables with their money still in cents: what a Monte Carlo run reads its numbers
/// from (it needs no decimals), and what [`tables`] finishes. A Monte Carlo keeps one and
/// refills it for every run ([`Ledger::fill`]), so its tables are allocated once.
#[derive(Default)]
pub(crate) struct Ledger {
    /// Each municipality.
    pub municipalities: Vec<Area>,
    /// The region: the sum of the municipalities.
    pub region: Area,
    year_of: Vec<usize>,
    /// Each calendar year of the horizon and its months in it.
    years: Vec<(i32, u32)>,
    discount_rate: f64,
    budget: Option<BudgetCheck>,
    scratch: Scratch,
}

impl Ledger {
    /// The region's summary.
    pub fn summary(&self) -> Summary {
        let mut summary = self.region.summary(self.discount_rate, &self.year_of);
        if let Some(b) = &self.budget {
            summary.budget_overallocation_eur = b.overallocation_eur;
        }
        summary
    }

    /// A municipality's summary.
    pub fn municipality_summary(&self, m: usize) -> Summary {
        self.municipalities[m].summary(self.discount_rate, &self.year_of)
    }

    /// The tables, money in decimals.
    pub fn finish(self) -> Tables {
        let summary = self.summary();
        let Ledger {
            municipalities,
            mut region,
            year_of,
            discount_rate,
            budget,
            ..
        } = self;
        region.fill_money();
        Tables {
            summary,
            months: region.months,
            years: region.years,
            municipalities: municipalities
                .into_iter()
                .zip(MUNICIPALITIES)
                .map(|(mut a, muni)| {
                    let summary = a.summary(discount_rate, &year_of);
                    a.fill_money();
                    MunicipalityResults {
                        id: muni.id,
                        name: muni.name,
                        summary,
                        months: a.months,
                        years: a.years,
                    }
                })
                .collect(),
            budget,
        }
    }

    /// The ledger of a scenario chain and its counterfactual, in place of what it held
    /// (reusing its buffers): the same tables as a new [`ledger`].
    pub fn fill(&mut self, inp: &Inputs, with: &Chain, without: &Chain) {
        let months = inp.months as usize;
        year_index(inp, &mut self.year_of, &mut self.years);
        let scratch = &mut self.scratch;
        programme_costs(inp, with, scratch);
        scratch.cost_per_benefit.clear();
        scratch
            .cost_per_benefit
            .extend((0..inp.months).map(|t| benefit_cost(inp, t)));
        scratch.calendar.clear();
        scratch
            .calendar
            .extend((0..inp.months).map(|t| inp.start.plus(t)));
        let rules = budget::AccountRules::of(inp);

        self.municipalities.resize_with(N_MUNI, Area::default);
        for (m, area) in self.municipalities.iter_mut().enumerate() {
            let ppb = inp.people_per_benefit[m];
            area.months.clear();
            area.money.clear();
            area.participant_exits.clear();
            for t in 0..months {
                let f = with.flows[t][m];
                let cf = without.flows[t][m];
                let cost_per_benefit = scratch.cost_per_benefit[t];
                let spending =
                    Cents::of_eur(f.benefits_start * cost_per_benefit) + scratch.buig_cost[t][m];
                let spending_without = Cents::of_eur(cf.benefits_start * cost_per_benefit);
                area.money.push(MonthMoney {
                    spending,
                    saving: spending_without - spending,
                    cost: scratch.key_cost[t][m],
                });
                area.months.push(MonthOut {
                    month: scratch.calendar[t],
                    benefits: f.benefits,
                    people: f.benefits * ppb,
                    inflow: f.inflow,
                    reentries: f.reentries,
                    exits_to_work: f.exits_to_work,
                    exits_other: f.exits_other,
                    programme_starts: f.starts,
                    in_programme: f.in_programme,
                    benefits_without_programmes: cf.benefits,
                    people_without_programmes: cf.benefits * ppb,
                    exits_to_work_without_programmes: cf.exits_to_work,
                    benefit_spending_eur: Decimal::ZERO,
                    gross_saving_eur: Decimal::ZERO,
                    programme_cost_eur: Decimal::ZERO,
                });
                area.participant_exits
                    .push([f.participant_exits_to_work, f.deadweight_exits]);
            }
            municipality_years(inp, m, area, &self.year_of, &self.years, &rules, scratch);
            area.benefit_months_avoided = (0..months)
                .map(|t| without.flows[t][m].benefits_start - with.flows[t][m].benefits_start)
                .sum();
            area.start_benefits = inp.start_stock[m];
            area.people_per_benefit = ppb;
        }

        // The region: sums of the municipalities (money sums exactly).
        let (start_benefits, start_people) = start_totals(inp);
        let region = &mut self.region;
        let (first, rest) = self.municipalities.split_at(1);
        region.months.clone_from(&first[0].months);
        region.money.clone_from(&first[0].money);
        region
            .participant_exits
            .clone_from(&first[0].participant_exits);
        region.years.clone_from(&first[0].years);
        region.year_money.clone_from(&first[0].year_money);
        for area in rest {
            for (r, m) in region.months.iter_mut().zip(&area.months) {
                r.benefits += m.benefits;
                r.people += m.people;
                r.inflow += m.inflow;
                r.reentries += m.reentries;
                r.exits_to_work += m.exits_to_work;
                r.exits_other += m.exits_other;
                r.programme_starts += m.programme_starts;
                r.in_programme += m.in_programme;
                r.benefits_without_programmes += m.benefits_without_programmes;
                r.people_without_programmes += m.people_without_programmes;
                r.exits_to_work_without_programmes += m.exits_to_work_without_programmes;
            }
            for (r, m) in region.money.iter_mut().zip(&area.money) {
                r.spending += m.spending;
                r.saving += m.saving;
                r.cost += m.cost;
            }
            for (r, f) in region
                .participant_exits
                .iter_mut()
                .zip(&area.participant_exits)
            {
                r[0] += f[0];
                r[1] += f[1];
            }
            add_years(&mut region.years, &area.years);
            for (r, y) in region.year_money.iter_mut().zip(&area.year_money) {
                r.add(y);
            }
        }
        region.benefit_months_avoided = self
            .municipalities
            .iter()
            .map(|a| a.benefit_months_avoided)
            .sum();
        region.start_benefits = start_benefits;
        region.people_per_benefit = if start_benefits > 0.0 {
            start_people / start_benefits
        } else {
            1.0
        };
        self.discount_rate = inp.discount_rate;
        self.budget = budget_check(inp);
    }
}

/// The region's and each municipality's tables and summaries, from a scenario chain and its
/// counterfactual.
pub(crate) fn tables(inp: &Inputs, with: &Chain, without: &Chain) -> Tables {
    ledger(inp, with, without).finish()
}

/// [`tables`] with the money still in cents.
pub(crate) fn ledger(inp: &Inputs, with: &Chain, without: &Chain) -> Ledger {
    let mut ledger = Ledger::default();
    ledger.fill(inp, with, without);
    ledger
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
    let tables = tables(inp, with, without);

    let programmes: Vec<ProgrammeOut> = scenario
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
                cost_eur: eur(started * prog.cost_per_participant_eur),
                participant_exits_to_work: exits[0],
                deadweight_exits: exits[1],
            }
        })
        .collect();

    // The part of the shock inside the horizon.
    let (start_benefits, start_people) = start_totals(inp);
    let shock_months = inp
        .growth_months
        .min(inp.months.saturating_sub(inp.growth_start));
    let applied = inp.growth * f64::from(shock_months) / f64::from(inp.growth_months.max(1));
    let growth_shock = (inp.growth != 0.0).then(|| GrowthShock {
        pct: inp.growth_pct,
        base_benefits: start_benefits,
        from: inp.start.plus(inp.growth_start),
        planned_months: inp.growth_months,
        months: shock_months,
        extra_inflow_benefits: applied * start_benefits,
        extra_inflow_people: applied * start_people,
    });

    Results {
        version: crate::VERSION,
        summary: tables.summary,
        years: tables.years,
        months: tables.months,
        municipalities: tables.municipalities,
        programmes,
        growth_shock,
        budget: tables.budget,
        notes,
        money_rounding: MONEY_ROUNDING,
        scenario,
    }
}

/// Participants × cost per participant, in decimals, rounded to the cent.
pub fn planned_cost(participants: f64, cost_per_participant_eur: f64) -> Decimal {
    (dec(participants) * eur(cost_per_participant_eur))
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_rounding_rule_is_in_dutch_too() {
        crate::lang::bilingual::assert_translated(super::MONEY_ROUNDING, super::MONEY_ROUNDING_NL);
    }
}
