// The page as a user meets it: the chart, the growth-shock slider, bad input, the language
// switch and a reload. Figures are compared with what `caseflow run` prints.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, watch, caseflowRun, screenshotPath } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

/** A page in a fresh context (empty storage) at 1280×720. */
async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const problems = watch(page, server.url.replace(/\/$/, ''));
  await page.goto(server.url);
  await page.waitForFunction(() => window.caseflow !== undefined);
  return { page, problems };
}

const chartData = (page) => page.evaluate(() => window.caseflow.chartData());

test('moving the slider redraws the chart with the numbers the CLI prints', async () => {
  const { page, problems } = await openPage();
  const before = await chartData(page);
  const baseline = caseflowRun([]);
  assert.deepEqual(before[1], baseline.months.map((m) => m.stock_end), 'the default chart equals `caseflow run`');

  // Move the growth-shock slider by keyboard, as a user would: 14 steps of 0.5 = 7%.
  const slider = page.locator('#param-growth_pct-range');
  await slider.focus();
  for (let i = 0; i < 14; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await page.inputValue('#param-growth_pct-number'), '7');

  const after = await chartData(page);
  assert.notDeepEqual(after[1], before[1], 'the chart changed');
  const cli = caseflowRun(['--growth-pct', '7']);
  assert.deepEqual(after[1], cli.months.map((m) => m.stock_end), 'the chart equals `caseflow run --growth-pct 7`');
  assert.equal(after[0].length, 36);

  // The table shows the same last month, rounded for reading.
  const lastCell = await page.locator('#table tbody tr:last-child td:last-child').textContent();
  const expected = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(cli.months.at(-1).stock_end);
  assert.equal(lastCell, expected);

  await page.screenshot({ path: screenshotPath('page-growth-7.png') });
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('bad input names field, value and range, and the last valid scenario stays', async () => {
  const { page, problems } = await openPage();
  const before = await chartData(page);
  for (const [typed, words] of [
    ['abc', 'is geen getal'],
    ['500', 'valt buiten het bereik'],
    ['', 'is geen getal'],
  ]) {
    await page.fill('#param-growth_pct-number', typed);
    const message = await page.locator('#param-growth_pct-error').textContent();
    assert.match(message, /Groeischok/);
    assert.ok(message.includes(`‘${typed}’`), message);
    assert.ok(message.includes(words), message);
    assert.match(message, /-20 tot 20/);
    assert.deepEqual(await chartData(page), before, 'the chart keeps the last valid scenario');
  }
  // A Dutch decimal comma is accepted.
  await page.fill('#param-growth_pct-number', '2,5');
  assert.equal(await page.locator('#param-growth_pct-error').textContent(), '');
  const cli = caseflowRun(['--growth-pct', '2.5']);
  assert.deepEqual((await chartData(page))[1], cli.months.map((m) => m.stock_end));
  // Dutch thousands grouping: 4.500 is four thousand five hundred, not four and a half.
  await page.fill('#param-start_stock-number', '4.500');
  const grouped = caseflowRun(['--growth-pct', '2.5', '--start-stock', '4500']);
  assert.deepEqual((await chartData(page))[1], grouped.months.map((m) => m.stock_end));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the language switch and the scenario survive a reload', async () => {
  const { page, problems } = await openPage();
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  assert.equal(await page.locator('#chart-title').textContent(), 'Bijstandsbestand per maand');
  await page.fill('#param-growth_pct-number', '4');
  await page.click('button[data-lang="en"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('#chart-title').textContent(), 'Caseload per month');
  assert.equal(await page.locator('label[for="param-growth_pct-number"]').textContent(), 'Growth shock');

  await page.reload();
  await page.waitForFunction(() => window.caseflow !== undefined);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.inputValue('#param-growth_pct-number'), '4');
  const cli = caseflowRun(['--growth-pct', '4']);
  assert.deepEqual((await chartData(page))[1], cli.months.map((m) => m.stock_end));
  await page.screenshot({ path: screenshotPath('page-english.png') });

  await page.click('button[data-lang="nl"]');
  assert.equal(await page.locator('#chart-title').textContent(), 'Bijstandsbestand per maand');
  assert.deepEqual(problems, []);
  await page.context().close();
});
