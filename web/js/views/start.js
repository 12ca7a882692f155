// The start page: what the check is and is not, privacy, time, then Start (or Continue).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { emergency } from '../clinic.js';

export function render(ctx, { hasSaved }) {
  const list = (keys) => h('ul', { class: 'list list--bullet' }, keys.map((key) => h('li', { text: t(key) })));
  const actions = h('div', { class: 'button-group' });
  if (hasSaved) {
    actions.append(
      h('button', { type: 'button', class: 'button button--start', 'data-continue-check': true, onclick: ctx.resume }, t('start.continue')),
      h('button', { type: 'button', class: 'button button--secondary', 'data-start-again': true, onclick: ctx.startAgain }, t('start.again')),
    );
  } else {
    actions.append(
      h('button', { type: 'button', class: 'button button--start', 'data-start': true, onclick: ctx.begin }, t('start.button')),
    );
  }
  const learn = h('a', { href: '/', class: 'card-link', 'data-learn': true }, t('start.learn'));
  learn.addEventListener('click', (event) => {
    event.preventDefault();
    ctx.open('anatomy');
  });

  const node = h(
    'div',
    { class: 'page page--start' },
    h('h1', { class: 'heading-xl', tabindex: '-1', text: t('start.title') }),
    h('p', { class: 'lead', text: t('start.lead') }),
    h('h2', { class: 'heading-m', text: t('start.isTitle') }),
    list(['start.is1', 'start.is2', 'start.is3']),
    h('h2', { class: 'heading-m', text: t('start.isNotTitle') }),
    h('p', { text: t('start.isNot') }),
    h(
      'div',
      { class: 'inset inset--warning' },
      h('p', null, h('strong', { text: t('start.emergencyTitle') }), ' ', t('start.emergency', { number: emergency().number })),
    ),
    h('h2', { class: 'heading-m', text: t('start.beforeTitle') }),
    list(['start.time', 'start.units', 'start.privacy', 'start.saved']),
    hasSaved ? h('p', { class: 'resume-note', text: t('start.savedNote') }) : null,
    actions,
    h(
      'div',
      { class: 'learn-panel' },
      h('h2', { class: 'heading-m', text: t('start.learnTitle') }),
      h('p', { text: t('start.learnBody') }),
      learn,
    ),
  );
  return { title: t('start.title'), node };
}
