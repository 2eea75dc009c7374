// The page as a user meets it: presets, the growth-shock control, bad input, the language
// switch and a reload. Every figure on the chart is compared with what `caseflow run` prints
// for the same scenario.
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

/** The chart's two lines must be the CLI's benefits with and without programmes. */
function assertChartEqualsCli(data, cli, what) {
  assert.deepEqual(data[1], cli.months.map((m) => m.benefits), `${what}: benefits`);
  assert.deepEqual(data[2], cli.months.map((m) => m.benefits_without_programmes), `${what}: without programmes`);
}

test('moving the slider redraws the chart with the numbers the CLI prints', async () => {
  const { page, problems } = await openPage();
  assert.equal(await page.inputValue('#preset'), 'baseline');
  const before = await chartData(page);
  assertChartEqualsCli(before, caseflowRun(['--preset', 'baseline']), 'default');

  // Move the growth-shock slider by keyboard, as a user would: 14 steps of 0.5 = 7%.
  await page.locator('#param-growth_pct-range').focus();
  for (let i = 0; i < 14; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await page.inputValue('#param-growth_pct-number'), '7');

  const after = await chartData(page);
  assert.notDeepEqual(after[1], before[1], 'the chart changed');
  const cli = caseflowRun(['--preset', 'baseline', '--growth-pct', '7']);
  assertChartEqualsCli(after, cli, 'growth 7');
  assert.equal(after[0].length, 60);

  // The table shows the same last month, rounded for reading.
  const lastCell = await page.locator('#table tbody tr:last-child td:nth-of-type(1)').textContent();
  const expected = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(cli.months.at(-1).benefits);
  assert.equal(lastCell, expected);
  const headline = await page.locator('#headline').textContent();
  assert.match(headline, /groeischok van 7% van 4\.633 uitkeringen/);

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
    // Dutch grouping: 1.000 is a thousand, not one.
    ['1.000', 'valt buiten het bereik'],
    // Only plain decimals: no hex, as the CLI.
    ['0x10', 'is geen getal'],
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
  assertChartEqualsCli(await chartData(page), caseflowRun(['--preset', 'baseline', '--growth-pct', '2.5']), 'growth 2.5');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a preset with programmes shows the counterfactual, the saving and the papers’ notes', async () => {
  const { page, problems } = await openPage();
  await page.selectOption('#preset', 'corona-2021');
  const cli = caseflowRun(['--preset', 'corona-2021']);
  const data = await chartData(page);
  assertChartEqualsCli(data, cli, 'corona-2021');
  assert.notDeepEqual(data[1], data[2], 'with and without programmes differ');
  assert.equal(await page.inputValue('#param-growth_pct-number'), '7');
  const notes = await page.locator('#notes').textContent();
  assert.match(notes, /550/);
  const headline = await page.locator('#headline').textContent();
  const net = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(Number(cli.summary.net_saving_eur));
  assert.ok(headline.includes(net), `${headline} should contain ${net}`);
  assert.ok(cli.summary.payback_month === null ? headline.includes('niet binnen de looptijd') : headline.includes(`na ${cli.summary.payback_month} maanden`), headline);
  // The budget check and who pays what.
  assert.match(await page.locator('#budget').textContent(), /Te veel toegewezen: €\s35\.000/);
  const eur = (v) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(Number(v));
  const rows = page.locator('#municipalities tbody tr');
  assert.equal(await rows.count(), 6);
  const maastricht = cli.municipalities[0].summary;
  assert.equal(await rows.nth(0).locator('td').nth(3).textContent(), eur(maastricht.programme_cost_eur));
  assert.equal(await rows.nth(0).locator('td').nth(2).textContent(), eur(maastricht.saving_after_feedback_eur));
  await page.screenshot({ path: screenshotPath('page-corona-2021.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the language, the preset and the edits survive a reload', async () => {
  const { page, problems } = await openPage();
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  assert.equal(await page.locator('#chart-title').textContent(), 'Bijstandsbestand per maand, regio');
  await page.selectOption('#preset', 'statushouders-2018');
  await page.fill('#param-growth_pct-number', '4');
  await page.click('button[data-lang="en"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('#chart-title').textContent(), 'Caseload per month, region');
  assert.equal(await page.locator('label[for="param-growth_pct-number"]').textContent(), 'Growth shock');

  await page.reload();
  await page.waitForFunction(() => window.caseflow !== undefined);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.inputValue('#preset'), 'statushouders-2018');
  assert.equal(await page.inputValue('#param-growth_pct-number'), '4');
  assertChartEqualsCli(await chartData(page), caseflowRun(['--preset', 'statushouders-2018', '--growth-pct', '4']), 'after reload');
  await page.screenshot({ path: screenshotPath('page-english.png') });

  await page.click('button[data-lang="nl"]');
  assert.equal(await page.locator('#chart-title').textContent(), 'Bijstandsbestand per maand, regio');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the Monte Carlo in the browser gives the same numbers as the CLI for the same seed', async () => {
  const { page, problems } = await openPage();
  await page.selectOption('#preset', 'corona-2021');
  const inBrowser = await page.evaluate(() => window.caseflow.monteCarlo(30, 7));
  const native = caseflowRun(['--preset', 'corona-2021', '--runs', '30', '--seed', '7']);
  // Bit for bit: every percentile of every month and summary figure.
  assert.deepEqual(JSON.parse(JSON.stringify(inBrowser)), native);
  assert.ok(native.summary.benefits_end.p5 < native.summary.benefits_end.p95);

  // On the page: the band appears with its runs and seed, and the CLI can reproduce it.
  await page.click('#uncertainty-run');
  await page.waitForFunction(() => /seed 1/.test(document.querySelector('#uncertainty').textContent));
  const data = await page.evaluate(() => window.caseflow.chartData());
  const mc = caseflowRun(['--preset', 'corona-2021', '--runs', '200', '--seed', '1']);
  assert.deepEqual(data[3], mc.months.map((m) => m.benefits.p95));
  assert.deepEqual(data[4], mc.months.map((m) => m.benefits.p5));
  // The headline gives the Monte Carlo's P5-P95 beside the central figures.
  const eurNl = (v) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(Number(v));
  const net = mc.summary.net_saving_eur;
  assert.ok((await page.locator('#headline').textContent()).includes(`(${eurNl(net.p5)} tot ${eurNl(net.p95)})`), 'net saving range in the headline');
  // The 50% band inside it.
  assert.deepEqual(data[5], mc.months.map((m) => m.benefits.p75));
  assert.deepEqual(data[6], mc.months.map((m) => m.benefits.p25));
  assert.match(await page.locator('#uncertainty').textContent(), /200 runs, seed 1 \(caseflow run --preset corona-2021 --runs 200 --seed 1\)/);
  await page.screenshot({ path: screenshotPath('page-uncertainty.png') });
  // Any edit drops the band: it no longer belongs to the scenario on screen.
  await page.fill('#param-growth_pct-number', '5');
  assert.ok((await chartData(page))[3].every((v) => v === null));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the Monte Carlo runs in a worker: the page answers meanwhile, and an edit cancels it', async () => {
  const { page, problems } = await openPage();
  await page.selectOption('#preset', 'corona-2021');
  await page.click('#uncertainty-run');
  // The main thread is free while the worker computes: the page answers at once.
  const started = Date.now();
  const status = await page.locator('#uncertainty').textContent();
  assert.match(status, /Bezig met rekenen… \d+ van 200 runs/);
  assert.ok(Date.now() - started < 500, 'the page answered while the Monte Carlo ran');
  // An edit makes the running job stale: it is cancelled and its band never drawn.
  await page.fill('#param-growth_pct-number', '3');
  await page.waitForTimeout(2500);
  assert.ok((await chartData(page))[3].every((v) => v === null), 'no band from the cancelled run');
  assert.match(await page.locator('#uncertainty').textContent(), /Bereken de onzekerheid/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('every assumption can be edited, is marked, and resets one by one or all at once', async () => {
  const { page, problems } = await openPage();
  await page.selectOption('#preset', 'corona-2021');
  await page.click('summary:has-text("Alle aannames")');
  // The wide table scrolls inside its column: the page never gets wider than the window.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal page scroll');
  const field = page.locator('#assume-benefit_cost_month_eur');
  await field.fill('1300');
  await field.dispatchEvent('change');
  const cli = caseflowRun(['--preset', 'corona-2021', '--set', 'benefit_cost_month_eur=1300']);
  const summary = await page.evaluate(() => window.caseflow.results().summary);
  assert.equal(summary.net_saving_eur, cli.summary.net_saving_eur);
  assert.equal(await field.evaluate((f) => f.closest('tr').className), 'edited');

  // A bad value is refused at the field, with the range; the last valid value stays.
  await field.fill('abc');
  await field.dispatchEvent('change');
  assert.match(await page.locator('#assume-benefit_cost_month_eur-error').textContent(), /is geen getal; toegestaan: 0 tot 5000/);
  assert.equal((await page.evaluate(() => window.caseflow.results().summary)).net_saving_eur, cli.summary.net_saving_eur);

  // Reset one: back to the preset's value.
  await page.click('#assume-benefit_cost_month_eur-reset');
  const preset = caseflowRun(['--preset', 'corona-2021']);
  assert.equal((await page.evaluate(() => window.caseflow.results().summary)).net_saving_eur, preset.summary.net_saving_eur);
  assert.equal(await page.inputValue('#assume-benefit_cost_month_eur'), '1200');

  // Reset all.
  await page.fill('#assume-buig_feedback_pct', '0');
  await page.dispatchEvent('#assume-buig_feedback_pct', 'change');
  await page.fill('#param-growth_pct-number', '3');
  await page.click('#assumptions-reset');
  assert.equal((await page.evaluate(() => window.caseflow.results().summary)).net_saving_eur, preset.summary.net_saving_eur);
  assert.equal(await page.inputValue('#param-growth_pct-number'), '7');
  assert.ok(await page.isDisabled('#assumptions-reset'));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('“Zo rekent caseflow” explains the model and the papers’ inconsistencies in both languages', async () => {
  const { page, problems } = await openPage();
  await page.click('#how-title');
  const nl = await page.locator('#how-body').textContent();
  assert.match(nl, /Bestand\(t\+1\) = bestand\(t\) \+ instroom − uitstroom/);
  assert.match(nl, /550/);
  assert.match(nl, /€ 35\.000 te veel/);
  assert.match(nl, /303\.915/);
  await page.click('button[data-lang="en"]');
  assert.equal(await page.locator('#how-title').textContent(), 'How caseflow calculates');
  assert.match(await page.locator('#how-body').textContent(), /€35,000 too much/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the programmes of a preset are shown with every value, unit and source', async () => {
  const { page, problems } = await openPage();
  assert.match(await page.locator('#programmes').textContent(), /geen programma’s/);
  await page.selectOption('#preset', 'corona-2021');
  const programmes = page.locator('#programmes .programme');
  assert.equal(await programmes.count(), 3);
  const first = await programmes.nth(0).textContent();
  assert.match(first, /Werk naar werk \(track-i\)/);
  assert.match(first, /seed 000 §3/);
  assert.match(first, /Effect op de kans op werk30% hogere kans op werk/);
  assert.deepEqual(problems, []);
  await page.context().close();
});
