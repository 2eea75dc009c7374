// The Excel workbook of a scenario, written in the browser. Its tables are the core's CSV tables
// (the same as `caseflow run --format csv`), so the layout is defined once, in caseflow-export;
// this file only lays them out as sheets, numbers as numbers, with a sheet that says where they
// come from.
//
// The file itself (a zip of a few XML parts) is written here rather than by a library: the
// Rust writer the CLI uses would add 1 MB of wasm, and `write-excel-file` (with `fflate`) was
// 20 KB of the page's 400 KB gzip budget for one button. What a workbook of text and numbers
// needs is small: inline strings, one bold style, column widths, and a zip whose parts the
// browser deflates (`CompressionStream`, as share links do). The council test reads it back
// with `read-excel-file` and compares it with the CLI.
import type { Core, MonteCarlo, Scenario } from './core';
import { label, source, t, unit, type Lang } from './i18n';

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** A cell: text, a number, or bold text (a heading). */
type Cell = string | number | { bold: string };
/** A sheet: its name (up to 31 characters, none of `[]:*?/\`), rows, column widths (0: Excel's). */
interface Sheet {
  name: string;
  rows: Cell[][];
  widths?: number[];
  /** Numbers shown with a format (the result tables); else as they are (the assumptions'
   * seed figures have three decimals: 0,625 shown as 0,63 would misquote them). */
  formatted?: boolean;
}

function sheetOf(csv: string): Cell[][] {
  const [head = [], ...rows] = parseCsv(csv);
  return [head.map((v) => ({ bold: v })), ...rows.map((r) => r.map((v): Cell => (NUMBER.test(v) ? Number(v) : v)))];
}

export interface WorkbookInput {
  core: Core;
  lang: Lang;
  scenario: Scenario;
  uncertainty: MonteCarlo | null;
  name: string;
  cite: string;
  fingerprint: string;
}

export async function workbook(w: WorkbookInput): Promise<Blob> {
  const tx = t(w.lang);
  const date = new Date().toISOString().slice(0, 10);
  // Headed as the CLI's workbook, in the page's language; the provenance columns keep their keys.
  const csv = (table: 'months' | 'years' | 'summary') => {
    const rows = sheetOf(w.core.csv(w.scenario, w.uncertainty, w.lang, date, table));
    const labels = w.core.csv(w.scenario, w.uncertainty, w.lang, date, `labels:${table}`).split('\n');
    rows[0] = rows[0]!.map((c, i) => (labels[i] ? { bold: labels[i] } : c));
    return rows;
  };
  const q = w.uncertainty?.probabilities;
  const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
  const about: Cell[][] = [
    [{ bold: 'caseflow' }, w.core.version],
    [tx.name, w.name],
    [tx.fingerprintLabel, w.fingerprint],
    [tx.dateLabel, date],
    [tx.methodLabel, w.uncertainty ? tx.citeMc(w.uncertainty.runs, w.uncertainty.seed).replace(/^, /, '') : tx.deterministic],
    [tx.roundingLabel, tx.rounding],
    // Three midpoints (central run, mean, median) are said apart, and the chances beside them.
    ...(q ? [[tx.columnsLabel, tx.columnsNote], [tx.chancesLabel, tx.chances([q.payback_within_2_years, q.payback_within_5_years, q.payback_within_10_years, q.net_saving_positive].map(pct))]] : []),
    // The cite line starts with its own label ("Citeer als: …"): the cell holds the rest.
    [tx.citeLabel, w.cite.replace(`${tx.citeLabel}: `, '')],
  ];
  const params: Cell[][] = [
    [tx.colAssumption, tx.colValue, tx.colUnit, tx.colDefault, `${tx.plausible} ↓`, `${tx.plausible} ↑`, `${tx.range} ↓`, `${tx.range} ↑`, tx.colEvidence, tx.source].map((v) => ({ bold: v })),
    ...w.core.params.param.map((p): Cell[] => [label(w.lang, p), w.scenario.set[p.id] ?? p.default, unit(w.lang, p), p.default, p.low, p.high, p.min, p.max, tx.codes[p.evidence] ?? p.evidence, source(w.lang, p)]),
  ];
  return xlsx([
    { name: tx.sheetAbout, rows: about, widths: [24, 100] },
    { name: tx.sheetMonths, rows: csv('months'), formatted: true },
    { name: tx.sheetYears, rows: csv('years'), formatted: true },
    { name: tx.sheetSummary, rows: csv('summary'), formatted: true },
    { name: tx.sheetAssumptions, rows: params, widths: [40, 10, 28, 0, 0, 0, 0, 0, 14, 100] },
  ]);
}

// --- The file: SpreadsheetML parts in a zip --------------------------------------------------

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.';

/** Text for XML: the five special characters escaped, characters XML does not allow dropped. */
function esc(s: string): string {
  return s.replace(/[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '').replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Column `i` (from 0) as Excel names it: A … Z, AA … */
function column(i: number): string {
  return (i >= 26 ? column(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));
}

/**
 * A number keeps every digit, shown as a council paper wants it (a style, not rounding):
 * euros with cents and grouping, other whole numbers as they are (a year stays 2021), other
 * fractions with one or two decimals (4.628,8 uitkeringen, not 4628.799718097032).
 */
function cellXml(c: Cell, ref: string, money: boolean, formatted: boolean): string {
  if (typeof c === 'number' && Number.isFinite(c)) return `<c r="${ref}"${!formatted ? '' : money ? ' s="3"' : Number.isInteger(c) ? '' : ' s="2"'}><v>${c}</v></c>`;
  const [text, style] = typeof c === 'object' ? [c.bold, ' s="1"'] : [String(c), ''];
  return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${esc(text)}</t></is></c>`;
}

function sheetXml(s: Sheet): string {
  const cols = (s.widths ?? []).map((w, i) => (w ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : '')).join('');
  // A column of euros says so in its heading (‘Bruto besparing €’).
  const money = (s.rows[0] ?? []).map((c) => typeof c === 'object' && c.bold.includes('€'));
  const rows = s.rows.map((r, y) => `<row r="${y + 1}">${r.map((c, x) => cellXml(c, column(x) + (y + 1), !!money[x], !!s.formatted)).join('')}</row>`);
  return `${XML}<worksheet xmlns="${MAIN}">${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** The workbook's parts by path: sheets, a bold style and two number formats, and the package's bookkeeping. */
function xlsxParts(sheets: Sheet[]): [string, string][] {
  const n = sheets.map((_, i) => i + 1);
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  const font = (b: string) => `<font>${b}<sz val="11"/><name val="Calibri"/></font>`;
  return [
    [
      '[Content_Types].xml',
      `${XML}<Types xmlns="${PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${TYPE}sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${TYPE}styles+xml"/>${n.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${TYPE}worksheet+xml"/>`).join('')}</Types>`,
    ],
    ['_rels/.rels', `${XML}<Relationships xmlns="${PKG}/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`],
    [
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ],
    ['xl/_rels/workbook.xml.rels', `${XML}<Relationships xmlns="${PKG}/relationships">${n.map((i) => rel(`rId${i}`, 'worksheet', `worksheets/sheet${i}.xml`)).join('')}${rel('rIdS', 'styles', 'styles.xml')}</Relationships>`],
    [
      'xl/styles.xml',
      `${XML}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0#"/></numFmts><fonts count="2">${font('')}${font('<b/>')}</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${[164, 4].map((f) => `<xf numFmtId="${f}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('')}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    ],
    ...sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)]),
  ];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The workbook: its parts deflated into a zip (names in ASCII), as the xlsx format packs them. */
async function xlsx(sheets: Sheet[]): Promise<Blob> {
  const enc = new TextEncoder();
  const chunks: BlobPart[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  // Little-endian fields of 2 and 4 bytes.
  const header = (fields: [number, 2 | 4][], name: Uint8Array) => {
    const size = fields.reduce((a, [, n]) => a + n, 0);
    const out = new Uint8Array(size + name.length);
    const view = new DataView(out.buffer);
    let at = 0;
    for (const [v, n] of fields) {
      if (n === 2) view.setUint16(at, v, true);
      else view.setUint32(at, v, true);
      at += n;
    }
    out.set(name, at);
    return out;
  };
  for (const [path, text] of xlsxParts(sheets)) {
    const name = enc.encode(path);
    const raw = enc.encode(text);
    const packed = await deflate(raw);
    const crc = crc32(raw);
    // Version 2.0, no flags, deflate, time 00:00 of 1 Jan 1980 (the date is in the About sheet).
    const common: [number, 2 | 4][] = [[20, 2], [0, 2], [8, 2], [0, 2], [0x21, 2], [crc, 4], [packed.length, 4], [raw.length, 4], [name.length, 2], [0, 2]];
    const local = header([[0x04034b50, 4], ...common], name);
    central.push(header([[0x02014b50, 4], [20, 2], ...common, [0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]], name));
    chunks.push(local, packed as BlobPart);
    offset += local.length + packed.length;
  }
  const dirSize = central.reduce((a, c) => a + c.length, 0);
  const end = header([[0x06054b50, 4], [0, 2], [0, 2], [central.length, 2], [central.length, 2], [dirSize, 4], [offset, 4], [0, 2]], new Uint8Array());
  return new Blob([...chunks, ...(central as BlobPart[]), end as BlobPart], { type: `${TYPE}sheet` });
}
