// What every view gets from the page: the language, the core's tables, the scenario on screen
// with its results, and the few ways to change it. Views never change the scenario themselves.
import type { Core, MonteCarlo, Preset, Results, Scenario } from '../core';
import type { Lang } from '../i18n';

export type ViewId = 'overview' | 'programmes' | 'assumptions' | 'method';

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
  /** Change a copy of the scenario: null when it was taken, else the message for the field. */
  edit(change: (s: Scenario) => void): string | null;
  /** The "cite this result" line: caseflow version, scenario name and fingerprint. */
  citeLine(): string;
  /** Open another view and put the focus on an element in it. */
  open(view: ViewId, focusId?: string): void;
}

/** A tab of the page. */
export interface View {
  /** Build the controls (on opening, a language switch, undo, a reset). */
  mount(host: HTMLElement): void;
  /** Show new results (after every run). */
  update(): void;
  /** The charts it draws, for presentation mode and exports. */
  charts?(): import('../chart').LineChart[];
}
