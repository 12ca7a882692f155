// The side-by-side part of `npm run bench` (issue 11): Hip Check against its peers, in one run,
// with interleaved repetitions and medians, printed as one table (measure | Hip Check | peer |
// ratio | goal). Per answer and load against survey-core, on the English content converted into
// the equivalent SurveyJS model (scripts/bench/surveyjs.mjs; the equivalence is checked first, over
// every scenario); JsonLogic per evaluation (the content's own rules over every scenario's data:
// the native engine through `hipcheck logic-bench`, json-logic-js in node); module bytes (wasm +
// glue against survey-core's and json-logic-js's minified files); and the page at 4x CPU slowdown
// in Chromium (first paint, start page drawn, first question ready after Start, longest task).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { root } from '../../tests/browser.mjs';
import { createModule, engineOf, gzip9 } from '../../tests/wasm/module.mjs';
import { compare, createModel, prepare, toSurveyJs } from './surveyjs.mjs';

const require = createRequire(import.meta.url);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gz = (file) => gzip9(readFileSync(file));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// Wall clock and this process's CPU time, in ms: on a busy machine the wall clock also counts the
// time spent waiting for a core, the CPU time does not (both are printed).
const now = () => ({ wall: performance.now(), cpu: process.cpuUsage() });
const since = (start) => {
  const cpu = process.cpuUsage(start.cpu);
  return { wall: performance.now() - start.wall, cpu: (cpu.user + cpu.system) / 1000 };
};
const add = (sum, part) => {
  sum.wall += part.wall;
  sum.cpu += part.cpu;
};

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

/** The JsonLogic bench's wasm module (build/wasm/hipcheck-logic-bench.cjs, which reads its .wasm beside it): logicBench(text). */
function logicBenchModule() {
  return require(`${root}/build/wasm/hipcheck-logic-bench.cjs`)();
}

export async function jsonLogicBench(rounds = 9, runs = 21) {
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
  writeFileSync(file, JSON.stringify({ rules, data, runs }));
  const evaluations = rules.length * data.length;
  const input = JSON.stringify({ rules, data, runs });
  const wasmModule = await logicBenchModule();
  const native = [];
  const wasm = [];
  const js = [];
  let nativeResults;
  let wasmResults;
  for (let i = 0; i < rounds; i += 1) {
    const out = JSON.parse(execFileSync(`${root}/build/native/hipcheck`, ['logic-bench', file], { encoding: 'utf8', maxBuffer: 1 << 26 }));
    native.push(out.nsPerEvaluation);
    nativeResults = out.results;
    const inWasm = JSON.parse(wasmModule.logicBench(input));
    if (inWasm.error) throw new Error(`logic bench in wasm: ${inWasm.error}`);
    wasm.push(inWasm.nsPerEvaluation);
    wasmResults = inWasm.results;
    const t = performance.now();
    for (let r = 0; r < runs; r += 1) for (const d of data) for (const rule of rules) jsonLogic.apply(rule, d);
    js.push(((performance.now() - t) * 1e6) / (runs * evaluations));
  }
  const jsResults = JSON.stringify(data.flatMap((d) => rules.map((rule) => jsonLogic.apply(rule, d))));
  const same = jsResults === JSON.stringify(nativeResults) && jsResults === JSON.stringify(wasmResults);
  return { rules: rules.length, evaluations, native: median(native), wasm: median(wasm), js: median(js), same, rounds, runs };
}

export function moduleBytes() {
  const ours = gz(`${root}/build/wasm/hipcheck.wasm`) + gz(`${root}/build/site/engine/hipcheck.mjs`);
  const survey = gz(`${root}/node_modules/survey-core/survey.core.min.js`);
  const logic = gzip9(require('esbuild').transformSync(readFileSync(`${root}/node_modules/json-logic-js/logic.js`, 'utf8'), { minify: true }).code);
  return { ours, survey, logic };
}

function scenarios() {
  return readdirSync(`${root}/tests/scenarios`)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), ...JSON.parse(readFileSync(`${root}/tests/scenarios/${f}`, 'utf8')) }));
}

/** The English bundle's text, its SurveyJS model's text, and the check that both are equivalent. */
export async function surveyJsSetup() {
  const cliPath = `${root}/build/native/hipcheck`;
  const text = execFileSync(cliPath, ['bundle', `${root}/content/en`], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const bundle = JSON.parse(text);
  const modelText = JSON.stringify(toSurveyJs(bundle));
  const Module = await createModule();
  const engine = engineOf(Module);
  const loaded = JSON.parse(engine.load(text));
  if (loaded.error) throw new Error(`load: ${loaded.error.id} ${loaded.error.message}`);
  const list = scenarios();
  const model = createModel(JSON.parse(modelText));
  const check = compare({ engine, model, bundle, cliPath, scenarios: list });
  return { text, modelText, Module, engine, model, scenarios: list, check };
}

// One scenario's answers, page by page, in the engine: each page's answers set (engine.answer),
// the next page read (its JSON parsed). Only the answer and the reading are timed; a notice is
// answered untimed. Returns [{wall, cpu} milliseconds, pages answered].
function oursPerAnswer(engine, s) {
  let page = JSON.parse(engine.start(JSON.stringify(s.settings ?? {})));
  const spent = { wall: 0, cpu: 0 };
  let count = 0;
  for (;;) {
    if (page.status === 'notice') {
      page = JSON.parse(engine.proceed(s.stopChoice ?? 'continue'));
      continue;
    }
    if (page.status !== 'question') break;
    const { id, lesson, items } = page.page;
    if (!lesson && !items.every((item) => item.id in s.answers)) break;
    const t = now();
    const reply = {};
    if (!lesson) for (const item of items) reply[item.id] = s.answers[item.id];
    page = JSON.parse(engine.answer(id, JSON.stringify(reply)));
    add(spent, since(t));
    count += 1;
  }
  return [spent, count];
}

// The same in SurveyJS: each shown question of the current page set (model.setValue), Next (or
// Complete on the last page), and the next page read (its shown questions: name, type, title,
// value), from which the next answers are chosen, as the engine's page is used.
const readPage = (model) =>
  model.currentPage.questions.filter((q) => q.isVisible).map((q) => ({ name: q.name, type: q.getType(), title: q.title, value: q.value }));

function theirsPerAnswer(model, s) {
  prepare(model, s);
  const spent = { wall: 0, cpu: 0 };
  let count = 0;
  let read = readPage(model);
  while (model.state === 'running') {
    const page = model.currentPage;
    const needed = read.filter((q) => q.type !== 'html');
    if (!needed.every((q) => q.name in s.answers)) break;
    const t = now();
    for (const q of needed) model.setValue(q.name, s.answers[q.name]);
    if (model.isLastPage) model.completeLastPage();
    else model.nextPage();
    read = model.state === 'running' ? readPage(model) : [];
    add(spent, since(t));
    count += 1;
    if (model.state === 'running' && model.currentPage === page) break;
  }
  return [spent, count];
}

/**
 * Per answer, every scenario in both, interleaved: the median over rounds of the mean per page
 * answered, wall clock and CPU time (µs).
 */
export function perAnswerBench({ engine, model, scenarios: list }, rounds = 15) {
  const ours = { wall: [], cpu: [] };
  const theirs = { wall: [], cpu: [] };
  let pages = 0;
  for (let r = 0; r < rounds; r += 1) {
    const o = { wall: 0, cpu: 0, pages: 0 };
    const t = { wall: 0, cpu: 0, pages: 0 };
    const run = (sum, [spent, count]) => {
      add(sum, spent);
      sum.pages += count;
    };
    list.forEach((s, i) => {
      const first = (r + i) % 2 === 0;
      if (first) run(o, oursPerAnswer(engine, s));
      run(t, theirsPerAnswer(model, s));
      if (!first) run(o, oursPerAnswer(engine, s));
    });
    for (const key of ['wall', 'cpu']) {
      ours[key].push((o[key] * 1000) / o.pages);
      theirs[key].push((t[key] * 1000) / t.pages);
    }
    pages = o.pages;
  }
  const medians = (x) => ({ wall: median(x.wall), cpu: median(x.cpu) });
  return { ours: medians(ours), theirs: medians(theirs), rounds, pages };
}

/**
 * Load: Engine.load(bundle text) into a new engine, as the page's first load is, against survey-core's
 * new Model(JSON.parse(model text)), interleaved; medians, wall clock and CPU time (ms). Freeing
 * each engine afterwards (close) is timed apart: survey-core's models are freed by the garbage
 * collector, whenever it runs.
 */
export function loadBench({ Module, text, modelText }, rounds = 21) {
  const ours = { wall: [], cpu: [] };
  const theirs = { wall: [], cpu: [] };
  const freed = { wall: [], cpu: [] };
  const keep = (into, spent) => {
    into.wall.push(spent.wall);
    into.cpu.push(spent.cpu);
  };
  const timeOurs = () => {
    const engine = engineOf(Module);
    let t = now();
    engine.load(text);
    keep(ours, since(t));
    t = now();
    engine.close();
    keep(freed, since(t));
  };
  const timeTheirs = () => {
    const t = now();
    createModel(JSON.parse(modelText));
    keep(theirs, since(t));
  };
  for (let r = 0; r < rounds; r += 1) {
    if (r % 2 === 0) {
      timeOurs();
      timeTheirs();
    } else {
      timeTheirs();
      timeOurs();
    }
  }
  const medians = (x) => ({ wall: median(x.wall), cpu: median(x.cpu) });
  return { ours: medians(ours), theirs: medians(theirs), freed: medians(freed), rounds };
}

/**
 * Per answer in instructions, which the machine's load does not move: the native CLI replays every
 * scenario (`hipcheck walk`) under callgrind, counting only inside Session::answer and
 * Session::current_text (a page's answers set, the next page written as the wasm module sends it).
 * Null when valgrind is missing.
 */
export function instructionCounts() {
  const dir = mkdtempSync(join(tmpdir(), 'hipcheck-callgrind-'));
  let instructions = 0;
  let pages = 0;
  try {
    for (const s of scenarios()) {
      const run = spawnSync(
        'valgrind',
        [
          '--tool=callgrind',
          `--callgrind-out-file=${join(dir, 'out')}`,
          '--toggle-collect=hipcheck::Session::answer(*',
          '--toggle-collect=hipcheck::Session::current_text(*',
          `${root}/build/native/hipcheck`,
          'walk',
          '--content',
          `${root}/content/en`,
          '--answers',
          `${root}/tests/scenarios/${s.name}.json`,
        ],
        { encoding: 'utf8', maxBuffer: 1 << 26 },
      );
      if (run.error?.code === 'ENOENT') return null;
      const collected = /Collected : (\d+)/.exec(run.stderr);
      if (run.status !== 0 || !collected) throw new Error(`callgrind on ${s.name}: ${run.stderr.slice(-500)}`);
      if (Number(collected[1]) === 0) throw new Error('callgrind counted nothing: are Session::answer and Session::current_text still named so?');
      instructions += Number(collected[1]);
      pages += JSON.parse(run.stdout).path.filter((p) => !p.startsWith('notice:')).length;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { perAnswer: instructions / pages, pages };
}

/**
 * The page at 4x CPU slowdown, median of runs cold loads. The page is driven through CDP alone
 * (Runtime.evaluate of small expressions, Input.dispatchMouseEvent): Playwright's own helpers
 * (waitForSelector, click, evaluate) inject a script of their own into the page, which takes about
 * 200 ms of its main thread at 4x and would be counted as the page's time. Every time is taken in
 * the page: the start page drawn (its Start button in the document), the engine ready, and from
 * the press on Start (the pointerdown's time) to the first question in the document and to the
 * frame that shows it.
 */
export async function pageAtSlowdown(runs = 5) {
  const { openSite, closeSite } = await import('../../tests/e2e/helpers.mjs');
  const { srv, browser } = await openSite();
  const rows = [];
  try {
    for (let i = 0; i < runs; i += 1) rows.push(await pageOnce(browser, srv.origin));
  } finally {
    await closeSite({ srv, browser });
  }
  const m = (key) => median(rows.map((r) => r[key]));
  return { fcp: m('fcp'), drawn: m('drawn'), ready: m('ready'), question: m('question'), shown: m('shown'), longest: m('longest'), runs };
}

/** One cold load of the site at `origin` at 4x, then Start: its times in ms. */
export async function pageOnce(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen = (selector, then) =>
      new MutationObserver((_, observer) => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        then(performance.now());
      }).observe(document, { childList: true, subtree: true });
    const bench = (window.__bench = { longest: 0 });
    seen('[data-start]', (at) => (bench.drawn = at));
    document.addEventListener('pointerdown', (event) => (bench.pressed ??= event.timeStamp), true);
    seen('form[data-page-id] input', (at) => {
      bench.question = at;
      requestAnimationFrame(() => setTimeout(() => (bench.shown = performance.now())));
    });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longest = Math.max(bench.longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const value = async (expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })).result.value;
  const until = (condition) => value(`new Promise((done) => { const check = () => (${condition}) ? done(true) : setTimeout(check, 20); check(); })`);
  await page.goto(origin, { waitUntil: 'commit' });
  await until(`performance.getEntriesByName('hipcheck:ready').length > 0`);
  const box = await value(`(() => { const start = document.querySelector('[data-start]'); start.scrollIntoView({ block: 'center' }); const r = start.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`);
  for (const type of ['mousePressed', 'mouseReleased']) await cdp.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
  await until('window.__bench.shown');
  const r = await value(`({ ...window.__bench, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN, ready: performance.getEntriesByName('hipcheck:ready')[0].startTime })`);
  await context.close();
  return { fcp: r.fcp, drawn: r.drawn, ready: r.ready, question: r.question - r.pressed, shown: r.shown - r.pressed, longest: r.longest };
}

const faster = (ours, theirs) => (ours <= theirs ? `${(theirs / ours).toFixed(1)}x faster` : `${(ours / theirs).toFixed(1)}x slower`);

/** Rows as a plain-text table with aligned columns. */
export function table(header, rows) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => `| ${cells.map((x, c) => String(x).padEnd(widths[c])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export async function peers({ page = true, quick = false, instructions = false } = {}) {
  const rows = [];
  const how = [];
  const setup = await surveyJsSetup();
  const { check } = setup;
  const answer = perAnswerBench(setup, quick ? 5 : 15);
  for (const [key, clock] of [['wall', 'wall clock'], ['cpu', 'CPU time']]) {
    const [o, t] = [answer.ours[key], answer.theirs[key]];
    rows.push([`per answer (wasm in node), ${clock}`, `${o.toFixed(0)} µs`, `survey-core ${t.toFixed(0)} µs`, faster(o, t), '30x faster']);
  }
  how.push(
    `per answer: one page's answers set and the next page read (engine.answer + its JSON parsed; model.setValue for each ` +
      `question + Next + the shown questions read), mean over the ${answer.pages} pages of every scenario, median of ${answer.rounds} interleaved rounds`,
  );
  if (instructions) {
    const counts = instructionCounts();
    if (counts) {
      rows.push(['per answer (native, instructions)', `${(counts.perAnswer / 1000).toFixed(0)} k`, '', '', '']);
      how.push(`per answer in instructions: callgrind on hipcheck walk, inside Session::answer and Session::current_text, mean over ${counts.pages} pages`);
    } else {
      how.push('per answer in instructions: valgrind is not installed');
    }
  }
  const load = loadBench(setup, quick ? 7 : 21);
  for (const [key, clock] of [['wall', 'wall clock'], ['cpu', 'CPU time']]) {
    const [o, t] = [load.ours[key], load.theirs[key]];
    rows.push([`load (wasm in node), ${clock}`, `${o.toFixed(1)} ms`, `survey-core ${t.toFixed(1)} ms`, faster(o, t), '10x faster']);
  }
  const withFree = load.ours.wall + load.freed.wall;
  rows.push(['freeing a loaded engine (close), wall clock', `${load.freed.wall.toFixed(1)} ms`, '', '', '']);
  rows.push(['load and close, wall clock', `${withFree.toFixed(1)} ms`, `survey-core ${load.theirs.wall.toFixed(1)} ms`, faster(withFree, load.theirs.wall), '']);
  how.push(`load: Engine.load(bundle text) into a new engine against new Model(JSON.parse(model text)), median of ${load.rounds} interleaved; close timed apart`);
  how.push('CPU time: user + system time of the node process (all its threads, so garbage collection counts), without the waits for a core');
  const logic = quick ? await jsonLogicBench(3, 7) : await jsonLogicBench();
  for (const [where, ns] of [['native', logic.native], ['wasm in node', logic.wasm]]) {
    rows.push([
      `JsonLogic per evaluation (${where})`,
      `${(ns / 1000).toFixed(2)} µs`,
      `json-logic-js ${(logic.js / 1000).toFixed(2)} µs`,
      faster(ns, logic.js),
      '2x faster',
    ]);
  }
  how.push(
    `JsonLogic: ${logic.rules} content rules over ${logic.evaluations / logic.rules} scenarios' data, median of ${logic.rounds} interleaved rounds ` +
      `of ${logic.runs}; results ${logic.same ? 'identical' : 'DIFFER'}`,
  );
  const bytes = moduleBytes();
  rows.push(['module bytes, gzip -9 (wasm + glue)', kb(bytes.ours), `survey-core ${kb(bytes.survey)}`, `${(bytes.survey / bytes.ours).toFixed(1)}x smaller`, 'at most 60 KB']);
  rows.push(['', '', `json-logic-js ${kb(bytes.logic)}`, '', '']);
  if (page) {
    const p = await pageAtSlowdown(quick ? 3 : 5);
    rows.push(['page at 4x: first contentful paint', `${p.fcp.toFixed(0)} ms`, '', '', '']);
    rows.push(['page at 4x: start page drawn', `${p.drawn.toFixed(0)} ms`, '', '', 'within 800 ms']);
    rows.push(['page at 4x: engine ready', `${p.ready.toFixed(0)} ms`, '', '', '']);
    rows.push(['page at 4x: first question after Start', `${p.question.toFixed(0)} ms`, '', '', 'within 100 ms']);
    rows.push(['page at 4x: first question shown (its frame)', `${p.shown.toFixed(0)} ms`, '', '', '']);
    rows.push(['page at 4x: longest task', `${p.longest.toFixed(0)} ms`, '', '', 'at most 200 ms']);
    how.push(`page at 4x: CPU slowdown 4 in Chromium, loopback, median of ${p.runs} cold loads, driven through CDP alone; times from navigation, the first question's from the press on Start`);
  }
  const equivalence =
    `SurveyJS model of content/en, checked over ${setup.scenarios.length} scenarios (${check.pages} pages, ${check.calculations} calculated values): ` +
    (check.differences.length === 0 ? 'same items visited, same ending and same values in both' : `${check.differences.length} DIFFERENCES:\n  ${check.differences.join('\n  ')}`);
  return { text: [equivalence, table(['measure', 'Hip Check', 'peer', 'ratio', 'goal'], rows), ...how].join('\n'), equivalent: check.differences.length === 0 };
}
