// *Overzicht*: the caseload with its bands and the counterfactual, exits to work, cumulative
// saving against cost with the payback month, and five headline sentences.
import { LineChart, type Band } from '../chart';
import type { MonteCarlo, Results, Stats } from '../core';
import { el } from '../dom';
import { numberControl } from '../fields';
import { formatEur, formatNumber, headline, t, type Lang } from '../i18n';
import type { Ctx, View } from './context';

/** The assumptions with a slider on this view (all are under *Aannames*). */
const CONTROLS = ['growth_pct', 'benefit_cost_month_eur'];

type Measure = 'benefits' | 'people';

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

export class OverviewView implements View {
  private measure: Measure = 'benefits';
  private caseload!: LineChart;
  private exits!: LineChart;
  private money!: LineChart;
  private headline!: HTMLElement;
  private notes!: HTMLElement;
  private budget!: HTMLElement;

  constructor(private readonly ctx: Ctx) {}

  charts(): LineChart[] {
    return [this.caseload, this.exits, this.money];
  }

  mount(host: HTMLElement): void {
    const { lang, core } = this.ctx;
    const tx = t(lang);
    const controls = CONTROLS.flatMap((id) => {
      const spec = core.params.param.find((p) => p.id === id);
      if (!spec) return [];
      const value = this.ctx.scenario.set[id] ?? spec.default;
      const presetValue = this.ctx.preset?.scenario.set[id] ?? spec.default;
      return [
        numberControl({
          id: `param-${id}`,
          spec,
          lang,
          value,
          edited: value !== presetValue,
          apply: (v) =>
            this.ctx.edit((s) => {
              s.set[id] = v;
            }),
        }),
      ];
    });
    this.headline = el('ol', { id: 'headline', className: 'headline' });
    this.headline.setAttribute('aria-live', 'polite');
    this.notes = el('aside', { id: 'notes', className: 'notes', hidden: true });
    this.budget = el('p', { id: 'budget', className: 'overallocated', hidden: true });
    this.budget.setAttribute('role', 'status');
    this.caseload = new LineChart('chart', tx.chartTitle, tx.showTable);
    this.exits = new LineChart('chart-exits', tx.exitsTitle, tx.showTable);
    this.money = new LineChart('chart-money', tx.moneyTitle, tx.showTable);
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
        el('section', { className: 'results' }, el('h2', { id: 'headline-title' }, tx.headlineTitle), this.headline, this.budget, this.notes, toggle, this.caseload.figure, this.exits.figure, this.money.figure),
      ),
    );
    this.update();
  }

  update(): void {
    const r = this.ctx.results;
    if (!r) return;
    const { lang } = this.ctx;
    const tx = t(lang);
    const mc = this.ctx.uncertainty;
    const x = r.months.map((m) => m.month);
    const n = (v: number) => formatNumber(lang, v);
    const last = r.months.length - 1;
    this.headline.replaceChildren(...headline(lang, r, mc).map((line) => el('li', {}, line)));

    const people = this.measure === 'people';
    // People without programmes: each municipality's counterfactual benefits times its people
    // per benefit (a fixed ratio per municipality in the core, written out in the scenario).
    // Live runs leave the municipalities' months out; then the line is left out too.
    const ratio = (id: string) => r.scenario.set[`people_per_benefit.${id}`] ?? 0;
    const detailed = r.municipalities.every((mun) => mun.months.length === r.months.length);
    const without = r.months.map((m, i) => (people ? r.municipalities.reduce((sum, mun) => sum + (mun.months[i]?.benefits_without_programmes ?? 0) * ratio(mun.id), 0) : m.benefits_without_programmes));
    const main = r.months.map((m) => (people ? m.people : m.benefits));
    this.caseload.draw({
      x,
      xTitle: tx.colMonth,
      lines: [
        { label: people ? tx.colPeople : tx.seriesBenefits, color: '#1d4ed8', values: main },
        ...(people && !detailed ? [] : [{ label: tx.seriesWithout, color: '#6b7280', dash: [6, 4], values: without }]),
      ],
      bands: bands(lang, mc, people ? 'people' : 'benefits'),
      format: n,
      summary: tx.caseloadSummary(people ? tx.colPeople.toLowerCase() : tx.seriesBenefits.toLowerCase(), n(main[0] ?? 0), x[last] ?? '', n(main[last] ?? 0), n(without[last] ?? 0), mc ? tx.bandNote(mc.runs, String(mc.seed)) : ''),
    });
    const exits = r.months.map((m) => m.exits_to_work);
    const exitsWithout = r.months.map((m) => m.exits_to_work_without_programmes);
    this.exits.draw({
      x,
      xTitle: tx.colMonth,
      lines: [
        { label: tx.colToWork, color: '#047857', values: exits },
        { label: tx.seriesWithout, color: '#6b7280', dash: [6, 4], values: exitsWithout },
      ],
      bands: bands(lang, mc, 'exits_to_work'),
      format: (v) => formatNumber(lang, v, 1),
      summary: tx.exitsSummary(formatNumber(lang, r.summary.exits_to_work, 0), formatNumber(lang, r.summary.exits_to_work_without_programmes, 0), formatNumber(lang, r.summary.extra_exits_to_work, 1)),
    });
    const cum = cumulative(r);
    const pay = r.summary.payback_month;
    this.money.draw({
      x,
      xTitle: tx.colMonth,
      lines: [
        { label: tx.colGross, color: '#1d4ed8', values: cum.gross },
        { label: tx.colKept, color: '#047857', values: cum.kept },
        { label: tx.colCost, color: '#b91c1c', values: cum.cost, dash: [2, 3] },
      ],
      bands: [],
      marker: pay === null ? undefined : { index: pay - 1, label: tx.paybackMark(pay) },
      format: (v) => formatEur(lang, v),
      summary: tx.moneySummary(formatEur(lang, r.summary.gross_saving_eur), formatEur(lang, r.summary.saving_after_feedback_eur), formatEur(lang, r.summary.programme_cost_eur), pay === null ? tx.none : tx.afterMonths(pay)),
    });

    const notes = this.notes;
    notes.hidden = r.notes.length === 0;
    notes.replaceChildren(el('h3', {}, tx.notesTitle), ...r.notes.map((note) => el('p', {}, `${note.source}: ${lang === 'nl' ? note.nl : note.en}`)));
    const over = r.budget && Number(r.budget.overallocation_eur) > 0 ? r.budget : null;
    this.budget.hidden = !over;
    this.budget.textContent = over ? tx.overallocated(formatEur(lang, over.overallocation_eur), formatEur(lang, over.allocated_eur), formatEur(lang, over.available_eur)) : '';
  }

  /** The caseload chart's numbers (for the tests). */
  chartData(): number[][] {
    return this.caseload.data();
  }
}
