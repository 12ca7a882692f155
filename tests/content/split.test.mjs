// scripts/content/split.mjs: merging a locale back into full-format files and splitting them again
// gives the committed rules and words byte for byte (the script is re-runnable), a Spanish folder
// that changes a rule is refused, and the words follow the documented id paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { isWordField, readLocale, splitFile } from '../../scripts/content/words.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.join(root, 'scripts', 'content', 'split.mjs');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hipcheck-split-'));
test.after(() => fs.rmSync(scratch, { recursive: true, force: true }));
const read = (p) => fs.readFileSync(p, 'utf8');

test('merge then split gives the committed rules and words back, for every locale', () => {
  const content = path.join(scratch, 'content');
  for (const d of ['rules', 'en', 'es']) fs.cpSync(path.join(root, 'content', d), path.join(content, d), { recursive: true });
  for (const locale of ['en', 'es']) {
    const full = path.join(scratch, `${locale}-full`);
    execFileSync('node', [script, '--merge', locale, full, '--content', path.join(root, 'content')]);
    assert.equal(JSON.parse(read(path.join(full, 'meta.json'))).locale, locale);
    execFileSync('node', [script, full, locale, '--content', content]);
    assert.equal(read(path.join(content, locale, 'words.json')), read(path.join(root, 'content', locale, 'words.json')), `${locale}/words.json`);
  }
  for (const f of fs.readdirSync(path.join(root, 'content', 'rules'))) {
    assert.equal(read(path.join(content, 'rules', f)), read(path.join(root, 'content', 'rules', f)), `rules/${f}`);
  }
});

test('a Spanish folder that changes a rule is refused', () => {
  const full = path.join(scratch, 'es-changed');
  execFileSync('node', [script, '--merge', 'es', full]);
  const plan = JSON.parse(read(path.join(full, 'plan.json')));
  plan.weeks += 1;
  fs.writeFileSync(path.join(full, 'plan.json'), JSON.stringify(plan));
  const content = path.join(scratch, 'content-refuse');
  for (const d of ['rules', 'en', 'es']) fs.cpSync(path.join(root, 'content', d), path.join(content, d), { recursive: true });
  const run = spawnSync('node', [script, full, 'es', '--content', content], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /changes the rules[\s\S]*\/plan\/weeks/);
  assert.equal(read(path.join(content, 'es', 'words.json')), read(path.join(root, 'content', 'es', 'words.json')));
});

test('words are keyed by id paths; rules keep ids, values and rules', () => {
  const { rules, words } = splitFile('care', {
    levels: [{ id: 'urgent', title: 'T', action: 'A', where: 'W' }],
    flags: [{ id: 'hot_joint', level: 'urgent', when: { var: 'x' }, reason: 'R', sources: ['s'] }],
  });
  assert.deepEqual(rules, { levels: [{ id: 'urgent' }], flags: [{ id: 'hot_joint', level: 'urgent', when: { var: 'x' }, sources: ['s'] }] });
  assert.deepEqual(words, { 'care.levels.urgent.title': 'T', 'care.levels.urgent.action': 'A', 'care.levels.urgent.where': 'W', 'care.flags.hot_joint.reason': 'R' });
  // A stop's action ("end") is a rule, a care level's action is a word.
  assert.equal(isWordField('questionnaire', ['stops', 'emergency'], 'action'), false);
  assert.equal(isWordField('care', ['levels', 'urgent'], 'action'), true);
  const en = readLocale('en');
  assert.equal(en.meta.id, 'hipcheck');
  assert.deepEqual(readLocale('es').calculations, en.calculations);
});
