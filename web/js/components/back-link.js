import { h } from '../dom.js';
import { t } from '../i18n.js';

export function backLink(onBack) {
  const link = h('a', { href: '/', class: 'back-link', 'data-back': true, text: t('back') });
  link.addEventListener('click', (event) => {
    event.preventDefault();
    onBack();
  });
  return link;
}
