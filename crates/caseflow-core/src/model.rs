//! The cohort kernel: households in cells, moved month by month.
//!
//! Per municipality the state is
//! - baseline cells: 3 distance-to-work groups (near, mid, far) × 7 time-on-benefit bands
//!   (0-2, 3-5, 6-11, 12-23, 24-35, 36-59, 60+ months);
//! - per programme, two cells per distance group and band: *in* the programme and *after* it
//!   with the effect still active (participants keep their group and age through the bands
//!   like everyone else, so their chance of leaving falls as it would have without the
//!   programme);
//! - two leaver pools (after an exit to work, after another exit), each in two 12-month stages,
//!   from which a share returns (re-entry).
//!
//! One month, in order (all flows from the stock at the start of the month):
//! 1. exits to work and for other reasons from every cell; the hazard falls with time on
//!    benefit (`exit_*_pct`), the work share too (`work_share_*`), the distance group scales
//!    the chance of work (`work_factor_*`); programmes multiply the chance of work by
//!    `1 − lock_in` while in them (× `1 + effect` as well when the effect starts at once) and by
//!    `1 + effect` after them;
//! 2. re-entries leave the leaver pools; the pools age; this month's exits enter them;
//! 3. programme phases of those already in: completion at `1/duration` a month (a geometric
//!    duration with the stated mean, counted from the month after intake, so everyone meets
//!    at least one month in the programme); the effect fades at `1 − 0.5^(1/half_life)` a
//!    month (so the average uplift of those still on benefit halves every half-life), and the
//!    faded return to the baseline cell of their own group and band;
//! 4. programme intake, region-wide: the smallest of the planned starts (participants spread
//!    over the intake months, shortfalls carried forward), the free capacity and half the
//!    eligible stock, taken from the eligible cells of each municipality in proportion (beyond
//!    60 months, time on benefit is taken as geometric at the 60+ exit chance);
//! 5. ageing: a band of width w passes `1/w` of its households to the next band each month
//!    (a geometric approximation within bands; exact for the averages of the band hazards);
//! 6. inflow (new, growth shock and re-entries) enters the first band, split by distance; the
//!    far group's new inflow grows by `far_inflow_growth_pct` each year of the run.
//!
//! Households are conserved: households(t+1) = households(t) + inflow − exits, in every
//! municipality and month; no cell goes negative (exit shares are capped at 1).

use crate::inputs::{Inputs, ProgrammeInputs};
use crate::lanes::Lanes;
use crate::region::N_MUNI;
use crate::scenario::{EffectFrom, Target};

/// Number of time-on-benefit bands.
pub const BANDS: usize = 7;
/// First month of each band.
pub const BAND_START: [f64; BANDS] = [0.0, 3.0, 6.0, 12.0, 24.0, 36.0, 60.0];
/// Share of a band that ages into the next band each month (1 / width; the last band keeps).
const AGE: [f64; BANDS] = [
    1.0 / 3.0,
    1.0 / 3.0,
    1.0 / 6.0,
    1.0 / 12.0,
    1.0 / 12.0,
    1.0 / 24.0,
    0.0,
];
/// Which of the five exit-chance parameters applies to each band.
const HAZARD_OF_BAND: [usize; BANDS] = [0, 0, 0, 1, 2, 3, 4];
/// Which of the three work-share parameters applies to each band.
const WORK_SHARE_OF_BAND: [usize; BANDS] = [0, 0, 0, 1, 1, 2, 2];
/// Distance-to-work groups: near, mid, far.
pub const GROUPS: usize = 3;
/// Months a leaver spends in each of the two leaver stages, on average.
const LEAVER_STAGE_MONTHS: f64 = 12.0;
/// The most of an eligible cell a programme can take in one month.
const MAX_INTAKE_SHARE: f64 = 0.5;

/// One municipality's flows in one month.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Flows {
    /// Benefit households at the start of the month.
    pub benefits_start: f64,
    /// Benefit households at the end of the month.
    pub benefits: f64,
    /// All households in the model at the end of the month (benefits plus participants who
    /// do not count as benefit households).
    pub households: f64,
    /// New inflow, growth shock included.
    pub inflow: f64,
    /// Returns from the leaver pools.
    pub reentries: f64,
    /// Exits to work.
    pub exits_to_work: f64,
    /// Exits for other reasons.
    pub exits_other: f64,
    /// Programme starts (all programmes).
    pub starts: f64,
    /// Participants in a programme at the end of the month.
    pub in_programme: f64,
    /// Exits to work of participants (in or after a programme, effect still active).
    pub participant_exits_to_work: f64,
    /// The part of those exits that would have happened at the baseline chance (deadweight).
    pub deadweight_exits: f64,
}

/// A whole run of one chain (the scenario, or its counterfactual).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Chain {
    /// `flows[t][m]`: month t, municipality m.
    pub flows: Vec<[Flows; N_MUNI]>,
    /// `starts[(t * N_MUNI + m) * P + p]`: starts of programme p.
    pub programme_starts: Vec<f64>,
    /// `programme_exits[t * P + p]`: region-wide exits to work of programme p's participants
    /// and the deadweight part of them.
    pub programme_exits: Vec<[f64; 2]>,
    /// Number of programmes (P).
    pub n_programmes: usize,
}

impl Chain {
    /// Starts of programme `p` in municipality `m` in month `t`.
    pub fn starts(&self, t: usize, m: usize, p: usize) -> f64 {
        self.programme_starts[(t * N_MUNI + m) * self.n_programmes + p]
    }
}

/// Monthly rates shared by all municipalities.
struct Rates {
    work: [[f64; BANDS]; GROUPS],
    other: [f64; BANDS],
    /// The largest of `work` and of `other`.
    max_work: f64,
    max_other: f64,
    reentry_work: f64,
    reentry_other: f64,
    leaver_age: f64,
}

impl Rates {
    fn new(inp: &Inputs) -> Rates {
        let mut work = [[0.0; BANDS]; GROUPS];
        let mut other = [0.0; BANDS];
        for b in 0..BANDS {
            let h = inp.exit_by_years[HAZARD_OF_BAND[b]];
            let ws = inp.work_share[WORK_SHARE_OF_BAND[b]];
            other[b] = h * (1.0 - ws);
            for (g, row) in work.iter_mut().enumerate() {
                row[b] = h * ws * inp.work_factor[g];
            }
        }
        let a = 1.0 / LEAVER_STAGE_MONTHS;
        // Two stages of mean 12 months: a share s returns within them when the monthly return
        // chance r satisfies 1 − (a / (a + r))² = s.
        let reentry = |s: f64| a * (1.0 / (1.0 - s.min(0.99)).sqrt() - 1.0);
        Rates {
            max_work: work.iter().flatten().fold(0.0, |a: f64, &b| a.max(b)),
            max_other: other.iter().fold(0.0, |a: f64, &b| a.max(b)),
            work,
            other,
            reentry_work: reentry(inp.reentry_work),
            reentry_other: reentry(inp.reentry_other),
            leaver_age: a,
        }
    }
}

/// Exits to work and other from `stock` at the given chances, capped so that together they
/// never exceed the stock. `may_cap` false promises that the chances add up to at most 1 (see
/// [`LaneRates::may_cap`]), so the month's loops need no test per cell.
#[inline(always)]
fn exits(stock: f64, work: f64, other: f64, may_cap: bool) -> (f64, f64) {
    let total = work + other;
    if may_cap && total > 1.0 {
        (stock * work / total, stock * other / total)
    } else {
        (stock * work, stock * other)
    }
}

/// [`exits`] for `L` runs. `may_cap` is whether any lane may cap; a lane that may not never
/// has chances above 1, so testing it changes nothing.
#[inline(always)]
fn exits_lanes<const L: usize>(
    stock: Lanes<L>,
    work: Lanes<L>,
    other: Lanes<L>,
    may_cap: bool,
) -> (Lanes<L>, Lanes<L>) {
    if may_cap {
        let (mut w, mut o) = (Lanes::default(), Lanes::default());
        for l in 0..L {
            (w[l], o[l]) = exits(stock[l], work[l], other[l], true);
        }
        (w, o)
    } else {
        (stock * work, stock * other)
    }
}

/// [`Rates`] of `L` runs, lane by lane.
struct LaneRates<const L: usize> {
    work: [[Lanes<L>; BANDS]; GROUPS],
    other: [Lanes<L>; BANDS],
    max_work: Lanes<L>,
    max_other: Lanes<L>,
    reentry_work: Lanes<L>,
    reentry_other: Lanes<L>,
    leaver_age: Lanes<L>,
}

impl<const L: usize> LaneRates<L> {
    fn new(rates: &[Rates; L]) -> LaneRates<L> {
        let lanes = |f: &dyn Fn(&Rates) -> f64| Lanes::from_fn(|l| f(&rates[l]));
        LaneRates {
            work: std::array::from_fn(|g| std::array::from_fn(|b| lanes(&|r| r.work[g][b]))),
            other: std::array::from_fn(|b| lanes(&|r| r.other[b])),
            max_work: lanes(&|r| r.max_work),
            max_other: lanes(&|r| r.max_other),
            reentry_work: lanes(&|r| r.reentry_work),
            reentry_other: lanes(&|r| r.reentry_other),
            leaver_age: lanes(&|r| r.leaver_age),
        }
    }

    /// Whether, in any lane, a cell's chances of work (× `noise_work` × a programme multiplier
    /// of at most `max_mult`) and other exit (× `noise_other`) may add up to more than 1.
    /// False means none does: rounding is monotone, so the largest products bound every
    /// cell's.
    fn may_cap(&self, noise_work: Lanes<L>, noise_other: Lanes<L>, max_mult: Lanes<L>) -> bool {
        (0..L).any(|l| {
            self.max_work[l] * noise_work[l] * max_mult[l] + self.max_other[l] * noise_other[l]
                > 1.0
        })
    }
}

/// A programme's state in one municipality: participants by distance group and band, so each
/// keeps its own group's chance of work and returns to its own group when the effect fades.
#[derive(Clone)]
struct ProgrammeCells<const L: usize> {
    inside: [[Lanes<L>; BANDS]; GROUPS],
    after: [[Lanes<L>; BANDS]; GROUPS],
}

struct Muni<const L: usize> {
    base: [[Lanes<L>; BANDS]; GROUPS],
    leavers_work: [Lanes<L>; 2],
    leavers_other: [Lanes<L>; 2],
    programmes: Vec<ProgrammeCells<L>>,
    /// Last month's exits to work and other exits: the scale of this month's process noise.
    last_exits: [Lanes<L>; 2],
}

/// What a programme does each month, precomputed (for one run).
struct ProgrammeRates {
    in_multiplier: f64,
    after_multiplier: f64,
    completion: f64,
    fade: f64,
    eligible_band: [f64; BANDS],
    eligible_group: [f64; GROUPS],
    /// The groups the programme takes from (its other groups' cells stay empty).
    groups: std::ops::Range<usize>,
    on_benefit: bool,
}

impl ProgrammeRates {
    /// `long_exit` is the monthly exit chance in the open 60+ band: time beyond 60 months is
    /// taken as geometric with that chance, so a target of "120 months or more" covers only
    /// the part of the band that has been there that long.
    fn new(p: &ProgrammeInputs, long_exit: f64) -> ProgrammeRates {
        let uplift = 1.0 + p.effect;
        let in_multiplier = (1.0 - p.lock_in)
            * if p.effect_from == EffectFrom::Start {
                uplift
            } else {
                1.0
            };
        let mut eligible_band = [0.0; BANDS];
        for b in 0..BANDS {
            // The share of band b inside [target_min, target_max + 1) months.
            let lo = BAND_START[b];
            let hi = if b + 1 < BANDS {
                BAND_START[b + 1]
            } else {
                f64::INFINITY
            };
            let from = lo.max(p.target_min_months);
            let to = hi.min(p.target_max_months + 1.0);
            eligible_band[b] = if to <= from {
                0.0
            } else if hi.is_infinite() {
                // P(from ≤ duration < to) within the band, durations beyond 60 geometric.
                let stay = 1.0 - long_exit.clamp(1e-6, 1.0);
                let survive = |m: f64| {
                    if m.is_infinite() {
                        0.0
                    } else {
                        libm::pow(stay, m - lo)
                    }
                };
                survive(from) - survive(to)
            } else {
                (to - from) / (hi - lo)
            };
        }
        let (eligible_group, groups) = match p.target {
            Target::Near => ([1.0, 0.0, 0.0], 0..1),
            Target::Mid => ([0.0, 1.0, 0.0], 1..2),
            Target::Far => ([0.0, 0.0, 1.0], 2..3),
            Target::Any => ([1.0, 1.0, 1.0], 0..GROUPS),
        };
        ProgrammeRates {
            in_multiplier,
            after_multiplier: uplift,
            completion: (1.0 / p.duration_months).min(1.0),
            // Computed once per run with libm, so native and wasm agree to the bit.
            fade: 1.0 - libm::pow(0.5, 1.0 / p.half_life_months),
            eligible_band,
            eligible_group,
            groups,
            on_benefit: p.on_benefit,
        }
    }
}

/// [`ProgrammeRates`] of `L` runs of the same shape (the group and whether participants
/// count as benefit households are the programme's, not drawn).
struct LaneProgramme<const L: usize> {
    in_multiplier: Lanes<L>,
    after_multiplier: Lanes<L>,
    completion: Lanes<L>,
    fade: Lanes<L>,
    eligible_band: [Lanes<L>; BANDS],
    eligible_group: [f64; GROUPS],
    groups: std::ops::Range<usize>,
    /// The first band any lane takes participants from: the bands before it stay empty
    /// (participants only age forward), so the month's loops skip them.
    first_band: usize,
    on_benefit: bool,
}

impl<const L: usize> LaneProgramme<L> {
    fn new(rates: [ProgrammeRates; L]) -> LaneProgramme<L> {
        let lanes = |f: &dyn Fn(&ProgrammeRates) -> f64| Lanes::from_fn(|l| f(&rates[l]));
        LaneProgramme {
            in_multiplier: lanes(&|r| r.in_multiplier),
            after_multiplier: lanes(&|r| r.after_multiplier),
            completion: lanes(&|r| r.completion),
            fade: lanes(&|r| r.fade),
            eligible_band: std::array::from_fn(|b| lanes(&|r| r.eligible_band[b])),
            eligible_group: rates[0].eligible_group,
            groups: rates[0].groups.clone(),
            first_band: (0..BANDS)
                .find(|&b| rates.iter().any(|r| r.eligible_band[b] > 0.0))
                .unwrap_or(BANDS),
            on_benefit: rates[0].on_benefit,
        }
    }
}

/// Age the bands from `first` on by one month: a share moves to the next band.
#[inline(always)]
fn age<const L: usize>(cells: &mut [Lanes<L>; BANDS], first: usize) {
    for b in (first..BANDS - 1).rev() {
        let moved = cells[b] * AGE[b];
        cells[b] -= moved;
        cells[b + 1] += moved;
    }
}

fn initial_state<const L: usize>(
    inps: &[&Inputs; L],
    rates: &[Rates; L],
    m: usize,
    n_programmes: usize,
) -> Muni<L> {
    let mut muni = Muni {
        base: [[Lanes::default(); BANDS]; GROUPS],
        leavers_work: [Lanes::default(); 2],
        leavers_other: [Lanes::default(); 2],
        last_exits: [Lanes::default(); 2],
        programmes: vec![
            ProgrammeCells {
                inside: [[Lanes::default(); BANDS]; GROUPS],
                after: [[Lanes::default(); BANDS]; GROUPS],
            };
            n_programmes
        ],
    };
    for l in 0..L {
        let (inp, rates) = (inps[l], &rates[l]);
        let s = inp.start_stock[m];
        let d = inp.duration_share;
        let by_band = [
            d[0] / 4.0,
            d[0] / 4.0,
            d[0] / 2.0,
            d[1] / 2.0,
            d[1] / 2.0,
            d[2],
            d[3],
        ];
        let (mut work, mut other) = (0.0, 0.0);
        for (g, row) in muni.base.iter_mut().enumerate() {
            for (b, cell) in row.iter_mut().enumerate() {
                cell[l] = s * inp.stock_share[g] * by_band[b];
                let (w, o) = exits(cell[l], rates.work[g][b], rates.other[b], true);
                work += w;
                other += o;
            }
        }
        // Leaver pools at their steady state for today's exits, so re-entries do not start
        // at zero.
        let a = rates.leaver_age;
        let pool = |exits: f64, r: f64| {
            let first = exits / (a + r);
            [first, first * a / (a + r)]
        };
        let (lw, lo) = (
            pool(work, rates.reentry_work),
            pool(other, rates.reentry_other),
        );
        for k in 0..2 {
            muni.leavers_work[k][l] = lw[k];
            muni.leavers_other[k][l] = lo[k];
        }
        muni.last_exits[0][l] = work;
        muni.last_exits[1][l] = other;
    }
    muni
}

impl<const L: usize> Muni<L> {
    /// The households in the baseline cells, summed group by group in band order (as
    /// `Lanes::sum` over the flattened cells would, without the iterator adapter that wasm
    /// builds do not inline).
    #[inline(always)]
    fn base_total(&self) -> Lanes<L> {
        let mut total = Lanes::sum(&[]);
        for row in &self.base {
            for cell in row {
                total += *cell;
            }
        }
        total
    }

    /// Households eligible for a programme.
    fn eligible(&self, pr: &LaneProgramme<L>) -> Lanes<L> {
        let mut e = Lanes::splat(0.0);
        for g in pr.groups.clone() {
            for b in pr.first_band..BANDS {
                e += self.base[g][b] * (pr.eligible_band[b] * pr.eligible_group[g]);
            }
        }
        e
    }
}

/// One municipality's flows in one month, for `L` runs.
#[derive(Clone, Copy, Default)]
struct LaneFlows<const L: usize> {
    benefits_start: Lanes<L>,
    benefits: Lanes<L>,
    households: Lanes<L>,
    inflow: Lanes<L>,
    reentries: Lanes<L>,
    exits_to_work: Lanes<L>,
    exits_other: Lanes<L>,
    starts: Lanes<L>,
    in_programme: Lanes<L>,
    participant_exits_to_work: Lanes<L>,
    deadweight_exits: Lanes<L>,
}

impl<const L: usize> LaneFlows<L> {
    /// Lane `l`'s flows.
    fn lane(&self, l: usize) -> Flows {
        Flows {
            benefits_start: self.benefits_start[l],
            benefits: self.benefits[l],
            households: self.households[l],
            inflow: self.inflow[l],
            reentries: self.reentries[l],
            exits_to_work: self.exits_to_work[l],
            exits_other: self.exits_other[l],
            starts: self.starts[l],
            in_programme: self.in_programme[l],
            participant_exits_to_work: self.participant_exits_to_work[l],
            deadweight_exits: self.deadweight_exits[l],
        }
    }
}

/// Run one chain. With `with_programmes` false it is the counterfactual: the same inputs,
/// no programmes.
pub fn run_chain(inp: &Inputs, with_programmes: bool) -> Chain {
    run_chain_with_noise(inp, with_programmes, None)
}

/// Process noise for one Monte Carlo run: standard normal draws `z[(t * N_MUNI + m) * 3 + k]`
/// for month t, municipality m and flow k (0 exits to work, 1 other exits, 2 new inflow).
///
/// Each flow of a municipality and month is scaled by `max(0, 1 + z / √μ)`, with μ its
/// expected size (last month's exits; this month's new inflow): the normal approximation of
/// Poisson counts, so a small municipality's flows vary relatively more than Maastricht's. The
/// scenario and its counterfactual get the same draws, so their difference carries no noise of
/// its own.
#[derive(Clone, Copy)]
pub struct Noise<'a>(pub &'a [f64]);

/// The number of noise draws a run of `months` needs.
pub fn noise_len(months: u32) -> usize {
    months as usize * N_MUNI * 3
}

#[inline]
fn noise_factor(z: f64, expected: f64) -> f64 {
    at_least(1.0 + z / at_least(expected, 1.0).sqrt(), 0.0)
}

/// `x.max(lo)` as a comparison (the same value for every `x`, NaN included, up to the sign
/// of a zero): WebAssembly has no instruction for Rust's `f64::max`, so there it is a
/// function call, and the month's loops call it thousands of times a run.
#[inline(always)]
fn at_least(x: f64, lo: f64) -> f64 {
    if x > lo { x } else { lo }
}

/// `x.min(hi)` as a comparison (see [`at_least`]).
#[inline(always)]
fn at_most(x: f64, hi: f64) -> f64 {
    if x < hi { x } else { hi }
}

/// [`run_chain`] with optional process noise.
pub fn run_chain_with_noise(
    inp: &Inputs,
    with_programmes: bool,
    noise: Option<Noise<'_>>,
) -> Chain {
    let [chain] = run_chains([inp], with_programmes, noise.map(|n| [n]));
    chain
}

/// Whether two runs' inputs can share [`run_chains`]: the same months and the same
/// programmes' target groups and benefit status (what shapes the cells; Monte Carlo draws
/// never change them).
pub fn same_shape(a: &Inputs, b: &Inputs) -> bool {
    a.months == b.months
        && a.programmes.len() == b.programmes.len()
        && a.programmes
            .iter()
            .zip(&b.programmes)
            .all(|(p, q)| p.target == q.target && p.on_benefit == q.on_benefit)
}

/// `L` runs at once, each lane exactly as [`run_chain_with_noise`] computes it alone (see
/// [`crate::lanes`]). Inputs of different shapes ([`same_shape`]) are run one by one.
pub fn run_chains<const L: usize>(
    inps: [&Inputs; L],
    with_programmes: bool,
    noise: Option<[Noise<'_>; L]>,
) -> [Chain; L] {
    let mut out = std::array::from_fn(|_| Chain::default());
    run_chains_into(inps, with_programmes, noise, &mut out);
    out
}

/// [`run_chains`] into chains the caller keeps from run to run: their vectors are cleared
/// and refilled, so a Monte Carlo allocates them once.
pub fn run_chains_into<const L: usize>(
    inps: [&Inputs; L],
    with_programmes: bool,
    noise: Option<[Noise<'_>; L]>,
    out: &mut [Chain; L],
) {
    if !inps.iter().all(|inp| same_shape(inp, inps[0])) {
        for (l, chain) in out.iter_mut().enumerate() {
            let mut one = [std::mem::take(chain)];
            run_chains_into([inps[l]], with_programmes, noise.map(|n| [n[l]]), &mut one);
            [*chain] = one;
        }
        return;
    }
    let scalar_rates: [Rates; L] = std::array::from_fn(|l| Rates::new(inps[l]));
    let rates = LaneRates::new(&scalar_rates);
    let n_prog = if with_programmes {
        inps[0].programmes.len()
    } else {
        0
    };
    let prog_rates: Vec<LaneProgramme<L>> = (0..n_prog)
        .map(|p| {
            LaneProgramme::new(std::array::from_fn(|l| {
                ProgrammeRates::new(&inps[l].programmes[p], inps[l].exit_by_years[4])
            }))
        })
        .collect();
    let max_multiplier = Lanes::from_fn(|l| {
        prog_rates.iter().fold(1.0, |m: f64, pr| {
            m.max(pr.in_multiplier[l]).max(pr.after_multiplier[l])
        })
    });
    let months = inps[0].months as usize;
    let mut munis: Vec<Muni<L>> = (0..N_MUNI)
        .map(|m| initial_state(&inps, &scalar_rates, m, n_prog))
        .collect();
    for chain in out.iter_mut() {
        chain.flows.clear();
        chain.flows.reserve(months);
        chain.programme_starts.clear();
        chain.programme_starts.resize(months * N_MUNI * n_prog, 0.0);
        chain.programme_exits.clear();
        chain.programme_exits.resize(months * n_prog, [0.0; 2]);
        chain.n_programmes = n_prog;
    }
    let mut started = vec![[0.0; L]; n_prog];
    let mut tallies = vec![[Lanes::<L>::splat(0.0); 2]; n_prog];
    let mut previous_benefits: Option<[Lanes<L>; N_MUNI]> = None;

    // The far group's new inflow grows by `far_inflow_growth` a year, stepping each January
    // of the run (a product, not a power, so native and wasm agree to the bit).
    let mut far_factor = Lanes::<L>::splat(1.0);
    let far_step = Lanes::from_fn(|l| 1.0 + inps[l].far_inflow_growth);
    for t in 0..months {
        if t > 0 && t % 12 == 0 {
            far_factor *= far_step;
        }
        let mut month = [LaneFlows::<L>::default(); N_MUNI];
        tallies.fill([Lanes::splat(0.0); 2]);

        // 1-2. Exits, re-entries, leaver pools; then the programme phases of those already in.
        for (m, muni) in munis.iter_mut().enumerate() {
            let f = &mut month[m];
            // This month starts where the last one ended (the start stock in the first month).
            f.benefits_start = match &previous_benefits {
                Some(previous) => previous[m],
                // No one is in a programme yet.
                None => muni.base_total(),
            };
            let (nw, no) = match &noise {
                Some(z) => {
                    let k = (t * N_MUNI + m) * 3;
                    (
                        Lanes::from_fn(|l| noise_factor(z[l].0[k], muni.last_exits[0][l])),
                        Lanes::from_fn(|l| noise_factor(z[l].0[k + 1], muni.last_exits[1][l])),
                    )
                }
                None => (Lanes::splat(1.0), Lanes::splat(1.0)),
            };
            let may_cap = rates.may_cap(nw, no, max_multiplier);
            // This month's chances with the noise, for the baseline and the programme cells.
            let work_chance: [[Lanes<L>; BANDS]; GROUPS] =
                std::array::from_fn(|g| std::array::from_fn(|b| rates.work[g][b] * nw));
            let other_chance: [Lanes<L>; BANDS] = std::array::from_fn(|b| rates.other[b] * no);
            let (mut to_work, mut other) = (Lanes::splat(0.0), Lanes::splat(0.0));
            for (cells, work) in muni.base.iter_mut().zip(&work_chance) {
                for ((cell, &work), &other_chance) in cells.iter_mut().zip(work).zip(&other_chance)
                {
                    let (w, o) = exits_lanes(*cell, work, other_chance, may_cap);
                    *cell -= w + o;
                    to_work += w;
                    other += o;
                }
            }
            let (mut participant_exits, mut deadweight_exits) =
                (f.participant_exits_to_work, f.deadweight_exits);
            for ((cells, pr), tally) in muni
                .programmes
                .iter_mut()
                .zip(&prog_rates)
                .zip(&mut tallies)
            {
                // This programme's exits to work, other exits and deadweight, summed here and
                // added to the month's totals once.
                let (mut work, mut gone, mut deadweight) =
                    (Lanes::splat(0.0), Lanes::splat(0.0), Lanes::splat(0.0));
                for g in pr.groups.clone() {
                    for b in pr.first_band..BANDS {
                        let (base_work, other_chance) = (work_chance[g][b], other_chance[b]);
                        for (cell, mult) in [
                            (&mut cells.inside[g][b], pr.in_multiplier),
                            (&mut cells.after[g][b], pr.after_multiplier),
                        ] {
                            let (w, o) =
                                exits_lanes(*cell, base_work * mult, other_chance, may_cap);
                            // Deadweight (hazard-based): the exits to work these participants
                            // would have had at their baseline chance, at most those they had.
                            let (w0, _) = exits_lanes(*cell, base_work, other_chance, may_cap);
                            *cell -= w + o;
                            work += w;
                            gone += o;
                            deadweight += w0.min_of(w);
                        }
                        // Programme phases of those who were already in: the effect fades, the
                        // faded return to their own group, and a share completes. This month's
                        // intake comes after, so everyone meets at least one month of lock-in.
                        let faded = cells.after[g][b] * pr.fade;
                        let done = cells.inside[g][b] * pr.completion;
                        cells.after[g][b] += done - faded;
                        cells.inside[g][b] -= done;
                        muni.base[g][b] += faded;
                    }
                }
                to_work += work;
                other += gone;
                participant_exits += work;
                deadweight_exits += deadweight;
                tally[0] += work;
                tally[1] += deadweight;
            }
            f.participant_exits_to_work = participant_exits;
            f.deadweight_exits = deadweight_exits;
            let re_w = [
                muni.leavers_work[0] * rates.reentry_work,
                muni.leavers_work[1] * rates.reentry_work,
            ];
            let re_o = [
                muni.leavers_other[0] * rates.reentry_other,
                muni.leavers_other[1] * rates.reentry_other,
            ];
            f.reentries = re_w[0] + re_w[1] + re_o[0] + re_o[1];
            for (pool, re, new) in [
                (&mut muni.leavers_work, re_w, to_work),
                (&mut muni.leavers_other, re_o, other),
            ] {
                let stay0 = pool[0] - re[0];
                let stay1 = pool[1] - re[1];
                let moving = stay0 * rates.leaver_age;
                pool[1] = stay1 - stay1 * rates.leaver_age + moving;
                pool[0] = stay0 - moving + new;
            }
            f.exits_to_work = to_work;
            f.exits_other = other;
            muni.last_exits = [to_work, other];
        }
        for (p, tally) in tallies.iter().enumerate() {
            for (l, chain) in out.iter_mut().enumerate() {
                chain.programme_exits[t * n_prog + p] = [tally[0][l], tally[1][l]];
            }
        }

        // 3. Programme intake, region-wide. What each run takes is decided run by run (a
        // few operations per month); the cells move for all runs at once, a run that takes
        // nothing this month with a fraction of zero.
        for (p, pr) in prog_rates.iter().enumerate() {
            // The programme's other groups' cells are empty: they add nothing.
            let (mut in_now, mut total_eligible) = (Lanes::<L>::splat(0.0), Lanes::splat(0.0));
            for mu in &munis {
                for g in pr.groups.clone() {
                    in_now += Lanes::sum(&mu.programmes[p].inside[g][pr.first_band..]);
                }
                total_eligible += mu.eligible(pr);
            }
            let mut fraction = Lanes::<L>::splat(0.0);
            for (l, inp) in inps.iter().enumerate() {
                let prog = &inp.programmes[p];
                if (t as u32) < prog.start_offset || prog.participants <= 0.0 {
                    continue;
                }
                let elapsed = f64::from(t as u32 - prog.start_offset + 1);
                let planned = prog.participants * at_most(elapsed / prog.intake_months, 1.0);
                let want = at_least(planned - started[p][l], 0.0);
                let room = at_least(prog.capacity - in_now[l], 0.0);
                let take = at_most(at_most(want, room), MAX_INTAKE_SHARE * total_eligible[l]);
                if take <= 0.0 || total_eligible[l] <= 0.0 {
                    continue;
                }
                fraction[l] = take / total_eligible[l];
                started[p][l] += take;
            }
            if fraction.0.iter().all(|&f| f == 0.0) {
                continue;
            }
            for (m, muni) in munis.iter_mut().enumerate() {
                let mut moved_total = Lanes::splat(0.0);
                for g in pr.groups.clone() {
                    let share = fraction * pr.eligible_group[g];
                    for b in pr.first_band..BANDS {
                        let moved = muni.base[g][b] * (pr.eligible_band[b] * share);
                        muni.base[g][b] -= moved;
                        muni.programmes[p].inside[g][b] += moved;
                        moved_total += moved;
                    }
                }
                for (l, chain) in out.iter_mut().enumerate() {
                    chain.programme_starts[(t * N_MUNI + m) * n_prog + p] = moved_total[l];
                }
                month[m].starts += moved_total;
            }
        }

        // 5-6. Ageing and inflow.
        for (m, muni) in munis.iter_mut().enumerate() {
            let f = &mut month[m];
            // Participants counted as they age: all of them, and those who count as benefit
            // households: everyone but participants who, while in a programme that says so,
            // do not count as benefit households (once the programme ends they count again).
            let (mut participants, mut participant_benefits) =
                (Lanes::splat(0.0), Lanes::splat(0.0));
            for (cells, pr) in muni.programmes.iter_mut().zip(&prog_rates) {
                let (mut inside, mut after) = (Lanes::splat(0.0), Lanes::splat(0.0));
                for g in pr.groups.clone() {
                    age(&mut cells.inside[g], pr.first_band);
                    age(&mut cells.after[g], pr.first_band);
                    inside += Lanes::sum(&cells.inside[g][pr.first_band..]);
                    after += Lanes::sum(&cells.after[g][pr.first_band..]);
                }
                f.in_programme += inside;
                participants += inside + after;
                participant_benefits += if pr.on_benefit { inside + after } else { after };
            }
            for cells in muni.base.iter_mut() {
                age(cells, 0);
            }
            let t32 = t as u32;
            let inflow = Lanes::from_fn(|l| {
                let inp = inps[l];
                let start_stock = inp.start_stock[m];
                let mut inflow = inp.new_inflow * start_stock;
                if t32 >= inp.growth_start
                    && t32 < inp.growth_start.saturating_add(inp.growth_months)
                {
                    inflow += inp.growth * start_stock / f64::from(inp.growth_months);
                }
                // `Scenario::resolve` refuses a negative shock larger than the new inflow, so
                // this never clips a valid scenario; it guards the arithmetic only.
                let mut inflow = at_least(inflow, 0.0);
                if let Some(z) = &noise {
                    inflow *= noise_factor(z[l].0[(t * N_MUNI + m) * 3 + 2], inflow);
                }
                inflow
            });
            f.inflow = Lanes::splat(0.0);
            for g in 0..GROUPS {
                let share = Lanes::from_fn(|l| inps[l].inflow_share[g]);
                let growth = if g == GROUPS - 1 {
                    far_factor
                } else {
                    Lanes::splat(1.0)
                };
                let new = inflow * share * growth;
                f.inflow += new;
                muni.base[g][0] += new + f.reentries * share;
            }
            let base = muni.base_total();
            f.benefits = base + participant_benefits;
            f.households = base + participants;
        }
        previous_benefits = Some(std::array::from_fn(|m| month[m].benefits));
        for (l, chain) in out.iter_mut().enumerate() {
            chain.flows.push(std::array::from_fn(|m| month[m].lane(l)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::ParamTable;
    use crate::scenario::Scenario;

    fn inputs(s: &Scenario) -> Inputs {
        s.resolve(&ParamTable::embedded().unwrap()).unwrap()
    }

    #[test]
    fn an_eligibility_window_covers_partial_bands() {
        let p = ProgrammeInputs {
            target_min_months: 6.0,
            target_max_months: 17.0,
            ..ProgrammeInputs::empty(
                Target::Any,
                EffectFrom::End,
                true,
                crate::scenario::Funding::Reintegration,
            )
        };
        let r = ProgrammeRates::new(&p, 0.006);
        assert_eq!(r.eligible_band, [0.0, 0.0, 1.0, 0.5, 0.0, 0.0, 0.0]);
    }

    #[test]
    fn households_are_conserved_in_every_municipality_and_month() {
        let s = Scenario::default();
        let inp = inputs(&s);
        let c = run_chain(&inp, true);
        let mut prev: Vec<f64> = inp.start_stock.to_vec();
        for month in &c.flows {
            for (m, f) in month.iter().enumerate() {
                let expected = prev[m] + f.inflow + f.reentries - f.exits_to_work - f.exits_other;
                assert!(
                    (f.households - expected).abs() < 1e-9 * expected.max(1.0),
                    "{m}: {} vs {expected}",
                    f.households
                );
                prev[m] = f.households;
            }
        }
    }

    #[test]
    fn runs_side_by_side_give_each_run_the_bits_it_gets_alone() {
        let model = crate::Model::new().unwrap();
        let base = inputs(&model.preset("corona-2021").unwrap().scenario);
        // Four runs that differ in rates, programmes and noise; the last one's noise is large
        // enough that chances are capped (the `may_cap` path), the others' not.
        let lanes: [Inputs; 4] = std::array::from_fn(|l| {
            let mut inp = base.clone();
            let f = 1.0 + 0.1 * l as f64;
            inp.exit_by_years[0] *= f;
            inp.reentry_work /= f;
            inp.far_inflow_growth += 0.01 * l as f64;
            for p in &mut inp.programmes {
                p.effect *= f;
                p.lock_in /= f;
                p.start_offset += l as u32;
            }
            inp
        });
        let noise: [Vec<f64>; 4] = std::array::from_fn(|l| {
            (0..noise_len(base.months))
                .map(|i| ((i * 7919 + l * 31) % 200) as f64 / 100.0 - 1.0)
                .map(|z| if l == 3 { z * 40.0 } else { z })
                .collect()
        });
        let z: [Noise<'_>; 4] = std::array::from_fn(|l| Noise(&noise[l]));
        // Chains that held another run: refilled, they hold exactly what new ones would.
        let mut reused: [Chain; 4] = std::array::from_fn(|_| run_chain(&base, true));
        for with_programmes in [true, false] {
            let together = run_chains(std::array::from_fn(|l| &lanes[l]), with_programmes, Some(z));
            let lane_refs = std::array::from_fn(|l| &lanes[l]);
            run_chains_into(lane_refs, with_programmes, Some(z), &mut reused);
            assert_eq!(reused, together);
            for l in 0..4 {
                let alone = run_chain_with_noise(&lanes[l], with_programmes, Some(z[l]));
                // Bit for bit: compare the bits, so that NaN or a signed zero would show too.
                let bits = |c: &Chain| {
                    let flows = c.flows.iter().flatten().flat_map(|f| {
                        [
                            f.benefits,
                            f.households,
                            f.inflow,
                            f.exits_to_work,
                            f.deadweight_exits,
                        ]
                    });
                    flows
                        .chain(c.programme_starts.iter().copied())
                        .chain(c.programme_exits.iter().flatten().copied())
                        .map(f64::to_bits)
                        .collect::<Vec<u64>>()
                };
                assert_eq!(bits(&together[l]), bits(&alone), "lane {l}");
                assert_eq!(together[l], alone, "lane {l}");
                // Capped where the chances add up to more than 1: no cell goes negative.
                assert!(
                    alone.flows.iter().flatten().all(|f| f.benefits >= 0.0),
                    "lane {l}"
                );
            }
        }
    }

    #[test]
    fn the_counterfactual_of_a_scenario_without_programmes_is_itself() {
        let inp = inputs(&Scenario::default());
        assert_eq!(run_chain(&inp, true), run_chain(&inp, false));
    }
}
