// Generated from the Rust types in crates/caseflow-core by `cargo xtask codegen` (ts-rs).
// Do not edit: change the Rust type and run `cargo xtask codegen`; `cargo xtask test`
// fails while this file is stale.

/**
 * The fit for one area.
 */
export type AreaFit = {
  /**
   * `region` or the municipality id.
   */
  area: CalibrationArea,
  /**
   * The area's name.
   */
  name: string,
  /**
   * The first point's month: the run's start.
   */
  from: YearMonth,
  /**
   * The last point's month.
   */
  to: YearMonth,
  /**
   * Months from the first to the last point.
   */
  months: number,
  /**
   * The first point's stock: the run's start stock.
   */
  start_stock: number,
  /**
   * Points after the first, each compared.
   */
  points_fitted: number,
  /**
   * The fitted new inflow, percent of the start stock per month (4 decimals).
   */
  new_inflow_pct: number,
  /**
   * `min` or `max` when the fit ran into the bound of `new_inflow_pct`'s allowed range.
   */
  at_bound: string | null,
  /**
   * Root mean squared error over the compared points, households (2 decimals).
   */
  rmse: number,
  /**
   * Mean absolute error over the compared points, percent (2 decimals).
   */
  mean_abs_error_pct: number,
  /**
   * The fitted series against the data, one entry per compared point.
   */
  points: Array<FittedPoint>,
  /**
   * The periods between consecutive points, with the flows.
   */
  periods: Array<Period>,
  /**
   * What is special about this area's fit.
   */
  notes: Array<string>,
  /**
   * [`AreaFit::notes`] in Dutch.
   */
  notes_nl: Array<string>,
  /**
   * The `caseflow run` command that reproduces the fitted run.
   */
  rerun: string,
};

/**
 * The outcome of a backtest.
 */
export type Backtest = {
  /**
   * The caseflow version.
   */
  version: string,
  /**
   * Monte Carlo runs per band.
   */
  runs: number,
  /**
   * The Monte Carlo seed.
   */
  seed: number,
  /**
   * How the backtest is done.
   */
  method: string,
  /**
   * How the backtest is done, in Dutch.
   */
  method_nl: string,
  /**
   * What the data could not pin down.
   */
  not_identified: Array<string>,
  /**
   * What the data could not pin down, in Dutch (item for item).
   */
  not_identified_nl: Array<string>,
  /**
   * The fitted new inflow per origin.
   */
  fits: Array<Fit>,
  /**
   * Every forecast against its actual.
   */
  horizons: Array<Horizon>,
  /**
   * The comparison with the naive forecasts, in words and figures.
   */
  assessment: Array<string>,
  /**
   * The comparison with the naive forecasts, in Dutch (item for item).
   */
  assessment_nl: Array<string>,
};

/**
 * The area a horizon is compared on.
 */
export type BacktestArea = "region" | "maastricht";

/**
 * Where the net saving comes from.
 */
export type Breakdown = {
  /**
   * The net saving the parts add up to, exactly.
   */
  net_saving_eur: Decimal,
  /**
   * By programme: each one's net saving when added after the ones before it.
   */
  by_programme: Array<Part>,
  /**
   * By cause.
   */
  by_cause: Array<Part>,
  /**
   * Participants' exits to work that would have happened anyway. They are not a euro part:
   * the saving is already the difference with the counterfactual, in which they happen too.
   */
  deadweight_exits: number,
  /**
   * How the parts are attributed.
   */
  method: string,
  /**
   * How the parts are attributed, in Dutch.
   */
  method_nl: string,
};

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
 * The outcome of a calibration.
 */
export type Calibration = {
  /**
   * The caseflow version.
   */
  version: string,
  /**
   * How the fit is done.
   */
  method: string,
  /**
   * How the fit is done, in Dutch.
   */
  method_nl: string,
  /**
   * What a fit on stocks cannot pin down.
   */
  not_identified: Array<string>,
  /**
   * What a fit on stocks cannot pin down, in Dutch (item for item).
   */
  not_identified_nl: Array<string>,
  /**
   * The inflow and outflow columns: read, and how used.
   */
  flows: Flows,
  /**
   * One fit per area, region first, then the municipalities in their usual order.
   */
  areas: Array<AreaFit>,
};

/**
 * The area a series describes.
 */
export type CalibrationArea = string;

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
 * One scenario of a comparison.
 */
export type Compared = {
  /**
   * The scenario's name.
   */
  name: string,
  /**
   * The deterministic run's net saving.
   */
  net_saving_eur: Decimal,
  /**
   * The net saving over the runs.
   */
  net_saving_runs_eur: MoneyStats,
};

/**
 * The outcome of a comparison.
 */
export type Comparison = {
  /**
   * The caseflow version.
   */
  version: string,
  /**
   * Runs per scenario.
   */
  runs: number,
  /**
   * The seed, the same for every scenario.
   */
  seed: number,
  /**
   * The scenarios, in the order given.
   */
  scenarios: Array<Compared>,
  /**
   * Every pair (a before b).
   */
  pairs: Array<Pair>,
  /**
   * How it was computed.
   */
  method: string,
  /**
   * How it was computed, in Dutch.
   */
  method_nl: string,
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
 * One fit of the new inflow on a past year.
 */
export type Fit = {
  /**
   * The forecast origin this fit serves.
   */
  origin: YearMonth,
  /**
   * The area fitted.
   */
  area: BacktestArea,
  /**
   * The month the fitted run starts (its stock is `stock_from`).
   */
  fitted_from: YearMonth,
  /**
   * The month whose start stock the fitted run must reach (`stock_to`).
   */
  fitted_to: YearMonth,
  /**
   * Benefit households at `fitted_from`.
   */
  stock_from: number,
  /**
   * Benefit households at `fitted_to`.
   */
  stock_to: number,
  /**
   * The fitted new inflow, percent of the start stock per month (4 decimals).
   */
  new_inflow_pct: number,
  /**
   * The fitted run's stock at `fitted_to`, with the rounded inflow.
   */
  reproduced: number,
  /**
   * The area's change over the fitted months, percent.
   */
  area_change_pct: number,
  /**
   * The national change over the same months, percent (the covariate).
   */
  national_change_pct: number,
};

/**
 * One data point against the fitted run.
 */
export type FittedPoint = {
  /**
   * The line in the file.
   */
  line: bigint,
  /**
   * The month whose first-day stock is compared.
   */
  month: YearMonth,
  /**
   * Months from the area's first point.
   */
  months: number,
  /**
   * The data's stock.
   */
  data: number,
  /**
   * The fitted run's stock (1 decimal).
   */
  fitted: number,
  /**
   * fitted − data, households (1 decimal).
   */
  error: number,
  /**
   * (fitted − data) / data × 100 (2 decimals); null when the data's stock is 0.
   */
  error_pct: number | null,
};

/**
 * Whether the data had inflow and outflow, and what was done with them.
 */
export type Flows = {
  /**
   * Rows with an inflow figure.
   */
  inflow_rows: number,
  /**
   * Rows with an outflow figure.
   */
  outflow_rows: number,
  /**
   * Always false: the fit uses the stocks only.
   */
  used_in_fit: boolean,
  /**
   * What was done with them, in words.
   */
  note: string,
};

/**
 * One point of the frontier: the best objective the search found for a budget.
 */
export type FrontierPoint = {
  /**
   * The budget.
   */
  budget_eur: Decimal,
  /**
   * The best mix found within it.
   */
  mix: Mix,
};

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
 * One forecast against one actual figure.
 */
export type Horizon = {
  /**
   * The forecast origin: the first simulated month, whose start stock is known.
   */
  origin: YearMonth,
  /**
   * The month whose start stock is forecast.
   */
  target: YearMonth,
  /**
   * Months from origin to target.
   */
  horizon_months: number,
  /**
   * The area compared.
   */
  area: BacktestArea,
  /**
   * Which forecast: `fitted`, `fitted_national_covariate`, `defaults` or
   * `defaults_corona_shock` (see [`METHOD`]).
   */
  variant: string,
  /**
   * The seeds' figure at the target, benefit households.
   */
  actual: number,
  /**
   * The model's deterministic forecast, benefit households (1 decimal).
   */
  forecast: number,
  /**
   * (forecast − actual) / actual × 100 (2 decimals).
   */
  error_pct: number,
  /**
   * 5th percentile of the Monte Carlo stock at the target (1 decimal).
   */
  band_p5: number,
  /**
   * 95th percentile of the Monte Carlo stock at the target (1 decimal).
   */
  band_p95: number,
  /**
   * Whether the actual lies inside the 90% band (P5-P95).
   */
  inside_90: boolean,
  /**
   * The no-change forecast: the stock at the origin.
   */
  naive_no_change: number,
  /**
   * Its error, percent (2 decimals).
   */
  naive_no_change_error_pct: number,
  /**
   * The trend forecast: the origin's stock plus the last yearly change, pro rata; null
   * when there is no earlier figure.
   */
  naive_trend: number | null,
  /**
   * Its error, percent (2 decimals); null when there is no trend forecast.
   */
  naive_trend_error_pct: number | null,
  /**
   * The new inflow used, percent of the start stock per month.
   */
  new_inflow_pct: number,
  /**
   * The growth shock used, percent of the start stock over the horizon (0: none).
   */
  growth_pct: number,
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
export type InputErrorKind = "not_a_number" | "out_of_range" | "not_whole" | "malformed" | "unknown_field" | "inconsistent" | "missing";

/**
 * A mix of tracks and what it achieves.
 */
export type Mix = {
  /**
   * Participants per track, in the scenario's programme order.
   */
  participants: Array<number>,
  /**
   * The tracks' ids.
   */
  tracks: Array<string>,
  /**
   * Planned cost of the mix.
   */
  cost_eur: Decimal,
  /**
   * Net saving over the horizon.
   */
  net_saving_eur: Decimal,
  /**
   * Extra exits to work over the horizon.
   */
  extra_exits_to_work: number,
  /**
   * The value of the objective.
   */
  objective: number,
};

/**
 * Percentiles of an amount over the runs.
 */
export type MoneyStats = {
  /**
   * The mean.
   */
  mean: Decimal,
  /**
   * 5th percentile.
   */
  p5: Decimal,
  /**
   * 25th percentile.
   */
  p25: Decimal,
  /**
   * The median.
   */
  p50: Decimal,
  /**
   * 75th percentile.
   */
  p75: Decimal,
  /**
   * 95th percentile.
   */
  p95: Decimal,
};

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
   * How the runs were drawn, in Dutch (empty when a Monte Carlo read back lacks it).
   */
  method_nl: string,
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
 * The best and the decided mix under uncertainty.
 */
export type MonteCarloCheck = {
  /**
   * Runs per mix.
   */
  runs: number,
  /**
   * The seed (the same for both mixes).
   */
  seed: number,
  /**
   * Percentiles of the best mix's net saving.
   */
  best_net_saving_eur: unknown,
  /**
   * Percentiles of the decided mix's net saving.
   */
  decided_net_saving_eur: unknown,
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
   * People at the end of the month without the programmes.
   */
  people_without_programmes: number,
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
  /**
   * Parameters whose default values the note states (an id, or the start of ids:
   * `reintegration_budget_eur` covers each municipality's). A scenario that sets one gets
   * the note with a sentence saying so, since its figures are then the starting point's.
   */
  assumes?: Array<string>,
};

/**
 * What the optimiser maximises.
 */
export type Objective = "net-saving" | "exits-to-work";

/**
 * The optimiser's answer.
 */
export type Optimisation = {
  /**
   * The budget searched.
   */
  budget_eur: Decimal,
  /**
   * The objective.
   */
  objective: Objective,
  /**
   * The horizon, months.
   */
  horizon_months: number,
  /**
   * The best mix found.
   */
  best: Mix,
  /**
   * The scenario's own mix (seed 000's decision for corona-2021).
   */
  decided: Mix,
  /**
   * How far the decided mix is from the best, in the objective's unit.
   */
  decided_shortfall: number,
  /**
   * Best objective per budget, from nothing to the budget.
   */
  frontier: Array<FrontierPoint>,
  /**
   * The best and the decided mix rerun as a paired Monte Carlo (the same seed, so the same
   * draws for both): how sure the choice is.
   */
  monte_carlo_check: MonteCarloCheck,
  /**
   * Most participants per track the search may choose (an assumption: three times the
   * scenario's own number, since capacities are not in the seeds).
   */
  max_participants: Array<number>,
  /**
   * How it was computed.
   */
  method: string,
  /**
   * How it was computed, in Dutch.
   */
  method_nl: string,
};

/**
 * Two scenarios, run by run.
 */
export type Pair = {
  /**
   * Index of A in the scenarios.
   */
  a: number,
  /**
   * Index of B.
   */
  b: number,
  /**
   * Share of runs in which A's net saving is larger than B's.
   */
  p_a_saves_more: number,
  /**
   * Share of runs in which both save the same, to the cent (scenarios that differ only
   * where no run reaches, or not at all).
   */
  p_equal: number,
  /**
   * A's net saving minus B's, over the paired runs.
   */
  difference_eur: MoneyStats,
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
   * Where the slider ends when the allowed maximum is far beyond any sensible value
   * (20,000 participants, say, would leave a plausible 200 at the slider's first pixel);
   * the number field still takes anything up to `max`. None: the slider spans min-max.
   */
  slider_max: number | null,
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
   * Where the default comes from, in English: `seed 000 §3`, a public study, or
   * `assumption: ...`.
   */
  source: string,
  /**
   * The same in Dutch, with the same citations: `aanname: ...` for an assumption.
   */
  source_nl: string,
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
 * One part of a breakdown.
 */
export type Part = {
  /**
   * What it is (a programme id, or a cause).
   */
  id: string,
  /**
   * Its label in Dutch.
   */
  label_nl: string,
  /**
   * Its label in English.
   */
  label_en: string,
  /**
   * Its part of the net saving.
   */
  eur: Decimal,
};

/**
 * One period between consecutive points: the data's flows, where given, against the run's.
 */
export type Period = {
  /**
   * The first month of the period (the earlier point).
   */
  from: YearMonth,
  /**
   * The month of the later point (not part of the period).
   */
  to: YearMonth,
  /**
   * The line of the earlier point, whose flows these are.
   */
  line: bigint,
  /**
   * Households entering, as given.
   */
  inflow: number | null,
  /**
   * Households leaving, as given.
   */
  outflow: number | null,
  /**
   * The fitted run's new inflow plus re-entries over the period (1 decimal).
   */
  fitted_inflow: number,
  /**
   * The fitted run's exits (to work and other) over the period (1 decimal).
   */
  fitted_outflow: number,
  /**
   * The data's own balance when both flows are given: stock change − (inflow − outflow)
   * (1 decimal). Not 0 when the flows count something else than the stock does.
   */
  data_balance_gap: number | null,
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
 * The tornado: the parameters that move the net saving most.
 */
export type Sensitivity = {
  /**
   * Net saving with every parameter at its value in use.
   */
  net_saving_eur: Decimal,
  /**
   * The largest swings, largest first (at most ten).
   */
  top: Array<Swing>,
  /**
   * How it was computed.
   */
  method: string,
  /**
   * How it was computed, in Dutch.
   */
  method_nl: string,
};

/**
 * A total split by the key.
 */
export type Split = {
  /**
   * One row per municipality, Maastricht first.
   */
  rows: Array<SplitRow>,
  /**
   * The totals.
   */
  totals: SplitTotals,
  /**
   * The unit the parts are whole multiples of (1: euros, 0.01: cents).
   */
  unit_eur: Decimal,
  /**
   * The rounding rule used.
   */
  rounding: string,
};

/**
 * One municipality's row of a split.
 */
export type SplitRow = {
  /**
   * Municipality id.
   */
  municipality: string,
  /**
   * Its name.
   */
  name: string,
  /**
   * Its key, percent.
   */
  key_pct: Decimal,
  /**
   * Its share of the total.
   */
  share_eur: Decimal,
  /**
   * The overhead surcharge on its share; for Maastricht minus the five's overhead, which
   * it receives.
   */
  overhead_eur: Decimal,
  /**
   * Share plus overhead: what it pays.
   */
  total_eur: Decimal,
};

/**
 * The totals of a split.
 */
export type SplitTotals = {
  /**
   * Sum of the shares: the total split.
   */
  share_eur: Decimal,
  /**
   * The overhead the five regional municipalities pay to Maastricht.
   */
  overhead_eur: Decimal,
  /**
   * The five regional municipalities' shares plus overhead: what the region contributes.
   */
  regional_total_eur: Decimal,
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
 * One bar of the tornado.
 */
export type Swing = {
  /**
   * Parameter id (`effect_pct` of a programme is `programmes[i].effect_pct`).
   */
  parameter: string,
  /**
   * Its label in Dutch.
   */
  label_nl: string,
  /**
   * Its label in English.
   */
  label_en: string,
  /**
   * The value at the low end of its plausible range.
   */
  low: number,
  /**
   * The value at the high end.
   */
  high: number,
  /**
   * Net saving with the parameter at its low value.
   */
  net_saving_low_eur: Decimal,
  /**
   * Net saving at its high value.
   */
  net_saving_high_eur: Decimal,
  /**
   * The absolute difference: how much this parameter moves the net saving.
   */
  swing_eur: Decimal,
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
   * Where every value comes from, in English.
   */
  source: string,
  /**
   * The same in Dutch, with the same citations.
   */
  source_nl: string,
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
