#!/usr/bin/env node
// Prints the reading level of the runner-facing text per content file, for every locale:
// English as the Flesch-Kincaid grade (limit 8), Spanish as INFLESZ (at least 65, "bastante fácil") with
// Fernández-Huerta beside it. The limits are checked by readability.test.mjs and
// readability-es.test.mjs. Run: node tests/content/readability-report.mjs
import { fileURLToPath } from 'node:url';

import { RUNNER_FILES, clean, grade, hasContentFile, proseOfFile } from './prose.mjs';
import { cleanEs, counts, fernandezHuerta, inflesz } from './spanish.mjs';

export function figures(locale) {
  const rows = [];
  for (const file of RUNNER_FILES) {
    if (!hasContentFile(file, locale)) continue;
    if (locale === 'es') {
      const strings = proseOfFile(file, 'es').map(cleanEs).filter(Boolean);
      const text = strings.join(' ');
      rows.push({ file, strings, words: counts(text).words, inflesz: inflesz(text), fernandezHuerta: fernandezHuerta(text) });
    } else {
      const strings = proseOfFile(file, locale).map(clean).filter(Boolean);
      rows.push({ file, strings, grade: grade(strings.join(' ')) });
    }
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log('English (en): Flesch-Kincaid grade, limit 8 (care actions 6)');
  for (const r of figures('en')) console.log(`  ${r.file.padEnd(14)} grade ${r.grade.toFixed(1).padStart(5)}   (${r.strings.length} strings)`);
  console.log('Spanish (es): INFLESZ, at least 65 = "bastante fácil" (care actions 70); Fernández-Huerta beside it');
  for (const r of figures('es')) {
    console.log(`  ${r.file.padEnd(14)} INFLESZ ${r.inflesz.toFixed(1).padStart(5)}   Fernández-Huerta ${r.fernandezHuerta.toFixed(1).padStart(5)}   (${r.strings.length} strings, ${r.words} words)`);
  }
}
