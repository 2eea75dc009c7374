// The user's scenarios, saved in the browser as they are edited (localStorage).
//
// One key per scenario (`caseflow.s.<id>`), so two tabs that edit different scenarios never
// touch each other's data. Each record carries the storage schema (`schema`), a revision and the
// tab that wrote it last: a tab that finds a newer revision from another tab under the key it
// is about to write does not overwrite it, but saves its own version as a copy and says so.
// Older formats are migrated when read (see `migrate`); a record that cannot be read is left
// where it is and reported, never deleted. A full quota is reported; the edits stay on screen.
import type { Scenario } from './core';

/** The storage schema written by this version. */
export const STORAGE_SCHEMA = 3;
const PREFIX = 'caseflow.s.';
const LAST_KEY = 'caseflow.last';
/** Formats of earlier versions, migrated into scenarios on first start. */
const V1_KEY = 'caseflow.scenario.v1';
const V2_KEY = 'caseflow.choice.v2';

/** A saved scenario. */
export interface Saved {
  schema: number;
  id: string;
  name: string;
  /** The preset it started from (for "edited" marks and resets). */
  preset: string;
  scenario: Scenario;
  created: number;
  /** Bumped by every save. */
  rev: number;
  /** The tab that saved it last. */
  writer: string;
}

/** What became of a save. */
export type SaveOutcome =
  | { kind: 'saved' }
  /** Another tab changed this scenario meanwhile: ours went to a new copy. */
  | { kind: 'copied'; copy: Saved }
  | { kind: 'failed'; reason: 'quota' | 'unavailable'; message: string };

/** What the store could not read. */
export interface Unreadable {
  key: string;
  reason: string;
}

function newId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const COMPARE_KEY = 'caseflow.compare';

/** The scenarios last picked in Vergelijken (`saved:ID`/`preset:ID`, '' for none). */
export function comparePicks(): string[] {
  try {
    const v: unknown = JSON.parse(storage()?.getItem(COMPARE_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function keepComparePicks(picks: string[]): void {
  try {
    storage()?.setItem(COMPARE_KEY, JSON.stringify(picks));
  } catch {
    // Only a convenience, as the last scenario open is.
  }
}

function isQuota(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);
}

/**
 * Bring a stored record to the current schema, or say why it cannot be. Schema 3 is the first
 * per-scenario record; earlier versions kept one scenario under a single key (`fromOldKeys`).
 */
export function migrate(raw: unknown): Saved | string {
  if (typeof raw !== 'object' || raw === null) return 'not an object';
  const r = raw as Partial<Saved>;
  if (typeof r.schema !== 'number') return 'no schema version';
  if (r.schema > STORAGE_SCHEMA) return `schema ${r.schema} is newer than this caseflow (${STORAGE_SCHEMA})`;
  if (typeof r.id !== 'string' || typeof r.scenario !== 'object' || r.scenario === null) return 'no id or scenario';
  return {
    schema: STORAGE_SCHEMA,
    id: r.id,
    name: typeof r.name === 'string' ? r.name : r.id,
    preset: typeof r.preset === 'string' ? r.preset : '',
    scenario: r.scenario as Scenario,
    created: typeof r.created === 'number' ? r.created : 0,
    rev: typeof r.rev === 'number' ? r.rev : 0,
    writer: typeof r.writer === 'string' ? r.writer : '',
  };
}

export class Store {
  /** This tab. */
  readonly tab = newId();
  /** The revision of each scenario this tab last read or wrote. */
  private readonly known = new Map<string, number>();
  readonly unreadable: Unreadable[] = [];

  /**
   * @param presetScenario the scenario of a preset, to migrate the old "preset + edits" format
   * @param onExternal called when another tab saved or deleted a scenario
   */
  constructor(
    private readonly presetScenario: (id: string) => Scenario | undefined,
    onExternal: (id: string, saved: Saved | null) => void,
  ) {
    window.addEventListener('storage', (e) => {
      if (!e.key?.startsWith(PREFIX)) return;
      const id = e.key.slice(PREFIX.length);
      const saved = e.newValue === null ? null : this.parse(e.newValue);
      onExternal(id, typeof saved === 'string' ? null : saved);
    });
  }

  private parse(text: string): Saved | string {
    try {
      return migrate(JSON.parse(text));
    } catch (e) {
      return `not JSON (${e instanceof Error ? e.message : String(e)})`;
    }
  }

  /** Every readable saved scenario, oldest first; unreadable ones are listed in `unreadable`. */
  list(): Saved[] {
    const ls = storage();
    if (!ls) return [];
    this.unreadable.length = 0;
    const out: Saved[] = [];
    for (let i = 0; i < ls.length; i++) {
      const key = ls.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const saved = this.parse(ls.getItem(key) ?? '');
      if (typeof saved === 'string') this.unreadable.push({ key, reason: saved });
      else {
        out.push(saved);
        if (!this.known.has(saved.id)) this.known.set(saved.id, saved.rev);
      }
    }
    return out.sort((a, b) => a.created - b.created || a.id.localeCompare(b.id));
  }

  /** Scenarios kept by earlier versions under a single key, as new records (saved once). */
  fromOldKeys(names: { v1: string; v2: (preset: string) => string }): Saved[] {
    const ls = storage();
    if (!ls) return [];
    const found: Saved[] = [];
    try {
      const v1 = ls.getItem(V1_KEY);
      if (v1) {
        const scenario = JSON.parse(v1) as Scenario;
        if (typeof scenario === 'object' && scenario !== null) found.push(this.create(names.v1, 'baseline', scenario));
      }
      const v2 = ls.getItem(V2_KEY);
      if (v2) {
        const c = JSON.parse(v2) as { preset?: unknown; set?: unknown };
        const base = typeof c.preset === 'string' ? this.presetScenario(c.preset) : undefined;
        if (base && typeof c.set === 'object' && c.set !== null) {
          const scenario = { ...base, set: { ...base.set, ...(c.set as Record<string, number>) } };
          found.push(this.create(names.v2(c.preset as string), c.preset as string, scenario));
        }
      }
    } catch {
      // A broken old entry is left where it is; there is nothing to migrate from it.
    }
    for (const s of found) this.save(s);
    // Moved, not lost: the old keys go only once their scenarios are saved under new ones.
    if (found.every((s) => this.known.has(s.id))) {
      ls.removeItem(V1_KEY);
      ls.removeItem(V2_KEY);
    }
    return found;
  }

  /** A new record (not saved yet). */
  create(name: string, preset: string, scenario: Scenario): Saved {
    return { schema: STORAGE_SCHEMA, id: newId(), name, preset, scenario, created: Date.now(), rev: 0, writer: this.tab };
  }

  /**
   * Save a scenario. If another tab saved a newer revision of it since this tab last saw it,
   * that version stays and ours is saved as a copy named `copyName`.
   */
  save(saved: Saved, copyName?: (name: string) => string): SaveOutcome {
    const ls = storage();
    if (!ls) return { kind: 'failed', reason: 'unavailable', message: 'localStorage is not available' };
    const key = PREFIX + saved.id;
    const theirs = ls.getItem(key);
    if (theirs !== null) {
      const other = this.parse(theirs);
      const seen = this.known.get(saved.id);
      if (typeof other !== 'string' && other.writer !== this.tab && seen !== undefined && other.rev > seen) {
        const copy = this.create(copyName ? copyName(saved.name) : saved.name, saved.preset, saved.scenario);
        const outcome = this.save(copy);
        return outcome.kind === 'saved' ? { kind: 'copied', copy } : outcome;
      }
    }
    const next = { ...saved, schema: STORAGE_SCHEMA, rev: Math.max(saved.rev, this.known.get(saved.id) ?? 0) + 1, writer: this.tab };
    try {
      ls.setItem(key, JSON.stringify(next));
    } catch (e) {
      return { kind: 'failed', reason: isQuota(e) ? 'quota' : 'unavailable', message: e instanceof Error ? e.message : String(e) };
    }
    saved.rev = next.rev;
    saved.writer = this.tab;
    this.known.set(saved.id, next.rev);
    return { kind: 'saved' };
  }

  /** Whether another tab saved a newer revision of a scenario since this tab last saw it. */
  behind(id: string): boolean {
    const theirs = storage()?.getItem(PREFIX + id) ?? null;
    if (theirs === null) return false;
    const other = this.parse(theirs);
    const seen = this.known.get(id);
    return typeof other !== 'string' && other.writer !== this.tab && seen !== undefined && other.rev > seen;
  }

  /** Note that this tab has taken another tab's version of a scenario. */
  accept(saved: Saved): void {
    this.known.set(saved.id, saved.rev);
  }

  remove(id: string): void {
    storage()?.removeItem(PREFIX + id);
    this.known.delete(id);
  }

  /** The scenario this browser had open last. */
  last(): string | null {
    return storage()?.getItem(LAST_KEY) ?? null;
  }

  setLast(id: string): void {
    try {
      storage()?.setItem(LAST_KEY, id);
    } catch {
      // Only a convenience; the scenarios themselves are saved separately.
    }
  }
}
