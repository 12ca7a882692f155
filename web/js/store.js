// Answers stay on this device: localStorage holds the engine's own state text, and a share link
// carries it in the URL fragment (never sent to a server).
export const KEY = 'hipcheck.state.v1';

export function load() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function save(stateText) {
  try {
    localStorage.setItem(KEY, stateText);
    return true;
  } catch {
    return false;
  }
}

export function clear() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    /* storage may be blocked; nothing to clear */
  }
}

/**
 * Calls onChange(stateText or null) when another tab of this site saves or clears the answers (the
 * storage event fires only in the other tabs, never in the one that wrote).
 */
export function onOtherTab(onChange) {
  window.addEventListener('storage', (event) => {
    if (event.storageArea !== localStorage) return;
    if (event.key !== KEY && event.key !== null) return; // null: localStorage.clear()
    onChange(load());
  });
}

/** The answers of a state, as text to compare two states by (null when it cannot be read). */
export function answersOf(stateText) {
  try {
    return JSON.stringify(JSON.parse(stateText)?.answers ?? null);
  } catch {
    return null;
  }
}

/** Whether a saved state holds at least one answer (so "continue" makes sense). */
export function hasAnswers(stateText) {
  try {
    const answers = JSON.parse(stateText)?.answers;
    return !!answers && typeof answers === 'object' && Object.keys(answers).length > 0;
  } catch {
    return false;
  }
}

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code) {
  if (!/^[A-Za-z0-9_-]*$/.test(code)) return null;
  try {
    const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function shareUrl(stateText) {
  const url = new URL('/', location.href);
  url.hash = `s=${toBase64Url(stateText)}`;
  return url.href;
}

/** The state text carried by a share link in the fragment: undefined when there is none, null when it cannot be read. */
export function fromFragment(hash = location.hash) {
  const match = /^#s=(.*)$/.exec(hash);
  if (!match) return undefined;
  return fromBase64Url(match[1]);
}
