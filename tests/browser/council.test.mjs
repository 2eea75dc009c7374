// For council sessions: presentation mode on a projector, and what leaves the page for a
// council paper (print to PDF, exports).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caseflowRun, screenshotPath, useServerAndBrowser, settle, openPage } from './harness.mjs';

const env = useServerAndBrowser();

const nlNumber = (v, digits = 0) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: digits }).format(v);

test('presentation mode steps through three scenarios by keyboard', async () => {
  const { page, problems } = await openPage(env);
  const context = page.context();
  // A story of three: the baseline, corona with the programme, the statushouders pilot.
  for (const preset of ['corona-2021', 'statushouders-2018']) {
    await page.click('#scenario-new');
    await page.selectOption('#preset', preset);
    await settle(page);
  }
  await page.selectOption('#scenario-select', { index: 0 });
  await settle(page);
  await page.click('#present');
  await page.waitForSelector('#presentation');
  const title = () => page.locator('#presentation-title').textContent();
  const headline = () => page.locator('#present-headline').textContent();
  assert.match(await title(), /Basis/);
  assert.ok((await headline()).includes(nlNumber(caseflowRun(['--preset', 'baseline']).summary.benefits_end)));
  await page.screenshot({ path: screenshotPath('present-1.png') });

  await page.keyboard.press('ArrowRight');
  await settle(page);
  await page.waitForFunction(() => /Corona/.test(document.querySelector('#presentation-title').textContent));
  assert.ok((await headline()).includes(nlNumber(caseflowRun(['--preset', 'corona-2021']).summary.benefits_end)), await headline());
  // B toggles the bands, A the assumptions in use, ↓ the next chart with its headline.
  await page.evaluate(() => window.caseflow.uncertain());
  assert.match(await page.locator('#presentation .keys').textContent(), /B banden uit/);
  await page.keyboard.press('b');
  assert.match(await page.locator('#presentation .keys').textContent(), /B banden aan/);
  await page.keyboard.press('b');
  await page.keyboard.press('a');
  assert.match(await page.locator('#present-assumptions').textContent(), /Groeischok: 7% van de beginstand/);
  // On a projector each source is its reference; the whole sentence is in Aannames.
  assert.match(await page.locator('#present-assumptions li').first().textContent(), /; seed 000 §2, §3\)$/);
  await page.keyboard.press('ArrowDown');
  assert.match(await page.locator('#presentation figcaption').textContent(), /Uitstroom naar werk/);
  assert.match(await headline(), /meer uit naar werk/);
  await page.keyboard.press('ArrowDown');
  assert.match(await headline(), /netto resultaat/);
  // The figures in brackets say what they are; without the bands there are none to explain.
  assert.equal(await page.locator('#present-ranges').textContent(), 'Tussen haakjes staat de 90%-band (P5-P95) van een Monte Carlo van 1.000 runs (startgetal 1); het getal ervoor is de centrale berekening.');
  await page.keyboard.press('b');
  assert.equal(await page.locator('#present-ranges').count(), 0);
  await page.keyboard.press('b');
  await page.screenshot({ path: screenshotPath('present-2.png') });
  // Tab stays in the presentation: the page behind is inert (focus went, unseen, to its controls).
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const outside = await page.evaluate(() => {
      const a = document.activeElement;
      return a && a !== document.body && !document.getElementById('presentation').contains(a) ? a.id || a.tagName : null;
    });
    assert.equal(outside, null, `Tab ${i + 1} left the presentation`);
  }

  // The key line's buttons take Tab and Enter too, and a button keeps the focus when the
  // slide is redrawn (it went to the page's body, out of the dialog).
  await page.locator('#present-key-1').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /Statushouders/i.test(document.querySelector('#presentation-title').textContent));
  await settle(page);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'present-key-1');
  // Space presses a focused key button (it went to the next scenario instead).
  await page.locator('#present-key-3').focus();
  await page.keyboard.press(' ');
  assert.match(await page.locator('#present-key-3').textContent(), /B banden aan/);
  assert.match(await page.locator('#presentation-title').textContent(), /Statushouders/i);
  await page.keyboard.press(' ');
  assert.match(await page.locator('#present-key-3').textContent(), /B banden uit/);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => /Corona/.test(document.querySelector('#presentation-title').textContent));
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /Statushouders/i.test(document.querySelector('#presentation-title').textContent));
  assert.match(await page.locator('#presentation .place').textContent(), /Scenario 3 van 3/);
  await settle(page);
  await page.screenshot({ path: screenshotPath('present-3.png') });
  // Round the story back to the first.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /Basis/.test(document.querySelector('#presentation-title').textContent));
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#presentation').count(), 0);
  // The focus goes back to the button that opened it (redrawn as the scenarios were stepped
  // through), so Enter presents again.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'present');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#presentation');
  await page.keyboard.press('Escape');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a tablet the presentation steps, turns and leaves by touch, and leaving full screen leaves it', async () => {
  const { page, problems } = await openPage(env, { width: 1024, height: 768 }, { hasTouch: true, isMobile: true });
  const context = page.context();
  await page.click('#scenario-new');
  await page.selectOption('#preset', 'corona-2021');
  await settle(page);
  await page.tap('#present');
  await page.waitForSelector('#presentation');
  const title = () => page.locator('#presentation-title').textContent();
  const key = (name) => page.locator('#presentation .keys button', { hasText: name });
  assert.match(await title(), /Corona/);
  // Every key has its button, big enough for a finger.
  assert.equal(await page.locator('#presentation .keys button').count(), 6);
  for (const box of await page.locator('#presentation .keys button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().toJSON()))) {
    assert.ok(box.height >= 40 && box.bottom <= 768, JSON.stringify(box));
  }
  await key('scenario →').tap();
  await page.waitForFunction(() => /Basis/.test(document.querySelector('#presentation-title').textContent));
  await key('← scenario').tap();
  await page.waitForFunction(() => /Corona/.test(document.querySelector('#presentation-title').textContent));
  await key('grafiek').tap();
  assert.match(await page.locator('#presentation figcaption').textContent(), /Uitstroom naar werk/);
  await key('A aannames').tap();
  assert.match(await page.locator('#present-assumptions').textContent(), /Groeischok/);
  // After a tap the keys still work (the focus stays on the overlay).
  await page.keyboard.press('a');
  assert.equal(await page.locator('#present-assumptions').count(), 0);
  await key('Esc sluiten').tap();
  assert.equal(await page.locator('#presentation').count(), 0);
  // The browser's own way out of full screen (a swipe, its Esc) ends the presentation too,
  // instead of leaving the overlay over the page with no key to close it.
  await page.tap('#present');
  await page.waitForSelector('#presentation');
  await page.evaluate(async () => {
    // Full screen is granted a moment after the tap (on a busy machine, after this line ran).
    for (let i = 0; i < 40 && !document.fullscreenElement; i++) await new Promise((r) => setTimeout(r, 50));
    if (document.fullscreenElement) await document.exitFullscreen();
    else document.dispatchEvent(new Event('fullscreenchange'));
  });
  await page.waitForFunction(() => !document.getElementById('presentation'));
  await page.tap('#present');
  await page.waitForSelector('#presentation');
  assert.deepEqual(problems, []);
  await context.close();
});

/** The text of every page of a PDF (pdf.js, Mozilla's reader). */
async function pdfText(bytes) {
  // pdf.js expects Promise.withResolvers (Node 22); node 20 (this machine's) lacks it.
  Promise.withResolvers ??= () => {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => it.str).join(' '));
  }
  return pages;
}

test('print to PDF gives an A4 report with the headline numbers, charts, assumptions and the cite line', async () => {
  const { page, problems } = await openPage(env);
  const context = page.context();
  await page.selectOption('#preset', 'corona-2021');
  await page.evaluate(() => window.caseflow.uncertain());
  // The report is rebuilt a moment after each result: wait for the one of this preset.
  await page.waitForFunction(() => document.querySelectorAll('#print-report img.report-chart').length === 3 && /Corona/.test(document.querySelector('#print-report h1')?.textContent ?? ''));
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  const pages = await pdfText(pdf);
  // pdf.js splits the 'fl' and 'fi' ligatures out of words ('case fl ow'): join them again.
  const text = pages.join('\n').replace(/\s+/g, ' ').replace(/ ?(ﬁ|ﬂ|fi|fl) (?=\p{Ll})/gu, '$1').replace(/(\p{Ll}) (fi|fl)/gu, '$1$2');
  const cli = caseflowRun(['--preset', 'corona-2021']);
  const eur = (v) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(Number(v)).replace(/\s/g, ' ');
  assert.ok(pages.length >= 2, `${pages.length} pages`);
  for (const figure of [eur(cli.summary.net_saving_eur), eur(cli.summary.programme_cost_eur), nlNumber(cli.summary.benefits_end)]) {
    assert.ok(text.includes(figure), `the PDF holds ${figure}`);
  }
  assert.match(text, /caseflow: Corona/);
  assert.match(text, /caseflow 0\.\d+\.\d+/);
  assert.match(text, /Uitkeringslast per uitkering .*Divosa/);
  // The warnings the screen shows are on paper too.
  assert.match(text, /Te veel toegewezen: € 35\.000/);
  assert.match(text, /Let op: uit de stukken/);
  assert.match(text, /zo'n 550 mensen/);
  // The figures in brackets are said to be the 90% band, and the programmes' exits to work
  // come with the part that would have happened without them.
  assert.match(text, /Tussen haakjes staat de 90%-band \(P5-P95\) van een Monte Carlo van 1\.000 runs \(startgetal 1\)/);
  // The rounding rule, which a finance officer looked for in the report.
  assert.match(text, /op de cent afgerond \(half van nul af\)/);
  assert.match(text, /Naar werk waarvan ook zonder/);
  for (const p of cli.programmes) assert.ok(text.includes(nlNumber(p.deadweight_exits, 1)), `deadweight ${p.deadweight_exits}`);
  // Each municipality over the horizon (a print for a Vaals council memo had no Vaals figures).
  assert.match(text, /Per gemeente, over de hele looptijd \(2021–2030\)/);
  const vaals = cli.municipalities.find((m) => m.id === 'vaals').summary;
  assert.ok(text.includes(`Vaals ${nlNumber(vaals.extra_exits_to_work, 1)}`) && text.includes(eur(vaals.net_saving_eur)), `Vaals' row in ${text}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('each chart downloads as SVG and PNG, with the cite line', async () => {
  const { page, problems } = await openPage(env, undefined, { acceptDownloads: true });
  const context = page.context();
  await page.selectOption('#preset', 'corona-2021');
  await settle(page);
  // The bands too, so the cite line names their runs and seed.
  await page.evaluate(() => window.caseflow.uncertain());
  const { readFileSync } = await import('node:fs');
  for (const id of ['chart', 'chart-exits', 'chart-money']) {
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click(`#${id}-svg`)]);
    const text = readFileSync(await svg.path(), 'utf8');
    assert.match(text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(text, /caseflow 0\.\d+\.\d+/);
    assert.ok(svg.suggestedFilename().endsWith('.svg'));
    // The cite line reaches the picture whole (its runs and seed too), and every text, drawn,
    // stays inside the picture.
    const drawn = await page.evaluate((svgText) => {
      const host = document.createElement('div');
      host.innerHTML = svgText;
      document.body.append(host);
      const root = host.querySelector('svg');
      const texts = Array.from(root.querySelectorAll('text'));
      const right = Math.max(...texts.map((t) => t.getBBox().x + t.getBBox().width));
      const all = texts.map((t) => t.textContent).join(' ');
      host.remove();
      return { right, width: Number(root.getAttribute('width')), all };
    }, text);
    assert.ok(drawn.right <= drawn.width, `${id}: text reaches ${drawn.right} of ${drawn.width}`);
    const cite = (await page.locator('#cite').textContent()).replace(/^Citeer als:\s*/, '');
    assert.ok(drawn.all.replace(/\s+/g, ' ').includes(cite.replace(/\s+/g, ' ').trim()), `${id}: ${cite} in ${drawn.all}`);
    assert.match(cite, /startgetal \(seed\) 1/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click(`#${id}-png`)]);
    const bytes = readFileSync(await png.path());
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG');
    assert.ok(bytes.length > 10000, `${id}.png has a picture (${bytes.length} bytes)`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

/** RFC 4180 CSV rows (quoted fields may hold commas). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

test('CSV and Excel exports carry the numbers of `caseflow run`, the percentiles and the cite line', async () => {
  const { page, problems } = await openPage(env, undefined, { acceptDownloads: true });
  const context = page.context();
  await page.selectOption('#preset', 'corona-2021');
  await page.evaluate(() => window.caseflow.uncertain());
  const { readFileSync } = await import('node:fs');
  const cli = caseflowRun(['--preset', 'corona-2021']);
  const mc = caseflowRun(['--preset', 'corona-2021', '--runs', '1000', '--seed', '1']);
  const last = cli.months.at(-1);

  // The fingerprint on the page is the CLI's.
  const { execFileSync } = await import('node:child_process');
  const table = execFileSync(process.env.CASEFLOW_BIN, ['run', '--preset', 'corona-2021'], { encoding: 'utf8' });
  const fingerprint = table.match(/Vingerafdruk scenario: ([0-9a-f]{10})/)[1];
  assert.match(await page.locator('#cite').textContent(), new RegExp(`vingerafdruk ${fingerprint}`));

  const files = [];
  page.on('download', (d) => files.push(d));
  await page.click('#export-csv');
  for (let i = 0; i < 50 && files.length < 3; i++) await page.waitForTimeout(100);
  assert.equal(files.length, 3, 'months, years and summary');
  const months = files.find((f) => f.suggestedFilename().includes('months'));
  const rows = parseCsv(readFileSync(await months.path(), 'utf8'));
  const head = rows[0];
  const col = (name) => head.indexOf(name);
  assert.ok(col('benefits') >= 0 && col('benefits_p95') >= 0, head.join(','));
  const region = rows.find((r) => r[col('month')] === last.month && r[0] === 'region');
  assert.ok(region, 'a region row for the last month');
  assert.equal(Number(region[col('benefits')]), last.benefits);
  assert.equal(Number(region[col('benefits_p95')]), mc.months.at(-1).benefits.p95);
  assert.equal(region[col('scenario_fingerprint')], fingerprint);
  // Every cell the CLI's CSV for the same runs and seed has, to the digit (the Monte Carlo
  // crosses into the page's wasm as text: one unit off in a 17-digit decimal would show here).
  const cliRows = parseCsv(execFileSync(process.env.CASEFLOW_BIN, ['run', '--preset', 'corona-2021', '--runs', '1000', '--seed', '1', '--format', 'csv', '--table', 'months'], { encoding: 'utf8' }));
  const cells = (rs) => rs.filter((r) => r.length > 3).map((r) => r.slice(0, col('caseflow_version')));
  assert.deepEqual(cells(rows), cells(cliRows));

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
  assert.ok(xlsx.suggestedFilename().endsWith('.xlsx'));
  const { default: readXlsxFile } = await import('read-excel-file/node');
  const sheets = await readXlsxFile(await xlsx.path());
  const byName = Object.fromEntries(sheets.map((s) => [s.sheet, s.data]));
  assert.deepEqual(Object.keys(byName), ['Verantwoording', 'Per maand', 'Per jaar', 'Samenvatting', 'Aannames']);
  // Headed in Dutch, as the CLI's workbook (two testers read 'benefits_end_without_programmes'
  // as column heads); only the provenance columns keep their keys.
  const sheet = byName['Per maand'];
  assert.equal(sheet[0].length, head.length);
  assert.deepEqual(sheet[0].slice(col('caseflow_version')), ['caseflow_version', 'scenario_fingerprint', 'cite']);
  for (const h of sheet[0].slice(0, col('caseflow_version'))) assert.doesNotMatch(h, /^[a-z0-9]+_[a-z0-9_]+$|^[a-z]+$/, h);
  const xRegion = sheet.find((r) => r[sheet[0].indexOf('Maand')] === last.month && r[0] === 'region');
  assert.equal(xRegion[sheet[0].indexOf('Uitkeringen')], last.benefits);
  assert.equal(xRegion[sheet[0].indexOf('Uitkeringen P95')], mc.months.at(-1).benefits.p95);
  const summary = byName['Samenvatting'];
  assert.equal(String(summary[1][summary[0].indexOf('Netto resultaat €')]), cli.summary.net_saving_eur.replace(/\.?0+$/, ''));
  const assumption = byName['Aannames'].find((r) => r[0] === 'Uitkeringslast per uitkering');
  assert.equal(assumption[1], 1200);
  assert.match(assumption[9], /Divosa/);
  assert.ok(byName['Verantwoording'].some((r) => String(r[1]).includes(fingerprint)));
  const rounding = byName['Verantwoording'].find((r) => r[0] === 'Afronding');
  assert.ok(rounding && /grootste rest/.test(String(rounding[1])), String(rounding));
  // The cite row's label is not repeated in its cell.
  const citeRow = byName['Verantwoording'].find((r) => r[0] === 'Citeer als');
  assert.ok(citeRow && /^caseflow /.test(String(citeRow[1])), String(citeRow));
  // The data sheets' cite column names the scenario as the page and the about sheet do (it
  // named the preset's id).
  const cited = String(sheet[1][sheet[0].indexOf('cite')]);
  assert.ok(cited.includes(`scenario "${await page.locator('#scenario-name').inputValue()}"`), cited);
  // Which midpoint is which, the chances beside them, and a payback's percentiles said to be
  // of the runs that pay back (a median of 98 months read as 'half pay back by then').
  const about = byName['Verantwoording'];
  assert.match(String(about.find((r) => r[0] === 'Kolommen')?.[1]), /centrale berekening .* gemiddelde en P5-P95 zijn over de runs/);
  const pc = (x) => (x === null ? '–' : `${Math.round(x * 100)}%`);
  const q = mc.probabilities;
  assert.equal(String(about.find((r) => r[0] === 'Kansen (aandeel van de runs)')?.[1]), `terugverdiend binnen 2 / 5 / 10 jaar: ${pc(q.payback_within_2_years)} / ${pc(q.payback_within_5_years)} / ${pc(q.payback_within_10_years)}; positief netto resultaat: ${pc(q.net_saving_positive)}`);
  assert.ok(summary[0].includes('Terugverdiend na (maanden) P50 (van de runs die terugverdienen)'), summary[0].join('|'));
  // Numbers keep their digits, shown with one or two decimals (euros with cents): a style,
  // not a rounding. Whole numbers (the year) are left as they are.
  const { unzipSync, strFromU8 } = await import('fflate');
  const parts = unzipSync(readFileSync(await xlsx.path()));
  const xml = strFromU8(parts['xl/worksheets/sheet2.xml']);
  const cellsOf = (style) => (xml.match(new RegExp(`<c r="[A-Z]+\\d+" s="${style}"><v>`, 'g')) ?? []).length;
  assert.ok(cellsOf(2) > 1000 && cellsOf(3) > 100, `${cellsOf(2)} fractions, ${cellsOf(3)} euro cells`);
  assert.ok(/<c r="[A-Z]+\d+"><v>2021<\/v><\/c>/.test(strFromU8(parts['xl/worksheets/sheet3.xml'])), 'the year unstyled');
  // The assumptions as they are: a seed's 0,625 is not shown as 0,63.
  const assumptionsXml = strFromU8(parts['xl/worksheets/sheet5.xml']);
  assert.ok(assumptionsXml.includes('<v>0.625</v>') && !/ s="[23]"/.test(assumptionsXml), 'the assumptions unformatted');

  // Changed, the preset's name gets "(gewijzigd)": the three CSV files keep their own names
  // (the long name cut the suffix off, and all three were saved under one name), and the cite
  // line in them names the scenario as the page does (it named the preset's id).
  await page.fill('#param-growth_pct-number', '5');
  await settle(page);
  files.length = 0;
  await page.click('#export-csv');
  for (let i = 0; i < 50 && files.length < 3; i++) await page.waitForTimeout(100);
  const names = files.map((f) => f.suggestedFilename());
  assert.deepEqual(names.map((n) => n.replace(/^.*-/, '')), ['months.csv', 'years.csv', 'summary.csv'], names.join(' '));
  const changed = parseCsv(readFileSync(await files[2].path(), 'utf8'));
  const shown = await page.locator('#cite').textContent();
  const edited = shown.match(/vingerafdruk ([0-9a-f]{10})/)[1];
  assert.match(changed[1][changed[0].indexOf('cite')], /scenario "Corona: \+7% in 2021, met het programma zoals besloten \(gewijzigd\)" \(vingerafdruk /);
  assert.equal(changed[1][changed[0].indexOf('scenario_fingerprint')], edited);
  // The scenario exported (under the name shown) runs in the CLI with the page's fingerprint.
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-scenario')]);
  // Described as the page describes it: in Dutch (it said the English description), and as
  // changed from the preset (it kept the preset's '7%' of a scenario at 5%).
  const presets = JSON.parse(execFileSync(process.env.CASEFLOW_BIN, ['presets', '--format', 'json'], { encoding: 'utf8' }));
  assert.equal(JSON.parse(readFileSync(await json.path(), 'utf8')).description, `Gewijzigd: de cijfers wijken af van het uitgangspunt. Uitgangspunt: ${presets.find((p) => p.id === 'corona-2021').description_nl}`);
  const fromFile = execFileSync(process.env.CASEFLOW_BIN, ['run', '--scenario', await json.path()], { encoding: 'utf8' });
  assert.match(fromFile, new RegExp(`Vingerafdruk scenario: ${edited}`));
  assert.notEqual(edited, fingerprint);
  assert.deepEqual(problems, []);
  await context.close();
});

// Regression: at 1024×768 the thick x axis printed its months over each other, and the fixed
// key bar covered the last headline sentence.
test('presentation mode at 1024×768: month labels apart, the headline clear of the key bar', async () => {
  const { page, problems } = await openPage(env, { width: 1024, height: 768 });
  await page.selectOption('#preset', 'corona-2021');
  await settle(page);
  await page.click('#present');
  await page.waitForSelector('#presentation');
  await page.evaluate(() => window.caseflow.uncertain());
  for (let chart = 0; chart < 3; chart++) {
    const [x, y] = await page.evaluate(() => window.caseflow.chartAxes('present-chart'));
    assert.ok(x.labels.length >= 3, `chart ${chart}: ${x.labels.length} month labels`);
    for (let i = 1; i < x.labels.length; i++) {
      const [a, b] = [x.labels[i - 1], x.labels[i]];
      assert.ok(b.at - a.at >= (a.width + b.width) / 2 + 4, `chart ${chart}: ‘${a.text}’ and ‘${b.text}’ overlap`);
    }
    for (const l of y.labels) assert.ok(l.width + 15 <= y.size, `chart ${chart}: ‘${l.text}’ fits the y axis`);
    await page.screenshot({ path: screenshotPath(`present-1024-${chart}.png`) });
    const [last, keys] = await page.evaluate(() => [document.querySelector('#present-headline li:last-child'), document.querySelector('#presentation .keys')].map((e) => e.getBoundingClientRect().toJSON()));
    const apart = last.bottom <= keys.top || keys.bottom <= last.top || last.right <= keys.left || keys.right <= last.left;
    assert.ok(apart, `chart ${chart}: the key bar ${JSON.stringify(keys)} covers the headline ${JSON.stringify(last)}`);
    assert.ok(last.bottom <= 768, `chart ${chart}: the headline ends on screen (${last.bottom})`);
    await page.keyboard.press('ArrowDown');
  }
  // With the assumptions shown (A), the key line still ends on screen (at 1280×720 it was
  // pushed below the edge).
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('a');
  await page.waitForSelector('#present-assumptions');
  const keysBottom = await page.locator('#presentation .keys').evaluate((e) => e.getBoundingClientRect().bottom);
  assert.ok(keysBottom <= 720, `the key line ends on screen (${keysBottom})`);
  // At 1920×1080 the four assumptions of the corona preset are shown whole (the last was cut);
  // at 1024×768 they and the key line stay on screen.
  const panel = () => page.locator('#present-assumptions').evaluate((e) => ({ ...e.getBoundingClientRect().toJSON(), scroll: e.scrollHeight, client: e.clientHeight }));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(300);
  const big = await panel();
  assert.ok(big.scroll <= big.client + 1 && big.bottom <= 1080, `the whole panel shows: ${JSON.stringify(big)}`);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.waitForTimeout(300);
  const small = await panel();
  const keys1024 = await page.locator('#presentation .keys').evaluate((e) => e.getBoundingClientRect().bottom);
  assert.ok(small.bottom <= 768 && small.top < 700 && keys1024 <= 768, `panel ${JSON.stringify(small)}, keys ${keys1024}`);
  // There the assumptions take the chart's place, all of them shown; A again brings it back.
  assert.ok(small.scroll <= small.client + 1, `the whole panel shows at 1024×768: ${JSON.stringify(small)}`);
  assert.ok(await page.locator('#presentation .figure').isHidden());
  await page.keyboard.press('a');
  assert.ok(await page.locator('#presentation .figure').isVisible());
  // A 1280×720 projector at 200% zoom: the chart ends above its legend (it ran 50 px over it).
  await page.setViewportSize({ width: 640, height: 360 });
  await page.waitForTimeout(300);
  const [plot, legend] = await page.evaluate(() => ['#presentation .plot', '#presentation .legend'].map((s) => document.querySelector(s).getBoundingClientRect().toJSON()));
  assert.ok(plot.bottom <= legend.top + 1, `the chart ${JSON.stringify(plot)} runs over its legend ${JSON.stringify(legend)}`);
  await page.screenshot({ path: screenshotPath('present-640x360.png') });
  await page.keyboard.press('Escape');
  assert.deepEqual(problems, []);
  await page.context().close();
});

// A presenter saw the ranges appear on a slide a second after a change, with nothing said meanwhile.
test('presentation says the uncertainty is being computed until the bands come', async () => {
  const { page, problems } = await openPage(env, { width: 1280, height: 720 });
  await page.selectOption('#preset', 'corona-2021');
  await settle(page);
  await page.fill('#param-growth_pct-number', '6');
  await settle(page);
  await page.click('#present');
  await page.waitForSelector('#presentation');
  const now = await page.evaluate(() => ({ pending: window.caseflow.uncertainty() === null, text: document.querySelector('#present-ranges')?.textContent }));
  if (now.pending) assert.equal(now.text, 'De onzekerheid wordt berekend…');
  await page.evaluate(() => window.caseflow.uncertain());
  assert.match(await page.locator('#present-ranges').textContent(), /^Tussen haakjes staat de 90%-band/);
  // Bands off (B): nothing about them.
  await page.keyboard.press('b');
  assert.equal(await page.locator('#present-ranges').count(), 0);
  assert.equal(await page.locator('#presentation').evaluate((e) => getComputedStyle(e).userSelect), 'none', 'a double click selects no text');
  assert.ok(now.pending, 'the bands were read before they came');
  await page.keyboard.press('Escape');
  assert.deepEqual(problems, []);
  await page.context().close();
});

// A presenter's long scenario name took two lines of the slide and pushed the key line off a
// 1280×720 projector.
test('presentation at 1280×720: a long name keeps to two lines and the key line stays on screen', async () => {
  const { page, problems } = await openPage(env, { width: 1280, height: 720 });
  await page.selectOption('#preset', 'frozen-budget-2025');
  await settle(page);
  const name = 'Bevroren budget 2025-2029 met 3% hogere instroom en halve effecten, variant voor de commissie Sociaal Domein';
  await page.fill('#scenario-name', name);
  await page.press('#scenario-name', 'Tab');
  await page.click('#present');
  await page.waitForSelector('#presentation');
  await page.evaluate(() => window.caseflow.uncertain());
  const title = page.locator('#presentation-title');
  assert.equal(await title.getAttribute('title'), name, 'the whole name on hover');
  for (let chart = 0; chart < 3; chart++) {
    const [t, keys] = await page.evaluate(() => [document.querySelector('#presentation-title'), document.querySelector('#presentation .keys')].map((e) => e.getBoundingClientRect().toJSON()));
    // Two lines at most, in smaller type, the name whole (cut to one line, a wethouder's
    // "Meerssen variant wethouder – lag…" lost what told it apart).
    assert.ok(t.height < 80, `chart ${chart}: two lines of title at most (${t.height} px)`);
    assert.ok(await title.evaluate((e) => e.scrollHeight <= e.clientHeight + 1), `chart ${chart}: the name is not cut`);
    assert.ok(keys.bottom <= 720, `chart ${chart}: the key line ends on screen (${keys.bottom})`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Escape');
  assert.deepEqual(problems, []);
  await page.context().close();
});

// A chart of zeros (the money slide of a scenario without programmes) had an axis of one
// label, "€ 0", with every line on its bottom edge.
test('a chart whose figures are all zero still has an axis with a range', async () => {
  const { page, problems } = await openPage(env, { width: 1280, height: 720 });
  await page.selectOption('#preset', 'corona-2021-no-programme');
  await settle(page);
  await page.click('#present');
  await page.waitForSelector('#presentation');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const [, y] = await page.evaluate(() => window.caseflow.chartAxes('present-chart'));
  assert.ok(y.labels.length >= 3, JSON.stringify(y.labels));
  assert.match(y.labels[0].text, /^€\s0$/, JSON.stringify(y.labels));
  await page.keyboard.press('Escape');
  assert.deepEqual(problems, []);
  await page.context().close();
});

// A wethouder stepped to the next scenario in the presentation and closed it: her next edit
// went into that scenario, not her own.
test('a presentation that ends on another scenario says so, with a way back', async () => {
  const { page, problems } = await openPage(env, { width: 1280, height: 720 });
  await page.click('#scenario-new');
  await page.selectOption('#preset', 'corona-2021');
  await settle(page);
  const mine = await page.inputValue('#scenario-name');
  await page.click('#present');
  await page.waitForSelector('#presentation');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#notice').isHidden(), true, 'ended where it began: nothing to say');
  await page.click('#present');
  await page.waitForSelector('#presentation');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((name) => !document.querySelector('#presentation-title').textContent.includes(name), mine);
  await page.keyboard.press('Escape');
  await settle(page);
  assert.match(await page.locator('#notice').textContent(), new RegExp(`De presentatie eindigde bij .*niet ‘${mine.replace(/[()+]/g, '.')}’`));
  await page.click('#notice-action');
  await settle(page);
  assert.equal(await page.inputValue('#scenario-name'), mine);
  assert.deepEqual(problems, []);
  await page.context().close();
});
