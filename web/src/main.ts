// The caseflow page: a preset, the growth-shock control, the region's caseload with and
// without programmes, the headline figures, every assumption with its source, Dutch or English.
//
// The user's choices are a preset plus overrides, as in `caseflow run --preset ID --set ...`;
// every edit reruns the core at once, and the choices and the language survive a reload.
import './style.css';
import { CaseloadChart, type Band } from './chart';
import { Cancelled, Runner } from './runner';
import { Core, CoreError, type MonteCarlo, type ParamSpec, type Preset, type Results, type Scenario, type Stats } from './core';
import {
  allowedRange,
  formatEur,
  formatNumber,
  headline,
  inputErrorMessage,
  label,
  t,
  typedErrorMessage,
  unit,
  type Lang,
} from './i18n';

const LANG_KEY = 'caseflow.lang';
const CHOICE_KEY = 'caseflow.choice.v2';
/** The parameters with a control on this page (all are listed under the assumptions). */
const CONTROLS = ['growth_pct'];
/** Monte Carlo on the page: runs and seed (shown, so the CLI reproduces them). */
const UNCERTAINTY_RUNS = 200;
const UNCERTAINTY_SEED = 1;

/** What the user chose: a preset and the assumptions they changed. */
interface Choice {
  preset: string;
  set: Record<string, number>;
}

declare global {
  interface Window {
    /** For tests and curious analysts: the current scenario, results and chart numbers. */
    caseflow?: {
      scenario: () => Scenario;
      results: () => Results;
      chartData: () => number[][];
      monteCarlo: (runs: number, seed: number) => MonteCarlo;
      runCore: () => Results;
    };
  }
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el as T;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

function storedChoice(): Choice | null {
  try {
    const raw = localStorage.getItem(CHOICE_KEY);
    if (!raw) return null;
    const c = JSON.parse(raw) as Partial<Choice>;
    if (typeof c.preset !== 'string' || typeof c.set !== 'object' || c.set === null) return null;
    return { preset: c.preset, set: { ...c.set } };
  } catch {
    return null;
  }
}

function save(choice: Choice): void {
  try {
    localStorage.setItem(CHOICE_KEY, JSON.stringify(choice));
  } catch {
    // Storage full or disabled: the choice stays on screen; saving is best effort here.
  }
}

/**
 * Parse a typed number as the language writes it: Dutch `4.478,5`, English `4,478.5`.
 * A lone decimal comma or point is accepted in either language.
 */
function parseTyped(lang: Lang, text: string): number {
  let s = text.trim();
  const [group, decimal] = lang === 'nl' ? ['.', ','] : [',', '.'];
  const grouped = new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  if (grouped.test(s)) s = s.split(group).join('');
  s = s.replace(',', '.');
  // Plain decimal numbers only (as the CLI reads them): no hex, binary or 'Infinity'.
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : NaN;
}

/** A value as the number field shows it: the language's decimal sign, no grouping. */
function fieldText(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: 6,
    useGrouping: false,
  }).format(value);
}

function typedError(spec: ParamSpec, value: number): 'not_a_number' | 'out_of_range' | 'not_whole' | null {
  if (!Number.isFinite(value)) return 'not_a_number';
  if (value < spec.min || value > spec.max) return 'out_of_range';
  if (spec.whole && !Number.isInteger(value)) return 'not_whole';
  return null;
}

class App {
  private lang = storedLang();
  private choice: Choice;
  private results: Results;
  /** The Monte Carlo of the current scenario, if computed (cleared by any edit). */
  private uncertainty: MonteCarlo | null = null;
  private readonly chart: CaseloadChart;
  private readonly runner: Runner;

  constructor(private readonly core: Core) {
    this.runner = new Runner(core.wasm);
    const stored = storedChoice();
    this.choice = stored && this.tryRun(stored) ? stored : { preset: this.presets()[0]?.id ?? 'baseline', set: {} };
    this.results = core.run(this.scenario(this.choice));
    this.chart = new CaseloadChart(byId('chart'), this.lang);
    byId('version').textContent = core.version;
    for (const button of document.querySelectorAll<HTMLButtonElement>('#lang-switch button')) {
      button.addEventListener('click', () => this.setLang(button.dataset.lang === 'en' ? 'en' : 'nl'));
    }
    this.render();
    window.caseflow = {
      scenario: () => this.scenario(this.choice),
      results: () => this.results,
      chartData: () => this.chart.data(),
      monteCarlo: (runs: number, seed: number) => core.monteCarlo(this.scenario(this.choice), runs, seed),
      runCore: () => core.run(this.scenario(this.choice)),
    };
    byId('uncertainty-run').addEventListener('click', () => this.computeUncertainty());
  }

  private presets(): Preset[] {
    return this.core.catalogue.presets;
  }

  private preset(id: string): Preset | undefined {
    return this.presets().find((p) => p.id === id);
  }

  /** The scenario a choice describes: the preset's, with the user's overrides on top. */
  private scenario(choice: Choice): Scenario {
    const base = this.preset(choice.preset)?.scenario ?? this.presets()[0]!.scenario;
    return { ...base, set: { ...base.set, ...choice.set } };
  }

  private tryRun(choice: Choice): boolean {
    if (!this.preset(choice.preset)) return false;
    try {
      this.core.run(this.scenario(choice));
      return true;
    } catch {
      return false;
    }
  }

  private spec(id: string): ParamSpec | undefined {
    return this.core.params.param.find((p) => p.id === id);
  }

  /** The value in use for a parameter: override, then preset, then default. */
  private value(id: string): number {
    const s = this.scenario(this.choice);
    return s.set[id] ?? this.spec(id)?.default ?? 0;
  }

  private setLang(lang: Lang): void {
    this.lang = lang;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Not saved; the switch still applies to this page.
    }
    this.chart.setLang(lang, this.results, this.band());
    this.render();
  }

  private render(): void {
    this.renderTexts();
    this.renderHow();
    this.renderProgrammes();
    this.renderControls();
    this.renderAssumptions();
    this.renderResults();
  }

  private renderTexts(): void {
    const tx = t(this.lang);
    document.documentElement.lang = this.lang;
    for (const e of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
      const v = tx[e.dataset.i18n as keyof typeof tx];
      if (typeof v === 'string') e.textContent = v;
    }
    byId('chart').setAttribute('aria-label', tx.chartLabel);
    for (const button of document.querySelectorAll<HTMLButtonElement>('#lang-switch button')) {
      button.setAttribute('aria-pressed', String(button.dataset.lang === this.lang));
    }
  }

  /**
   * The scenario's programmes: every field with its value, unit and plausible range, and the
   * source of the track's values (its template, when the programme comes from one).
   */
  private renderProgrammes(): void {
    const tx = t(this.lang);
    const scenario = this.scenario(this.choice);
    const host = byId('programmes');
    if (scenario.programmes.length === 0) {
      host.replaceChildren(el('p', {}, tx.noProgrammes));
      return;
    }
    host.replaceChildren(
      ...scenario.programmes.map((prog) => {
        const template = this.core.catalogue.templates.find((tpl) => tpl.id === prog.id || tpl.programme.name === prog.name);
        const rows = this.core.params.programme_field.map((spec) => {
          const given = (prog as unknown as Record<string, number | undefined>)[spec.id];
          const value = given ?? spec.default;
          // Only the uncertain fields (effect, lock-in, half-life) have a plausible range and a
          // study behind them; the others are the scenario's choices.
          const uncertain = spec.distribution !== 'fixed';
          return el(
            'tr',
            {},
            el('th', { scope: 'row' }, label(this.lang, spec)),
            el('td', {}, formatNumber(this.lang, value, 2)),
            el('td', {}, unit(this.lang, spec)),
            el('td', {}, uncertain ? `${tx.plausible}: ${formatNumber(this.lang, spec.low, 2)}–${formatNumber(this.lang, spec.high, 2)}` : ''),
            el('td', { className: 'source' }, uncertain ? spec.source : ''),
          );
        });
        const code = (c: string) => tx.codes[c] ?? c;
        const facts = `${tx.target}: ${code(prog.target)}; ${tx.effectFrom}: ${code(prog.effect_from)}; ${tx.funding}: ${code(prog.funding)}`;
        return el(
          'div',
          { className: 'programme' },
          el('h4', {}, `${prog.name || prog.id} (${prog.id})`),
          el('p', { className: 'source' }, facts),
          template ? el('p', { className: 'source' }, `${tx.source}: ${template.source}`) : '',
          el('table', { className: 'assumptions' }, el('tbody', {}, ...rows)),
        );
      }),
    );
  }

  /** *Zo rekent caseflow*: the model in plain language, what it leaves out, what it found. */
  private renderHow(): void {
    const tx = t(this.lang);
    byId('how-body').replaceChildren(
      ...tx.how.map((p) => el('p', {}, p)),
      el('h3', {}, tx.howLeftOutTitle),
      el('p', {}, tx.howLeftOut),
      el('h3', {}, tx.howSeedsTitle),
      el('ul', {}, ...tx.howSeeds.map((p) => el('li', {}, p))),
    );
  }

  private renderControls(): void {
    const tx = t(this.lang);
    const select = el('select', { id: 'preset' });
    for (const p of this.presets()) {
      select.append(el('option', { value: p.id, selected: p.id === this.choice.preset }, label(this.lang, { label_nl: p.name_nl, label_en: p.name_en })));
    }
    select.addEventListener('change', () => this.choosePreset(select.value));
    const preset = this.preset(this.choice.preset);
    const description = el('p', { className: 'description', id: 'preset-description' }, preset ? (this.lang === 'nl' ? preset.description_nl : preset.description_en) : '');
    const controls = CONTROLS.map((id) => this.spec(id)).filter((s): s is ParamSpec => !!s).map((s) => this.control(s));
    byId('params').replaceChildren(el('label', { htmlFor: 'preset', className: 'preset-label' }, tx.preset), select, description, ...controls);
  }

  private choosePreset(id: string): void {
    // A new starting point: its own values, without the previous preset's edits.
    const next = { preset: id, set: {} };
    try {
      this.results = this.core.run(this.scenario(next));
    } catch (e) {
      byId('fatal').hidden = false;
      byId('fatal').textContent = e instanceof Error ? e.message : String(e);
      return;
    }
    this.choice = next;
    this.uncertainty = null;
    this.runner.cancel();
    save(next);
    this.render();
  }

  /** A slider and a number field for one parameter, with its unit, range and source. */
  private control(spec: ParamSpec): HTMLElement {
    const tx = t(this.lang);
    const id = `param-${spec.id}`;
    const value = this.value(spec.id);
    const slider = el('input', { type: 'range', id: `${id}-range`, min: String(spec.min), max: String(spec.max), step: String(spec.step), value: String(value) });
    slider.setAttribute('aria-label', `${label(this.lang, spec)} (${unit(this.lang, spec)})`);
    const field = el('input', { type: 'text', inputMode: 'decimal', id: `${id}-number`, value: fieldText(this.lang, value), size: 8 });
    const error = el('p', { className: 'error', id: `${id}-error` });
    error.setAttribute('role', 'alert');
    field.setAttribute('aria-describedby', `${id}-error ${id}-source`);
    const note = el('p', { className: 'source', id: `${id}-source` }, `${tx.range}: ${allowedRange(this.lang, spec)}. ${tx.source}: ${spec.source}`);

    const clear = () => {
      error.textContent = '';
      field.removeAttribute('aria-invalid');
    };
    slider.addEventListener('input', () => {
      const v = Number(slider.value);
      field.value = fieldText(this.lang, v);
      clear();
      // The core may refuse a value in range that clashes with others: mark the field too.
      if (!this.apply(spec, v, error)) field.setAttribute('aria-invalid', 'true');
    });
    field.addEventListener('input', () => {
      const v = this.readTyped(spec, field, error);
      if (v === null) return;
      slider.value = String(v);
      if (!this.apply(spec, v, error)) field.setAttribute('aria-invalid', 'true');
    });
    return el(
      'div',
      { className: 'param' },
      el('label', { htmlFor: `${id}-number` }, label(this.lang, spec)),
      el('div', { className: 'inputs' }, slider, field, el('span', { className: 'unit' }, unit(this.lang, spec))),
      error,
      note,
    );
  }

  /**
   * The number typed in `field`, checked against `spec`: on a bad value, the message (field,
   * value, allowed range) at the field, the field marked, and null; otherwise both cleared.
   */
  private readTyped(spec: ParamSpec, field: HTMLInputElement, error: HTMLElement): number | null {
    const v = parseTyped(this.lang, field.value);
    const kind = typedError(spec, v);
    if (kind) {
      error.textContent = `${typedErrorMessage(this.lang, spec, kind, field.value)} ${t(this.lang).keptLast}`;
      field.setAttribute('aria-invalid', 'true');
      return null;
    }
    error.textContent = '';
    field.removeAttribute('aria-invalid');
    return v;
  }

  /** Run with one assumption changed; keep the last valid choice if the core refuses. */
  private apply(spec: ParamSpec, value: number, error: HTMLElement): boolean {
    const next = { ...this.choice, set: { ...this.choice.set, [spec.id]: value } };
    try {
      this.results = this.core.run(this.scenario(next));
    } catch (e) {
      error.textContent =
        e instanceof CoreError && e.details.length > 0
          ? `${e.details.map((d) => inputErrorMessage(this.lang, d)).join(' ')} ${t(this.lang).keptLast}`
          : String(e);
      return false;
    }
    this.choice = next;
    this.uncertainty = null;
    this.runner.cancel();
    save(next);
    this.renderResults();
    this.renderAssumptions();
    return true;
  }

  /**
   * Every assumption: label, the value in use (editable), unit, default, plausible and
   * allowed range, evidence and source. Edits apply to the scenario and its counterfactual
   * alike; edited ones are marked and can be reset one by one or all at once.
   */
  private renderAssumptions(): void {
    const tx = t(this.lang);
    const head = el('thead', {}, el('tr', {}, ...[tx.colAssumption, tx.colValue, tx.colUnit, tx.colDefault, tx.plausible, tx.range, tx.colEvidence, tx.source, ''].map((h) => el('th', { scope: 'col' }, h))));
    const rows = this.core.params.param.map((p) => {
      const edited = p.id in this.choice.set;
      const id = `assume-${p.id}`;
      const field = el('input', { type: 'text', inputMode: 'decimal', id, value: fieldText(this.lang, this.value(p.id)), size: 9 });
      field.setAttribute('aria-label', `${label(this.lang, p)} (${unit(this.lang, p)})`);
      const error = el('span', { className: 'error', id: `${id}-error` });
      error.setAttribute('role', 'alert');
      field.setAttribute('aria-describedby', `${id}-error`);
      const row = el(
        'tr',
        { className: edited ? 'edited' : '' },
        el('th', { scope: 'row' }, label(this.lang, p)),
        el('td', {}, field, error),
        el('td', {}, unit(this.lang, p)),
        el('td', {}, formatNumber(this.lang, p.default, 3)),
        el('td', {}, `${formatNumber(this.lang, p.low, 3)}–${formatNumber(this.lang, p.high, 3)}`),
        el('td', {}, `${formatNumber(this.lang, p.min, 3)}–${formatNumber(this.lang, p.max, 3)}`),
        el('td', {}, tx.codes[p.evidence] ?? p.evidence),
        el('td', { className: 'source' }, p.source),
      );
      if (edited) {
        const reset = el('button', { type: 'button', className: 'reset', id: `${id}-reset` }, tx.reset);
        reset.setAttribute('aria-label', `${tx.reset}: ${label(this.lang, p)}`);
        reset.addEventListener('click', () => this.resetAssumptions([p.id]));
        row.append(el('td', {}, reset));
      } else {
        row.append(el('td', {}));
      }
      field.addEventListener('change', () => {
        const v = this.readTyped(p, field, error);
        if (v === null) return;
        // The controls show the new value too (apply redraws this table with its mark).
        if (this.apply(p, v, error)) this.renderControls();
      });
      return row;
    });
    const resetAll = byId<HTMLButtonElement>('assumptions-reset');
    resetAll.textContent = tx.resetAll;
    resetAll.disabled = Object.keys(this.choice.set).length === 0;
    resetAll.onclick = () => this.resetAssumptions(Object.keys(this.choice.set));
    byId('assumptions').replaceChildren(head, el('tbody', {}, ...rows));
  }

  /** Drop the user's overrides of these assumptions: back to the preset's values. */
  private resetAssumptions(ids: string[]): void {
    const set = { ...this.choice.set };
    for (const id of ids) delete set[id];
    const next = { ...this.choice, set };
    this.results = this.core.run(this.scenario(next));
    this.choice = next;
    this.uncertainty = null;
    this.runner.cancel();
    save(next);
    this.render();
  }

  private renderResults(): void {
    const tx = t(this.lang);
    const r = this.results;
    this.chart.update(r, this.band());
    this.renderUncertainty();
    byId('headline').replaceChildren(...headline(this.lang, r, this.uncertainty).map((line) => el('p', {}, line)));
    const notes = byId('notes');
    notes.hidden = r.notes.length === 0;
    notes.replaceChildren(
      el('h3', {}, tx.notesTitle),
      ...r.notes.map((n) => el('p', {}, `${n.source}: ${this.lang === 'nl' ? n.nl : n.en}`)),
    );
    const budget = byId('budget');
    const over = r.budget && Number(r.budget.overallocation_eur) > 0 ? r.budget : null;
    budget.hidden = !over;
    budget.textContent = over ? tx.overallocated(formatEur(this.lang, over.overallocation_eur), formatEur(this.lang, over.allocated_eur), formatEur(this.lang, over.available_eur)) : '';
    this.renderMunicipalities();
    const head = el('thead', {}, el('tr', {}, ...[tx.colMonth, tx.colBenefits, tx.colPeople, tx.colInflow, tx.colToWork, tx.colWithout, tx.colSaving].map((h) => el('th', { scope: 'col' }, h))));
    const f = (v: number) => formatNumber(this.lang, v, 1);
    const body = el(
      'tbody',
      {},
      ...r.months.map((m) =>
        el('tr', {}, el('th', { scope: 'row' }, m.month), ...[f(m.benefits), f(m.people), f(m.inflow), f(m.exits_to_work), f(m.benefits_without_programmes), formatNumber(this.lang, Number(m.gross_saving_eur))].map((v) => el('td', {}, v))),
      ),
    );
    byId('table').replaceChildren(head, body);
  }

  /** The Monte Carlo band of the caseload, when computed for the current scenario. */
  private band(): Band | undefined {
    const mc = this.uncertainty;
    if (!mc) return undefined;
    const pick = (q: 'p5' | 'p25' | 'p75' | 'p95') => mc.months.map((m) => (m.benefits as Stats)[q] ?? null);
    return { p5: pick('p5'), p25: pick('p25'), p75: pick('p75'), p95: pick('p95') };
  }

  /** Run the Monte Carlo on demand, in the worker, with progress; an edit cancels it. */
  private computeUncertainty(): void {
    const tx = t(this.lang);
    const status = byId('uncertainty');
    status.textContent = tx.computing(0, UNCERTAINTY_RUNS);
    const scenario = this.scenario(this.choice);
    const choice = this.choice;
    this.runner
      .monteCarlo(scenario, UNCERTAINTY_RUNS, UNCERTAINTY_SEED, (done) => {
        status.textContent = t(this.lang).computing(done, UNCERTAINTY_RUNS);
      })
      .then((mc) => {
        // Only if the scenario on screen is still the one computed.
        if (this.choice !== choice) return;
        this.uncertainty = mc;
        this.renderResults();
      })
      .catch((e: unknown) => {
        if (e instanceof Cancelled) return;
        status.textContent = e instanceof Error ? e.message : String(e);
      });
  }

  private renderUncertainty(): void {
    const tx = t(this.lang);
    const mc = this.uncertainty;
    const status = byId('uncertainty');
    if (!mc) {
      status.textContent = tx.uncertaintyHint(UNCERTAINTY_RUNS);
      return;
    }
    const net = mc.summary['net_saving_eur'] as Stats<string>;
    const benefits = mc.summary['benefits_end'] as Stats;
    const e = (v: string | null) => (v === null ? '–' : formatEur(this.lang, v));
    const n = (v: number | null) => (v === null ? '–' : formatNumber(this.lang, v));
    const payback = mc.summary.payback_month;
    const pct = (x: number) => `${formatNumber(this.lang, x * 100)}%`;
    // The command that gives the same numbers: the preset and the user's overrides.
    const sets = Object.entries(this.choice.set).map(([id, v]) => ` --set ${id}=${v}`).join('');
    const command = `caseflow run --preset ${this.choice.preset}${sets} --runs ${mc.runs} --seed ${mc.seed}`;
    status.textContent = tx.uncertaintyResult(n(benefits.p5), n(benefits.p95), e(net.p5), e(net.p95), pct(payback.share_paying_back), mc.runs, mc.seed, command);
  }

  /** Each municipality: caseload at the end, saving before and after feedback, cost share. */
  private renderMunicipalities(): void {
    const tx = t(this.lang);
    const e = (v: string) => formatEur(this.lang, v);
    const head = el('thead', {}, el('tr', {}, ...[tx.colMunicipality, tx.colBenefits, tx.colGross, tx.colKept, tx.colCostShare, tx.colNet].map((h) => el('th', { scope: 'col' }, h))));
    const rows = this.results.municipalities.map((m) =>
      el('tr', {}, el('th', { scope: 'row' }, m.name), ...[formatNumber(this.lang, m.summary.benefits_end), e(m.summary.gross_saving_eur), e(m.summary.saving_after_feedback_eur), e(m.summary.programme_cost_eur), e(m.summary.net_saving_eur)].map((v) => el('td', {}, v))),
    );
    byId('municipalities').replaceChildren(head, el('tbody', {}, ...rows));
  }
}

try {
  new App(new Core());
} catch (e) {
  const fatal = byId('fatal');
  fatal.hidden = false;
  fatal.textContent = `${t(storedLang()).fatal}: ${e instanceof Error ? e.message : String(e)}`;
}
