// The figures of a run as chart data: the caseload with its bands and counterfactual, exits
// to work, and cumulative saving against cost with the payback month. Shared by *Overzicht*,
// presentation mode and the exports, so each chart means the same everywhere.
import type { Band, ChartData } from './chart';
import type { MonteCarlo, Results, Stats } from './core';
import { formatEur, formatMonth, formatNumber, numberFormat, shortMonth, t, type Lang } from './i18n';

export type Measure = 'benefits' | 'people';

/** The Monte Carlo's 90% and 50% bands of one monthly figure. */
function bands(lang: Lang, mc: MonteCarlo | null, key: 'benefits' | 'people' | 'exits_to_work'): Band[] {
  if (!mc) return [];
  const pick = (q: 'p5' | 'p25' | 'p75' | 'p95') => mc.months.map((m) => (m[key] as Stats)[q] ?? null);
  const tx = t(lang);
  return [
    { label: tx.band90, color: 'rgba(29, 78, 216, 0.12)', lower: pick('p5'), upper: pick('p95') },
    { label: tx.band50, color: 'rgba(29, 78, 216, 0.22)', lower: pick('p25'), upper: pick('p75') },
  ];
}

/** Month by month, cumulative: gross saving, saving kept after feedback, programme cost. */
export function cumulative(r: Results): { gross: number[]; kept: number[]; cost: number[] } {
  const gross: number[] = [];
  const kept: number[] = [];
  const cost: number[] = [];
  // Each year's feedback spread evenly over its months, as the core does for the payback month.
  const feedback = new Map(r.years.map((y) => [y.year, (Number(y.gross_saving_eur) - Number(y.saving_eur)) / Math.max(1, y.months)]));
  let g = 0;
  let k = 0;
  let c = 0;
  for (const m of r.months) {
    const saving = Number(m.gross_saving_eur);
    g += saving;
    k += saving - (feedback.get(Number(m.month.slice(0, 4))) ?? 0);
    c += Number(m.programme_cost_eur);
    gross.push(g);
    kept.push(k);
    cost.push(c);
  }
  return { gross, kept, cost };
}

/** The caseload: benefits or people, with the counterfactual and the bands. */
export function caseloadChart(lang: Lang, r: Results, mc: MonteCarlo | null, measure: Measure = 'benefits'): ChartData {
  const tx = t(lang);
  const n = (v: number) => formatNumber(lang, v);
  const x = r.months.map((m) => m.month);
  const last = r.months.length - 1;
  const people = measure === 'people';
  const without = r.months.map((m) => (people ? m.people_without_programmes : m.benefits_without_programmes));
  const main = r.months.map((m) => (people ? m.people : m.benefits));
  return {
    x,
    xTitle: tx.colMonth,
    xFormat: (m) => shortMonth(lang, m),
    lines: [
      { label: people ? tx.colPeople : tx.seriesBenefits, color: '#1d4ed8', values: main },
      { label: tx.seriesWithout, color: '#4b5563', dash: [6, 4], values: without },
    ],
    bands: bands(lang, mc, people ? 'people' : 'benefits'),
    format: n,
    // The start figure is the headline's (the caseload before the first month), not the first
    // month's point, so that one screen gives one start figure.
    summary: tx.caseloadSummary(people ? tx.colPeople.toLowerCase() : tx.seriesBenefits.toLowerCase(), n(people ? r.summary.people_start : r.summary.benefits_start), formatMonth(lang, x[last] ?? ''), n(main[last] ?? 0), n(without[last] ?? 0), mc ? tx.bandNote(n(mc.runs), String(mc.seed)) : ''),
  };
}

/** Exits to work per month, with and without programmes. */
export function exitsChart(lang: Lang, r: Results, mc: MonteCarlo | null): ChartData {
  const tx = t(lang);
  return {
    x: r.months.map((m) => m.month),
    xTitle: tx.colMonth,
    xFormat: (m) => shortMonth(lang, m),
    lines: [
      { label: tx.colToWork, color: '#047857', values: r.months.map((m) => m.exits_to_work) },
      { label: tx.seriesWithout, color: '#4b5563', dash: [6, 4], values: r.months.map((m) => m.exits_to_work_without_programmes) },
    ],
    bands: bands(lang, mc, 'exits_to_work'),
    format: (v) => formatNumber(lang, v, 1),
    // Whole people, as the headline says them (3.496 against 3.477: 19 extra, not 18,6).
    summary: tx.exitsSummary(formatNumber(lang, r.summary.exits_to_work, 0), formatNumber(lang, r.summary.exits_to_work_without_programmes, 0), formatNumber(lang, r.summary.extra_exits_to_work, 0)),
  };
}

/** Cumulative saving (gross and kept) against cost, with the payback month marked. */
export function moneyChart(lang: Lang, r: Results): ChartData {
  const tx = t(lang);
  const cum = cumulative(r);
  const pay = r.summary.payback_month;
  return {
    x: r.months.map((m) => m.month),
    xTitle: tx.colMonth,
    xFormat: (m) => shortMonth(lang, m),
    lines: [
      { label: tx.colGross, color: '#1d4ed8', values: cum.gross },
      { label: tx.colKept, color: '#047857', values: cum.kept },
      { label: tx.colCost, color: '#b91c1c', values: cum.cost, dash: [2, 3] },
    ],
    bands: [],
    marker: pay === null ? undefined : { index: pay - 1, label: tx.paybackMark(pay) },
    format: (v) => formatEur(lang, v),
    axisFormat: moneyAxis(lang, [...cum.gross, ...cum.kept, ...cum.cost]),
    summary: tx.moneySummary(formatEur(lang, r.summary.gross_saving_eur), formatEur(lang, r.summary.saving_after_feedback_eur), formatEur(lang, r.summary.programme_cost_eur), pay === null ? tx.none : tx.afterMonths(pay)),
  };
}

/**
 * Money axis labels on one scale: in millions when the amounts reach a million ("€ 0,75 mln",
 * "€ 1,75 mln"; compact notation mixed "€ 750K" with "€ 1,75 mln." on one axis), else whole euros.
 */
function moneyAxis(lang: Lang, values: number[]): (v: number) => string {
  const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  if (largest < 1e6) return (v) => formatEur(lang, v);
  const millions = numberFormat(lang, { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2 });
  const unit = lang === 'nl' ? ' mln' : 'm';
  return (v) => `${millions.format(v / 1e6)}${unit}`;
}
