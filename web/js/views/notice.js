// The notice a stop asks for (engine status "notice"): what to do now, at once, with the clinic's
// booking details, then a choice to go on to learn about the causes or to see the result now.
// Which stop, its care level and its words are the engine's and the content's.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { pageTop } from './question.js';
import { fillCountry } from '../clinic.js';
import { careContact } from '../components/care-contact.js';

export function render(ctx, { current }) {
  const stop = current.stop ?? {};
  const care = ctx.careFor(stop.level);
  const level = care.level ?? stop.level;
  const title = fillCountry(care.title) ?? t(`care.${level}`);
  const flags = (care.flags ?? []).filter((flag) => !flag.level || flag.level === level);
  const node = h(
    'div',
    { class: `page page--notice notice-page--${level}`, 'data-stop': stop.id, 'data-stop-level': level },
    ...pageTop(ctx, current),
    h(
      'section',
      { class: `care care--${level} care--notice`, 'aria-labelledby': 'notice-title', 'data-care-notice': level },
      h(
        'div',
        { class: 'care__heading' },
        h('p', { class: 'care__level', text: t(`care.${level}`) }),
        h('h1', { class: 'care__title care__title--page', id: 'notice-title', tabindex: '-1', text: title }),
      ),
      h(
        'div',
        { class: 'care__body' },
        care.action ? h('p', { class: 'care__action', 'data-care-action': true, text: fillCountry(care.action) }) : null,
        careContact(level),
        care.where ? h('p', { class: 'care__where' }, h('strong', { text: t('result.where') }), ' ', fillCountry(care.where)) : null,
        flags.length
          ? [
              h('h2', { class: 'heading-s', text: t('result.reasons') }),
              h('ul', { class: 'list list--bullet' }, flags.map((flag) => h('li', { 'data-flag': flag.id, text: fillCountry(flag.reason) }))),
            ]
          : null,
      ),
    ),
    h('h2', { class: 'heading-m', text: t('notice.nextTitle') }),
    h('p', { text: t('notice.next') }),
    h(
      'div',
      { class: 'button-group' },
      h('button', { type: 'button', class: 'button', 'data-proceed': 'continue', onclick: () => ctx.proceed('continue'), text: t('notice.continue') }),
      h('button', { type: 'button', class: 'button button--secondary', 'data-proceed': 'finish', onclick: () => ctx.proceed('finish'), text: t('notice.finish') }),
    ),
  );
  return { title, node };
}
