// The text a runner reads in the content files, shared by the readability and article tests.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import readability from 'text-readability';

import { readLocale } from '../../scripts/content/words.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// A content file of a locale as the engine sees it (content/rules merged with the locale's
// words), or undefined when there is no such file.
export const contentFile = (name, locale = 'en') => readLocale(locale)[name];
export const hasContentFile = (name, locale = 'en') => name in readLocale(locale);

// The keys whose string values a runner reads. Ids, rules, option values, unit codes and
// source references are not prose and are left out; so are sources.json (titles of papers)
// and calculations.json (descriptions for authors).
const PROSE_KEYS = new Set([
  'title', 'intro', 'text', 'help', 'label', 'body', 'minLabel', 'maxLabel',
  'reason', 'because', 'summary', 'action', 'where', 'feedback', 'disclaimer',
  'caveat', 'stopRule', 'name', 'description',
]);
// ui.json is the page's own strings (buttons, headings, messages): every value is read.
export const RUNNER_FILES = ['meta', 'questionnaire', 'care', 'causes', 'tips', 'plan', 'anatomy', 'quiz', 'slides', 'ui'];
const SKIP = { meta: new Set(['reviewed', 'labels']) };

export function proseOf(value, file, out = [], key = null) {
  if (typeof value === 'string') {
    if (file === 'ui' || (key && PROSE_KEYS.has(key))) out.push(value);
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


// The prose of one content file, or [] when the file does not exist.
// (locale is ignored unless a string: proseOfFile is passed to flatMap.)
export function proseOfFile(file, locale = 'en') {
  if (typeof locale !== 'string') locale = 'en';
  return hasContentFile(file, locale) ? proseOf(contentFile(file, locale), file) : [];
}
