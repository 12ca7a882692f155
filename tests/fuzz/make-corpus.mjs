// Writes the fuzzers' seed corpora (tests/fuzz/corpus/<target>/) from the real content, the
// scenarios' answers, a sample of the official JsonLogic suite (when the shared conformance folder
// is there) and rules that must run out of budget, and the content dictionary (hipcheck.dict: the
// JsonLogic tokens with the content's ids and option values). Needs the built CLI and wasm module
// (scripts/build): the scenarios are driven through the module to record their moves and states.
// Run again after the content changes:
//   node tests/fuzz/make-corpus.mjs
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { bundle as stampedBundle, createEngine } from '../wasm/module.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const OPS = new Set(['var', 'missing', 'missing_some', 'if', '?:', '==', '!=', '===', '!==', '!', '!!', 'or', 'and', '>', '>=', '<', '<=',
  'max', 'min', '+', '-', '*', '/', '%', 'map', 'filter', 'reduce', 'all', 'none', 'some', 'merge', 'in', 'cat', 'substr', 'log']);

// Every JsonLogic rule in the content (an object whose only key is an operator), outermost only.
const rules = [];
const walk = (value) => {
  if (Array.isArray(value)) return value.forEach(walk);
  if (!value || typeof value !== 'object') return;
  const keys = Object.keys(value);
  if (keys.length === 1 && OPS.has(keys[0])) return void rules.push(value);
  Object.values(value).forEach(walk);
};
for (const dir of readdirSync(join(root, 'content'))) {
  if (!existsSync(join(root, 'content', dir, 'meta.json'))) continue;
  for (const file of readdirSync(join(root, 'content', dir)).filter((f) => f.endsWith('.json')).sort()) {
    walk(JSON.parse(readFileSync(join(root, 'content', dir, file), 'utf8')));
  }
}
const scenarios = readdirSync(join(root, 'tests/scenarios')).filter((f) => f.endsWith('.json')).sort();
const answers = scenarios.map((f) => JSON.parse(readFileSync(join(root, 'tests/scenarios', f), 'utf8')).answers);

const logic = []; // [rule, data]
// The content's rules, each with a scenario's answers (the largest rules first, 40 of them).
const bySize = [...rules].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length);
bySize.slice(0, 40).forEach((rule, i) => logic.push([rule, answers[i % answers.length]]));
// Every 8th case of the official suite.
const suite = join(root, '..', 'shared', 'conformance', 'jsonlogic', 'tests.json');
if (existsSync(suite)) {
  JSON.parse(readFileSync(suite, 'utf8')).filter((c) => Array.isArray(c)).filter((_, i) => i % 8 === 0)
    .forEach(([rule, data]) => logic.push([rule, data]));
}
// Rules that must end with logic.budget (see issue 12), and the per-item operations.
const xs = { xs: Array.from({ length: 30 }, (_, i) => i) };
logic.push([{ reduce: [{ var: 'xs' }, { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [1]] }, xs]);
logic.push([{ reduce: [{ var: 'xs' }, { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, 'ab'] }, xs]);
logic.push([{ reduce: [{ var: 'xs' }, [{ var: 'accumulator' }, { var: 'accumulator' }], 1] }, xs]);
logic.push([{ map: [{ var: 'xs' }, { map: [{ var: 'xs' }, { map: [{ var: 'xs' }, { var: '' }] }] }] }, xs]);
logic.push([{ filter: [{ var: 'xs' }, { some: [{ var: 'xs' }, { in: [{ var: '' }, [1, 2]] }] }] }, xs]);
logic.push([{ substr: [{ cat: ['héllo ', { var: 'xs.3' }] }, -4, 2] }, xs]);

const parse = [
  ...bySize.slice(0, 20),
  ...answers.slice(0, 6),
  { format: 'hipcheck.state', version: 1, content: { id: 'hipcheck-en', version: 'x' }, answers: answers[0], cursor: null },
  '\u00e9\ud83d\ude00', [1.5e300, -0, 1e-7, 12345678901234567890], { 'a/b~c': [[], {}] },
];

function write(target, texts) {
  const dir = join(here, 'corpus', target);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const text of texts) {
    const name = createHash('sha1').update(text).digest('hex');
    writeFileSync(join(dir, name), text);
  }
  console.log(`${target}: ${texts.length} seeds`);
}
write('logic', logic.map(([rule, data]) => `${JSON.stringify(rule)}\n${JSON.stringify(data ?? null)}`));
write('parse', [...parse.map((v) => JSON.stringify(v)), '{"a":[1,2', '[1,]', '{"x":1}}', '"\\ud800"', '01']);

// content: the shipped bundles (English, and Spanish for its accented text), the test
// questionnaire and the broken one, unstamped (the fuzzer changes them; a stamped bundle changed is
// only ever content.stamp).
const unstamped = (folder) => {
  const { stamp, ...rest } = JSON.parse(stampedBundle(folder));
  void stamp;
  return JSON.stringify(rest);
};
const fixture = JSON.parse(unstamped('tests/engine/fixture'));
const contentSeeds = [unstamped('content/en'), unstamped('content/es'), JSON.stringify(fixture)];
{
  const small = structuredClone(fixture);
  small.calculations.push({ id: 'boom', rule: logic[logic.length - 6][0] }); // the doubling reduce
  contentSeeds.push(JSON.stringify(small));
  const hidden = structuredClone(fixture);
  hidden.questionnaire.sections[0].enableWhen = { '==': [{ var: 'settings.mode' }, 'full'] };
  contentSeeds.push(JSON.stringify(hidden));
}
for (const file of readdirSync(join(root, 'tests/engine/broken')).filter((f) => f.endsWith('.json'))) {
  const text = readFileSync(join(root, 'tests/engine/broken', file), 'utf8');
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    continue; // the file that is not JSON at all
  }
  contentSeeds.push(JSON.stringify({ ...fixture, [file.replace(/\.json$/, '')]: value }));
}
write('content', contentSeeds);

// state and session: every scenario driven through the wasm module as the page does: its moves
// (one a line, see session_fuzz.cpp) and its state halfway and at the end.
const engine = await createEngine();
const loaded = JSON.parse(engine.load(stampedBundle('content/en')));
if (loaded.error) throw new Error(`content/en: ${loaded.error.id}`);
const states = [];
const sessions = [];
for (const f of scenarios) {
  const scenario = JSON.parse(readFileSync(join(root, 'tests/scenarios', f), 'utf8'));
  const settings = scenario.settings ?? {};
  const choice = scenario.stopChoice ?? 'continue';
  const lines = [`s ${JSON.stringify(settings)}`];
  let page = JSON.parse(engine.start(JSON.stringify(settings)));
  const pageStates = [];
  for (let guard = 0; guard < 100; guard++) {
    if (page.status === 'notice') {
      lines.push(`p ${choice}`);
      page = JSON.parse(engine.proceed(choice));
      continue;
    }
    if (page.status !== 'question') break;
    const reply = {};
    if (!page.page.lesson) {
      if (!page.page.items.every((item) => item.id in scenario.answers)) break;
      for (const item of page.page.items) reply[item.id] = scenario.answers[item.id];
    }
    lines.push(`a ${JSON.stringify(reply)}`);
    page = JSON.parse(engine.answer(page.page.id, JSON.stringify(reply)));
    pageStates.push(engine.state());
  }
  states.push(engine.state());
  if (pageStates.length) states.push(pageStates[Math.floor(pageStates.length / 2)]);
  sessions.push(lines.join('\n'));
  // The same with moves around it: back twice, a "Change" link to the first page, the state round
  // trip, and the settings changed.
  const first = lines.findIndex((l) => l.startsWith('a '));
  sessions.push([...lines, 'b', 'b', `r ${engine.state()}`, 'c {"mode":"quick"}', 'A12345678',
    `g ${JSON.parse(pageStates[0] ?? '{"cursor":"about_you"}').cursor ?? ''}`, lines[first] ?? 'b'].join('\n'));
}
write('state', [...new Set(states)]);
write('session', sessions);

// The dictionary: JsonLogic and JSON tokens, then the state's keys, the moves and the content's ids
// and option values (each token as the raw bytes it stands for).
const tokens = new Set(['format', 'hipcheck.state', 'version', 'content', 'settings', 'answers', 'acknowledged',
  'finished', 'notice', 'cursor', 'mode', 'full', 'quick', 'lessons', 'not-sure', 'continue', 'finish',
  'enableWhen', 'when', 'rule', 'options', 'value', 'exclusive', 'min', 'max', 'step', 'type', 'items', 'pages',
  'sections', 'stops', 'action', 'level'].map((t) => JSON.stringify(t)));
['a {', '\nb\n', '\nr {', '\ng ', '\np continue', '\np finish', '\nA', '\nc {', '\ns {'].forEach((t) => tokens.add(t));
const bundleJson = JSON.parse(contentSeeds[0]);
for (const section of bundleJson.questionnaire.sections) {
  tokens.add(JSON.stringify(section.id));
  for (const page of section.pages) {
    tokens.add(JSON.stringify(page.id));
    for (const item of page.items) {
      tokens.add(JSON.stringify(item.id));
      for (const o of item.options ?? []) tokens.add(JSON.stringify(o.value));
    }
  }
}
for (const c of bundleJson.calculations) tokens.add(JSON.stringify(c.id));
const entry = (raw) => `"${[...Buffer.from(raw, 'utf8')].map((b) => (b === 0x22 || b === 0x5c ? `\\${String.fromCharCode(b)}` : b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0').toUpperCase()}`)).join('')}"`;
const base = readFileSync(join(here, 'jsonlogic.dict'), 'utf8').trimEnd();
writeFileSync(join(here, 'hipcheck.dict'), `${base}\n# Written by make-corpus.mjs: the state's keys, the session moves, the content's ids and values.\n${[...tokens].map(entry).join('\n')}\n`);
console.log(`hipcheck.dict: ${tokens.size} more tokens`);
