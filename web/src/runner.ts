// The runner: the page's one interface to the core's computations, all in Web Workers.
//
// Lanes, each its own worker: `fast` for deterministic runs (a newer run replaces one still
// waiting; a stale result is dropped, never drawn), `slow` for the Monte Carlo and other long
// jobs (a newer job cancels the running one: its worker is stopped and restarted, so a stale
// job never holds the thread), and as many `helpers` as the machine has further cores (up to
// 3), which take a share of the Monte Carlo's runs. A worker that crashes is restarted and its
// job run once more.
import { glue } from '../pkg/glue.js';
import { workerMain } from './worker';
import { CoreError, type InputErrorDetail, type MonteCarlo, type Results, type Scenario } from './core';

/** What a worker can be asked to compute. */
export type Job =
  | { kind: 'run'; scenario: Scenario; detail: boolean }
  | { kind: 'monteCarlo'; scenario: Scenario; runs: number; seed: number }
  // Runs `from..to` of a Monte Carlo, as numbers; then all parts' numbers merged (the same
  // result as the whole in one worker, to the bit).
  | { kind: 'monteCarloPart'; scenario: Scenario; runs: number; seed: number; from: number; to: number }
  | { kind: 'monteCarloMerge'; scenario: Scenario; runs: number; seed: number; parts: Float64Array[] }
  // The analyst views' analyses (./views/*.ts), each the CLI command of the same name.
  | { kind: 'sensitivity'; scenario: Scenario }
  | { kind: 'breakdown'; scenario: Scenario }
  | { kind: 'optimise'; scenario: Scenario; budget: string; objective: string; horizon?: string }
  | { kind: 'backtest'; runs: number; seed: number }
  | { kind: 'calibrate'; csv: string }
  | { kind: 'compare'; scenarios: Scenario[]; runs: number; seed: number }
  // Runs `from..to` of a comparison (each scenario's net saving in them, as numbers); then
  // the parts merged, with each scenario's deterministic run, as a 'compare' job answers.
  | { kind: 'comparePart'; scenarios: Scenario[]; runs: number; seed: number; from: number; to: number }
  | { kind: 'compareMerge'; scenarios: Scenario[]; runs: number; seed: number; parts: Float64Array[] };

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
  /** Buffers that move to the worker with the job rather than being copied. */
  transfer: ArrayBufferLike[];
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
    try {
      (this.worker ?? this.start()).postMessage({ type: 'job', id: p.id, job: p.job } satisfies WorkerRequest, { transfer: p.transfer as Transferable[] });
    } catch (e) {
      // A job that cannot be sent (its moved buffers are gone) fails; the lane goes on.
      this.current = null;
      p.reject(e instanceof Error ? e : new Error(String(e)));
      const next = this.waiting;
      this.waiting = null;
      if (next) this.send(next);
    }
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
    // A job whose buffers moved to the dead worker cannot be sent again: it fails at once.
    if (p && p.retries < 1 && p.transfer.length === 0) {
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
  queue(job: Job, onProgress: (done: number) => void = () => {}, transfer: ArrayBufferLike[] = []): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const p: Pending = { id: this.nextId++, job, resolve, reject, onProgress, retries: 0, transfer };
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

/** A Monte Carlo or comparison of fewer runs stays in one worker: each part first runs the
 * central scenario, and the merge copies every part's numbers once more. */
const SPLIT_FROM_RUNS = 200;

export class Runner {
  private readonly fast: Lane;
  private readonly slow: Lane;
  private readonly helpers: Lane[];
  /** Counts long jobs, so that a Monte Carlo's parts know whether a newer job replaced them. */
  private longJobs = 0;
  /** For the fault tests: crash the long-job worker as it gets the next parts to merge. */
  private crashAtMerge = false;

  /** `cores`: how many workers may compute at once (`navigator.hardwareConcurrency`); a
   * Monte Carlo is split over that many, up to 4. Workers start on their first job. */
  constructor(wasm: Uint8Array, cores = navigator.hardwareConcurrency || 1) {
    this.fast = new Lane(wasm);
    this.slow = new Lane(wasm);
    this.helpers = Array.from({ length: Math.max(0, Math.min(4, cores) - 1) }, () => new Lane(wasm));
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

  /**
   * A paired Monte Carlo; a newer long job (or {@link Runner.cancelLong}) cancels it. Its runs
   * are split over the slow lane and the helpers, each part's runs drawn from their own
   * streams, and merged in the slow lane: the same numbers as in one worker (and the CLI).
   * `split` false keeps it in the slow lane (for the benchmark's one-worker figure).
   */
  monteCarlo(scenario: Scenario, runs: number, seed: number, onProgress: (done: number) => void, split = true): Promise<MonteCarlo> {
    const whole: Job = { kind: 'monteCarlo', scenario, runs, seed };
    if (!split) return this.single<MonteCarlo>(whole, onProgress);
    return this.split<MonteCarlo>(
      whole,
      runs,
      (from, to) => ({ kind: 'monteCarloPart', scenario, runs, seed, from, to }),
      (parts) => ({ kind: 'monteCarloMerge', scenario, runs, seed, parts }),
      onProgress,
    );
  }

  /**
   * A long job split by runs over the slow lane and the helpers, each part's runs drawn from
   * their own streams, and merged in the slow lane: the same numbers as `whole` in one worker
   * (and the CLI). Each part answers with numbers, which move to the merging worker (15 MB
   * for a Monte Carlo of 1,000 runs), not copied. A newer long job cancels it. With one
   * worker, or few runs, `whole` runs as it is. If the merging worker dies, `whole` is
   * computed again in one worker.
   */
  private split<T>(
    whole: Job,
    runs: number,
    part: (from: number, to: number) => Job,
    merge: (parts: Float64Array[]) => Job,
    onProgress: (done: number) => void,
  ): Promise<T> {
    const lanes = [this.slow, ...this.helpers];
    if (lanes.length === 1 || runs < SPLIT_FROM_RUNS) return this.single<T>(whole, onProgress);
    this.cancelLong();
    const job = this.longJobs;
    const done = lanes.map(() => 0);
    // Cut at multiples of 4, so that each part fills the kernel's lanes (two runs side by side).
    const cut = (k: number) => (k === lanes.length ? runs : 4 * Math.floor((runs * k) / lanes.length / 4));
    const parts = lanes.map(
      (lane, k) =>
        lane.queue(part(cut(k), cut(k + 1)), (d) => {
          done[k] = d;
          onProgress(done.reduce((a, b) => a + b, 0));
        }) as Promise<Float64Array>,
    );
    return Promise.all(parts).then(
      (results) => {
        if (job !== this.longJobs) throw new Cancelled('replaced');
        const merged = this.slow.queue(merge(results), () => {}, results.map((p) => p.buffer)) as Promise<T>;
        if (this.crashAtMerge) {
          this.crashAtMerge = false;
          this.slow.crash();
        }
        return merged.catch((e: unknown) => {
          if (e instanceof Cancelled || job !== this.longJobs) throw e;
          return this.slow.queue(whole, onProgress) as Promise<T>;
        });
      },
      (e: unknown) => {
        // One part failed: the others are stopped too, unless a newer job already did.
        if (job === this.longJobs) this.cancelLong();
        throw e;
      },
    );
  }

  /** Any long job (the result type is the job's); it cancels the long job running before it. */
  long<T>(job: Job, onProgress: (done: number) => void = () => {}): Promise<T> {
    if (job.kind === 'compare') {
      // Split like the Monte Carlo: a comparison is runs × scenarios of them.
      const { scenarios, runs, seed } = job;
      return this.split<T>(
        job,
        runs,
        (from, to) => ({ kind: 'comparePart', scenarios, runs, seed, from, to }),
        (parts) => ({ kind: 'compareMerge', scenarios, runs, seed, parts }),
        onProgress,
      );
    }
    return this.single<T>(job, onProgress);
  }

  /** A long job in the slow lane alone; it cancels the long job running before it. */
  private single<T>(job: Job, onProgress: (done: number) => void): Promise<T> {
    this.cancelLong();
    return this.slow.queue(job, onProgress) as Promise<T>;
  }

  /** Cancel the running long job, if any. */
  cancelLong(): void {
    this.longJobs++;
    this.slow.cancel();
    for (const h of this.helpers) h.cancel();
  }

  /** Whether a long job runs. */
  get longBusy(): boolean {
    return this.slow.busy || this.helpers.some((h) => h.busy);
  }

  /** Worker restarts after crashes, all lanes. */
  get restarts(): number {
    return [this.fast, this.slow, ...this.helpers].reduce((n, l) => n + l.restarts, 0);
  }

  /** The long-job worker's wasm memory after its last job, bytes. */
  get memoryBytes(): number {
    return this.slow.memoryBytes;
  }

  /** For the fault tests: crash the long-job worker mid-run, or (`atMerge`) as it is handed
   * the next Monte Carlo's parts to merge. */
  crashLong(atMerge = false): void {
    if (atMerge) this.crashAtMerge = true;
    else this.slow.crash();
  }
}
