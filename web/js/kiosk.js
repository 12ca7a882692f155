// Workshop mode (issue 10): the device settings an educator chooses (kiosk mode, the idle time,
// the anonymous tally), the kiosk's idle countdown and reset, the anonymous tally, and the
// confirmation dialog that "Clear my answers" and the educator's pages share.
//
// What is stored, and where (all on this device, never sent anywhere):
// - hipcheck.workshop.v1 (localStorage): the educator's settings for this device, {kiosk,
//   idleSeconds, tally}. Nothing about any visitor.
// - hipcheck.tally.v1 (localStorage, only when the educator turned the tally on): counts only
//   (people, care levels, top causes, quiz scores). No answers, no times, nothing that identifies.
// In kiosk mode a visitor's answers are kept in memory only (never in localStorage), every page
// replaces the one history entry (so Back cannot lead to the previous person's pages), and a reset
// clears the engine, the page and the URL.
import { h } from './dom.js';
import { t } from './i18n.js';
import { clinic } from './clinic.js';

const SETTINGS_KEY = 'hipcheck.workshop.v1';
const TALLY_KEY = 'hipcheck.tally.v1';
export const CAUSES = ['overuse', 'footwear', 'form', 'imbalance'];
export const LEVELS = ['emergency', 'urgent', 'soon', 'selfcare'];

function readJson(key) {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? 'null');
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

function writeJson(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

// ---- settings ----------------------------------------------------------------------------------

/** The clinic file's defaults, overridden by what the educator chose on this device. */
export function settings() {
  const base = { kiosk: false, idleSeconds: 120, tally: false, ...(clinic().workshop ?? {}) };
  const local = readJson(SETTINGS_KEY) ?? {};
  const out = { kiosk: !!base.kiosk, idleSeconds: Number(base.idleSeconds) || 120, tally: !!base.tally };
  if (typeof local.kiosk === 'boolean') out.kiosk = local.kiosk;
  if (typeof local.tally === 'boolean') out.tally = local.tally;
  // Any positive number is honoured here (a test sets a few seconds); the settings page offers 30 s or more.
  if (Number.isFinite(local.idleSeconds) && local.idleSeconds > 0) out.idleSeconds = local.idleSeconds;
  return out;
}

export function saveSettings(next) {
  const current = readJson(SETTINGS_KEY) ?? {};
  return writeJson(SETTINGS_KEY, { ...current, ...next });
}

export function isKiosk() {
  return settings().kiosk;
}

/** The clinic file's PIN for the educator's pages, or null (then a typed word confirms). */
export function pin() {
  return clinic().workshop?.pin ?? null;
}

// The educator's pages stay unlocked for this page load only (kept in memory, lost on reset).
let unlocked = false;
export function isUnlocked() {
  return unlocked;
}
export function unlock() {
  unlocked = true;
}
export function lock() {
  unlocked = false;
}

// ---- the anonymous tally -----------------------------------------------------------------------

function emptyTally() {
  return {
    people: 0,
    care: Object.fromEntries(LEVELS.map((x) => [x, 0])),
    causes: Object.fromEntries(CAUSES.map((x) => [x, 0])),
    quiz: {},
  };
}

/** The counts so far (empty when nothing is stored). */
export function tally() {
  const stored = readJson(TALLY_KEY);
  const out = emptyTally();
  if (!stored) return out;
  out.people = Number.isInteger(stored.people) ? stored.people : 0;
  for (const x of LEVELS) out.care[x] = Number.isInteger(stored.care?.[x]) ? stored.care[x] : 0;
  for (const x of CAUSES) out.causes[x] = Number.isInteger(stored.causes?.[x]) ? stored.causes[x] : 0;
  for (const [score, n] of Object.entries(stored.quiz ?? {})) if (/^\d+\/\d+$/.test(score) && Number.isInteger(n)) out.quiz[score] = n;
  return out;
}

export function clearTally() {
  try {
    localStorage.removeItem(TALLY_KEY);
  } catch {
    /* nothing stored */
  }
}

/**
 * Adds one person to the tally (when the educator turned it on): the care level of a finished
 * check, its top cause(s) (the highest score, when above 0) and a quiz score "n/total". Only
 * these counts are kept: no answers, no time, nothing that could identify the person.
 */
export function count({ level, causes, quiz }) {
  if (!settings().tally) return false;
  if (!level && !quiz) return false;
  const next = tally();
  next.people += 1;
  if (LEVELS.includes(level)) next.care[level] += 1;
  const top = Math.max(0, ...(causes ?? []).map((c) => c.score ?? 0));
  if (top > 0) for (const c of causes) if (c.score === top && CAUSES.includes(c.id)) next.causes[c.id] += 1;
  if (quiz && Number.isInteger(quiz.score) && Number.isInteger(quiz.total)) {
    const key = `${quiz.score}/${quiz.total}`;
    next.quiz[key] = (next.quiz[key] ?? 0) + 1;
  }
  return writeJson(TALLY_KEY, next);
}

/** The tally as CSV rows: measure, value, count. */
export function tallyCsv(data = tally(), labels = {}) {
  const esc = (x) => (/[",\n]/.test(String(x)) ? `"${String(x).replace(/"/g, '""')}"` : String(x));
  const rows = [[t('tally.csvMeasure'), t('tally.csvValue'), t('tally.csvCount')]];
  rows.push([t('tally.people'), '', data.people]);
  for (const x of LEVELS) rows.push([t('tally.careTitle'), labels.care?.[x] ?? x, data.care[x]]);
  for (const x of CAUSES) rows.push([t('tally.causesTitle'), labels.causes?.[x] ?? x, data.causes[x]]);
  for (const key of Object.keys(data.quiz).sort((a, b) => parseInt(a, 10) - parseInt(b, 10))) rows.push([t('tally.quizTitle'), key, data.quiz[key]]);
  return `${rows.map((r) => r.map(esc).join(',')).join('\r\n')}\r\n`;
}

// ---- a confirmation dialog ---------------------------------------------------------------------

/**
 * A modal <dialog> asking to confirm: resolves true when confirmed. body is a list of nodes or
 * texts; `danger` styles the confirm button as a warning.
 */
export function confirmDialog({ title, body = [], confirm, cancel, danger = true, name = 'confirm' }) {
  return new Promise((resolve) => {
    const titleId = `dialog-title-${name}`;
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId, 'data-dialog': name });
    const done = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    dialog.append(
      h('h2', { class: 'heading-m', id: titleId, text: title }),
      ...body.map((x) => (x instanceof Node ? x : h('p', { text: x }))),
      h(
        'div',
        { class: 'button-group' },
        h('button', { type: 'button', class: danger ? 'button button--warning' : 'button', 'data-confirm': name, onclick: () => done(true), text: confirm }),
        h('button', { type: 'button', class: 'button button--secondary', 'data-cancel': name, onclick: () => done(false), text: cancel ?? t('dialog.cancel') }),
      ),
    );
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      done(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector('[data-cancel]').focus();
  });
}

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
