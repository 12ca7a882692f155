// A quiet offer, once this version of the site is cached by the service worker: "Hip Check works
// offline", with "Install the app" where the browser offers its own install prompt
// (beforeinstallprompt). It sits at the foot of the page, never in the way, and "No thanks" hides
// it for good on this device.
import { h } from './dom.js';
import { t } from './i18n.js';

const KEY = 'hipcheck.offlineOffer';
let deferred = null;
let box = null;

function dismissed() {
  try {
    return localStorage.getItem(KEY) === 'dismissed';
  } catch {
    return false;
  }
}

function dismiss() {
  try {
    localStorage.setItem(KEY, 'dismissed');
  } catch {
    // storage blocked: the offer just comes back next time
  }
  box?.remove();
}

function installButton() {
  if (!deferred || !box) return;
  if (box.querySelector('[data-install]')) return;
  const button = h('button', { type: 'button', class: 'button button--secondary button--small', 'data-install': true, 'data-i18n': 'offline.install', text: t('offline.install') });
  button.addEventListener('click', async () => {
    const prompt = deferred;
    deferred = null;
    button.remove();
    try {
      await prompt.prompt();
      await prompt.userChoice;
    } catch {
      // the browser declined to show it
    }
  });
  box.querySelector('.offline-offer__actions').prepend(button);
}

window.addEventListener('beforeinstallprompt', (event) => {
  event.preventDefault();
  deferred = event;
  installButton();
});
window.addEventListener('appinstalled', () => box?.remove());

/** Shows the offer once the service worker is active (every file of this version is cached). */
export async function offerInstall() {
  if (dismissed() || !('serviceWorker' in navigator)) return;
  if (window.matchMedia?.('(display-mode: standalone)').matches) return;
  await navigator.serviceWorker.ready;
  const footer = document.querySelector('[data-footer] .footer__inner');
  if (!footer || box) return;
  box = h(
    'div',
    { class: 'offline-offer no-print', role: 'status', 'data-offline-offer': true },
    h('p', { class: 'offline-offer__text' }, h('strong', { 'data-i18n': 'offline.title', text: t('offline.title') }), ' ', h('span', { 'data-i18n': 'offline.body', text: t('offline.body') })),
    h('div', { class: 'offline-offer__actions' }, h('button', { type: 'button', class: 'link-button', 'data-offline-dismiss': true, 'data-i18n': 'offline.dismiss', onclick: dismiss, text: t('offline.dismiss') })),
  );
  footer.prepend(box);
  installButton();
}
