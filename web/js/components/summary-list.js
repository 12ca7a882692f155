// The answers as a GOV.UK summary list, with a "Change" link for each when onChange is given
// (it goes to the page the answer was given on). Each answer is shown as the engine writes it: its
// number in the content's language (12,5 km in Spanish), so the review, the result's "You said" and
// its reasons write a number the same way.
import { h, visuallyHidden } from '../dom.js';
import { t } from '../i18n.js';

export function summaryList(review, { onChange, headingLevel = 'h2' } = {}) {
  const root = h('div', { class: 'summary' });
  for (const section of review.sections) {
    root.append(h(headingLevel, { class: 'summary__section', text: section.title }));
    const list = h('dl', { class: 'summary-list' });
    for (const row of section.answers) {
      const item = h(
        'div',
        { class: 'summary-list__row', 'data-answer-row': row.item },
        h('dt', { class: 'summary-list__key', text: row.question }),
        h('dd', { class: 'summary-list__value', text: row.display }),
      );
      if (onChange) {
        const link = h(
          'a',
          { href: '/', class: 'summary-list__change', 'data-change': row.item, 'data-change-page': row.page },
          t('check.change'),
          visuallyHidden(t('check.changeHidden', { question: row.question })),
        );
        link.addEventListener('click', (event) => {
          event.preventDefault();
          // The change link opens the item's page (the engine also takes an item id).
          onChange(row.page ?? row.item);
        });
        item.append(h('dd', { class: 'summary-list__actions' }, link));
      }
      list.append(item);
    }
    root.append(list);
  }
  return root;
}
