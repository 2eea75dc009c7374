// The single file as an official carries it to a council session: opened via file:// from a
// folder, with every request other than file: refused, it still draws the caseload and runs
// the Monte Carlo. And the page's Content-Security-Policy refuses any request that leaves it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, root, caseflowRun, screenshotPath, startServer } from './harness.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('dist/caseflow.html works from file:// with the network off', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const refused = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    refused.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(pathToFileURL(join(root, 'dist', 'caseflow.html')).href);
  await page.waitForFunction(() => window.caseflow !== undefined);
  await page.selectOption('#preset', 'corona-2021');
  await page.evaluate(() => window.caseflow.idle());
  const data = await page.evaluate(() => window.caseflow.chartData());
  assert.deepEqual(data[1], caseflowRun(['--preset', 'corona-2021']).months.map((m) => m.benefits));
  // The Monte Carlo runs in its worker (a blob: URL) and its bands are drawn.
  await page.evaluate(() => window.caseflow.uncertain());
  assert.match(await page.locator('#uncertainty').textContent(), /seed 1/);
  assert.ok((await page.evaluate(() => window.caseflow.chartData()))[3].every((v) => typeof v === 'number'));
  await page.screenshot({ path: screenshotPath('offline-file.png') });
  assert.deepEqual(refused, [], 'no request other than file: was made');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Content-Security-Policy refuses requests that leave the page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(root, 'dist', 'caseflow.html')).href);
  await page.waitForFunction(() => window.caseflow !== undefined);
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    let fetched = 'not refused';
    try {
      await fetch('https://example.invalid/track');
    } catch {
      fetched = 'refused';
    }
    const img = document.createElement('img');
    img.src = 'https://example.invalid/pixel.png';
    document.body.append(img);
    await new Promise((r) => setTimeout(r, 200));
    return { fetched, violations };
  });
  assert.equal(outcome.fetched, 'refused');
  assert.ok(outcome.violations.includes('connect-src'), JSON.stringify(outcome.violations));
  assert.ok(outcome.violations.includes('img-src'), JSON.stringify(outcome.violations));
  await context.close();
});

test('the served app works offline after its first load', async () => {
  const server = await startServer();
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => window.caseflow !== undefined);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.fill('#param-growth_pct-number', '4');
  await page.evaluate(() => window.caseflow.idle());
  // The network goes; the app reloads from the service worker's copy, with the edit kept.
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.caseflow !== undefined);
  await page.evaluate(() => window.caseflow.idle());
  assert.equal(await page.inputValue('#param-growth_pct-number'), '4');
  assert.deepEqual((await page.evaluate(() => window.caseflow.results())).summary, caseflowRun(['--preset', 'baseline', '--set', 'growth_pct=4']).summary);
  assert.deepEqual(errors, []);
  await context.close();
  server.stop();
});
