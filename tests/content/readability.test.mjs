// Reading level of the runner-facing text, per content file (Flesch-Kincaid grade, text-readability).
// Run: node --test tests/content/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import readability from 'text-readability';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const contentDir = path.join(root, 'content', 'en');
const MAX_GRADE = 8.0;

// The keys whose string values a runner reads. Ids, rules, option values, unit codes and
// source references are not prose and are left out; so are sources.json (titles of papers)
// and calculations.json (descriptions for authors).
const PROSE_KEYS = new Set([
  'title', 'intro', 'text', 'help', 'label', 'body', 'minLabel', 'maxLabel',
  'reason', 'because', 'summary', 'action', 'where', 'feedback', 'disclaimer',
  'caveat', 'stopRule', 'name', 'description',
]);
const RUNNER_FILES = ['meta', 'questionnaire', 'care', 'causes', 'tips', 'plan', 'anatomy', 'quiz'];
const SKIP = { meta: new Set(['reviewed', 'labels']) };

export function proseOf(value, file, out = [], key = null) {
  if (typeof value === 'string') {
    if (key && PROSE_KEYS.has(key)) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) proseOf(v, file, out, key);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (SKIP[file]?.has(k)) continue;
      proseOf(v, file, out, k);
    }
  }
  return out;
}

// {{placeholders}} are filled at run time; they are left out. Each string is one sentence or
// more: a label without a full stop gets one, so labels are not run together into one long
// sentence. "%" reads as "percent".
export function clean(s) {
  let t = s.replace(/\{\{[a-z0-9_]+\}\}/g, '').replace(/\s+%/g, ' percent').replace(/%/g, ' percent');
  t = t.replace(/\s+/g, ' ').trim();
  if (t && !/[.!?]["')\]]?$/.test(t)) t += '.';
  return t;
}

export const grade = (text) => readability.fleschKincaidGrade(text);

const results = [];
for (const file of RUNNER_FILES) {
  const p = path.join(contentDir, `${file}.json`);
  if (!fs.existsSync(p)) continue;
  const strings = proseOf(JSON.parse(fs.readFileSync(p, 'utf8')), file).map(clean).filter(Boolean);
  results.push({ file, strings, grade: grade(strings.join(' ')) });
}

test('every runner-facing content file reads at US grade 8 or below (Flesch-Kincaid)', () => {
  console.log('Flesch-Kincaid grade per file (limit %s):', MAX_GRADE);
  for (const r of results) console.log(`  ${r.file.padEnd(14)} ${r.grade.toFixed(1).padStart(5)}  (${r.strings.length} strings)`);
  const hardest = results
    .flatMap((r) => r.strings.filter((s) => readability.lexiconCount(s) >= 5).map((s) => ({ file: r.file, s, g: grade(s) })))
    .sort((a, b) => b.g - a.g)
    .slice(0, 10);
  console.log('The ten hardest strings:');
  for (const h of hardest) console.log(`  ${h.g.toFixed(1).padStart(5)}  ${h.file}: ${h.s}`);
  const over = results.filter((r) => r.grade > MAX_GRADE).map((r) => `${r.file} (${r.grade})`);
  assert.deepEqual(over, [], `files above grade ${MAX_GRADE}: ${over.join(', ')}`);
});

test('the readability check reads real prose from every runner-facing file', () => {
  assert.equal(results.length, RUNNER_FILES.filter((f) => fs.existsSync(path.join(contentDir, `${f}.json`))).length);
  for (const r of results) assert.ok(r.strings.length > 0, `${r.file} has no prose`);
  // placeholders never reach the grader
  for (const r of results) for (const s of r.strings) assert.ok(!s.includes('{{'), `${r.file}: ${s}`);
});
