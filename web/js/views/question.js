// One question per page (GOV.UK / NHS 111 online pattern). The engine says which item to show,
// checks the answer and says what comes next; this module only draws the form and reads it back.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { backLink } from '../components/back-link.js';
import { errorMessage, errorSummary } from '../components/error-summary.js';

/** The caption, progress and back link shared by question and lesson pages. */
export function pageTop(ctx, current) {
  const { position, total, percent } = current.progress;
  const progressLabel = t('progress', { position, total });
  return [
    backLink(ctx.back),
    h(
      'div',
      { class: 'progress', 'data-progress': true },
      h('p', { class: 'progress__text', text: progressLabel }),
      h('progress', { class: 'progress__bar', max: '100', value: String(percent), 'aria-hidden': 'true' }),
    ),
  ];
}

function hint(id, text) {
  return text ? h('div', { class: 'hint', id, text }) : null;
}

function describedBy(...ids) {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : null;
}

function heading(text, caption) {
  return h('h1', { class: 'heading-l', tabindex: '-1' }, caption ? h('span', { class: 'caption', text: caption }) : null, text);
}

function choiceFields(item, { type, name, fieldId, options, checked, onToggle }) {
  const wrap = h('div', { class: `${type === 'radio' ? 'radios' : 'checkboxes'}${options.length === 2 && item.type === 'yesno' ? ' radios--inline' : ''}` });
  options.forEach((option, index) => {
    const id = index === 0 ? fieldId : `${fieldId}-${index}`;
    const hintId = option.help ? `${id}-hint` : null;
    if (option.exclusive && index > 0) wrap.append(h('div', { class: 'choice-divider', text: t('question.or') }));
    const input = h('input', {
      class: 'choice__input',
      id,
      name,
      type,
      value: String(index),
      checked: checked(option) ? true : null,
      'aria-describedby': hintId,
      'data-exclusive': option.exclusive ? 'true' : null,
    });
    if (onToggle) input.addEventListener('change', () => onToggle(input, wrap));
    wrap.append(
      h(
        'div',
        { class: 'choice' },
        input,
        h('label', { class: 'choice__label', for: id, text: option.label }),
        hintId ? h('div', { class: 'hint choice__hint', id: hintId, text: option.help }) : null,
      ),
    );
  });
  return wrap;
}

// Checking an exclusive option ("none of these") unchecks the others, and the other way round.
function exclusiveToggle(input, wrap) {
  if (!input.checked) return;
  const exclusive = input.dataset.exclusive === 'true';
  for (const other of wrap.querySelectorAll('input[type=checkbox]')) {
    if (other === input) continue;
    if (exclusive || other.dataset.exclusive === 'true') other.checked = false;
  }
}

function sameValue(a, b) {
  return a === b || (a != null && b != null && JSON.stringify(a) === JSON.stringify(b));
}

export function render(ctx, { current, error, draft }) {
  const item = current.item;
  const labels = ctx.labels;
  const fieldId = `f-${item.id}`;
  const hintId = item.help ? `${fieldId}-hint` : null;
  const errorId = error ? `${fieldId}-error` : null;
  const value = draft !== undefined ? draft : current.answer ?? ctx.suggested(item.id);
  const caption = current.section?.title;

  const form = h('form', {
    class: 'form',
    novalidate: true,
    'data-question': true,
    'data-item-id': item.id,
    'data-item-type': item.type,
  });
  let group;
  let read;

  if (item.type === 'number') {
    const unitLabel = item.unit ? labels.units?.[item.unit] ?? item.unit : null;
    const unitId = unitLabel ? `${fieldId}-unit` : null;
    const notSureChecked = value === 'not-sure';
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' && !notSureChecked ? value : '';
    const input = h('input', {
      class: `input input--number${error ? ' input--error' : ''}`,
      id: fieldId,
      name: 'answer',
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      spellcheck: 'false',
      value: text,
      'aria-describedby': describedBy(hintId, errorId, unitId),
      'aria-invalid': error ? 'true' : null,
    });
    const row = h('div', { class: 'input-row' }, input, unitLabel ? h('span', { class: 'input-suffix', id: unitId, text: unitLabel }) : null);
    let notSure = null;
    if (item.notSure) {
      notSure = h('input', { class: 'choice__input', type: 'checkbox', id: `${fieldId}-notsure`, name: 'notSure', value: 'not-sure', checked: notSureChecked || null });
      notSure.addEventListener('change', () => {
        if (notSure.checked) input.value = '';
      });
      input.addEventListener('input', () => {
        if (input.value.trim()) notSure.checked = false;
      });
    }
    group = h(
      'div',
      { class: `form-group${error ? ' form-group--error' : ''}` },
      h('h1', { class: 'heading-l label-wrapper', tabindex: '-1' }, caption ? h('span', { class: 'caption', text: caption }) : null, h('label', { class: 'label', for: fieldId, text: item.text })),
      hint(hintId, item.help),
      error ? errorMessage(errorId, error.message) : null,
      row,
      notSure
        ? h('div', { class: 'checkboxes checkboxes--small' }, h('div', { class: 'choice-divider', text: t('question.or') }), h('div', { class: 'choice' }, notSure, h('label', { class: 'choice__label', for: notSure.id, text: labels.notSure ?? t('question.notSure') })))
        : null,
    );
    read = () => {
      if (notSure?.checked) return { value: 'not-sure', draft: 'not-sure' };
      const raw = input.value.trim();
      if (!raw) return { value: null, draft: '' };
      const normal = raw.replace(/\s+/g, '').replace(/^(-?\d+),(\d+)$/, '$1.$2');
      const number = Number(normal);
      return { value: normal !== '' && Number.isFinite(number) ? number : raw, draft: raw };
    };
  } else {
    let options;
    let type = 'radio';
    let onToggle = null;
    if (item.type === 'yesno') {
      options = [
        { value: true, label: labels.yes ?? t('question.yes') },
        { value: false, label: labels.no ?? t('question.no') },
      ];
    } else if (item.type === 'scale') {
      options = [];
      for (let n = item.min ?? 0; n <= (item.max ?? 10); n += 1) options.push({ value: n, label: String(n) });
    } else {
      options = item.options ?? [];
      if (item.type === 'multiple') {
        type = 'checkbox';
        onToggle = exclusiveToggle;
      }
    }
    const chosen = (option) =>
      Array.isArray(value) ? value.some((v) => sameValue(v, option.value)) : sameValue(value, option.value);
    form.dataset.values = JSON.stringify(options.map((option) => option.value));
    const fields = choiceFields(item, { type, name: 'answer', fieldId, options, checked: chosen, onToggle });
    let scaleEnds = null;
    let scaleId = null;
    if (item.type === 'scale') {
      fields.classList.add('scale');
      scaleId = `${fieldId}-ends`;
      scaleEnds = h(
        'div',
        { class: 'scale__ends', id: scaleId },
        h('span', { class: 'scale__end' }, t('question.scaleMin', { n: item.min ?? 0, label: item.minLabel ?? '' })),
        h('span', { class: 'scale__end scale__end--max' }, t('question.scaleMax', { n: item.max ?? 10, label: item.maxLabel ?? '' })),
      );
    }
    const legend = h('legend', { class: 'legend legend--heading' }, heading(item.text, caption));
    const fieldset = h(
      'fieldset',
      { class: 'fieldset', 'aria-describedby': describedBy(hintId, scaleId, errorId) },
      legend,
      hint(hintId, item.help),
      error ? errorMessage(errorId, error.message) : null,
      fields,
      scaleEnds,
    );
    group = h('div', { class: `form-group${error ? ' form-group--error' : ''}` }, fieldset);
    read = () => {
      const picked = [...form.querySelectorAll('input[name=answer]:checked')].map((el) => options[Number(el.value)].value);
      if (item.type === 'multiple') return { value: picked, draft: picked };
      return { value: picked.length ? picked[0] : null, draft: picked.length ? picked[0] : undefined };
    };
  }

  form.append(group, h('button', { type: 'submit', class: 'button', 'data-continue': true, text: t('continue') }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { value: answer, draft: kept } = read();
    ctx.answer(item.id, answer, kept);
  });

  const node = h(
    'div',
    { class: 'page page--question' },
    ...pageTop(ctx, current),
    error ? errorSummary([{ message: error.message, target: fieldId }]) : null,
    form,
  );
  return { title: item.text, node, error: !!error };
}
