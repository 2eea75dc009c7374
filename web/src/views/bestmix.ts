// *Beste mix*: the best-mix search (`caseflow optimise`) in the worker with its progress, the
// best mix beside the decided one, the frontier (best result per budget), and one click to
// make the best mix the scenario's.
import { LineChart } from '../chart';
import type { Optimisation } from '../core';
import { attrs, el, refill, setText } from '../dom';
import { ambiguousAmount, parseTyped } from '../fields';
import { formatEur, formatNumber, method, programmeName, t, type Lang } from '../i18n';
import { ta } from '../i18n-analyst';
import { Cancelled } from '../runner';
import { dataTable, failure } from './analyst-common';
import type { Ctx, View } from './context';

interface Found {
  key: string;
  result: Optimisation;
  ms: number;
}

export class BestMixView implements View {
  private host!: HTMLElement;
  /**
   * The budget typed; null (the field left as it came, or emptied) searches with what the
   * scenario's own programmes cost, as `caseflow optimise` does without `--budget`.
   */
  private budget: string | null = null;
  /** The language the budget was typed in: on a switch it is written again in the new one. */
  private budgetLang: Lang = 'nl';
  /** Steps of the search running, for its progress when the view is drawn again. */
  private steps = 0;
  private objective: 'net-saving' | 'exits-to-work' = 'net-saving';
  private horizon = '';
  private found: Found | null = null;
  private readonly said = attrs(el('p', { className: 'visually-hidden', id: 'bestmix-said' }), { role: 'status' });
  private busy = false;
  private applied = false;
  private error = '';
  private frontier: LineChart | null = null;

  constructor(private readonly ctx: Ctx) {}

  data(): unknown {
    return this.found ? { result: this.found.result, ms: this.found.ms } : null;
  }

  charts(): LineChart[] {
    return this.frontier ? [this.frontier] : [];
  }

  mount(host: HTMLElement): void {
    this.host = host;
    this.render();
  }

  update(): void {
    // The decided mix's cost follows the scenario's run (a preset loaded while this view is open).
    const field = document.getElementById('bestmix-budget');
    if (this.budget === null && field instanceof HTMLInputElement && field !== document.activeElement) field.value = this.decided();
    // A result belongs to the scenario it was searched for; it is shown until the scenario changes.
    // Only then is the view drawn again, so a field being typed in keeps its text and focus.
    if (this.found && this.found.key !== JSON.stringify(this.ctx.scenario) && !this.applied) {
      this.found = null;
      if (this.host && !this.busy) this.render();
    }
  }

  private search(progress: HTMLProgressElement, text: HTMLElement): void {
    const tx = ta(this.ctx.lang);
    const scenario = this.ctx.scenario;
    const key = JSON.stringify(scenario);
    this.busy = true;
    this.steps = 0;
    this.applied = false;
    this.error = '';
    progress.hidden = false;
    text.textContent = tx.searching(0);
    // "1,200" on the Dutch page is asked about, not searched with as € 1,20.
    const ambiguous = this.budget === null ? null : ambiguousAmount(this.ctx.lang, tx.budget, this.budget);
    if (ambiguous) {
      this.busy = false;
      this.error = ambiguous;
      this.found = null;
      this.render();
      return;
    }
    const t0 = performance.now();
    this.ctx
      .long<Optimisation>({ kind: 'optimise', scenario, budget: typedAmount(this.ctx.lang, this.budget ?? this.decided()), objective: this.objective, horizon: this.horizon.trim() || undefined }, (steps) => {
        this.steps = steps;
        // The view may have been drawn again (a language switch): its elements by id.
        const [bar, status] = [document.getElementById('bestmix-progress'), document.getElementById('bestmix-status')];
        if (bar instanceof HTMLProgressElement) bar.value = steps;
        if (status) status.textContent = ta(this.ctx.lang).searching(steps);
      })
      .then((result) => {
        this.found = { key, result, ms: performance.now() - t0 };
      })
      .catch((e: unknown) => {
        if (e instanceof Cancelled) return;
        this.error = failure(this.ctx.lang, e);
        // An answer to other input must not stand under the message as if it were this one's.
        this.found = null;
      })
      .finally(() => {
        this.busy = false;
        this.render();
      });
  }

  private render(): void {
    const { lang } = this.ctx;
    const tx = ta(lang);
    const title = el('h2', {}, tx.bmTitle);
    if (this.ctx.scenario.programmes.length === 0) {
      this.host.replaceChildren(title, el('p', { id: 'bestmix-none' }, tx.noProgrammesBm));
      return;
    }
    // A budget typed on the other language's page ("1.645.000") is written as this one writes it.
    if (this.budget !== null && this.budgetLang !== lang) {
      // One the old language asks about ("1,200" typed on the Dutch page) stays as typed: it
      // was read as € 1,20 in the new one.
      const v = ambiguousAmount(this.budgetLang, '', this.budget) ? NaN : Number(typedAmount(this.budgetLang, this.budget));
      if (Number.isFinite(v)) this.budget = formatNumber(lang, v, 2);
      this.budgetLang = lang;
    }
    const budget = el('input', { type: 'text', inputMode: 'decimal', id: 'bestmix-budget', value: this.budget ?? this.decided(), size: 12 });
    const typed = () => {
      this.budget = budget.value.trim() && budget.value !== this.decided() ? budget.value : null;
      this.budgetLang = lang;
      // Emptied, it shows again what it searches with.
      if (this.budget === null) budget.value = this.decided();
    };
    budget.addEventListener('change', typed);
    const objective = el('select', { id: 'bestmix-objective' }, el('option', { value: 'net-saving', selected: this.objective === 'net-saving' }, tx.objNet), el('option', { value: 'exits-to-work', selected: this.objective === 'exits-to-work' }, tx.objExits));
    objective.addEventListener('change', () => (this.objective = objective.value === 'exits-to-work' ? 'exits-to-work' : 'net-saving'));
    const horizon = el('input', { type: 'text', inputMode: 'numeric', id: 'bestmix-horizon', value: this.horizon, size: 5 });
    horizon.addEventListener('change', () => (this.horizon = horizon.value));
    // A search still running shows its progress when the view is drawn again.
    const progress = el('progress', { id: 'bestmix-progress', max: 40, value: this.steps, hidden: !this.busy });
    const text = el('span', { id: 'bestmix-status' }, this.busy ? tx.searching(this.steps) : '');
    // A refused budget or horizon is marked at its field, with the message as its description.
    const said = this.error.split('\n');
    for (const [field, name] of [[budget, 'Budget'], [horizon, 'Horizon']] as const) if (said.some((l) => l.startsWith(name))) attrs(field, { 'aria-invalid': 'true', 'aria-describedby': 'bestmix-error' });
    // Not `disabled` while searching: a disabled button drops the keyboard focus.
    const go = attrs(el('button', { type: 'button', id: 'bestmix-search' }, tx.search), { 'aria-disabled': String(this.busy) });
    go.addEventListener('click', () => {
      if (this.busy) return;
      typed();
      this.horizon = horizon.value;
      go.setAttribute('aria-disabled', 'true');
      this.search(progress, text);
    });
    const form = el(
      'div',
      { className: 'bestmix-form' },
      el('label', { htmlFor: budget.id }, tx.budget),
      budget,
      el('label', { htmlFor: objective.id }, tx.objective),
      objective,
      el('label', { htmlFor: horizon.id }, tx.horizon),
      horizon,
      go,
      progress,
      text,
    );
    const parts: (Node | string)[] = [title, el('p', {}, tx.bmIntro), form, this.said];
    if (this.error) parts.push(attrs(el('p', { className: 'error', id: 'bestmix-error' }, this.error), { role: 'alert' }));
    if (this.found) parts.push(...this.result(this.found));
    refill(this.host, ...parts);
    // Said once when the search starts and once with its answer (the steps are not read out).
    const answer = ['bestmix-time', 'bestmix-shortfall'].map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    setText(this.said, this.busy ? tx.searching(0) : this.found && !this.error ? answer : '');
  }

  /** What the scenario's programmes cost as planned (participants × cost), else the corona programme's €1,645,000 (seed 000). */
  private decided(): string {
    const cost = this.ctx.results?.programmes.reduce((sum, p) => sum + Number(p.planned_cost_eur), 0) || 1645000;
    return formatNumber(this.ctx.lang, cost, 2);
  }

  private result(f: Found): Node[] {
    const { lang } = this.ctx;
    const tx = ta(lang);
    const o = f.result;
    const e = (v: string | number) => formatEur(lang, v);
    const n = (v: number, d = 0) => formatNumber(lang, v, d);
    const shown = this.ctx.scenario.programmes.map((p) => [p.id, programmeName(lang, this.ctx.core.catalogue, p)] as const);
    // Two tracks of the same name (a template added twice) are told apart by their ids, as
    // on their cards.
    const twice = (name: string) => shown.filter(([, n]) => n === name).length > 1;
    const names = new Map(shown.map(([id, name]) => [id, twice(name) ? `${name} (${id})` : name]));
    const rows = o.best.tracks.map((id, i) => [names.get(id) ?? id, n(o.best.participants[i] ?? 0), n(o.decided.participants[i] ?? 0), n(o.max_participants[i] ?? 0)]);
    const band = (q: unknown) => {
      const s = q as { p5: string | null; p95: string | null };
      return s.p5 === null || s.p95 === null ? '–' : `${e(s.p5)} – ${e(s.p95)}`;
    };
    rows.push([tx.rowCost, e(o.best.cost_eur), e(o.decided.cost_eur), '']);
    rows.push([tx.rowNet, e(o.best.net_saving_eur), e(o.decided.net_saving_eur), '']);
    rows.push([tx.rowExits, n(o.best.extra_exits_to_work, 1), n(o.decided.extra_exits_to_work, 1), '']);
    rows.push([tx.rowMc(formatNumber(this.ctx.lang, o.monte_carlo_check.runs), o.monte_carlo_check.seed), band(o.monte_carlo_check.best_net_saving_eur), band(o.monte_carlo_check.decided_net_saving_eur), '']);
    const objective = (v: number) => (o.objective === 'net-saving' ? e(v) : n(v, 1));
    const use = el('button', { type: 'button', id: 'bestmix-use' }, tx.useMix);
    const used = el('p', { id: 'bestmix-used', role: 'status' }, this.applied ? tx.usedMix : '');
    use.addEventListener('click', () => {
      const problem = this.ctx.edit((s) => {
        o.best.tracks.forEach((id, i) => {
          const p = s.programmes.find((x) => x.id === id);
          if (p) p.participants = o.best.participants[i] ?? 0;
        });
      });
      this.applied = problem === null;
      used.textContent = problem ?? tx.usedMix;
    });
    this.frontier = new LineChart('chart-frontier', tx.frontierTitle, t(lang).showTable);
    const last = o.frontier[o.frontier.length - 1];
    this.frontier.draw({
      x: o.frontier.map((p) => e(p.budget_eur)),
      xTitle: tx.colBudget,
      lines: [{ label: o.objective === 'net-saving' ? tx.objNet : tx.objExits, color: '#1d4ed8', values: o.frontier.map((p) => p.mix.objective) }],
      bands: [],
      format: objective,
      summary: tx.frontierSummary(o.frontier.length, objective(o.best.objective), last ? e(last.budget_eur) : ''),
    });
    return [
      el('p', { id: 'bestmix-time' }, tx.searchTime(formatNumber(lang, f.ms, 0))),
      dataTable('bestmix-table', [tx.colTrack, tx.colBest, tx.colDecided, tx.colMax], rows),
      el('p', { id: 'bestmix-shortfall' }, o.decided_shortfall < 0 ? tx.ahead(objective(-o.decided_shortfall), e(o.decided.cost_eur), e(o.budget_eur)) : tx.shortfall(objective(o.decided_shortfall))),
      el('p', {}, use),
      used,
      this.frontier.figure,
      el('p', { className: 'source', id: 'bestmix-method' }, method(lang, o)),
    ];
  }
}

/**
 * A typed amount as the core reads it: "1.645.000" on the Dutch page and "1,645,000" on the
 * English one are 1645000, as the page writes amounts; text that is no number goes to the
 * core as typed, so that its message names the field and the value.
 */
function typedAmount(lang: Lang, text: string): string {
  const v = parseTyped(lang, text.replace(/^\s*€\s*/, ''));
  return Number.isFinite(v) ? String(v) : text;
}
