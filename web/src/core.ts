// The caseflow core, compiled to wasm and inlined into the page.
//
// The wasm bytes are inlined gzip-compressed as a data URL (`?url&inline`; `cargo xtask build`
// writes the .gz), unpacked with the browser's DecompressionStream and instantiated, so the
// page is one file that also works from file:// without a server, at 40% of the size.
// The types come from ./generated/types.ts, generated from the Rust types in crates/caseflow-core
// (`cargo xtask codegen`; `cargo xtask test` fails while it is stale), so page and core cannot
// drift. Only the Monte Carlo's percentile tables are refined by hand, below.
import wasmUrl from '../pkg/caseflow_wasm_bg.wasm.gz?url&inline';
import { glue } from '../pkg/glue.js';
import type {
  Catalogue,
  InputError,
  MonteCarlo as MonteCarloJson,
  MonthOut,
  ParamTable,
  Results,
  Scenario,
  Split,
  Summary,
  YearOut,
} from './generated/types';

export type * from './generated/types';

/** The parts of one rejected input, as the core's `Error.detail` array holds them. */
export type InputErrorDetail = InputError;

/** Percentiles of one figure over the Monte Carlo runs (money as decimal strings); null where
 * no run has a finite value. */
export interface Stats<T = number> {
  mean: T | null;
  p5: T | null;
  p25: T | null;
  p50: T | null;
  p75: T | null;
  p95: T | null;
}

/** `payback_month` over the runs: the share that pays back, and percentiles over those. */
export interface PaybackStats {
  share_paying_back: number;
  p5: number | null;
  p50: number | null;
  p95: number | null;
}

/** A deterministic run's row with every figure replaced by its percentiles, as
 * crates/caseflow-core/src/montecarlo.rs builds them: `payback_month` → {@link PaybackStats},
 * money (`*_eur`, `return_per_euro`) → `Stats<string>`, every other number → `Stats`; text
 * (`month`, `id`, `name`) stays as it is. */
export type Percentiles<T> = {
  [K in keyof T]: K extends 'payback_month'
    ? PaybackStats
    : K extends 'return_per_euro' | `${string}_eur`
      ? Stats<string>
      : T[K] extends number
        ? Stats
        : T[K];
};

/**
 * A Monte Carlo: the deterministic run's shape with every figure as percentiles.
 *
 * Hand-refined on purpose: the core builds these four tables by walking a run's JSON, so in
 * Rust (and in the generated type) they are `serde_json::Value` → `unknown`. Their shape is
 * derived here from the generated row types, so a field added to or renamed in the Rust tables
 * still reaches the page's types.
 */
export type MonteCarlo = Omit<MonteCarloJson, 'summary' | 'months' | 'years' | 'municipalities'> & {
  summary: Percentiles<Summary>;
  months: Percentiles<MonthOut>[];
  years: Percentiles<YearOut>[];
  municipalities: { id: string; name: string; summary: Percentiles<Summary> }[];
};

type CsvTable = 'months' | 'years' | 'summary';

/** Thrown by {@link Core.run}: the core's message and, for input errors, their parts. */
export class CoreError extends Error {
  constructor(
    message: string,
    readonly details: InputErrorDetail[] = [],
  ) {
    super(message);
  }
}

/**
 * A Monte Carlo as JSON text for the core's exports, each fraction in its percentile tables
 * written as its exact bits ("#" and 16 hex digits): the core's JSON reader (serde_json without
 * its large exact-float tables) reads about one in ten 17-digit decimals one unit off, and the
 * CSV must equal the CLI's to the digit.
 */
function exactJson(mc: MonteCarlo): string {
  const view = new DataView(new ArrayBuffer(8));
  const mark = (v: unknown): unknown => {
    if (typeof v === 'number' && !Number.isInteger(v)) {
      view.setFloat64(0, v);
      return `#${view.getBigUint64(0).toString(16).padStart(16, '0')}`;
    }
    if (Array.isArray(v)) return v.map(mark);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mark(x)]));
    return v;
  };
  return JSON.stringify({ ...mc, summary: mark(mc.summary), months: mark(mc.months), years: mark(mc.years), municipalities: mark(mc.municipalities) });
}

/** The inlined wasm: base64 in a data URL, gzip-compressed. */
async function wasmBytes(url: string): Promise<Uint8Array> {
  const base64 = url.slice(url.indexOf(',') + 1);
  const packed = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The core on the main thread: its tables, and checks of each edit (microseconds). The runs
 * themselves go to the workers of ./runner.ts, which get the same bytes. */
export class Core {
  private readonly handle: wasm_bindgen.Caseflow;
  readonly version: string;
  readonly params: ParamTable;
  readonly catalogue: Catalogue;
  /** The wasm module's bytes, inlined once into the page and handed to the worker. */
  readonly wasm: Uint8Array;

  /** Unpack and instantiate the inlined wasm. */
  static async load(): Promise<Core> {
    return new Core(await wasmBytes(wasmUrl));
  }

  private constructor(wasm: Uint8Array) {
    this.wasm = wasm;
    const bindgen = glue();
    bindgen.initSync({ module: this.wasm });
    this.handle = new bindgen.Caseflow();
    this.version = bindgen.version();
    this.params = this.handle.parameters() as ParamTable;
    this.catalogue = this.handle.catalogue() as Catalogue;
  }

  /** A deterministic run; without `detail` the municipalities' monthly tables are empty. */
  run(scenario: Scenario, detail = true): Results {
    return this.call(() => JSON.parse(this.handle.run(scenario, detail)) as Results);
  }

  /** For the benchmark: mean milliseconds of a run inside wasm, results not handed over. */
  timeRuns(scenario: Scenario, iterations: number): number {
    return this.call(() => this.handle.timeRuns(scenario, iterations));
  }

  /** A scenario file's JSON text, read and checked: throws a {@link CoreError} naming what is
   * wrong with it. */
  readScenario(json: string): Scenario {
    return this.call(() => JSON.parse(this.handle.readScenario(json)) as Scenario);
  }

  /** The scenario's fingerprint: 10 hex digits, as `caseflow run` prints it. */
  fingerprint(scenario: Scenario): string {
    return this.call(() => this.handle.fingerprint(scenario));
  }

  /** Results as CSV, as `caseflow run --format csv --table T` writes them (with the Monte
   * Carlo's percentiles when given); `date` (YYYY-MM-DD) goes into the cite line. With
   * `labels:` before the table's name: its column headings in `lang` instead, one a line. */
  csv(scenario: Scenario, mc: MonteCarlo | null, lang: 'nl' | 'en', date: string, table: CsvTable | `labels:${CsvTable}`): string {
    return this.call(() => this.handle.csv(scenario, mc && exactJson(mc), lang, date, table));
  }

  /** Check a scenario without running it: throws the {@link CoreError} a run would throw. */
  check(scenario: Scenario): void {
    this.call(() => this.handle.check(scenario));
  }


  /** A total split by the cost key (`caseflow allocate`); microseconds, so on the main thread. */
  allocate(total: string, overheadPct: string): Split {
    return this.call(() => JSON.parse(this.handle.allocate(total, overheadPct)) as Split);
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
