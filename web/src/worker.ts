// The Web Worker that runs the core's long computations (the Monte Carlo) off the main thread,
// so typing and dragging never stall. The page sends it the wasm bytes once (the module is
// inlined into the page only once), then jobs; it answers with progress and a result.
import { Caseflow, initSync } from '../pkg/caseflow_wasm.js';
import type { WorkerReply, WorkerRequest } from './runner';

let core: Caseflow | null = null;

const reply = (message: WorkerReply) => postMessage(message);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  if (msg.type === 'init') {
    initSync({ module: msg.wasm });
    core = new Caseflow();
    return;
  }
  if (!core) {
    reply({ type: 'error', id: msg.id, message: 'caseflow worker not initialised', detail: [] });
    return;
  }
  try {
    const result = core.monteCarlo(msg.scenario, msg.runs, BigInt(msg.seed), (done: number) =>
      reply({ type: 'progress', id: msg.id, done }),
    );
    reply({ type: 'result', id: msg.id, result });
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
