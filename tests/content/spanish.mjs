// Spanish readability: a syllable counter and the two usual measures, INFLESZ (Szigriszt-Pazos
// perspicuity, on the scale of Barrio-Cantalejo et al. 2008, made for patient information in
// Spanish) and Fernández-Huerta. No npm package fits (the one Spanish syllabifier on the registry
// splits words but gives no readability measure), so this is a small tested implementation.
//
// INFLESZ = 206.835 − 62.3 × syllables/words − words/sentences
//   < 40 very hard · 40–55 somewhat hard · 55–65 normal · 65–80 fairly easy · > 80 very easy
// Fernández-Huerta = 206.84 − 0.60 × syllables per 100 words − 1.02 × words/sentence
//   (as corrected by Law 2011: the often-quoted "− 1.02 × sentences per 100 words" makes shorter
//   sentences harder). 60–70 normal (about grade 8), 70–80 fairly easy, 80–90 easy.

const STRONG = new Set(['a', 'e', 'o', 'á', 'é', 'ó', 'í', 'ú']); // an accented i or u stands alone
const VOWEL = /[aeiouáéíóúü]/;

// Syllables of one Spanish word: one per vowel nucleus. Two vowels side by side share a syllable
// (a diphthong) unless both are strong (a, e, o, or an accented vowel: a hiatus, "le-er", "dí-a").
// "u" is silent in que/qui/gue/gui; a final "y" after a vowel closes a diphthong ("hoy", "muy").
export function syllables(word) {
  let w = word.toLowerCase().normalize('NFC').replace(/[^a-záéíóúüñ]/g, '');
  if (!w) return 0;
  if (w === 'y') return 1;
  w = w.replace(/([qg])u(?=[eiéí])/g, '$1').replace(/y$/, 'i').replace(/y(?=[^aeiouáéíóúü]|$)/g, 'i');
  let count = 0;
  let prev = null; // the previous letter when it was a vowel
  for (const ch of w) {
    if (!VOWEL.test(ch)) {
      prev = null;
      continue;
    }
    if (prev === null || (STRONG.has(prev) && STRONG.has(ch)) || prev === ch) count += 1;
    prev = ch;
  }
  return Math.max(count, 1);
}

// A number read aloud has about two syllables ("dos", "dieciocho" averages out); a token with no
// letter or digit is not a word.
const tokenSyllables = (t) => (/[a-záéíóúüñ]/i.test(t) ? syllables(t) : 2);

export function counts(text) {
  const words = text.split(/\s+/).filter((t) => /[a-záéíóúüñ0-9]/i.test(t));
  const sentences = Math.max(1, (text.match(/[.!?…]+(?=\s|$|["')\]»])/g) || []).length);
  const syll = words.reduce((n, t) => n + tokenSyllables(t), 0);
  return { words: words.length, sentences, syllables: syll };
}

export function inflesz(text) {
  const c = counts(text);
  if (!c.words) return null;
  return 206.835 - 62.3 * (c.syllables / c.words) - c.words / c.sentences;
}

export function fernandezHuerta(text) {
  const c = counts(text);
  if (!c.words) return null;
  return 206.84 - 0.6 * (100 * c.syllables / c.words) - 1.02 * (c.words / c.sentences);
}

// {placeholders} are left out and a label gets a full stop (as prose.mjs clean() does for English).
export function cleanEs(s) {
  let t = s.replace(/\{\{[a-z0-9_]+\}\}/g, '').replace(/\{[A-Za-z_.]+\}/g, '').replace(/%/g, ' por ciento');
  t = t.replace(/\s+/g, ' ').trim();
  if (t && !/[.!?…]["')\]»]?$/.test(t)) t += '.';
  return t;
}
