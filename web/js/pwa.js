// Offline support: registers the service worker (/sw.js) and, when a new version of the site has
// been downloaded and is waiting, offers "Update available — reload". The new version is applied
// only when the person agrees: the page asks the waiting worker to take over (skip-waiting) and
// reloads once it has. Nothing is reloaded without a click, so no answer in progress is lost.
import { h } from './dom.js';
import { t } from './i18n.js';

let prompt = null;

function showPrompt(worker, where) {
  if (prompt?.isConnected) return;
  const button = h('button', { type: 'button', class: 'button', 'data-update-reload': true, 'data-i18n': 'update.reload', text: t('update.reload') });
  button.addEventListener('click', () => {
    button.disabled = true;
    sessionStorage.setItem('hipcheck.updating', '1');
    worker.postMessage({ type: 'skip-waiting' });
  });
  prompt = h(
    'div',
    { class: 'notice update-prompt no-print', role: 'status', 'data-update-prompt': true },
    h('h2', { class: 'notice__title', 'data-i18n': 'update.title', text: t('update.title') }),
    h('p', { class: 'notice__body', 'data-i18n': 'update.body', text: t('update.body') }),
    button,
  );
  const area = typeof where === 'string' ? document.querySelector(where) : where;
  if (area) area.before(prompt);
  else document.body.prepend(prompt);
}

/**
 * Registers the service worker. Call once the page has its strings (after translate()).
 * options.before: the element (or selector) the update prompt is inserted before
 * (default: the notice area). Resolves to the registration, or null where unsupported.
 */
export async function registerServiceWorker({ url = '/sw.js', before = '[data-notice-area]' } = {}) {
  if (!('serviceWorker' in navigator)) return null;
  let registration;
  try {
    registration = await navigator.serviceWorker.register(url, { scope: '/', updateViaCache: 'none' });
  } catch (error) {
    console.warn('service worker not registered:', error);
    return null;
  }
  // A worker that finished installing while a previous worker controls the page is an update.
  const watch = (worker) => {
    if (!worker) return;
    const check = () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) showPrompt(worker, before);
    };
    check();
    worker.addEventListener('statechange', check);
  };
  watch(registration.waiting);
  registration.addEventListener('updatefound', () => watch(registration.installing));

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only a change the person asked for reloads the page (the first install takes control quietly).
    if (sessionStorage.getItem('hipcheck.updating') === '1') {
      sessionStorage.removeItem('hipcheck.updating');
      location.reload();
    }
  });
  // Look for a new version when the person comes back to the tab (at most every ten minutes).
  let lastCheck = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && Date.now() - lastCheck > 600_000) {
      lastCheck = Date.now();
      registration.update().catch(() => {});
    }
  });
  return registration;
}
