// Inside an iframe on a clinic's site: tells the host page (web/embed.js) how tall the page is,
// so the iframe can grow and shrink with it and never scrolls inside. Heights are posted only to
// the origins the clinic configuration allows (embed.allowedOrigins); postMessage drops a message
// whose target origin is not the parent's, so no other site learns anything.
import { embedOrigins, loadClinic } from './clinic.js';

/** Starts reporting the height when the page is in a frame. Returns a function that stops it. */
export async function startEmbedChild() {
  if (window.parent === window) return () => {};
  await loadClinic();
  const origins = [...new Set([location.origin, ...embedOrigins()])];
  // If the browser tells us the parent's origin, post only there (and only if it is allowed).
  const parentOrigin = location.ancestorOrigins?.[0];
  const targets = parentOrigin ? origins.filter((o) => o === parentOrigin) : origins;
  if (!targets.length) return () => {};

  const root = document.documentElement;
  root.dataset.embedded = '';
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
    for (const origin of targets) window.parent.postMessage({ type: 'hipcheck:height', height }, origin);
  };
  const observer = new ResizeObserver(post);
  observer.observe(document.body);
  post();
  return () => observer.disconnect();
}
