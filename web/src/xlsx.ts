// The Excel workbook of a scenario, written in the browser with `write-excel-file` (a small,
// well-kept library on `fflate`; the Rust workbook writer the CLI uses would add 1 MB of wasm,
// more than the whole page). Its tables are the core's CSV tables (the same as
// `caseflow run --format csv`), so the layout is defined once, in caseflow-export; this file only
// lays them out as sheets, numbers as numbers, with a sheet that says where they come from.
import writeXlsxFile, { type Cell, type Sheet, type SheetData } from 'write-excel-file/browser';
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

function sheetOf(csv: string): SheetData {
  const [head = [], ...rows] = parseCsv(csv);
  const bold = (v: string): Cell => ({ value: v, fontWeight: 'bold' });
  return [head.map(bold), ...rows.map((r) => r.map((v): Cell => (NUMBER.test(v) ? Number(v) : v)))];
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
  const csv = (table: 'months' | 'years' | 'summary') => sheetOf(w.core.csv(w.scenario, w.uncertainty, w.lang, date, table));
  const about: SheetData = [
    [{ value: 'caseflow', fontWeight: 'bold' }, w.core.version],
    [tx.name, w.name],
    [tx.fingerprintLabel, w.fingerprint],
    [tx.dateLabel, date],
    [tx.methodLabel, w.uncertainty ? tx.citeMc(w.uncertainty.runs, w.uncertainty.seed).replace(/^, /, '') : tx.deterministic],
    // The cite line starts with its own label ("Citeer als: …"): the cell holds the rest.
    [tx.citeLabel, w.cite.replace(`${tx.citeLabel}: `, '')],
  ];
  const params: SheetData = [
    [tx.colAssumption, tx.colValue, tx.colUnit, tx.colDefault, `${tx.plausible} ↓`, `${tx.plausible} ↑`, `${tx.range} ↓`, `${tx.range} ↑`, tx.colEvidence, tx.source].map((v): Cell => ({ value: v, fontWeight: 'bold' })),
    ...w.core.params.param.map((p): Cell[] => [label(w.lang, p), w.scenario.set[p.id] ?? p.default, unit(w.lang, p), p.default, p.low, p.high, p.min, p.max, tx.codes[p.evidence] ?? p.evidence, source(w.lang, p)]),
  ];
  const sheets: Sheet<Blob>[] = [
    { sheet: tx.sheetAbout, data: about, columns: [{ width: 24 }, { width: 100 }] },
    { sheet: tx.sheetMonths, data: csv('months') },
    { sheet: tx.sheetYears, data: csv('years') },
    { sheet: tx.sheetSummary, data: csv('summary') },
    { sheet: tx.sheetAssumptions, data: params, columns: [{ width: 40 }, { width: 10 }, { width: 28 }, {}, {}, {}, {}, {}, { width: 14 }, { width: 100 }] },
  ];
  return writeXlsxFile(sheets).toBlob();
}
