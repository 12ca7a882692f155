// A lesson page in the flow: a short read with the parts of the hip it is about highlighted,
// Continue, and a link to skip the lessons (the engine hides them all from then on).
import { append, h } from '../dom.js';
import { t } from '../i18n.js';
import { anatomyDiagram } from '../components/anatomy-diagram.js';
import { pageTop } from './question.js';

export function render(ctx, { current }) {
  const page = current.page;
  const item = page.items?.[0] ?? {};
  const title = page.title ?? item.text;
  const structures = (item.structures ?? []).filter((id) => ctx.structure(id));
  const form = h('form', { class: 'form', novalidate: true, 'data-question': true, 'data-page-id': page.id, 'data-lesson': item.id ?? true });
  const body = h('div', { class: 'lesson__body' }, (item.body ?? []).map((text) => h('p', { text })));
  let figure = null;
  if (structures.length) {
    const names = structures.map((id) => ctx.structure(id).name);
    const { svg } = anatomyDiagram({ title: t('lesson.diagramTitle', { names: names.join(', ') }), highlight: structures, labels: true, names: Object.fromEntries(structures.map((id) => [id, ctx.structure(id).name])) });
    const open = h('a', { href: '/', class: 'lesson__explore', 'data-explore': true, text: t('lesson.explore') });
    open.addEventListener('click', (event) => {
      event.preventDefault();
      ctx.open('anatomy', { focus: structures[0] });
    });
    figure = h(
      'figure',
      { class: 'lesson__figure' },
      svg,
      h(
        'figcaption',
        { class: 'lesson__caption' },
        h('p', { class: 'lesson__shown', text: t('lesson.highlighted') }),
        h('ul', { class: 'list lesson__structures' }, structures.map((id) => h('li', { text: ctx.structure(id).name }))),
        open,
      ),
    );
  }
  const skip = h('a', { href: '/', class: 'button-link', 'data-skip-lessons': true, text: t('lesson.skip') });
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    ctx.skipLessons();
  });
  append(form, [
    h('span', { class: 'tag tag--lesson', text: t('lesson.tag') }),
    h('h1', { class: 'heading-l', tabindex: '-1' }, page.section?.title ? h('span', { class: 'caption', text: page.section.title }) : null, title),
    page.intro ? h('p', { class: 'page-intro', text: page.intro }) : null,
    h('div', { class: 'lesson' }, body, figure),
    item.help ? h('p', { class: 'hint', text: item.help }) : null,
    h(
      'div',
      { class: 'button-group button-group--lesson' },
      h('button', { type: 'submit', class: 'button', 'data-continue': true, text: t('continue') }),
      skip,
    ),
    h('p', { class: 'hint lesson__skip-hint', text: t('lesson.skipHint') }),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.answer(page.id, {});
  });
  const node = h('div', { class: 'page page--lesson' }, ...pageTop(ctx, current), form);
  return { title, node };
}
