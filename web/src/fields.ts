// Number input: a slider with a number field beside it, its unit, allowed range and source.
// A malformed or out-of-range value is refused at the field with a message naming field, value
// and range; the value from before the field was typed in stays in use, and is put back in the
// field when it loses the focus, so the field never shows a number the results do not use.
import type { ParamSpec } from './core';
import { attrs, el } from './dom';
import { allowedRange, formatNumber, label, numberFormat, plausibleRange, source, t, typedErrorMessage, unit, unitInBrackets, type Lang } from './i18n';

/**
 * Parse a typed number as the language writes it: Dutch `4.478,5`, English `4,478.5`.
 * A lone decimal comma or point is accepted in either language.
 */
export function parseTyped(lang: Lang, text: string): number {
  let s = text.trim();
  const [group, decimal] = lang === 'nl' ? ['.', ','] : [',', '.'];
  const grouped = new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  if (grouped.test(s)) s = s.split(group).join('');
  s = s.replace(',', '.');
  // Plain decimal numbers only (as the CLI reads them): no hex, binary or 'Infinity'.
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : NaN;
}

/** A value as the number field shows it: the language's decimal sign, no grouping. */
export function fieldText(lang: Lang, value: number): string {
  return numberFormat(lang, { maximumFractionDigits: 6, useGrouping: false }).format(value);
}

function typedError(spec: ParamSpec, value: number): 'not_a_number' | 'out_of_range' | 'not_whole' | null {
  if (!Number.isFinite(value)) return 'not_a_number';
  if (value < spec.min || value > spec.max) return 'out_of_range';
  if (spec.whole && !Number.isInteger(value)) return 'not_whole';
  return null;
}

/** "The last valid value, 3, stays in use." (without the value when it is not known). */
export function keptMessage(lang: Lang, inUse?: number): string {
  return inUse === undefined ? t(lang).keptLast : t(lang).keptValue(fieldText(lang, inUse));
}

/**
 * An amount in euros with three digits after the language's decimal sign ("1,200" on the
 * Dutch page, "1.200" on the English one): nobody means tenths of a cent, so it is most likely
 * the other language's thousands, and it is asked about rather than read as € 1,20. The
 * message naming the field and the value, or null.
 */
export function ambiguousAmount(lang: Lang, name: string, text: string): string | null {
  const decimal = lang === 'nl' ? ',' : '.';
  const m = new RegExp(`^\\s*(?:€\\s*)?(\\d{1,3})\\${decimal}(\\d{3})\\s*$`).exec(text);
  return m ? t(lang).ambiguousAmount(name, text.trim(), `${m[1]}${m[2]}`) : null;
}

/**
 * Check a typed value against its spec: the number, or the message (field, value, allowed
 * range, and the value `inUse` instead) to show at the field.
 */
export function readTyped(lang: Lang, spec: ParamSpec, text: string, inUse?: number): { value: number } | { error: string } {
  const ambiguous = spec.unit_nl.startsWith('€') ? ambiguousAmount(lang, label(lang, spec), text) : null;
  if (ambiguous) return { error: `${ambiguous} ${keptMessage(lang, inUse)}` };
  const v = parseTyped(lang, text);
  const kind = typedError(spec, v);
  return kind ? { error: `${typedErrorMessage(lang, spec, kind, text)} ${keptMessage(lang, inUse)}` } : { value: v };
}

/** Mark a control (or assumption row) as differing from the preset's value, or not. */
export function markEdited(e: Element, edited: boolean): void {
  e.classList.toggle('edited', edited);
}

export interface ControlOptions {
  /** Element id prefix: `${id}-range`, `${id}-number`, `${id}-error`. */
  id: string;
  spec: ParamSpec;
  lang: Lang;
  value: number;
  /** Whether the value differs from the preset's (marked). */
  edited: boolean;
  /** Apply a valid value: null when the scenario took it, else the core's message. */
  apply: (value: number) => string | null;
  /** The user is done with a value (the control's `change`: a slider let go, a field left). */
  done?: () => void;
  /** A text shown after the range and source (what the preset had, for example). */
  extra?: string;
  /** What the value belongs to (a programme's name), in the controls' names for a screen reader. */
  of?: string;
}

/** A slider and a number field for one value, with its unit, range and source. */
export function numberControl(o: ControlOptions): HTMLElement {
  const { id, spec, lang } = o;
  const tx = t(lang);
  const name = label(lang, spec);
  // The slider ends at `slider_max` where the allowed maximum dwarfs any sensible value (the
  // number field still takes the whole range; a larger value pins the slider at its end).
  const slider = el('input', { type: 'range', id: `${id}-range`, min: String(spec.min), max: String(spec.slider_max ?? spec.max), step: String(spec.step), value: String(o.value) });
  const of = o.of ? `, ${o.of}` : '';
  attrs(slider, { 'aria-label': `${name} ${unitInBrackets(lang, spec)}${of}` });
  // Read out with its unit ("7 %"), not the bare number.
  const valueText = (v: number) => slider.setAttribute('aria-valuetext', `${fieldText(lang, v)} ${unit(lang, spec)}`);
  valueText(o.value);
  const field = el('input', { type: 'text', inputMode: 'decimal', id: `${id}-number`, value: fieldText(lang, o.value), size: 8 });
  // Said politely, not as an alert: it is checked at each key, and "‘-’ is geen getal" on the
  // way to "-12,5" interrupted a screen reader at every keystroke.
  const error = attrs(el('p', { className: 'error', id: `${id}-error` }), { 'aria-live': 'polite' });
  // A value allowed but outside the plausible range is used, with a note (a typo such as
  // "1,200" for 1.200 is allowed, and would otherwise change the results silently). It is part
  // of the controls' description, read with them, not announced at each slider step.
  const warn = el('p', { className: 'warn', id: `${id}-warn` });
  const check = (v: number) => (warn.textContent = plausibleNote(lang, spec, v));
  check(o.value);
  const note = el('p', { className: 'source', id: `${id}-source` }, `${tx.range}: ${allowedRange(lang, spec)}. ${plausibleRange(lang, spec, 2)}. ${tx.source}: ${source(lang, spec)}${o.extra ? `. ${o.extra}` : ''}`);
  attrs(field, { 'aria-describedby': `${id}-error ${id}-warn ${id}-source`, ...(of && { 'aria-label': name + of }) });
  attrs(slider, { 'aria-describedby': `${id}-error ${id}-warn` });
  /** The value the scenario uses (the last one it took). */
  let inUse = o.value;
  /** The value before the field was typed in: a value refused while typing puts it back, so
   * "25" for 2.5 does not leave the "2" typed on the way in the scenario. */
  let before = inUse;
  const refuse = (message: string) => {
    error.textContent = message;
    field.setAttribute('aria-invalid', 'true');
    slider.setAttribute('aria-invalid', 'true');
  };
  /** `v` taken by the scenario: in use, its notes and marks updated. */
  const took = (v: number): void => {
    inUse = v;
    check(v);
    valueText(v);
    error.textContent = '';
    field.removeAttribute('aria-invalid');
    slider.removeAttribute('aria-invalid');
  };
  const accept = (v: number): void => {
    const problem = o.apply(v);
    if (problem) refuse(`${problem} ${keptMessage(lang, inUse)}`);
    else took(v);
  };
  slider.addEventListener('input', () => {
    const v = Number(slider.value);
    field.value = fieldText(lang, v);
    accept(v);
    // The thumb's value, refused or not (a refused one is marked invalid and described).
    valueText(v);
  });
  field.addEventListener('focus', () => (before = inUse));
  field.addEventListener('input', () => {
    const r = readTyped(lang, spec, field.value, before);
    if ('error' in r) {
      if (inUse !== before) accept(before), (slider.value = String(before));
      return refuse(r.error);
    }
    slider.value = String(r.value);
    const problem = o.apply(r.value);
    if (problem === null) return took(r.value);
    // Refused by the model ("-12" of "-12,5" is below what the inflow allows): the value from
    // before the typing goes back in use, not the "-1" typed on the way.
    if (inUse !== before) accept(before), (slider.value = String(before));
    refuse(`${problem} ${keptMessage(lang, before)}`);
  });
  // A slider let go ends the edit; a key press does not (Chromium sends `change` after every
  // key): presses in quick succession are one undo step, as a drag is.
  let keyed = false;
  slider.addEventListener('keydown', (e) => {
    keyed = e.key.startsWith('Arrow') || ['PageUp', 'PageDown', 'Home', 'End'].includes(e.key);
  });
  slider.addEventListener('change', () => {
    // Let go at a refused value: back to the value in use (the message says which), so the
    // thumb does not stand at a value the results do not have.
    if (slider.getAttribute('aria-invalid') === 'true') restore();
    if (!keyed) o.done?.();
    keyed = false;
  });
  field.addEventListener('change', () => {
    before = inUse;
    o.done?.();
  });
  // Leaving a refused value: the field shows the value in use again; the message stays and
  // says what was refused and which value is used instead.
  const restore = () => {
    field.value = fieldText(lang, inUse);
    slider.value = String(inUse);
    valueText(inUse);
    field.removeAttribute('aria-invalid');
    slider.removeAttribute('aria-invalid');
  };
  field.addEventListener('blur', () => field.getAttribute('aria-invalid') === 'true' && restore());
  return el(
    'div',
    { className: o.edited ? 'param edited' : 'param' },
    el('label', { htmlFor: `${id}-number` }, name),
    el('div', { className: 'inputs' }, slider, field, el('span', { className: 'unit' }, unit(lang, spec))),
    error,
    warn,
    note,
  );
}

/** The note for a value allowed but outside the plausible range ('' inside it, or when fixed). */
export function plausibleNote(lang: Lang, spec: ParamSpec, v: number): string {
  const drawn = !(spec.distribution === 'fixed' && spec.low === spec.high);
  return drawn && (v < spec.low || v > spec.high) ? t(lang).outsidePlausible(fieldText(lang, v), `${formatNumber(lang, spec.low, 2)}–${formatNumber(lang, spec.high, 2)}`) : '';
}
