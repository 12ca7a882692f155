// Hip Check on a clinic's own site. Paste where the tool should appear:
//
//   <iframe src="https://hipcheck.example/" title="Hip Check: runner hip pain self-check"
//           data-hipcheck width="100%" height="700" allow="clipboard-write"></iframe>
//   <script src="https://hipcheck.example/embed.js" async></script>
//
// This script (served by the tool, run by the host page) fits each such iframe to the height of
// the page inside it. It accepts messages only from the tool's own origin (where this script came
// from) and only from the window of one of those iframes; the tool posts only to origins its
// clinic configuration allows (embed.allowedOrigins), which also set its frame-ancestors.
(function () {
  'use strict';
  var script = document.currentScript;
  var toolOrigin = script && script.src ? new URL(script.src, location.href).origin : null;
  if (!toolOrigin || window.__hipcheckEmbed) return;
  window.__hipcheckEmbed = true;

  function frames() {
    return Array.prototype.filter.call(document.querySelectorAll('iframe[data-hipcheck]'), function (frame) {
      try {
        return new URL(frame.src, location.href).origin === toolOrigin;
      } catch (e) {
        return false;
      }
    });
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== toolOrigin) return;
    var data = event.data;
    if (!data || data.type !== 'hipcheck:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 100 || height > 100000) return;
    frames().forEach(function (frame) {
      if (frame.contentWindow !== event.source) return;
      frame.setAttribute('height', String(Math.ceil(height)));
      frame.style.height = Math.ceil(height) + 'px';
      frame.setAttribute('data-hipcheck-height', String(Math.ceil(height)));
    });
  });
})();
