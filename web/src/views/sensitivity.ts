// *Gevoeligheid*: the tornado (`caseflow sensitivity`): the ten assumptions that move the net
// result most, each bar from its low to its high value's result around the central one. A bar
// is a button: it opens that assumption in *Aannames* (a programme's field in *Programma's*).
import type { Sensitivity, Swing } from '../core';
import { el } from '../dom';
import { formatEur, formatNumber, method, programmeName, t, unit } from '../i18n';
import { ta } from '../i18n-analyst';
import { AnalysisView, dataTable, status } from './analyst-common';
import type { Ctx } from './context';

/** `programmes[1].effect_pct (re-integratie)` → [1, 'effect_pct']. */
function programmeField(parameter: string): [number, string] | null {
  const m = /^programmes\[(\d+)\]\.([a-z_]+)/.exec(parameter);
  return m ? [Number(m[1]), m[2]!] : null;
}

export class SensitivityView extends AnalysisView<Sensitivity> {
  constructor(ctx: Ctx) {
    super(ctx, (scenario) => ctx.long<Sensitivity>({ kind: 'sensitivity', scenario }));
  }

  private label(w: Swing): string {
    return this.ctx.lang === 'nl' ? w.label_nl : w.label_en;
  }

  /** A programme's name, for the tornado's programme fields. */
  private programme(index: number): string {
    const p = this.ctx.scenario.programmes[index];
    return p ? programmeName(this.ctx.lang, this.ctx.core.catalogue, p) : String(index + 1);
  }

  private open(w: Swing): void {
    const field = programmeField(w.parameter);
    if (field) {
      const id = `prog-${field[0]}-${field[1]}-number`;
      this.ctx.open('programmes', id);
      // Lock-in and half-life sit under "more fields": open it, then focus.
      const input = document.getElementById(id);
      const more = input?.closest('details');
      if (more) more.open = true;
      input?.focus({ preventScroll: true });
      input?.scrollIntoView({ block: 'center' });
    } else this.ctx.open('assumptions', `assume-${w.parameter}`);
  }

  update(): void {
    const host = this.host;
    // A view left (its root detached) neither draws nor starts its analysis again: a hidden
    // job would cancel the one the user started elsewhere. `mount` calls this again.
    if (!host?.isConnected) return;
    const { lang } = this.ctx;
    const tx = ta(lang);
    const title = el('h2', {}, tx.sensTitle);
    const done = this.analysis.ensure(this.ctx.scenario, lang);
    const s = this.analysis.result;
    if (!done || !s) {
      const line = status(lang, 'sensitivity-status');
      if (this.analysis.error) line.textContent = this.analysis.error;
      host.replaceChildren(title, line);
      return;
    }
    if (this.shown === s) return;
    this.shown = s;
    const e = (v: string | number) => formatEur(lang, v);
    const central = Number(s.net_saving_eur);
    const ends = s.top.flatMap((w) => [Number(w.net_saving_low_eur), Number(w.net_saving_high_eur)]).concat(central);
    const lo = Math.min(...ends);
    const hi = Math.max(...ends);
    const pct = (v: number) => `${((100 * (v - lo)) / Math.max(1, hi - lo)).toFixed(2)}%`;
    const bars = s.top.map((w, i) => {
      const low = Number(w.net_saving_low_eur);
      const high = Number(w.net_saving_high_eur);
      const field = programmeField(w.parameter);
      const name = field ? `${this.label(w)}: ${this.programme(field[0])}` : this.label(w);
      // Widths and positions through the CSSOM: the Content-Security-Policy refuses style attributes.
      const track = el('span', { className: 'track' });
      const lowPart = el('span', { className: 'part low' });
      const highPart = el('span', { className: 'part high' });
      for (const [part, v] of [[lowPart, low], [highPart, high]] as const) {
        part.style.left = pct(Math.min(v, central));
        part.style.width = pct(lo + Math.abs(v - central));
      }
      const mid = el('span', { className: 'central' });
      mid.style.left = pct(central);
      track.append(lowPart, highPart, mid);
      const button = el('button', { type: 'button', className: 'tornado-bar', id: `tornado-${i}` }, el('span', { className: 'name', title: name }, name), track, el('span', { className: 'swing' }, e(w.swing_eur)));
      // The name a screen reader gives starts with what the bar shows (name and swing).
      button.setAttribute('aria-label', tx.barLabel(`${name} ${e(w.swing_eur)}`, e(low), e(high)));
      button.addEventListener('click', () => this.open(w));
      return el('li', {}, button);
    });
    const n = (v: number) => formatNumber(lang, v, 3);
    // Low and high in the assumption's own unit (%, € per month, months…), as Aannames gives it.
    const { params } = this.ctx.core;
    const unitOf = (w: Swing) => {
      const field = programmeField(w.parameter);
      const spec = field ? params.programme_field.find((p) => p.id === field[1]) : params.param.find((p) => p.id === w.parameter);
      return spec ? unit(lang, spec) : '';
    };
    const rows = s.top.map((w) => [this.label(w) + (programmeField(w.parameter) ? `: ${this.programme(programmeField(w.parameter)![0])}` : ''), unitOf(w), n(w.low), n(w.high), e(w.net_saving_low_eur), e(w.net_saving_high_eur), e(w.swing_eur)]);
    host.replaceChildren(
      title,
      el('p', { id: 'sensitivity-intro' }, tx.sensIntro(e(central))),
      // Bars of € 0 in a made-up order would read as a ranking (a scenario without participants).
      s.top.every((w) => !Math.round(Number(w.swing_eur))) ? el('p', { id: 'sensitivity-none' }, tx.sensNone) : '',
      el('ol', { className: 'tornado', id: 'tornado' }, ...bars),
      el('p', { className: 'legend-line' }, el('span', { className: 'key low' }), ` ${tx.colNetLow}  `, el('span', { className: 'key high' }), ` ${tx.colNetHigh}`),
      el('details', { className: 'chart-table', open: true }, el('summary', {}, tx.table), dataTable('sensitivity-table', [tx.colParameter, t(lang).colUnit, tx.colLow, tx.colHigh, tx.colNetLow, tx.colNetHigh, tx.colSwing], rows)),
      el('p', { className: 'source', id: 'sensitivity-method' }, method(lang, s)),
    );
  }
}
