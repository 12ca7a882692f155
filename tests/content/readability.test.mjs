// Reading level of the runner-facing text, per content file (Flesch-Kincaid grade, text-readability).
// Run: node --test tests/content/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import readability from 'text-readability';

import { RUNNER_FILES, clean, contentFile, grade, hasContentFile, proseOfFile } from './prose.mjs';

const MAX_GRADE = 8.0;
// The words a person reads at a decision point: what to do now, for each care level (CONTENT.md v2).
const MAX_ACTION_GRADE = 6.0;

const results = [];
for (const file of RUNNER_FILES) {
  if (!hasContentFile(file)) continue;
  const strings = proseOfFile(file).map(clean).filter(Boolean);
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
  assert.equal(results.length, RUNNER_FILES.filter((f) => hasContentFile(f)).length);
  for (const r of results) assert.ok(r.strings.length > 0, `${r.file} has no prose`);
  // placeholders never reach the grader
  for (const r of results) for (const s of r.strings) assert.ok(!s.includes('{{'), `${r.file}: ${s}`);
});

test('each care level\'s "what to do now" text reads at US grade 6 or below', () => {
  const care = contentFile('care');
  const levels = care.levels ?? [];
  assert.ok(levels.length > 0, 'care.json has no levels');
  const graded = levels.map((l) => ({ id: l.id, text: clean(l.action ?? ''), g: grade(clean(l.action ?? '')) }));
  console.log('Flesch-Kincaid grade of each care action (limit %s):', MAX_ACTION_GRADE);
  for (const r of graded) console.log(`  ${String(r.id).padEnd(10)} ${r.g.toFixed(1).padStart(5)}  ${r.text}`);
  for (const r of graded) assert.ok(r.text.length > 0, `care level ${r.id} has no action text`);
  const over = graded.filter((r) => r.g > MAX_ACTION_GRADE).map((r) => `${r.id} (${r.g.toFixed(1)})`);
  assert.deepEqual(over, [], `care actions above grade ${MAX_ACTION_GRADE}: ${over.join(', ')}`);
});
