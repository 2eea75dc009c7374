// *Aannames*: every parameter with label, the value in use (editable), unit, default, plausible
// and allowed range, evidence and source. Edited ones (against the preset) are marked and can be
// reset one by one or all at once.
import { attrs, el, scrollBox } from '../dom';
import { fieldText, keptMessage, markEdited, plausibleNote, readTyped } from '../fields';
import { formatNumber, label, source, t, unit, unitInBrackets } from '../i18n';
import type { Ctx, View } from './context';

export class AssumptionsView implements View {
  constructor(private readonly ctx: Ctx) {}

  /** Back to the preset's values for these assumptions. */
  private reset(ids: string[]): void {
    const presetSet = this.ctx.preset?.scenario.set ?? {};
    // A refused value typed earlier goes too: the field shows the value in use again.
    for (const id of ids) {
      document.getElementById(`assume-${id}`)?.removeAttribute('aria-invalid');
      const error = document.getElementById(`assume-${id}-error`);
      if (error) error.textContent = '';
    }
    this.ctx.edit((s) => {
      for (const id of ids) {
        const v = presetSet[id];
        if (v === undefined) delete s.set[id];
        else s.set[id] = v;
      }
    });
  }

  /** The assumptions whose value differs from the preset's. */
  private edited(): string[] {
    const presetSet = this.ctx.preset?.scenario.set ?? {};
    const set = this.ctx.scenario.set;
    return this.ctx.core.params.param.filter((p) => set[p.id] !== presetSet[p.id]).map((p) => p.id);
  }

  mount(host: HTMLElement): void {
    const { lang, core, scenario } = this.ctx;
    const tx = t(lang);
    const edited = this.edited();
    const head = el('thead', {}, el('tr', {}, ...[tx.colAssumption, tx.colValue, tx.colUnit, tx.colDefault, tx.plausible, tx.range, tx.colEvidence, tx.source].map((h) => el('th', { scope: 'col' }, h))));
    const rows = core.params.param.map((p) => {
      const id = `assume-${p.id}`;
      const isEdited = edited.includes(p.id);
      const field = el('input', { type: 'text', inputMode: 'decimal', id, value: fieldText(lang, scenario.set[p.id] ?? p.default), size: 9 });
      const error = attrs(el('span', { className: 'error', id: `${id}-error` }), { role: 'alert' });
      // A value in use outside the plausible range is noted, as at the Overzicht's fields.
      const inUse = () => this.ctx.scenario.set[p.id] ?? p.default;
      // Described with its field (read on focus), not announced at each change.
      const warn = el('span', { className: 'warn', id: `${id}-warn` }, plausibleNote(lang, p, inUse()));
      attrs(field, { 'aria-label': `${label(lang, p)} ${unitInBrackets(lang, p)}`, 'aria-describedby': `${id}-error ${id}-warn` });
      field.addEventListener('change', () => {
        const before = inUse();
        const r = readTyped(lang, p, field.value, before);
        const problem =
          'error' in r
            ? r.error
            : this.ctx.edit((s) => {
                s.set[p.id] = r.value;
              });
        error.textContent = problem ? `${problem}${'error' in r ? '' : ` ${keptMessage(lang, before)}`}` : '';
        warn.textContent = plausibleNote(lang, p, inUse());
        if (problem) field.setAttribute('aria-invalid', 'true');
        else field.removeAttribute('aria-invalid');
      });
      // Leaving a refused value: the field shows the value in use again, the message stays.
      field.addEventListener('blur', () => {
        if (field.getAttribute('aria-invalid') !== 'true') return;
        field.value = fieldText(lang, inUse());
        field.removeAttribute('aria-invalid');
      });
      const reset = el('button', { type: 'button', className: 'reset', id: `${id}-reset`, hidden: !isEdited }, tx.reset);
      attrs(reset, { 'aria-label': `${tx.reset}: ${label(lang, p)}` });
      reset.addEventListener('click', () => this.reset([p.id]));
      return el(
        'tr',
        { className: isEdited ? 'edited' : '', id: `row-${p.id}` },
        el('th', { scope: 'row' }, label(lang, p)),
        // The reset under the value, not in a column of its own: at 1024 px that column was
        // off-screen.
        el('td', {}, field, reset, error, warn),
        el('td', {}, unit(lang, p)),
        el('td', {}, formatNumber(lang, p.default, 3)),
        el('td', {}, p.distribution === 'fixed' && p.low === p.high ? '–' : `${formatNumber(lang, p.low, 3)}–${formatNumber(lang, p.high, 3)}`),
        el('td', {}, `${formatNumber(lang, p.min, 3)}–${formatNumber(lang, p.max, 3)}`),
        el('td', {}, tx.codes[p.evidence] ?? p.evidence),
        el('td', { className: 'source' }, source(lang, p)),
      );
    });
    const resetAll = el('button', { type: 'button', id: 'assumptions-reset', disabled: edited.length === 0 }, tx.resetAll);
    resetAll.addEventListener('click', () => this.reset(this.edited()));
    host.replaceChildren(
      el('h2', {}, tx.assumptions),
      el('p', { id: 'assumptions-intro' }, tx.assumptionsIntro(edited.length)),
      resetAll,
      scrollBox(tx.assumptions, el('table', { id: 'assumptions', className: 'assumptions' }, head, el('tbody', {}, ...rows))),
    );
  }

  /** After each run: the marks, reset buttons and values follow the scenario (kept in place,
   * so the keyboard focus stays where it is). */
  update(): void {
    const edited = new Set(this.edited());
    const { lang, scenario, core } = this.ctx;
    for (const p of core.params.param) {
      const row = document.getElementById(`row-${p.id}`);
      if (!row) continue;
      markEdited(row, edited.has(p.id));
      const reset = document.getElementById(`assume-${p.id}-reset`);
      const field = document.getElementById(`assume-${p.id}`) as HTMLInputElement | null;
      if (field && document.activeElement !== field && field.getAttribute('aria-invalid') !== 'true') field.value = fieldText(lang, scenario.set[p.id] ?? p.default);
      const warn = document.getElementById(`assume-${p.id}-warn`);
      if (warn) warn.textContent = plausibleNote(lang, p, scenario.set[p.id] ?? p.default);
      if (reset) {
        // A reset button that had the focus hides: the focus goes to its field, not the page.
        if (!edited.has(p.id) && document.activeElement === reset) field?.focus();
        reset.hidden = !edited.has(p.id);
      }
    }
    const resetAll = document.getElementById('assumptions-reset') as HTMLButtonElement | null;
    if (resetAll) {
      if (edited.size === 0 && document.activeElement === resetAll) document.getElementById(`assume-${core.params.param[0]?.id}`)?.focus();
      resetAll.disabled = edited.size === 0;
    }
    const intro = document.getElementById('assumptions-intro');
    if (intro) intro.textContent = t(lang).assumptionsIntro(edited.size);
  }
}
