// *Herkomst besparing* (titled "Waar komt de besparing vandaan"): the net result broken down
// by programme and by cause (`caseflow breakdown`), each as a waterfall that ends on the total, with its table.
import type { Breakdown, Part } from '../core';
import { el } from '../dom';
import { formatEur, formatNumber, method, programmeName } from '../i18n';
import { ta } from '../i18n-analyst';
import { AnalysisView, dataTable, status, waterfall } from './analyst-common';
import type { Ctx } from './context';

/** Cents of an amount given as decimal text, exactly. */
const cents = (v: string) => Math.round(Number(v) * 100);

export class BreakdownView extends AnalysisView<Breakdown> {
  constructor(ctx: Ctx) {
    super(ctx, (scenario) => ctx.long<Breakdown>({ kind: 'breakdown', scenario }));
  }

  private section(id: string, title: string, parts: Part[], total: string): HTMLElement {
    const { lang } = this.ctx;
    const tx = ta(lang);
    const e = (v: string | number) => formatEur(lang, v);
    // A programme part is named as the page names the programme (a template's English name on
    // the English page); a cause by its label.
    const name = (p: Part) => programmeName(lang, this.ctx.core.catalogue, { id: p.id, name: (lang === 'nl' ? p.label_nl : p.label_en) || p.id });
    const steps = [...parts.map((p) => ({ label: name(p), value: Number(p.eur) })), { label: tx.netTotal, value: Number(total), total: true }];
    let running = 0;
    const rows = parts.map((p) => {
      running += cents(p.eur);
      return [name(p), e(p.eur), e(running / 100)];
    });
    rows.push([tx.netTotal, e(total), e(total)]);
    const words = parts.map((p) => `${name(p)} ${e(p.eur)}`).join(', ');
    return el(
      'section',
      { id },
      el('h3', {}, title),
      waterfall(`${id}-chart`, steps, tx.waterfallLabel(title.toLowerCase(), words, e(total)), (v) => e(v)),
      el('details', { className: 'chart-table' }, el('summary', {}, tx.table), dataTable(`${id}-table`, [tx.colPart, tx.colAmount, tx.colRunning], rows)),
    );
  }

  update(): void {
    const host = this.host;
    // A view left neither draws nor starts its analysis again (see `SensitivityView.update`).
    if (!host?.isConnected) return;
    const { lang } = this.ctx;
    const tx = ta(lang);
    const title = el('h2', {}, tx.bdTitle);
    if (this.ctx.scenario.programmes.length === 0) {
      host.replaceChildren(title, el('p', { id: 'breakdown-none' }, tx.noProgrammesBd));
      return;
    }
    const done = this.analysis.ensure(this.ctx.scenario, lang);
    const b = this.analysis.result;
    if (!done || !b) {
      const line = status(lang, 'breakdown-status');
      if (this.analysis.error) line.textContent = this.analysis.error;
      host.replaceChildren(title, line);
      return;
    }
    if (this.shown === b) return;
    this.shown = b;
    host.replaceChildren(
      title,
      el('p', { id: 'breakdown-intro' }, tx.bdIntro(formatEur(lang, b.net_saving_eur))),
      this.section('breakdown-programme', tx.byProgramme, b.by_programme, b.net_saving_eur),
      this.section('breakdown-cause', tx.byCause, b.by_cause, b.net_saving_eur),
      el('p', {}, tx.deadweight(formatNumber(lang, b.deadweight_exits, 1))),
      el('p', { className: 'source', id: 'breakdown-method' }, method(lang, b)),
    );
  }
}
