// *Overzicht*: the caseload with its bands and the counterfactual, five headline sentences,
// exits to work, and the cumulative saving against cost with the payback month.
import { LineChart } from '../chart';
import { caseloadChart, exitsChart, moneyChart, type Measure } from '../charts';
import { attrs, el, setText } from '../dom';
import { markEdited, numberControl } from '../fields';
import { formatEur, formatMonth, formatNumber, headline, horizonNote, keyFigures, programmeName, t } from '../i18n';
import type { ParamSpec, Programme, Scenario } from '../core';
import type { Ctx, View } from './context';

/** The assumptions with a slider on this view (all are under *Aannames*). */
const CONTROLS = ['growth_pct', 'benefit_cost_month_eur'];

/** The fewest months that keep every programme's start inside the run, and the programme
 * that starts last. */
function shortestHorizon(s: Scenario): { months: number; programme: Programme | null; start: string } {
  const index = (month: string) => {
    const m = /^(\d{4})-(\d{2})$/.exec(month);
    return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : 0;
  };
  let need: { months: number; programme: Programme | null; start: string } = { months: 1, programme: null, start: s.start };
  for (const p of s.programmes) {
    const start = p.start ?? s.start;
    const months = index(start) - index(s.start) + 1;
    if (months > need.months) need = { months, programme: p, start };
  }
  return need;
}

/** The run's length as a control: not an assumption about the world but the period the
 * figures count, 1 to 180 months as the scenario file allows (the core checks it). */
function horizonSpec(presetMonths: number): ParamSpec {
  return {
    id: 'months',
    group: 'scenario',
    label_nl: 'Looptijd',
    label_en: 'Horizon',
    unit_nl: 'maanden',
    unit_en: 'months',
    default: presetMonths,
    min: 1,
    max: 180,
    low: 12,
    high: 180,
    step: 1,
    slider_max: null,
    whole: true,
    distribution: 'fixed',
    evidence: 'assumption',
    source: `a choice: the months the figures count (the starting point has ${presetMonths}); what programmes save after the last month is not counted`,
    source_nl: `een keuze: de maanden die de cijfers tellen (het uitgangspunt heeft er ${presetMonths}); wat programma's na de laatste maand besparen, telt niet mee`,
  };
}

export class OverviewView implements View {
  private measure: Measure = 'benefits';
  private caseload!: LineChart;
  private exits!: LineChart;
  private money!: LineChart;
  private noMoney!: HTMLElement;
  private headline!: HTMLElement;
  private shock!: HTMLElement;
  private notes!: HTMLElement;
  private budget!: HTMLElement;
  private keys!: HTMLElement;
  /** The key figures for a screen reader, said once the results have settled (a second after
   * the last run): the headline itself changes at every slider step and is not live. */
  private said!: HTMLElement;
  private sayTimer = 0;
  private horizon!: HTMLElement;
  /** The notes shown (their sources and texts), to rebuild them only when they change. */
  private notesKey = '';
  /** Each control with whether its value differs from the preset's, marked after every run. */
  private marks: { control: HTMLElement; edited: () => boolean }[] = [];

  constructor(private readonly ctx: Ctx) {}

  charts(): LineChart[] {
    return [this.caseload, this.exits, this.money];
  }

  mount(host: HTMLElement): void {
    const { lang, core } = this.ctx;
    const tx = t(lang);
    this.marks = [];
    const controls = CONTROLS.flatMap((id) => {
      const spec = core.params.param.find((p) => p.id === id);
      if (!spec) return [];
      const valueNow = () => this.ctx.scenario.set[id] ?? spec.default;
      const presetNow = () => this.ctx.preset?.scenario.set[id] ?? spec.default;
      const value = valueNow();
      const control = numberControl({
        id: `param-${id}`,
        spec,
        lang,
        value,
        edited: value !== presetNow(),
        apply: (v) =>
          this.ctx.edit((s) => {
            s.set[id] = v;
          }, `param-${id}`),
        done: () => this.ctx.endBurst(),
      });
      this.marks.push({ control, edited: () => valueNow() !== presetNow() });
      return [control];
    });
    // The horizon: how many months the run counts (a programme's late cohorts cost inside it
    // and save mostly after it, see `horizonNote`).
    const monthsNow = () => this.ctx.scenario.months;
    const monthsPreset = () => this.ctx.preset?.scenario.months ?? monthsNow();
    const horizon = numberControl({
      id: 'param-months',
      spec: horizonSpec(monthsPreset()),
      lang,
      value: monthsNow(),
      edited: monthsNow() !== monthsPreset(),
      apply: (v) => {
        // Too short for a programme's start: said as the horizon's range, naming the programme
        // (the core names the programme's start, once per programme cut off).
        const need = shortestHorizon(this.ctx.scenario);
        if (v < need.months && need.programme) return tx.horizonTooShort(formatNumber(lang, v), need.months, programmeName(lang, core.catalogue, need.programme), formatMonth(lang, need.start));
        return this.ctx.edit((s) => {
          s.months = v;
        }, 'param-months');
      },
      done: () => this.ctx.endBurst(),
    });
    this.marks.push({ control: horizon, edited: () => monthsNow() !== monthsPreset() });
    controls.push(horizon);
    this.headline = el('ol', { id: 'headline', className: 'headline' });
    this.said = attrs(el('p', { className: 'visually-hidden', id: 'overview-said' }), { 'aria-live': 'polite' });
    this.shock = el('p', { id: 'headline-shock', className: 'headline-shock' });
    this.notes = el('aside', { id: 'notes', className: 'notes', hidden: true });
    this.notesKey = '';
    this.budget = el('p', { id: 'budget', className: 'overallocated', hidden: true });
    this.keys = el('p', { id: 'key-figures', className: 'key-figures', hidden: true });
    this.horizon = el('p', { id: 'horizon-note', className: 'warn' });
    this.noMoney = el('p', { id: 'no-money', className: 'source', hidden: true });
    this.budget.setAttribute('role', 'status');
    const cite = () => this.ctx.citeLine();
    const labels = { png: tx.downloadPng, svg: tx.downloadSvg };
    this.caseload = new LineChart('chart', tx.chartTitle, tx.showTable, cite, labels);
    this.exits = new LineChart('chart-exits', tx.exitsTitle, tx.showTable, cite, labels);
    this.money = new LineChart('chart-money', tx.moneyTitle, tx.showTable, cite, labels);
    const toggle = el('div', { className: 'measure', role: 'radiogroup' });
    toggle.setAttribute('aria-label', tx.measure);
    for (const m of ['benefits', 'people'] as const) {
      const input = el('input', { type: 'radio', name: 'measure', id: `measure-${m}`, value: m, checked: m === this.measure });
      input.addEventListener('change', () => {
        this.measure = m;
        this.update();
      });
      toggle.append(el('label', { htmlFor: input.id }, input, ` ${m === 'benefits' ? tx.colBenefits : tx.colPeople}`));
    }
    host.replaceChildren(
      el(
        'div',
        { className: 'overview' },
        el('section', { className: 'controls', ariaLabel: tx.controls }, el('h2', {}, tx.controls), ...controls, el('p', { className: 'source' }, tx.moreControls)),
        // The key figures and the caseload chart first, so that a 1280×720 screen shows both
        // without scrolling; the headline right under them; the papers' notes after the charts.
        el(
          'section',
          { className: 'results' },
          this.keys,
          this.said,
          toggle,
          this.caseload.figure,
          this.budget,
          el('h2', { id: 'headline-title' }, tx.headlineTitle),
          this.shock,
          this.headline,
          this.horizon,
          this.exits.figure,
          this.money.figure,
          this.noMoney,
          this.notes,
        ),
      ),
    );
    this.update();
  }

  update(): void {
    for (const { control, edited } of this.marks) markEdited(control, edited());
    const r = this.ctx.results;
    if (!r) return;
    const { lang } = this.ctx;
    const tx = t(lang);
    const mc = this.ctx.uncertainty;
    // Live runs come several times a second while a slider moves: only what changed is
    // touched, so the browser lays out only the sentences and figures that differ.
    // The three answers a council asks first, above the chart; the sentences below explain them.
    const s = r.summary;
    this.keys.hidden = s.participants <= 0;
    const keys = keyFigures(lang, r, mc);
    setText(this.keys, keys);
    const { lines, shock } = headline(lang, r, mc);
    clearTimeout(this.sayTimer);
    this.sayTimer = window.setTimeout(() => setText(this.said, keys || lines[0] || ''), 1000);
    setText(this.shock, shock);
    this.shock.hidden = !shock;
    const items = this.headline.children;
    if (items.length !== lines.length) this.headline.replaceChildren(...lines.map((line) => el('li', {}, line)));
    else lines.forEach((line, i) => setText(items[i]!, line));
    // Bands on their way: the axes keep their last range meanwhile (see `LineChart`).
    const pending = this.ctx.bandsComing;
    this.caseload.draw({ ...caseloadChart(lang, r, mc, this.measure), pending });
    this.exits.draw({ ...exitsChart(lang, r, mc), pending });
    // Without participants the money chart would be three lines at zero: a sentence says why.
    this.money.figure.hidden = s.participants <= 0;
    this.noMoney.hidden = s.participants > 0;
    setText(this.noMoney, tx.noMoney);
    if (s.participants > 0) this.money.draw(moneyChart(lang, r));

    const notes = r.notes.map((note) => `${note.source}: ${lang === 'nl' ? note.nl : note.en}`);
    const key = JSON.stringify(notes);
    if (key !== this.notesKey) {
      this.notesKey = key;
      this.notes.hidden = notes.length === 0;
      this.notes.replaceChildren(el('h3', {}, tx.notesTitle), ...notes.map((note) => el('p', {}, note)));
    }
    setText(this.horizon, horizonNote(lang, r));
    const over = r.budget && Number(r.budget.overallocation_eur) > 0 ? r.budget : null;
    this.budget.hidden = !over;
    setText(this.budget, over ? tx.overallocated(formatEur(lang, over.overallocation_eur), formatEur(lang, over.allocated_eur), formatEur(lang, over.available_eur)) : '');
  }

  /** The caseload chart's numbers (for the tests). */
  chartData(): (number | null)[][] {
    return this.caseload.data();
  }
}
