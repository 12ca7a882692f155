// The side-by-side part of `npm run bench` (issue 11): Hip Check against its peers, in one run,
// with interleaved repetitions and medians. JsonLogic per evaluation (the content's own rules over
// every scenario's data: the native engine through `hipcheck logic-bench`, json-logic-js in node),
// module bytes (wasm + glue against survey-core's and json-logic-js's minified files), and the page
// at 4x CPU slowdown in Chromium (first paint, start page drawn, first question ready after Start,
// longest task). Not yet here: the SurveyJS converter and the per-answer / load ratios against
// survey-core (see the report of issue 11).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

import { root } from '../../tests/browser.mjs';

const require = createRequire(import.meta.url);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Every JsonLogic rule of the content: calculations, enableWhen, stops, flags, factors, tips, plan. */
function contentRules(bundle) {
  const rules = [];
  const walk = (node, key) => {
    if (Array.isArray(node)) return node.forEach((item) => walk(item, null));
    if (!node || typeof node !== 'object') return;
    if ((key === 'rule' || key === 'when' || key === 'enableWhen') && Object.keys(node).length === 1) {
      rules.push(node);
      return;
    }
    for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  for (const file of ['questionnaire', 'calculations', 'care', 'causes', 'tips', 'plan']) walk(bundle[file], null);
  return rules;
}

export function jsonLogicBench(rounds = 9) {
  const jsonLogic = require('json-logic-js');
  const bundle = JSON.parse(execFileSync(`${root}/build/native/hipcheck`, ['bundle', `${root}/content/en`], { encoding: 'utf8' }));
  const rules = contentRules(bundle);
  const calculations = Array.isArray(bundle.calculations) ? bundle.calculations : bundle.calculations.calculations;
  const data = readdirSync(`${root}/tests/scenarios`)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const s = JSON.parse(readFileSync(`${root}/tests/scenarios/${f}`, 'utf8'));
      const d = { ...s.answers, settings: { mode: 'full', lessons: true, ...(s.settings ?? {}) } };
      for (let pass = 0; pass < 2; pass += 1) {
        for (const c of calculations) {
          const v = jsonLogic.apply(c.rule, d);
          d[c.id] = typeof v === 'number' && !Number.isFinite(v) ? null : v;
        }
      }
      return d;
    });
  const dir = mkdtempSync(join(tmpdir(), 'hipcheck-logic-'));
  const file = join(dir, 'rules.json');
  writeFileSync(file, JSON.stringify({ rules, data, runs: 21 }));
  const evaluations = rules.length * data.length;
  const native = [];
  const js = [];
  let nativeResults;
  for (let i = 0; i < rounds; i += 1) {
    const out = JSON.parse(execFileSync(`${root}/build/native/hipcheck`, ['logic-bench', file], { encoding: 'utf8', maxBuffer: 1 << 26 }));
    native.push(out.nsPerEvaluation);
    nativeResults = out.results;
    const t = performance.now();
    for (let r = 0; r < 21; r += 1) for (const d of data) for (const rule of rules) jsonLogic.apply(rule, d);
    js.push(((performance.now() - t) * 1e6) / (21 * evaluations));
  }
  const jsResults = data.flatMap((d) => rules.map((rule) => jsonLogic.apply(rule, d)));
  const same = JSON.stringify(jsResults) === JSON.stringify(nativeResults);
  return { rules: rules.length, evaluations, native: median(native), js: median(js), same };
}

export function moduleBytes() {
  const ours = gz(`${root}/build/wasm/hipcheck.wasm`) + gz(`${root}/build/site/engine/hipcheck.mjs`);
  const survey = gz(`${root}/node_modules/survey-core/survey.core.min.js`);
  const logic = gzipSync(require('esbuild').transformSync(readFileSync(`${root}/node_modules/json-logic-js/logic.js`, 'utf8'), { minify: true }).code, { level: 9 }).length;
  return { ours, survey, logic };
}

/** The page at 4x CPU slowdown, median of runs cold loads. */
export async function pageAtSlowdown(runs = 5) {
  const { openSite, closeSite } = await import('../../tests/e2e/helpers.mjs');
  const { srv, browser } = await openSite();
  const rows = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__longest = 0;
        // When the start page's Start button is first in the page (polling from the test is late).
        new MutationObserver((_, observer) => {
          if (!document.querySelector('[data-start]')) return;
          window.__drawn = performance.now();
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(srv.origin);
      await page.waitForSelector('[data-start]', { state: 'visible' });
      const drawn = await page.evaluate(() => window.__drawn);
      await page.waitForFunction(() => performance.getEntriesByName('hipcheck:ready').length > 0);
      const clicked = await page.evaluate(() => performance.now());
      await page.click('[data-start]');
      await page.waitForSelector('form[data-page-id] input', { state: 'visible' });
      const question = await page.evaluate(() => performance.now());
      const { fcp, longest, ready } = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        ready: performance.getEntriesByName('hipcheck:ready')[0]?.startTime ?? NaN,
        longest: window.__longest,
      }));
      rows.push({ fcp, drawn, ready, question: question - clicked, longest });
      await context.close();
    }
  } finally {
    await closeSite({ srv, browser });
  }
  const m = (key) => median(rows.map((r) => r[key]));
  return { fcp: m('fcp'), drawn: m('drawn'), ready: m('ready'), question: m('question'), longest: m('longest'), runs };
}

export async function peers({ page = true } = {}) {
  const lines = [];
  const logic = jsonLogicBench();
  lines.push(
    `JsonLogic per evaluation (${logic.rules} content rules x ${logic.evaluations / logic.rules} scenarios, median of 9 interleaved rounds of 21): ` +
      `Hip Check native ${(logic.native / 1000).toFixed(2)} µs, json-logic-js ${(logic.js / 1000).toFixed(2)} µs: ` +
      `${logic.native < logic.js ? `${(logic.js / logic.native).toFixed(1)}x faster` : `${(logic.native / logic.js).toFixed(1)}x slower`}` +
      ` (results ${logic.same ? 'identical' : 'DIFFER'}; goal 2x faster)`,
  );
  const bytes = moduleBytes();
  lines.push(
    `module bytes, gzip -9: Hip Check wasm + glue ${kb(bytes.ours)} (goal 60 KB), survey-core ${kb(bytes.survey)} ` +
      `(${(bytes.survey / bytes.ours).toFixed(2)}x ours), json-logic-js ${kb(bytes.logic)}`,
  );
  if (page) {
    const p = await pageAtSlowdown();
    lines.push(
      `page at 4x CPU slowdown (median of ${p.runs}): first contentful paint ${p.fcp.toFixed(0)} ms, start page drawn ${p.drawn.toFixed(0)} ms ` +
        `(goal 800), engine ready ${p.ready.toFixed(0)} ms, first question ${p.question.toFixed(0)} ms after pressing Start (goal 100), ` +
        `longest task ${p.longest.toFixed(0)} ms (goal 200)`,
    );
  }
  return lines.join('\n');
}
