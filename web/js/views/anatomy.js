// The anatomy explorer: choose a part of the hip (on the drawing, or with the buttons) to read about it.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { anatomyDiagram, viewsOf } from '../components/anatomy-diagram.js';
import { backLink } from '../components/back-link.js';

export function render(ctx, { focus } = {}) {
  const structures = ctx.structures;
  const panel = h('div', { class: 'explorer__panel', 'aria-live': 'polite', 'data-structure-panel': true });
  const buttons = new Map();
  let diagram;

  function choose(id, moveFocus = false) {
    const structure = structures.find((x) => x.id === id);
    if (!structure) return;
    diagram.mark([id]);
    for (const [key, button] of buttons) button.setAttribute('aria-pressed', String(key === id));
    const views = viewsOf(id).map((view) => t(`anatomy.${view}`));
    panel.replaceChildren(
      h('h2', { class: 'heading-m', text: structure.name }),
      h('p', { text: structure.description }),
      views.length ? h('p', { class: 'explorer__views', 'data-structure-views': viewsOf(id).join(' '), text: t('anatomy.inViews', { views: views.join(t('anatomy.viewsJoin')) }) }) : null,
    );
    if (moveFocus) buttons.get(id)?.focus();
  }

  const names = Object.fromEntries(structures.map((x) => [x.id, x.name]));
  diagram = anatomyDiagram({ title: t('anatomy.diagramTitle'), description: t('anatomy.diagramDesc'), names, labels: true, onChoose: (id) => choose(id) });
  const list = h('ul', { class: 'explorer__list', 'aria-labelledby': 'parts-title' });
  structures.forEach((structure, index) => {
    const button = h('button', {
      type: 'button',
      class: 'explorer__button',
      'aria-pressed': 'false',
      'data-structure-button': structure.id,
      text: structure.name,
    });
    button.addEventListener('click', () => choose(structure.id));
    // Arrow keys move between the parts, as in a toolbar; Tab still moves through them too.
    button.addEventListener('keydown', (event) => {
      const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
      const edge = { Home: 0, End: structures.length - 1 }[event.key];
      if (step === undefined && edge === undefined) return;
      event.preventDefault();
      const next = edge ?? (index + step + structures.length) % structures.length;
      choose(structures[next].id, true);
    });
    buttons.set(structure.id, button);
    list.append(h('li', null, button));
  });
  panel.append(h('p', { class: 'explorer__empty', text: t('anatomy.choose') }));

  const quizLink = h('button', { type: 'button', class: 'button button--secondary', 'data-open-quiz': true, onclick: () => ctx.open('quiz'), text: t('anatomy.quiz') });
  const node = h(
    'div',
    { class: 'page page--anatomy' },
    backLink(ctx.back),
    h('h1', { class: 'heading-l', tabindex: '-1', text: t('anatomy.title') }),
    h('p', { class: 'lead', text: t('anatomy.lead') }),
    h(
      'div',
      { class: 'explorer', 'data-explorer': true },
      h('div', { class: 'explorer__figure' }, diagram.svg, h('p', { class: 'hint explorer__tip', text: t('anatomy.tip') })),
      h('div', { class: 'explorer__side' }, h('h2', { class: 'heading-s', id: 'parts-title', text: t('anatomy.listTitle') }), list, panel),
    ),
    h('h2', { class: 'heading-m', text: t('anatomy.quizTitle') }),
    h('p', { text: t('anatomy.quizBody') }),
    h('div', { class: 'button-group' }, quizLink, ctx.hasAnswers()
      ? h('button', { type: 'button', class: 'button', 'data-continue-check': true, onclick: ctx.resume, text: t('start.continue') })
      : h('button', { type: 'button', class: 'button', 'data-start': true, onclick: ctx.begin, text: t('anatomy.startCheck') })),
  );
  if (focus) choose(focus);
  return { title: t('anatomy.title'), node };
}
