// *Gemeenten*: the six municipalities and the region per year (caseload, exits to work, saving,
// cost share by the key, net position, BUIG grant and vangnet) as a table and small multiples,
// and the cost key applied to the planned re-integration cost (`caseflow allocate`).
import type { MonteCarlo, Results, Split, YearOut } from '../core';
import { attrs, el, scrollBox } from '../dom';
import { formatEur, formatNumber, numberFormat, type Lang } from '../i18n';
import { ta } from '../i18n-analyst';
import { dataTable, failure, svg } from './analyst-common';
import type { Ctx, View } from './context';

type Measure = 'benefits_end' | 'exits_to_work' | 'saving_eur' | 'cost_share_eur' | 'net_position_eur' | 'buig_grant_eur' | 'vangnet_eur';

const MEASURES: Measure[] = ['benefits_end', 'exits_to_work', 'saving_eur', 'cost_share_eur', 'net_position_eur', 'buig_grant_eur', 'vangnet_eur'];
/** What adds up over the years (the caseload at the end of a year does not). */
const WHOLE: Measure[] = ['saving_eur', 'cost_share_eur', 'net_position_eur', 'vangnet_eur'];

function heading(lang: Lang, m: Measure): string {
  const tx = ta(lang);
  return { benefits_end: tx.colStock, exits_to_work: tx.colExits, saving_eur: tx.colSaving, cost_share_eur: tx.colCostShare, net_position_eur: tx.colNet, buig_grant_eur: tx.colBuig, vangnet_eur: tx.colVangnet }[m];
}

/** Money in euros, households and exits whole (a table of "341" beside "427,7" read unevenly). */
function format(lang: Lang, m: Measure, v: number | string): string {
  return m.endsWith('_eur') ? formatEur(lang, v) : formatNumber(lang, Number(v));
}

/**
 * A small multiple's axis label: short enough for its narrow gutter. Money from € 100.000 on
 * (`largest`, the axis' largest size) in millions ("€ 0,81 mln", "€0.81m"), else as in the table
 * but whole.
 */
function axisLabel(lang: Lang, m: Measure, v: number, largest: number): string {
  if (!m.endsWith('_eur')) return formatNumber(lang, v, 0);
  if (largest < 1e5) return formatEur(lang, Math.round(v));
  const millions = numberFormat(lang, { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2 });
  return `${millions.format(v / 1e6)}${lang === 'nl' ? ' mln' : 'm'}`;
}

interface Area {
  id: string;
  name: string;
  years: YearOut[];
}

/** The region first, then the six municipalities in the key's order. */
function areas(lang: Lang, r: Results): Area[] {
  return [{ id: 'region', name: ta(lang).region, years: r.years }, ...r.municipalities.map((m) => ({ id: m.id, name: m.name, years: m.years }))];
}

/**
 * "What does it cost Gulpen-Wittem?": each area over the whole horizon (a presenter added up
 * ten yearly rows by hand), money summed in cents, with the exits the programmes added (not all
 * exits: 'Naar werk 161' was read as the programme's). On Gemeenten and in the printed report.
 */
export function periodTotals(lang: Lang, r: Results, mc: MonteCarlo | null): { period: string; head: string[]; rows: string[][] } {
  const tx = ta(lang);
  const list = areas(lang, r);
  const years = r.years;
  const sum = (a: Area, m: Measure) => a.years.reduce((t, y) => t + cents(String(y[m])), 0) / 100;
  const extra = [r.summary, ...r.municipalities.map((m) => m.summary)].map((s) => formatNumber(lang, s.extra_exits_to_work, 1));
  // With the Monte Carlo, each area's net band ("how sure for Vaals?": the region's alone hid
  // that Vaals may end up positive).
  const e = (v: string | null) => (v === null ? '–' : formatEur(lang, v));
  const band = mc && [mc.summary, ...mc.municipalities.map((m) => m.summary)].map((s) => tx.band(e(s.net_saving_eur.p5), e(s.net_saving_eur.p95)));
  return {
    period: `${years[0]?.year ?? ''}–${years.at(-1)?.year ?? ''}`,
    head: [tx.colArea, tx.colExtraWork, ...WHOLE.map((m) => heading(lang, m)), ...(band ? [tx.colNetBand] : [])],
    rows: list.map((a, i) => [a.name, extra[i] ?? '', ...WHOLE.map((m) => format(lang, m, sum(a, m))), ...(band ? [band[i] ?? ''] : [])]),
  };
}

/** Cents, exactly, of amounts given as decimal text. */
function cents(v: string): number {
  return Math.round(Number(v) * 100);
}

export class MunicipalitiesView implements View {
  private measure: Measure = 'net_position_eur';
  /** The six municipalities on one scale (the region, their sum, keeps its own). */
  private shared = false;
  private host!: HTMLElement;
  private split: { total: string; overhead: string; split: Split | null; error: string | null } | null = null;

  constructor(private readonly ctx: Ctx) {}

  data(): unknown {
    return this.split;
  }

  mount(host: HTMLElement): void {
    this.host = host;
    this.update();
  }

  update(): void {
    const { lang } = this.ctx;
    const tx = ta(lang);
    const r = this.ctx.results;
    // A view left neither draws nor starts its analysis again (see `SensitivityView.update`).
    if (!this.host?.isConnected) return;
    if (!r) {
      this.host.replaceChildren(el('h2', {}, tx.munTitle), el('p', { className: 'analysis-status' }, tx.computing));
      return;
    }
    const list = areas(lang, r);
    const rows = list.flatMap((a) => a.years.map((y) => [a.name, String(y.year), ...MEASURES.map((m) => format(lang, m, y[m]))]));
    const table = dataTable('municipalities-table', [tx.colArea, tx.colYear, ...MEASURES.map((m) => heading(lang, m))], rows);
    const whole = periodTotals(lang, r, this.ctx.uncertainty);
    const totals = dataTable('municipalities-totals', whole.head, whole.rows);
    const picker = el('div', { className: 'measure', role: 'radiogroup' });
    attrs(picker, { 'aria-label': tx.measure });
    for (const m of MEASURES) {
      const input = el('input', { type: 'radio', name: 'mun-measure', id: `mun-measure-${m}`, value: m, checked: m === this.measure });
      input.addEventListener('change', () => {
        this.measure = m;
        this.update();
        document.getElementById(`mun-measure-${m}`)?.focus();
      });
      picker.append(el('label', { htmlFor: input.id }, input, ` ${heading(lang, m)}`));
    }
    const shared = el('input', { type: 'checkbox', id: 'mun-shared', checked: this.shared });
    shared.addEventListener('change', () => {
      this.shared = shared.checked;
      this.update();
      document.getElementById('mun-shared')?.focus();
    });
    // The municipalities' common scale: the largest and smallest value of any of them.
    const all = list.slice(1).flatMap((a) => a.years.map((y) => Number(y[this.measure])));
    const scale: [number, number] | null = this.shared ? [Math.min(0, ...all), Math.max(0, ...all)] : null;
    const multiples = el('div', { className: 'multiples', id: 'municipalities-multiples' }, ...list.map((a, i) => this.multiple(a, i > 0 ? scale : null)));
    this.host.replaceChildren(
      el('h2', {}, tx.munTitle),
      el('p', {}, tx.munIntro),
      el('h3', {}, tx.munTotals(whole.period)),
      scrollBox(tx.munTotals(whole.period), totals),
      el('p', { className: 'source', id: 'municipalities-rounding' }, tx.munRounding),
      el('fieldset', {}, el('legend', {}, tx.measure), picker, el('label', { htmlFor: shared.id }, shared, ` ${tx.sharedScale}`)),
      el('h3', {}, tx.multiplesTitle(heading(lang, this.measure), this.shared)),
      multiples,
      scrollBox(tx.munTitle, table),
      this.key(r),
    );
  }

  /** One small bar chart: the measure per year for one area, on `scale` (lowest, highest) or
   * else the area's own. */
  private multiple(a: Area, scale: [number, number] | null): HTMLElement {
    const { lang } = this.ctx;
    const m = this.measure;
    const values = a.years.map((y) => Number(y[m]));
    const width = 220;
    const height = 120;
    const top = 14;
    const bottom = 22;
    const [lo, hi] = scale ?? [Math.min(0, ...values), Math.max(0, ...values)];
    const y = (v: number) => top + ((hi - v) / Math.max(1e-9, hi - lo)) * (height - top - bottom);
    const bw = (width - 10) / Math.max(1, values.length);
    const words = a.years.map((yr) => `${yr.year} ${format(lang, m, yr[m])}`).join(', ');
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'multiple', role: 'img', 'aria-label': ta(lang).multipleLabel(a.name, heading(lang, m), words) });
    // The y axis: a dashed line at the scale's top and bottom (zero is the solid line), each
    // labelled at the right, just above it, over the bars if need be (the label has a halo).
    const largestSize = Math.max(Math.abs(lo), Math.abs(hi));
    for (const v of [hi, lo].filter((v) => v !== 0)) {
      chart.append(
        svg('line', { x1: 0, x2: width, y1: y(v), y2: y(v), class: 'grid' }),
        svg('text', { x: width - 2, y: y(v) - 3, 'text-anchor': 'end', class: 'tick y' }, axisLabel(lang, m, v, largestSize)),
      );
    }
    chart.append(svg('line', { x1: 0, x2: width, y1: y(0), y2: y(0), class: 'axis' }));
    // All below zero (a saving that is a loss every year): zero is the top, labelled above it
    // where nothing is drawn, so the scale reads from 0 down.
    if (hi === 0 && lo < 0) chart.append(svg('text', { x: width - 2, y: y(0) - 3, 'text-anchor': 'end', class: 'tick y' }, axisLabel(lang, m, 0, largestSize)));
    values.forEach((v, i) => {
      const x = 5 + i * bw + bw * 0.15;
      chart.append(
        svg('rect', { x, y: Math.min(y(v), y(0)), width: bw * 0.7, height: Math.max(1, Math.abs(y(v) - y(0))), class: v < 0 ? 'bar down' : 'bar up' }),
        svg('text', { x: x + bw * 0.35, y: height - 6, 'text-anchor': 'middle', class: 'tick' }, String(a.years[i]!.year).slice(2)),
      );
    });
    // By default each area has its own scale (Maastricht's caseload is ten times Vaals'): the
    // caption gives the largest bar's value, so the heights are not compared across areas
    // unread.
    const k = values.reduce((best, v, i) => (Math.abs(v) > Math.abs(values[best]!) ? i : best), 0);
    const largest = a.years[k];
    const caption = el('figcaption', {}, a.name);
    if (largest) caption.append(el('span', { className: 'source' }, ` · ${ta(lang).multipleTop(format(lang, m, largest[m]), largest.year)}`));
    return el('figure', { className: 'small' }, caption, chart);
  }

  /** The key applied to the planned cost of the programmes paid from the re-integration budget. */
  private key(r: Results): HTMLElement {
    const { lang, core } = this.ctx;
    const tx = ta(lang);
    const programmes = r.scenario.programmes;
    const planned = r.programmes.filter((_, i) => programmes[i]?.funding === 'reintegration').reduce((sum, p) => sum + cents(p.planned_cost_eur), 0);
    const total = (planned / 100).toFixed(2);
    const overhead = String(r.scenario.set['cost_split_overhead_pct'] ?? core.params.param.find((p) => p.id === 'cost_split_overhead_pct')?.default ?? 50);
    const section = el('section', { id: 'cost-key' }, el('h3', {}, tx.keyTitle));
    if (planned === 0) {
      this.split = { total, overhead, split: null, error: null };
      section.append(el('p', {}, tx.keyNone));
      return section;
    }
    try {
      const split = core.allocate(total, overhead);
      this.split = { total, overhead, split, error: null };
      const e = (v: string) => formatEur(lang, v);
      const rows = split.rows.map((row) => [row.name, `${formatNumber(lang, Number(row.key_pct), 2)}%`, e(row.share_eur), e(row.overhead_eur), e(row.total_eur)]);
      // The overhead moves money to Maastricht: its column adds up to nothing, the paid to the total.
      const sum = (f: (row: (typeof split.rows)[number]) => string) => formatEur(lang, split.rows.reduce((a, row) => a + cents(f(row)), 0) / 100);
      rows.push([tx.total, '100%', e(split.totals.share_eur), sum((row) => row.overhead_eur), sum((row) => row.total_eur)]);
      section.append(el('p', {}, tx.keyIntro(e(total), formatNumber(lang, Number(overhead), 2))), scrollBox(tx.keyTitle, dataTable('cost-key-table', [tx.colArea, tx.colKey, tx.colShare, tx.colOverhead, tx.colTotal], rows)));
    } catch (err) {
      this.split = { total, overhead, split: null, error: failure(lang, err) };
      section.append(el('p', { className: 'error' }, failure(lang, err)));
    }
    return section;
  }
}
