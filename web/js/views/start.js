// The start page: what the check is and is not, privacy, time, the kind of check (full or quick,
// with or without the lessons), then Start (or Continue your check).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { countryWords } from '../clinic.js';

/** The check's settings chosen on this page: {mode, lessons} (the engine checks them). */
function options() {
  const choice = (name, value, labelKey, hintKey, checked) => {
    const id = `start-${name}-${value}`;
    const hintId = hintKey ? `${id}-hint` : null;
    return h(
      'div',
      { class: 'choice' },
      h('input', { class: 'choice__input', id, name, type: 'radio', value, checked: checked || null, 'aria-describedby': hintId, 'data-mode': value }),
      h('label', { class: 'choice__label', for: id, text: t(labelKey) }),
      hintId ? h('div', { class: 'hint choice__hint', id: hintId, text: t(hintKey) }) : null,
    );
  };
  const mode = h(
    'div',
    { class: 'form-group' },
    h(
      'fieldset',
      { class: 'fieldset' },
      h('legend', { class: 'legend legend--m', text: t('start.modeTitle') }),
      h(
        'div',
        { class: 'radios' },
        choice('mode', 'full', 'start.modeFull', 'start.modeFullHint', true),
        choice('mode', 'quick', 'start.modeQuick', 'start.modeQuickHint', false),
      ),
    ),
  );
  const lessons = h(
    'div',
    { class: 'form-group' },
    h(
      'div',
      { class: 'checkboxes' },
      h(
        'div',
        { class: 'choice' },
        h('input', { class: 'choice__input', id: 'start-skip-lessons', name: 'skipLessons', type: 'checkbox', value: 'skip', 'aria-describedby': 'start-skip-lessons-hint', 'data-skip-lessons-option': true }),
        h('label', { class: 'choice__label', for: 'start-skip-lessons', text: t('start.skipLessons') }),
        h('div', { class: 'hint choice__hint', id: 'start-skip-lessons-hint', text: t('start.skipLessonsHint') }),
      ),
    ),
  );
  return { nodes: [mode, lessons], read: (form) => ({ mode: form.elements.mode.value || 'full', lessons: !form.elements.skipLessons.checked }) };
}

export function render(ctx, { hasSaved }) {
  const list = (keys) => h('ul', { class: 'list list--bullet' }, keys.map((key) => h('li', { text: t(key) })));
  const choose = options();
  const form = h('form', { class: 'form start-form', novalidate: true, 'data-start-form': true });
  if (hasSaved) form.append(h('h2', { class: 'heading-m', text: t('start.newTitle') }));
  form.append(...choose.nodes);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const settings = choose.read(form);
    if (hasSaved) ctx.startAgain(settings);
    else ctx.begin(settings);
  });
  let resume = null;
  if (hasSaved) {
    resume = h(
      'div',
      { class: 'resume' },
      h('p', { class: 'resume-note', text: t('start.savedNote') }),
      h('button', { type: 'button', class: 'button button--start', 'data-continue-check': true, onclick: ctx.resume }, t('start.continue')),
    );
    form.append(h('button', { type: 'submit', class: 'button button--secondary', 'data-start-again': true }, t('start.again')));
  } else {
    form.append(h('button', { type: 'submit', class: 'button button--start', 'data-start': true }, t('start.button')));
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
    h(
      'div',
      { class: 'inset inset--warning' },
      h('p', null, h('strong', { text: t('start.emergencyTitle') }), ' ', t('start.emergency', { number: countryWords().emergencyNumber })),
    ),
    h('h2', { class: 'heading-m', text: t('start.isTitle') }),
    list(['start.is1', 'start.is2', 'start.is3']),
    h('h2', { class: 'heading-m', text: t('start.isNotTitle') }),
    h('p', { text: t('start.isNot') }),
    h('h2', { class: 'heading-m', text: t('start.beforeTitle') }),
    list(['start.units', 'start.privacy', 'start.saved']),
    resume,
    form,
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
