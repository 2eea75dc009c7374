// Texts and number formats in Dutch (the default) and English.
import type { InputErrorDetail, ParamSpec } from './core';

export type Lang = 'nl' | 'en';

const texts = {
  nl: {
    tagline: 'Wat-als-simulator voor het bijstandsbestand van Maastricht-Heuvelland',
    controls: 'Scenario',
    preset: 'Uitgangspunt',
    chartTitle: 'Bijstandsbestand per maand, regio',
    chartLabel: 'Lijngrafiek van het aantal bijstandsuitkeringen in de regio aan het eind van elke maand, met en zonder programma’s',
    seriesBenefits: 'Uitkeringen',
    seriesWithout: 'Zonder programma’s',
    showTable: 'Toon de cijfers als tabel',
    colMonth: 'Maand',
    colBenefits: 'Uitkeringen',
    colPeople: 'Personen',
    colInflow: 'Instroom',
    colToWork: 'Naar werk',
    colWithout: 'Zonder programma’s',
    colSaving: 'Besparing',
    source: 'Bron',
    range: 'Bereik',
    plausible: 'Aannemelijk',
    assumptions: 'Alle aannames',
    notesTitle: 'Let op: uit de stukken',
    footer: 'caseflow versie',
    notANumber: 'is geen getal',
    outOfRange: 'valt buiten het bereik',
    notWhole: 'is geen geheel getal',
    malformed: 'is ongeldig',
    unknownField: 'is geen bekend veld',
    inconsistent: 'past niet bij de andere waarden',
    allowed: 'toegestaan',
    to: 'tot',
    keptLast: 'De laatste geldige waarde blijft in gebruik.',
    fatal: 'caseflow kon niet starten',
    none: 'niet binnen de looptijd',
    municipalities: 'Per gemeente: wie betaalt, wie bespaart',
    uncertaintyButton: 'Onzekerheid berekenen',
    colAssumption: 'Aanname',
    colValue: 'Waarde',
    colUnit: 'Eenheid',
    colDefault: 'Standaard',
    colEvidence: 'Onderbouwing',
    reset: 'Terugzetten',
    resetAll: 'Alle aannames terugzetten',
    computing: (done: number, runs: number) => `Bezig met rekenen… ${done} van ${runs} runs`,
    uncertaintyHint: (runs: number) => `Bereken de onzekerheid: ${runs} runs met getrokken aannames en toeval; de band toont P5-P95.`,
    uncertaintyResult: (b5: string, b95: string, n5: string, n95: string, payback: string, runs: number, seed: number) =>
      `90%-band (P5-P95): ${b5} tot ${b95} uitkeringen aan het eind; netto resultaat ${n5} tot ${n95}; kans terugverdiend binnen 10 jaar ${payback}. ${runs} runs, seed ${seed} (caseflow run --runs ${runs} --seed ${seed}).`,
    colMunicipality: 'Gemeente',
    colGross: 'Bruto besparing',
    colKept: 'Na terugval',
    colCostShare: 'Kostenaandeel',
    colNet: 'Netto',
    overallocated: (amount: string, allocated: string, available: string) =>
      `Te veel toegewezen: ${amount} (${allocated} toegewezen, ${available} beschikbaar).`,
  },
  en: {
    tagline: 'What-if simulator for the social assistance caseload of Maastricht-Heuvelland',
    controls: 'Scenario',
    preset: 'Starting point',
    chartTitle: 'Caseload per month, region',
    chartLabel: 'Line chart of the number of benefits in the region at the end of each month, with and without programmes',
    seriesBenefits: 'Benefits',
    seriesWithout: 'Without programmes',
    showTable: 'Show the figures as a table',
    colMonth: 'Month',
    colBenefits: 'Benefits',
    colPeople: 'People',
    colInflow: 'Inflow',
    colToWork: 'To work',
    colWithout: 'Without programmes',
    colSaving: 'Saving',
    source: 'Source',
    range: 'Range',
    plausible: 'Plausible',
    assumptions: 'All assumptions',
    notesTitle: 'Note: from the papers',
    footer: 'caseflow version',
    notANumber: 'is not a number',
    outOfRange: 'is out of range',
    notWhole: 'is not a whole number',
    malformed: 'is not valid',
    unknownField: 'is not a known field',
    inconsistent: 'does not fit the other values',
    allowed: 'allowed',
    to: 'to',
    keptLast: 'The last valid value stays in use.',
    fatal: 'caseflow could not start',
    none: 'not within the horizon',
    municipalities: 'Per municipality: who pays, who saves',
    uncertaintyButton: 'Compute uncertainty',
    colAssumption: 'Assumption',
    colValue: 'Value',
    colUnit: 'Unit',
    colDefault: 'Default',
    colEvidence: 'Evidence',
    reset: 'Reset',
    resetAll: 'Reset all assumptions',
    computing: (done: number, runs: number) => `Computing… ${done} of ${runs} runs`,
    uncertaintyHint: (runs: number) => `Compute the uncertainty: ${runs} runs with drawn assumptions and chance; the band shows P5-P95.`,
    uncertaintyResult: (b5: string, b95: string, n5: string, n95: string, payback: string, runs: number, seed: number) =>
      `90% band (P5-P95): ${b5} to ${b95} benefits at the end; net result ${n5} to ${n95}; chance of payback within 10 years ${payback}. ${runs} runs, seed ${seed} (caseflow run --runs ${runs} --seed ${seed}).`,
    colMunicipality: 'Municipality',
    colGross: 'Gross saving',
    colKept: 'After feedback',
    colCostShare: 'Cost share',
    colNet: 'Net',
    overallocated: (amount: string, allocated: string, available: string) =>
      `Over-allocated: ${amount} (${allocated} allocated, ${available} available).`,
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

/** Euros, whole: € 1.645.000 in Dutch, €1,645,000 in English. */
export function formatEur(lang: Lang, value: string | number): string {
  return new Intl.NumberFormat(locales[lang], {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(Number(value));
}

export function label(lang: Lang, spec: { label_nl: string; label_en: string }): string {
  return lang === 'nl' ? spec.label_nl : spec.label_en;
}

export function unit(lang: Lang, spec: ParamSpec): string {
  return lang === 'nl' ? spec.unit_nl : spec.unit_en;
}

/** The allowed range of a parameter: "-20 tot 20 (%)". */
export function allowedRange(lang: Lang, spec: ParamSpec): string {
  const n = (v: number) => String(v).replace('.', lang === 'nl' ? ',' : '.');
  return `${n(spec.min)} ${t(lang).to} ${n(spec.max)} (${unit(lang, spec)})`;
}

/** "Groeischok: ‘abc’ is geen getal; toegestaan: -20 tot 20 (…)". */
export function inputErrorMessage(lang: Lang, d: InputErrorDetail): string {
  const tx = t(lang);
  const what = {
    not_a_number: tx.notANumber,
    out_of_range: tx.outOfRange,
    not_whole: tx.notWhole,
    malformed: tx.malformed,
    unknown_field: tx.unknownField,
    inconsistent: tx.inconsistent,
  }[d.kind];
  const name = (lang === 'nl' ? d.label_nl : d.label_en) || d.field;
  const allowed = lang === 'nl' ? d.allowed_nl : d.allowed_en;
  return `${name}: ‘${d.value}’ ${what}; ${tx.allowed}: ${allowed}.`;
}

/** The same message for a value typed into a field, checked against its spec on the page. */
export function typedErrorMessage(lang: Lang, spec: ParamSpec, kind: InputErrorDetail['kind'], value: string): string {
  return inputErrorMessage(lang, {
    field: spec.id,
    value,
    kind,
    label_nl: spec.label_nl,
    label_en: spec.label_en,
    allowed_nl: allowedRange('nl', spec),
    allowed_en: allowedRange('en', spec),
    min: spec.min,
    max: spec.max,
  });
}

/** The headline sentences under the chart. */
export function headline(lang: Lang, r: import('./core').Results): string[] {
  const s = r.summary;
  const last = r.months[r.months.length - 1];
  const n = (v: number) => formatNumber(lang, v);
  const e = (v: string) => formatEur(lang, v);
  const month = last?.month ?? '';
  const lines: string[] = [];
  if (lang === 'nl') {
    lines.push(`Eind ${month}: ${n(s.benefits_end)} uitkeringen (${n(s.people_end)} personen); begin: ${n(s.benefits_start)}.`);
    if (r.growth_shock) {
      const g = r.growth_shock;
      lines.push(`De groeischok van ${formatNumber(lang, g.pct, 1)}% van ${n(g.base_benefits)} uitkeringen betekent ${n(g.extra_inflow_benefits)} uitkeringen (${n(g.extra_inflow_people)} personen) extra instroom over ${g.months} maanden.`);
    }
    if (s.participants > 0) {
      lines.push(`Met de programma’s stromen ${formatNumber(lang, s.participant_exits_to_work, 0)} deelnemers uit naar werk, van wie ${formatNumber(lang, s.deadweight_exits, 0)} ook zonder programma (deadweight); ${n(s.benefit_months_avoided)} uitkeringsmaanden minder.`);
      lines.push(`Bruto besparing ${e(s.gross_saving_eur)}; na terugval van BUIG-budget en vangnet ${e(s.saving_after_feedback_eur)}, tegen ${e(s.programme_cost_eur)} kosten: netto ${e(s.net_saving_eur)}; terugverdiend ${s.payback_month === null ? t(lang).none : `na ${s.payback_month} maanden`}.`);
    }
  } else {
    lines.push(`End of ${month}: ${n(s.benefits_end)} benefits (${n(s.people_end)} people); start: ${n(s.benefits_start)}.`);
    if (r.growth_shock) {
      const g = r.growth_shock;
      lines.push(`The growth shock of ${formatNumber(lang, g.pct, 1)}% of ${n(g.base_benefits)} benefits means ${n(g.extra_inflow_benefits)} benefits (${n(g.extra_inflow_people)} people) of extra inflow over ${g.months} months.`);
    }
    if (s.participants > 0) {
      lines.push(`With the programmes ${formatNumber(lang, s.participant_exits_to_work, 0)} participants leave for work, ${formatNumber(lang, s.deadweight_exits, 0)} of whom would have anyway (deadweight); ${n(s.benefit_months_avoided)} fewer benefit-months.`);
      lines.push(`Gross saving ${e(s.gross_saving_eur)}; after the BUIG grant and safety-net feedback ${e(s.saving_after_feedback_eur)}, against ${e(s.programme_cost_eur)} cost: net ${e(s.net_saving_eur)}; ${s.payback_month === null ? 'does not pay back within the horizon' : `pays back after ${s.payback_month} months`}.`);
    }
  }
  return lines;
}
