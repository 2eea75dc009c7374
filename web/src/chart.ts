// Line charts with uPlot (canvas; the Monte Carlo bands are built in), each inside a figure
// with its text alternative: a one-sentence summary and the data as a table.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
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
/** uPlot's defaults for an axis' tick length and the gap between tick and label (CSS px). */
const TICK = 10;
const GAP = 5;

/** Internals of a uPlot axis after a draw: its size and its labels with their positions. */
type DrawnAxis = uPlot.Axis & { _size?: number; _splits?: number[]; _values?: (string | null)[] };

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

/**
 * What a uPlot instance is built for: the lines and their style, the bands' fills, the size of
 * type. Data with the same shape is drawn by the same plot through setData (formats, labels
 * and the marker are read from the data at each draw); another shape needs a new plot.
 */
function shapeOf(d: ChartData, thick: boolean): string {
  const bands = Array.from({ length: BAND_SLOTS }, (_, i) => d.bands[i]?.color ?? '');
  return JSON.stringify([thick, d.lines.map((l) => [l.color, l.dash ?? null, l.width ?? null]), bands]);
}

export class LineChart {
  private plot: uPlot | null = null;
  private current: ChartData | null = null;
  private readonly canvas: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly details: HTMLDetailsElement;
  private readonly legend: HTMLElement;
  private thick = false;
  private visible = true;
  /** New data not yet drawn (the chart was out of sight). */
  private stale = false;
  /** The series the plot was built for (see {@link shapeOf}). */
  private shape = '';
  private legendKey = '';
  /**
   * The y range the last bands needed, and what they were of (the lines and months): while the
   * next bands are computed (`pending`, after an edit, a second or so) the axis keeps it, rather
   * than zooming in on the lines and out again when the bands come back, which made a small
   * change look dramatic on a projector.
   */
  private held: { of: string; range: [number, number] } | null = null;
  /** The axis font of the plot on screen. */
  private font = '';

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
    new ResizeObserver(() => this.plot?.setSize(this.size())).observe(this.canvas);
    // A chart scrolled out of sight is redrawn when it comes back, not on every slider step.
    new IntersectionObserver(([entry]) => {
      this.visible = entry?.isIntersecting ?? true;
      if (this.visible && this.stale) this.plotData();
    }).observe(this.canvas);
  }

  /** The numbers drawn: x index, each line, then each band's upper and lower edge. */
  data(): number[][] {
    if (this.stale) this.plotData();
    return (this.plot?.data ?? []).map((s) => Array.from(s as ArrayLike<number>));
  }

  /** The axes as drawn (x, then y), for the tests: labels must fit and not overlap. */
  axes(): AxisLayout[] {
    if (this.stale) this.plotData();
    const u = this.plot;
    if (!u) return [];
    return u.axes.map((a, i) => {
      const axis = a as DrawnAxis;
      const splits = axis._splits ?? [];
      const scale = i === 0 ? 'x' : 'y';
      return {
        size: axis._size ?? 0,
        labels: (axis._values ?? []).flatMap((text, k) => (text == null || splits[k] === undefined ? [] : [{ text, at: u.valToPos(splits[k], scale), width: textWidth(this.font, text) }])),
      };
    });
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
    this.rebuild();
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
      this.legend.replaceChildren(...d.lines.map((l) => key(l.label, l.color, l.dash ? 'dashed' : 'line')), ...d.bands.map((b) => key(b.label, b.color, 'band')));
    }
    if (this.details.open) this.fillTable();
    this.stale = true;
    if (this.visible) this.plotData();
  }

  /**
   * Draw the data on screen: new numbers go to the plot (uPlot's setData, one redraw); only a
   * change of the series themselves (lines, their style, bands appearing) builds a new plot.
   */
  private plotData(): void {
    this.stale = false;
    const d = this.current;
    if (!d) return;
    if (this.plot && this.shape === shapeOf(d, this.thick)) this.plot.setData(this.aligned(d));
    else this.rebuild();
  }

  private aligned(d: ChartData): uPlot.AlignedData {
    const none = d.x.map(() => null);
    const bands: (number | null)[][] = [];
    for (let i = 0; i < BAND_SLOTS; i++) {
      const b = d.bands[i];
      bands.push(b?.upper ?? none, b?.lower ?? none);
    }
    return [d.x.map((_, i) => i), ...d.lines.map((l) => l.values), ...bands];
  }

  private rebuild(): void {
    this.plot?.destroy();
    this.plot = null;
    const d = this.current;
    if (!d) return;
    this.shape = shapeOf(d, this.thick);
    // The plot lives on through new data (setData): what it shows is read from `this.current`.
    const now = (): ChartData => this.current ?? d;
    const w = this.thick ? 2 : 1;
    const value = (_u: uPlot, v: number | null) => (v == null ? '' : now().format(v));
    const bandSeries: uPlot.Series[] = [];
    const bands: uPlot.Band[] = [];
    for (let i = 0; i < BAND_SLOTS; i++) {
      const b = d.bands[i];
      const at = 1 + d.lines.length + 2 * i;
      const edge = (end: string): uPlot.Series => ({ label: `${b?.label ?? ''} ${end}`, stroke: 'transparent', width: 0, points: { show: false }, value });
      bandSeries.push(edge('↑'), edge('↓'));
      bands.push({ series: [at, at + 1], fill: b?.color ?? 'transparent' });
    }
    const font = this.thick ? '18px system-ui, sans-serif' : '12px system-ui, sans-serif';
    this.font = font;
    // The y axis is as wide as its widest label (€ 1,75 mln. needs more room than 4.650); the
    // months on the x axis keep their own width apart, in large type too.
    const ySize = (_u: uPlot, values: (string | null)[] | null) => Math.ceil(Math.max(40, ...(values ?? []).map((v) => (v == null ? 0 : textWidth(font, v)))) + TICK + GAP + 4);
    const xText = (i: number | null) => {
      const x = i == null ? undefined : now().x[i];
      return x === undefined ? '' : (now().xFormat ?? String)(x);
    };
    // As wide as the widest label of the first year (month names differ in width).
    const xSpace = () => Math.ceil(Math.max(30, ...now().x.slice(0, 12).map((_, i) => textWidth(font, xText(i)))) * 1.3 + 8);
    const opts: uPlot.Options = {
      ...this.size(),
      scales: { x: { time: false }, y: { range: (_u, min, max) => this.yRange(min, max) } },
      // The legend is ours (below): uPlot's would list each band edge as a series.
      legend: { show: false },
      axes: [
        // Months fall on quarters, half years and years (uPlot's 1-2-5 steps gave every 10th).
        { font, space: xSpace, values: (_u, ticks) => ticks.map(xText), ...(d.xFormat ? { incrs: [1, 3, 6, 12, 24, 60, 120, 240] } : {}) },
        { font, size: ySize, values: (_u, ticks) => ticks.map((v) => (now().axisFormat ?? now().format)(v)) },
      ],
      series: [
        { label: d.xTitle, value: (_u, i) => xText(i) },
        ...d.lines.map((l) => ({ label: l.label, stroke: l.color, width: (l.width ?? 2) * (this.thick ? 2.5 : 1), dash: l.dash, value })),
        ...bandSeries,
      ],
      bands,
      // The marker (the payback month) is read at each draw: it comes and goes with the data.
      hooks: {
        draw: [
          (u: uPlot) => {
            const marker = now().marker;
            if (!marker) return;
            const x = Math.round(u.valToPos(marker.index, 'x', true));
            const ctx = u.ctx;
            ctx.save();
            ctx.strokeStyle = '#047857';
            ctx.lineWidth = 2 * w;
            ctx.setLineDash([4, 4]);
            ctx.beginPath();
            ctx.moveTo(x, u.bbox.top);
            ctx.lineTo(x, u.bbox.top + u.bbox.height);
            ctx.stroke();
            ctx.fillStyle = '#047857';
            ctx.font = font;
            ctx.fillText(marker.label, x + 6, u.bbox.top + 16 * w);
            ctx.restore();
          },
        ],
      },
    };
    this.plot = new uPlot(opts, this.aligned(d), this.canvas);
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

  /** uPlot's own y range (10% padding), over the held band range while bands are missing. */
  private yRange(min: number | null, max: number | null): uPlot.Range.MinMax {
    const d = this.current;
    if (min == null || max == null || !d) return [min, max];
    const of = `${d.x.length}|${d.lines.map((l) => l.label).join('|')}`;
    if (d.bands.length > 0) this.held = { of, range: [min, max] };
    else if (d.pending && this.held?.of === of) [min, max] = [Math.min(min, this.held.range[0]), Math.max(max, this.held.range[1])];
    else this.held = null;
    return uPlot.rangeNum(min, max, 0.1, true);
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
