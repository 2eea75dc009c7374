// The caseflow core, compiled to wasm and inlined into the page.
//
// The wasm bytes are inlined as a data URL (`?url&inline`), decoded and instantiated
// synchronously, so the page is one file that also works from file:// without a server.
// The types mirror the Rust types in crates/caseflow-core (hand-written for now; the page
// issue replaces them with types generated from Rust).
import wasmUrl from '../pkg/caseflow_wasm_bg.wasm?url&inline';
import { Caseflow, initSync, version } from '../pkg/caseflow_wasm.js';

/** One parameter or programme field (crates/caseflow-core/src/params.rs). */
export interface ParamSpec {
  id: string;
  group: string;
  label_nl: string;
  label_en: string;
  unit_nl: string;
  unit_en: string;
  default: number;
  min: number;
  max: number;
  low: number;
  high: number;
  step: number;
  whole: boolean;
  distribution: 'fixed' | 'normal' | 'lognormal' | 'uniform' | 'triangular';
  evidence: 'seed' | 'study' | 'derived' | 'assumption';
  source: string;
}

export interface ParamTable {
  param: ParamSpec[];
  programme_field: ParamSpec[];
}

/** A programme in a scenario (crates/caseflow-core/src/scenario.rs). */
export interface Programme {
  id: string;
  name: string;
  start?: string;
  target: 'near' | 'mid' | 'far' | 'any';
  effect_from: 'start' | 'end';
  on_benefit: boolean;
  participants?: number;
  cost_per_participant_eur?: number;
  intake_months?: number;
  duration_months?: number;
  lock_in_pct?: number;
  effect_pct?: number;
  half_life_months?: number;
  capacity?: number;
  target_min_months?: number;
  target_max_months?: number;
}

/** The inputs of one run: the baseline plus overrides and programmes. */
export interface Scenario {
  schema: number;
  name: string;
  description?: string;
  start: string;
  months: number;
  set: Record<string, number>;
  programmes: Programme[];
  notes?: string[];
}

/** A note on a seed paper: the paper's words, not a model result. */
export interface Note {
  id: string;
  source: string;
  nl: string;
  en: string;
}

export interface Preset {
  id: string;
  name_nl: string;
  name_en: string;
  description_nl: string;
  description_en: string;
  notes: Note[];
  scenario: Scenario;
}

export interface Catalogue {
  presets: Preset[];
  notes: Note[];
}

/** Money arrives as decimal strings (exact euros and cents). */
export type Eur = string;

export interface MonthOut {
  month: string;
  benefits: number;
  people: number;
  inflow: number;
  reentries: number;
  exits_to_work: number;
  exits_other: number;
  programme_starts: number;
  in_programme: number;
  benefits_without_programmes: number;
  exits_to_work_without_programmes: number;
  gross_saving_eur: Eur;
  programme_cost_eur: Eur;
}

export interface Summary {
  benefits_start: number;
  benefits_end: number;
  benefits_end_without_programmes: number;
  people_start: number;
  people_end: number;
  exits_to_work: number;
  exits_to_work_without_programmes: number;
  extra_exits_to_work: number;
  participants: number;
  participant_exits_to_work: number;
  deadweight_exits: number;
  benefit_months_avoided: number;
  gross_saving_eur: Eur;
  feedback_eur: Eur;
  saving_after_feedback_eur: Eur;
  programme_cost_eur: Eur;
  net_saving_eur: Eur;
  present_value_net_eur: Eur;
  payback_month: number | null;
  return_per_euro: Eur | null;
  budget_overallocation_eur: Eur;
}

export interface GrowthShock {
  pct: number;
  base_benefits: number;
  from: string;
  months: number;
  extra_inflow_benefits: number;
  extra_inflow_people: number;
}

export interface Results {
  version: string;
  scenario: Scenario;
  summary: Summary;
  months: MonthOut[];
  municipalities: { id: string; name: string; summary: Summary; months: MonthOut[] }[];
  programmes: { id: string; name: string; participants_started: number; cost_eur: Eur }[];
  growth_shock: GrowthShock | null;
  budget: BudgetCheck | null;
  notes: Note[];
}

/** The programmes' planned cost and other allocations against the money available. */
export interface BudgetCheck {
  available_eur: Eur;
  programmes_eur: Eur;
  other_allocations_eur: Eur;
  allocated_eur: Eur;
  overallocation_eur: Eur;
}

/** Percentiles of one figure over the Monte Carlo runs (money as decimal strings). */
export interface Stats<T = number> {
  mean: T | null;
  p5: T | null;
  p25: T | null;
  p50: T | null;
  p75: T | null;
  p95: T | null;
}

/** A Monte Carlo: the deterministic run's shape with every figure as percentiles. */
export interface MonteCarlo {
  version: string;
  runs: number;
  seed: number;
  method: string;
  summary: Record<string, unknown>;
  months: ({ month: string } & Record<string, Stats | Stats<string> | string>)[];
  years: Record<string, unknown>[];
  municipalities: Record<string, unknown>[];
  probabilities: {
    payback_within_2_years: number;
    payback_within_5_years: number;
    payback_within_10_years: number;
    caseload_ends_above_start: number;
    net_saving_positive: number;
  };
}

/** The parts of one rejected input (crates/caseflow-core/src/error.rs). */
export interface InputErrorDetail {
  field: string;
  value: string;
  kind: 'not_a_number' | 'out_of_range' | 'not_whole' | 'malformed' | 'unknown_field' | 'inconsistent';
  label_nl: string;
  label_en: string;
  allowed_nl: string;
  allowed_en: string;
  min: number | null;
  max: number | null;
}

/** Thrown by {@link Core.run}: the core's message and, for input errors, their parts. */
export class CoreError extends Error {
  constructor(
    message: string,
    readonly details: InputErrorDetail[] = [],
  ) {
    super(message);
  }
}

function dataUrlBytes(url: string): Uint8Array {
  const base64 = url.slice(url.indexOf(',') + 1);
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The core, instantiated once on the main thread (the worker gets the same bytes). */
export class Core {
  private readonly handle: Caseflow;
  readonly version: string;
  readonly params: ParamTable;
  readonly catalogue: Catalogue;
  /** The wasm module's bytes, inlined once into the page and handed to the worker. */
  readonly wasm: Uint8Array;

  constructor() {
    this.wasm = dataUrlBytes(wasmUrl);
    initSync({ module: this.wasm });
    this.handle = new Caseflow();
    this.version = version();
    this.params = this.handle.parameters() as ParamTable;
    this.catalogue = this.handle.catalogue() as Catalogue;
  }

  run(scenario: Scenario): Results {
    return this.call(() => this.handle.run(scenario) as Results);
  }

  /** A paired Monte Carlo; `progress` gets the number of runs done. */
  monteCarlo(scenario: Scenario, runs: number, seed: number, progress?: (done: number) => void): MonteCarlo {
    return this.call(() => this.handle.monteCarlo(scenario, runs, BigInt(seed), progress) as MonteCarlo);
  }

  private call<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof Error) {
        const detail = (e as Error & { detail?: InputErrorDetail[] }).detail;
        throw new CoreError(e.message, Array.isArray(detail) ? detail : []);
      }
      throw new CoreError(String(e));
    }
  }
}
