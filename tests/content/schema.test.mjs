// Every content file matches its JSON Schema, and every schema example passes or fails as named.
// Run: node --test tests/content/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

import { locales, readLocale } from '../../scripts/content/words.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schemaDir = path.join(root, 'content', 'schema');
const examplesDir = path.join(schemaDir, 'examples');
// Each locale's files as the engine sees them: content/rules merged with content/<locale>/words.json.
const contentFiles = (locale = 'en') => readLocale(locale);

const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, discriminator: true });
const schemaFiles = fs.readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort();
for (const f of schemaFiles) ajv.addSchema(readJson(path.join(schemaDir, f)), f);

const validator = (name) => {
  const v = ajv.getSchema(`${name}.schema.json`);
  assert.ok(v, `no schema for ${name}.json`);
  return v;
};
const explain = (v) => (v.errors || []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');

// The content files (README "Files"); ui.json is optional and owned by the web page.
const CONTENT_FILES = ['meta', 'questionnaire', 'calculations', 'care', 'causes', 'tips', 'sources', 'plan', 'anatomy', 'quiz', 'slides', 'ui'];
const REQUIRED_FILES = ['meta', 'questionnaire', 'calculations', 'care', 'causes', 'tips', 'sources', 'plan'];

test('every content file has a schema', () => {
  for (const name of CONTENT_FILES) assert.ok(schemaFiles.includes(`${name}.schema.json`), `${name}.schema.json is missing`);
});

test('the required content files exist', () => {
  for (const locale of locales()) for (const name of REQUIRED_FILES) assert.ok(name in contentFiles(locale), `content ${locale}: ${name}.json is missing`);
});

for (const locale of locales()) {
  for (const [name, doc] of Object.entries(contentFiles(locale))) {
    test(`content ${locale}: ${name}.json matches its schema`, () => {
      const v = validator(name);
      assert.ok(v(doc), explain(v));
    });
  }
}

for (const name of fs.readdirSync(examplesDir).sort()) {
  const files = fs.readdirSync(path.join(examplesDir, name)).filter((f) => f.endsWith('.json')).sort();
  test(`${name} schema examples: at least one must pass and one must fail`, () => {
    assert.ok(files.some((f) => f.startsWith('pass-')), `${name}: no pass-*.json example`);
    assert.ok(files.some((f) => f.startsWith('fail-')), `${name}: no fail-*.json example`);
    for (const f of files) assert.match(f, /^(pass|fail)-[a-z0-9-]+\.json$/, `${name}/${f}: name it pass-… or fail-…`);
  });
  for (const f of files) {
    const shouldPass = f.startsWith('pass-');
    test(`${name}/${f} ${shouldPass ? 'passes' : 'fails'} the schema`, () => {
      const v = validator(name);
      const ok = v(readJson(path.join(examplesDir, name, f)));
      if (shouldPass) assert.ok(ok, explain(v));
      else assert.equal(ok, false, `${name}/${f} was accepted`);
    });
  }
}

// What a JSON Schema cannot say about pages and stops (the engine's validator checks these too).
test('questionnaire: page ids are unique and differ from item ids; stops name care levels', () => {
  const q = contentFiles().questionnaire;
  const pages = q.sections.flatMap((s) => s.pages);
  const pageIds = pages.map((p) => p.id);
  const itemIds = pages.flatMap((p) => p.items.map((it) => it.id));
  assert.equal(new Set(pageIds).size, pageIds.length, 'a page id is used twice');
  assert.equal(new Set(itemIds).size, itemIds.length, 'an item id is used twice');
  const clash = pageIds.filter((id) => itemIds.includes(id));
  assert.deepEqual(clash, [], 'page ids that are also item ids');
  assert.ok(!itemIds.includes('settings') && !pageIds.includes('settings'), '"settings" is reserved');
  const levels = contentFiles().care.levels.map((l) => l.id);
  const stops = q.stops ?? [];
  assert.equal(new Set(stops.map((s) => s.id)).size, stops.length, 'a stop id is used twice');
  for (const s of stops) assert.ok(levels.includes(s.level), `stop ${s.id}: unknown level ${s.level}`);
  assert.ok(stops.some((s) => s.level === 'emergency' && s.action === 'end'), 'an emergency answer must end the check');
  assert.ok(stops.some((s) => s.level === 'urgent' && s.action === 'notice'), 'an urgent answer must show the notice');
});

test('every red-flag and low-energy question cites a known source', () => {
  const q = contentFiles().questionnaire;
  const sources = new Set(contentFiles().sources.map((s) => s.id));
  const flagged = q.sections.flatMap((s) => s.pages.flatMap((p) => p.items)).filter((it) => /^(rf|le)_/.test(it.id));
  assert.ok(flagged.length >= 19, `only ${flagged.length} red-flag questions`);
  for (const it of flagged) {
    assert.ok(it.sources?.length > 0, `${it.id} cites no source`);
    for (const s of it.sources) assert.ok(sources.has(s), `${it.id}: unknown source ${s}`);
  }
});
