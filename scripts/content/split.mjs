#!/usr/bin/env node
// Splits a full-format content folder (every field together, as content/en was before locales:
// meta.json, questionnaire.json, …, ui.json) into the rules kept once (content/rules/*.json) and
// one locale's words (content/<locale>/words.json). See content/README.md, "Locales".
//
//   node scripts/content/split.mjs FULL_DIR en       rewrites content/rules/ and content/en/words.json
//   node scripts/content/split.mjs FULL_DIR es       writes content/es/words.json; fails (and writes
//                                                    nothing) if FULL_DIR's rules differ from content/rules
//   node scripts/content/split.mjs --merge es OUT    writes content/rules + content/es/words.json back
//                                                    as a full-format folder OUT (for translators, diffs)
//
// Options: --content DIR (default: the repository's content/). Re-running it on the same input
// gives the same files. meta.id loses its "-<locale>" suffix: the content id is the same in every
// locale, so a saved state or share link works across languages.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ALL_WORDS, REFERENCE, canonical, mergeWords, pretty, splitFile } from './words.mjs';

const args = process.argv.slice(2);
let contentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content');
const ci = args.indexOf('--content');
if (ci >= 0) {
  contentDir = path.resolve(args[ci + 1]);
  args.splice(ci, 2);
}
const rulesDir = path.join(contentDir, 'rules');
const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const fail = (msg) => {
  console.error(`split: ${msg}`);
  process.exit(1);
};

export function readRules(dir = rulesDir) {
  const rules = {};
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) rules[f.slice(0, -5)] = readJson(path.join(dir, f));
  return rules;
}

// Paths (JSON pointers) where two values differ, at most `limit`.
function differences(a, b, at = '', out = [], limit = 20) {
  if (out.length >= limit) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) differences(a[k], b[k], `${at}/${k}`, out, limit);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(`${at || '/'}: ${JSON.stringify(a)?.slice(0, 60)} ≠ ${JSON.stringify(b)?.slice(0, 60)}`);
  }
  return out;
}

function split(fullDir, locale) {
  const full = {};
  for (const f of fs.readdirSync(fullDir).filter((n) => n.endsWith('.json') && n !== 'words.json').sort()) {
    full[f.slice(0, -5)] = readJson(path.join(fullDir, f));
  }
  if (!full.meta) fail(`${fullDir} has no meta.json: not a full-format folder`);
  if (full.meta.locale !== locale) fail(`${fullDir}/meta.json says locale "${full.meta.locale}", not "${locale}"`);
  if (typeof full.meta.id === 'string') full.meta.id = full.meta.id.replace(new RegExp(`-${locale}$`), '');
  const rules = {};
  const words = {};
  for (const [file, doc] of Object.entries(full)) {
    const part = splitFile(file, doc);
    if (!ALL_WORDS.has(file)) rules[file] = part.rules;
    Object.assign(words, part.words);
  }
  const back = mergeWords(rules, words);
  const lost = differences(canonical(full), canonical(back));
  if (lost.length) fail(`the split does not give the folder back:\n  ${lost.join('\n  ')}`);

  if (locale === REFERENCE) {
    fs.mkdirSync(rulesDir, { recursive: true });
    for (const f of fs.readdirSync(rulesDir)) if (f.endsWith('.json') && !(f.slice(0, -5) in rules)) fs.rmSync(path.join(rulesDir, f));
    for (const [file, doc] of Object.entries(rules)) fs.writeFileSync(path.join(rulesDir, `${file}.json`), `${pretty(doc)}\n`);
  } else {
    const diff = differences(canonical(readRules()), canonical(rules));
    if (diff.length) fail(`${fullDir} changes the rules (only words may differ between locales):\n  ${diff.join('\n  ')}`);
  }
  const out = path.join(contentDir, locale);
  fs.mkdirSync(out, { recursive: true });
  // Keys keep the order of the words.json already there (new keys after it, in document order),
  // so that a re-run changes only what changed.
  const wordsFile = path.join(out, 'words.json');
  const previous = fs.existsSync(wordsFile) ? Object.keys(readJson(wordsFile)) : [];
  const order = [...previous.filter((k) => k in words), ...Object.keys(words).filter((k) => !previous.includes(k))];
  fs.writeFileSync(wordsFile, `${pretty(Object.fromEntries(order.map((k) => [k, words[k]])))}\n`);
  console.log(`split: ${Object.keys(words).length} words → ${path.relative(process.cwd(), path.join(out, 'words.json'))}` +
    (locale === REFERENCE ? `; ${Object.keys(rules).length} rules files → ${path.relative(process.cwd(), rulesDir)}` : ''));
}

function merge(locale, outDir) {
  const bundle = mergeWords(readRules(), readJson(path.join(contentDir, locale, 'words.json')));
  fs.mkdirSync(outDir, { recursive: true });
  for (const [file, doc] of Object.entries(bundle)) fs.writeFileSync(path.join(outDir, `${file}.json`), `${pretty(doc)}\n`);
  console.log(`merge: ${Object.keys(bundle).length} files → ${outDir}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (args[0] === '--merge' && args.length === 3) merge(args[1], path.resolve(args[2]));
  else if (args.length === 2 && !args[0].startsWith('-')) split(path.resolve(args[0]), args[1]);
  else fail('usage: split.mjs FULL_DIR LOCALE [--content DIR] | split.mjs --merge LOCALE OUT_DIR [--content DIR]');
}
