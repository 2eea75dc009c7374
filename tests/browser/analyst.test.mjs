// The analyst views: each renders for each preset without console errors, and its figures
// equal the CLI's (`allocate`, `sensitivity`, `breakdown`, `optimise`, `backtest`,
// `calibrate`, `compare`, `run --runs`) for the same scenario and seed. An uploaded CSV
// recalibrates with no request at all; comparing two presets shows their difference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseflowRun, screenshotPath, useServerAndBrowser, settle, openPage } from './harness.mjs';

const env = useServerAndBrowser();

const PRESETS = ['baseline', 'corona-2021-no-programme', 'corona-2021', 'frozen-budget-2025', 'statushouders-2018'];
const VIEWS = ['municipalities', 'backtest', 'sensitivity', 'breakdown', 'bestmix', 'compare'];

/** `caseflow ARGS --format json`, parsed. */
function cli(args) {
  return JSON.parse(execFileSync(process.env.CASEFLOW_BIN, [...args, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

const nlEur = (v) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(Number(v));

/**
 * The text of `#id` once it is `expected` (the method of an analysis in the page's language);
 * the view shows `other` (the other language's) nowhere, not even in a closed `<details>`.
 */
async function inLanguage(page, id, expected, other) {
  await page.waitForFunction(([i, text]) => document.getElementById(i)?.textContent === text, [id, expected], { timeout: 10000 }).catch(() => {});
  assert.equal(await page.locator(`#${id}`).textContent(), expected);
  const all = await page.locator('#view').textContent();
  for (const text of [other].flat()) assert.ok(!all.includes(text), `#${id}: the other language's text is on the page: ${text}`);
}

/** Open a view and wait until its analysis is on screen. */
async function viewData(page, view, timeout = 120000) {
  await page.click(`#tab-${view}`);
  await settle(page);
  await page.waitForFunction(() => window.caseflow.viewData() !== null, null, { timeout });
  return page.evaluate(() => window.caseflow.viewData());
}

test('each analyst view renders for each preset without console errors', async () => {
  const { page, problems } = await openPage(env);
  for (const id of PRESETS) {
    await page.selectOption('#preset', id);
    await settle(page);
    const programmes = await page.evaluate(() => window.caseflow.scenario().programmes.length);
    for (const view of VIEWS) {
      await page.click(`#tab-${view}`);
      await settle(page);
      assert.equal(await page.getAttribute(`#tab-${view}`, 'aria-selected'), 'true');
      if (['municipalities', 'backtest', 'sensitivity'].includes(view) || (programmes > 0 && view === 'breakdown')) {
        await page.waitForFunction(() => window.caseflow.viewData() !== null, null, { timeout: 120000 });
      }
      const text = await page.locator('#view').innerText();
      assert.ok(text.length > 40, `${id} ${view}: ${text.slice(0, 200)}`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${id} ${view}: no horizontal page scroll`);
      if (id === 'corona-2021') await page.screenshot({ path: screenshotPath(`analyst-${view}-1280.png`), fullPage: false });
    }
  }
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('Gemeenten: the yearly tables are the CLI’s, and the key split is `caseflow allocate`', async () => {
  const { page, problems } = await openPage(env);
  await page.selectOption('#preset', 'corona-2021');
  const data = await viewData(page, 'municipalities');
  const run = caseflowRun(['--preset', 'corona-2021']);
  const split = cli(['allocate', '--total', data.total, '--overhead-pct', data.overhead]);
  assert.deepEqual(data.split, split);
  const cells = await page.locator('#municipalities-table tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent)));
  // Region first, then the municipalities: each year's net position, BUIG grant and vangnet.
  const areas = [{ years: run.years }, ...run.municipalities];
  const expected = areas.flatMap((a) => a.years.map((y) => [String(y.year), nlEur(y.net_position_eur), nlEur(y.buig_grant_eur), nlEur(y.vangnet_eur)]));
  // Exits to work in whole people, as the headline gives them ("341" stood beside "427,7").
  const exits = areas.flatMap((a) => a.years.map((y) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }).format(y.exits_to_work)));
  assert.deepEqual(cells.map((c) => c[3]), exits);
  assert.deepEqual(
    cells.map((c) => [c[1], c[6], c[7], c[8]]),
    expected,
  );
  // The grant is said to be an assumption (a reader took € 3.140.498 for Vaals' real grant).
  assert.match(await page.locator('#view h2 + p').textContent(), /Het BUIG-budget is een aanname \(‘BUIG-budget ten opzichte van de uitgaven’/);
  // Each area over the whole horizon, as the CLI's summaries give it: what a municipality pays
  // and what it nets.
  const whole = await page.locator('#municipalities-totals tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent)));
  const summaries = [run.summary, ...run.municipalities.map((m) => m.summary)];
  assert.deepEqual(whole.map((r) => [r[3], r[4]]), summaries.map((s) => [nlEur(s.programme_cost_eur), nlEur(s.net_saving_eur)]));
  assert.equal(whole[3][0], 'Gulpen-Wittem');
  // The exits the programmes added, not all exits (a reader took 'Naar werk 161' for Vaals' gain).
  assert.deepEqual(whole.map((r) => r[1]), summaries.map((s) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(s.extra_exits_to_work)));
  assert.match(await page.locator('h3:has(+ .scroll #municipalities-totals)').textContent(), /^Per gemeente, over de hele looptijd \(2021–2030\)$/);
  // With the Monte Carlo, each area's net band, as `caseflow run --runs 1000 --seed 1` gives it.
  await page.evaluate(() => window.caseflow.uncertain());
  await page.waitForFunction(() => document.querySelectorAll('#municipalities-totals thead th').length === 7);
  const bands = await page.locator('#municipalities-totals tbody tr').evaluateAll((rows) => rows.map((r) => r.lastElementChild.textContent));
  const mc = caseflowRun(['--preset', 'corona-2021', '--runs', '1000', '--seed', '1']);
  assert.deepEqual(bands, [mc.summary, ...mc.municipalities.map((m) => m.summary)].map((q) => `${nlEur(q.net_saving_eur.p5)} tot ${nlEur(q.net_saving_eur.p95)}`));
  const key = await page.locator('#cost-key-table').innerText();
  assert.ok(key.includes(nlEur(split.rows[0].total_eur)), key);
  // Split in cents, the key's shares read as the run's cost shares in the table above (€ 75.834
  // beside € 75.835 for Meerssen, when the key split whole euros).
  const keyRows = await page.locator('#cost-key-table tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
  assert.deepEqual(keyRows.slice(0, 6).map((r) => r.at(-1)), whole.slice(1).map((r) => r[3]));
  // The totals row: what all pay is the total (the overhead moves money to Maastricht).
  const totals = await page.locator('#cost-key-table tbody tr').last().evaluate((tr) => Array.from(tr.children).map((c) => c.textContent));
  assert.equal(totals.at(-1), nlEur(data.total), totals.join(' | '));
  assert.equal(await page.locator('#municipalities-multiples svg[role=img]').count(), 7);
  // Each small multiple has its own scale, so its caption gives its tallest bar (net position).
  const captions = await page.locator('#municipalities-multiples figcaption').allTextContents();
  areas.forEach((a, i) => {
    // With its year: "grootste balk € -808.193" read oddly to a presenter.
    const k = a.years.reduce((best, y, j) => (Math.abs(Number(y.net_position_eur)) > Math.abs(Number(a.years[best].net_position_eur)) ? j : best), 0);
    const tallest = a.years[k];
    assert.ok(captions[i].endsWith(`grootste bedrag ${nlEur(tallest.net_position_eur)} (${tallest.year})`), `${captions[i]} / ${nlEur(tallest.net_position_eur)}`);
  });
  // Each has a y axis: its scale's top and bottom, labelled (net positions of € 100.000 or
  // more in millions), so a bar's size can be read off.
  const axisLabels = () => page.locator('#municipalities-multiples svg').evaluateAll((svgs) => svgs.map((s) => Array.from(s.querySelectorAll('text.y')).map((t) => t.textContent)));
  const millions = (v) => `${new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(v / 1e6)} mln`;
  const regionNet = run.years.map((y) => Number(y.net_position_eur));
  const ownAxes = await axisLabels();
  assert.deepEqual(ownAxes[0], [millions(Math.max(0, ...regionNet)), millions(Math.min(0, ...regionNet))]);
  assert.match(ownAxes[0].join(' '), /^€\s0,\d+ mln €\s-0,\d+ mln$/);
  // On one scale, the municipalities' tallest bars stand as their values (Vaals' far below
  // Maastricht's); the region keeps its own scale.
  await page.check('#mun-shared');
  const sharedAxes = await axisLabels();
  assert.deepEqual(sharedAxes[0], ownAxes[0]);
  for (let i = 2; i < areas.length; i++) assert.deepEqual(sharedAxes[i], sharedAxes[1], `area ${i} on the common scale`);
  assert.notDeepEqual(ownAxes[2], ownAxes[1]);
  assert.match(await page.locator('h3:has(+ #municipalities-multiples)').textContent(), /de zes gemeenten op één schaal/);
  const heights = await page.locator('#municipalities-multiples svg').evaluateAll((svgs) => svgs.map((s) => Math.max(...Array.from(s.querySelectorAll('rect')).map((r) => Number(r.getAttribute('height'))))));
  const largest = areas.map((a) => Math.max(...a.years.map((y) => Math.abs(Number(y.net_position_eur)))));
  for (let i = 2; i < areas.length; i++) {
    assert.ok(Math.abs(heights[i] / heights[1] - largest[i] / largest[1]) < 0.02, `area ${i}: ${heights[i]} / ${heights[1]} against ${largest[i]} / ${largest[1]}`);
  }
  assert.ok(heights[2] < heights[1] / 3, 'a small municipality’s bars are visibly smaller than Maastricht’s');
  // Every year a loss (the frozen budget): zero, the top, is labelled too, not only the bottom.
  await page.uncheck('#mun-shared');
  await page.selectOption('#preset', 'frozen-budget-2025');
  await settle(page);
  const frozen = caseflowRun(['--preset', 'frozen-budget-2025']).years.map((y) => Number(y.net_position_eur));
  assert.ok(frozen.every((v) => v < 0), frozen.join(' '));
  const lossAxes = await axisLabels();
  assert.equal(lossAxes[0].length, 2, lossAxes[0].join(' | '));
  assert.ok(lossAxes[0].some((l) => /^€\s0( mln)?$/.test(l)) && lossAxes[0].some((l) => /^€\s-/.test(l)), lossAxes[0].join(' | '));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a tornado of zeros says its order means nothing, as the CLI does', async () => {
  const { page, problems } = await openPage(env);
  await page.selectOption('#preset', 'baseline');
  await viewData(page, 'sensitivity');
  const cliText = execFileSync(process.env.CASEFLOW_BIN, ['sensitivity', '--preset', 'baseline'], { encoding: 'utf8' });
  const said = await page.locator('#sensitivity-none').textContent();
  assert.ok(cliText.includes(said), `${said} | ${cliText}`);
  await page.selectOption('#preset', 'corona-2021');
  await settle(page);
  // Corona's tornado: its bars, and no such note.
  await page.waitForFunction(() => /-242\.700/.test(document.querySelector('#sensitivity-intro')?.textContent ?? ''), null, { timeout: 120000 });
  assert.equal(await page.locator('#sensitivity-none').count(), 0);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('Gevoeligheid and Herkomst besparing equal `caseflow sensitivity` and `breakdown`; a bar opens its assumption', async () => {
  const { page, problems } = await openPage(env);
  await page.selectOption('#preset', 'corona-2021');
  const sens = await viewData(page, 'sensitivity');
  assert.deepEqual(sens, cli(['sensitivity', '--preset', 'corona-2021']));
  await inLanguage(page, 'sensitivity-method', sens.method_nl, sens.method);
  const top = await page.locator('#tornado li').count();
  assert.equal(top, sens.top.length);
  // Low and high come with their unit: every row has one, the benefit cost's is € per month.
  const units = await page.locator('#sensitivity-table tbody tr').evaluateAll((rows) => rows.map((r) => r.children[1].textContent));
  assert.equal(units.length, sens.top.length);
  assert.ok(units.every((u) => u.length > 0), units.join(' | '));
  const cost = sens.top.findIndex((w) => w.parameter === 'benefit_cost_month_eur');
  if (cost >= 0) assert.equal(units[cost], '€ per maand');
  const plain = sens.top.findIndex((w) => !w.parameter.startsWith('programmes['));
  await page.click(`#tornado-${plain}`);
  assert.equal(await page.getAttribute('#tab-assumptions', 'aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), `assume-${sens.top[plain].parameter}`);
  // The field opened is whole on screen, not at the bottom edge half cut off.
  const [fieldTop, fieldBottom, height] = await page.evaluate(() => { const b = document.activeElement.getBoundingClientRect(); return [b.top, b.bottom, innerHeight]; });
  assert.ok(fieldTop >= 0 && fieldBottom <= height && fieldTop > height / 4, `${fieldTop}-${fieldBottom} of ${height}`);
  const bd = await viewData(page, 'breakdown');
  assert.deepEqual(bd, cli(['breakdown', '--preset', 'corona-2021']));
  // The waterfall's table ends on the total the parts add up to.
  const rows = await page.locator('#breakdown-cause-table tbody tr').evaluateAll((r) => r.map((x) => x.lastElementChild.textContent));
  assert.equal(rows[rows.length - 1], nlEur(bd.net_saving_eur));
  assert.equal(rows[rows.length - 2], nlEur(bd.net_saving_eur));
  await inLanguage(page, 'breakdown-method', bd.method_nl, bd.method);
  // On the English page, the English method.
  await page.click('button[data-lang="en"]');
  await settle(page);
  await inLanguage(page, 'breakdown-method', bd.method, bd.method_nl);
  assert.deepEqual(await viewData(page, 'sensitivity'), sens);
  await inLanguage(page, 'sensitivity-method', sens.method, sens.method_nl);
  // The programmes are named as the English Programmes tab names them.
  const tornado = await page.locator('#tornado').innerText();
  assert.match(tornado, /Track i: work to work/);
  assert.doesNotMatch(tornado, /Werk naar werk/);
  await page.click('#tab-breakdown');
  await page.waitForSelector('#breakdown-method');
  const waterfall = await page.locator('#view').innerText();
  assert.match(waterfall, /Track ii: keep work-fit/);
  assert.doesNotMatch(waterfall, /Arbeidsfit houden/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

// With a decided mix over the budget that does better, the page said it 'falls -€729.584 short'.
test('Beste mix: a decided mix over the budget that does better is said to be ahead, and why', async () => {
  const { page, problems } = await openPage(env);
  await page.selectOption('#preset', 'corona-2021');
  await settle(page);
  await page.click('#tab-programmes');
  await page.fill('#prog-0-participants-number', '2000');
  await settle(page);
  await page.click('#tab-bestmix');
  await page.fill('#bestmix-budget', '1.645.000');
  await page.click('#bestmix-search');
  await page.waitForFunction(() => window.caseflow.viewData() !== null, null, { timeout: 300000 });
  const { result } = await page.evaluate(() => window.caseflow.viewData());
  assert.ok(result.decided_shortfall < 0, String(result.decided_shortfall));
  const eur = (v) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(v);
  const text = (await page.locator('#bestmix-shortfall').innerText()).replace(/\s/g, ' ');
  assert.equal(text, `In de centrale berekening levert de gekozen mix ${eur(-result.decided_shortfall)} meer op dan de beste, maar hij kost ${eur(Number(result.decided.cost_eur))}, meer dan het budget van ${eur(1645000)}; de beste blijft binnen het budget.`.replace(/\s/g, ' '));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('Beste mix equals `caseflow optimise`, with its time in the browser, and one click makes it the scenario', async () => {
  const { page, problems } = await openPage(env);
  await page.selectOption('#preset', 'corona-2021');
  await page.click('#tab-bestmix');
  // The budget as the Dutch page writes amounts (it was refused as "geen getal").
  await page.fill('#bestmix-budget', '1.645.000');
  await page.click('#bestmix-search');
  await page.waitForFunction(() => window.caseflow.viewData() !== null, null, { timeout: 300000 });
  const { result, ms } = await page.evaluate(() => window.caseflow.viewData());
  console.log(`best-mix search in the browser: ${Math.round(ms)} ms`);
  assert.deepEqual(result, cli(['optimise', '--preset', 'corona-2021', '--budget', '1645000']));
  // Its band says how many runs it has (fewer than Overzicht's, so it is a little wider or narrower).
  assert.ok((await page.locator('main').innerText()).includes(`Netto, 90%-band (Monte Carlo, ${result.monte_carlo_check.runs} runs, startgetal ${result.monte_carlo_check.seed})`));
  // The gap to the best is the central run's (the bands above may overlap): it says so.
  const gap = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(Number(result.decided_shortfall));
  assert.equal((await page.locator('#bestmix-shortfall').innerText()).replace(/\s/g, ' '), `In de centrale berekening blijft de gekozen mix ${gap} achter bij de beste.`.replace(/\s/g, ' '));
  await page.screenshot({ path: screenshotPath('analyst-bestmix-result-1280.png') });
  // A refused budget leaves the message alone: the last answer, to another budget, is gone.
  await page.fill('#bestmix-budget', 'veel');
  await page.click('#bestmix-search');
  await page.waitForSelector('#bestmix-error');
  assert.match(await page.locator('#bestmix-error').innerText(), /veel/);
  assert.equal(await page.locator('#bestmix-use').count(), 0);
  assert.equal(await page.evaluate(() => window.caseflow.viewData()), null);
  await page.fill('#bestmix-budget', '1645000');
  await page.click('#bestmix-search');
  await page.waitForFunction(() => window.caseflow.viewData() !== null, null, { timeout: 300000 });
  await page.click('#bestmix-use');
  await settle(page);
  const participants = await page.evaluate(() => window.caseflow.scenario().programmes.map((p) => p.participants));
  assert.deepEqual(participants, result.best.participants);
  const after = await page.evaluate(() => window.caseflow.results().summary.net_saving_eur);
  assert.equal(after, result.best.net_saving_eur);
  // A budget typed on the Dutch page is written the English way after the switch, and is
  // searched as the same amount (it was refused as "not a number").
  await page.fill('#bestmix-budget', '1.645.000');
  await page.click('button[data-lang="en"]');
  assert.equal(await page.inputValue('#bestmix-budget'), '1,645,000');
  await page.click('#bestmix-search');
  await page.waitForFunction(() => document.querySelector('#bestmix-search')?.getAttribute('aria-disabled') === 'false', null, { timeout: 300000 });
  assert.equal(await page.locator('#bestmix-error').count(), 0);
  assert.equal((await page.evaluate(() => window.caseflow.viewData())).result.budget_eur, '1645000');
  await page.click('button[data-lang="nl"]');
  // Emptied, the budget is what the scenario's own programmes cost, as `caseflow optimise`
  // spends without --budget: for the frozen budget €4,989,545.13, where the search was held
  // to €1,645,000 and its best mix fell short of the decided one.
  await page.fill('#bestmix-budget', '');
  await page.press('#bestmix-budget', 'Tab');
  assert.notEqual(await page.inputValue('#bestmix-budget'), '');
  await page.selectOption('#preset', 'frozen-budget-2025');
  await settle(page);
  assert.equal(await page.inputValue('#bestmix-budget'), '4.989.545,13');
  await page.click('#bestmix-search');
  await page.waitForFunction(() => window.caseflow.viewData() !== null, null, { timeout: 300000 });
  const frozen = (await page.evaluate(() => window.caseflow.viewData())).result;
  assert.deepEqual(frozen, cli(['optimise', '--preset', 'frozen-budget-2025']));
  assert.ok(frozen.best.objective >= frozen.decided.objective, JSON.stringify(frozen.best));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('Terugblik equals `caseflow backtest`; an uploaded CSV recalibrates as `caseflow calibrate` and no request leaves the page', async () => {
  const { page, problems } = await openPage(env);
  const data = await viewData(page, 'backtest', 300000);
  assert.deepEqual(data.backtest, cli(['backtest']));
  const bt = data.backtest;
  // The method and what the data cannot identify in Dutch, the English nowhere.
  await inLanguage(page, 'backtest-method', bt.method_nl, [bt.method, ...bt.not_identified]);
  assert.deepEqual(await page.locator('#backtest-not-identified li').allTextContents(), bt.not_identified_nl);
  assert.deepEqual(await page.locator('#backtest-assessment li').allTextContents(), bt.assessment_nl);
  // The 90% band as `caseflow backtest` prints it: whole households, half away from zero.
  const cells = await page.locator('#backtest-table tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent)));
  const cliBands = execFileSync(process.env.CASEFLOW_BIN, ['backtest'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => /^\d{4}-\d{2} /.test(l))
    .map((l) => l.split(/\s+/).find((c) => /^\d{3,}-\d{3,}$/.test(c)));
  assert.deepEqual(
    cells.map((c) => c[7].replaceAll('.', '').replace('–', '-')),
    cliBands,
  );
  // Variants in words, not ids.
  assert.ok(cells.every((c) => !c[3].includes('_') && !/^(fitted|defaults)/.test(c[3])), cells.map((c) => c[3]).join(', '));
  // The chart: a row per forecast (no line joins two), each label whole and once.
  const chart = await page.evaluate(() => {
    const svg = document.querySelector('#chart-backtest svg');
    const labels = [...svg.querySelectorAll('.bt-row')].map((t) => ({ text: t.textContent, x: t.getBBox().x }));
    const dots = [...svg.querySelectorAll('.bt-forecast')].map((c) => Number(c.getAttribute('cy')));
    return { labels, dots, lines: svg.querySelectorAll('polyline').length, canvas: document.querySelectorAll('#chart-backtest canvas').length, label: svg.getAttribute('aria-label') };
  });
  assert.equal(chart.labels.length, bt.horizons.length);
  assert.equal(new Set(chart.labels.map((l) => l.text)).size, bt.horizons.length, 'each label once');
  assert.ok(chart.labels.every((l) => l.x >= 0), `no label cut off at the left: ${JSON.stringify(chart.labels)}`);
  assert.equal(new Set(chart.dots).size, bt.horizons.length + 1, 'each forecast on its own row (and one in the legend)');
  assert.deepEqual([chart.lines, chart.canvas], [0, 0]);
  assert.ok(chart.label.length > 20);
  // The area column takes the names the page shows, in any case.
  const csv = ['# own series', 'area,month,benefits,inflow,outflow', 'Regio,2017-01,4846,,', 'region,2018-01,4765,,', 'REGIO,2019-01,4529,,', 'Maastricht,2020-01,3568,95,80', 'maastricht,2020-07,3650,,', 'maastricht,2020-12,3723,,'].join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-cal-'));
  const file = join(dir, 'series.csv');
  writeFileSync(file, csv);
  const requests = [];
  // A worker the page starts meanwhile (a helper for the bands' Monte Carlo) loads from a
  // `blob:` URL, in memory: not a request that leaves the page.
  page.on('request', (r) => r.url().startsWith('blob:') || requests.push(r.url()));
  await page.setInputFiles('#calibrate-file', file);
  await page.waitForFunction(() => window.caseflow.viewData()?.calibration || window.caseflow.viewData()?.calibrationError, null, { timeout: 120000 });
  const after = await page.evaluate(() => window.caseflow.viewData());
  assert.equal(after.calibrationError, null);
  assert.deepEqual(after.calibration, cli(['calibrate', '--data', file]));
  assert.deepEqual(requests, [], 'no request at all while the file is read and fitted');
  // Each fit's notes in the page's language.
  const notes = await page.locator('#calibration-region .source').allTextContents();
  for (const n of after.calibration.areas[0].notes_nl) assert.ok(notes.includes(n), `${n} in ${notes}`);
  assert.ok(notes.some((n) => n.startsWith('Regio:')), notes.join(' | '));
  await page.screenshot({ path: screenshotPath('analyst-calibrate-1280.png') });
  // Using the fit puts it into the scenario; a municipality's fit says it sets the region's.
  assert.match(await page.locator('#calibrate-use-1').textContent(), /^Gebruik [\d,]+% \(de fit van Maastricht\) als nieuwe instroom van de hele regio in het scenario$/);
  assert.doesNotMatch(await page.locator('#calibrate-use-0').textContent(), /de fit van/);
  await page.click('#calibrate-use-0');
  await settle(page);
  assert.equal(await page.evaluate(() => window.caseflow.scenario().set.new_inflow_pct), after.calibration.areas[0].new_inflow_pct);
  // A broken file is refused with the line named.
  writeFileSync(file, 'area,month,benefits\nregion,2017-13,4846\n');
  await page.setInputFiles('#calibrate-file', file);
  await page.waitForFunction(() => window.caseflow.viewData()?.calibrationError, null, { timeout: 60000 });
  assert.match(await page.locator('#calibrate-status').innerText(), /regel 2/);
  // Regression: a file wrong on every row made a message per row, and on a large file the tab
  // ran out of memory. The first 20 are listed and the rest counted; over 16 MB is not read.
  writeFileSync(file, `area,month,benefits\n${'nowhere,2017-01,4846\n'.repeat(5000)}`);
  await page.setInputFiles('#calibrate-file', file);
  await page.waitForFunction(() => /4980/.test(window.caseflow.viewData()?.calibrationError ?? ''), null, { timeout: 60000 });
  const listed = await page.locator('#calibrate-status').innerText();
  assert.equal(listed.split('\n').filter((l) => l.trim()).length, 21, listed);
  assert.match(listed, /Meer problemen, niet getoond: ‘4980’/);
  writeFileSync(file, 'area,month,benefits\n' + '#'.repeat(17 * 1024 * 1024));
  await page.setInputFiles('#calibrate-file', file);
  await page.waitForFunction(() => /te groot/.test(window.caseflow.viewData()?.calibrationError ?? ''), null, { timeout: 60000 });
  assert.match(await page.locator('#calibrate-status').innerText(), /Het bestand is te groot: 17\.825\.812 bytes; toegestaan: bestanden tot 16 MB/);
  assert.deepEqual(requests, []);
  // On the English page, the English method and list.
  await page.click('button[data-lang="en"]');
  await settle(page);
  await inLanguage(page, 'backtest-method', bt.method, [bt.method_nl, ...bt.not_identified_nl]);
  assert.deepEqual(await page.locator('#backtest-not-identified li').allTextContents(), bt.not_identified);
  assert.deepEqual(await page.locator('#backtest-assessment li').allTextContents(), bt.assessment);
  assert.deepEqual(problems, []);
  await page.context().close();
});

// Regression: the result of a deterministic run cancelled whatever long job ran, so an edit
// of the scenario on screen silently stopped a comparison of saved scenarios, and a preset's
// own run arriving after the click stopped the best-mix search for that very preset; and a
// search that ended after the user left Beste mix drew itself over the view then shown.
test('an analysis goes on while the scenario on screen changes, and does not draw over the view shown', async () => {
  const { page, problems } = await openPage(env);
  await page.click('#tab-compare');
  await page.selectOption('#compare-0', 'preset:corona-2021');
  await page.selectOption('#compare-1', 'preset:baseline');
  await page.click('#compare-run');
  await page.waitForSelector('#compare-progress');
  // The scenario on screen is edited while the comparison runs; its run comes back at once.
  await page.click('#tab-overview');
  await page.fill('#param-growth_pct-number', '4');
  await settle(page);
  await page.click('#tab-compare');
  await page.waitForSelector('#compare-table', { timeout: 120000 });
  assert.match(await page.locator('#compare-table thead').innerText(), /A: Corona.*B: /s);
  // The saved scenario, changed from its preset but still of its name, is marked so.
  assert.match(await page.locator('#compare-0 option[value^="saved:"]').first().textContent(), /^Basis.* \(gewijzigd\)$/);
  assert.doesNotMatch(await page.locator('#compare-0 option[value="preset:baseline"]').textContent(), /gewijzigd/);
  // The preset's own run comes back after the search started: the search goes on. The user
  // leaves for Overzicht while it runs, and its answer does not draw over Overzicht.
  await page.click('#tab-bestmix');
  await page.selectOption('#preset', 'corona-2021');
  await page.click('#bestmix-search');
  await page.click('#tab-overview');
  // The Monte Carlo of the scenario on screen starts once the search has ended.
  await page.evaluate(() => window.caseflow.uncertain());
  assert.equal(await page.getAttribute('#tab-overview', 'aria-selected'), 'true');
  assert.equal(await page.locator('#param-growth_pct-number').count(), 1, 'Overzicht is still shown');
  assert.equal(await page.locator('#bestmix-search').count(), 0);
  await page.click('#tab-bestmix');
  assert.equal((await page.evaluate(() => window.caseflow.viewData())).result.budget_eur, '1645000');
  // An edit while Monte Carlo runs for the old scenario: the next one is of the new scenario.
  await page.click('#tab-overview');
  await page.fill('#param-growth_pct-number', '5');
  await settle(page);
  await page.evaluate(() => window.caseflow.uncertain());
  assert.equal(await page.evaluate(() => window.caseflow.uncertainty().scenario.set.growth_pct), 5);
  assert.deepEqual(problems, []);
  await page.context().close();
});

// Regression: an edit of a scenario being compared stopped the comparison, and the view then
// showed nothing at all.
test('Vergelijken says so when an edit of a scenario in it stops the comparison', async () => {
  const { page, problems } = await openPage(env);
  await page.click('#tab-compare');
  const saved = await page.locator('#compare-0 option[value^="saved:"]').first().getAttribute('value');
  await page.selectOption('#compare-0', saved);
  await page.selectOption('#compare-1', 'preset:corona-2021');
  await page.click('#compare-run');
  await page.waitForSelector('#compare-progress:not([hidden])');
  await page.click('#tab-overview');
  await page.fill('#param-growth_pct-number', '4');
  await settle(page);
  await page.click('#tab-compare');
  await page.waitForSelector('#compare-error', { timeout: 60000 });
  assert.match(await page.locator('#compare-error').innerText(), /De vergelijking is gestopt: een scenario erin is gewijzigd/);
  assert.equal(await page.locator('#compare-run').getAttribute('aria-disabled'), 'false');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('Vergelijken: two presets side by side equal `caseflow compare` and `run --runs`, with their difference', async () => {
  const { page, problems } = await openPage(env);
  await page.click('#tab-compare');
  await page.selectOption('#compare-0', 'preset:corona-2021');
  await page.selectOption('#compare-1', 'preset:corona-2021-no-programme');
  await page.click('#compare-run');
  await page.waitForFunction(() => window.caseflow.viewData() !== null, null, { timeout: 300000 });
  const { comparison, summaries } = await page.evaluate(() => window.caseflow.viewData());
  assert.deepEqual(comparison, cli(['compare', '--preset', 'corona-2021', '--preset', 'corona-2021-no-programme', '--runs', '1000', '--seed', '1']));
  for (const [i, id] of ['corona-2021', 'corona-2021-no-programme'].entries()) {
    const mc = caseflowRun(['--preset', id, '--runs', '1000', '--seed', '1']);
    const q = comparison.scenarios[i].net_saving_runs_eur;
    assert.deepEqual([q.mean, q.p5, q.p50, q.p95], [mc.summary.net_saving_eur.mean, mc.summary.net_saving_eur.p5, mc.summary.net_saving_eur.p50, mc.summary.net_saving_eur.p95], id);
    assert.deepEqual(summaries[i], caseflowRun(['--preset', id]).summary, id);
  }
  const table = await page.locator('#compare-table').innerText();
  const a = summaries[0].net_saving_eur;
  const b = summaries[1].net_saving_eur;
  // The difference B − A, its sign written as the language does ("€ +242.700").
  const signed = (v) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(v);
  assert.ok(table.includes(signed(Number(b) - Number(a))), table);
  assert.ok(!/\+€/.test(table), table);
  const chances = await page.locator('#compare-chances').innerText();
  // The line's band is the same direction as the table's column (B − A): the core's A − B negated.
  const d = comparison.pairs[0].difference_eur;
  assert.ok(chances.includes(`(B: Corona: +7% in 2021, zonder programma − A: Corona: +7% in 2021, met het programma zoals besloten), 90%-band: ${nlEur(0 - Number(d.p95))} tot ${nlEur(0 - Number(d.p5))}`), chances);
  // The chance in B's terms too, so the line does not turn around halfway.
  assert.ok(chances.includes(`Kans dat ‘B: Corona: +7% in 2021, zonder programma’ minder bespaart dan ‘A: Corona: +7% in 2021, met het programma zoals besloten’: ${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(comparison.pairs[0].p_a_saves_more * 100)}%`), chances);
  assert.match(await page.locator('#compare-command').innerText(), /caseflow compare --preset corona-2021 --preset corona-2021-no-programme --runs 1000 --seed 1/);
  await page.screenshot({ path: screenshotPath('analyst-compare-result-1280.png') });
  assert.equal(await page.locator('#compare-periods').count(), 0, 'the same period: no note');
  // Two scenarios without programmes save € 0 in every run: a tie, said as one, not as "0%".
  await page.selectOption('#compare-0', 'preset:baseline');
  await page.selectOption('#compare-1', 'preset:corona-2021-no-programme');
  await page.click('#compare-run');
  await page.waitForFunction(() => /gelijk in/.test(document.querySelector('#compare-chances')?.textContent ?? ''), null, { timeout: 300000 });
  assert.match(await page.locator('#compare-chances').innerText(), /: 0% \(gelijk in 100%\)\./);
  // Scenarios of different periods stand on the calendar, each at its own months, the years
  // between them kept, and get no difference with A (the stock at the end of 2020 less that at
  // the end of 2029 is no effect).
  await page.selectOption('#compare-0', 'preset:statushouders-2018');
  await page.selectOption('#compare-1', 'preset:frozen-budget-2025');
  await page.click('#compare-run');
  await page.waitForFunction(() => /2018/.test(document.querySelector('#compare-periods')?.textContent ?? ''), null, { timeout: 300000 });
  assert.match(await page.locator('#compare-periods').innerText(), /A: jan 2018 – dec 2020; B: jan 2025 – dec 2029/);
  const rows = await page.locator('#compare-table tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
  assert.ok(rows.every((r) => r[3] === '–' || r[3] === ''), JSON.stringify(rows));
  assert.match(await page.locator('#compare-chances').innerText(), /over verschillende perioden/);
  const details = page.locator('figure:has(#chart-compare) details');
  await details.locator('summary').click();
  // The table is filled on the `toggle` event, which comes a task after the click.
  await details.locator('tbody tr').first().waitFor();
  const months = await details.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
  const pilot = caseflowRun(['--preset', 'statushouders-2018']);
  const frozen = caseflowRun(['--preset', 'frozen-budget-2025']);
  assert.equal(months.length, 12 * 12, 'every month from January 2018 to December 2029, 2021-2024 too');
  assert.deepEqual([months[0][0], months.at(-1)[0]], ['2018-01', '2029-12']);
  const nl = (v) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }).format(v);
  assert.deepEqual(months[0], ['2018-01', nl(pilot.months[0].benefits), '–']);
  assert.deepEqual(months[36], ['2021-01', '–', '–']);
  assert.deepEqual(months[84], ['2025-01', '–', nl(frozen.months[0].benefits)]);
  // The names follow the language, as the page's other names do.
  await page.click('button[data-lang="en"]');
  assert.match(await page.locator('#compare-table thead').innerText(), /A: Refugee pilot 2018/);
  await page.click('button[data-lang="nl"]');
  // A result for a scenario that has since been deleted is gone with it.
  const saved = page.locator('#compare-0 option[value^="saved:"]').first();
  const savedName = await saved.textContent();
  await page.selectOption('#compare-0', await saved.getAttribute('value'));
  await page.click('#compare-run');
  await page.waitForFunction((name) => document.querySelector('#compare-table thead')?.textContent.includes(`A: ${name}`), savedName, { timeout: 300000 });
  page.once('dialog', (d) => d.accept());
  await page.click('#scenario-delete');
  await page.click('#tab-compare');
  await page.waitForFunction(() => !document.querySelector('#compare-table'));
  assert.equal(await page.evaluate(() => window.caseflow.viewData()), null);
  // One scenario is no comparison: the message, and the last result is gone.
  await page.selectOption('#compare-1', '');
  await page.click('#compare-run');
  await page.waitForSelector('#compare-error');
  assert.equal(await page.locator('#compare-table').count(), 0);
  assert.deepEqual(problems, []);
  await page.context().close();
});

// A wethouder's variant of the decided programme (track iii: 80 participants, effect 90%):
// printed, its result rested on an effect the paper did not show; compared, the table read
// "18,6 | 18,6 | -0,1"; and the comparison was gone after the tablet was closed.
test('a variant prints its track settings and warnings, and its comparison adds up and is kept', async () => {
  const { page, problems } = await openPage(env);
  await page.selectOption('#preset', 'corona-2021');
  await settle(page);
  await page.click('#tab-programmes');
  await page.fill('#prog-2-participants-number', '80');
  await page.fill('#prog-2-effect_pct-number', '90');
  await settle(page);
  await page.waitForFunction(() => /Past binnen het budget/.test(document.querySelector('#print-report')?.textContent ?? ''));
  const report = (await page.locator('#print-report').textContent()).replace(/\s+/g, ' ');
  // Its own budget check beside the papers' note on the decided mix.
  assert.match(report, /Past binnen het budget; nog vrij: € 190\.000\./);
  assert.match(report, /Let op: 90 ligt buiten het aannemelijke bereik \(10–60\)/);
  // Every track's settings, the effect marked.
  const settings = await page.locator('#print-report table').nth(1).evaluate((t) => Array.from(t.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((c) => c.textContent)));
  const effects = settings.filter((r) => r[1].startsWith('Effect'));
  assert.equal(effects.length, 3, JSON.stringify(settings));
  assert.equal(effects[2][2], '90 (!)');
  assert.ok(!effects[0][2].includes('(!)'), JSON.stringify(effects));

  await page.click('#tab-compare');
  await page.selectOption('#compare-0', 'preset:corona-2021');
  const variant = await page.locator('#compare-1 option[value^="saved:"]').first().getAttribute('value');
  await page.selectOption('#compare-1', variant);
  await page.click('#compare-run');
  await page.waitForFunction(() => window.caseflow.viewData() !== null, null, { timeout: 300000 });
  const rows = async () => (await page.locator('#compare-table tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent))));
  const number = (s) => Number(s.replace(/[€\s.]/g, '').replace(',', '.').replace('−', '-'));
  const shown = await rows();
  let checked = 0;
  for (const [label, a, b, diff] of shown) {
    if (!diff || diff === '–' || Number.isNaN(number(a))) continue;
    // The difference of the figures as shown, to their last digit.
    assert.ok(Math.abs(number(diff) - (number(b) - number(a))) < 1e-9, `${label}: ${a} | ${b} | ${diff}`);
    checked++;
  }
  assert.ok(checked >= 5, JSON.stringify(shown));
  // Printed from here, the report opens with the comparison: its charts and its tables.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const printed = await page.evaluate(() => {
    const c = document.querySelector('#print-report #report-compare');
    return { pictures: c?.querySelectorAll('img.report-chart').length, text: c?.textContent ?? '', ids: document.querySelectorAll('#compare-table').length };
  });
  assert.equal(printed.pictures, 2);
  assert.equal(printed.ids, 1, 'the copies carry no ids');
  assert.ok(printed.text.includes(shown[1].join('')), printed.text.slice(0, 300));
  assert.ok(printed.text.includes(await page.locator('#compare-chances').textContent()));
  // Closed and opened again: the same two picked, and compared again.
  await page.reload();
  await settle(page);
  await page.click('#tab-compare');
  await page.waitForFunction(() => window.caseflow.viewData() !== null, null, { timeout: 300000 });
  assert.equal(await page.inputValue('#compare-0'), 'preset:corona-2021');
  assert.equal(await page.inputValue('#compare-1'), variant);
  assert.deepEqual(await rows(), shown);
  assert.deepEqual(problems, []);
  await page.context().close();
});

// The same review: a wide table's scroll box could not be reached by Tab at 200% zoom, the
// comparison's and the search's progress was read out step by step and their answers not at
// all, a refused budget was not tied to its field, and the compared lines differed by colour only.
test('wide tables scroll by keyboard; comparisons and searches say their answer once; lines differ by more than colour', async () => {
  const { page, problems } = await openPage(env);
  await page.selectOption('#preset', 'corona-2021');
  await settle(page);
  for (const tab of ['assumptions', 'municipalities']) {
    await page.click(`#tab-${tab}`);
    await page.waitForSelector('.scroll');
    for (const box of await page.locator('.scroll').all()) {
      assert.equal(await box.getAttribute('tabindex'), '0', tab);
      assert.equal(await box.getAttribute('role'), 'region', tab);
      assert.ok((await box.getAttribute('aria-label')).length > 3, tab);
    }
  }
  await page.click('#tab-compare');
  await page.selectOption('#compare-0', 'preset:corona-2021');
  await page.selectOption('#compare-1', 'preset:corona-2021-no-programme');
  await page.selectOption('#compare-2', 'preset:baseline');
  assert.equal(await page.locator('#compare-status').getAttribute('role'), null);
  await page.click('#compare-run');
  await page.waitForFunction(() => window.caseflow.viewData() !== null, null, { timeout: 300000 });
  assert.equal(await page.locator('#compare-said').textContent(), await page.locator('#compare-chances').textContent());
  const dashes = await page.locator('#chart-compare path').evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke-dasharray')));
  assert.equal(new Set(dashes).size, 3, JSON.stringify(dashes));
  await page.click('#tab-bestmix');
  await page.fill('#bestmix-budget', 'veel');
  await page.click('#bestmix-search');
  await page.waitForSelector('#bestmix-error');
  assert.deepEqual([await page.getAttribute('#bestmix-budget', 'aria-invalid'), await page.getAttribute('#bestmix-budget', 'aria-describedby')], ['true', 'bestmix-error']);
  assert.equal(await page.getAttribute('#bestmix-horizon', 'aria-invalid'), null);
  await page.fill('#bestmix-budget', '1645000');
  await page.click('#bestmix-search');
  await page.waitForFunction(() => window.caseflow.viewData() !== null, null, { timeout: 300000 });
  assert.equal(await page.getAttribute('#bestmix-budget', 'aria-invalid'), null);
  const said = await page.locator('#bestmix-said').textContent();
  assert.ok(said.includes(await page.locator('#bestmix-time').textContent()), said);
  assert.equal(await page.locator('#bestmix-status').getAttribute('role'), null);
  assert.deepEqual(problems, []);
  await page.context().close();
});
