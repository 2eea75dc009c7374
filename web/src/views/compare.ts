// *Vergelijken*: two to four saved scenarios (or presets) side by side: their caseloads and net
// results overlaid, a table of differences against the first, and the chance that one saves
// more than another over paired Monte Carlo runs (`caseflow compare`).
import { LineChart } from '../chart';
import type { Comparison, Results, Scenario } from '../core';
import { attrs, el, refill, scrollBox, setText } from '../dom';
import { formatEur, formatNumber, method, numberFormat, shortMonth, t } from '../i18n';
import { ta } from '../i18n-analyst';
import { Cancelled } from '../runner';
import { comparePicks, keepComparePicks } from '../store';
import { dataTable, failure } from './analyst-common';
import type { Ctx, View } from './context';
import { cumulative } from '../charts';

/** The Monte Carlo of the page's bands: the same runs and seed. */
const RUNS = 1000;
const SEED = 1;
const SLOTS = 4;
const COLORS = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed'];
/** Each scenario's line also has its own pattern: colour alone does not tell them apart
 * (red and green to a colour-blind reader, any of them in black and white). */
const DASHES: (number[] | undefined)[] = [undefined, [8, 4], [2, 3], [10, 3, 2, 3]];

interface Choice {
  /** `saved:ID` or `preset:ID`. */
  value: string;
  name: string;
  scenario: Scenario;
  preset?: string;
}

interface Outcome {
  choices: Choice[];
  comparison: Comparison;
  results: Results[];
}

export class CompareView implements View {
  private host!: HTMLElement;
  /** The picks, kept in the browser: a tablet closed and opened again shows the comparison. */
  private picked: string[] = comparePicks();
  /** Whether the kept picks still await their comparison (run when the view first shows). */
  private pending = this.picked.filter(Boolean).length >= 2;
  private outcome: Outcome | null = null;
  private busy = false;
  private error = '';
  private charts_: LineChart[] = [];
  /** Said to a screen reader once a comparison starts and once it ends (the progress is not). */
  private readonly said = attrs(el('p', { className: 'visually-hidden', id: 'compare-said' }), { role: 'status' });
  /** Counts comparisons started: only the latest one's answer is shown. */
  private job = 0;

  constructor(private readonly ctx: Ctx) {}

  data(): unknown {
    return this.outcome ? { comparison: this.outcome.comparison, summaries: this.outcome.results.map((r) => r.summary) } : null;
  }

  charts(): LineChart[] {
    return this.charts_;
  }

  private choices(): Choice[] {
    const { lang, core } = this.ctx;
    return [
      // Saved scenarios by the names the page shows: one changed from its preset but still of
      // its name says "(gewijzigd)", so "A: Corona…" against "B: Corona…" can be told apart.
      ...this.ctx.savedScenarios().map((s) => ({ value: `saved:${s.id}`, name: s.name, scenario: s.scenario })),
      ...core.catalogue.presets.map((p) => ({ value: `preset:${p.id}`, name: lang === 'nl' ? p.name_nl : p.name_en, scenario: p.scenario, preset: p.id })),
    ];
  }

  mount(host: HTMLElement): void {
    this.host = host;
    // Kept picks of which two still exist are compared at once (a deleted one is just unpicked).
    const all = this.choices();
    if (this.pending && this.picked.filter((v) => all.some((c) => c.value === v)).length >= 2) this.run();
    else this.render();
    this.pending = false;
  }

  update(): void {
    // The comparison is computed on request; new results of the scenario on screen change nothing.
  }

  private run(): void {
    const tx = ta(this.ctx.lang);
    const all = this.choices();
    const chosen = this.picked.map((v) => all.find((c) => c.value === v)).filter((c): c is Choice => !!c);
    if (chosen.length < 2) {
      // The result of another choice would read as this one's: it goes.
      this.outcome = null;
      this.error = tx.cmpNeedTwo;
      this.render();
      return;
    }
    this.busy = true;
    this.error = '';
    this.render();
    const job = ++this.job;
    const total = RUNS * chosen.length;
    this.ctx
      .long<{ comparison: Comparison; results: Results[] }>({ kind: 'compare', scenarios: chosen.map((c) => c.scenario), runs: RUNS, seed: SEED }, (done) => {
        const bar = document.getElementById('compare-progress') as HTMLProgressElement | null;
        if (bar) bar.value = done;
        const text = document.getElementById('compare-status');
        if (text) text.textContent = ta(this.ctx.lang).cmpRunning(done, total);
      })
      .then((r) => {
        if (job === this.job) this.outcome = { choices: chosen, ...r };
      })
      .catch((e: unknown) => {
        if (job !== this.job) return;
        // Stopped by an edit of a scenario in it, or another analysis: said, not left blank.
        this.error = e instanceof Cancelled ? ta(this.ctx.lang).cmpStopped : failure(this.ctx.lang, e);
      })
      .finally(() => {
        if (job !== this.job) return;
        this.busy = false;
        this.render();
      });
  }

  private render(): void {
    const { lang } = this.ctx;
    const tx = ta(lang);
    const all = this.choices();
    if (this.picked.length === 0) this.picked = [all[0]?.value ?? '', ''];
    // A pick deleted since is unpicked (and so not counted in the progress bar's runs).
    this.picked = this.picked.map((v) => (all.some((c) => c.value === v) ? v : ''));
    // A result whose scenario has since been deleted or changed no longer answers for it.
    const current = (c: Choice) => all.find((a) => a.value === c.value);
    if (this.outcome?.choices.some((c) => JSON.stringify(current(c)?.scenario) !== JSON.stringify(c.scenario))) this.outcome = null;
    const selects = Array.from({ length: SLOTS }, (_, i) => {
      const select = el('select', { id: `compare-${i}` }, el('option', { value: '' }, tx.cmpNone));
      const group = (label: string, items: Choice[]) => el('optgroup', { label }, ...items.map((c) => el('option', { value: c.value, selected: this.picked[i] === c.value }, c.name)));
      select.append(group(t(lang).scenario, all.filter((c) => !c.preset)), group(t(lang).preset, all.filter((c) => c.preset)));
      select.addEventListener('change', () => {
        this.picked[i] = select.value;
        keepComparePicks(this.picked);
      });
      return el('p', {}, el('label', { htmlFor: select.id }, `${tx.cmpPick(i)} `), select);
    });
    // Not `disabled` while comparing: a disabled button drops the keyboard focus.
    const go = attrs(el('button', { type: 'button', id: 'compare-run' }, tx.cmpRun), { 'aria-disabled': String(this.busy) });
    go.addEventListener('click', () => this.busy || this.run());
    const total = RUNS * Math.max(2, this.picked.filter(Boolean).length);
    const progress = el('progress', { id: 'compare-progress', max: total, value: 0, hidden: !this.busy });
    const text = el('span', { id: 'compare-status' }, this.busy ? tx.cmpRunning(0, total) : '');
    const parts: Node[] = [el('h2', {}, tx.cmpTitle), el('p', {}, tx.cmpIntro), el('div', { className: 'compare-pick' }, ...selects), el('p', {}, go, ' ', progress, ' ', text), this.said];
    if (this.error) parts.push(attrs(el('p', { className: 'error', id: 'compare-error' }, this.error), { role: 'alert' }));
    this.charts_ = [];
    if (this.outcome) parts.push(...this.result(this.outcome));
    refill(this.host, ...parts);
    setText(this.said, this.busy ? tx.cmpRunning(0, total) : this.outcome && !this.error ? (document.getElementById('compare-chances')?.textContent ?? '') : '');
  }

  /** The CLI command giving the same comparison, when every scenario is an unchanged preset. */
  private command(o: Outcome): string {
    const presets = o.choices.map((c) => c.preset ?? this.presetOf(c.scenario));
    const args = presets.every(Boolean) ? presets.map((p) => ` --preset ${p}`).join('') : o.choices.map((_, i) => ` --scenario ${String.fromCharCode(97 + i)}.toml`).join('');
    return `caseflow compare${args} --runs ${o.comparison.runs} --seed ${o.comparison.seed}`;
  }

  /** The preset whose scenario this is, unchanged. */
  private presetOf(s: Scenario): string | undefined {
    const text = JSON.stringify(s);
    return this.ctx.core.catalogue.presets.find((p) => JSON.stringify(p.scenario) === text)?.id;
  }

  private result(o: Outcome): Node[] {
    const { lang } = this.ctx;
    const tx = ta(lang);
    const e = (v: string | number) => formatEur(lang, v);
    const n = (v: number, d = 0) => formatNumber(lang, v, d);
    // Each scenario under its letter, in the legends and sentences too: two saved scenarios
    // (or a saved one and its preset) may have the same name.
    const letter = (i: number) => String.fromCharCode(65 + i);
    // Names as they are now (a preset's in the page's language, a renamed scenario's new name).
    const all = this.choices();
    const names = o.choices.map((c, i) => `${letter(i)}: ${all.find((a) => a.value === c.value)?.name ?? c.name}`);
    // The charts' months are the calendar from the first scenario's start to the last one's end,
    // every month (the chart spaces points by their index): each scenario stands at its own
    // months (a pilot of 2018 beside a programme of 2025), with gaps where it has none.
    const covered = o.results.flatMap((r) => r.months.map((m) => m.month)).sort();
    const x: string[] = [];
    if (covered.length) {
      const [y0, m0] = covered[0]!.split('-').map(Number) as [number, number];
      const last = covered[covered.length - 1]!;
      for (let k = 0; ; k++) {
        const month = `${y0 + Math.floor((m0 - 1 + k) / 12)}-${String(((m0 - 1 + k) % 12) + 1).padStart(2, '0')}`;
        x.push(month);
        if (month >= last) break;
      }
    }
    const at = (r: Results) => {
      const index = new Map(r.months.map((m, k) => [m.month, k]));
      return (month: string) => index.get(month);
    };
    const caseload = new LineChart('chart-compare', tx.cmpChartTitle, t(lang).showTable);
    caseload.draw({
      x,
      xTitle: t(lang).colMonth,
      xFormat: (m) => shortMonth(lang, m),
      lines: o.results.map((r, i) => {
        const k = at(r);
        return { label: names[i]!, color: COLORS[i]!, dash: DASHES[i], values: x.map((m) => r.months[k(m) ?? -1]?.benefits ?? null) };
      }),
      bands: [],
      format: (v) => n(v),
      summary: tx.cmpChartSummary(o.results.map((r, i) => `${names[i]} ${n(r.summary.benefits_end)}`).join('; ')),
    });
    const net = new LineChart('chart-compare-net', tx.cmpMoneyTitle, t(lang).showTable);
    net.draw({
      x,
      xTitle: t(lang).colMonth,
      xFormat: (m) => shortMonth(lang, m),
      lines: o.results.map((r, i) => {
        const c = cumulative(r);
        const k = at(r);
        return {
          label: names[i]!,
          color: COLORS[i]!,
          dash: DASHES[i],
          values: x.map((m) => {
            const j = k(m);
            return j === undefined ? null : c.kept[j]! - c.cost[j]!;
          }),
        };
      }),
      bands: [],
      format: (v) => e(v),
      summary: tx.cmpMoneySummary(o.results.map((r, i) => `${names[i]} ${e(r.summary.net_saving_eur)}`).join('; ')),
    });
    this.charts_ = [caseload, net];
    const s = o.results.map((r) => r.summary);
    // Differences carry their sign the way the language writes it ("€ +242.700", "€ -1.797.013").
    const signed = { signDisplay: 'exceptZero' } as const;
    // The difference of the figures as shown (rounded half away from zero, as Intl rounds):
    // "18,6 | 18,6 | -0,1" read as a contradiction.
    const shown = (x: number | string, d: number) => Number(Number(x).toFixed(d));
    const diff = (a: number | string, b: number | string, d = 0, f: Intl.NumberFormatOptions = {}) => numberFormat(lang, { ...signed, maximumFractionDigits: d, ...f }).format(shown(b, d) - shown(a, d));
    const diffEur = (a: string, b: string) => diff(a, b, 0, { style: 'currency', currency: 'EUR', minimumFractionDigits: 0 });
    const band = (i: number) => {
      const q = o.comparison.scenarios[i]!.net_saving_runs_eur;
      return `${e(q.p5)} – ${e(q.p95)}`;
    };
    type Row = [string, (i: number) => string, ((i: number) => string) | null];
    const figures: Row[] = [
      [tx.rowBenefitsEnd, (i) => n(s[i]!.benefits_end), (i) => diff(s[0]!.benefits_end, s[i]!.benefits_end)],
      [tx.rowExtraExits, (i) => n(s[i]!.extra_exits_to_work, 1), (i) => diff(s[0]!.extra_exits_to_work, s[i]!.extra_exits_to_work, 1)],
      [tx.rowGross, (i) => e(s[i]!.gross_saving_eur), (i) => diffEur(s[0]!.gross_saving_eur, s[i]!.gross_saving_eur)],
      [tx.rowKept, (i) => e(s[i]!.saving_after_feedback_eur), (i) => diffEur(s[0]!.saving_after_feedback_eur, s[i]!.saving_after_feedback_eur)],
      [tx.rowCostP, (i) => e(s[i]!.programme_cost_eur), (i) => diffEur(s[0]!.programme_cost_eur, s[i]!.programme_cost_eur)],
      [tx.rowNetP, (i) => e(s[i]!.net_saving_eur), (i) => diffEur(s[0]!.net_saving_eur, s[i]!.net_saving_eur)],
      [tx.rowNetBand, band, null],
      [tx.rowPayback, (i) => (s[i]!.payback_month === null ? '–' : String(s[i]!.payback_month)), null],
    ];
    // A difference with A only over the same months: the stock at the end of 2020 less that at
    // the end of 2030 would read as an effect.
    const period = (r: Results) => `${shortMonth(lang, r.months[0]?.month ?? '')} – ${shortMonth(lang, r.months.at(-1)?.month ?? '')}`;
    const periods = o.results.map(period);
    const samePeriod = (i: number) => periods[i] === periods[0];
    const others = names.slice(1);
    const head = [tx.colFigure, ...names, ...others.map((_, k) => tx.colDiff('A', letter(k + 1)))];
    const rows = figures.map(([label, value, d]) => [label, ...names.map((_, i) => value(i)), ...others.map((_, k) => (!d ? '' : samePeriod(k + 1) ? d(k + 1) : '–'))]);
    const periodNote = periods.every((_, i) => samePeriod(i)) ? [] : [el('p', { className: 'warn', id: 'compare-periods' }, tx.cmpPeriods(periods.map((p, i) => `${letter(i)}: ${p}`).join('; ')))];
    const pct = (p: number) => `${n(p * 100, 1)}%`;
    // The core gives the difference as A − B; the table shows B − A, and so does this line.
    const chances = o.comparison.pairs.map((p) => el('li', {}, tx.cmpChance(names[p.a]!, names[p.b]!, pct(p.p_a_saves_more) + (p.p_equal > 0 ? tx.cmpTie(pct(p.p_equal)) : ''), e(0 - Number(p.difference_eur.p95)), e(0 - Number(p.difference_eur.p5))), periods[p.a] === periods[p.b] ? '' : ` ${tx.cmpOtherPeriods}`));
    return [
      el('h3', {}, tx.cmpDiffTitle),
      ...periodNote,
      scrollBox(tx.cmpDiffTitle, dataTable('compare-table', head, rows)),
      el('ul', { id: 'compare-chances' }, ...chances),
      el('p', { className: 'source', id: 'compare-command' }, tx.cmpRuns(o.comparison.runs, o.comparison.seed, this.command(o))),
      caseload.figure,
      net.figure,
      el('p', { className: 'source', id: 'compare-method' }, method(lang, o.comparison)),
    ];
  }
}
