// *Programma's*: each track with sliders for participants, cost, effect and duration (the other
// fields one click away), and the budget bar: allocated against available, over-allocation in red.
import type { ParamSpec, Programme } from '../core';
import { attrs, el, onChoose, setText } from '../dom';
import { markEdited, numberControl } from '../fields';
import { formatEur, formatNumber, keyFigures, programmeName, source, t } from '../i18n';
import type { Ctx, View } from './context';

/** The fields with a slider on each track; the others are under "more". */
const MAIN_FIELDS = ['participants', 'cost_per_participant_eur', 'effect_pct', 'duration_months'];

type Field = keyof Programme & string;

export class ProgrammesView implements View {
  private bar!: HTMLElement;
  private outcomes = new Map<string, HTMLElement>();
  private keys!: HTMLElement;
  /** Each control with whether its value differs from the preset's, marked after every run. */
  private marks: { control: HTMLElement; edited: () => boolean }[] = [];

  constructor(private readonly ctx: Ctx) {}

  mount(host: HTMLElement): void {
    const { lang, core, scenario } = this.ctx;
    const tx = t(lang);
    this.bar = el('div', { id: 'budget-bar', className: 'budget-bar' });
    // The answers of Overzicht here too: a presenter changing a track saw no result change.
    this.keys = el('p', { id: 'programmes-key-figures', className: 'key-figures' });
    this.outcomes.clear();
    this.marks = [];
    const cards = scenario.programmes.map((prog, i) => this.card(prog, i));
    const add = el('select', { id: 'programme-add' });
    add.append(el('option', { value: '' }, tx.addProgramme));
    for (const tpl of core.catalogue.templates) add.append(el('option', { value: tpl.id }, lang === 'nl' ? tpl.name_nl : tpl.name_en));
    attrs(add, { 'aria-label': tx.addProgramme, 'aria-describedby': 'programme-add-error' });
    // A refused addition (more tracks than the core takes) is said here; the scenario stays.
    const refused = attrs(el('span', { className: 'error', id: 'programme-add-error' }), { role: 'alert' });
    onChoose(add, () => {
      const tpl = core.catalogue.templates.find((x) => x.id === add.value);
      if (!tpl) return;
      refused.textContent = this.ctx.edit((s) => {
        // A second copy of a template gets its own id, as ids are unique within a scenario.
        let id = tpl.programme.id;
        for (let k = 2; s.programmes.some((p) => p.id === id); k++) id = `${tpl.programme.id}-${k}`;
        s.programmes.push({ ...structuredClone(tpl.programme), id });
      }) ?? '';
      add.value = '';
    });
    host.replaceChildren(
      el('h2', {}, tx.programmesTitle),
      this.keys,
      this.bar,
      ...(cards.length ? cards : [el('p', {}, tx.noProgrammes)]),
      el('p', {}, add, ' ', refused),
    );
    this.update();
  }

  private card(prog: Programme, index: number): HTMLElement {
    const { lang, core } = this.ctx;
    const tx = t(lang);
    const fromPreset = this.ctx.preset?.scenario.programmes.find((p) => p.id === prog.id);
    const template = core.catalogue.templates.find((tpl) => tpl.id === prog.id || tpl.programme.name === prog.name);
    const control = (spec: ParamSpec) => {
      const f = spec.id as Field;
      const value = (prog[f] as number | undefined) ?? spec.default;
      const presetValue = fromPreset ? ((fromPreset[f] as number | undefined) ?? spec.default) : undefined;
      // The value in use now (the track at this place, while the controls stand).
      const valueNow = () => (this.ctx.scenario.programmes[index]?.[f] as number | undefined) ?? spec.default;
      const c = numberControl({
        id: `prog-${index}-${spec.id}`,
        spec,
        lang,
        value,
        edited: presetValue !== undefined && presetValue !== value,
        of: programmeName(lang, core.catalogue, prog),
        extra: presetValue !== undefined ? `${tx.presetValue}: ${formatNumber(lang, presetValue, 2)}` : undefined,
        apply: (v) =>
          this.ctx.edit((s) => {
            const p = s.programmes[index];
            if (p) (p as unknown as Record<string, number>)[f] = v;
          }, `prog-${index}-${spec.id}`),
        done: () => this.ctx.endBurst(),
      });
      if (presetValue !== undefined) this.marks.push({ control: c, edited: () => valueNow() !== presetValue });
      return c;
    };
    const fields = core.params.programme_field;
    const main = MAIN_FIELDS.map((id) => fields.find((f) => f.id === id)).filter((f): f is ParamSpec => !!f);
    const more = fields.filter((f) => !MAIN_FIELDS.includes(f.id));
    const code = (c: string) => tx.codes[c] ?? c;
    const remove = el('button', { type: 'button', className: 'remove', id: `prog-${index}-remove` }, tx.removeProgramme);
    attrs(remove, { 'aria-label': `${tx.removeProgramme}: ${programmeName(lang, core.catalogue, prog)}` });
    // Said, with the way back (a screen reader heard nothing, and the focus moves on to the
    // next track's button).
    // A double click removes one track: the second click fell on the next track's button.
    remove.addEventListener('click', (e) => e.detail > 1 || (this.ctx.edit((s) => void s.programmes.splice(index, 1)) ?? this.ctx.removed(programmeName(lang, core.catalogue, prog))));
    const outcome = el('p', { className: 'outcome', id: `prog-${index}-outcome` });
    this.outcomes.set(prog.id, outcome);
    return el(
      'section',
      { className: 'programme', id: `prog-${index}` },
      el('h3', {}, `${programmeName(lang, core.catalogue, prog)} (${prog.id})`, ' ', remove),
      el('p', { className: 'source' }, `${tx.target}: ${code(prog.target)}; ${tx.effectFrom}: ${code(prog.effect_from)}; ${tx.funding}: ${code(prog.funding)}`),
      template ? el('p', { className: 'source' }, `${tx.source}: ${source(lang, template)}`) : '',
      outcome,
      el('div', { className: 'sliders' }, ...main.map(control)),
      el('details', {}, el('summary', {}, tx.moreFields), ...more.map(control)),
    );
  }

  update(): void {
    for (const { control, edited } of this.marks) markEdited(control, edited());
    const r = this.ctx.results;
    if (!r) return;
    const { lang } = this.ctx;
    const tx = t(lang);
    const keys = keyFigures(lang, r, this.ctx.uncertainty);
    this.keys.hidden = !keys;
    setText(this.keys, keys);
    const e = (v: string | number) => formatEur(lang, v);
    for (const p of r.programmes) {
      const out = this.outcomes.get(p.id);
      // Fewer started than planned (the eligible stock, the capacity or the run's end held the
      // intake back) is said, not left to be noticed.
      const [started, planned] = [formatNumber(lang, p.participants_started), formatNumber(lang, p.participants_planned)];
      if (out) out.textContent = tx.programmeOutcome(started, e(p.cost_eur), formatNumber(lang, p.participant_exits_to_work, 1), formatNumber(lang, p.deadweight_exits, 1), started === planned ? '' : planned);
    }
    const b = r.budget;
    if (!b) {
      this.bar.replaceChildren(el('p', {}, tx.noBudget));
      return;
    }
    const available = Number(b.available_eur);
    const allocated = Number(b.allocated_eur);
    const over = Number(b.overallocation_eur);
    const scale = Math.max(available, allocated, 1);
    const pct = (v: number) => `${((100 * v) / scale).toFixed(2)}%`;
    const programmes = Number(b.programmes_eur);
    const others = Number(b.other_allocations_eur);
    // Widths through the CSSOM: the Content-Security-Policy refuses inline style attributes.
    const part = (className: string, width: number) => {
      const d = el('div', { className });
      d.style.width = pct(width);
      return d;
    };
    const line = el('div', { className: 'available' });
    line.style.left = pct(available);
    const meter = el(
      'div',
      { className: 'meter' },
      part('part programmes', Math.min(programmes, available)),
      part('part others', Math.max(0, Math.min(others, available - programmes))),
      part('part over', over),
      line,
    );
    attrs(meter, { role: 'img', 'aria-label': tx.budgetLabel(e(allocated), e(available)) });
    // The bar's key: what each colour and the line mean.
    const key = (className: string, text: string) => el('li', {}, el('span', { className: `key ${className}` }), ` ${text}`);
    const legend = el(
      'ul',
      { className: 'legend budget-key', id: 'budget-key' },
      key('programmes', tx.keyProgrammes),
      key('others', tx.keyOthers),
      ...(over > 0 ? [key('over', tx.keyOver)] : []),
      key('available', tx.keyAvailable(e(available))),
    );
    this.bar.replaceChildren(
      el('h3', {}, tx.budgetTitle),
      meter,
      legend,
      el('p', {}, tx.budgetLine(e(programmes), e(others), e(allocated), e(available))),
      over > 0 ? el('p', { className: 'overallocated', id: 'overallocation' }, tx.overallocated(e(over), e(allocated), e(available))) : el('p', { className: 'fits' }, tx.budgetFits(e(available - allocated))),
    );
  }
}
