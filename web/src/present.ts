// Presentation mode: for a council session on a projector. Full screen, large type, thick
// lines, high contrast; one chart and its headline at a time. Arrow keys step through the saved
// scenarios (the story) and the charts, B toggles the bands, A the assumptions in use, Escape
// leaves.
import { LineChart } from './chart';
import { caseloadChart, exitsChart, moneyChart } from './charts';
import type { Core, MonteCarlo, Results, Scenario } from './core';
import { attrs, el, setText } from './dom';
import { formatNumber, headlineParts, horizonNote, label, programmeName, source, t, unit, type Lang } from './i18n';

/** What presentation mode needs from the page. */
export interface PresentHost {
  readonly lang: Lang;
  readonly core: Core;
  readonly scenario: Scenario;
  readonly results: Results | null;
  readonly uncertainty: MonteCarlo | null;
  /** No Monte Carlo yet, and one on its way (not failed). */
  readonly bandsComing: boolean;
  /** The scenario's name and its place in the story (1-based) and the story's length. */
  story(): { name: string; at: number; of: number };
  /** Show the next (+1) or previous (-1) saved scenario. */
  step(by: 1 | -1): void;
  /** The saved scenario on screen. */
  readonly shownId: string;
  /** The presentation ended; it started on `startId`. */
  presented(startId: string): void;
}

const CHARTS = ['caseload', 'exits', 'money'] as const;

export class Presentation {
  private root: HTMLElement | null = null;
  private chart: LineChart | null = null;
  /** Says each new slide (scenario and chart) to a screen reader: one element kept across slides, as a live region must be. */
  private readonly said = attrs(el('p', { className: 'visually-hidden' }), { 'aria-live': 'polite' });
  private which = 0;
  private bands = true;
  private assumptions = false;
  private returnFocus: HTMLElement | null = null;
  /** The page's parts made inert while presenting (given back on leaving). */
  private inerted: HTMLElement[] = [];
  private readonly onKey = (e: KeyboardEvent) => this.key(e);
  /** Whether this presentation got full screen: only then does leaving it end the presentation
   * (a late exit from the one before must not close a new one). */
  private full = false;
  /** The scenario on screen when the presentation started. */
  private startId = '';
  private readonly onFull = () => (document.fullscreenElement ? (this.full = true) : this.full && this.stop());
  /** What each key does, in the order of the key line's buttons (a tablet has no keys). */
  private readonly actions = [() => this.step(-1), () => this.step(1), () => this.turn(1), () => this.toggle('bands'), () => this.toggle('assumptions'), () => this.stop()];

  /** Another scenario, its slide from the top (a tall slide scrolled down stayed so). */
  private step(by: 1 | -1): void {
    if (this.root) this.root.scrollTop = 0;
    this.host.step(by);
  }

  constructor(private readonly host: PresentHost) {}

  get open(): boolean {
    return this.root !== null;
  }

  start(): void {
    if (this.root) return;
    this.startId = this.host.shownId;
    const tx = t(this.host.lang);
    this.returnFocus = document.activeElement as HTMLElement | null;
    this.root = attrs(el('div', { id: 'presentation', className: 'presentation', tabIndex: -1 }), { role: 'dialog', 'aria-modal': 'true', 'aria-label': tx.present });
    // The page behind is inert while presenting: Tab stays in the overlay instead of moving,
    // unseen, onto the controls under it.
    this.inerted = [...document.body.children].filter((e): e is HTMLElement => e instanceof HTMLElement && !e.inert);
    for (const e of this.inerted) e.inert = true;
    document.body.append(this.root);
    document.body.classList.add('presenting');
    document.addEventListener('keydown', this.onKey, true);
    // Full screen where the browser allows it; the overlay fills the window either way. Leaving
    // full screen by the browser's own means (Esc, a swipe on a tablet) leaves the presentation.
    this.full = false;
    document.addEventListener('fullscreenchange', this.onFull);
    document.documentElement.requestFullscreen?.().catch(() => {});
    this.render();
    this.root.focus();
  }

  stop(): void {
    if (!this.root) return;
    document.removeEventListener('keydown', this.onKey, true);
    document.removeEventListener('fullscreenchange', this.onFull);
    this.root.remove();
    this.root = null;
    for (const e of this.inerted) e.inert = false;
    this.inerted = [];
    this.chart = null;
    document.body.classList.remove('presenting');
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    // Stepping to another scenario redraws the page: the control that opened the presentation
    // may have been replaced by its new copy (same id).
    const back = this.returnFocus?.isConnected ? this.returnFocus : document.getElementById(this.returnFocus?.id || 'present');
    back?.focus();
    this.host.presented(this.startId);
  }

  private key(e: KeyboardEvent): void {
    const k = e.key;
    // Space and Enter press a focused key button, as on any button.
    if ((k === ' ' || k === 'Enter') && (e.target as Element).closest?.('.keys')) return;
    const act = (f: () => void) => {
      e.preventDefault();
      e.stopPropagation();
      f();
    };
    const [left, right, down, bands, assumptions, leave] = this.actions;
    // A slide higher than the screen (a projector at 200% zoom) scrolls with Page Up/Down and
    // Space before they change the slide: its middle was out of the keyboard's reach.
    const root = this.root;
    const more = root && root.scrollHeight > root.clientHeight + 1;
    if (more && (k === 'PageDown' || k === ' ') && root.scrollTop + root.clientHeight < root.scrollHeight - 1) act(() => root.scrollBy(0, root.clientHeight * 0.8));
    else if (more && k === 'PageUp' && root.scrollTop > 0) act(() => root.scrollBy(0, -root.clientHeight * 0.8));
    else if (k === 'Escape') act(leave!);
    else if (k === 'ArrowRight' || k === 'PageDown' || k === ' ') act(right!);
    else if (k === 'ArrowLeft' || k === 'PageUp') act(left!);
    else if (k === 'ArrowDown') act(down!);
    else if (k === 'ArrowUp') act(() => this.turn(-1));
    else if (k === 'b' || k === 'B') act(bands!);
    else if (k === 'a' || k === 'A') act(assumptions!);
  }

  private toggle(what: 'bands' | 'assumptions'): void {
    this[what] = !this[what];
    this.render();
  }

  private turn(by: number): void {
    if (this.root) this.root.scrollTop = 0;
    this.which = (this.which + by + CHARTS.length) % CHARTS.length;
    this.chart = null;
    this.render();
  }

  /** Redraw with the page's current scenario and results. */
  render(): void {
    const root = this.root;
    if (!root) return;
    const { lang, results: r } = this.host;
    const tx = t(lang);
    const story = this.host.story();
    const which = CHARTS[this.which]!;
    const mc = this.bands ? this.host.uncertainty : null;
    // At most two lines, then cut (a long name pushed the key line off a 720-pixel projector;
    // cut to one, "Meerssen variant wethouder – lag…" lost what told it apart).
    const title = el('h2', { id: 'presentation-title', title: story.name, className: story.name.length > 45 ? 'long' : '' }, story.name);
    const place = el('p', { className: 'place' }, tx.storyPlace(story.at, story.of));
    if (!r) {
      root.replaceChildren(title, place, el('p', {}, tx.computing(0, 1)));
      return;
    }
    const data = which === 'caseload' ? caseloadChart(lang, r, mc) : which === 'exits' ? exitsChart(lang, r, mc) : moneyChart(lang, r);
    // Bands on and on their way: the axis keeps their last range (see `LineChart`).
    const coming = this.bands && this.host.bandsComing;
    if (which !== 'money') data.pending = coming;
    const chartTitle = which === 'caseload' ? tx.chartTitle : which === 'exits' ? tx.exitsTitle : tx.moneyTitle;
    if (!this.chart) {
      this.chart = new LineChart('present-chart', chartTitle, tx.showTable);
      this.chart.setThick(true);
    }
    const parts = headlineParts(lang, r, mc);
    const lines = (which === 'caseload' ? [parts.caseload, parts.shock] : which === 'exits' ? [parts.exits] : [parts.saving, parts.net, parts.payback]).filter((l): l is string => !!l);
    setText(this.said, `${story.name}: ${chartTitle}`);
    const body: (Node | string)[] = [this.said, title, place, this.chart.figure, el('ul', { className: 'present-headline', id: 'present-headline' }, ...lines.map((l) => el('li', {}, joinMinus(l))))];
    // The money slide says when late programme starts save mostly after the run.
    const late = which === 'money' ? horizonNote(lang, r) : '';
    if (late) body.push(el('p', { className: 'present-ranges', id: 'present-horizon' }, late));
    // What the figures in brackets are, where a slide has them.
    // Bands on but not yet computed (after a change): said, so that the ranges appearing a
    // second later are not a surprise.
    const ranges = which !== 'money' || !!parts.net ? (mc ? tx.rangesNote(formatNumber(lang, mc.runs), String(mc.seed)) : coming ? tx.bandsComing : '') : '';
    if (ranges) body.push(el('p', { className: 'present-ranges', id: 'present-ranges' }, ranges));
    if (this.assumptions) body.push(this.assumptionList());
    // The key line is buttons too, for a touch screen (and Tab and Enter); the keys go on
    // working wherever the focus is in the overlay, and a redrawn button keeps it.
    const keys = tx.presentKeys(this.bands).map((text, i) => {
      const b = el('button', { type: 'button', id: `present-key-${i}` }, text);
      b.onclick = this.actions[i]!;
      return b;
    });
    body.push(el('p', { className: 'keys' }, ...keys));
    const had = document.activeElement?.id;
    root.replaceChildren(...body);
    if (had?.startsWith('present-key')) document.getElementById(had)?.focus();
    root.classList.toggle('with-assumptions', this.assumptions);
    this.chart.draw(data);
  }

  /** The assumptions in use that differ from the defaults, and the programmes. */
  private assumptionList(): HTMLElement {
    const { lang, core, scenario } = this.host;
    const tx = t(lang);
    const items = core.params.param
      .filter((p) => scenario.set[p.id] !== undefined && scenario.set[p.id] !== p.default)
      .map((p) => el('li', {}, `${label(lang, p)}: ${formatNumber(lang, scenario.set[p.id]!, 2)}${unit(lang, p).startsWith('%') ? '' : ' '}${unit(lang, p)} (${tx.colDefault.toLowerCase()} ${formatNumber(lang, p.default, 2)}; ${shortSource(source(lang, p))})`));
    for (const prog of scenario.programmes) {
      items.push(el('li', {}, tx.programmeInUse(programmeName(lang, core.catalogue, prog), formatNumber(lang, prog.participants ?? 0), formatNumber(lang, prog.cost_per_participant_eur ?? 0), formatNumber(lang, prog.effect_pct ?? 0, 1))));
    }
    return el('section', { className: 'present-assumptions', id: 'present-assumptions' }, el('h3', {}, tx.assumptionsInUse), items.length ? el('ul', {}, ...items) : el('p', {}, tx.allDefaults));
  }
}

/**
 * A minus sign kept with its amount: "-€4,899,205" may otherwise break after the "-", which
 * on a projector reads as a gain (a word joiner, U+2060, forbids that break).
 */
function joinMinus(text: string): string {
  return text.replace(/-(?=€)/g, '-\u2060');
}

/**
 * A source as a projector shows it: its reference, up to the first colon ("seed 000 §2, §3",
 * "aanname"); the whole text is in Aannames.
 */
function shortSource(text: string): string {
  const at = text.indexOf(': ');
  return at > 0 ? text.slice(0, at) : text;
}
