// The caseload chart, drawn with uPlot (canvas; bands are built in for the later fan charts).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Results } from './core';
import { formatNumber, t, type Lang } from './i18n';

/** The Monte Carlo's percentiles of the caseload, month by month. */
export interface Band {
  p5: (number | null)[];
  p25: (number | null)[];
  p75: (number | null)[];
  p95: (number | null)[];
}

export class CaseloadChart {
  private plot: uPlot | null = null;
  private months: string[] = [];

  constructor(
    private readonly el: HTMLElement,
    private lang: Lang,
  ) {
    new ResizeObserver(() => this.plot?.setSize(this.size())).observe(el);
  }

  /** The numbers the chart draws: x (month index), benefits, benefits without programmes. */
  data(): number[][] {
    return (this.plot?.data ?? []).map((s) => Array.from(s as ArrayLike<number>));
  }

  setLang(lang: Lang, results: Results, band?: Band): void {
    this.lang = lang;
    this.plot?.destroy();
    this.plot = null;
    this.update(results, band);
  }

  /** Draw a run; `band` adds the Monte Carlo's P5-P95 of the caseload when it belongs to it. */
  update(results: Results, band?: Band): void {
    this.months = results.months.map((m) => m.month);
    const none = results.months.map(() => null);
    const data: uPlot.AlignedData = [
      results.months.map((_, i) => i),
      results.months.map((m) => m.benefits),
      results.months.map((m) => m.benefits_without_programmes),
      band?.p95 ?? none,
      band?.p5 ?? none,
      band?.p75 ?? none,
      band?.p25 ?? none,
    ];
    if (this.plot) {
      this.plot.setData(data);
      return;
    }
    const lang = this.lang;
    const tx = t(lang);
    const value = (_u: uPlot, v: number | null) => (v == null ? '' : formatNumber(lang, v));
    const opts: uPlot.Options = {
      ...this.size(),
      scales: { x: { time: false } },
      axes: [
        { values: (_u, ticks) => ticks.map((i) => this.months[i] ?? '') },
        { size: 70, values: (_u, ticks) => ticks.map((v) => formatNumber(lang, v)) },
      ],
      series: [
        { label: tx.colMonth, value: (_u, i) => (i == null ? '' : (this.months[i] ?? '')) },
        { label: tx.seriesBenefits, stroke: '#1d4ed8', width: 2, value },
        { label: tx.seriesWithout, stroke: '#6b7280', width: 2, dash: [6, 4], value },
        { label: 'P95', stroke: 'rgba(29, 78, 216, 0.35)', width: 1, value },
        { label: 'P5', stroke: 'rgba(29, 78, 216, 0.35)', width: 1, value },
        { label: 'P75', stroke: 'rgba(29, 78, 216, 0.5)', width: 1, value },
        { label: 'P25', stroke: 'rgba(29, 78, 216, 0.5)', width: 1, value },
      ],
      // The 90% band (P5-P95) and, darker inside it, the 50% band (P25-P75).
      bands: [
        { series: [3, 4], fill: 'rgba(29, 78, 216, 0.10)' },
        { series: [5, 6], fill: 'rgba(29, 78, 216, 0.18)' },
      ],
    };
    this.plot = new uPlot(opts, data, this.el);
  }

  private size(): { width: number; height: number } {
    const width = Math.max(320, this.el.clientWidth || 640);
    return { width, height: Math.round(Math.min(400, width * 0.5)) };
  }
}
