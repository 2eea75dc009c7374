// Browser benchmark: how long the page's core takes in Debian's Chromium, next to the native
// CLI on the same machine in the same run. Prints numbers; asserts nothing (speed is checked
// by reading them, not by timed tests). Run with `cargo xtask bench`.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { startServer, launch } from './harness.mjs';

const server = await startServer();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.caseflow !== undefined);
  await page.selectOption('#preset', 'corona-2021');
  const browserMs = await page.evaluate(() => {
    const time = (f, n) => {
      f();
      const t0 = performance.now();
      for (let i = 0; i < n; i++) f();
      return (performance.now() - t0) / n;
    };
    const c = window.caseflow;
    return {
      core_run_ms: time(() => c.runCore(), 50),
      // An edit of the growth field: the core run, the chart and the tables redrawn.
      edit_ms: time(() => document.querySelector('#param-growth_pct-number').dispatchEvent(new Event('input')), 50),
      monte_carlo_200_runs_ms: time(() => c.monteCarlo(200, 1), 3),
    };
  });
  const native = (args, n) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) execFileSync(process.env.CASEFLOW_BIN, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    return (performance.now() - t0) / n;
  };
  const nativeStart = native(['presets'], 5);
  const nativeRun = native(['run', '--preset', 'corona-2021', '--format', 'json'], 10) - nativeStart;
  const nativeMc = native(['run', '--preset', 'corona-2021', '--runs', '200', '--seed', '1', '--format', 'json'], 3) - nativeStart;
  const rows = [
    ['deterministic run with counterfactual', browserMs.core_run_ms, nativeRun],
    ['Monte Carlo, 200 paired runs', browserMs.monte_carlo_200_runs_ms, nativeMc],
  ];
  console.log('caseflow browser benchmark (corona-2021, 120 months, 6 municipalities)');
  console.log('what'.padEnd(46), 'wasm ms'.padStart(10), 'native ms'.padStart(10), 'ratio'.padStart(7));
  for (const [what, wasm, nat] of rows) {
    console.log(what.padEnd(46), wasm.toFixed(2).padStart(10), nat.toFixed(2).padStart(10), (wasm / nat).toFixed(2).padStart(7));
  }
  console.log(`native figures are CLI runs minus process start and model load (${nativeStart.toFixed(1)} ms), JSON output included`);
  console.log(`one edit on the page (core run, chart, tables): ${browserMs.edit_ms.toFixed(2)} ms`);
} finally {
  await browser.close();
  server.stop();
}
