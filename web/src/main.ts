// The caseflow page: scenario controls, the caseload chart and its table, Dutch or English.
//
// Every control is built from the core's parameter table (unit, range, source), every edit
// reruns the core at once, and the last valid scenario and the language survive a reload.
import './style.css';
import { CaseloadChart } from './chart';
import {
  baseScenario,
  CoreError,
  coreVersion,
  loadCore,
  paramSpecs,
  runScenario,
  type ParamSpec,
  type Results,
  type Scenario,
} from './core';
import { formatNumber, inputErrorMessage, label, t, unit, type Lang } from './i18n';

const LANG_KEY = 'caseflow.lang';
const SCENARIO_KEY = 'caseflow.scenario.v1';

declare global {
  interface Window {
    /** For tests and curious analysts: the current results and the chart's numbers. */
    caseflow?: { results: () => Results; chartData: () => number[][] };
  }
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el as T;
}

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

/** The saved scenario if it still runs, otherwise the default one. */
function storedScenario(): Scenario {
  const base = baseScenario();
  try {
    const saved = localStorage.getItem(SCENARIO_KEY);
    if (saved) {
      const merged = { ...base, ...(JSON.parse(saved) as Partial<Scenario>) };
      runScenario(merged);
      return merged;
    }
  } catch {
    // Unreadable or no longer valid (for example after a range changed): start from defaults.
  }
  return base;
}

function save(scenario: Scenario): void {
  try {
    localStorage.setItem(SCENARIO_KEY, JSON.stringify(scenario));
  } catch {
    // Storage full or disabled: the scenario stays on screen; saving is best effort here.
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
  return s === '' ? NaN : Number(s);
}

/** A value as the number field shows it: the language's decimal sign, no grouping. */
function fieldText(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: 2,
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
  private scenario: Scenario;
  private results: Results;
  private readonly specs = paramSpecs();
  private readonly chart: CaseloadChart;

  constructor() {
    this.scenario = storedScenario();
    this.results = runScenario(this.scenario);
    this.chart = new CaseloadChart(byId('chart'), this.lang);
    byId('version').textContent = coreVersion();
    for (const button of document.querySelectorAll<HTMLButtonElement>('#lang-switch button')) {
      button.addEventListener('click', () => this.setLang(button.dataset.lang === 'en' ? 'en' : 'nl'));
    }
    this.renderControls();
    this.renderTexts();
    this.renderResults();
    window.caseflow = { results: () => this.results, chartData: () => this.chart.data() };
  }

  private setLang(lang: Lang): void {
    this.lang = lang;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Not saved; the switch still applies to this page.
    }
    this.renderControls();
    this.renderTexts();
    this.chart.setLang(lang, this.results);
    this.renderResults();
  }

  private renderTexts(): void {
    const tx = t(this.lang);
    document.documentElement.lang = this.lang;
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
      const value = tx[el.dataset.i18n as keyof typeof tx];
      if (typeof value === 'string') el.textContent = value;
    }
    byId('chart').setAttribute('aria-label', tx.chartLabel);
    for (const button of document.querySelectorAll<HTMLButtonElement>('#lang-switch button')) {
      button.setAttribute('aria-pressed', String(button.dataset.lang === this.lang));
    }
  }

  private renderControls(): void {
    const host = byId('params');
    host.replaceChildren(...this.specs.map((spec) => this.control(spec)));
  }

  /** A slider and a number field for one parameter, with its unit, range and source. */
  private control(spec: ParamSpec): HTMLElement {
    const tx = t(this.lang);
    const wrap = document.createElement('div');
    wrap.className = 'param';
    const id = `param-${spec.key}`;
    const value = this.scenario[spec.key];

    const title = document.createElement('label');
    title.htmlFor = `${id}-number`;
    title.textContent = label(this.lang, spec);

    const slider = document.createElement('input');
    slider.type = 'range';
    slider.id = `${id}-range`;
    slider.min = String(spec.min);
    slider.max = String(spec.max);
    slider.step = String(spec.step);
    slider.value = String(value);
    slider.setAttribute('aria-label', `${label(this.lang, spec)} (${unit(this.lang, spec)})`);

    const field = document.createElement('input');
    field.type = 'text';
    field.inputMode = 'decimal';
    field.id = `${id}-number`;
    field.value = fieldText(this.lang, value);
    field.size = 8;

    const unitEl = document.createElement('span');
    unitEl.className = 'unit';
    unitEl.textContent = unit(this.lang, spec);

    const error = document.createElement('p');
    error.className = 'error';
    error.id = `${id}-error`;
    error.setAttribute('role', 'alert');
    field.setAttribute('aria-describedby', `${id}-error ${id}-source`);

    const note = document.createElement('p');
    note.className = 'source';
    note.id = `${id}-source`;
    note.textContent = `${tx.range}: ${formatNumber(this.lang, spec.min, 2)} ${tx.to} ${formatNumber(this.lang, spec.max, 2)}. ${tx.source}: ${spec.source}`;

    slider.addEventListener('input', () => {
      const v = Number(slider.value);
      field.value = fieldText(this.lang, v);
      error.textContent = '';
      field.removeAttribute('aria-invalid');
      this.apply(spec, v);
    });
    field.addEventListener('input', () => {
      const v = parseTyped(this.lang, field.value);
      const kind = typedError(spec, v);
      if (kind) {
        error.textContent = `${inputErrorMessage(this.lang, spec, { kind, value: field.value })} ${tx.keptLast}`;
        field.setAttribute('aria-invalid', 'true');
        return;
      }
      error.textContent = '';
      field.removeAttribute('aria-invalid');
      slider.value = String(v);
      this.apply(spec, v);
    });

    const row = document.createElement('div');
    row.className = 'inputs';
    row.append(slider, field, unitEl);
    wrap.append(title, row, error, note);
    return wrap;
  }

  /** Run the scenario with one value changed; keep the last valid one if the core refuses. */
  private apply(spec: ParamSpec, value: number): void {
    const next = { ...this.scenario, [spec.key]: value };
    try {
      this.results = runScenario(next);
    } catch (e) {
      const el = byId(`param-${spec.key}-error`);
      el.textContent =
        e instanceof CoreError && e.detail
          ? `${inputErrorMessage(this.lang, spec, e.detail)} ${t(this.lang).keptLast}`
          : String(e);
      return;
    }
    this.scenario = next;
    save(next);
    this.renderResults();
  }

  private renderResults(): void {
    const tx = t(this.lang);
    const months = this.results.months;
    this.chart.update(this.results);
    const first = months[0];
    const last = months[months.length - 1];
    if (first && last) {
      byId('headline').textContent = tx.headline(
        formatNumber(this.lang, last.stock_end),
        last.month,
        formatNumber(this.lang, first.stock_start),
      );
    }
    const table = byId<HTMLTableElement>('table');
    const head = `<thead><tr>${[tx.colMonth, tx.colStockStart, tx.colInflow, tx.colExits, tx.colStockEnd]
      .map((h) => `<th scope="col">${h}</th>`)
      .join('')}</tr></thead>`;
    const f = (v: number) => formatNumber(this.lang, v, 1);
    const body = months
      .map(
        (m) =>
          `<tr><th scope="row">${m.month}</th><td>${f(m.stock_start)}</td><td>${f(m.inflow)}</td><td>${f(m.exits)}</td><td>${f(m.stock_end)}</td></tr>`,
      )
      .join('');
    // Only numbers and our own texts go in here, never user-typed text.
    table.innerHTML = `${head}<tbody>${body}</tbody>`;
  }
}

try {
  loadCore();
  new App();
} catch (e) {
  const el = byId('fatal');
  el.hidden = false;
  el.textContent = `${t(storedLang()).fatal}: ${e instanceof Error ? e.message : String(e)}`;
}
