// *Zo rekent caseflow*: the model in plain language with its formulas, what it leaves out, and
// what it found in the papers.
import { el } from '../dom';
import { t } from '../i18n';
import type { Ctx, View } from './context';

export class MethodView implements View {
  constructor(private readonly ctx: Ctx) {}

  mount(host: HTMLElement): void {
    const { lang, core } = this.ctx;
    const tx = t(lang);
    host.replaceChildren(
      el('h2', { id: 'how-title' }, tx.howTitle),
      el('div', { id: 'how-body', className: 'prose' }, ...tx.how.map((p) => el('p', {}, p)), el('h3', {}, tx.howLeftOutTitle), el('p', {}, tx.howLeftOut), el('h3', {}, tx.howSeedsTitle), el('ul', {}, ...tx.howSeeds.map((p) => el('li', {}, p))), el('h3', { id: 'how-papers' }, tx.howPapersTitle), el('ul', {}, ...tx.howPapers.map((p) => el('li', {}, p))), el('h3', {}, tx.notesAllTitle), el('ul', {}, ...core.catalogue.notes.map((n) => el('li', {}, `${n.source}: ${lang === 'nl' ? n.nl : n.en}`)))),
    );
  }

  update(): void {
    // Text only: nothing depends on the results.
  }
}
