// Texts and number formats in Dutch (the default) and English.
import type { Catalogue, InputErrorDetail, MonteCarlo, ParamSpec, Results } from './core';

export type Lang = 'nl' | 'en';

// The rounding rule, in the method view, the printed report and the workbook.
const ROUNDING_NL = 'Bedragen zijn exact tot op de cent: de uitkeringslast per gemeente en maand wordt op de cent afgerond (half van nul af), kosten worden met de verdeelsleutel in hele centen verdeeld (grootste rest), BUIG-budget, terugval en vangnet per gemeente en jaar op de cent; totalen zijn exacte sommen.';
const ROUNDING_EN = 'Amounts are exact to the cent: benefit spending per municipality and month is rounded to the cent (half away from zero), costs are split by the cost key in whole cents (largest remainder), the BUIG grant, feedback and safety net per municipality and year to the cent; totals are exact sums.';

const nl = {
  tagline: 'Wat-als-simulator voor het bijstandsbestand van Maastricht-Heuvelland',
  controls: 'Scenario',
  preset: 'Uitgangspunt',
  noPreset: '(geen: ingelezen scenario)',
  changedMark: '(gewijzigd)',
  horizonTooShort: (value: string, need: number, name: string, start: string) => `Looptijd: ‘${value}’ valt buiten het bereik; toegestaan: ${need} tot 180 (maanden), want ‘${name}’ start in ${start}.`,
  changedFrom: (description: string) => `Gewijzigd: de cijfers wijken af van het uitgangspunt. Uitgangspunt: ${description}`,
  chartTitle: 'Bijstandsbestand per maand, regio',
  seriesBenefits: 'Uitkeringen',
  seriesWithout: 'Zonder programma’s',
  showTable: 'Toon de cijfers als tabel',
  colMonth: 'Maand',
  colBenefits: 'Uitkeringen',
  colPeople: 'Personen',
  colToWork: 'Naar werk',
  colSaving: 'Besparing',
  source: 'Bron',
  range: 'Bereik',
  plausible: 'Aannemelijk',
  outsidePlausible: (value: string, range: string) => `Let op: ${value} ligt buiten het aannemelijke bereik (${range}); de berekening gebruikt het wel.`,
  notDrawn: 'Vast: niet onzeker in de Monte Carlo',
  assumptions: 'Alle aannames',
  notesTitle: 'Let op: uit de stukken',
  footer: 'caseflow versie',
  notANumber: 'is geen getal',
  outOfRange: 'valt buiten het bereik',
  notWhole: 'is geen geheel getal',
  malformed: 'is ongeldig',
  unknownField: 'is geen bekend veld',
  inconsistent: 'past niet bij de andere waarden',
  missing: 'ontbreekt',
  allowed: 'toegestaan',
  to: 'tot',
  keptLast: 'De laatste geldige waarde blijft in gebruik.',
  ambiguousAmount: (name: string, text: string, whole: string) => `${name}: ‘${text}’ heeft drie cijfers achter de komma; een bedrag in euro’s heeft er hoogstens twee. Bedoel je ${whole} euro? Typ dan ${whole}.`,
  keptValue: (v: string) => `De laatste geldige waarde, ${v}, blijft in gebruik.`,
  fatal: 'caseflow kon niet starten',
  none: 'niet binnen de looptijd',
  municipalities: 'Per gemeente: wie betaalt, wie bespaart',
  programmesTitle: 'Programma’s in dit scenario',
  codes: { near: 'dichtbij de arbeidsmarkt', mid: 'middellange afstand', far: 'ver van de arbeidsmarkt', any: 'iedereen', start: 'het begin', end: 'het einde', reintegration: 're-integratiebudget', buig: 'BUIG-budget', seed: 'stukken van de regio', study: 'onderzoek', derived: 'afgeleid', assumption: 'aanname' } as Record<string, string>,
  noProgrammes: 'Dit scenario heeft geen programma’s.',
  target: 'doelgroep',
  effectFrom: 'effect vanaf',
  funding: 'betaald uit',
  howTitle: 'Zo rekent caseflow',
  how: [
    'Het bestand van elke gemeente zit in cellen: drie groepen naar afstand tot werk (dichtbij, midden, ver) maal zeven groepen naar duur in de bijstand (0-2, 3-5, 6-11, 12-23, 24-35, 36-59 en 60+ maanden). Elke maand stroomt uit elke cel een deel uit: naar werk en om andere redenen. De kans daalt met de duur (4,7% per maand in het eerste jaar, 0,6% na vijf jaar; CBS), de kans op werk hangt af van de afstand.',
    'Bestand(t+1) = bestand(t) + instroom − uitstroom, per gemeente en per maand (deelnemers van een traject met on_benefit = false, een veld van scenariobestanden, tellen tijdens het traject niet mee; de resultaten zeggen het dan). De instroom is nieuwe instroom, een groeischok (bijvoorbeeld 7% van de beginstand in 2021) en terugkeer: een deel van wie uitstroomt, komt binnen 24 maanden terug (12% na werk, 45% na andere uitstroom).',
    'Een programma neemt deelnemers uit zijn doelgroep. Tijdens het traject is hun kans op werk lager (lock-in); daarna hoger (het effect), en dat effect halveert elke halfwaardetijd. Deelnemers blijven hun eigen duur en afstand houden, zodat hun kans ook zonder programma was gedaald.',
    'De besparing is altijd een verschil: dezelfde berekening met en zonder de programma’s, met dezelfde aannames. Wie toch al was uitgestroomd (deadweight), telt zo nooit als besparing. Besparing = (uitkeringen zonder − met) × € 1.200 per maand (geïndexeerd), min de terugval: het BUIG-budget volgt een jaar later een deel van de besparing, en wie in het vangnet zit, krijgt minder compensatie.',
    `Kosten worden verdeeld met de verdeelsleutel (Maastricht 78,08%, de vijf andere gemeenten samen 21,92%); besparingen vallen waar het bestand daalt. ${ROUNDING_NL}`,
    'De band is een Monte Carlo: 1.000 runs met getrokken aannames (elke uit haar verdeling rond de waarde in gebruik, zo breed als haar aannemelijke bereik) en toeval per gemeente en maand; met en zonder programma’s krijgen dezelfde trekkingen. De band toont P5-P95; met dezelfde seed geeft de CLI dezelfde getallen.',
  ],
  howLeftOut: 'Wat caseflow (nog) niet meeneemt: de conjunctuur als vaste invoer (alleen in de terugblik), het afromen van kansrijke deelnemers, verschillen tussen gemeenten in uitstroomkansen, bevroren uitkeringen die in de telling blijven (Valkenier, seed 002), en de drie-jaars-voorwaarde van het vangnet.',
  howSeeds: [
    'Seed 000 noemt bij 7% groei ‘zo’n 550 mensen’: dat is precies het aantal deelnemers (200 + 220 + 130), geen 7% van enig bestand (7% van ruim 4.600 uitkeringen is ruim 320).',
    'Seed 000 verdeelt € 2.845.000 terwijl € 2.810.000 beschikbaar is: € 35.000 te veel.',
    'Seed 003: de financiering (€ 99.927 + € 126.821 + € 77.167) telt op tot € 303.915, één euro minder dan de € 303.916 die zij dekt; de cellen zijn los afgerond.',
    'Seed 004: het huidige re-integratiebudget staat niet in de stukken; caseflow gebruikt een gemarkeerde aanname.',
  ],
  howSeedsTitle: 'Wat caseflow in de stukken vond',
  // What "seed 000 §3" in a source means: the council papers of Maastricht-Heuvelland.
  howPapersTitle: 'De stukken (‘seed 000 §3’ in een bron: stuk 000, paragraaf 3)',
  howPapers: [
    'Seed 000: collegebesluit van 21 april 2021 over het programma Intensivering re-integratie Participatiewet ter bestrijding van de coronacrisis (2021-2023).',
    'Seed 001: raadsvoorstel Verordening re-integratie Participatiewet Maastricht-Heuvelland 2023.',
    'Seed 002: factsheet Optimalisatie uitvoering re-integratie en intensivering door- en uitstroom Participatiewet, 2018-2021.',
    'Seed 003: collegebesluit van 12 december 2017 over de pilot re-integratie statushouders (2016-2018).',
    'Seed 004: collegevoorstel Visie re-integratieketen Maastricht-Heuvelland, januari 2025.',
  ],
  howLeftOutTitle: 'Wat er niet in zit',
  colAssumption: 'Aanname',
  colValue: 'Waarde',
  colUnit: 'Eenheid',
  colDefault: 'Standaard',
  colEvidence: 'Onderbouwing',
  reset: 'Terugzetten',
  resetAll: 'Alle aannames terugzetten',
  computing: (done: number, runs: number) => `Bezig met rekenen… ${done} van ${runs} runs`,
  uncertaintyWaits: 'De onzekerheidsband wacht tot de analyse klaar is.',
  uncertaintyHint: (runs: string) => `Bereken de onzekerheid: ${runs} runs met getrokken aannames en toeval; de band toont P5-P95.`,
  uncertaintyResult: (b5: string, b95: string, money: string, runs: string, seed: number, command: string) =>
    `90%-band (P5-P95): ${b5} tot ${b95} uitkeringen aan het eind${money}. ${runs} runs, startgetal (seed) ${seed} (${command}).`,
  uncertaintyMoney: (n5: string, n95: string, payback: string, n50: string) => `; netto resultaat ${n5} tot ${n95} (mediaan ${n50}); terugverdiend binnen de looptijd in ${payback === '0%' ? 'geen' : payback} van de runs`,
  colGross: 'Bruto besparing',
  colKept: 'Na terugval',
  colCostShare: 'Kostenaandeel',
  colNet: 'Netto',
  overallocated: (amount: string, allocated: string, available: string) =>
    `Te veel toegewezen: ${amount} (${allocated} toegewezen, ${available} beschikbaar).`,
  skip: 'Naar de inhoud',
  band90: '90%-band',
  band50: '50%-band',
  exitsTitle: 'Uitstroom naar werk per maand, regio',
  moneyTitle: 'Besparing en kosten, opgeteld sinds de start',
  noMoney: 'Dit scenario heeft geen programmadeelnemers: er zijn geen programmakosten en geen besparing om in een grafiek te zetten.',
  measure: 'Toon het bestand als',
  moreControls: 'Programma’s en alle andere aannames staan onder hun eigen tab.',
  headlineTitle: 'In het kort',
  keyFigures: (exits: string, net: string, paid: string, period: string) => `Extra naar werk: ${exits} · Netto resultaat ${period}: ${net} · Terugverdiend: ${paid}`,
  keyNo: 'nee',
  keyAfter: (months: number, month: string) => `ja, na ${months} maanden (${month})`,
  // With the runs, their share leads: "ja" of the central run alone was heard as a yes where
  // half the runs say no.
  keyRuns: (pct: string, months: number | null, month: string) => `${pct === '0' ? 'in geen' : `in ${pct}%`} van de runs; in de centrale berekening ${months === null ? 'niet binnen de looptijd' : `na ${months} maanden (${month})`}`,
  caseloadSummary: (what: string, start: string, last: string, end: string, without: string, band: string) =>
    `Aantal ${what} per maand: van ${start} aan het begin naar ${end} eind ${last}, tegen ${without} zonder programma’s.${band}`,
  bandNote: (runs: string, seed: string) => ` De banden zijn de 50% en 90% van een Monte Carlo van ${runs} runs (startgetal ${seed}).`,
  bandsComing: 'De onzekerheid wordt berekend…',
  rangesNote: (runs: string, seed: string) => `Tussen haakjes staat de 90%-band (P5-P95) van een Monte Carlo van ${runs} runs (startgetal ${seed}); het getal ervoor is de centrale berekening.`,
  colAlsoWithout: 'waarvan ook zonder',
  exitsSummary: (total: string, without: string, extra: string) => `In totaal ${total} uitstromers naar werk, tegen ${without} zonder programma’s: ${extra} extra.`,
  colCost: 'Kosten programma’s',
  paybackMark: (m: number) => `terugverdiend (maand ${m})`,
  moneySummary: (gross: string, kept: string, cost: string, payback: string) => `Opgeteld: bruto besparing ${gross}, na terugval ${kept}, kosten ${cost}; terugverdiend: ${payback}.`,
  afterMonths: (m: number) => `na ${m} maanden`,
  addProgramme: 'Programma toevoegen…',
  presetValue: 'Waarde in het uitgangspunt',
  removeProgramme: 'Verwijderen',
  moreFields: 'Meer velden: lock-in, halfwaardetijd, instroom, capaciteit, doelgroep',
  programmeOutcome: (started: string, cost: string, exits: string, deadweight: string, planned: string) =>
    `${started} deelnemers gestart${planned ? ` van de geplande ${planned} (meer lieten de doelgroep, de capaciteit of de looptijd niet toe)` : ''} voor ${cost}; ${exits} vinden werk, van wie ${deadweight} ook zonder programma.`,
  noBudget: 'Dit scenario noemt geen budget; de kosten staan hieronder per programma.',
  budgetTitle: 'Budget',
  budgetLabel: (allocated: string, available: string) => `Balk: ${allocated} toegewezen van ${available} beschikbaar`,
  budgetLine: (programmes: string, others: string, allocated: string, available: string) =>
    `Programma’s ${programmes} + andere bestedingen ${others} = ${allocated} toegewezen; beschikbaar ${available}.`,
  budgetFits: (rest: string) => `Past binnen het budget; nog vrij: ${rest}.`,
  keyProgrammes: 'Programma’s',
  keyOthers: 'Andere bestedingen',
  keyOver: 'Te veel toegewezen',
  keyAvailable: (available: string) => `Beschikbaar (${available})`,
  assumptionsIntro: (n: number) => `Elke aanname met eenheid, standaardwaarde, aannemelijk en toegestaan bereik en bron. ${n === 0 ? 'Niets gewijzigd ten opzichte van het uitgangspunt.' : `${n} gewijzigd ten opzichte van het uitgangspunt (gemarkeerd met *).`}`,
  notesAllTitle: 'Notities bij de stukken',
  migratedName: 'Opgeslagen scenario (eerdere versie)',
  unreadable: (list: string) => `Niet te lezen en daarom niet getoond (wel bewaard): ${list}.`,
  copyFromTab: (name: string) => `${name} (dit tabblad)`,
  presetReplaced: (preset: string) => `Uitgangspunt ‘${preset}’: je aanpassingen van het scenario zijn vervangen.`,
  otherTabCopied: (name: string, copy: string) => `‘${name}’ is in een ander tabblad gewijzigd. Die versie blijft bewaard; jouw wijzigingen staan in ‘${copy}’.`,
  quotaFull: 'De opslag van de browser is vol: je laatste wijziging staat op het scherm maar is niet bewaard. Exporteer het scenario of verwijder oude scenario’s.',
  storageUnavailable: (msg: string) => `Opslaan lukt niet (${msg}); je wijzigingen staan op het scherm maar blijven niet bewaard.`,
  otherTabChanged: (name: string) => `‘${name}’ is in een ander tabblad gewijzigd.`,
  loadTheirs: 'Laad die versie',
  uncertaintyFailed: 'De onzekerheid kon niet worden berekend',
  scenario: 'Scenario',
  name: 'Naam',
  newScenario: 'Nieuw',
  copyScenario: 'Kopie',
  copyOf: (name: string) => `Kopie van ${name}`,
  deleteScenario: 'Verwijderen',
  undo: 'Ongedaan maken',
  redo: 'Opnieuw',
  deleted: (name: string) => `‘${name}’ is verwijderd.`,
  restore: 'Terugzetten',
  views: { overview: 'Overzicht', programmes: 'Programma’s', assumptions: 'Aannames', method: 'Zo rekent caseflow' } as Record<string, string>,
  viewsLabel: 'Weergaven',
  cite: (name: string, version: string, fingerprint: string, mc: string) => `Citeer als: caseflow ${version}, scenario ‘${name}’ (vingerafdruk ${fingerprint})${mc}`,
  citeMc: (runs: number, seed: number) => `, Monte Carlo ${runs} runs, startgetal (seed) ${seed}`,
  csv: 'CSV',
  csvTitle: 'Resultaten als CSV (per maand, per jaar, samenvatting)',
  close: 'Sluiten',
  share: 'Deellink',
  shareLinkLabel: 'Deellink van dit scenario',
  shareCopied: 'De deellink staat op het klembord. Wie hem opent, ziet dit scenario; er gaat niets naar een server.',
  shareCopy: 'Kopieer deze deellink; er gaat niets naar een server:',
  sharedName: (name: string) => `${name} (gedeeld)`,
  sharedOpened: (name: string) => `Het gedeelde scenario is toegevoegd als ‘${name}’; je eigen scenario’s zijn ongewijzigd.`,
  sharedKnown: (name: string) => `Dit gedeelde scenario staat al bij je scenario’s, als ‘${name}’; het is niet nog eens toegevoegd.`,
  linkBroken: (why: string) => `Deze deellink kan niet worden gelezen: ${why} Je opgeslagen scenario’s zijn ongewijzigd.`,
  exportScenario: 'Exporteer',
  importScenario: 'Importeer…',
  imported: (file: string) => `‘${file}’ is geïmporteerd als nieuw scenario.`,
  importFailed: (file: string, why: string) => `‘${file}’ is niet geïmporteerd: ${why} Je opgeslagen scenario’s zijn ongewijzigd.`,
  importProblem: {
    too_big: (d: string) => `het bestand is te groot (${d} bytes; hooguit 1.000.000).`,
    empty: () => 'het bestand is leeg.',
    syntax: (d: string) => `geen geldige TOML of JSON${d ? ` (regel ${d.split(':')[0]}, teken ${d.split(':')[1]})` : ''}.`,
    link: (d: string) =>
      `de link is beschadigd of onvolledig: ${({ code: 'na #s= staan tekens die niet in een deellink horen', cut: 'het ingepakte scenario is afgekapt of beschadigd (is de link helemaal gekopieerd?)', text: 'de inhoud is geen tekst', json: 'de inhoud is geen scenario', none: 'er staat geen scenario in' } as Record<string, string>)[d] ?? d}.`,
  },
  present: 'Presentatie',
  storyPlace: (at: number, of: number) => `Scenario ${at} van ${of}`,
  removedTrack: (name: string) => `${name} verwijderd.`,
  presentedOther: (shown: string, before: string) => `De presentatie eindigde bij ‘${shown}’: dat staat nu open, niet ‘${before}’.`,
  backTo: (name: string) => `Terug naar ‘${name}’`,
  presentKeys: (bands: boolean) => ['← scenario', 'scenario →', '↑ ↓ grafiek', `B banden ${bands ? 'uit' : 'aan'}`, 'A aannames', 'Esc sluiten'],
  programmeInUse: (name: string, participants: string, cost: string, effect: string) => `${name}: ${participants} deelnemers, € ${cost} per deelnemer, effect ${effect}%`,
  assumptionsInUse: 'Aannames in dit scenario (anders dan standaard)',
  allDefaults: 'Alle aannames op hun standaardwaarde.',
  downloadPng: 'PNG',
  downloadSvg: 'SVG',
  print: 'Afdrukken',
  colProgramme: 'Programma',
  colParticipants: 'Deelnemers',
  colPlannedCost: 'Geplande kosten (€)',
  xlsx: 'Excel',
  fingerprintLabel: 'Vingerafdruk',
  dateLabel: 'Datum',
  methodLabel: 'Berekening',
  deterministic: 'deterministisch (verwachte waarden)',
  citeLabel: 'Citeer als',
  roundingLabel: 'Afronding',
  columnsLabel: 'Kolommen',
  columnsNote: 'Een cijfer zonder toevoeging komt uit de centrale berekening (zonder toeval), zoals de pagina het noemt; gemiddelde en P5-P95 zijn over de runs van de Monte Carlo. Bij een scheve verdeling verschillen centrale berekening, gemiddelde en mediaan (P50).',
  chancesLabel: 'Kansen (aandeel van de runs)',
  chances: (c: string[]) => `terugverdiend binnen 2 / 5 / 10 jaar: ${c[0]} / ${c[1]} / ${c[2]}; positief netto resultaat: ${c[3]}`,
  rounding: ROUNDING_NL,
  sheetAbout: 'Verantwoording',
  sheetMonths: 'Per maand',
  sheetYears: 'Per jaar',
  sheetSummary: 'Samenvatting',
  sheetAssumptions: 'Aannames',
};

const en: Texts = {
  tagline: 'What-if simulator for the social assistance caseload of Maastricht-Heuvelland',
  controls: 'Scenario',
  preset: 'Starting point',
  noPreset: '(none: imported scenario)',
  changedMark: '(changed)',
  horizonTooShort: (value: string, need: number, name: string, start: string) => `Horizon: ‘${value}’ is out of range; allowed: ${need} to 180 (months), since ‘${name}’ starts in ${start}.`,
  changedFrom: (description: string) => `Changed: the figures differ from the starting point. Starting point: ${description}`,
  chartTitle: 'Caseload per month, region',
  seriesBenefits: 'Benefits',
  seriesWithout: 'Without programmes',
  showTable: 'Show the figures as a table',
  colMonth: 'Month',
  colBenefits: 'Benefits',
  colPeople: 'People',
  colToWork: 'To work',
  colSaving: 'Saving',
  source: 'Source',
  range: 'Range',
  plausible: 'Plausible',
  outsidePlausible: (value: string, range: string) => `Note: ${value} is outside the plausible range (${range}); the results use it all the same.`,
  notDrawn: 'Fixed: not drawn in the Monte Carlo',
  assumptions: 'All assumptions',
  notesTitle: 'Note: from the papers',
  footer: 'caseflow version',
  notANumber: 'is not a number',
  outOfRange: 'is out of range',
  notWhole: 'is not a whole number',
  malformed: 'is not valid',
  unknownField: 'is not a known field',
  inconsistent: 'does not fit the other values',
  missing: 'is missing',
  allowed: 'allowed',
  to: 'to',
  keptLast: 'The last valid value stays in use.',
  ambiguousAmount: (name: string, text: string, whole: string) => `${name}: ‘${text}’ has three digits after the decimal point; an amount in euros has at most two. Did you mean ${whole} euros? Then type ${whole}.`,
  keptValue: (v: string) => `The last valid value, ${v}, stays in use.`,
  fatal: 'caseflow could not start',
  none: 'not within the horizon',
  municipalities: 'Per municipality: who pays, who saves',
  programmesTitle: 'Programmes in this scenario',
  codes: { near: 'close to work', mid: 'mid distance', far: 'far from work', any: 'everyone', start: 'the start', end: 'the end', reintegration: 're-integration budget', buig: 'BUIG grant', seed: 'the region’s papers', study: 'study', derived: 'derived', assumption: 'assumption' } as Record<string, string>,
  noProgrammes: 'This scenario has no programmes.',
  target: 'target group',
  effectFrom: 'effect from',
  funding: 'paid from',
  howTitle: 'How caseflow calculates',
  how: [
    'Each municipality’s caseload sits in cells: three groups by distance to work (near, mid, far) times seven by time on benefit (0-2, 3-5, 6-11, 12-23, 24-35, 36-59 and 60+ months). Each month a share of every cell leaves: to work and for other reasons. The chance falls with time on benefit (4.7% a month in the first year, 0.6% after five years; CBS); the chance of work depends on the distance.',
    'Stock(t+1) = stock(t) + inflow − exits, per municipality and month (participants of a track with on_benefit = false, a scenario file field, do not count while in it; the results then say so). Inflow is new inflow, a growth shock (for example 7% of the starting caseload in 2021) and re-entry: a share of those who leave return within 24 months (12% after work, 45% after other exits).',
    'A programme takes participants from its target group. While in it their chance of work is lower (lock-in); after it higher (the effect), which halves every half-life. Participants keep their own duration and distance, so their chance would have fallen without the programme too.',
    'The saving is always a difference: the same calculation with and without the programmes, with the same assumptions. Exits that would have happened anyway (deadweight) therefore never count as saving. Saving = (benefits without − with) × €1,200 a month (indexed), minus the feedback: the BUIG grant follows part of the saving a year later, and a municipality in the safety net receives less compensation.',
    `Costs are shared by the cost key (Maastricht 78.08%, the five others together 21.92%); savings land where the caseload falls. ${ROUNDING_EN}`,
    'The band is a Monte Carlo: 1,000 runs with drawn assumptions (each from its distribution around the value in use, as wide as its plausible range) and chance per municipality and month; with and without the programmes get the same draws. The band shows P5-P95; with the same seed the CLI gives the same numbers.',
  ],
  howLeftOut: 'What caseflow leaves out (for now): the business cycle as a fixed input (only in the backtest), creaming of promising participants, differences between municipalities in exit chances, frozen benefits that stay in the counts (Valkenier, seed 002), and the safety net’s three-year condition.',
  howSeeds: [
    'Seed 000 puts 7% growth at ‘about 550 people’: that is exactly the number of participants (200 + 220 + 130), not 7% of any stock (7% of some 4,600 benefits is about 320).',
    'Seed 000 allocates €2,845,000 against €2,810,000 available: €35,000 too much.',
    'Seed 003: the funding (€99,927 + €126,821 + €77,167) adds up to €303,915, one euro short of the €303,916 it covers; the cells were rounded one by one.',
    'Seed 004: today’s re-integration budget is not in the papers; caseflow uses a marked assumption.',
  ],
  howSeedsTitle: 'What caseflow found in the papers',
  howPapersTitle: 'The papers (‘seed 000 §3’ in a source: paper 000, section 3)',
  howPapers: [
    'Seed 000: the municipal executive’s decision of 21 April 2021 on the programme of intensified re-integration under the Participation Act against the corona crisis (2021-2023).',
    'Seed 001: council proposal for the Maastricht-Heuvelland re-integration by-law 2023.',
    'Seed 002: factsheet on optimising re-integration and intensifying exits under the Participation Act, 2018-2021.',
    'Seed 003: the municipal executive’s decision of 12 December 2017 on the re-integration pilot for refugees with a residence permit (statushouders, 2016-2018).',
    'Seed 004: the executive’s proposal for a vision of the Maastricht-Heuvelland re-integration chain, January 2025.',
  ],
  howLeftOutTitle: 'What is left out',
  colAssumption: 'Assumption',
  colValue: 'Value',
  colUnit: 'Unit',
  colDefault: 'Default',
  colEvidence: 'Evidence',
  reset: 'Reset',
  resetAll: 'Reset all assumptions',
  computing: (done: number, runs: number) => `Computing… ${done} of ${runs} runs`,
  uncertaintyWaits: 'The uncertainty band waits until the analysis is done.',
  uncertaintyHint: (runs: string) => `Compute the uncertainty: ${runs} runs with drawn assumptions and chance; the band shows P5-P95.`,
  uncertaintyResult: (b5: string, b95: string, money: string, runs: string, seed: number, command: string) =>
    `90% band (P5-P95): ${b5} to ${b95} benefits at the end${money}. ${runs} runs, random seed ${seed} (${command}).`,
  uncertaintyMoney: (n5: string, n95: string, payback: string, n50: string) => `; net result ${n5} to ${n95} (median ${n50}); paid back within the horizon in ${payback === '0%' ? 'none' : payback} of the runs`,
  colGross: 'Gross saving',
  colKept: 'After feedback',
  colCostShare: 'Cost share',
  colNet: 'Net',
  overallocated: (amount: string, allocated: string, available: string) =>
    `Over-allocated: ${amount} (${allocated} allocated, ${available} available).`,
  skip: 'Skip to content',
  band90: '90% band',
  band50: '50% band',
  exitsTitle: 'Exits to work per month, region',
  moneyTitle: 'Saving and cost, added up since the start',
  noMoney: 'This scenario has no programme participants: there is no programme cost and no saving to chart.',
  measure: 'Show the caseload as',
  moreControls: 'Programmes and every other assumption have their own tab.',
  headlineTitle: 'In short',
  keyFigures: (exits: string, net: string, paid: string, period: string) => `Extra to work: ${exits} · Net result ${period}: ${net} · Paid back: ${paid}`,
  keyNo: 'no',
  keyAfter: (months: number, month: string) => `yes, after ${months} months (${month})`,
  keyRuns: (pct: string, months: number | null, month: string) => `${pct === '0' ? 'in none' : `in ${pct}%`} of the runs; in the central run ${months === null ? 'not within the horizon' : `after ${months} months (${month})`}`,
  caseloadSummary: (what: string, start: string, last: string, end: string, without: string, band: string) =>
    `Number of ${what} per month: from ${start} at the start to ${end} at the end of ${last}, against ${without} without programmes.${band}`,
  bandNote: (runs: string, seed: string) => ` The bands are the 50% and 90% of a Monte Carlo of ${runs} runs (random seed ${seed}).`,
  bandsComing: 'Computing the uncertainty…',
  rangesNote: (runs: string, seed: string) => `In brackets: the 90% band (P5-P95) of a Monte Carlo of ${runs} runs (random seed ${seed}); the figure before it is the central run.`,
  colAlsoWithout: 'of whom also without',
  exitsSummary: (total: string, without: string, extra: string) => `In all ${total} exits to work, against ${without} without programmes: ${extra} extra.`,
  colCost: 'Programme cost',
  paybackMark: (m: number) => `paid back (month ${m})`,
  moneySummary: (gross: string, kept: string, cost: string, payback: string) => `Added up: gross saving ${gross}, after feedback ${kept}, cost ${cost}; payback: ${payback}.`,
  afterMonths: (m: number) => `after ${m} months`,
  addProgramme: 'Add a programme…',
  presetValue: 'Value in the starting point',
  removeProgramme: 'Remove',
  moreFields: 'More fields: lock-in, half-life, intake, capacity, target group',
  programmeOutcome: (started: string, cost: string, exits: string, deadweight: string, planned: string) =>
    `${started} participants started${planned ? ` of the ${planned} planned (the target group, the capacity or the horizon allowed no more)` : ''} for ${cost}; ${exits} find work, ${deadweight} of whom would have without the programme.`,
  noBudget: 'This scenario names no budget; the costs are listed per programme below.',
  budgetTitle: 'Budget',
  budgetLabel: (allocated: string, available: string) => `Bar: ${allocated} allocated of ${available} available`,
  budgetLine: (programmes: string, others: string, allocated: string, available: string) =>
    `Programmes ${programmes} + other allocations ${others} = ${allocated} allocated; available ${available}.`,
  budgetFits: (rest: string) => `Fits the budget; still free: ${rest}.`,
  keyProgrammes: 'Programmes',
  keyOthers: 'Other allocations',
  keyOver: 'Over-allocated',
  keyAvailable: (available: string) => `Available (${available})`,
  assumptionsIntro: (n: number) => `Every assumption with its unit, default, plausible and allowed range and source. ${n === 0 ? 'Nothing changed from the starting point.' : `${n} changed from the starting point (marked *).`}`,
  notesAllTitle: 'Notes on the papers',
  migratedName: 'Saved scenario (earlier version)',
  unreadable: (list: string) => `Could not be read, so not shown (but kept): ${list}.`,
  copyFromTab: (name: string) => `${name} (this tab)`,
  presetReplaced: (preset: string) => `Starting point ‘${preset}’: your changes to the scenario were replaced.`,
  otherTabCopied: (name: string, copy: string) => `‘${name}’ was changed in another tab. That version stays saved; your changes are in ‘${copy}’.`,
  quotaFull: 'The browser’s storage is full: your last change is on screen but not saved. Export the scenario or delete old scenarios.',
  storageUnavailable: (msg: string) => `Saving failed (${msg}); your changes are on screen but will not be kept.`,
  otherTabChanged: (name: string) => `‘${name}’ was changed in another tab.`,
  loadTheirs: 'Load that version',
  uncertaintyFailed: 'The uncertainty could not be computed',
  scenario: 'Scenario',
  name: 'Name',
  newScenario: 'New',
  copyScenario: 'Copy',
  copyOf: (name: string) => `Copy of ${name}`,
  deleteScenario: 'Delete',
  undo: 'Undo',
  redo: 'Redo',
  deleted: (name: string) => `‘${name}’ was deleted.`,
  restore: 'Restore',
  views: { overview: 'Overview', programmes: 'Programmes', assumptions: 'Assumptions', method: 'How caseflow calculates' } as Record<string, string>,
  viewsLabel: 'Views',
  cite: (name: string, version: string, fingerprint: string, mc: string) => `Cite as: caseflow ${version}, scenario ‘${name}’ (fingerprint ${fingerprint})${mc}`,
  citeMc: (runs: number, seed: number) => `, Monte Carlo ${runs} runs, random seed ${seed}`,
  csv: 'CSV',
  csvTitle: 'Results as CSV (monthly, yearly, summary)',
  close: 'Close',
  share: 'Share link',
  shareLinkLabel: 'Share link of this scenario',
  shareCopied: 'The share link is on the clipboard. Whoever opens it sees this scenario; nothing goes to a server.',
  shareCopy: 'Copy this share link; nothing goes to a server:',
  sharedName: (name: string) => `${name} (shared)`,
  sharedOpened: (name: string) => `The shared scenario was added as ‘${name}’; your own scenarios are unchanged.`,
  sharedKnown: (name: string) => `This shared scenario is already among your scenarios, as ‘${name}’; it was not added again.`,
  linkBroken: (why: string) => `This share link cannot be read: ${why} Your saved scenarios are unchanged.`,
  exportScenario: 'Export',
  importScenario: 'Import…',
  imported: (file: string) => `‘${file}’ was imported as a new scenario.`,
  importFailed: (file: string, why: string) => `‘${file}’ was not imported: ${why} Your saved scenarios are unchanged.`,
  importProblem: {
    too_big: (d: string) => `the file is too large (${d} bytes; at most 1,000,000).`,
    empty: () => 'the file is empty.',
    syntax: (d: string) => `not valid TOML or JSON${d ? ` (line ${d.split(':')[0]}, character ${d.split(':')[1]})` : ''}.`,
    link: (d: string) =>
      `the link is damaged or incomplete: ${({ code: 'after #s= there are characters that are not part of a share link', cut: 'the packed scenario is cut off or damaged (was the whole link copied?)', text: 'its content is not text', json: 'its content is not a scenario', none: 'there is no scenario in it' } as Record<string, string>)[d] ?? d}.`,
  },
  present: 'Present',
  storyPlace: (at: number, of: number) => `Scenario ${at} of ${of}`,
  removedTrack: (name: string) => `${name} removed.`,
  presentedOther: (shown: string, before: string) => `The presentation ended on ‘${shown}’: that is now open, not ‘${before}’.`,
  backTo: (name: string) => `Back to ‘${name}’`,
  presentKeys: (bands: boolean) => ['← scenario', 'scenario →', '↑ ↓ chart', `B bands ${bands ? 'off' : 'on'}`, 'A assumptions', 'Esc leave'],
  programmeInUse: (name: string, participants: string, cost: string, effect: string) => `${name}: ${participants} participants, €${cost} per participant, effect ${effect}%`,
  assumptionsInUse: 'Assumptions in this scenario (other than the defaults)',
  allDefaults: 'All assumptions at their defaults.',
  downloadPng: 'PNG',
  downloadSvg: 'SVG',
  print: 'Print',
  colProgramme: 'Programme',
  colParticipants: 'Participants',
  colPlannedCost: 'Planned cost (€)',
  xlsx: 'Excel',
  fingerprintLabel: 'Fingerprint',
  dateLabel: 'Date',
  methodLabel: 'Calculation',
  deterministic: 'deterministic (expected values)',
  citeLabel: 'Cite as',
  roundingLabel: 'Rounding',
  columnsLabel: 'Columns',
  columnsNote: 'A figure without a suffix is from the central run (no chance), as the page gives it; mean and P5-P95 are over the Monte Carlo runs. With a skewed spread the central run, the mean and the median (P50) differ.',
  chancesLabel: 'Chances (share of the runs)',
  chances: (c: string[]) => `paid back within 2 / 5 / 10 years: ${c[0]} / ${c[1]} / ${c[2]}; positive net result: ${c[3]}`,
  rounding: ROUNDING_EN,
  sheetAbout: 'About',
  sheetMonths: 'Monthly',
  sheetYears: 'Yearly',
  sheetSummary: 'Summary',
  sheetAssumptions: 'Assumptions',
};

export type Texts = typeof nl;

export function t(lang: Lang): Texts {
  return lang === 'nl' ? nl : en;
}

const locales: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * A number format, made once per language and options: constructing an Intl.NumberFormat costs
 * far more than formatting with it, and a chart redraw formats hundreds of numbers.
 */
const formats = new Map<string, Intl.NumberFormat>();
export function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locales[lang], options);
    formats.set(key, f);
  }
  return f;
}

/** A number with the language's separators and at most `digits` decimals. */
export function formatNumber(lang: Lang, value: number, digits = 0): string {
  // 'negative': a value that rounds to zero reads "0", not "-0".
  return numberFormat(lang, { maximumFractionDigits: digits, signDisplay: 'negative' }).format(value);
}

/** Euros, whole: € 1.645.000 in Dutch, €1,645,000 in English. */
export function formatEur(lang: Lang, value: string | number): string {
  return numberFormat(lang, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(Number(value));
}

export function label(lang: Lang, spec: { label_nl: string; label_en: string }): string {
  return lang === 'nl' ? spec.label_nl : spec.label_en;
}

export function unit(lang: Lang, spec: ParamSpec): string {
  return lang === 'nl' ? spec.unit_nl : spec.unit_en;
}

/** A unit in brackets after a name, without brackets in brackets: "(personen, totaal)". */
export function unitInBrackets(lang: Lang, spec: ParamSpec): string {
  return `(${unit(lang, spec).replace(/\s*\(([^()]*)\)/g, ', $1')})`;
}

/**
 * A warning when a tenth or more of the programme starts fall in the run's last 12 months:
 * their cost is inside the run, most of what they save after it, so the net result reads
 * worse than the programme is (the frozen budget's 2029 cohort). Empty otherwise.
 */
export function horizonNote(lang: Lang, r: Results): string {
  const starts = r.months.map((m) => m.programme_starts);
  const all = starts.reduce((a, b) => a + b, 0);
  const late = starts.slice(-12).reduce((a, b) => a + b, 0);
  // A run of a year or less is all "last year": 100%, and the most to say it of.
  if (all <= 0 || late < 0.1 * all) return '';
  const pct = formatNumber(lang, (100 * late) / all);
  const from = formatMonth(lang, r.months[Math.max(0, r.months.length - 12)]!.month);
  const end = formatMonth(lang, r.months[r.months.length - 1]!.month);
  return lang === 'nl'
    ? `Let op: ${pct}% van de trajectstarts valt in de laatste 12 maanden (vanaf ${from}). Hun kosten tellen mee; het meeste van wat ze besparen valt na ${end} en telt niet mee. Een langere looptijd (Looptijd, bij Scenario) telt het wel.`
    : `Note: ${pct}% of the programme starts fall in the last 12 months (from ${from}). Their cost counts; most of what they save falls after ${end} and does not. A longer horizon (Horizon, under Scenario) counts it.`;
}

/** The years a run covers, as the key figures give its period: "2021–2030", or "2021". */
export function periodOf(r: Results): string {
  const from = r.months[0]?.month.slice(0, 4) ?? '';
  const to = r.months[r.months.length - 1]?.month.slice(0, 4) ?? '';
  return from === to ? from : `${from}–${to}`;
}

/** A month of the results (`2030-12`) as the text reads it: "december 2030", "December 2030". */
export function formatMonth(lang: Lang, month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

const shortMonths = new Map<Lang, Intl.DateTimeFormat>();
/** A month on a chart's axis (`2021-01`): "jan 2021", "Jan 2021". */
export function shortMonth(lang: Lang, month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  let f = shortMonths.get(lang);
  if (!f) shortMonths.set(lang, (f = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })));
  return f.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

/** Where a parameter's default or a template's values come from, in the page's language. */
export function source(lang: Lang, spec: { source: string; source_nl: string }): string {
  return lang === 'nl' ? spec.source_nl : spec.source;
}

/** How an analysis was computed (its `method`), in the page's language. */
export function method(lang: Lang, spec: { method: string; method_nl: string }): string {
  return lang === 'nl' ? spec.method_nl : spec.method;
}

/** What a fit could not pin down (its `not_identified`), in the page's language. */
export function notIdentified(lang: Lang, spec: { not_identified: string[]; not_identified_nl: string[] }): string[] {
  return lang === 'nl' ? spec.not_identified_nl : spec.not_identified;
}

/** An analysis' assessment lines (its `assessment`), in the page's language. */
export function assessment(lang: Lang, spec: { assessment: string[]; assessment_nl: string[] }): string[] {
  return lang === 'nl' ? spec.assessment_nl : spec.assessment;
}

/**
 * A programme's name as the page shows it. A name the user gave stays as typed; a template's
 * own (Dutch) name shows as the template's English name on the English page ("Track i: work
 * to work" for "Werk naar werk").
 */
export function programmeName(lang: Lang, catalogue: Catalogue, prog: { id: string; name?: string | null }): string {
  const name = prog.name || prog.id;
  if (lang === 'nl') return name;
  // A second copy of a template has the id `lks-2` (see the Programma's view's add).
  const copyOf = (id: string) => prog.id === id || (prog.id.startsWith(`${id}-`) && /^\d+$/.test(prog.id.slice(id.length + 1)));
  const template = catalogue.templates.find((tpl) => copyOf(tpl.id) && tpl.programme.name === prog.name);
  return template ? template.name_en : name;
}

/** The allowed range of a parameter: "-20 tot 20 (%)". */
export function allowedRange(lang: Lang, spec: ParamSpec): string {
  // Grouped as every other number on the page ("0 tot 5.000", as "Aannemelijk: 1.100–1.300").
  const n = (v: number) => formatNumber(lang, v, 6);
  return `${n(spec.min)} ${t(lang).to} ${n(spec.max)} ${unitInBrackets(lang, spec)}`;
}

/**
 * "Aannemelijk: 10–60", or, for a value the Monte Carlo does not draw (a choice such as a
 * programme's size, whose low and high are its default), that it is fixed: a range of
 * "100–100" said nothing, and showed a template's 3.000 for a track costing 4.500.
 */
export function plausibleRange(lang: Lang, spec: ParamSpec, digits: number): string {
  const tx = t(lang);
  if (spec.distribution === 'fixed' && spec.low === spec.high) return tx.notDrawn;
  return `${tx.plausible}: ${formatNumber(lang, spec.low, digits)}–${formatNumber(lang, spec.high, digits)}`;
}

/** "Groeischok: ‘abc’ is geen getal; toegestaan: -20 tot 20 (…)". */
/** A value as echoed in a message: at most 40 characters, like the core's errors. */
function echo(value: string): string {
  const chars = Array.from(value);
  return chars.length <= 40 ? value : `${chars.slice(0, 40).join('')}…`;
}

/**
 * `asTyped`: the value is the user's own text (kept as typed); else it is the core's, whose
 * numbers are written with a point ("-12.5"), said the language's way ("-12,5").
 */
export function inputErrorMessage(lang: Lang, d: InputErrorDetail, asTyped = false): string {
  const tx = t(lang);
  const what = {
    not_a_number: tx.notANumber,
    out_of_range: tx.outOfRange,
    not_whole: tx.notWhole,
    malformed: tx.malformed,
    unknown_field: tx.unknownField,
    inconsistent: tx.inconsistent,
    missing: tx.missing,
  }[d.kind];
  const label = (lang === 'nl' ? d.label_nl : d.label_en) || d.field;
  // A file's error names the field as the file spells it (`programmes[0].participants`), and
  // its reason (the core keeps up to 80 characters) is shown whole. Its label ends in where
  // in the file (`Horizon, Scenario file`, or the file alone).
  const fromFile = d.label_en.includes('Scenario file');
  const name = fromFile && d.field !== 'scenario' ? `${d.field} (${label})` : label;
  const allowed = lang === 'nl' ? d.allowed_nl : d.allowed_en;
  const said = !asTyped && lang === 'nl' && /^-?\d+\.\d+$/.test(d.value) ? d.value.replace('.', ',') : d.value;
  const value = d.kind === 'missing' ? '' : `‘${fromFile ? d.value : echo(said)}’ `;
  return `${name}: ${value}${what}; ${tx.allowed}: ${allowed}.`;
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
  }, true);
}

/** The headline sentences by subject; absent when they do not apply (no programmes, no shock). */
export interface HeadlineParts {
  exits?: string;
  /** Why the extra exits are fewer than the participants' exits minus the deadweight. */
  exitsWhy?: string;
  caseload: string;
  shock?: string;
  saving?: string;
  net?: string;
  payback?: string;
}

/** A share of the runs in percent: whole, but with a decimal under 1% ("0,3", not "0"). */
export function sharePct(lang: Lang, share: number): string {
  return formatNumber(lang, share * 100, share < 0.01 ? 1 : 0);
}

/**
 * The five headline sentences, and the growth shock when there is one. The central figures
 * are the deterministic run's; when the Monte Carlo of the same scenario is there, its P5-P95
 * follows each in brackets.
 */
export function headlineParts(lang: Lang, r: Results, mc?: MonteCarlo | null): HeadlineParts {
  const s = r.summary;
  const nl = lang === 'nl';
  const to = nl ? 'tot' : 'to';
  type Key = 'benefits_end' | 'extra_exits_to_work' | 'net_saving_eur' | 'saving_after_feedback_eur';
  // `flip`: the range of a figure said as its opposite ("2 fewer" for -2): negated, so swapped.
  const range = (key: Key, flip = false) => {
    if (!mc) return '';
    const q = mc.summary[key] as { p5: number | string | null; p95: number | string | null };
    if (q.p5 === null || q.p95 === null) return '';
    const f = (v: number | string) => (typeof v === 'string' ? formatEur(lang, v) : formatNumber(lang, flip ? -v : v));
    return flip ? ` (${f(q.p95)} ${to} ${f(q.p5)})` : ` (${f(q.p5)} ${to} ${f(q.p95)})`;
  };
  const n = (v: number, digits = 0) => formatNumber(lang, v, digits);
  const e = (v: string) => formatEur(lang, v);
  const month = formatMonth(lang, r.months[r.months.length - 1]?.month ?? '');
  const first = formatMonth(lang, r.months[0]?.month ?? '');
  // The month the central run pays back in ("april 2030"), beside its count of months.
  const paidIn = s.payback_month === null ? '' : ` (${formatMonth(lang, r.months[s.payback_month - 1]?.month ?? '')})`;
  // The central run says whether it pays back; the Monte Carlo in how many runs it does.
  const share = mc ? `${sharePct(lang, mc.summary.payback_month.share_paying_back)}%` : '';
  const chance = !mc ? '' : share === '0%' ? (nl ? '; ook in geen van de Monte Carlo-runs' : '; nor in any of the Monte Carlo runs') : nl ? `; in ${share} van de Monte Carlo-runs wel` : `; in ${share} of the Monte Carlo runs it does`;
  const chanceYes = mc ? (nl ? `; in ${share} van de Monte Carlo-runs binnen de looptijd` : `; in ${share} of the Monte Carlo runs within the horizon`) : '';
  const g = r.growth_shock;
  const programmes = s.participants > 0;
  // Spending that rises (a wage-cost subsidy paid from the BUIG grant costs more than it saves)
  // is said as more, not as a negative less.
  const gross = Number(s.gross_saving_eur);
  const grossAbs = e(String(Math.abs(gross)));
  // What programmes funded from the BUIG grant cost: inside the benefit spending, not in the
  // programme cost, so the sentence on the cost says it.
  const buigCost = r.programmes.reduce((sum, p, i) => (r.scenario.programmes[i]?.funding === 'buig' ? sum + Math.round(Number(p.cost_eur) * 100) : sum), 0) / 100;
  // Fewer exits to work than without the programme (lock-in, no effect) are said as fewer.
  const x = s.extra_exits_to_work;
  const fewer = Math.round(x) < 0;
  const exitsN = n(Math.abs(x)) + range('extra_exits_to_work', fewer);
  // Why fewer remain than the participants' exits minus the deadweight: only where the rounded
  // figures say fewer ("1 remain rather than 1" says nothing), and lock-in only where there is.
  const rest = s.participant_exits_to_work - s.deadweight_exits;
  const why = Math.round(x) < Math.round(rest);
  // (A results' scenario is complete: both fields are there, and neither is negative.)
  const lock = r.scenario.programmes.some((p) => p.lock_in_pct! * p.participants! > 0);
  const months = s.benefit_months_avoided;
  // With a discount rate set, the net result discounted at it as well (equal at 0%).
  const rate = r.scenario.set['discount_rate_pct'];
  const pv = (w: string) => (rate ? ` (${w} ${n(rate, 2)}%: ${e(s.present_value_net_eur)})` : '');
  if (nl) {
    return {
      exits: programmes ? `Met dit programma stromen naar verwachting ${exitsN} mensen ${fewer ? 'minder' : 'meer'} uit naar werk dan zonder programma.` : undefined,
      exitsWhy: programmes ? `Van de ${n(s.participant_exits_to_work)} deelnemers die werk vinden, hadden ${n(s.deadweight_exits)} dat ook zonder gedaan${why ? `; dat er per saldo ${fewer ? `${n(-x)} minder uitstromen` : `${n(x)} overblijven en niet ${n(rest)}`}, komt door ${lock ? 'minder zoeken tijdens het traject (lock-in) en ' : ''}werk dat anders later was gevonden` : ''}.` : undefined,
      caseload: `Eind ${month} zijn er ${n(s.benefits_end)}${range('benefits_end')} uitkeringen (${n(s.people_end)} personen), tegen ${n(s.benefits_end_without_programmes)} zonder programma’s; aan het begin ${n(s.benefits_start)}.`,
      shock: g ? `De groeischok van ${n(g.pct, 1)}% van ${n(g.base_benefits)} uitkeringen, verspreid over ${g.planned_months} maanden, betekent ${n(g.extra_inflow_benefits)} uitkeringen (${n(g.extra_inflow_people)} personen) extra instroom${g.months < g.planned_months ? ` in de ${g.months} maanden binnen de looptijd` : ''}.` : undefined,
      saving: programmes ? `Van ${first} tot en met ${month} kost de bijstand ${grossAbs} ${gross < 0 ? 'meer' : 'minder'} (${n(Math.abs(months))} uitkeringsmaanden ${months < 0 ? 'meer' : 'minder'}${buigCost > 0 ? `; de loonkostensubsidie uit het BUIG-budget, ${e(String(buigCost))}, is bijstand` : ''}); na de terugval van BUIG-budget en vangnet blijft ${e(s.saving_after_feedback_eur)}${range('saving_after_feedback_eur')} over.` : undefined,
      net: programmes ? `Tegen ${e(s.programme_cost_eur)} aan programmakosten${buigCost > 0 ? ' uit het re-integratiebudget' : ''} is het netto resultaat ${e(s.net_saving_eur)}${range('net_saving_eur')}${pv('contant gemaakt tegen')}.` : undefined,
      payback: programmes ? (s.payback_month === null ? `In de centrale berekening verdient het programma zich niet terug binnen de looptijd${chance}.` : `In de centrale berekening verdient het programma zich terug na ${s.payback_month} maanden${paidIn}${chanceYes}.`) : undefined,
    };
  }
  return {
    exits: programmes ? `With this programme an expected ${exitsN} ${fewer ? 'fewer' : 'more'} people leave benefit for work than without it.` : undefined,
    exitsWhy: programmes ? `Of the ${n(s.participant_exits_to_work)} participants who find work, ${n(s.deadweight_exits)} would have without it${why ? `; that ${fewer ? `${n(-x)} fewer leave on balance` : `${n(x)} remain on balance rather than ${n(rest)}`} is ${lock ? 'lock-in (less searching while in the programme) and ' : ''}work that would otherwise have been found later` : ''}.` : undefined,
    caseload: `At the end of ${month} there are ${n(s.benefits_end)}${range('benefits_end')} benefits (${n(s.people_end)} people), against ${n(s.benefits_end_without_programmes)} without programmes; ${n(s.benefits_start)} at the start.`,
    shock: g ? `The growth shock of ${n(g.pct, 1)}% of ${n(g.base_benefits)} benefits, spread over ${g.planned_months} months, means ${n(g.extra_inflow_benefits)} benefits (${n(g.extra_inflow_people)} people) of extra inflow${g.months < g.planned_months ? ` in the ${g.months} months inside the horizon` : ''}.` : undefined,
    saving: programmes ? `From ${first} to ${month} benefits cost ${grossAbs} ${gross < 0 ? 'more' : 'less'} (${n(Math.abs(months))} ${months < 0 ? 'more' : 'fewer'} benefit-months${buigCost > 0 ? `; the wage-cost subsidy from the BUIG grant, ${e(String(buigCost))}, is benefit spending` : ''}); after the BUIG grant and safety-net feedback ${e(s.saving_after_feedback_eur)}${range('saving_after_feedback_eur')} remains.` : undefined,
    net: programmes ? `Against ${e(s.programme_cost_eur)} of programme cost${buigCost > 0 ? ' from the re-integration budget' : ''} the net result is ${e(s.net_saving_eur)}${range('net_saving_eur')}${pv('discounted at')}.` : undefined,
    payback: programmes ? (s.payback_month === null ? `In the central run the programme does not pay back within the horizon${chance}.` : `In the central run the programme pays back after ${s.payback_month} months${paidIn}${chanceYes}.`) : undefined,
  };
}

/**
 * The headline in reading order: the five numbers (only the caseload's without programmes), and
 * apart from them the growth shock they follow from, if there is one.
 */
/** The three answers a council asks first (extra to work, net result, payback); '' without participants. */
export function keyFigures(lang: Lang, r: Results, mc: MonteCarlo | null): string {
  const tx = t(lang);
  const s = r.summary;
  if (s.participants <= 0) return '';
  const month = s.payback_month === null ? '' : formatMonth(lang, r.months[s.payback_month - 1]?.month ?? '');
  const paid = mc ? tx.keyRuns(sharePct(lang, mc.summary.payback_month.share_paying_back), s.payback_month, month) : s.payback_month === null ? tx.keyNo : tx.keyAfter(s.payback_month, month);
  return tx.keyFigures(formatNumber(lang, s.extra_exits_to_work), formatEur(lang, s.net_saving_eur), paid, periodOf(r));
}

export function headline(lang: Lang, r: Results, mc?: MonteCarlo | null): { lines: string[]; shock: string } {
  const p = headlineParts(lang, r, mc);
  const exits = p.exits && p.exitsWhy ? `${p.exits} ${p.exitsWhy}` : p.exits;
  return { lines: [exits, p.caseload, p.saving, p.net, p.payback].filter((l): l is string => !!l), shock: p.shock ?? '' };
}
