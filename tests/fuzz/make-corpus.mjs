// Writes the fuzzers' seed corpora (tests/fuzz/corpus/<target>/) from the real content, the
// scenarios' answers, a sample of the official JsonLogic suite (when the shared conformance folder
// is there) and rules that must run out of budget. Run again after the content changes:
//   node tests/fuzz/make-corpus.mjs
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
