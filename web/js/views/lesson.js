// A lesson card in the flow: a short read with the parts of the hip it is about highlighted.
import { append, h } from '../dom.js';
import { t } from '../i18n.js';
import { anatomyDiagram } from '../components/anatomy-diagram.js';
import { pageTop } from './question.js';

export function render(ctx, { current }) {
  const item = current.item;
  const structures = (item.structures ?? []).filter((id) => ctx.structure(id));
  const form = h('form', { class: 'form', novalidate: true, 'data-question': true, 'data-item-id': item.id, 'data-item-type': 'lesson' });
  const body = h('div', { class: 'lesson__body' }, (item.body ?? []).map((text) => h('p', { text })));
  let figure = null;
  if (structures.length) {
    const names = structures.map((id) => ctx.structure(id).name);
    const { svg } = anatomyDiagram({ title: t('lesson.diagramTitle', { names: names.join(', ') }), highlight: structures });
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
  append(form, [
    h('span', { class: 'tag tag--lesson', text: t('lesson.tag') }),
    h('h1', { class: 'heading-l', tabindex: '-1' }, current.section?.title ? h('span', { class: 'caption', text: current.section.title }) : null, item.text),
    h('div', { class: 'lesson' }, body, figure),
    item.help ? h('p', { class: 'hint', text: item.help }) : null,
    h('button', { type: 'submit', class: 'button', 'data-continue': true, text: t('continue') }),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.answer(item.id, true);
  });
  const node = h('div', { class: 'page page--lesson' }, ...pageTop(ctx, current), form);
  return { title: item.text, node };
}
