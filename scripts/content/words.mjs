// Rules once, words per locale: which fields of a content file are words, and how a full-format
// file (the old content/en/<file>.json, all fields together) splits into rules and words and back.
// The engine has the same definition in C++ (wasm/engine/src/words.cpp); the validator fails when
// the two disagree (a word left in the rules, or a word the engine does not know as one).
//
// A word's key is its id path: the file name, then each object key, and for an array element its
// "id" (or its "value" for an option; its index when it has neither), joined with ".":
//   questionnaire.sections.pain.pages.pain_how.items.pain_severity.text
//   questionnaire.sections.about.pages.about_you.items.age.options.under18.label
//   care.flags.hot_joint.reason · tips.tips.ov_ease_back.because · ui.start.title (ui keys as written)
// A word's value is a string, or an array of strings (a lesson's body paragraphs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The word fields of each file (every string, or array of strings, under one of these keys).
export const WORD_KEYS = {
  questionnaire: ['title', 'intro', 'text', 'help', 'label', 'body', 'minLabel', 'maxLabel'],
  care: ['title', 'action', 'where', 'reason'],
  causes: ['label', 'summary', 'reason'],
  tips: ['label', 'text', 'because'],
  plan: ['title', 'intro', 'caveat', 'stopRule', 'text'],
  quiz: ['title', 'intro', 'text', 'label', 'feedback'],
  anatomy: ['name', 'description'],
  slides: ['title', 'intro', 'body', 'notes'],
  meta: ['title', 'disclaimer', 'by', 'role'], // and everything under meta.labels, and meta.locale
  calculations: [],
  sources: [],
};
// ui.json is all words (its keys are kept as written: "ui.start.title").
export const ALL_WORDS = new Set(['ui']);
// The reference locale: every other locale has exactly its keys, with the same placeholders.
export const REFERENCE = 'en';

const isWordValue = (v) => typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string'));

export function isWordField(file, trail, key) {
  if (ALL_WORDS.has(file)) return true;
  if (file === 'meta' && (trail[0] === 'labels' || (trail.length === 0 && key === 'locale'))) return true;
  return (WORD_KEYS[file] || []).includes(key);
}

function segmentOf(element, index) {
  if (element && typeof element === 'object' && !Array.isArray(element)) {
    if (typeof element.id === 'string') return element.id;
    if ('value' in element && (typeof element.value === 'string' || typeof element.value === 'number')) return String(element.value);
  }
  return String(index);
}

// Splits one full-format file into {rules, words}; words is {"file.path…": text}.
export function splitFile(file, doc) {
  const words = {};
  if (ALL_WORDS.has(file)) {
    for (const [k, v] of Object.entries(doc)) words[`${file}.${k}`] = v;
    return { rules: null, words };
  }
  const walk = (node, trail) => {
    if (Array.isArray(node)) {
      const seen = new Set();
      return node.map((el, i) => {
        const seg = segmentOf(el, i);
        if (seg.includes('.') || seen.has(seg)) throw new Error(`${file}.${trail.join('.')}: element "${seg}" cannot name a word path`);
        seen.add(seg);
        return walk(el, [...trail, seg]);
      });
    }
    if (!node || typeof node !== 'object') return node;
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      if (isWordField(file, trail, k) && isWordValue(v)) words[[file, ...trail, k].join('.')] = v;
      else out[k] = walk(v, [...trail, k]);
    }
    return out;
  };
  return { rules: walk(doc, []), words };
}

// Puts a locale's words back into the rules (the JavaScript twin of the engine's merge, for tools
// and tests). Throws on a key that does not resolve.
export function mergeWords(rules, words) {
  const bundle = structuredClone(rules);
  for (const [key, value] of Object.entries(words)) {
    const [file, ...segs] = key.split('.');
    if (ALL_WORDS.has(file)) {
      bundle[file] ??= {};
      bundle[file][segs.join('.')] = value;
      continue;
    }
    let node = bundle[file];
    const trail = [];
    for (const seg of segs.slice(0, -1)) {
      if (Array.isArray(node)) node = node.find((el, i) => segmentOf(el, i) === seg);
      else node = node && typeof node === 'object' ? node[seg] : undefined;
      if (node === undefined) throw new Error(`orphaned word ${key}`);
      trail.push(seg);
    }
    const last = segs[segs.length - 1];
    if (!node || typeof node !== 'object' || Array.isArray(node) || !isWordField(file, trail, last)) throw new Error(`orphaned word ${key}`);
    node[last] = value;
  }
  return bundle;
}

// Key order of the merged objects follows the rules, then the words; the full-format files put
// words first. For comparisons use canonical(), which sorts keys.
export function canonical(v) {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
  return v;
}

// JSON with small objects and arrays on one line (up to 100 columns), like the hand-written files.
const oneLine = (v) => {
  if (Array.isArray(v)) return `[${v.map(oneLine).join(', ')}]`;
  if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${oneLine(x)}`).join(', ')}}`;
  return JSON.stringify(v);
};
export function pretty(value, indent = '') {
  const flat = oneLine(value);
  if (value === null || typeof value !== 'object' || indent.length + flat.length <= 100) return flat;
  const inner = indent + '  ';
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + pretty(v, inner)).join(',\n')}\n${indent}]`;
  return `{\n${Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`).join(',\n')}\n${indent}}`;
}

// A locale's content as one bundle ({meta, questionnaire, …, ui}): content/rules merged with
// content/<locale>/words.json (what `hipcheck bundle content/<locale>` prints, without its checks).
export const CONTENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content');
const cache = new Map();
export function readLocale(locale = REFERENCE, dir = CONTENT_DIR) {
  const key = `${dir}\0${locale}`;
  if (!cache.has(key)) {
    const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
    const rules = {};
    for (const f of fs.readdirSync(path.join(dir, 'rules')).filter((n) => n.endsWith('.json')).sort()) {
      rules[f.slice(0, -5)] = readJson(path.join(dir, 'rules', f));
    }
    cache.set(key, mergeWords(rules, readJson(path.join(dir, locale, 'words.json'))));
  }
  return structuredClone(cache.get(key));
}

// The locales that have words (content/<locale>/words.json), the reference first.
export function locales(dir = CONTENT_DIR) {
  return fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'words.json')))
    .sort((a, b) => (a === REFERENCE ? -1 : b === REFERENCE ? 1 : a.localeCompare(b)));
}
