// Texts and number formats in Dutch (the default) and English.
import type { InputErrorDetail, ParamSpec } from './core';

export type Lang = 'nl' | 'en';

const texts = {
  nl: {
    tagline: 'Wat-als-simulator voor het bijstandsbestand van Maastricht-Heuvelland',
    controls: 'Scenario',
    chartTitle: 'Bijstandsbestand per maand',
    chartLabel: 'Lijngrafiek van het aantal bijstandsuitkeringen aan het eind van elke maand',
    seriesStock: 'Uitkeringen (eind van de maand)',
    showTable: 'Toon de cijfers als tabel',
    colMonth: 'Maand',
    colStockStart: 'Begin',
    colInflow: 'Instroom',
    colExits: 'Uitstroom',
    colStockEnd: 'Eind',
    source: 'Bron',
    range: 'Bereik',
    footer: 'caseflow versie',
    headline: (end: string, month: string, start: string) =>
      `Eind ${month}: ${end} uitkeringen (begin: ${start}).`,
    notANumber: 'is geen getal',
    outOfRange: 'valt buiten het bereik',
    notWhole: 'is geen geheel getal',
    malformed: 'is ongeldig',
    unknownField: 'is geen bekend veld',
    allowed: 'toegestaan',
    to: 'tot',
    keptLast: 'De laatste geldige waarde blijft in gebruik.',
    fatal: 'caseflow kon niet starten',
  },
  en: {
    tagline: 'What-if simulator for the social assistance caseload of Maastricht-Heuvelland',
    controls: 'Scenario',
    chartTitle: 'Caseload per month',
    chartLabel: 'Line chart of the number of benefits at the end of each month',
    seriesStock: 'Benefits (end of month)',
    showTable: 'Show the figures as a table',
    colMonth: 'Month',
    colStockStart: 'Start',
    colInflow: 'Inflow',
    colExits: 'Exits',
    colStockEnd: 'End',
    source: 'Source',
    range: 'Range',
    footer: 'caseflow version',
    headline: (end: string, month: string, start: string) =>
      `End of ${month}: ${end} benefits (start: ${start}).`,
    notANumber: 'is not a number',
    outOfRange: 'is out of range',
    notWhole: 'is not a whole number',
    malformed: 'is not valid',
    unknownField: 'is not a known field',
    allowed: 'allowed',
    to: 'to',
    keptLast: 'The last valid value stays in use.',
    fatal: 'caseflow could not start',
  },
} as const;

export type Texts = (typeof texts)['nl'];

export function t(lang: Lang): Texts {
  return texts[lang] as Texts;
}

const locales: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A number with the language's separators and at most `digits` decimals. */
export function formatNumber(lang: Lang, value: number, digits = 0): string {
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits }).format(value);
}

export function label(lang: Lang, spec: ParamSpec): string {
  return lang === 'nl' ? spec.label_nl : spec.label_en;
}

export function unit(lang: Lang, spec: ParamSpec): string {
  return lang === 'nl' ? spec.unit_nl : spec.unit_en;
}

/** "Groeischok: ‘abc’ is geen getal; toegestaan: −20 tot 20 (% …)". */
export function inputErrorMessage(lang: Lang, spec: ParamSpec, d: Pick<InputErrorDetail, 'kind' | 'value'>): string {
  const tx = t(lang);
  const what = {
    not_a_number: tx.notANumber,
    out_of_range: tx.outOfRange,
    not_whole: tx.notWhole,
    malformed: tx.malformed,
    unknown_field: tx.unknownField,
  }[d.kind];
  const range = `${formatNumber(lang, spec.min, 2)} ${tx.to} ${formatNumber(lang, spec.max, 2)} (${unit(lang, spec)})`;
  return `${label(lang, spec)}: ‘${d.value}’ ${what}; ${tx.allowed}: ${range}.`;
}
