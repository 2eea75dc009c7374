// The runner: the page's one interface to long computations. Jobs go to a Web Worker; a new
// job cancels the one before it (the worker is stopped and restarted, so a stale Monte Carlo
// never holds the thread), and a crashed worker is restarted for the next job.
import CoreWorker from './worker?worker&inline';
import { CoreError, type InputErrorDetail, type MonteCarlo, type Scenario } from './core';

/** Messages to the worker. */
export type WorkerRequest =
  | { type: 'init'; wasm: Uint8Array }
  | { type: 'monteCarlo'; id: number; scenario: Scenario; runs: number; seed: number };

/** Messages from the worker. */
export type WorkerReply =
  | { type: 'progress'; id: number; done: number }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; message: string; detail: InputErrorDetail[] };

interface Job {
  id: number;
  resolve: (r: MonteCarlo) => void;
  reject: (e: Error) => void;
  onProgress: (done: number) => void;
}

/** Thrown to a job that a newer job replaced. */
export class Cancelled extends Error {}

export class Runner {
  private worker: Worker | null = null;
  private job: Job | null = null;
  private nextId = 1;

  constructor(private readonly wasm: Uint8Array) {}

  private start(): Worker {
    const worker = new CoreWorker();
    worker.onmessage = (event: MessageEvent<WorkerReply>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.stop(new Error(`caseflow worker failed: ${event.message}`));
    };
    worker.postMessage({ type: 'init', wasm: this.wasm } satisfies WorkerRequest);
    this.worker = worker;
    return worker;
  }

  private receive(msg: WorkerReply): void {
    const job = this.job;
    if (!job || msg.id !== job.id) return;
    if (msg.type === 'progress') {
      job.onProgress(msg.done);
    } else if (msg.type === 'result') {
      this.job = null;
      job.resolve(msg.result as MonteCarlo);
    } else {
      this.job = null;
      job.reject(new CoreError(msg.message, msg.detail));
    }
  }

  /** Stop the worker and fail the running job; the next job starts a fresh worker. */
  private stop(reason: Error): void {
    this.worker?.terminate();
    this.worker = null;
    const job = this.job;
    this.job = null;
    job?.reject(reason);
  }

  /** Cancel the running job, if any. */
  cancel(): void {
    if (this.job) this.stop(new Cancelled('cancelled'));
  }

  /** A paired Monte Carlo in the worker; a newer call cancels this one. */
  monteCarlo(scenario: Scenario, runs: number, seed: number, onProgress: (done: number) => void): Promise<MonteCarlo> {
    this.cancel();
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.job = { id, resolve, reject, onProgress };
      worker.postMessage({ type: 'monteCarlo', id, scenario, runs, seed } satisfies WorkerRequest);
    });
  }
}
