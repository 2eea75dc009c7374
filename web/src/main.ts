// The caseflow page: the user's saved scenarios, the views of the one on screen, and the runs
// behind them.
//
// Data flows one way: an edit is checked on the main thread (the core's `check`, microseconds),
// saved, and sent to the runner's workers; their results come back to the views. The views
// never change the scenario themselves: they call `edit`, which keeps the last valid scenario
// when the core refuses a value, and records every change for undo and redo.
import './style.css';
import { chartById, type AxisLayout, type LineChart } from './chart';
import { Core, CoreError, type MonteCarlo, type Preset, type Results, type Scenario, type Stats } from './core';
import { attrs, byId, el, onChoose, setText } from './dom';
import { formatEur, formatNumber, inputErrorMessage, sharePct, t, type Lang } from './i18n';
import { ta } from './i18n-analyst';
import { Cancelled, Runner, type Job } from './runner';
import { Presentation, type PresentHost } from './present';
import { buildReport, type ReportHost } from './report';
import { workbook } from './xlsx';
import { download, fileName, hasSharedScenario, ImportError, readScenarioFile, readShareLink, shareLink } from './share';
import { Store, type Saved } from './store';
import { AssumptionsView } from './views/assumptions';
import { BacktestView } from './views/backtest';
import { BestMixView } from './views/bestmix';
import { BreakdownView } from './views/breakdown';
import { CompareView } from './views/compare';
import type { Ctx, View, ViewId } from './views/context';
import { MethodView } from './views/method';
import { MunicipalitiesView } from './views/municipalities';
import { OverviewView } from './views/overview';
import { ProgrammesView } from './views/programmes';
import { SensitivityView } from './views/sensitivity';

const LANG_KEY = 'caseflow.lang';
const VIEW_KEY = 'caseflow.view';
/** The Monte Carlo behind the bands and ranges: runs and seed (shown, so the CLI reproduces them). */
const UNCERTAINTY_RUNS = 1000;
const UNCERTAINTY_SEED = 1;
/** Wait this long after the last edit before the Monte Carlo starts. */
const UNCERTAINTY_DELAY_MS = 250;
/** Show progress only for work that takes longer than this. */
const PROGRESS_AFTER_MS = 200;
const HISTORY_LIMIT = 200;
/** Edits of one control closer together than this are one undo step (a typing burst, a drag). */
const EDIT_BURST_MS = 1000;
/** Rebuild the printed report this long after the last result (it draws three SVGs). */
const REPORT_DELAY_MS = 500;
/**
 * A name from a file or a link as the page keeps it: without the invisible controls that turn
 * text around (U+202A-U+202E, U+2066-U+2069: "‮txt.exe" shown as "exe.txt") and at most 120
 * characters, as the name field takes.
 */
function cleanName(name: string): string {
  return Array.from(name.replace(/[\u202a-\u202e\u2066-\u2069]/g, '')).slice(0, 120).join('').trim();
}

const VIEW_IDS: ViewId[] = ['overview', 'programmes', 'assumptions', 'method', 'municipalities', 'backtest', 'sensitivity', 'breakdown', 'bestmix', 'compare'];

declare global {
  interface Window {
    /** For tests and curious analysts: the scenario on screen, its results, the chart numbers. */
    caseflow?: {
      scenario: () => Scenario;
      results: () => Results | null;
      uncertainty: () => MonteCarlo | null;
      chartData: () => (number | null)[][];
      runCore: () => Results;
      /** For the benchmark: mean ms of a run inside wasm, without handing the results over. */
      timeRuns: (iterations: number) => number;
      /** Resolves when the results on screen belong to the scenario on screen. */
      idle: () => Promise<void>;
      /** Resolves when the Monte Carlo of the scenario on screen is shown. */
      uncertain: () => Promise<void>;
      crashWorker: (atMerge?: boolean) => void;
      workerRestarts: () => number;
      /** For the fuzz test: open a share link's fragment as the page does on load. */
      openLink: (hash: string) => Promise<void>;
      /** For the benchmark: a Monte Carlo in the worker, its time and the worker's memory. */
      workerMonteCarlo: (runs: number, seed: number, split?: boolean) => Promise<{ ms: number; runsMs: number; memoryBytes: number }>;
      /** What the view on screen shows (its analysis), null until it is computed. */
      viewData: () => unknown;
      /** A chart's axes as drawn (by the chart's id), for the tests of their labels. */
      chartAxes: (id: string) => AxisLayout[];
    };
  }
}

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // A preference only; the page works on without it.
  }
}

function message(lang: Lang, e: unknown): string {
  if (e instanceof CoreError && e.details.length > 0) return e.details.map((d) => inputErrorMessage(lang, d)).join(' ');
  if (e instanceof ImportError) return t(lang).importProblem[e.kind](e.detail);
  return e instanceof Error ? e.message : String(e);
}

/** One state of the scenario on screen, for undo and redo: its numbers, preset and name. */
interface Step {
  scenario: Scenario;
  preset: string;
  name: string;
}

/**
 * Where the focus goes when the control that had it is gone or disabled after a re-render: the
 * other history button, the track before a removed one (or the add list when none is left).
 */
function focusNeighbours(id: string): string[] {
  if (id === 'undo') return ['redo'];
  if (id === 'redo') return ['undo'];
  const track = /^prog-(\d+)-(.+)$/.exec(id);
  if (track) {
    const n = Number(track[1]);
    return [...(n > 0 ? [`prog-${n - 1}-${track[2]}`] : []), 'programme-add'];
  }
  return [];
}

function focusable(e: HTMLElement | null): e is HTMLElement {
  return !!e && !(e as HTMLButtonElement).disabled && !e.hidden && e.getClientRects().length > 0;
}

class App implements Ctx, PresentHost, ReportHost {
  lang: Lang = stored(LANG_KEY) === 'en' ? 'en' : 'nl';
  private view: ViewId = VIEW_IDS.includes(stored(VIEW_KEY) as ViewId) ? (stored(VIEW_KEY) as ViewId) : 'overview';
  private readonly store: Store;
  private readonly runner: Runner;
  private saved: Saved[] = [];
  private current!: Saved;
  results: Results | null = null;
  uncertainty: MonteCarlo | null = null;
  /** The last Monte Carlo of the scenario on screen failed: no bands are on their way. */
  private mcFailed = false;
  /** No Monte Carlo of the scenario on screen yet, and one on its way. */
  get bandsComing(): boolean {
    return this.uncertainty === null && !this.mcFailed;
  }
  /** Earlier and undone states of the scenario on screen, with the preset each started from. */
  private undoStack: Step[] = [];
  private redoStack: Step[] = [];
  /** The history of each saved scenario left this session, so going back to it brings it back. */
  private readonly histories = new Map<string, { undo: Step[]; redo: Step[] }>();
  private readonly views: Record<ViewId, View>;
  /** The Monte Carlo waiting to start (0: none). */
  private mcTimer = 0;
  /**
   * The analysis running (a view's long job), with the scenario it is of (`null`: one that
   * does not depend on the scenario on screen, as a comparison of saved scenarios).
   */
  private analysis: { of: string | null } | null = null;
  private waiters: (() => void)[] = [];
  private mcWaiters: (() => void)[] = [];
  private running = 0;
  private reportTimer = 0;
  private readonly presentation = new Presentation(this);
  /** The control whose edits are still being merged into one undo step, and when it last changed. */
  private burst: { key: string; at: number } | null = null;
  /** While the notice says a preset replaced the edits: the history step that brings them back
   * (undone, the notice is untrue and goes). */
  private replaced: Step | undefined;

  constructor(readonly core: Core) {
    this.runner = new Runner(core.wasm);
    this.store = new Store(
      (id) => this.presetById(id)?.scenario,
      (id, saved) => this.external(id, saved),
    );
    this.views = {
      overview: new OverviewView(this),
      programmes: new ProgrammesView(this),
      assumptions: new AssumptionsView(this),
      method: new MethodView(this),
      municipalities: new MunicipalitiesView(this),
      backtest: new BacktestView(this),
      sensitivity: new SensitivityView(this),
      breakdown: new BreakdownView(this),
      bestmix: new BestMixView(this),
      compare: new CompareView(this),
    };
    this.loadSaved();
    byId('version').textContent = core.version;
    for (const button of document.querySelectorAll<HTMLButtonElement>('#lang-switch button')) {
      button.addEventListener('click', () => this.setLang(button.dataset.lang === 'en' ? 'en' : 'nl'));
    }
    document.addEventListener('keydown', (e) => this.shortcut(e));
    // A name typed but not yet confirmed (no Enter or Tab) is kept over a reload: leaving the
    // field confirms it, as Tab would.
    window.addEventListener('pagehide', () => (document.activeElement as HTMLElement | null)?.blur());
    window.addEventListener('beforeprint', () => buildReport(this, byId('print-report')));
    this.renderAll();
    this.requestRun();
    if (hasSharedScenario(location.hash)) void this.openShared(location.hash);
    // A share link pasted into this tab's address bar changes only the fragment.
    window.addEventListener('hashchange', () => {
      if (hasSharedScenario(location.hash)) void this.openShared(location.hash);
    });
    window.caseflow = {
      scenario: () => this.scenario,
      results: () => this.results,
      uncertainty: () => this.uncertainty,
      chartData: () => (this.views.overview as OverviewView).chartData(),
      runCore: () => core.run(this.scenario),
      timeRuns: (iterations) => core.timeRuns(this.scenario, iterations),
      idle: () => (this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve))),
      uncertain: () => (this.uncertainty ? Promise.resolve() : new Promise((resolve) => this.mcWaiters.push(resolve))),
      crashWorker: (atMerge?: boolean) => this.runner.crashLong(atMerge),
      workerRestarts: () => this.runner.restarts,
      openLink: (hash) => this.openShared(hash),
      workerMonteCarlo: async (runs, seed, split = true) => {
        const t0 = performance.now();
        // When the last run is done: the rest is the merge, the percentiles and the answer.
        let runsMs = 0;
        await this.runner.monteCarlo(
          this.scenario,
          runs,
          seed,
          (done) => {
            if (done === runs) runsMs = performance.now() - t0;
          },
          split,
        );
        return { ms: performance.now() - t0, runsMs, memoryBytes: this.runner.memoryBytes };
      },
      viewData: () => this.views[this.view].data?.() ?? null,
      chartAxes: (id) => chartById(id)?.axes() ?? [],
    };
  }

  // --- Ctx -------------------------------------------------------------------------------

  get scenario(): Scenario {
    return this.current.scenario;
  }

  get preset(): Preset | undefined {
    return this.presetById(this.current.preset);
  }

  removed(name: string): void {
    const tx = t(this.lang);
    const before = this.undoStack.at(-1);
    if (!before) return;
    this.notify(tx.removedTrack(name), tx.undo, () => (this.record(), this.restore(before)));
    // Undo of the removal itself hides the notice too.
    this.replaced = before;
  }

  edit(change: (s: Scenario) => void, burst?: string): string | null {
    const next = structuredClone(this.scenario);
    change(next);
    try {
      this.core.check(next);
    } catch (e) {
      // A scenario over the programme cap (saved before there was one) may lose tracks until
      // it is under it: removing one is the way out, not a refused edit.
      const down = next.programmes.length < this.scenario.programmes.length && e instanceof CoreError && e.details.length > 0 && e.details.every((d) => d.field === 'programmes');
      if (down) {
        this.commit(next, window.event?.timeStamp);
        this.mountView();
        return null;
      }
      // The control is still moving (a slider dragged through values the core refuses): the
      // Monte Carlo waits until it stops, as it waits after an accepted edit.
      if (this.mcTimer) this.armUncertainty();
      return message(this.lang, e);
    }
    const structural = next.programmes.length !== this.scenario.programmes.length;
    // The input event behind this edit, if any: the benchmark measures from it to the paint.
    this.commit(next, window.event?.timeStamp, burst);
    // Tracks added or removed change the controls; a value changes only the results.
    if (structural) this.mountView();
    return null;
  }

  endBurst(): void {
    this.burst = null;
  }

  open(view: ViewId, focusId?: string): void {
    this.setView(view);
    // The control opened is brought to the middle of the screen (focus alone scrolled it just
    // into view, at the bottom edge, half cut off).
    const target = focusId ? document.getElementById(focusId) : null;
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: 'center' });
  }

  // --- Presentation (PresentHost) ---------------------------------------------------------

  story(): { name: string; at: number; of: number } {
    return { name: this.shownName(), at: this.saved.findIndex((s) => s.id === this.current.id) + 1, of: this.saved.length };
  }

  step(by: 1 | -1): void {
    const at = this.saved.findIndex((s) => s.id === this.current.id);
    const next = this.saved[(at + by + this.saved.length) % this.saved.length];
    if (next && next !== this.current) this.switchTo(next);
  }

  /** The saved scenario on screen (its id). */
  get shownId(): string {
    return this.current.id;
  }

  /**
   * A presentation that ended on another scenario than the one being edited says so, with a
   * way back (a wethouder's next edit went into the scenario last presented, not her own).
   */
  presented(startId: string): void {
    const start = this.saved.find((s) => s.id === startId);
    if (!start || start === this.current) return;
    const names = this.listNames();
    const [shown, before] = [this.shownName(), names.get(start.id) ?? start.name];
    const tx = t(this.lang);
    this.notify(tx.presentedOther(shown, before), tx.backTo(before), () => this.switchTo(start));
  }

  long<T>(job: Job, onProgress?: (done: number) => void): Promise<T> {
    // An analysis goes before the uncertainty Monte Carlo, which starts again after it.
    this.disarmUncertainty();
    // A comparison that includes the scenario on screen is of it too: an edit makes it stale.
    const of = 'scenario' in job ? job.scenario : job.kind === 'compare' && job.scenarios.includes(this.scenario) ? this.scenario : null;
    const mine = { of: of === null ? null : JSON.stringify(of) };
    this.analysis = mine;
    return this.runner.long<T>(job, onProgress).finally(() => {
      if (this.analysis === mine) this.analysis = null;
      if (!this.uncertainty && !this.runner.longBusy && this.results) this.scheduleUncertainty();
    });
  }

  savedScenarios(): { id: string; name: string; scenario: Scenario; preset: string }[] {
    const names = this.listNames();
    return this.saved.map((s) => ({ id: s.id, name: names.get(s.id) ?? s.name, scenario: s.scenario, preset: s.preset }));
  }

  // --- Scenarios ---------------------------------------------------------------------------

  private presetById(id: string): Preset | undefined {
    return this.core.catalogue.presets.find((p) => p.id === id);
  }

  private presetName(p: Preset): string {
    return this.lang === 'nl' ? p.name_nl : p.name_en;
  }

  /**
   * A name as the page shows it: a preset's own name (in either language) follows the
   * language; any other name is the user's and stays as typed.
   */
  private localName(name: string): string {
    const p = this.core.catalogue.presets.find((x) => x.name_nl === name || x.name_en === name);
    return p ? this.presetName(p) : name;
  }

  /**
   * Whether a saved scenario still has its preset's own name (in either language) but other
   * figures: then a slide, report or list showing that name would give the preset's story
   * ("+7%, met het programma zoals besloten") to figures that are no longer its.
   */
  private renamedByPreset(s: Saved): boolean {
    const p = this.presetById(s.preset);
    return p !== undefined && (s.name === p.name_nl || s.name === p.name_en) && this.differs(s.scenario, p.scenario);
  }

  /** Fingerprints of scenarios seen (each edit makes a new scenario object, so one is
   * computed per edit, not per result drawn). */
  private readonly prints = new WeakMap<Scenario, string>();

  /**
   * Whether two scenarios compute different figures: their fingerprints (the core's canonical
   * form, with defaults written out) differ, so a value dragged away and back to its default
   * is no change, whatever the order of the keys.
   */
  private differs(a: Scenario, b: Scenario): boolean {
    const print = (s: Scenario): string => {
      // The scenario on screen's comes with its run from the worker: no hashing here mid-drag.
      let f = this.fingerprintOf?.scenario === s ? this.fingerprintOf.value : this.prints.get(s);
      if (f === undefined) {
        try {
          f = this.core.fingerprint(s);
        } catch {
          f = JSON.stringify(s);
        }
        this.prints.set(s, f);
      }
      return f;
    };
    return print(a) !== print(b);
  }

  /** The scenario on screen's name as shown ({@link App.listNames}). */
  private shownName(): string {
    return this.listNames().get(this.current.id) ?? this.current.name;
  }

  /**
   * The saved scenarios' names as the lists, slides, report, cite line and files show them: a
   * preset's name on changed figures says "(gewijzigd)", and a name given twice (two "Nieuw"
   * from the same preset) gets its number from the second on, "Basis (2)", so the lists tell
   * them apart. The names kept are not changed. The scenario on screen is taken as it is now
   * (after another tab's save, the list holds a copy read back from storage).
   */
  private listNames(): Map<string, string> {
    const seen = new Map<string, number>();
    const mark = t(this.lang).changedMark;
    return new Map(
      this.saved.map((listed) => {
        const s = listed.id === this.current.id ? this.current : listed;
        const name = this.renamedByPreset(s) ? `${s.name} ${mark}` : s.name;
        const n = (seen.get(name) ?? 0) + 1;
        seen.set(name, n);
        return [s.id, n === 1 ? name : `${name} (${n})`];
      }),
    );
  }

  /** Give a saved scenario named after a preset that preset's name in the page's language. */
  private followLanguage(saved: Saved): void {
    const name = this.localName(saved.name);
    if (name === saved.name) return;
    saved.name = name;
    // A newer version from another tab is not copied aside for a name in the other language:
    // the rename is this tab's only (a tester's language switch made a "(this tab)" copy).
    if (!this.store.behind(saved.id)) this.persist(saved);
  }

  /** Saved scenarios, migrated from earlier versions on first start; one from the baseline if none. */
  private loadSaved(): void {
    const tx = t(this.lang);
    this.store.fromOldKeys({ v1: tx.migratedName, v2: (id) => this.presetName(this.presetById(id) ?? this.core.catalogue.presets[0]!) });
    this.saved = this.store.list();
    const usable = this.saved.filter((s) => this.valid(s.scenario));
    const broken = this.saved.filter((s) => !usable.includes(s));
    const problems = [...broken.map((s) => s.name), ...this.store.unreadable.map((u) => `${u.key} (${u.reason})`)];
    if (problems.length) this.notify(tx.unreadable(problems.join(', ')));
    const last = this.store.last();
    this.current = usable.find((s) => s.id === last) ?? usable[0] ?? this.fresh(this.core.catalogue.presets[0]!);
    // The language may have changed since this scenario was last shown (in another tab).
    this.followLanguage(this.current);
  }

  private valid(s: Scenario): boolean {
    try {
      this.core.check(s);
      return true;
    } catch {
      return false;
    }
  }

  /** A new saved scenario from a preset. */
  private fresh(preset: Preset): Saved {
    const saved = this.store.create(this.presetName(preset), preset.id, structuredClone(preset.scenario));
    this.saved.push(saved);
    this.persist(saved);
    return saved;
  }

  private persist(saved: Saved = this.current): void {
    const tx = t(this.lang);
    const outcome = this.store.save(saved, (name) => tx.copyFromTab(name));
    if (outcome.kind === 'copied') {
      // Another tab changed this scenario: its version stays, ours went to a copy.
      this.saved = this.store.list();
      this.current = this.saved.find((s) => s.id === outcome.copy.id) ?? outcome.copy;
      this.notify(tx.otherTabCopied(saved.name, outcome.copy.name));
      this.renderBar();
    } else if (outcome.kind === 'failed') {
      this.notify(outcome.reason === 'quota' ? tx.quotaFull : tx.storageUnavailable(outcome.message));
    } else {
      this.store.setLast(saved.id);
    }
  }

  /** Another tab saved or deleted a scenario. */
  private external(id: string, saved: Saved | null): void {
    const tx = t(this.lang);
    this.saved = this.store.list();
    if (id === this.current.id && saved) {
      this.notify(tx.otherTabChanged(saved.name), tx.loadTheirs, () => {
        this.store.accept(saved);
        this.switchTo(saved);
      });
    } else if (id === this.current.id && !saved) {
      // Deleted elsewhere: keep it here, saved again, so nothing on screen is lost.
      this.persist();
      this.saved = this.store.list();
    }
    this.renderBar();
  }

  /** The state on screen, for the history. */
  private here(): Step {
    return { scenario: this.scenario, preset: this.current.preset, name: this.current.name };
  }

  /**
   * Remember the state on screen before a change, for undo (a new change drops redo); not
   * again when the last step is that state (an edit that went back where it started, as a
   * value refused while typing puts the one from before back).
   */
  private record(): void {
    this.burst = null;
    const [here, top] = [this.here(), this.undoStack.at(-1)];
    if (JSON.stringify(here) !== JSON.stringify(top)) this.undoStack.push(here);
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
    this.redoStack = [];
  }

  /**
   * Put an edit on screen. Edits of the same control (`burst`, its id) in quick succession
   * are one undo step, so that typing 1350 or dragging a slider is undone at once; the results
   * follow every one of them.
   */
  private commit(next: Scenario, inputTime?: number, burst?: string): void {
    this.checkpoint(burst);
    this.replace(next, inputTime);
  }

  /** Record the state before a change, unless the change continues the burst of the same control. */
  private checkpoint(burst?: string): void {
    const now = performance.now();
    const merge = burst !== undefined && this.burst?.key === burst && now - this.burst.at < EDIT_BURST_MS && this.undoStack.length > 0;
    if (!merge) this.record();
    this.burst = burst === undefined ? null : { key: burst, at: now };
  }

  /** Bring back a state from the history: numbers, preset and name. */
  private restore(step: Step): void {
    this.burst = null;
    this.current.preset = step.preset;
    this.current.name = this.localName(step.name);
    this.replace(step.scenario);
    this.renderAll();
  }

  /** Put a scenario on screen (saved at once) and run it. */
  private replace(next: Scenario, inputTime?: number): void {
    this.current.scenario = next;
    this.uncertainty = null;
    this.persist();
    this.requestRun(inputTime);
    this.renderHistory();
  }

  private undo(): void {
    const prev = this.undoStack.pop();
    if (!prev) return;
    if (prev === this.replaced) byId('notice').hidden = true;
    this.redoStack.push(this.here());
    this.restore(prev);
  }

  private redo(): void {
    const next = this.redoStack.pop();
    if (!next) return;
    this.undoStack.push(this.here());
    this.restore(next);
  }

  private switchTo(saved: Saved): void {
    this.histories.set(this.current.id, { undo: this.undoStack, redo: this.redoStack });
    const history = this.histories.get(saved.id);
    this.current = saved;
    this.followLanguage(saved);
    this.burst = null;
    this.undoStack = history?.undo ?? [];
    this.redoStack = history?.redo ?? [];
    this.results = null;
    this.uncertainty = null;
    this.store.setLast(saved.id);
    this.requestRun();
    this.renderAll();
  }

  /** Start again from a preset, in the same saved scenario (undo brings the edits back). */
  private choosePreset(id: string): void {
    const p = this.presetById(id);
    if (!p) return;
    // The history keeps the preset too, so undo also brings back what edits are marked against.
    this.checkpoint('preset');
    // A name the user gave stays; one that was only the old preset's name (in either language:
    // the language may have changed since) follows the new one.
    const old = this.presetById(this.current.preset);
    // Edits the new starting point replaces are said, with the way back to them (as an
    // undoable step of its own, whatever was done in between).
    if (!old || JSON.stringify(this.scenario) !== JSON.stringify(old.scenario)) {
      const tx = t(this.lang);
      const [savedId, before] = [this.current.id, this.here()];
      this.notify(tx.presetReplaced(this.presetName(p)), tx.undo, () => {
        const saved = this.saved.find((x) => x.id === savedId);
        if (!saved) return;
        if (saved !== this.current) this.switchTo(saved);
        this.record();
        this.restore(before);
      });
      this.replaced = this.undoStack.at(-1);
    }
    if (!old || this.current.name === old.name_nl || this.current.name === old.name_en) this.current.name = this.presetName(p);
    this.current.preset = id;
    this.replace(structuredClone(p.scenario));
    this.renderAll();
  }

  /** Add a scenario from outside (a link or a file) as a new saved one, and show it. */
  private adopt(name: string, preset: string, scenario: Scenario): void {
    const known = this.presetById(preset) ? preset : '';
    const saved = this.store.create(cleanName(name) || t(this.lang).scenario, known, scenario);
    this.saved.push(saved);
    this.persist(saved);
    this.switchTo(saved);
  }

  /** The page was opened from a share link: its scenario becomes a new saved one. */
  private async openShared(hash: string): Promise<void> {
    const tx = t(this.lang);
    // The fragment is read once; a reload shows the saved copy, not a second one.
    history.replaceState(null, '', location.pathname + location.search);
    try {
      const shared = await readShareLink(this.core, hash);
      const name = cleanName(tx.sharedName(shared.name || tx.scenario)) || tx.scenario;
      // The same link opened again: its copy is shown, not a second one beside it.
      const known = this.saved.find((x) => x.name === name && x.preset === shared.preset && !this.differs(x.scenario, shared.scenario));
      if (known) {
        if (known.id !== this.current.id) this.switchTo(known);
        this.notify(tx.sharedKnown(name));
        return;
      }
      this.adopt(name, shared.preset, shared.scenario);
      this.notify(tx.sharedOpened(this.current.name));
    } catch (e) {
      this.notify(tx.linkBroken(message(this.lang, e)));
    }
  }

  private async share(): Promise<void> {
    const tx = t(this.lang);
    const link = await shareLink({ name: this.shownName(), preset: this.current.preset, scenario: this.scenario });
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // No clipboard (a file:// page, a locked-down browser): the link is shown to copy by hand.
    }
    const field = el('input', { type: 'text', id: 'share-link', value: link, readOnly: true });
    attrs(field, { 'aria-label': tx.shareLinkLabel });
    this.notify(copied ? tx.shareCopied : tx.shareCopy, undefined, undefined, field);
    field.select();
  }

  private exportScenario(): void {
    // The file carries the name the user sees (the scenario's own is its preset's id), so that
    // importing it brings back the same name.
    const name = this.shownName();
    // A preset's description as the page shows it: in its language, and saying the figures were
    // changed from it when they were (the file said '200 + 220 + 130 deelnemers' of a scenario
    // with one track left). It changes no fingerprint.
    const p = this.preset;
    const description = p && [p.description_en, p.description_nl].includes(this.scenario.description ?? '') ? this.description() : this.scenario.description;
    const scenario = { ...this.scenario, name, description };
    download(fileName(name, 'json'), 'application/json', `${JSON.stringify(scenario, null, 2)}\n`);
  }

  private async importFile(file: File): Promise<void> {
    const tx = t(this.lang);
    try {
      if (file.size > 1_000_000) throw new ImportError('too_big', String(file.size));
      const scenario = readScenarioFile(this.core, await file.text(), this.lang);
      this.adopt(scenario.name || file.name, '', scenario);
      this.notify(tx.imported(file.name));
    } catch (e) {
      // Nothing saved is touched: the file is refused as a whole.
      this.notify(tx.importFailed(file.name, message(this.lang, e)));
    }
  }

  // --- Runs ------------------------------------------------------------------------------

  /**
   * Run the scenario on screen in the worker and show its results. With `inputTime` (the
   * timeStamp of the input event behind it), the frame that draws the results fires a
   * `caseflow:painted` event with both times, for the benchmark's input-to-paint figure, and
   * the times between (the worker's run, the answer's arrival, the drawing) for its breakdown.
   */
  private requestRun(inputTime?: number): void {
    const scenario = this.scenario;
    // A new scenario's bands are on their way again, whatever became of the last one's.
    this.mcFailed = false;
    // A Monte Carlo or analysis still running for the scenario before is stopped now, not when
    // the results come, so that it does not compete with this run for the processor.
    this.disarmUncertainty();
    if (!this.analysisGoesOn()) this.runner.cancelLong();
    this.running++;
    this.runner
      .run(scenario)
      .then(({ results, fingerprint, timing }) => {
        if (scenario !== this.scenario) return;
        const arrived = performance.now();
        this.results = results;
        this.fingerprintOf = { scenario, value: fingerprint };
        this.views[this.view].update();
        this.presentation.render();
        this.renderCite();
        this.renderNames();
        this.scheduleReport();
        this.scheduleUncertainty();
        if (inputTime !== undefined) {
          const rendered = performance.now();
          requestAnimationFrame(() => window.dispatchEvent(new CustomEvent('caseflow:painted', { detail: { input: inputTime, ...timing, arrived, rendered, painted: performance.now() } })));
        }
      })
      .catch((e: unknown) => {
        if (!(e instanceof Cancelled)) this.notify(message(this.lang, e));
      })
      .finally(() => {
        this.running--;
        if (this.running === 0) for (const w of this.waiters.splice(0)) w();
      });
  }

  /**
   * Whether the analysis running (if any) is still wanted: the user's comparison of saved
   * scenarios goes on while the one on screen changes, and an analysis of the scenario on
   * screen goes on when that scenario's own run comes back after it started. One of a
   * scenario since changed is not; the view that asked for it asks again when shown.
   */
  private analysisGoesOn(): boolean {
    return this.analysis !== null && (this.analysis.of === null || this.analysis.of === JSON.stringify(this.scenario));
  }

  private scheduleUncertainty(): void {
    // The Monte Carlo waits for an analysis that goes on, and starts when it ends (`long`).
    if (this.analysisGoesOn()) {
      this.renderUncertainty();
      return;
    }
    this.runner.cancelLong();
    this.renderUncertainty();
    this.armUncertainty();
  }

  /** Start the Monte Carlo {@link UNCERTAINTY_DELAY_MS} from now (again, if it was waiting). */
  private armUncertainty(): void {
    window.clearTimeout(this.mcTimer);
    this.mcTimer = window.setTimeout(() => {
      this.mcTimer = 0;
      this.computeUncertainty();
    }, UNCERTAINTY_DELAY_MS);
  }

  /** Monte Carlos started on this page (the latest is the one that clears the busy mark). */
  private mcStarted = 0;

  private disarmUncertainty(): void {
    window.clearTimeout(this.mcTimer);
    this.mcTimer = 0;
  }

  private computeUncertainty(): void {
    const tx = t(this.lang);
    const status = byId('uncertainty');
    const scenario = this.scenario;
    this.mcFailed = false;
    const bar = el('progress', { max: UNCERTAINTY_RUNS, value: 0 });
    // The count is not read out at every step (the line is a live region); its result is.
    const text = attrs(el('span', {}), { 'aria-hidden': 'true' });
    // Busy while it runs: a screen reader hears the result once, not the progress bar's steps.
    status.ariaBusy = 'true';
    const mine = ++this.mcStarted;
    const slow = window.setTimeout(() => status.replaceChildren(bar, ' ', text), PROGRESS_AFTER_MS);
    this.runner
      .monteCarlo(scenario, UNCERTAINTY_RUNS, UNCERTAINTY_SEED, (done) => {
        bar.value = done;
        text.textContent = t(this.lang).computing(done, UNCERTAINTY_RUNS);
      })
      .then((mc) => {
        if (scenario !== this.scenario) return;
        this.uncertainty = mc;
        this.views[this.view].update();
        this.presentation.render();
        this.renderCite();
        this.scheduleReport();
        for (const w of this.mcWaiters.splice(0)) w();
      })
      .catch((e: unknown) => {
        if (e instanceof Cancelled || scenario !== this.scenario) return;
        this.mcFailed = true;
        this.notify(`${tx.uncertaintyFailed}: ${message(this.lang, e)}`);
        // Charts and slides waiting for the bands stop waiting.
        this.views[this.view].update();
        this.presentation.render();
      })
      .finally(() => {
        window.clearTimeout(slow);
        this.renderUncertainty();
        // A run cancelled for a newer one ends after that one began: that one is still busy.
        if (mine === this.mcStarted) status.ariaBusy = 'false';
      });
  }

  /** The command that gives the same numbers: the preset and the user's overrides, or the file. */
  private command(mc: MonteCarlo): string {
    const p = this.preset;
    // The preset with other assumptions or another horizon: flags; anything else: the file.
    const same = p && JSON.stringify({ ...p.scenario, set: {}, months: 0 }) === JSON.stringify({ ...this.scenario, set: {}, months: 0 });
    // Otherwise the file Exporteer saves (JSON, which the CLI reads as it reads TOML).
    if (!p || !same) return `caseflow run --scenario ${fileName(this.shownName(), 'json')} --runs ${mc.runs} --seed ${mc.seed}`;
    const sets = Object.entries(this.scenario.set)
      .filter(([id, v]) => p.scenario.set[id] !== v)
      .map(([id, v]) => ` --set ${id}=${v}`)
      .join('');
    const months = this.scenario.months !== p.scenario.months ? ` --months ${this.scenario.months}` : '';
    return `caseflow run --preset ${p.id}${months}${sets} --runs ${mc.runs} --seed ${mc.seed}`;
  }

  private renderUncertainty(): void {
    const tx = t(this.lang);
    const status = byId('uncertainty');
    const mc = this.uncertainty;
    if (!mc) {
      setText(status, this.analysis ? tx.uncertaintyWaits : this.runner.longBusy ? tx.computing(0, UNCERTAINTY_RUNS) : tx.uncertaintyHint(formatNumber(this.lang, UNCERTAINTY_RUNS)));
      return;
    }
    const net = mc.summary['net_saving_eur'] as Stats<string>;
    const benefits = mc.summary['benefits_end'] as Stats;
    const e = (v: string | null) => (v === null ? '–' : formatEur(this.lang, v));
    const n = (v: number | null) => (v === null ? '–' : formatNumber(this.lang, v));
    // Without programmes there is no net result and nothing to pay back.
    const money = this.results && this.results.summary.participants > 0 ? tx.uncertaintyMoney(e(net.p5), e(net.p95), `${sharePct(this.lang, mc.summary.payback_month.share_paying_back)}%`, e(net.p50)) : '';
    status.textContent = tx.uncertaintyResult(n(benefits.p5), n(benefits.p95), money, n(mc.runs), mc.seed, this.command(mc));
  }

  // --- Rendering ---------------------------------------------------------------------------

  /**
   * Re-render without losing the keyboard focus: the control that had it (found again by its
   * id) gets it back, or a neighbour when it is gone or disabled; a text field keeps its caret.
   */
  private keepingFocus(render: () => void): void {
    const active = document.activeElement;
    const id = active instanceof HTMLElement && active !== document.body ? active.id : '';
    const caret = active instanceof HTMLInputElement && active.type === 'text' ? [active.selectionStart, active.selectionEnd] : null;
    render();
    // A control disabled by the render may still hold the focus for a moment: Chromium (148 and
    // later) moves it to the body at the next frame. It counts as lost.
    const now = document.activeElement as HTMLElement | null;
    if (!id || (now !== document.body && now?.id === id && focusable(now))) return;
    for (const candidate of [id, ...focusNeighbours(id)]) {
      const e = document.getElementById(candidate);
      if (!focusable(e)) continue;
      e.focus({ preventScroll: true });
      if (candidate === id && caret && e instanceof HTMLInputElement && e.type === 'text') e.setSelectionRange(caret[0] ?? null, caret[1] ?? null);
      return;
    }
  }

  private renderAll(): void {
    this.keepingFocus(() => this.renderAllNow());
  }

  private renderAllNow(): void {
    const tx = t(this.lang);
    document.documentElement.lang = this.lang;
    for (const e of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
      const v = tx[e.dataset.i18n as keyof typeof tx];
      if (typeof v === 'string') e.textContent = v;
    }
    for (const button of document.querySelectorAll<HTMLButtonElement>('#lang-switch button')) {
      button.setAttribute('aria-pressed', String(button.dataset.lang === this.lang));
    }
    this.renderBar();
    this.renderTabs();
    this.mountView();
    this.renderUncertainty();
    this.renderCite();
  }

  private renderBar(): void {
    this.keepingFocus(() => this.renderBarNow());
  }

  /** The preset's description, or, when the figures are no longer the preset's, that they
   * were changed from it. */
  private description(): string {
    const p = this.preset;
    if (!p) return '';
    const d = this.lang === 'nl' ? p.description_nl : p.description_en;
    return this.differs(this.scenario, p.scenario) ? t(this.lang).changedFrom(d) : d;
  }

  /** The names in the list and the description after an edit or rename (the bar is not
   * rebuilt: that would lose the focus of the control being edited). */
  private renderNames(): void {
    const names = this.listNames();
    const choose = document.getElementById('scenario-select') as HTMLSelectElement | null;
    for (const o of choose?.options ?? []) {
      const name = names.get(o.value);
      if (name !== undefined && o.textContent !== name) o.textContent = name;
    }
    const description = document.getElementById('preset-description');
    const text = this.description();
    if (description && description.textContent !== text) description.textContent = text;
  }

  private renderBarNow(): void {
    const tx = t(this.lang);
    const choose = el('select', { id: 'scenario-select' });
    const names = this.listNames();
    for (const s of this.saved) choose.append(el('option', { value: s.id, selected: s.id === this.current.id }, names.get(s.id) ?? s.name));
    onChoose(choose, () => {
      const s = this.saved.find((x) => x.id === choose.value);
      if (s && s !== this.current) this.switchTo(s);
    });
    const name = el('input', { type: 'text', id: 'scenario-name', value: this.current.name, maxLength: 120 });
    name.addEventListener('change', () => {
      // An empty name is no name: the field shows the one kept.
      const typed = name.value.trim() || this.current.name;
      name.value = typed;
      if (typed === this.current.name) return;
      // A new name is a change like any other: undo brings the old one back.
      this.record();
      this.current.name = typed;
      this.persist();
      // Only the list's entries change (a name given twice is numbered there): rebuilding the
      // bar here would lose the focus that Tab is moving on to the next control.
      this.renderNames();
      name.value = typed;
      this.renderHistory();
      this.renderCite();
    });
    const presets = el('select', { id: 'preset' });
    // A scenario read from a file has no preset: the list says so instead of showing the first.
    if (!this.preset) presets.append(el('option', { value: '', selected: true }, tx.noPreset));
    for (const p of this.core.catalogue.presets) presets.append(el('option', { value: p.id, selected: p.id === this.current.preset }, this.presetName(p)));
    onChoose(presets, () => this.choosePreset(presets.value));
    const button = (id: string, text: string, action: (e: MouseEvent) => unknown) => {
      const b = el('button', { type: 'button', id }, text);
      b.addEventListener('click', action);
      return b;
    };
    // A button that makes or deletes a scenario takes a double click as one click: the bar is
    // drawn again after the first, and the second deleted the scenario shown next.
    const once = (id: string, text: string, action: () => void) => button(id, text, (e) => e.detail > 1 || action());
    const description = this.description();
    const importer = el('input', { type: 'file', id: 'import', accept: '.json,.toml,application/json,text/plain', className: 'visually-hidden' });
    importer.addEventListener('change', () => {
      const file = importer.files?.[0];
      if (file) void this.importFile(file);
      importer.value = '';
    });
    // Two rows, each on one line at 1280 px: the scenario; then undo and what goes out of the page.
    const row = (className: string, ...children: (Node | string)[]) => el('div', { className }, ...children);
    // A label wraps to the next line together with its control, never apart from it.
    const pair = (...children: Node[]) => el('span', { className: 'pair' }, ...children);
    byId('scenario-bar').replaceChildren(
      row(
        'bar-row',
        pair(el('label', { htmlFor: 'scenario-select' }, tx.scenario), choose),
        pair(el('label', { htmlFor: 'scenario-name' }, tx.name), name),
        once('scenario-new', tx.newScenario, () => this.switchTo(this.fresh(this.core.catalogue.presets[0]!))),
        once('scenario-copy', tx.copyScenario, () => {
          const copy = this.store.create(tx.copyOf(this.current.name), this.current.preset, structuredClone(this.scenario));
          this.saved.push(copy);
          this.persist(copy);
          this.switchTo(copy);
        }),
        once('scenario-delete', tx.deleteScenario, () => this.remove()),
        pair(el('label', { htmlFor: 'preset' }, tx.preset), presets),
      ),
      row(
        'bar-row tools',
        button('undo', tx.undo, () => this.undo()),
        button('redo', tx.redo, () => this.redo()),
        button('present', tx.present, () => this.presentation.start()),
        button('print', tx.print, () => {
          buildReport(this, byId('print-report'));
          window.print();
        }),
        button('share', tx.share, () => void this.share()),
        button('export-scenario', tx.exportScenario, () => this.exportScenario()),
        attrs(button('export-csv', tx.csv, () => this.downloadCsv()), { title: tx.csvTitle }),
        button('export-xlsx', tx.xlsx, () => void this.downloadXlsx()),
        // The hidden file input goes first, so that its focus can show on the label after it.
        importer,
        el('label', { htmlFor: 'import', className: 'button' }, tx.importScenario),
      ),
      el('p', { className: 'description', id: 'preset-description' }, description),
    );
    this.renderHistory();
  }

  /** Undo and redo enabled as there is something to undo or redo; a button disabled with the
   * focus on it passes it to the other (Chromium 148 drops the focus at once). */
  private renderHistory(): void {
    const undo = document.getElementById('undo') as HTMLButtonElement | null;
    const redo = document.getElementById('redo') as HTMLButtonElement | null;
    const [noUndo, noRedo] = [this.undoStack.length === 0, this.redoStack.length === 0];
    // Most edits of a drag change neither button: then nothing is touched, since looking
    // after the focus makes the browser lay out the page, half a millisecond of each step.
    if (undo?.disabled === noUndo && redo?.disabled === noRedo) return;
    this.keepingFocus(() => {
      if (undo) undo.disabled = noUndo;
      if (redo) redo.disabled = noRedo;
    });
  }

  /** Delete the scenario on screen; the notice offers to bring it back. */
  private remove(): void {
    const tx = t(this.lang);
    const gone = this.current;
    this.store.remove(gone.id);
    this.saved = this.saved.filter((s) => s.id !== gone.id);
    this.switchTo(this.saved[0] ?? this.fresh(this.core.catalogue.presets[0]!));
    this.notify(tx.deleted(gone.name), tx.restore, () => {
      this.saved.push(gone);
      this.persist(gone);
      this.switchTo(gone);
    });
  }

  private renderTabs(): void {
    const tx = t(this.lang);
    const tabs = VIEW_IDS.map((id) => {
      const b = el('button', { type: 'button', id: `tab-${id}`, tabIndex: id === this.view ? 0 : -1 }, tx.views[id] ?? ta(this.lang).views[id] ?? id);
      attrs(b, { role: 'tab', 'aria-selected': String(id === this.view), 'aria-controls': 'view' });
      // The tab already shown is not drawn again: that would drop the keyboard focus on it.
      b.addEventListener('click', () => id !== this.view && this.setView(id));
      return b;
    });
    const nav = byId('tabs');
    attrs(nav, { 'aria-label': tx.viewsLabel });
    nav.replaceChildren(...tabs);
    // On a phone the tabs are one row that scrolls: the one shown is kept in sight.
    const shown = byId(`tab-${this.view}`);
    const x = shown.offsetLeft - nav.offsetLeft;
    if (x < nav.scrollLeft || x + shown.offsetWidth > nav.scrollLeft + nav.clientWidth) nav.scrollLeft = x;
    // Arrow keys move between the tabs, Home and End go to the first and the last (the
    // WAI-ARIA tabs pattern); Tab leaves the list.
    nav.onkeydown = (e) => {
      const at = VIEW_IDS.indexOf(this.view);
      const n = VIEW_IDS.length;
      const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: n - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      const next = VIEW_IDS[(to + n) % n]!;
      this.setView(next);
      document.getElementById(`tab-${next}`)?.focus();
    };
  }

  private setView(id: ViewId): void {
    this.view = id;
    remember(VIEW_KEY, id);
    this.renderTabs();
    this.mountView();
  }

  private mountView(): void {
    const main = byId('view');
    attrs(main, { 'aria-labelledby': `tab-${this.view}` });
    // Each mount gets its own root: a view whose long job ends after the user left it draws
    // into its old, detached root, not over the view now shown.
    const root = el('div', { className: 'view-root' });
    this.keepingFocus(() => {
      main.replaceChildren(root);
      this.views[this.view].mount(root);
    });
  }

  /**
   * The comparison on screen, for the printed report when printing from Vergelijken (a print
   * from there gave the one scenario's report without it): its charts and its tables, copied
   * without their ids.
   */
  comparison(): { title: string; charts: LineChart[]; parts: Element[] } | null {
    if (this.view !== 'compare') return null;
    const parts = ['compare-periods', 'compare-table', 'compare-chances', 'compare-command'].flatMap((id) => {
      const copy = document.getElementById(id)?.cloneNode(true) as Element | undefined;
      for (const e of copy ? [copy, ...copy.querySelectorAll('[id]')] : []) e.removeAttribute('id');
      return copy ? [copy] : [];
    });
    return parts.length ? { title: ta(this.lang).cmpTitle, charts: (this.views.compare as CompareView).charts(), parts } : null;
  }

  citeLine(): string {
    const tx = t(this.lang);
    const mc = this.uncertainty ? tx.citeMc(this.uncertainty.runs, this.uncertainty.seed) : '';
    return tx.cite(this.shownName(), this.core.version, this.fingerprint(), mc);
  }

  private fingerprintOf: { scenario: Scenario; value: string } | null = null;

  /** The scenario's fingerprint (computed once per scenario). */
  fingerprint(): string {
    if (this.fingerprintOf?.scenario !== this.scenario) this.fingerprintOf = { scenario: this.scenario, value: this.core.fingerprint(this.scenario) };
    return this.fingerprintOf.value;
  }

  /** The results, the assumptions with their sources and the cite line as an Excel workbook. */
  private async downloadXlsx(): Promise<void> {
    try {
      const name = this.shownName();
      const blob = await workbook({ core: this.core, lang: this.lang, scenario: { ...this.scenario, name }, uncertainty: this.uncertainty, name, cite: this.citeLine(), fingerprint: this.fingerprint() });
      download(fileName(name, 'xlsx'), blob.type, blob);
    } catch (e) {
      this.notify(message(this.lang, e));
    }
  }

  /** The results as CSV files, monthly, yearly and the summary, with the percentiles. */
  private downloadCsv(): void {
    const date = new Date().toISOString().slice(0, 10);
    // The cite line names the scenario as the page does; the suffix is kept after a long name.
    const name = this.shownName();
    for (const table of ['months', 'years', 'summary'] as const) {
      download(fileName(name, 'csv', `-${table}`), 'text/csv', this.core.csv({ ...this.scenario, name }, this.uncertainty, this.lang, date, table));
    }
  }

  private renderCite(): void {
    setText(byId('cite'), this.citeLine());
  }

  /** The printed report follows the results, a moment after the last change. */
  private scheduleReport(): void {
    window.clearTimeout(this.reportTimer);
    this.reportTimer = window.setTimeout(() => buildReport(this, byId('print-report')), REPORT_DELAY_MS);
  }

  private setLang(lang: Lang): void {
    this.lang = lang;
    remember(LANG_KEY, lang);
    this.followLanguage(this.current);
    this.renderAll();
  }

  /** A message above the views, with an optional action (restore, load the other version). */
  private notify(text: string, action?: string, onAction?: () => void, extra?: Node): void {
    const notice = byId('notice');
    this.replaced = undefined;
    notice.hidden = false;
    // Closed from the keyboard, the focus goes back where it was (or to the view), not to the page's start.
    const before = document.activeElement as HTMLElement | null;
    const hide = () => {
      notice.hidden = true;
      if (notice.contains(document.activeElement)) (focusable(before) ? before : byId('view')).focus();
    };
    const close = el('button', { type: 'button', className: 'close' }, '×');
    attrs(close, { 'aria-label': t(this.lang).close });
    close.addEventListener('click', hide);
    const parts: (Node | string)[] = [text];
    if (extra) parts.push(' ', extra);
    if (action && onAction) {
      const b = el('button', { type: 'button', id: 'notice-action' }, action);
      b.addEventListener('click', () => {
        hide();
        onAction();
      });
      parts.push(' ', b);
    }
    notice.replaceChildren(...parts, ' ', close);
  }

  /** Undo and redo from the keyboard, except in text fields (which have their own undo). */
  private shortcut(e: KeyboardEvent): void {
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text')) return;
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      this.undo();
    } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
      e.preventDefault();
      this.redo();
    }
  }
}

// Served over http(s), a service worker keeps the app for offline use (web/public/sw.js);
// opened from a file it needs none.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // Without it the app works as before, online.
  });
}

try {
  new App(await Core.load());
} catch (e) {
  const fatal = byId('fatal');
  fatal.hidden = false;
  fatal.textContent = `${t(stored(LANG_KEY) === 'en' ? 'en' : 'nl').fatal}: ${e instanceof Error ? e.message : String(e)}`;
}
