// A question page (GOV.UK / NHS.UK online patterns): every shown item of the engine's page, a
// fieldset per question, yes/no rows as their own small fieldsets, one error summary for the page.
// The engine says which items to show, checks the answers and says what comes next; this module
// only draws the form and reads it back.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { backLink } from '../components/back-link.js';
import { errorMessage, errorSummary } from '../components/error-summary.js';
import { errorText } from '../components/error-text.js';
import { formatNumber } from '../clinic.js';

/** The caption, progress and back link shared by question and lesson pages. */
export function pageTop(ctx, current) {
  const top = [backLink(ctx.back)];
  if (current.progress) {
    const { position, total, percent } = current.progress;
    top.push(
      h(
        'div',
        { class: 'progress', 'data-progress': true },
        h('p', { class: 'progress__text', text: t('progress', { position: formatNumber(position), total: formatNumber(total) }) }),
        h('progress', { class: 'progress__bar', max: '100', value: String(percent), 'aria-hidden': 'true' }),
      ),
    );
  }
  return top;
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

function sameValue(a, b) {
  return a === b || (a != null && b != null && JSON.stringify(a) === JSON.stringify(b));
}

/** The item id an engine error is about: its path is "/itemId" (or deeper). */
export function errorItem(error) {
  const match = /^\/([^/]+)/.exec(error?.path ?? '');
  return match ? match[1].replace(/~1/g, '/').replace(/~0/g, '~') : null;
}

function choiceFields(item, { type, name, fieldId, options, checked, inline, onToggle }) {
  const wrap = h('div', { class: `${type === 'radio' ? 'radios' : 'checkboxes'}${inline ? ' radios--inline' : ''}` });
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

/** The options of a choice item as {value, label}. */
function optionsOf(ctx, item) {
  const labels = ctx.labels;
  if (item.type === 'yesno') {
    return [
      { value: true, label: labels.yes ?? t('question.yes') },
      { value: false, label: labels.no ?? t('question.no') },
    ];
  }
  if (item.type === 'scale') {
    const options = [];
    for (let n = item.min ?? 0; n <= (item.max ?? 10); n += 1) options.push({ value: n, label: String(n) });
    return options;
  }
  return item.options ?? [];
}

/**
 * One number item: label, hint, error, the input with its unit, and "Not sure" when allowed.
 * `asHeading` makes the label the page's h1 (a page of one question); `unitChoice` is the units
 * fieldset drawn beside the input (the first distance of the page).
 */
function numberItem(ctx, item, { value, error, asHeading, caption, unitChoice, distance }) {
  const fieldId = `f-${item.id}`;
  const hintId = item.help ? `${fieldId}-hint` : null;
  const errorId = error ? `${fieldId}-error` : null;
  // A distance always has its unit beside it (empty until the runner's unit is known on the page);
  // the first distance of the page has the unit radios there instead.
  const unitLabel = unitChoice ? null : item.unit ? ctx.unitLabel(item.unit) : distance ? '' : null;
  const unitId = unitLabel != null ? `${fieldId}-unit` : null;
  const notSureChecked = value === 'not-sure';
  // A saved number as the language writes it (12,5 in Spanish; read() takes either mark), no grouping.
  const text = typeof value === 'number' ? formatNumber(value, { useGrouping: false, maximumFractionDigits: 6 }) : typeof value === 'string' && !notSureChecked ? value : '';
  const input = h('input', {
    class: `input input--number${error ? ' input--error' : ''}`,
    id: fieldId,
    name: item.id,
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    spellcheck: 'false',
    value: text,
    'aria-describedby': describedBy(hintId, errorId, unitId),
    'aria-invalid': error ? 'true' : null,
    'data-answer': true,
  });
  const suffix = unitId
    ? h('span', { class: 'input-suffix', id: unitId, text: unitLabel, 'data-unit-label': distance ? 'distance' : null })
    : null;
  const row = h('div', { class: `input-row${unitChoice ? ' input-row--units' : ''}` }, h('div', { class: 'input-row__field' }, input, suffix), unitChoice);
  let notSure = null;
  if (item.notSure) {
    notSure = h('input', {
      class: 'choice__input',
      type: 'checkbox',
      id: `${fieldId}-notsure`,
      name: `${item.id}.notSure`,
      value: 'not-sure',
      checked: notSureChecked || null,
      'data-not-sure': true,
    });
    notSure.addEventListener('change', () => {
      if (notSure.checked) input.value = '';
    });
    input.addEventListener('input', () => {
      if (input.value.trim()) notSure.checked = false;
    });
  }
  const label = h('label', { class: asHeading ? 'label' : 'label label--m', for: fieldId, text: item.text });
  const group = h(
    'div',
    { class: `form-group${error ? ' form-group--error' : ''}`, 'data-item': item.id, 'data-item-type': 'number' },
    asHeading ? h('h1', { class: 'heading-l label-wrapper', tabindex: '-1' }, caption ? h('span', { class: 'caption', text: caption }) : null, label) : label,
    hint(hintId, item.help),
    error ? errorMessage(errorId, error.message) : null,
    row,
    notSure
      ? h(
          'div',
          { class: 'checkboxes checkboxes--small' },
          h('div', { class: 'choice-divider', text: t('question.or') }),
          h('div', { class: 'choice' }, notSure, h('label', { class: 'choice__label', for: notSure.id, text: ctx.labels.notSure ?? t('question.notSure') })),
        )
      : null,
  );
  const read = () => {
    if (notSure?.checked) return { value: 'not-sure', draft: 'not-sure' };
    const raw = input.value.trim();
    if (!raw) return { value: undefined, draft: '' };
    const normal = raw.replace(/\s+/g, '').replace(/^(-?\d+),(\d+)$/, '$1.$2');
    const number = Number(normal);
    return { value: normal !== '' && Number.isFinite(number) ? number : raw, draft: raw };
  };
  return { node: group, read, fieldId };
}

/**
 * One choice item (single, multiple, yesno, scale). `row` draws a yes/no question as a row of a
 * grid (its own small fieldset, Yes and No side by side); `asHeading` makes the legend the h1.
 */
function choiceItem(ctx, item, { value, error, asHeading, caption, row, compact }) {
  const fieldId = `f-${item.id}`;
  const hintId = item.help ? `${fieldId}-hint` : null;
  const errorId = error ? `${fieldId}-error` : null;
  const options = optionsOf(ctx, item);
  const type = item.type === 'multiple' ? 'checkbox' : 'radio';
  const chosen = (option) => (Array.isArray(value) ? value.some((v) => sameValue(v, option.value)) : sameValue(value, option.value));
  const fields = choiceFields(item, {
    type,
    name: item.id,
    fieldId,
    options,
    checked: chosen,
    inline: (item.type === 'yesno' && options.length === 2) || compact,
    onToggle: item.type === 'multiple' ? exclusiveToggle : null,
  });
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
  let legend;
  if (asHeading) legend = h('legend', { class: 'legend legend--heading' }, heading(item.text, caption));
  else if (row) legend = h('legend', { class: 'legend legend--row', text: item.text });
  // The unit radios beside a distance box: the radios show the choice, the legend says it aloud.
  else if (compact) legend = h('legend', { class: 'legend visually-hidden', text: item.text });
  else legend = h('legend', { class: 'legend legend--m', text: item.text });
  const fieldset = h(
    'fieldset',
    { class: `fieldset${row ? ' fieldset--row' : ''}`, 'aria-describedby': describedBy(compact ? null : hintId, scaleId, errorId) },
    legend,
    compact ? null : hint(hintId, item.help),
    error ? errorMessage(errorId, error.message) : null,
    fields,
    scaleEnds,
  );
  const group = h(
    'div',
    {
      class: `form-group${row ? ' form-group--row' : ''}${compact ? ' form-group--compact' : ''}${error ? ' form-group--error' : ''}`,
      'data-item': item.id,
      'data-item-type': item.type,
      'data-values': JSON.stringify(options.map((option) => option.value)),
    },
    fieldset,
  );
  const inputs = () => [...fields.querySelectorAll('input')];
  const read = () => {
    const picked = inputs()
      .filter((el) => el.checked)
      .map((el) => options[Number(el.value)].value);
    if (item.type === 'multiple') return { value: picked.length ? picked : undefined, draft: picked };
    return { value: picked.length ? picked[0] : undefined, draft: picked.length ? picked[0] : undefined };
  };
  const chosenValue = () => read().value;
  return { node: group, read, fieldId, fields, options, chosenValue };
}

export function render(ctx, { current, errors = [], drafts = {} }) {
  const page = current.page;
  const items = page.items ?? [];
  const caption = page.section?.title;
  const errorFor = new Map();
  const pageErrors = [];
  // The distance unit the page is asking in (the unit item on this page, as typed, else as saved).
  const unitHolder = items.find((x) => ctx.isUnitItem(x.id));
  const pageUnit = unitHolder ? (drafts[unitHolder.id] ?? unitHolder.answer ?? ctx.suggested(unitHolder.id)) : null;
  for (const error of errors) {
    const id = errorItem(error);
    const item = id ? items.find((x) => x.id === id) : null;
    // A specific message naming the question and its range or unit (components/error-text.js).
    if (item && !errorFor.has(id)) {
      const message = errorText(ctx, ctx.isDistance(item.id) && pageUnit ? { ...item, unit: pageUnit } : item, error);
      errorFor.set(id, { ...error, message, named: message !== error.message });
    }
    else pageErrors.push(error);
  }
  const valueOf = (item) => (Object.hasOwn(drafts, item.id) ? drafts[item.id] : item.answer ?? ctx.suggested(item.id));

  // A page of one question with no title or intro of its own: the question is the page's heading
  // (GOV.UK). Otherwise the page's title (or its section's) is the heading, and each question a
  // fieldset under it.
  const single = items.length === 1 && !page.title && !page.intro;
  const title = page.title ?? (single ? items[0].text : caption ?? items[0]?.text ?? '');

  const form = h('form', {
    class: 'form',
    novalidate: true,
    'data-question': true,
    'data-page-id': page.id,
    'data-item-count': String(items.length),
  });
  if (!single) {
    form.append(heading(title, page.title ? caption : null));
    if (page.intro) form.append(h('p', { class: 'page-intro', text: page.intro }));
  }

  // The runner's distance unit (meta.distanceUnit) on this page: drawn beside the first distance,
  // and every distance label on the page follows it as it changes.
  const isDistance = (item) => item.type === 'number' && ctx.isDistance(item.id);
  const firstDistance = items.find(isDistance);
  const unitItem = firstDistance ? items.find((item) => ctx.isUnitItem(item.id)) : null;
  let unitField = null;
  if (unitItem) unitField = choiceItem(ctx, unitItem, { value: valueOf(unitItem), error: errorFor.get(unitItem.id), compact: true });

  // A page of yes/no questions only is a grid: each question a row with Yes and No beside it.
  const grid = !single && items.length > 1 && items.every((item) => item.type === 'yesno');
  const fields = [];
  let rows = null;
  for (const item of items) {
    if (item === unitItem) {
      fields.push({ item, field: unitField });
      continue;
    }
    const options = { value: valueOf(item), error: errorFor.get(item.id), asHeading: single, caption };
    let field;
    if (item.type === 'number') {
      field = numberItem(ctx, item, { ...options, distance: isDistance(item), unitChoice: item === firstDistance && unitField ? unitField.node : null });
    } else {
      field = choiceItem(ctx, item, { ...options, row: grid });
    }
    fields.push({ item, field });
    if (grid) {
      if (!rows) {
        rows = h('div', { class: 'yesno-grid', 'data-grid': true });
        form.append(rows);
      }
      rows.append(field.node);
    } else {
      rows = null;
      form.append(field.node);
    }
  }

  if (unitField) {
    const follow = () => {
      const unit = unitField.chosenValue();
      if (unit === undefined) return;
      for (const label of form.querySelectorAll('[data-unit-label="distance"]')) label.textContent = ctx.unitLabel(unit);
    };
    for (const input of unitField.fields.querySelectorAll('input')) input.addEventListener('change', follow);
    follow();
  }

  form.append(h('button', { type: 'submit', class: 'button', 'data-continue': true, text: t('continue') }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const answers = {};
    const kept = {};
    for (const { item, field } of fields) {
      const { value, draft } = field.read();
      if (value !== undefined) answers[item.id] = value;
      kept[item.id] = draft;
    }
    ctx.answer(page.id, answers, kept);
  });

  // One summary for the page: each item's problem, linking to its field, in the page's order. On a
  // page of several questions each line names its question, as the engine's words may not.
  const summary = [];
  for (const { item, field } of fields) {
    const error = errorFor.get(item.id);
    if (!error) continue;
    const message = single || error.named ? error.message : t('error.summaryItem', { question: item.text, message: error.message });
    summary.push({ message, target: field.fieldId });
  }
  for (const error of pageErrors) summary.push({ message: error.message, target: fields[0]?.field.fieldId ?? 'main' });

  const node = h(
    'div',
    { class: `page page--question${single ? '' : ' page--multi'}` },
    ...pageTop(ctx, current),
    summary.length ? errorSummary(summary) : null,
    form,
  );
  return { title, node, error: summary.length > 0 };
}
