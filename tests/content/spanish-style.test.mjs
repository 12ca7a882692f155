// The Spanish words as a reader meets them: every text translated (none left in English), the
// reader addressed as tú throughout (not usted, and no vosotros, which only Spain uses), and the
// review record saying a native-speaking clinician has not yet reviewed the translation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { CONTENT_DIR } from '../../scripts/content/words.mjs';

const read = (locale) => JSON.parse(fs.readFileSync(path.join(CONTENT_DIR, locale, 'words.json'), 'utf8'));
const en = read('en');
const es = read('es');
const texts = (v) => (Array.isArray(v) ? v : [v]);

// Words that are the same in both languages (names, units, "No").
const SAME_IN_BOTH = new Set(['Hip', 'Check', 'Pelvis', 'No', 'km', 'Error', 'A4']);
const wordsOf = (s) => s.replace(/\{\{?[a-zA-Z_]+\}?\}/g, ' ').match(/\p{L}[\p{L}\d]*/gu) ?? [];

test('no Spanish text is left in English', () => {
  const untranslated = Object.keys(en).filter((k) => JSON.stringify(es[k]) === JSON.stringify(en[k]))
    .filter((k) => texts(en[k]).some((s) => wordsOf(s).some((w) => !SAME_IN_BOTH.has(w))));
  assert.deepEqual(untranslated, []);
});

test('the Spanish texts say tú: no usted, no vosotros', () => {
  // (word edges by letters, not \b: JavaScript's \b takes "ñ" and "á" for non-letters)
  const word = (w) => new RegExp(`(?<!\\p{L})(?:${w})(?!\\p{L})`, 'iu');
  const forms = [
    [word('ustedes|usted'), 'usted'],
    [word('vosotros|vosotras'), 'vosotros'],
    [word('\\p{L}+(?:áis|éis)'), 'a vosotros verb'],
    [word('os'), 'os'],
  ];
  const found = [];
  for (const [key, value] of Object.entries(es)) {
    for (const s of texts(value)) for (const [re, what] of forms) if (re.test(s)) found.push(`${key}: ${what} in "${s}"`);
  }
  assert.deepEqual(found, []);
  // …and the check does find them.
  assert.ok(forms.some(([re]) => re.test('Repasad lo que sabéis')));
  assert.ok(forms.some(([re]) => re.test('Si usted tiene dolor')));
});

test('meta.reviewed says the Spanish has not yet been reviewed by a native-speaking clinician', () => {
  const reviewed = `${es['meta.reviewed.by']} ${es['meta.reviewed.role']}`;
  assert.match(reviewed, /traducción al español aún no la ha revisado un profesional de la salud de habla hispana/);
  assert.match(es['meta.disclaimer'], /traducción al español/);
});
