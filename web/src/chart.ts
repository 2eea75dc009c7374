// The caseload chart, drawn with uPlot (canvas; bands are built in for the later fan charts).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Results } from './core';
import { formatNumber, t, type Lang } from './i18n';

export class CaseloadChart {
  private plot: uPlot | null = null;
  private months: string[] = [];

  constructor(
    private readonly el: HTMLElement,
    private lang: Lang,
  ) {
    new ResizeObserver(() => this.plot?.setSize(this.size())).observe(el);
  }

  /** The numbers the chart currently draws: x (month index) and the stock series. */
  data(): number[][] {
    return (this.plot?.data ?? []).map((s) => Array.from(s as ArrayLike<number>));
  }

  setLang(lang: Lang, results: Results): void {
    this.lang = lang;
    this.plot?.destroy();
    this.plot = null;
    this.update(results);
  }

  update(results: Results): void {
    this.months = results.months.map((m) => m.month);
    const data: uPlot.AlignedData = [
      results.months.map((_, i) => i),
      results.months.map((m) => m.stock_end),
    ];
    if (this.plot) {
      this.plot.setData(data);
      return;
    }
    const lang = this.lang;
    const opts: uPlot.Options = {
      ...this.size(),
      scales: { x: { time: false } },
      axes: [
        {
          values: (_u, ticks) => ticks.map((i) => this.months[i] ?? ''),
        },
        {
          size: 70,
          values: (_u, ticks) => ticks.map((v) => formatNumber(lang, v)),
        },
      ],
      series: [
        { label: t(lang).colMonth, value: (_u, i) => (i == null ? '' : (this.months[i] ?? '')) },
        {
          label: t(lang).seriesStock,
          stroke: '#1d4ed8',
          width: 2,
          value: (_u, v) => (v == null ? '' : formatNumber(lang, v)),
        },
      ],
    };
    this.plot = new uPlot(opts, data, this.el);
  }

  private size(): { width: number; height: number } {
    const width = Math.max(320, this.el.clientWidth || 640);
    return { width, height: Math.round(Math.min(420, width * 0.5)) };
  }
}
