// Inside an iframe on a clinic's site: tells the host page (web/embed.js) that the tool is there
// ("hipcheck:hello", so the host never shows its fallback), how tall the page is ("hipcheck:height",
// so the iframe grows and shrinks with it and never scrolls inside), and, on every change of page,
// to bring the frame's top into view ("hipcheck:top": the new page starts at its top, as it would
// outside a frame). Messages go only to the origins the clinic configuration allows
// (embed.allowedOrigins, which also set frame-ancestors); postMessage drops a message whose target
// origin is not the parent's, so no other site learns anything.
import { embedOrigins, loadClinic } from './clinic.js';

/** Marks the page as embedded: the clinic's page has its own header and footer. */
export function markEmbedded() {
  if (window.parent === window) return false;
  document.documentElement.dataset.embedded = '';
  return true;
}

/** Starts talking to the host page when the page is in a frame. Returns a function that stops it. */
export async function startEmbedChild() {
  if (!markEmbedded()) return () => {};
  await loadClinic();
  const origins = [...new Set([location.origin, ...embedOrigins()])];
  // If the browser tells us the parent's origin, post only there (and only if it is allowed).
  const parentOrigin = location.ancestorOrigins?.[0];
  const targets = parentOrigin ? origins.filter((o) => o === parentOrigin) : origins;
  if (!targets.length) return () => {};
  const send = (message) => {
    for (const origin of targets) window.parent.postMessage(message, origin);
  };
  send({ type: 'hipcheck:hello' });

  const root = document.documentElement;
  // In a frame the page is as tall as its content: no viewport-based minimum heights, which would
  // otherwise make the frame grow with itself.
  document.body.style.minHeight = '0';
  // The frame is as tall as the page, so it never scrolls; a scroll bar that came and went while
  // the height settles would change the width, and with it the height, back and forth.
  root.style.overflowY = 'hidden';
  const main = document.querySelector('[data-main]');
  if (main) main.style.minHeight = '0';

  let last = 0;
  const post = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    send({ type: 'hipcheck:height', height });
  };
  const observer = new ResizeObserver(post);
  observer.observe(document.body);
  post();
  // The app announces each new page (not the first one, which the visitor scrolled to themselves).
  const onPage = () => {
    post();
    send({ type: 'hipcheck:top' });
  };
  window.addEventListener('hipcheck:page', onPage);
  return () => {
    observer.disconnect();
    window.removeEventListener('hipcheck:page', onPage);
  };
}
