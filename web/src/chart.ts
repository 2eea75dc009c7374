// Line charts drawn as SVG (the Monte Carlo bands as areas under the lines), each inside a
// figure with its text alternative: a one-sentence summary and the data as a table. Drawn here
// rather than with a chart library: uPlot was 22 KB of the page's 400 KB gzip budget, and a
// chart of a few lines over at most 180 months needs axes, lines, areas and one marker.
import { attrs, el, setText, table } from './dom';
import { download, fileName } from './share';
import { chartSvg, svgToPng } from './svg';

/** One line. `values` may hold nulls (no value that month). */
export interface Line {
  label: string;
  color: string;
  values: (number | null)[];
  dash?: number[];
  width?: number;
}

/** A band between two percentiles, drawn under the lines. */
export interface Band {
  label: string;
  color: string;
  lower: (number | null)[];
  upper: (number | null)[];
}

export interface ChartData {
  /** Labels of the x axis (months, `2021-01`). */
  x: string[];
  lines: Line[];
  /** Outer band first. */
  bands: Band[];
  /** No bands yet, but they are being computed: the y axis keeps the last bands' range. */
  pending?: boolean;
  /** A month to mark with a vertical line (for example the payback month), by index. */
  marker?: { index: number; label: string };
  format: (v: number) => string;
  /** The y axis' labels, when shorter than `format` (€ 1,6 mln. rather than € 1.645.000). */
  axisFormat?: (v: number) => string;
  /** The summary read out instead of the picture. */
  summary: string;
  /** Column title of the x values in the data table. */
  xTitle: string;
  /** An x value as the axis and the cursor show it ("jan 2021" for `2021-01`); the data table
   * keeps the values as they are. */
  xFormat?: (x: string) => string;
}

/** How many bands a chart has room for; missing ones are drawn empty. */
const BAND_SLOTS = 2;
/** An axis' tick length and the gap between tick and label (CSS px). */
const TICK = 10;
const GAP = 5;
/** Steps of the month axis (quarters, half years, years…) and of numbers (1-2-2,5-5). */
const MONTH_STEPS = [1, 3, 6, 12, 24, 60, 120, 240];
const INDEX_STEPS = [1, 2, 5, 10, 20, 50, 100, 200];
const NUMBER_STEPS = [1, 2, 2.5, 5];

/** What an axis shows, for the tests: its size and each label's text, place and width (CSS px). */
export interface AxisLayout {
  size: number;
  labels: { text: string; at: number; width: number }[];
}

/** The charts by id, the latest of each (for the tests' look at the axes). */
const charts = new Map<string, LineChart>();

/** The chart on the page with this id, if any. */
export function chartById(id: string): LineChart | undefined {
  return charts.get(id);
}

let measurer: CanvasRenderingContext2D | null = null;

/** The width of a text in a CSS font, in CSS pixels. */
function textWidth(font: string, text: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 8;
  measurer.font = font;
  return measurer.measureText(text).width;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * The smallest step that puts ticks at least `px` apart at `ppu` px a unit: one of `steps`
 * × 10^k when `decimal`, else one of `steps` (or a multiple of the last).
 */
function step(ppu: number, px: number, steps: number[], decimal: boolean): number {
  if (!(ppu > 0)) return Infinity;
  const need = px / ppu;
  if (!decimal) return steps.find((s) => s >= need) ?? steps[steps.length - 1]! * Math.ceil(need / steps[steps.length - 1]!);
  const mag = 10 ** Math.floor(Math.log10(need));
  return [...steps, 10].map((s) => s * mag).find((s) => s >= need)!;
}

/** The y axis' range for data from min to max: 10% room each side, on a round value, and not
 * below zero for figures that are not (as uPlot's `rangeNum(min, max, 0.1, true)`). */
function padded(min: number, max: number): [number, number] {
  const delta = max - min;
  const span = delta || Math.abs(max) || 1000;
  const round = 10 ** Math.floor(Math.log10(span)) / 10;
  const pad = span * (delta ? 0.1 : min === 0 ? 0.1 : 1);
  let lo = Math.floor((min - pad) / round) * round;
  let hi = Math.ceil((max + pad) / round) * round;
  if (min >= 0 && lo < 0) lo = 0;
  if (max <= 0 && hi > 0) hi = 0;
  [lo, hi] = [Number(lo.toPrecision(12)), Number(hi.toPrecision(12))];
  // All at zero (a money chart without programmes), or flatter than the rounding: a range.
  return hi > lo ? [lo, hi] : [lo, lo + (Math.abs(lo) || 100)];
}

export class LineChart {
  private current: ChartData | null = null;
  private readonly canvas: HTMLElement;
  private readonly plot: SVGSVGElement;
  private readonly summary: HTMLElement;
  private readonly details: HTMLDetailsElement;
  private readonly legend: HTMLElement;
  private thick = false;
  private visible = true;
  /** New data not yet drawn (the chart was out of sight). */
  private stale = false;
  private legendKey = '';
  /** The numbers drawn (see {@link data}) and the axes as drawn (see {@link axes}). */
  private drawn: (number | null)[][] = [];
  private drawnAxes: AxisLayout[] = [];
  /**
   * The y range the last bands needed, and what they were of (the lines and months): while the
   * next bands are computed (`pending`, after an edit, a second or so) the axis keeps it, rather
   * than zooming in on the lines and out again when the bands come back, which made a small
   * change look dramatic on a projector.
   */
  private held: { of: string; range: [number, number] } | null = null;

  readonly figure: HTMLElement;

  /**
   * @param cite the "cite this result" line (version, scenario, fingerprint) that every
   * downloaded picture carries; `labels` the words of the download buttons.
   */
  constructor(
    id: string,
    private readonly title: string,
    tableTitle: string,
    private readonly cite: () => string = () => '',
    labels: { png: string; svg: string } = { png: 'PNG', svg: 'SVG' },
  ) {
    this.canvas = attrs(el('div', { className: 'chart', id }), { role: 'img' });
    this.plot = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    this.plot.setAttribute('class', 'plot');
    this.plot.setAttribute('aria-hidden', 'true');
    this.canvas.append(this.plot);
    charts.set(id, this);
    this.summary = el('p', { className: 'chart-summary', id: `${id}-summary` });
    this.canvas.setAttribute('aria-describedby', this.summary.id);
    // Named with its chart for a screen reader: three "Toon de cijfers als tabel" in a row said nothing.
    this.details = el('details', { className: 'chart-table' }, el('summary', {}, tableTitle, el('span', { className: 'visually-hidden' }, `: ${title}`)));
    // The table is built only when someone opens it: it is long, and the chart redraws often.
    this.details.addEventListener('toggle', () => this.fillTable());
    this.legend = el('ul', { className: 'legend' });
    attrs(this.legend, { 'aria-hidden': 'true' });
    const button = (text: string, what: string, action: () => void) => {
      const b = attrs(el('button', { type: 'button', className: 'small', id: `${id}-${what}` }, text), { 'aria-label': `${text}: ${title}` });
      b.addEventListener('click', action);
      return b;
    };
    const tools = el(
      'div',
      { className: 'chart-tools' },
      button(labels.svg, 'svg', () => this.current && download(fileName(title, 'svg'), 'image/svg+xml', this.svg())),
      button(labels.png, 'png', () => void this.png()),
    );
    this.figure = el('figure', { className: 'figure' }, el('figcaption', { id: `${id}-title` }, title), this.canvas, this.legend, tools, this.summary, this.details);
    this.canvas.setAttribute('aria-label', title);
    // Drawn again at a new width (the drawing is in CSS pixels, its type stays its size).
    let width = 0;
    new ResizeObserver(() => {
      if (this.canvas.clientWidth !== width || this.thick) {
        width = this.canvas.clientWidth;
        if (this.current) this.plotData();
      }
    }).observe(this.canvas);
    // A chart scrolled out of sight is redrawn when it comes back, not on every slider step.
    new IntersectionObserver(([entry]) => {
      this.visible = entry?.isIntersecting ?? true;
      if (this.visible && this.stale) this.plotData();
    }).observe(this.canvas);
  }

  /** The numbers drawn: x index, each line, then each band's upper and lower edge. */
  data(): (number | null)[][] {
    if (this.stale) this.plotData();
    return this.drawn;
  }

  /** The axes as drawn (x, then y), for the tests: labels must fit and not overlap. */
  axes(): AxisLayout[] {
    if (this.stale) this.plotData();
    return this.drawnAxes;
  }

  /** The one-sentence summary of what is drawn. */
  summaryText(): string {
    return this.current?.summary ?? '';
  }

  /** The chart as a standalone SVG document, with its title, legend and cite line. */
  svg(width = 960, height = 540): string {
    return this.current ? chartSvg(this.current, this.title, this.cite(), width, height) : '';
  }

  private async png(): Promise<void> {
    if (!this.current) return;
    download(fileName(this.title, 'png'), 'image/png', await svgToPng(this.svg(), 960, 540));
  }

  /** Thick lines and large type, for presentation mode. */
  setThick(thick: boolean): void {
    if (this.thick === thick) return;
    this.thick = thick;
    if (this.current) this.plotData();
  }

  draw(d: ChartData): void {
    this.current = d;
    setText(this.summary, d.summary);
    // The legend changes only with the lines (a language, a measure, bands coming or going).
    const legend = JSON.stringify([d.lines.map((l) => [l.label, l.color, !!l.dash]), d.bands.map((b) => [b.label, b.color])]);
    if (legend !== this.legendKey) {
      this.legendKey = legend;
      const key = (label: string, color: string, kind: string) => {
        const swatch = el('span', { className: `swatch ${kind}` });
        swatch.style.borderColor = color;
        swatch.style.background = kind === 'band' ? color : 'transparent';
        return el('li', {}, swatch, label);
      };
      // A short first dash reads as dots (the compared C line, the cost line).
      const style = (l: Line) => (!l.dash ? 'line' : l.dash[0]! <= 2 ? 'dotted' : 'dashed');
      this.legend.replaceChildren(...d.lines.map((l) => key(l.label, l.color, style(l))), ...d.bands.map((b) => key(b.label, b.color, 'band')));
    }
    if (this.details.open) this.fillTable();
    this.stale = true;
    if (this.visible) this.plotData();
  }

  /** Draw the data on screen: axes, bands, lines and the marker, in one SVG. */
  private plotData(): void {
    this.stale = false;
    const d = this.current;
    if (!d) return;
    const none = d.x.map(() => null);
    const bands: (number | null)[][] = [];
    for (let i = 0; i < BAND_SLOTS; i++) bands.push(d.bands[i]?.upper ?? none, d.bands[i]?.lower ?? none);
    const series = [...d.lines.map((l) => l.values), ...bands];
    this.drawn = [d.x.map((_, i) => i), ...series];

    const { width, height } = this.size();
    const w = this.thick ? 2.5 : 1;
    const size = this.thick ? 18 : 12;
    const font = `${size}px system-ui, sans-serif`;
    // The y range: the data's, padded, over the held band range while bands are on their way.
    let [min, max] = [Infinity, -Infinity];
    for (const s of series) for (const v of s) if (v != null && Number.isFinite(v)) [min, max] = [Math.min(min, v), Math.max(max, v)];
    if (min > max) [min, max] = [0, 1];
    const of = `${d.x.length}|${d.lines.map((l) => l.label).join('|')}`;
    if (d.bands.length > 0) this.held = { of, range: [min, max] };
    else if (d.pending && this.held?.of === of) [min, max] = [Math.min(min, this.held.range[0]), Math.max(max, this.held.range[1])];
    else this.held = null;
    const [lo, hi] = padded(min, max);
    const top = size;
    const xSize = TICK + GAP + size * 2;
    const bottom = height - xSize;
    const ppy = (bottom - top) / (hi - lo || 1);
    const yStep = step(ppy, size * 2.5, NUMBER_STEPS, true);
    const yTicks: number[] = [];
    // Counted, not summed: a step below the numbers' precision cannot loop.
    for (let k = Math.ceil(lo / yStep); k * yStep <= hi + yStep * 1e-9 && yTicks.length < 50; k++) yTicks.push(Number((k * yStep).toPrecision(12)));
    const yText = yTicks.map((v) => (d.axisFormat ?? d.format)(v));
    const yWidths = yText.map((t) => textWidth(font, t));
    // The y axis is as wide as its widest label (€ 1,75 mln. needs more room than 4.650).
    const ySize = Math.ceil(Math.max(40, ...yWidths) + TICK + GAP + 4);
    const xText = (i: number) => (d.xFormat ?? String)(d.x[i] ?? '');
    const first = d.x.slice(0, 12).map((_, i) => textWidth(font, xText(i)));
    // Room on the right for half the widest of the first and the last label.
    const right = width - Math.ceil(Math.max(12, ...first, textWidth(font, xText(d.x.length - 1))) / 2);
    const n = Math.max(1, d.x.length - 1);
    const ppx = (right - ySize) / n;
    // Months fall on quarters, half years and years, as wide apart as the first year's labels.
    const xStep = step(ppx, Math.ceil(Math.max(30, ...first) * 1.3 + 8), d.xFormat ? MONTH_STEPS : INDEX_STEPS, false);
    const X = (i: number) => ySize + i * ppx;
    const Y = (v: number) => bottom - (v - lo) * ppy;
    const f = (v: number) => v.toFixed(1);
    const parts: string[] = [];
    const xLabels: AxisLayout['labels'] = [];
    for (let i = 0; i < d.x.length; i += xStep) {
      const text = xText(i);
      xLabels.push({ text, at: X(i) - ySize, width: textWidth(font, text) });
      parts.push(`<line x1="${f(X(i))}" x2="${f(X(i))}" y1="${top}" y2="${bottom + TICK}" stroke="#e5e7eb"/><text x="${f(X(i))}" y="${bottom + TICK + GAP + size}" text-anchor="middle">${esc(text)}</text>`);
    }
    yTicks.forEach((v, k) => parts.push(`<line x1="${ySize - TICK}" x2="${f(right)}" y1="${f(Y(v))}" y2="${f(Y(v))}" stroke="#e5e7eb"/><text x="${ySize - TICK - GAP}" y="${f(Y(v) + size * 0.35)}" text-anchor="end">${esc(yText[k]!)}</text>`));
    // A month without a (finite) value is a gap in the line and in the band.
    const gap = (v: number | null | undefined): v is null | undefined => v == null || !Number.isFinite(v);
    const path = (vs: (number | null)[]) => vs.map((v, i) => (gap(v) ? '' : `${gap(vs[i - 1]) ? 'M' : 'L'}${f(X(i))},${f(Y(v))}`)).join('');
    d.bands.forEach((b) => {
      // An area per stretch of months with both edges.
      let upper: string[] = [];
      let lower: string[] = [];
      const flush = () => {
        if (upper.length) parts.push(`<polygon points="${[...upper, ...lower.reverse()].join(' ')}" fill="${b.color}"/>`);
        [upper, lower] = [[], []];
      };
      b.upper.forEach((u, i) => {
        const l = b.lower[i];
        if (gap(u) || gap(l)) return flush();
        upper.push(`${f(X(i))},${f(Y(u))}`);
        lower.push(`${f(X(i))},${f(Y(l))}`);
      });
      flush();
    });
    for (const l of d.lines) parts.push(`<path d="${path(l.values)}" fill="none" stroke="${l.color}" stroke-width="${(l.width ?? 2) * w}"${l.dash ? ` stroke-dasharray="${l.dash.join(' ')}"` : ''}/>`);
    if (d.marker) {
      const x = f(X(d.marker.index));
      // In the right third the label goes left of the line, so it is not cut at the edge.
      const left = d.marker.index > n * (2 / 3);
      parts.push(`<line x1="${x}" x2="${x}" y1="${top}" y2="${bottom}" stroke="#047857" stroke-width="${2 * w}" stroke-dasharray="4 4"/><text x="${Number(x) + (left ? -6 : 6)}" y="${top + 16 * w}" fill="#047857"${left ? ' text-anchor="end"' : ''}>${esc(d.marker.label)}</text>`);
    }
    attrs(this.plot, { width: String(width), height: String(height), viewBox: `0 0 ${width} ${height}`, 'font-size': String(size), 'font-family': 'system-ui, sans-serif' });
    this.plot.innerHTML = parts.join('');
    this.drawnAxes = [
      { size: xSize, labels: xLabels },
      { size: ySize, labels: yText.map((text, k) => ({ text, at: Y(yTicks[k]!) - top, width: yWidths[k]! })) },
    ];
  }

  private fillTable(): void {
    const d = this.current;
    if (!d || !this.details.open) return;
    const head = [d.xTitle, ...d.lines.map((l) => l.label), ...d.bands.flatMap((b) => [`${b.label} ↓`, `${b.label} ↑`])];
    const cell = (v: number | null | undefined) => (v == null ? '–' : d.format(v));
    const rows = d.x.map((x, i) => [x, ...d.lines.map((l) => cell(l.values[i])), ...d.bands.flatMap((b) => [cell(b.lower[i]), cell(b.upper[i])])]);
    const t = table('data', head, rows);
    this.details.querySelector('table')?.remove();
    this.details.append(t);
  }

  private size(): { width: number; height: number } {
    const width = Math.max(320, this.canvas.clientWidth || 640);
    // On a projector the chart takes the height its place leaves (presentation mode's layout
    // gives it what the title, headline and keys do not need), else part of the window.
    const room = this.canvas.clientHeight;
    const height = this.thick ? (room > 0 ? Math.min(room, width * 0.6) : Math.min(width * 0.5, window.innerHeight * 0.42)) : Math.min(360, width * 0.42);
    // A place given by the layout has its own floor (its CSS min-height), which holds on a small
    // screen (a projector at 200% zoom): a taller chart would run over the legend under it.
    return { width, height: Math.round(Math.max(this.thick && room > 0 ? 0 : 200, height)) };
  }
}
