// Kiosk mode (issue 10): the idle countdown and reset for the next visitor, and the result's
// "Finish — clear for the next person". Loaded only when the device is a kiosk (or the educator's
// settings page changes that); the settings themselves are in workshop.js.
import { h } from './dom.js';
import { t } from './i18n.js';
import { isKiosk, settings } from './workshop.js';

// ---- kiosk: idle countdown and reset -----------------------------------------------------------

let timer = null;
let ticker = null;
let warning = null;
let onReset = null;
let isPristine = () => true;
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'];

function idleMs() {
  return settings().idleSeconds * 1000;
}

/** The warning shows for the last part of the idle time: 30 s, or half of a shorter idle time. */
function warnMs() {
  return Math.min(30000, idleMs() / 2);
}

function hideWarning() {
  clearInterval(ticker);
  ticker = null;
  warning?.remove();
  warning = null;
}

function showWarning() {
  if (isPristine()) {
    reset('idle');
    return;
  }
  let left = Math.ceil(warnMs() / 1000);
  const count = h('p', { class: 'kiosk-warning__count', 'data-kiosk-countdown': true, text: t('kiosk.countdown', { seconds: left }) });
  const stay = h('button', { type: 'button', class: 'button', 'data-kiosk-stay': true, text: t('kiosk.stay') });
  warning = h(
    'div',
    { class: 'kiosk-warning', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'kiosk-warning-title', 'aria-describedby': 'kiosk-warning-body', 'data-kiosk-warning': true },
    h(
      'div',
      { class: 'kiosk-warning__box' },
      h('h2', { class: 'heading-l', id: 'kiosk-warning-title', text: t('kiosk.warningTitle') }),
      h('p', { id: 'kiosk-warning-body', text: t('kiosk.warningBody') }),
      count,
      stay,
    ),
  );
  stay.addEventListener('click', () => activity());
  document.body.append(warning);
  stay.focus();
  ticker = setInterval(() => {
    left -= 1;
    if (left >= 0) count.textContent = t('kiosk.countdown', { seconds: left });
  }, 1000);
  timer = setTimeout(() => reset('idle'), warnMs());
}

function arm() {
  clearTimeout(timer);
  hideWarning();
  if (!isKiosk()) return;
  timer = setTimeout(showWarning, Math.max(0, idleMs() - warnMs()));
}

function activity() {
  if (timer !== null || warning) arm();
}

async function reset(reason) {
  clearTimeout(timer);
  timer = null;
  hideWarning();
  for (const dialog of document.querySelectorAll('dialog[data-dialog]')) dialog.remove();
  await onReset?.(reason);
  arm();
}

/** Starts kiosk mode: resetTo(reason) clears everything and shows the start page. */
export function startKiosk({ reset: resetTo, pristine }) {
  onReset = resetTo;
  if (pristine) isPristine = pristine;
  document.documentElement.classList.toggle('is-kiosk', isKiosk());
  for (const type of ACTIVITY) window.addEventListener(type, activity, { capture: true, passive: true });
  arm();
}

/** Called after a settings change: starts or stops the timer. */
export function refreshKiosk() {
  document.documentElement.classList.toggle('is-kiosk', isKiosk());
  arm();
}

/** Ends this person's visit now ("Finish — clear for the next person"). */
export function finish() {
  return reset('finish');
}

// ---- changes to pages in kiosk mode ------------------------------------------------------------

/**
 * After a page is drawn: in kiosk mode the result has no share link, no clipboard and no "start
 * again" of its own, but a "Finish — clear for the next person" button.
 */
export function decorate(page, node) {
  if (!isKiosk()) return;
  if (page !== 'result') return;
  for (const el of node.querySelectorAll('[data-share], [data-share-panel], [data-copy], [data-share-link], [data-start-again], [data-clear-answers]')) el.remove();
  const finishButton = () => h('button', { type: 'button', class: 'button button--start', 'data-kiosk-finish': true, onclick: () => finish(), text: t('kiosk.finish') });
  const box = h(
    'section',
    { class: 'kiosk-finish no-print', 'aria-labelledby': 'kiosk-finish-title', 'data-kiosk-finish-box': true },
    h('h2', { class: 'heading-m', id: 'kiosk-finish-title', text: t('kiosk.finishTitle') }),
    h('p', { text: t('kiosk.finishBody') }),
    finishButton(),
  );
  const care = node.querySelector('[data-care]');
  if (care) care.after(box);
  else node.append(box);
}
