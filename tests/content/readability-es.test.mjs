// Reading level of the Spanish runner-facing text, per content file: INFLESZ (spanish.mjs; the
// scale of Barrio-Cantalejo et al. 2008: 40-55 "algo difícil", 55-65 "normal", 65-80 "bastante
// fácil", above 80 "muy fácil"), with the same intent as the English grade limit
// (readability.test.mjs: easy to read for a general audience): every file at least 65, "bastante
// fácil" (the English files are at grade 8 or below), and each care level's "what to do now" at
// least 70, a step easier (the English actions are at grade 6 or below).
// Figures for both languages: node tests/content/readability-report.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { contentFile } from './prose.mjs';
import { figures } from './readability-report.mjs';
import { cleanEs, counts, fernandezHuerta, inflesz, syllables } from './spanish.mjs';

const MIN_INFLESZ = 65;
const MIN_ACTION_INFLESZ = 70;

test('the Spanish syllable counter counts known words right', () => {
  const known = {
    casa: 2, perro: 2, cadera: 3, correr: 2, 'murciélago': 4, 'día': 2, 'país': 2, ciudad: 2, cuidado: 3,
    aeropuerto: 5, leer: 2, huevo: 2, guerra: 2, 'pingüino': 3, hoy: 1, muy: 1, y: 1, 'rehúso': 3,
    'oído': 3, caerse: 3, fisioterapeuta: 6, 'río': 2, poeta: 3, 'tendón': 2, 'músculo': 3, 'quién': 1,
    que: 1, guitarra: 3, 'ahí': 2, ya: 1, rey: 1, construir: 2, 'Uruguay': 3, 'Cuádriceps': 3,
    'fémur': 2, 'inflamación': 4, 'zapatillas': 4, 'semanas': 3, 'dolor': 2, 'ingle': 2,
  };
  const wrong = Object.entries(known).filter(([w, n]) => syllables(w) !== n).map(([w, n]) => `${w}: ${syllables(w)} ≠ ${n}`);
  assert.deepEqual(wrong, []);
});

test('INFLESZ and Fernández-Huerta follow their formulas', () => {
  // 2 sentences, 8 words, 12 syllables ("El", "pe-rro", "co-rre." / "La", "ca-sa", "es", "muy", "gran-de.")
  const text = 'El perro corre. La casa es muy grande.';
  assert.deepEqual(counts(text), { words: 8, sentences: 2, syllables: 12 });
  assert.ok(Math.abs(inflesz(text) - (206.835 - 62.3 * 12 / 8 - 4)) < 1e-9);
  assert.ok(Math.abs(fernandezHuerta(text) - (206.84 - 0.6 * 150 - 1.02 * 4)) < 1e-9);
  // Long words in one long sentence read harder than short words in short sentences.
  assert.ok(inflesz('La inflamación articular persistente necesita una valoración especializada inmediatamente.') < inflesz(text));
  assert.equal(cleanEs('Sí'), 'Sí.');
  assert.equal(cleanEs('Tienes {{age}} años'), 'Tienes años.');
});

test(`every Spanish runner-facing content file reads at INFLESZ ${MIN_INFLESZ} or above`, () => {
  const rows = figures('es');
  assert.ok(rows.length >= 8, 'the Spanish content has its runner-facing files');
  console.log(`INFLESZ per file (at least ${MIN_INFLESZ}), Fernández-Huerta beside it:`);
  for (const r of rows) console.log(`  ${r.file.padEnd(14)} ${r.inflesz.toFixed(1).padStart(5)}  ${r.fernandezHuerta.toFixed(1).padStart(5)}  (${r.words} words)`);
  const low = rows.filter((r) => r.inflesz < MIN_INFLESZ).map((r) => `${r.file} (${r.inflesz.toFixed(1)})`);
  assert.deepEqual(low, [], `files below INFLESZ ${MIN_INFLESZ}`);
});

test(`each Spanish care level's "what to do now" reads at INFLESZ ${MIN_ACTION_INFLESZ} or above`, () => {
  const care = contentFile('care', 'es');
  for (const level of care.levels) {
    const score = inflesz(cleanEs(level.action));
    console.log(`  ${level.id.padEnd(10)} ${score.toFixed(1).padStart(5)}  ${level.action}`);
    assert.ok(score >= MIN_ACTION_INFLESZ, `${level.id}: INFLESZ ${score.toFixed(1)}`);
  }
});
