// *Terugblik*: the backtest (`caseflow backtest`): forecasts from past origins against the
// seeds' figures with the naive forecasts and the 90% band; and the calibration on the
// analyst's own series (`caseflow calibrate`): the CSV is read in the browser and handed to the
// worker, never sent anywhere.
import { LineChart } from '../chart';
import type { AreaFit, Backtest, Calibration, Horizon } from '../core';
import { el, scrollBox } from '../dom';
import { assessment, formatNumber, method, notIdentified, shortMonth, t } from '../i18n';
import { ta } from '../i18n-analyst';
import { Cancelled } from '../runner';
import { dataTable, failure, status, svg } from './analyst-common';
import type { Ctx, View } from './context';

/** The largest data file read, as `caseflow calibrate` reads (16 MB). */
const MAX_CSV_BYTES = 16 * 1024 * 1024;

/** The CLI's defaults (`caseflow backtest`): 1,000 runs per band, seed 2017. */
const RUNS = 1000;
const SEED = 2017;

export class BacktestView implements View {
  private host!: HTMLElement;
  private backtest: Backtest | null = null;
  private backtestError = '';
  private loading = false;
  private calibration: Calibration | null = null;
  private calibrationError = '';
  private calibrating = false;
  private fileName = '';
  private charts_: LineChart[] = [];

  constructor(private readonly ctx: Ctx) {}

  data(): unknown {
    return this.backtest ? { backtest: this.backtest, calibration: this.calibration, calibrationError: this.calibrationError || null } : null;
  }

  charts(): LineChart[] {
    return this.charts_;
  }

  mount(host: HTMLElement): void {
    this.host = host;
    this.render();
  }

  update(): void {
    // The backtest does not depend on the scenario on screen; it is computed once.
    if (!this.backtest && !this.loading && !this.backtestError) this.render();
  }

  private load(): void {
    if (this.loading) return;
    this.loading = true;
    // After the page's own reaction to the same results (which may cancel long jobs).
    window.setTimeout(() => {
      this.ctx
        .long<Backtest>({ kind: 'backtest', runs: RUNS, seed: SEED })
        .then((b) => (this.backtest = b))
        .catch((e: unknown) => {
          if (!(e instanceof Cancelled)) this.backtestError = failure(this.ctx.lang, e);
        })
        .finally(() => {
          this.loading = false;
          this.render();
        });
    }, 0);
  }

  private async upload(file: File): Promise<void> {
    this.fileName = file.name;
    this.calibrating = true;
    this.calibration = null;
    this.calibrationError = '';
    this.render();
    try {
      // The CLI's limit: a larger file is not read (a tab holds it in memory several times).
      if (file.size > MAX_CSV_BYTES) {
        this.calibrationError = ta(this.ctx.lang).calTooBig(formatNumber(this.ctx.lang, file.size));
        return;
      }
      // Read here, computed in the worker: the data never leave the browser.
      const csv = await file.text();
      this.calibration = await this.ctx.long<Calibration>({ kind: 'calibrate', csv });
    } catch (e) {
      if (!(e instanceof Cancelled)) this.calibrationError = failure(this.ctx.lang, e);
    } finally {
      this.calibrating = false;
      this.render();
    }
  }

  private render(): void {
    // A view left neither draws nor starts its backtest again (see `SensitivityView.update`).
    if (!this.host?.isConnected) return;
    const { lang } = this.ctx;
    const tx = ta(lang);
    this.charts_ = [];
    const parts: Node[] = [el('h2', {}, tx.btTitle), el('p', {}, tx.btIntro)];
    const b = this.backtest;
    if (!b) {
      const line = status(lang, 'backtest-status');
      if (this.backtestError) line.textContent = this.backtestError;
      else this.load();
      parts.push(line);
    } else {
      parts.push(...this.backtestParts(b));
    }
    parts.push(...this.calibrationParts());
    this.host.replaceChildren(...parts);
  }

  private backtestParts(b: Backtest): Node[] {
    const { lang } = this.ctx;
    const tx = ta(lang);
    const n = (v: number) => formatNumber(lang, v, 0);
    const pct = (v: number | null) => (v === null ? '–' : `${formatNumber(lang, v, 2)}%`);
    const area = (a: string) => (a === 'region' ? tx.region : 'Maastricht');
    const variant = (v: string) => tx.variants[v] ?? v;
    const rows = b.horizons.map((h) => [`${h.origin} → ${h.target}`, String(h.horizon_months), area(h.area), variant(h.variant), n(h.actual), n(h.forecast), pct(h.error_pct), `${n(h.band_p5)}–${n(h.band_p95)}`, h.inside_90 ? tx.yes : tx.no, pct(h.naive_no_change_error_pct), pct(h.naive_trend_error_pct)]);
    const name = (h: Horizon) => `${h.origin} → ${h.target} · ${area(h.area)} · ${variant(h.variant)}`;
    const summary = tx.btChartSummary(b.horizons.length, b.horizons.filter((h) => h.inside_90).length);
    const figure = el('figure', { className: 'figure', id: 'chart-backtest' }, el('figcaption', {}, tx.btChartTitle(`${tx.region} / Maastricht`)), forecastChart(b.horizons, name, summary, n, [tx.seriesActual, tx.seriesModel, t(lang).band90, tx.seriesNaive, tx.seriesTrend]), el('p', { className: 'chart-summary' }, summary));
    return [
      figure,
      scrollBox(tx.btTitle, dataTable('backtest-table', [tx.colOrigin, tx.colMonths, tx.colArea, tx.colVariant, tx.colActual, tx.colForecast, tx.colError, tx.colBand, tx.colInside, tx.colNaive, tx.colTrend], rows)),
      el('h3', {}, tx.assessment),
      el('ul', { id: 'backtest-assessment' }, ...assessment(lang, b).map((a) => el('li', {}, a))),
      el('details', {}, el('summary', {}, tx.notIdentified), el('ul', { id: 'backtest-not-identified' }, ...notIdentified(lang, b).map((a) => el('li', {}, a))), el('p', { className: 'source', id: 'backtest-method' }, method(lang, b))),
      el('p', { className: 'source' }, `caseflow backtest --runs ${b.runs} --seed ${b.seed}`),
    ];
  }

  private calibrationParts(): Node[] {
    const { lang } = this.ctx;
    const tx = ta(lang);
    const input = el('input', { type: 'file', id: 'calibrate-file', accept: '.csv,text/csv,text/plain' });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void this.upload(file);
    });
    const parts: Node[] = [el('h3', {}, tx.calTitle), el('p', {}, tx.calIntro), el('label', { htmlFor: input.id }, `${tx.calFile} `), input];
    const line = el('p', { id: 'calibrate-status', className: 'analysis-status' });
    line.setAttribute('role', 'status');
    if (this.calibrating) line.textContent = `${this.fileName}: ${tx.computing}`;
    if (this.calibrationError) {
      line.className = 'error';
      line.textContent = `${this.fileName}: ${this.calibrationError}`;
    }
    parts.push(line);
    const c = this.calibration;
    if (c) for (const [i, f] of c.areas.entries()) parts.push(this.fit(f, i));
    return parts;
  }

  private fit(f: AreaFit, i: number): HTMLElement {
    const { lang } = this.ctx;
    const tx = ta(lang);
    const name = f.area === 'region' ? `${tx.region} (${f.name})` : f.name;
    const value = formatNumber(lang, f.new_inflow_pct, 4);
    const chart = new LineChart(`chart-calibrate-${i}`, tx.calChartTitle(name), t(lang).showTable);
    this.charts_.push(chart);
    chart.draw({
      x: [String(f.from), ...f.points.map((p) => String(p.month))],
      xTitle: t(lang).colMonth,
      xFormat: (m) => shortMonth(lang, m),
      lines: [
        { label: tx.seriesData, color: '#111827', values: [f.start_stock, ...f.points.map((p) => p.data)], width: 3 },
        { label: tx.seriesFitted, color: '#1d4ed8', values: [f.start_stock, ...f.points.map((p) => p.fitted)] },
      ],
      bands: [],
      format: (v) => formatNumber(lang, v, 0),
      summary: tx.calChartSummary(f.points.length + 1, formatNumber(lang, f.rmse, 1)),
    });
    // The scenario has one new-inflow rate for the region: a municipality's fit is said to be one.
    const use = el('button', { type: 'button', id: `calibrate-use-${i}` }, tx.useFit(value, f.area === 'region' ? null : f.name));
    const note = el('span', { role: 'status' });
    use.addEventListener('click', () => {
      const problem = this.ctx.edit((s) => {
        // The value the button shows (4 decimals), so the scenario holds what the user chose.
        s.set['new_inflow_pct'] = Number(f.new_inflow_pct.toFixed(4));
      });
      note.textContent = problem ?? '';
    });
    return el(
      'section',
      { className: 'calibration', id: `calibration-${f.area}` },
      el('p', { className: 'fit' }, tx.calResult(name, value, formatNumber(lang, f.rmse, 1), formatNumber(lang, f.mean_abs_error_pct, 2))),
      chart.figure,
      el('p', {}, use, ' ', note),
      ...(lang === 'nl' ? f.notes_nl : f.notes).map((n) => el('p', { className: 'source' }, n)),
      el('p', { className: 'source' }, `${tx.rerun}: ${f.rerun}`),
    );
  }
}

/**
 * The forecasts as one row each: the 90% band as a bar, the forecast as a dot, the actual as a
 * black tick, the naive forecasts as open markers. No line joins two rows: each forecast has its
 * own origin, target and area.
 */
function forecastChart(hs: Horizon[], name: (h: Horizon) => string, label: string, format: (v: number) => string, legend: string[]): SVGElement {
  const [width, left, right, top, row] = [760, 410, 20, 22, 26];
  const height = top + hs.length * row + 30;
  const all = hs.flatMap((h) => [h.actual, h.forecast, h.band_p5, h.band_p95, h.naive_no_change, h.naive_trend ?? h.actual]);
  const step = 10 ** Math.floor(Math.log10(Math.max(...all) - Math.min(...all))) / 2;
  const lo = Math.floor(Math.min(...all) / step) * step;
  const hi = Math.ceil(Math.max(...all) / step) * step;
  const x = (v: number) => left + ((v - lo) / Math.max(1, hi - lo)) * (width - left - right);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'waterfall', role: 'img', 'aria-label': label });
  for (let v = lo; v <= hi; v += step) chart.append(svg('line', { x1: x(v), x2: x(v), y1: top - 4, y2: top + hs.length * row, class: 'axis' }), svg('text', { x: x(v), y: top - 8, 'text-anchor': 'middle', class: 'tick' }, format(v)));
  // The markers, each at (cx, cy): the legend draws them too.
  const marks = [
    (cx: number, cy: number) => svg('line', { x1: cx, x2: cx, y1: cy - 9, y2: cy + 9, stroke: '#111827', 'stroke-width': 3 }),
    (cx: number, cy: number) => svg('circle', { cx, cy, r: 5, fill: '#1d4ed8', class: 'bt-forecast' }),
    (cx: number, cy: number, to = cx + 14) => svg('rect', { x: Math.min(cx, to), y: cy - 5, width: Math.max(2, Math.abs(to - cx)), height: 10, fill: '#1d4ed8', 'fill-opacity': 0.2 }),
    (cx: number, cy: number) => svg('rect', { x: cx - 4, y: cy - 4, width: 8, height: 8, fill: 'none', stroke: '#6b7280', 'stroke-width': 2 }),
    (cx: number, cy: number) => svg('circle', { cx, cy, r: 5, fill: 'none', stroke: '#b45309', 'stroke-width': 2 }),
  ];
  hs.forEach((h, i) => {
    const cy = top + i * row + row / 2;
    chart.append(svg('text', { x: left - 10, y: cy + 4, 'text-anchor': 'end', class: 'label bt-row' }, name(h)), marks[2]!(x(h.band_p5), cy, x(h.band_p95)), marks[3]!(x(h.naive_no_change), cy));
    if (h.naive_trend !== null) chart.append(marks[4]!(x(h.naive_trend), cy));
    chart.append(marks[0]!(x(h.actual), cy), marks[1]!(x(h.forecast), cy));
  });
  legend.forEach((text, i) => chart.append(marks[i]!(12 + i * 150, height - 12), svg('text', { x: 30 + i * 150, y: height - 8, class: 'label' }, text)));
  return chart;
}
