// Browser benchmark: the page in Debian's Chromium, next to the native core on the same machine
// in the same run. Prints one `name: value` line per figure and the target beside it; asserts
// nothing (speed is checked by reading the numbers, not by timed tests). `cargo xtask bench`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer, launch, root } from './harness.mjs';

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};

const server = await startServer();
const browser = await launch();
const figures = [];
const put = (name, value, target, digits = 3) => figures.push([name, typeof value === 'number' ? Number(value.toFixed(digits)) : value, target]);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await page.waitForFunction(() => window.caseflow !== undefined);
  await page.selectOption('#preset', 'corona-2021');
  await page.evaluate(() => window.caseflow.idle());
  // The page's own Monte Carlo for the preset runs in the worker; timing beside it would
  // measure the two sharing the machine.
  await page.evaluate(() => window.caseflow.uncertain());

  // The deterministic run in wasm, timed inside wasm over many runs (browser timers are
  // coarse), after a warm-up (as `caseflow time` warms up natively: V8 first runs wasm from
  // its baseline compiler and swaps in optimised code as functions get hot), and the page's
  // whole call: run, results as JSON text, JSON.parse.
  const wasm = await page.evaluate(() => {
    const c = window.caseflow;
    c.timeRuns(200);
    const kernel = c.timeRuns(1000);
    for (let i = 0; i < 20; i++) c.runCore();
    const n = 300;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) c.runCore();
    return { kernel, call: (performance.now() - t0) / n };
  });
  const wasmMs = wasm.kernel;
  // The same work natively, now, on the same machine.
  const native = execFileSync(process.env.CASEFLOW_BIN, ['time', '--preset', 'corona-2021', '--iterations', '1000', '--runs', '1000'], { encoding: 'utf8' });
  const nativeFig = Object.fromEntries(native.trim().split('\n').map((l) => l.split(': ')).map(([k, v]) => [k, Number(v)]));
  put('deterministic_wasm_ms', wasmMs, '< 0.5');
  put('deterministic_native_ms', nativeFig.deterministic_native_ms, '(for the ratio)');
  put('wasm_native_ratio', wasmMs / nativeFig.deterministic_native_ms, '<= 1.3', 2);
  put('page_run_call_ms', wasm.call, '(run + all results to JavaScript)');

  // 1,000 Monte Carlo runs in one worker (the issue's figure), and as the page runs them: split
  // over its workers (one per core, up to 4) and merged. Medians of three, alternating; the
  // time until the last run is done is given too (the rest is the merge and the answer).
  const one = [];
  const split = [];
  let memory = 0;
  for (let i = 0; i < 3; i++) {
    one.push(await page.evaluate(() => window.caseflow.workerMonteCarlo(1000, 1, false)));
    const r = await page.evaluate(() => window.caseflow.workerMonteCarlo(1000, 1, true));
    split.push(r);
    memory = r.memoryBytes;
  }
  put('mc1000_wasm_ms', quantile(one.map((r) => r.ms), 0.5), '< 100 (one worker)', 1);
  put('mc1000_native_ms', nativeFig.mc1000_native_ms, '(for the ratio)', 1);
  put('mc1000_wasm_workers', await page.evaluate(() => Math.min(4, navigator.hardwareConcurrency || 1)), '(the page splits its Monte Carlo over these)');
  put('mc1000_wasm_split_ms', quantile(split.map((r) => r.ms), 0.5), '(as the page runs it)', 1);
  put('mc1000_wasm_split_runs_ms', quantile(split.map((r) => r.runsMs), 0.5), '(until the last run is done)', 1);

  // Vergelijken as a user waits for it: two presets, 1,000 paired runs each, from the click to
  // the comparison on screen (split over the same workers as the Monte Carlo). Median of three.
  await page.click('#tab-compare');
  await page.selectOption('#compare-0', 'preset:corona-2021');
  await page.selectOption('#compare-1', 'preset:frozen-budget-2025');
  const compares = [];
  for (let i = 0; i < 3; i++) {
    const t0 = Date.now();
    await page.click('#compare-run');
    await page.waitForFunction(() => window.caseflow.viewData() !== null && document.querySelector('#compare-run')?.getAttribute('aria-disabled') === 'false', null, { timeout: 300000 });
    compares.push(Date.now() - t0);
  }
  put('compare2x1000_wasm_ms', quantile(compares, 0.5), '(Vergelijken, two presets: click to result)', 0);
  await page.click('#tab-overview');
  await page.evaluate(() => window.caseflow.idle());

  // A 5-second drag of the growth slider: input event → the frame that draws its result, and
  // long tasks on the main thread meanwhile.
  await page.evaluate(() => {
    window.__latencies = [];
    window.__longTasks = 0;
    window.__parts = [];
    window.addEventListener('caseflow:painted', (e) => {
      const d = e.detail;
      window.__latencies.push(d.painted - d.input);
      window.__parts.push([d.arrived - d.input, d.rendered - d.arrived, d.painted - d.rendered, d.workerStart - d.input, d.workerEnd - d.workerStart, d.received - d.workerEnd, d.arrived - d.received]);
    });
    new PerformanceObserver((list) => (window.__longTasks += list.getEntries().length)).observe({ type: 'longtask' });
  });
  const box = await page.locator('#param-growth_pct-range').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  const started = Date.now();
  for (let i = 0; Date.now() - started < 5000; i++) {
    const phase = (i % 80) / 40;
    const f = phase <= 1 ? phase : 2 - phase;
    await page.mouse.move(box.x + 2 + f * (box.width - 4), y);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  await page.waitForTimeout(500);
  const drag = await page.evaluate(() => ({ latencies: window.__latencies, longTasks: window.__longTasks, parts: window.__parts }));
  put('input_to_paint_ms', quantile(drag.latencies, 0.95), '<= 17 (p95)', 1);
  put('input_to_paint_median_ms', quantile(drag.latencies, 0.5), '', 1);
  put('input_events_painted', drag.latencies.length, '');
  // Where the time goes (medians): input to result back from the worker, drawing it, waiting
  // for the frame.
  put('input_to_result_median_ms', quantile(drag.parts.map((p) => p[0]), 0.5), '', 1);
  // Its parts: the page's edit and the message to the worker, the worker's run (with the
  // fingerprint), the answer waiting for the page's thread, JSON.parse.
  put('input_to_worker_median_ms', quantile(drag.parts.map((p) => p[3]), 0.5), '', 1);
  put('worker_run_median_ms', quantile(drag.parts.map((p) => p[4]), 0.5), '', 1);
  put('worker_to_page_median_ms', quantile(drag.parts.map((p) => p[5]), 0.5), '', 1);
  put('parse_median_ms', quantile(drag.parts.map((p) => p[6]), 0.5), '', 1);
  put('render_median_ms', quantile(drag.parts.map((p) => p[1]), 0.5), '', 1);
  put('wait_for_frame_median_ms', quantile(drag.parts.map((p) => p[2]), 0.5), '', 1);
  put('long_tasks', drag.longTasks, '0');
  put('wasm_memory_bytes', memory, '(after the split Monte Carlo, in the worker that merged it)');
  put('app_gzip_bytes', gzipSync(readFileSync(join(root, 'web', 'dist', 'index.html')), { level: 9 }).length, '< 400000');
} finally {
  await browser.close();
  server.stop();
}
console.log('caseflow browser benchmark (corona-2021: 120 months, 6 municipalities, 3 tracks)');
for (const [name, value, target] of figures) console.log(`${name}: ${value}${target ? `    # target ${target}` : ''}`);
