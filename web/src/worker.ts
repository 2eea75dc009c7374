// The Web Worker that runs the core off the main thread, so typing and dragging never stall.
// The page sends it the wasm bytes once (the module is inlined into the page only once), then
// jobs; it answers each with progress, a result or an error.
//
// The worker is this one function, started from its source text with the wasm glue's in front
// (`newWorker` in ./runner.ts), so the glue is in the page once: a classic script from a
// `blob:` URL, which Chromium runs on file:// pages too (it refuses module workers there). It
// must use nothing from outside itself but its argument and the worker's globals: imports here
// are types only. (A build target below ES2022 could make the bundler add helpers from outside
// it; the browser tests would fail.)
import type { glue } from '../pkg/glue.js';
import type { Scenario } from './core';
import type { Job, RunReply, WorkerReply, WorkerRequest } from './runner';

export function workerMain(bindgen: ReturnType<typeof glue>): void {
  let core: wasm_bindgen.Caseflow | null = null;
  let memory: WebAssembly.Memory | null = null;

  // A part of a Monte Carlo (numbers) moves to the page rather than being copied.
  const reply = (message: WorkerReply) => postMessage(message, { transfer: message.type === 'result' && message.result instanceof Float64Array ? [message.result.buffer] : [] });
  /** A time the page can compare with its own (the worker's `performance.now()` has another origin). */
  const clock = () => performance.timeOrigin + performance.now();

  /** Parts' numbers one after another, as the merges read them. */
  function joined(parts: Float64Array[]): Float64Array {
    const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (all.set(p, at), at + p.length), 0);
    return all;
  }

  /** The comparison from its parts, and each scenario's deterministic run for the overlaid charts. */
  function compared(core: wasm_bindgen.Caseflow, job: { scenarios: Scenario[]; runs: number; seed: number }, parts: Float64Array[]): unknown {
    return {
      comparison: JSON.parse(core.compareMerge(job.scenarios, job.runs, BigInt(job.seed), joined(parts))),
      results: job.scenarios.map((s) => JSON.parse(core.run(s, false))),
    };
  }

  function perform(core: wasm_bindgen.Caseflow, job: Job, progress: (done: number) => void): unknown {
    switch (job.kind) {
      case 'run': {
        // As text: a string crosses to the page as one copy, and the page's JSON.parse is faster
        // than rebuilding the same object graph from a structured clone. The fingerprint for the
        // cite line comes along, so the page's thread does not hash each scenario of a drag.
        const started = clock();
        const json = core.run(job.scenario, job.detail);
        const fingerprint = core.fingerprint(job.scenario);
        return { json, fingerprint, started, finished: clock() } satisfies RunReply;
      }
      case 'monteCarlo':
        // All runs as one part, merged here.
        return JSON.parse(core.monteCarloMerge(job.scenario, job.runs, BigInt(job.seed), core.monteCarloPart(job.scenario, job.runs, BigInt(job.seed), 0, job.runs, progress)));
      case 'monteCarloPart':
        return core.monteCarloPart(job.scenario, job.runs, BigInt(job.seed), job.from, job.to, progress);
      case 'monteCarloMerge':
        return JSON.parse(core.monteCarloMerge(job.scenario, job.runs, BigInt(job.seed), joined(job.parts)));
      case 'sensitivity':
        return JSON.parse(core.sensitivity(job.scenario));
      case 'breakdown':
        return JSON.parse(core.breakdown(job.scenario));
      case 'optimise':
        return JSON.parse(core.optimise(job.scenario, job.budget, job.objective, job.horizon, progress));
      case 'backtest':
        return JSON.parse(core.backtest(job.runs, BigInt(job.seed)));
      case 'calibrate':
        return JSON.parse(core.calibrate(job.csv));
      case 'compare':
        // All runs as one part, merged here.
        return compared(core, job, [core.comparePart(job.scenarios, job.runs, BigInt(job.seed), 0, job.runs, progress)]);
      case 'comparePart':
        return core.comparePart(job.scenarios, job.runs, BigInt(job.seed), job.from, job.to, progress);
      case 'compareMerge':
        return compared(core, job, job.parts);
    }
  }

  self.onmessage = (event: MessageEvent<WorkerRequest>) => {
    const msg = event.data;
    if (msg.type === 'init') {
      memory = bindgen.initSync({ module: msg.wasm }).memory;
      core = new bindgen.Caseflow();
      return;
    }
    if (!core) {
      reply({ type: 'error', id: msg.id, message: 'caseflow worker not initialised', detail: [] });
      return;
    }
    try {
      const result = perform(core, msg.job, (done) => reply({ type: 'progress', id: msg.id, done }));
      reply({ type: 'result', id: msg.id, result, memoryBytes: memory?.buffer.byteLength ?? 0 });
    } catch (e) {
      const detail = (e as { detail?: unknown }).detail;
      reply({
        type: 'error',
        id: msg.id,
        message: e instanceof Error ? e.message : String(e),
        detail: Array.isArray(detail) ? detail : [],
      });
    }
  };
}
