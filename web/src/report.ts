// The printed report (the browser's print to PDF, A4): scenario name, date, caseflow version and
// the cite line; the headline; the three charts; every assumption in use with its source; the
// programmes. Built into a section that only print media shows.
import { caseloadChart, exitsChart, moneyChart } from './charts';
import type { Core, MonteCarlo, Programme, Results, Scenario } from './core';
import { el, table } from './dom';
import { plausibleNote } from './fields';
import { formatEur, formatNumber, headline, horizonNote, label, programmeName, source, t, unit, type Lang } from './i18n';
import { ta } from './i18n-analyst';
import type { LineChart } from './chart';
import { chartSvg } from './svg';
import { periodTotals } from './views/municipalities';

export interface ReportHost {
  readonly lang: Lang;
  readonly core: Core;
  readonly scenario: Scenario;
  readonly results: Results | null;
  readonly uncertainty: MonteCarlo | null;
  story(): { name: string };
  citeLine(): string;
  /** The comparison shown, when printing from Vergelijken. */
  comparison?(): { title: string; charts: LineChart[]; parts: Element[] } | null;
}

export function buildReport(host: ReportHost, into: HTMLElement): void {
  const { lang, core, scenario, results: r, uncertainty: mc } = host;
  if (!r) return;
  const tx = t(lang);
  const cite = host.citeLine();
  const date = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' }).format(new Date());
  const picture = (svg: string, alt: string) => el('img', { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, alt, className: 'report-chart' });
  const charts = [
    [caseloadChart(lang, r, mc), tx.chartTitle],
    [exitsChart(lang, r, mc), tx.exitsTitle],
    [moneyChart(lang, r), tx.moneyTitle],
  ] as const;
  // A value outside its plausible range is said beside it, as on screen (a print of a variant
  // with an effect of 90% hid that its result rests on it).
  const warned: string[] = [];
  const shown = (spec: (typeof core.params.param)[number], v: number, of = '') => {
    const note = plausibleNote(lang, spec, v);
    if (note) warned.push(`${of}${label(lang, spec)}: ${note}`);
    return formatNumber(lang, v, 3) + (note ? ' (!)' : '');
  };
  const params = core.params.param.map((p) => [label(lang, p), shown(p, scenario.set[p.id] ?? p.default), unit(lang, p), source(lang, p)]);
  // Every track's settings (effect, lock-in, duration…): the result rests on them.
  const settings = scenario.programmes.flatMap((prog) => {
    const name = programmeName(lang, core.catalogue, prog);
    return core.params.programme_field.map((f) => [name, label(lang, f), shown(f, (prog[f.id as keyof Programme] as number | undefined) ?? f.default, `${name}, `), unit(lang, f)]);
  });
  // Exits to work beside the part of them that would have happened without the programme, so
  // that the column is not read as jobs the programme made.
  const programmes = r.programmes.map((p) => [programmeName(lang, core.catalogue, p), formatNumber(lang, p.participants_planned), formatNumber(lang, Number(p.planned_cost_eur)), formatNumber(lang, p.participant_exits_to_work, 1), formatNumber(lang, p.deadweight_exits, 1)]);
  const { lines, shock } = headline(lang, r, mc);
  const whole = periodTotals(lang, r, mc);
  const over = r.budget && Number(r.budget.overallocation_eur) > 0 ? r.budget : null;
  into.replaceChildren(
    el('h1', {}, `caseflow: ${host.story().name}`),
    el('p', { className: 'report-meta' }, `${date} · ${cite}`),
    ...comparison(host.comparison?.() ?? null, picture),
    shock ? el('p', {}, shock) : '',
    el('ul', { className: 'report-headline' }, ...lines.map((l) => el('li', {}, l))),
    horizonNote(lang, r) ? el('p', { className: 'warn' }, horizonNote(lang, r)) : '',
    // The same warnings as on screen: the over-allocation and the papers' inconsistencies.
    over ? el('p', { className: 'overallocated' }, tx.overallocated(formatEur(lang, over.overallocation_eur), formatEur(lang, over.allocated_eur), formatEur(lang, over.available_eur))) : '',
    // This scenario's own budget check: the papers' note below may speak of another mix.
    r.budget && !over ? el('p', { id: 'report-budget' }, tx.budgetFits(formatEur(lang, Number(r.budget.available_eur) - Number(r.budget.allocated_eur)))) : '',
    ...warned.map((w) => el('p', { className: 'warn' }, w)),
    r.notes.length ? el('aside', { className: 'notes' }, el('h2', {}, tx.notesTitle), ...r.notes.map((note) => el('p', {}, `${note.source}: ${lang === 'nl' ? note.nl : note.en}`))) : '',
    mc ? el('p', { id: 'report-ranges' }, tx.rangesNote(formatNumber(lang, mc.runs), String(mc.seed))) : '',
    ...charts.map(([d, title]) => el('figure', {}, picture(chartSvg(d, title, cite), d.summary), el('figcaption', {}, d.summary))),
    el('h2', {}, tx.programmesTitle),
    programmes.length ? table('report-table', [tx.colProgramme, tx.colParticipants, tx.colPlannedCost, tx.colToWork, tx.colAlsoWithout], programmes) : el('p', {}, tx.noProgrammes),
    settings.length ? table('report-table', [tx.colProgramme, tx.colAssumption, tx.colValue, tx.colUnit], settings) : '',
    // Each municipality's figures, as Gemeenten gives them (a print for a council memo had none).
    el('h2', {}, ta(lang).munTotals(whole.period)),
    table('report-table', whole.head, whole.rows),
    el('p', { className: 'report-meta' }, ta(lang).munRounding),
    el('h2', {}, tx.assumptions),
    table('report-table', [tx.colAssumption, tx.colValue, tx.colUnit, tx.source], params),
    el('p', { className: 'report-meta', id: 'report-rounding' }, tx.rounding),
    el('p', { className: 'report-meta' }, cite),
  );
}

/** Printed from Vergelijken: the comparison first, its charts as pictures, then its tables. */
function comparison(c: ReturnType<NonNullable<ReportHost['comparison']>>, picture: (svg: string, alt: string) => HTMLElement): Node[] {
  if (!c) return [];
  const figures = c.charts.map((chart) => el('figure', {}, picture(chart.svg(), chart.summaryText()), el('figcaption', {}, chart.summaryText())));
  return [el('section', { id: 'report-compare' }, el('h2', {}, c.title), ...figures, ...c.parts)];
}
