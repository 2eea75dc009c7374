// The caseflow core, compiled to wasm and inlined into the page.
//
// The wasm bytes are inlined as a data URL (`?url&inline`), decoded and instantiated
// synchronously, so the page is one file that also works from file:// without a server.
// The types mirror the Rust types in crates/caseflow-core (hand-written for now; the page
// issue replaces them with types generated from Rust).
import wasmUrl from '../pkg/caseflow_wasm_bg.wasm?url&inline';
import { initSync, parameters, run, version, defaultScenario } from '../pkg/caseflow_wasm.js';

/** One user-settable parameter (crates/caseflow-core/src/params.rs). */
export interface ParamSpec {
  key: ParamKey;
  label_nl: string;
  label_en: string;
  unit_nl: string;
  unit_en: string;
  default: number;
  min: number;
  max: number;
  step: number;
  whole: boolean;
  source: string;
}

export type ParamKey = 'growth_pct' | 'start_stock' | 'monthly_inflow' | 'exit_rate_pct' | 'months';

/** The inputs of one run (crates/caseflow-core/src/scenario.rs). */
export interface Scenario extends Record<ParamKey, number> {
  start: string;
}

/** One simulated month (crates/caseflow-core/src/model.rs). */
export interface MonthRow {
  month: string;
  stock_start: number;
  inflow: number;
  exits: number;
  stock_end: number;
}

/** The outcome of one run. */
export interface Results {
  version: string;
  scenario: Scenario;
  months: MonthRow[];
}

/** The parts of a rejected input (crates/caseflow-core/src/error.rs). */
export interface InputErrorDetail {
  field: string;
  value: string;
  kind: 'not_a_number' | 'out_of_range' | 'not_whole' | 'malformed' | 'unknown_field';
  allowed: string;
  min: number | null;
  max: number | null;
}

/** Thrown by {@link runScenario}: the core's message and, for input errors, its parts. */
export class CoreError extends Error {
  constructor(
    message: string,
    readonly detail?: InputErrorDetail,
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

let ready = false;

/** Instantiate the wasm module (once). */
export function loadCore(): void {
  if (ready) return;
  initSync({ module: dataUrlBytes(wasmUrl) });
  ready = true;
}

export function coreVersion(): string {
  return version();
}

export function paramSpecs(): ParamSpec[] {
  return parameters() as ParamSpec[];
}

export function baseScenario(): Scenario {
  return defaultScenario() as Scenario;
}

export function runScenario(scenario: Scenario): Results {
  try {
    return run(scenario) as Results;
  } catch (e) {
    if (e instanceof Error) {
      const detail = (e as Error & { detail?: InputErrorDetail }).detail;
      throw new CoreError(e.message, detail);
    }
    throw new CoreError(String(e));
  }
}
