// The educator's settings page (/#educator): switch kiosk mode and the anonymous tally on or off
// for this device, set the idle time, and open the workshop tools. Visitors are kept out by a
// gate: the page is linked from nowhere a visitor sees, and opening it asks for the clinic's PIN
// (workshop.pin in the clinic file) or, without one, for a typed word. The gate keeps a curious
// visitor from changing the device by accident; it is not a security boundary (see README).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { errorSummary } from '../components/error-summary.js';

function gate(ctx, error) {
  const pin = ctx.workshop.pin();
  const id = 'educator-code';
  const input = h('input', {
    class: `input input--width-10${error ? ' input--error' : ''}`,
    id,
    name: 'code',
    type: pin ? 'password' : 'text',
    inputmode: pin ? 'numeric' : null,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': pin ? `${id}-hint` : null,
    'aria-invalid': error ? 'true' : null,
    'data-educator-code': true,
  });
  const form = h(
    'form',
    { class: 'form', novalidate: true, 'data-educator-gate': true },
    h(
      'div',
      { class: `form-group${error ? ' form-group--error' : ''}` },
      h('label', { class: 'label', for: id, text: pin ? t('educator.pinLabel') : t('educator.wordLabel') }),
      pin ? h('div', { class: 'hint', id: `${id}-hint`, text: t('educator.pinHint') }) : null,
      error ? h('p', { class: 'error-message', id: `${id}-error`, text: t('educator.gateError') }) : null,
      input,
    ),
    h('button', { type: 'submit', class: 'button', 'data-educator-unlock': true, text: t('educator.unlock') }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = input.value.trim();
    const ok = pin ? value === pin : value.toUpperCase() === t('educator.word').toUpperCase();
    if (ok) ctx.workshop.unlock();
    ctx.open('settings', { error: !ok }, 'replace');
  });
  return [
    error ? errorSummary([{ message: t('educator.gateError'), target: id }]) : null,
    h('h1', { class: 'heading-l', tabindex: '-1', text: t('educator.gateTitle') }),
    h('p', { class: 'lead', text: t('educator.gateBody') }),
    form,
    h('p', null, h('a', { href: '/', 'data-educator-leave': true, onclick: (event) => (event.preventDefault(), ctx.open('start')), text: t('educator.back') })),
  ];
}

function checkbox(id, name, checked, label, hint) {
  return h(
    'div',
    { class: 'choice' },
    h('input', { class: 'choice__input', type: 'checkbox', id, name, checked: checked || null, 'aria-describedby': `${id}-hint`, [`data-setting-${name}`]: true }),
    h('label', { class: 'choice__label', for: id, text: label }),
    h('div', { class: 'hint choice__hint', id: `${id}-hint`, text: hint }),
  );
}

function settingsForm(ctx, { saved, idleError, drafts } = {}) {
  const now = { ...ctx.workshop.settings(), ...(drafts ?? {}) };
  const idleId = 'setting-idle';
  const form = h(
    'form',
    { class: 'form settings-form', novalidate: true, 'data-educator-settings': true },
    h('h2', { class: 'heading-m', text: t('educator.modesTitle') }),
    h('p', { class: 'hint', text: t('educator.clinicNote') }),
    h('div', { class: 'form-group checkboxes' }, checkbox('setting-kiosk', 'kiosk', now.kiosk, t('educator.kiosk'), t('educator.kioskHint'))),
    h(
      'div',
      { class: `form-group${idleError ? ' form-group--error' : ''}` },
      h('label', { class: 'label', for: idleId, text: t('educator.idle') }),
      h('div', { class: 'hint', id: `${idleId}-hint`, text: t('educator.idleHint') }),
      idleError ? h('p', { class: 'error-message', id: `${idleId}-error`, text: t('educator.idleError') }) : null,
      h('input', { class: 'input input--width-5', id: idleId, name: 'idle', type: 'text', inputmode: 'numeric', value: drafts ? String(drafts.idleSeconds) : String(Math.round(now.idleSeconds)), 'aria-describedby': `${idleId}-hint`, 'aria-invalid': idleError ? 'true' : null, 'data-setting-idle': true }),
    ),
    h('div', { class: 'form-group checkboxes' }, checkbox('setting-tally', 'tally', now.tally, t('educator.tally'), t('educator.tallyHint'))),
    h('button', { type: 'submit', class: 'button', 'data-educator-save': true, text: t('educator.save') }),
    saved ? h('p', { class: 'inset', role: 'status', 'data-educator-saved': true, text: t('educator.saved') }) : null,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const idle = Number(form.elements.idle.value.trim());
    if (!/^\d+$/.test(form.elements.idle.value.trim()) || idle < 30 || idle > 3600) {
      ctx.open('settings', { idleError: true, drafts: { kiosk: form.elements.kiosk.checked, tally: form.elements.tally.checked, idleSeconds: form.elements.idle.value } }, 'replace');
      return;
    }
    ctx.workshop.saveSettings({ kiosk: form.elements.kiosk.checked, tally: form.elements.tally.checked, idleSeconds: idle });
    ctx.refreshKiosk();
    ctx.open('settings', { saved: true }, 'replace');
  });
  return form;
}

export function render(ctx, params = {}) {
  if (!ctx.workshop.isUnlocked()) {
    const node = h('div', { class: 'page page--educator-gate', 'data-educator-gate-page': true }, ...gate(ctx, params.error));
    return { title: t('educator.gateTitle'), node, error: params.error };
  }
  const tool = (page, label, attr) => h('li', null, h('a', { href: '/', [`data-open-${attr}`]: true, onclick: (event) => (event.preventDefault(), ctx.open(page)), text: label }));
  const node = h(
    'div',
    { class: 'page page--educator', 'data-educator': true },
    params.idleError ? errorSummary([{ message: t('educator.idleError'), target: 'setting-idle' }]) : null,
    h('h1', { class: 'heading-l', tabindex: '-1', text: t('educator.title') }),
    h('p', { class: 'lead', text: t('educator.lead') }),
    settingsForm(ctx, params),
    h('h2', { class: 'heading-m', text: t('educator.toolsTitle') }),
    h(
      'ul',
      { class: 'list' },
      tool('presenter', t('educator.present'), 'presenter'),
      tool('groupQuiz', t('educator.groupQuiz'), 'group-quiz'),
      tool('handout', t('educator.handout'), 'handout'),
      tool('tally', t('educator.tallyOpen'), 'tally'),
    ),
    h('p', { class: 'hint', text: t('educator.presentHint') }),
    h('h2', { class: 'heading-m', text: t('educator.lockTitle') }),
    h('button', { type: 'button', class: 'button button--secondary', 'data-educator-lock': true, onclick: () => (ctx.workshop.lock(), ctx.open('start')), text: t('educator.lock') }),
  );
  return { title: t('educator.title'), node, error: params.idleError };
}
