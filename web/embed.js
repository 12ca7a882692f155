// Hip Check on a clinic's own site. Paste where the tool should appear:
//
//   <iframe src="https://hipcheck.example/" title="Hip Check: runner hip pain self-check"
//           data-hipcheck width="100%" height="700" allow="clipboard-write"></iframe>
//   <p data-hipcheck-fallback hidden>Hip Check cannot be shown on this page.
//     <a href="https://hipcheck.example/" target="_blank" rel="noopener">Open Hip Check in a new tab</a>.</p>
//   <script src="https://hipcheck.example/embed.js" async></script>
//
// This script (served by the tool, run by the host page) fits each such iframe to the height of
// the page inside it, and brings the iframe's top into view when the tool moves to a new page.
// It accepts messages only from the tool's own origin (where this script came from) and only from
// the window of one of those iframes; the tool posts only to origins its clinic configuration
// allows (embed.allowedOrigins, which also set its frame-ancestors).
//
// A site that is not allowed cannot frame the tool: the browser shows an error box in the frame.
// When the tool has not said hello a few seconds after the frame loaded, this script hides the
// frame and shows the fallback written next to it ([data-hipcheck-fallback]), or else a link to
// the tool named by the iframe's title. If the tool speaks after all (a slow phone), the frame
// comes back.
(function () {
  'use strict';
  var script = document.currentScript;
  var toolOrigin = script && script.src ? new URL(script.src, location.href).origin : null;
  if (!toolOrigin || window.__hipcheckEmbed) return;
  window.__hipcheckEmbed = true;
  var WAIT = 5000;

  function frames() {
    return Array.prototype.filter.call(document.querySelectorAll('iframe[data-hipcheck]'), function (frame) {
      try {
        return new URL(frame.src, location.href).origin === toolOrigin;
      } catch (e) {
        return false;
      }
    });
  }

  function fallbackFor(frame) {
    var next = frame.nextElementSibling;
    if (next && next.hasAttribute('data-hipcheck-fallback')) return next;
    var box = document.createElement('p');
    box.setAttribute('data-hipcheck-fallback', '');
    var link = document.createElement('a');
    link.href = frame.src;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = frame.title || frame.src;
    box.appendChild(link);
    frame.parentNode.insertBefore(box, frame.nextSibling);
    return box;
  }

  function setBlocked(frame, blocked) {
    frame.hidden = blocked;
    frame.setAttribute('data-hipcheck-state', blocked ? 'blocked' : 'ready');
    var next = frame.nextElementSibling;
    if (blocked) fallbackFor(frame).hidden = false;
    else if (next && next.hasAttribute('data-hipcheck-fallback')) next.hidden = true;
  }

  function watch(frame) {
    if (frame.__hipcheckWatched) return;
    frame.__hipcheckWatched = true;
    var timer = null;
    var arm = function () {
      if (frame.getAttribute('data-hipcheck-state') === 'ready') return;
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (frame.getAttribute('data-hipcheck-state') !== 'ready') setBlocked(frame, true);
      }, WAIT);
    };
    frame.addEventListener('load', arm);
    // The frame may have loaded before this (async) script ran.
    arm();
  }

  function bringIntoView(frame) {
    var top = frame.getBoundingClientRect().top;
    if (top >= 0 && top < window.innerHeight / 3) return;
    var reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollTo({ top: Math.max(0, Math.floor(window.pageYOffset + top)), behavior: reduce ? 'auto' : 'smooth' });
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== toolOrigin) return;
    var data = event.data;
    if (!data || typeof data.type !== 'string' || data.type.indexOf('hipcheck:') !== 0) return;
    frames().forEach(function (frame) {
      if (frame.contentWindow !== event.source) return;
      if (frame.getAttribute('data-hipcheck-state') !== 'ready') setBlocked(frame, false);
      if (data.type === 'hipcheck:height') {
        var height = Number(data.height);
        if (!isFinite(height) || height < 100 || height > 100000) return;
        frame.setAttribute('height', String(Math.ceil(height)));
        frame.style.height = Math.ceil(height) + 'px';
        frame.setAttribute('data-hipcheck-height', String(Math.ceil(height)));
      } else if (data.type === 'hipcheck:top') {
        bringIntoView(frame);
      }
    });
  });

  function start() {
    frames().forEach(watch);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
