// Check your answers: every shown answer (engine review()) with a Change link.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { backLink } from '../components/back-link.js';
import { summaryList } from '../components/summary-list.js';

export function render(ctx) {
  const review = ctx.engine.review();
  const node = h(
    'div',
    { class: 'page page--check' },
    backLink(ctx.back),
    h('h1', { class: 'heading-l', tabindex: '-1', text: t('check.title') }),
    h('p', { text: t('check.intro') }),
    summaryList(review, { onChange: ctx.change }),
  );
  if (review.complete) {
    node.append(
      h('h2', { class: 'heading-m', text: t('check.nextTitle') }),
      h('p', { text: t('check.next') }),
      h('button', { type: 'button', class: 'button', 'data-see-result': true, onclick: () => ctx.open('result'), text: t('check.seeResult') }),
    );
  } else {
    node.append(
      h('p', { class: 'inset', text: t('check.incomplete') }),
      h('button', { type: 'button', class: 'button', 'data-resume': true, onclick: ctx.resume, text: t('check.resume') }),
    );
  }
  return { title: t('check.title'), node };
}
