// Moving scenarios: share links (the whole scenario in the URL fragment, deflated; no server
// sees it) and scenario files (the CLI's `--scenario` schema, JSON or TOML). What comes in is
// untrusted: it is size-capped, parsed, and checked by the core before it becomes a scenario;
// names and texts from it are only ever shown as text.
import { parse as parseToml } from 'smol-toml';
import type { Core, Scenario } from './core';

/** Files and links larger than this are refused before parsing. */
export const MAX_BYTES = 1_000_000;
const LINK_PREFIX = '#s=';

/**
 * What is wrong with a file or a link; the page words it in the user's language. A link's
 * `detail` is the step that failed (`code`: not the link's own characters, `cut`: the packed
 * scenario is cut off or damaged, `text`: not text, `json`: text that is no scenario, `none`: no scenario
 * in it), so the message never quotes the browser's English; a file's syntax error gives its
 * line (and column) when the TOML reader knows them.
 */
export class ImportError extends Error {
  constructor(
    readonly kind: 'too_big' | 'syntax' | 'link' | 'empty',
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

/** What a link or a file carries: the scenario and, from links, its name and preset. */
export interface Shared {
  name: string;
  preset: string;
  scenario: Scenario;
}

/** Read a scenario file's text (JSON when it starts with `{`, TOML otherwise), checked. */
export function readScenarioFile(core: Core, text: string, lang: 'nl' | 'en' = 'nl'): Scenario {
  if (text.length > MAX_BYTES) throw new ImportError('too_big', `${text.length}`);
  // An empty file would read as the default scenario, as if something had been imported.
  if (text.trim() === '') throw new ImportError('empty', '0');
  let json: string;
  const start = text.trimStart();
  if (start.startsWith('{') || (start.startsWith('[') && isJson(text))) {
    // JSON (a list too, which TOML would misread and the core refuses in words).
    json = text;
  } else {
    let parsed: Record<string, unknown>;
    try {
      parsed = parseToml(text);
    } catch (e) {
      const at = e as { line?: unknown; column?: unknown };
      throw new ImportError('syntax', typeof at.line === 'number' ? `${at.line}:${typeof at.column === 'number' ? at.column : 0}` : '');
    }
    json = JSON.stringify(fromPreset(core, parsed, lang));
  }
  // The core reads and checks it; its errors name the field (CoreError, with details).
  return core.readScenario(json);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A preset file of the repository (`data/presets/*.toml`: an id, names and descriptions in both
 * languages, then a scenario's fields, its programmes as templates with changes) as a scenario,
 * named in the page's language, as the core assembles its presets; any other table as it is.
 */
function fromPreset(core: Core, table: Record<string, unknown>, lang: 'nl' | 'en'): Record<string, unknown> {
  if (typeof table.id !== 'string' || typeof table.name_nl !== 'string') return table;
  const { id: _id, name_nl, name_en, description_nl, description_en, programmes, ...scenario } = table;
  const expand = (p: unknown) => {
    if (typeof p !== 'object' || p === null || !('template' in p)) return p;
    const { template, ...changes } = p as Record<string, unknown>;
    const t = core.catalogue.templates.find((t) => t.id === template);
    // An unknown template stays, and the core names it as a field it does not know.
    return t ? { ...t.programme, ...changes } : p;
  };
  return {
    ...scenario,
    ...(Array.isArray(programmes) ? { programmes: programmes.map(expand) } : {}),
    name: lang === 'nl' ? name_nl : (name_en ?? name_nl),
    description: (lang === 'nl' ? description_nl : description_en) ?? '',
  };
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    // A small link that inflates to something huge is refused as it inflates.
    if (size > limit) {
      await reader.cancel();
      throw new ImportError('too_big', `> ${limit}`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The share link of a scenario: this page's address with the scenario in the fragment. */
export async function shareLink(shared: Shared): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(shared));
  const packed = await pipe(json, new CompressionStream('deflate-raw'), MAX_BYTES);
  const base = location.href.split('#')[0];
  return `${base}${LINK_PREFIX}${toBase64Url(packed)}`;
}

/** Whether the page was opened from a share link. */
export function hasSharedScenario(hash: string): boolean {
  return hash.startsWith(LINK_PREFIX);
}

/** The scenario in a share link's fragment, checked by the core. */
export async function readShareLink(core: Core, hash: string): Promise<Shared> {
  // Each step's failure named by the step (see `ImportError`).
  const step = <T>(detail: string, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof ImportError) throw e;
      throw new ImportError('link', detail);
    }
  };
  const code = hash.slice(LINK_PREFIX.length);
  // Only a share link's characters, yet unreadable: its length is off, so it was cut.
  const packed = step(/^[A-Za-z0-9_-]*$/.test(code) ? 'cut' : 'code', () => fromBase64Url(code));
  let bytes: Uint8Array;
  try {
    bytes = await pipe(packed, new DecompressionStream('deflate-raw'), MAX_BYTES);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('link', 'cut');
  }
  const json = step('text', () => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  const outer: unknown = step('json', () => JSON.parse(json));
  if (typeof outer !== 'object' || outer === null || !('scenario' in outer)) throw new ImportError('link', 'none');
  const o = outer as { name?: unknown; preset?: unknown; scenario: unknown };
  const scenario = core.readScenario(JSON.stringify(o.scenario));
  const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
  return { name: text(o.name, 120), preset: text(o.preset, 60), scenario };
}

/** Offer bytes or text as a download (a file name and a type). */
export function download(name: string, type: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a scenario name: letters, digits and dashes. */
export function fileName(name: string, ext: string, suffix = ''): string {
  const base = name
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'scenario'}${suffix}.${ext}`;
}
