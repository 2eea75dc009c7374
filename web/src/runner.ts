// The runner: the page's one interface to the core's computations, all in Web Workers.
//
// Two lanes, each its own worker: `fast` for deterministic runs (a newer run replaces one still
// waiting; a stale result is dropped, never drawn), `slow` for the Monte Carlo and other long
// jobs (a newer job cancels the running one: its worker is stopped and restarted, so a stale
// job never holds the thread). A worker that crashes is restarted and its job run once more.
import { glue } from '../pkg/glue.js';
import { workerMain } from './worker';
import { CoreError, type InputErrorDetail, type MonteCarlo, type Results, type Scenario } from './core';

/** What a worker can be asked to compute. */
export type Job =
  | { kind: 'run'; scenario: Scenario; detail: boolean }
  | { kind: 'monteCarlo'; scenario: Scenario; runs: number; seed: number }
  // The analyst views' analyses (./views/*.ts), each the CLI command of the same name.
  | { kind: 'sensitivity'; scenario: Scenario }
  | { kind: 'breakdown'; scenario: Scenario }
  | { kind: 'optimise'; scenario: Scenario; budget: string; objective: string; horizon?: string }
  | { kind: 'backtest'; runs: number; seed: number }
  | { kind: 'calibrate'; csv: string }
  | { kind: 'compare'; scenarios: Scenario[]; runs: number; seed: number };

/**
 * A deterministic run as the worker sends it: the results as JSON text, the scenario's
 * fingerprint, and when the worker started and finished it (`performance.timeOrigin + now()`).
 */
export interface RunReply {
  json: string;
  fingerprint: string;
  started: number;
  finished: number;
}

/**
 * A deterministic run: its results and the scenario's fingerprint (for the cite line), and, on
 * the page's `performance.now()` clock, when the worker started and finished it, when its
 * answer reached the page and when that was parsed (for the benchmark's breakdown).
 */
export interface Run {
  results: Results;
  fingerprint: string;
  timing: { workerStart: number; workerEnd: number; received: number; parsed: number };
}

/** Messages to the worker. */
export type WorkerRequest = { type: 'init'; wasm: Uint8Array } | { type: 'job'; id: number; job: Job };

/** Messages from the worker. */
export type WorkerReply =
  | { type: 'progress'; id: number; done: number }
  /** `memoryBytes`: the worker's wasm memory after the job. */
  | { type: 'result'; id: number; result: unknown; memoryBytes: number }
  | { type: 'error'; id: number; message: string; detail: InputErrorDetail[] };

/** Thrown to a job that a newer job replaced. */
export class Cancelled extends Error {}

interface Pending {
  id: number;
  job: Job;
  resolve: (r: unknown) => void;
  reject: (e: Error) => void;
  onProgress: (done: number) => void;
  /** Times this job was restarted after a crash. */
  retries: number;
}

/** The workers' script: ./worker.ts' function, called with a copy of the wasm glue. Both are
 * functions of the page's own bundle, turned back into source text, so the page carries the
 * glue once (a blob: URL, as the page's Content-Security-Policy allows for workers). */
let workerUrl: string | null = null;
function newWorker(): Worker {
  workerUrl ??= URL.createObjectURL(
    new Blob([`(${workerMain.toString()})((${glue.toString()})());`], { type: 'text/javascript' }),
  );
  return new Worker(workerUrl);
}

/** One worker and the job it runs. */
class Lane {
  private worker: Worker | null = null;
  private current: Pending | null = null;
  private waiting: Pending | null = null;
  private nextId = 1;
  /** Restarts after a crash, for the page's notice and the tests. */
  restarts = 0;
  /** The worker's wasm memory after its last job, bytes (for the benchmark). */
  memoryBytes = 0;

  constructor(private readonly wasm: Uint8Array) {}

  private start(): Worker {
    const worker = newWorker();
    worker.onmessage = (event: MessageEvent<WorkerReply>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.crashed(event.message);
    };
    worker.postMessage({ type: 'init', wasm: this.wasm } satisfies WorkerRequest);
    this.worker = worker;
    return worker;
  }

  private send(p: Pending): void {
    this.current = p;
    (this.worker ?? this.start()).postMessage({ type: 'job', id: p.id, job: p.job } satisfies WorkerRequest);
  }

  private receive(msg: WorkerReply): void {
    const p = this.current;
    if (!p || msg.id !== p.id) return;
    if (msg.type === 'progress') {
      p.onProgress(msg.done);
      return;
    }
    this.current = null;
    if (msg.type === 'result') {
      this.memoryBytes = msg.memoryBytes;
      p.resolve(msg.result);
    }
    else p.reject(new CoreError(msg.message, msg.detail));
    const next = this.waiting;
    this.waiting = null;
    if (next) this.send(next);
  }

  /** The worker died: start a new one and repeat the job once; a second crash fails it. */
  private crashed(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.restarts++;
    const p = this.current;
    this.current = null;
    if (p && p.retries < 1) {
      p.retries++;
      this.send(p);
    } else {
      p?.reject(new Error(`caseflow worker failed: ${message}`));
      const next = this.waiting;
      this.waiting = null;
      if (next) this.send(next);
    }
  }

  /** Queue a job: it runs after the current one, replacing any job still waiting. */
  queue(job: Job, onProgress: (done: number) => void = () => {}): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const p: Pending = { id: this.nextId++, job, resolve, reject, onProgress, retries: 0 };
      if (!this.current) {
        this.send(p);
        return;
      }
      this.waiting?.reject(new Cancelled('replaced'));
      this.waiting = p;
    });
  }

  /** Cancel the running and waiting jobs: the worker is stopped, the next job starts anew. */
  cancel(): void {
    this.waiting?.reject(new Cancelled('cancelled'));
    this.waiting = null;
    if (this.current) {
      this.worker?.terminate();
      this.worker = null;
      const p = this.current;
      this.current = null;
      p.reject(new Cancelled('cancelled'));
    }
  }

  get busy(): boolean {
    return this.current !== null;
  }

  /**
   * For the fault tests: kill the worker as it works. The page learns of it as it learns of a
   * real crash (an out-of-memory, a browser killing the thread): through the same path.
   */
  crash(): void {
    this.worker?.terminate();
    this.crashed('killed');
  }
}

export class Runner {
  private readonly fast: Lane;
  private readonly slow: Lane;

  constructor(wasm: Uint8Array) {
    this.fast = new Lane(wasm);
    this.slow = new Lane(wasm);
  }

  /**
   * A deterministic run and the scenario's fingerprint; rejects with {@link Cancelled} when a
   * newer run replaced it. Without `detail` the municipalities' monthly tables are left out
   * (what live updates need).
   */
  run(scenario: Scenario, detail = false): Promise<Run> {
    return (this.fast.queue({ kind: 'run', scenario, detail }) as Promise<RunReply>).then((reply) => {
      const received = performance.now();
      const results = JSON.parse(reply.json) as Results;
      const origin = performance.timeOrigin;
      return { results, fingerprint: reply.fingerprint, timing: { workerStart: reply.started - origin, workerEnd: reply.finished - origin, received, parsed: performance.now() } };
    });
  }

  /** A paired Monte Carlo; a newer long job (or {@link Runner.cancelLong}) cancels it. */
  monteCarlo(scenario: Scenario, runs: number, seed: number, onProgress: (done: number) => void): Promise<MonteCarlo> {
    return this.long<MonteCarlo>({ kind: 'monteCarlo', scenario, runs, seed }, onProgress);
  }

  /** Any long job (the result type is the job's); it cancels the long job running before it. */
  long<T>(job: Job, onProgress: (done: number) => void = () => {}): Promise<T> {
    this.slow.cancel();
    return this.slow.queue(job, onProgress) as Promise<T>;
  }

  /** Cancel the running long job, if any. */
  cancelLong(): void {
    this.slow.cancel();
  }

  /** Whether a long job runs. */
  get longBusy(): boolean {
    return this.slow.busy;
  }

  /** Worker restarts after crashes, both lanes. */
  get restarts(): number {
    return this.fast.restarts + this.slow.restarts;
  }

  /** The long-job worker's wasm memory after its last job, bytes. */
  get memoryBytes(): number {
    return this.slow.memoryBytes;
  }

  /** For the fault tests: crash the long-job worker mid-run. */
  crashLong(): void {
    this.slow.crash();
  }
}
