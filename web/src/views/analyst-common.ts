// What the analyst views share: an analysis of the scenario on screen computed once in the
// worker (again only when the scenario changes), and small SVG bar charts. Every chart is a
// picture with a label; the numbers are always in a table next to it.
import type { Scenario } from '../core';
import { CoreError } from '../core';
import { attrs, el } from '../dom';
import { inputErrorMessage, type Lang } from '../i18n';
import { ta } from '../i18n-analyst';
import { Cancelled } from '../runner';
import type { Ctx, View } from './context';

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes (presentation attributes, never `style`: the CSP refuses it). */
export function svg(tag: string, values: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(values)) e.setAttribute(k, String(v));
  e.append(...children);
  return e;
}

/** The words of a failure, in the user's language. */
export function failure(lang: Lang, e: unknown): string {
  // One problem a line (the status keeps the line breaks): a data file may have twenty.
  // The values here are mostly what the user typed (a budget, a data file's cells): kept as typed.
  if (e instanceof CoreError && e.details.length) return e.details.map((d) => inputErrorMessage(lang, d, true)).join('\n');
  return `${ta(lang).failed}: ${e instanceof Error ? e.message : String(e)}`;
}

/**
 * One analysis of a scenario: started when the scenario differs from the one computed (or being
 * computed), its result kept until the scenario changes. A job that a newer long job cancelled
 * is started again at the next `ensure`.
 */
export class Analysis<T> {
  result: T | null = null;
  error: string | null = null;
  private key = '';
  private pending = '';

  constructor(private readonly compute: (scenario: Scenario) => Promise<T>, private readonly onChange: () => void) {}

  /** Start the analysis of `scenario` unless it is done or running; true when it is done. */
  ensure(scenario: Scenario, lang: Lang): boolean {
    const key = JSON.stringify(scenario);
    if (key === this.key) return true;
    if (key === this.pending) return false;
    this.pending = key;
    this.result = null;
    this.error = null;
    // After the page's own reaction to the same results (which may cancel long jobs).
    window.setTimeout(() => {
      if (this.pending !== key) return;
      this.compute(scenario)
        .then((r) => {
          if (this.pending !== key) return;
          this.result = r;
          this.key = key;
          this.pending = '';
          this.onChange();
        })
        .catch((e: unknown) => {
          if (this.pending !== key) return;
          this.pending = '';
          if (e instanceof Cancelled) {
            this.onChange();
            return;
          }
          this.key = key;
          this.error = failure(lang, e);
          this.onChange();
        });
    }, 0);
    return false;
  }
}

/** A status line for a view's analysis: computing, failed, or empty. */
export function status(lang: Lang, id: string): HTMLElement {
  const p = el('p', { id, className: 'analysis-status' }, ta(lang).computing);
  attrs(p, { role: 'status', 'aria-live': 'polite' });
  return p;
}

/** A table with a header row and rows (the first cell a row header), numbers aligned right. */
export function dataTable(id: string, head: string[], rows: string[][], caption?: string): HTMLTableElement {
  const t = el(
    'table',
    { id, className: 'data analyst' },
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map(([first, ...rest]) => el('tr', {}, el('th', { scope: 'row' }, first ?? ''), ...rest.map((v) => el('td', {}, v))))),
  );
  if (caption) t.prepend(el('caption', {}, caption));
  return t;
}

/** One bar of a waterfall: a step up or down from the running total, or the total itself. */
export interface Step {
  label: string;
  value: number;
  total?: boolean;
}

/** A waterfall chart: each step floats from the running total; totals stand on zero. */
export function waterfall(id: string, steps: Step[], label: string, format: (v: number) => string): SVGElement {
  const width = 720;
  const row = 30;
  const left = 300;
  const right = 110;
  const height = steps.length * row + 10;
  let running = 0;
  const spans = steps.map((s) => {
    if (s.total) return { from: 0, to: s.value };
    const from = running;
    running += s.value;
    return { from, to: running };
  });
  const all = spans.flatMap((s) => [s.from, s.to]).concat(0);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const scale = (v: number) => left + ((v - lo) / Math.max(1, hi - lo)) * (width - left - right);
  const chart = svg('svg', { id, viewBox: `0 0 ${width} ${height}`, class: 'waterfall', role: 'img', 'aria-label': label });
  chart.append(svg('line', { x1: scale(0), x2: scale(0), y1: 0, y2: height, class: 'axis' }));
  steps.forEach((s, i) => {
    const { from, to } = spans[i]!;
    const y = 5 + i * row;
    const x = Math.min(scale(from), scale(to));
    const w = Math.max(1, Math.abs(scale(to) - scale(from)));
    const kind = s.total ? 'total' : s.value >= 0 ? 'up' : 'down';
    chart.append(
      svg('text', { x: left - 8, y: y + row / 2 + 4, 'text-anchor': 'end', class: 'label' }, s.label),
      svg('rect', { x, y: y + 4, width: w, height: row - 8, class: `bar ${kind}` }),
      svg('text', { x: Math.max(scale(from), scale(to)) + 6, y: y + row / 2 + 4, class: 'value' }, format(s.value)),
    );
  });
  return chart;
}

/**
 * A view of one analysis of the scenario on screen, computed in the worker: it mounts, asks
 * `analysis` for the result and draws it again only when the result changes (so the keyboard
 * focus stays where it is while nothing changed). Subclasses draw in `update`.
 */
export abstract class AnalysisView<T> implements View {
  protected host: HTMLElement | null = null;
  /** The result on screen. */
  protected shown: unknown = null;
  protected readonly analysis: Analysis<T>;

  constructor(
    protected readonly ctx: Ctx,
    compute: (scenario: Scenario) => Promise<T>,
  ) {
    this.analysis = new Analysis(compute, () => this.update());
  }

  data(): unknown {
    return this.analysis.result;
  }

  mount(host: HTMLElement): void {
    this.host = host;
    this.shown = null;
    this.update();
  }

  abstract update(): void;
}
