// Workshop mode (issue 10): the device settings an educator chooses (kiosk mode, the idle time,
// the anonymous tally) and whether the educator's pages are unlocked. This small part is all the
// first page needs; the kiosk's countdown (kiosk.js), the tally (tally.js) and the confirmation
// dialog (components/confirm-dialog.js) load only when they are used.
//
// What is stored, and where (all on this device, never sent anywhere):
// - hipcheck.workshop.v1 (localStorage): the educator's settings for this device, {kiosk,
//   idleSeconds, tally}. Nothing about any visitor.
// In kiosk mode a visitor's answers are kept in memory only (never in localStorage), every page
// replaces the one history entry (so Back cannot lead to the previous person's pages), and a reset
// clears the engine, the page and the URL.
import { clinic } from './clinic.js';

const SETTINGS_KEY = 'hipcheck.workshop.v1';

export function readJson(key) {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? 'null');
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeJson(key, value) {
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
