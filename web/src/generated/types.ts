// Generated from the Rust types in crates/caseflow-core by `cargo xtask codegen` (ts-rs).
// Do not edit: change the Rust type and run `cargo xtask codegen`; `cargo xtask test`
// fails while this file is stale.

/**
 * The money a scenario has for its programmes, and what else is taken from it.
 */
export type Budget = {
  /**
   * Money available.
   */
  available: Array<BudgetLine>,
  /**
   * Other allocations from the same money (besides the programmes' planned cost).
   */
  other_allocations: Array<BudgetLine>,
};

/**
 * The budget check: the programmes' planned cost and other allocations against the money
 * available.
 */
export type BudgetCheck = {
  /**
   * Money available.
   */
  available_eur: Decimal,
  /**
   * Planned cost of the programmes paid from the re-integration budget.
   */
  programmes_eur: Decimal,
  /**
   * Other allocations from the same money.
   */
  other_allocations_eur: Decimal,
  /**
   * Programmes plus other allocations.
   */
  allocated_eur: Decimal,
  /**
   * Allocated beyond what is available (0 when it fits).
   */
  overallocation_eur: Decimal,
};

/**
 * One line of a budget: an amount with its label and source.
 */
export type BudgetLine = {
  /**
   * What the money is (shown as text).
   */
  label: string,
  /**
   * Euros.
   */
  amount_eur: number,
  /**
   * Where the figure comes from.
   */
  source: string,
};

/**
 * Every preset, template and note of this build.
 */
export type Catalogue = {
  /**
   * Presets in display order (the first is the baseline).
   */
  presets: Array<Preset>,
  /**
   * Programme templates.
   */
  templates: Array<Template>,
  /**
   * Notes on the seed papers.
   */
  notes: Array<Note>,
};

/**
 * An exact decimal, written as a string (`"1234.56"`): money in euros and cents, and
 * ratios of money. Stands in for `rust_decimal::Decimal`, which is serialised as a string.
 */
export type Decimal = string;

/**
 * The distribution the Monte Carlo draws a parameter from, between its plausible low and high.
 */
export type Distribution = "fixed" | "normal" | "lognormal" | "uniform" | "triangular";

/**
 * When a programme's effect on the chance of work starts.
 */
export type EffectFrom = "start" | "end";

/**
 * How strong the evidence for a default is; it sets how wide the uncertainty is.
 */
export type Evidence = "seed" | "study" | "derived" | "assumption";

/**
 * Which budget pays a programme.
 */
export type Funding = "reintegration" | "buig";

/**
 * What the growth shock means in households and people.
 */
export type GrowthShock = {
  /**
   * The shock, percent of the start stock.
   */
  pct: number,
  /**
   * Its base: the region's benefit households at the start.
   */
  base_benefits: number,
  /**
   * First month of the extra inflow.
   */
  from: YearMonth,
  /**
   * Months over which the shock is spread.
   */
  planned_months: number,
  /**
   * Months of it inside the horizon (fewer when the horizon ends first).
   */
  months: number,
  /**
   * Extra inflow in households inside the horizon (pct × base, for the months inside).
   */
  extra_inflow_benefits: number,
  /**
   * The same in people (× people per benefit).
   */
  extra_inflow_people: number,
};

/**
 * A rejected input value. [`InputError::message`] words it in either language;
 * [`fmt::Display`] gives the English sentence.
 */
export type InputError = {
  /**
   * Where the value sits in a scenario: `months`, `set.growth_pct`,
   * `programmes[0].effect_pct`.
   */
  field: string,
  /**
   * The value as given, shortened if very long.
   */
  value: string,
  /**
   * What was wrong.
   */
  kind: InputErrorKind,
  /**
   * The field's label in Dutch.
   */
  label_nl: string,
  /**
   * The field's label in English.
   */
  label_en: string,
  /**
   * What is allowed, in Dutch (`-20 tot 20 (%)`).
   */
  allowed_nl: string,
  /**
   * What is allowed, in English (`-20 to 20 (%)`).
   */
  allowed_en: string,
  /**
   * Smallest allowed value, for numeric fields.
   */
  min: number | null,
  /**
   * Largest allowed value, for numeric fields.
   */
  max: number | null,
};

/**
 * What was wrong with a value.
 */
export type InputErrorKind = "not_a_number" | "out_of_range" | "not_whole" | "malformed" | "unknown_field" | "inconsistent";

/**
 * The outcome of a Monte Carlo: percentiles in the shape of a deterministic run's JSON.
 * It reads back from its JSON too, so the page can hand a finished Monte Carlo to the
 * exports instead of running it again.
 */
export type MonteCarlo = {
  /**
   * The caseflow version.
   */
  version: string,
  /**
   * Number of runs.
   */
  runs: number,
  /**
   * The seed: the same seed gives the same bytes.
   */
  seed: number,
  /**
   * How the runs were drawn.
   */
  method: string,
  /**
   * The scenario, every default written out.
   */
  scenario: Scenario,
  /**
   * The region's summary, each figure as percentiles.
   */
  summary: unknown,
  /**
   * The region's months, each figure as percentiles.
   */
  months: unknown,
  /**
   * The region's years, each figure as percentiles.
   */
  years: unknown,
  /**
   * Each municipality's summary as percentiles.
   */
  municipalities: unknown,
  /**
   * Probabilities over the runs.
   */
  probabilities: Probabilities,
};

/**
 * One month of one area (a municipality or the region).
 */
export type MonthOut = {
  /**
   * The calendar month.
   */
  month: YearMonth,
  /**
   * Benefit households (uitkeringen) at the end of the month.
   */
  benefits: number,
  /**
   * People (personen) at the end of the month.
   */
  people: number,
  /**
   * New inflow, growth shock included (households).
   */
  inflow: number,
  /**
   * Returns of earlier leavers (households).
   */
  reentries: number,
  /**
   * Exits to work.
   */
  exits_to_work: number,
  /**
   * Exits for other reasons.
   */
  exits_other: number,
  /**
   * Programme starts.
   */
  programme_starts: number,
  /**
   * Participants in a programme at the end of the month.
   */
  in_programme: number,
  /**
   * Benefit households at the end of the month without the programmes.
   */
  benefits_without_programmes: number,
  /**
   * Exits to work without the programmes.
   */
  exits_to_work_without_programmes: number,
  /**
   * Benefits paid (and wage-cost subsidies paid from BUIG).
   */
  benefit_spending_eur: Decimal,
  /**
   * Spending without the programmes minus spending with them.
   */
  gross_saving_eur: Decimal,
  /**
   * Programme cost paid this month (for a municipality: its share by the cost key).
   */
  programme_cost_eur: Decimal,
};

/**
 * Results for one municipality.
 */
export type MunicipalityResults = {
  /**
   * Municipality id.
   */
  id: string,
  /**
   * Municipality name.
   */
  name: string,
  /**
   * Headline figures.
   */
  summary: Summary,
  /**
   * Monthly table.
   */
  months: Array<MonthOut>,
  /**
   * Yearly table.
   */
  years: Array<YearOut>,
};

/**
 * A note on a seed paper: a claim caseflow could not reproduce, or a value the paper lacks.
 */
export type Note = {
  /**
   * Note id.
   */
  id: string,
  /**
   * The paper and section.
   */
  source: string,
  /**
   * The note in Dutch.
   */
  nl: string,
  /**
   * The note in English.
   */
  en: string,
};

/**
 * How one parameter is described to users.
 */
export type ParamSpec = {
  /**
   * The name in scenarios (`set.<id>`) and on the CLI (`--set <id>=...`).
   */
  id: string,
  /**
   * Which part of the model it belongs to (`inflow`, `exits`, `money`, ...).
   */
  group: string,
  /**
   * Short label in Dutch.
   */
  label_nl: string,
  /**
   * Short label in English.
   */
  label_en: string,
  /**
   * Unit in Dutch.
   */
  unit_nl: string,
  /**
   * Unit in English.
   */
  unit_en: string,
  /**
   * The value used unless a scenario overrides it.
   */
  default: number,
  /**
   * Smallest allowed value (inclusive).
   */
  min: number,
  /**
   * Largest allowed value (inclusive).
   */
  max: number,
  /**
   * Low end of the plausible range (the uncertainty, not the allowed range).
   */
  low: number,
  /**
   * High end of the plausible range.
   */
  high: number,
  /**
   * A sensible slider step.
   */
  step: number,
  /**
   * Whether only whole numbers are allowed.
   */
  whole: boolean,
  /**
   * The distribution for uncertainty.
   */
  distribution: Distribution,
  /**
   * How strong the evidence is.
   */
  evidence: Evidence,
  /**
   * Where the default comes from: `seed 000 §3`, a public study, or `assumption: ...`.
   */
  source: string,
};

/**
 * Every parameter and every programme field.
 */
export type ParamTable = {
  /**
   * The model's assumptions, in display order.
   */
  param: Array<ParamSpec>,
  /**
   * The numeric fields of a programme.
   */
  programme_field: Array<ParamSpec>,
};

/**
 * A preset as shown to users.
 */
export type Preset = {
  /**
   * Preset id (`corona-2021`).
   */
  id: string,
  /**
   * Name in Dutch.
   */
  name_nl: string,
  /**
   * Name in English.
   */
  name_en: string,
  /**
   * Description in Dutch.
   */
  description_nl: string,
  /**
   * Description in English.
   */
  description_en: string,
  /**
   * Notes on the seed papers that belong with this preset.
   */
  notes: Array<Note>,
  /**
   * The scenario it runs.
   */
  scenario: Scenario,
};

/**
 * The probabilities users ask for.
 */
export type Probabilities = {
  /**
   * Share of runs in which the programmes pay back within 2 years; null when the horizon
   * is shorter than that (a run cannot show what happens after it).
   */
  payback_within_2_years: number | null,
  /**
   * Within 5 years (null when the horizon is shorter).
   */
  payback_within_5_years: number | null,
  /**
   * Within 10 years (null when the horizon is shorter).
   */
  payback_within_10_years: number | null,
  /**
   * Share of runs in which the region's caseload ends above its start.
   */
  caseload_ends_above_start: number,
  /**
   * Share of runs with a positive net saving.
   */
  net_saving_positive: number,
};

/**
 * One re-integration programme (track). Numeric fields left out take the defaults of the
 * programme fields in the parameter table; their ranges are checked there.
 */
export type Programme = {
  /**
   * A short id (`track-i`), unique within the scenario.
   */
  id: string,
  /**
   * The name shown to users (shown as text, never as HTML).
   */
  name: string,
  /**
   * The first month participants start; the scenario's start if left out.
   */
  start?: YearMonth,
  /**
   * Which distance-to-work group the participants come from.
   */
  target: Target,
  /**
   * When the effect starts.
   */
  effect_from: EffectFrom,
  /**
   * Whether participants keep counting as benefit households (and cost benefit).
   */
  on_benefit: boolean,
  /**
   * Which budget pays it.
   */
  funding: Funding,
  /**
   * Total participants (people starting), region-wide.
   */
  participants?: number,
  /**
   * Cost per participant, euros, charged in the month they start.
   */
  cost_per_participant_eur?: number,
  /**
   * Months over which participants start.
   */
  intake_months?: number,
  /**
   * Average months in the programme.
   */
  duration_months?: number,
  /**
   * Lower chance of work while in the programme, percent.
   */
  lock_in_pct?: number,
  /**
   * Higher chance of work from the programme, percent.
   */
  effect_pct?: number,
  /**
   * Months until half the effect has faded.
   */
  half_life_months?: number,
  /**
   * Most participants in the programme at once, region-wide.
   */
  capacity?: number,
  /**
   * Target group: at least this many months on benefit.
   */
  target_min_months?: number,
  /**
   * Target group: at most this many months on benefit.
   */
  target_max_months?: number,
};

/**
 * What one programme did, region-wide.
 */
export type ProgrammeOut = {
  /**
   * The programme id.
   */
  id: string,
  /**
   * Its name.
   */
  name: string,
  /**
   * Participants planned.
   */
  participants_planned: number,
  /**
   * Participants who started within the horizon.
   */
  participants_started: number,
  /**
   * Planned participants × cost per participant.
   */
  planned_cost_eur: Decimal,
  /**
   * Cost of those who started.
   */
  cost_eur: Decimal,
  /**
   * Participants' exits to work (in the programme or with the effect active).
   */
  participant_exits_to_work: number,
  /**
   * The part that would have happened anyway.
   */
  deadweight_exits: number,
};

/**
 * The outcome of one deterministic run: the scenario and its counterfactual.
 */
export type Results = {
  /**
   * The caseflow version that computed these results.
   */
  version: string,
  /**
   * The scenario as run, every default written out.
   */
  scenario: Scenario,
  /**
   * The region's headline figures.
   */
  summary: Summary,
  /**
   * The region, month by month.
   */
  months: Array<MonthOut>,
  /**
   * The region, per calendar year.
   */
  years: Array<YearOut>,
  /**
   * Each municipality.
   */
  municipalities: Array<MunicipalityResults>,
  /**
   * Each programme.
   */
  programmes: Array<ProgrammeOut>,
  /**
   * The growth shock in households and people; null without one.
   */
  growth_shock: GrowthShock | null,
  /**
   * The budget check; null when the scenario states no budget.
   */
  budget: BudgetCheck | null,
  /**
   * Notes on the seed papers that belong with this scenario (the papers' words, not
   * model results).
   */
  notes: Array<Note>,
  /**
   * How money is rounded.
   */
  money_rounding: string,
};

/**
 * The inputs of one run.
 */
export type Scenario = {
  /**
   * Schema version of the file ([`SCHEMA`]).
   */
  schema: number,
  /**
   * A short name (shown as text).
   */
  name: string,
  /**
   * What the scenario is about (shown as text).
   */
  description?: string,
  /**
   * The first simulated month; the start stocks are the caseload on its first day.
   */
  start: YearMonth,
  /**
   * Number of months simulated (1-180).
   */
  months: number,
  /**
   * Overridden assumptions, by parameter id; all others take their defaults.
   */
  set: { [key in string]: number },
  /**
   * The programmes this scenario runs (its counterfactual runs none).
   */
  programmes: Array<Programme>,
  /**
   * Notes on the seed papers shown with the results, by id (`data/notes.toml`).
   */
  notes?: Array<string>,
  /**
   * The money available for the programmes, for the budget check; none: no check.
   */
  budget?: Budget,
};

/**
 * The headline figures of one area over the whole horizon.
 */
export type Summary = {
  /**
   * Benefit households at the start.
   */
  benefits_start: number,
  /**
   * Benefit households at the end.
   */
  benefits_end: number,
  /**
   * Benefit households at the end without the programmes.
   */
  benefits_end_without_programmes: number,
  /**
   * People at the start.
   */
  people_start: number,
  /**
   * People at the end.
   */
  people_end: number,
  /**
   * Exits to work over the horizon.
   */
  exits_to_work: number,
  /**
   * Exits to work over the horizon without the programmes.
   */
  exits_to_work_without_programmes: number,
  /**
   * Exits to work the programmes added (scenario minus counterfactual).
   */
  extra_exits_to_work: number,
  /**
   * People who started a programme.
   */
  participants: number,
  /**
   * Participants' exits to work while in a programme or with its effect still active.
   */
  participant_exits_to_work: number,
  /**
   * The part of those exits that would have happened anyway (deadweight), found by the
   * counterfactual chance of work.
   */
  deadweight_exits: number,
  /**
   * Benefit-months not paid thanks to the programmes.
   */
  benefit_months_avoided: number,
  /**
   * Benefit paid less over the horizon (wage-cost subsidies from BUIG deducted).
   */
  gross_saving_eur: Decimal,
  /**
   * What the BUIG grant and the vangnet take back of it (see [`crate::budget`]).
   */
  feedback_eur: Decimal,
  /**
   * The saving kept: gross saving minus feedback.
   */
  saving_after_feedback_eur: Decimal,
  /**
   * Programme cost over the horizon (for a municipality: its share by the cost key).
   */
  programme_cost_eur: Decimal,
  /**
   * Saving kept minus programme cost.
   */
  net_saving_eur: Decimal,
  /**
   * The net saving discounted at `discount_rate_pct` (equal to it at 0%).
   */
  present_value_net_eur: Decimal,
  /**
   * Months from the start until the cumulative saving kept (feedback spread over its year)
   * first covers the cumulative cost; null when that does not happen within the horizon (or
   * nothing was spent).
   */
  payback_month: number | null,
  /**
   * Saving kept per euro of programme cost; null without cost.
   */
  return_per_euro: Decimal | null,
  /**
   * Programme money allocated beyond the available budget (filled by the budget model;
   * 0 until then).
   */
  budget_overallocation_eur: Decimal,
};

/**
 * Which distance-to-work group a programme takes its participants from.
 */
export type Target = "near" | "mid" | "far" | "any";

/**
 * A programme template: a track from the seeds (or an instrument) with the source of its values.
 */
export type Template = {
  /**
   * Template id.
   */
  id: string,
  /**
   * Name in Dutch.
   */
  name_nl: string,
  /**
   * Name in English.
   */
  name_en: string,
  /**
   * Where every value comes from.
   */
  source: string,
  /**
   * The programme it gives.
   */
  programme: Programme,
};

/**
 * A calendar month, written `YYYY-MM`.
 */
export type YearMonth = string;

/**
 * One calendar year (or the part of it inside the horizon) of one area.
 */
export type YearOut = {
  /**
   * The calendar year.
   */
  year: number,
  /**
   * Months of this year inside the horizon.
   */
  months: number,
  /**
   * Benefit households at the end of the year's last month in the horizon.
   */
  benefits_end: number,
  /**
   * People at the end of the year's last month in the horizon.
   */
  people_end: number,
  /**
   * New inflow.
   */
  inflow: number,
  /**
   * Re-entries.
   */
  reentries: number,
  /**
   * Exits to work.
   */
  exits_to_work: number,
  /**
   * Exits for other reasons.
   */
  exits_other: number,
  /**
   * Programme starts.
   */
  programme_starts: number,
  /**
   * Benefit households at the end, without the programmes.
   */
  benefits_end_without_programmes: number,
  /**
   * Exits to work without the programmes.
   */
  exits_to_work_without_programmes: number,
  /**
   * Benefits paid (and wage-cost subsidies paid from BUIG).
   */
  benefit_spending_eur: Decimal,
  /**
   * Benefit spending without the programmes.
   */
  benefit_spending_without_programmes_eur: Decimal,
  /**
   * Spending without minus with the programmes.
   */
  gross_saving_eur: Decimal,
  /**
   * The BUIG grant (after the feedback of earlier savings).
   */
  buig_grant_eur: Decimal,
  /**
   * What the grant lost to earlier savings.
   */
  grant_feedback_eur: Decimal,
  /**
   * Vangnet compensation received.
   */
  vangnet_eur: Decimal,
  /**
   * Vangnet compensation lost to the programmes (without minus with).
   */
  vangnet_change_eur: Decimal,
  /**
   * The saving kept: gross saving minus grant feedback minus vangnet change.
   */
  saving_eur: Decimal,
  /**
   * Programme cost paid (for a municipality: its share by the cost key).
   */
  cost_share_eur: Decimal,
  /**
   * The re-integration budget (frozen in euros; prorated for partial years).
   */
  reintegration_budget_eur: Decimal,
  /**
   * Saving kept minus cost share.
   */
  net_position_eur: Decimal,
};
