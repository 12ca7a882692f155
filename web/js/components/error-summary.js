// GOV.UK error summary: a list of problems at the top of the page, each linking to its field.
import { h } from '../dom.js';
import { t } from '../i18n.js';

export function errorSummary(errors) {
  const title = h('h2', { class: 'error-summary__title', id: 'error-summary-title', text: t('error.summaryTitle') });
  const list = h('ul', { class: 'error-summary__list' });
  for (const { message, target } of errors) {
    const link = h('a', { href: `#${target}`, text: message });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const field = document.getElementById(target);
      if (field) {
        field.focus();
        field.closest('.form-group')?.scrollIntoView({ block: 'start' });
      }
    });
    list.append(h('li', null, link));
  }
  return h(
    'div',
    { class: 'error-summary', role: 'alert', tabindex: '-1', 'aria-labelledby': title.id, 'data-error-summary': true },
    title,
    list,
  );
}

export function errorMessage(id, message) {
  return h('p', { class: 'error-message', id }, h('span', { class: 'visually-hidden', text: t('error.prefix') }), message);
}
