// What every view gets from the page: the language, the core's tables, the scenario on screen
// with its results, and the few ways to change it. Views never change the scenario themselves.
import type { Core, MonteCarlo, Preset, Results, Scenario } from '../core';
import type { Lang } from '../i18n';
import type { Job } from '../runner';

export type ViewId = 'overview' | 'programmes' | 'assumptions' | 'method' | 'municipalities' | 'backtest' | 'sensitivity' | 'breakdown' | 'bestmix' | 'compare';

export interface Ctx {
  readonly lang: Lang;
  readonly core: Core;
  /** The scenario on screen (the last valid one). */
  readonly scenario: Scenario;
  /** The preset it started from: edits are marked against it, resets go back to it. */
  readonly preset: Preset | undefined;
  /** The deterministic run of `scenario`, once the worker has answered. */
  readonly results: Results | null;
  /** The Monte Carlo of `scenario`, once computed (null while it runs or after an edit). */
  readonly uncertainty: MonteCarlo | null;
  /** No Monte Carlo yet, and one on its way (not failed): the bands will come. */
  readonly bandsComing: boolean;
  /**
   * Change a copy of the scenario: null when it was taken, else the message for the field.
   * Edits with the same `burst` (a control's id) in quick succession are one undo step.
   */
  edit(change: (s: Scenario) => void, burst?: string): string | null;
  /** The control's edit is done (its `change` event): its next edit is a new undo step. */
  endBurst(): void;
  /** Say that the last edit removed a track (`name`), with the way back to before it. */
  removed(name: string): void;
  /** The "cite this result" line: caseflow version, scenario name and fingerprint. */
  citeLine(): string;
  /** Open another view and put the focus on an element in it. */
  open(view: ViewId, focusId?: string): void;
  /** A long computation in the worker (it replaces the long job running before it). */
  long<T>(job: Job, onProgress?: (done: number) => void): Promise<T>;
  /** The user's saved scenarios, by name (for comparing). */
  /** The saved scenarios with the names the lists show and the preset each started from. */
  savedScenarios(): { id: string; name: string; scenario: Scenario; preset: string }[];
}

/** A tab of the page. */
export interface View {
  /** Build the controls (on opening, a language switch, undo, a reset). */
  mount(host: HTMLElement): void;
  /** Show new results (after every run). */
  update(): void;
  /** What it shows that the tests compare with the CLI (an analysis), null until computed. */
  data?(): unknown;
  /** The charts it draws, for presentation mode and exports. */
  charts?(): import('../chart').LineChart[];
}
