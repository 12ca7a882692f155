// Rules once, words per locale: every scenario gives the same decisions in English and Spanish
// through the CLI (tests/wasm/locales.test.mjs does the same through the wasm module), and the
// validator rejects a Spanish folder with a missing, an orphaned or a mismatched string, each with
// its id path.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { decisions } from './decisions.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hipcheck = (...args) => spawnSync(`${root}build/native/hipcheck`, args, { encoding: 'utf8', cwd: root });
const scenarioDir = `${root}tests/scenarios`;
const scenarios = readdirSync(scenarioDir).filter((f) => f.endsWith('.json')).sort();
const LOCALES = ['en', 'es'];

const scratch = mkdtempSync(join(tmpdir(), 'hipcheck-locales-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('every scenario decides the same in every locale (CLI)', () => {
  test('there are scenarios to run', () => assert.ok(scenarios.length >= 12));
  for (const file of scenarios) {
    test(file.replace(/\.json$/, ''), () => {
      const out = {};
      for (const locale of LOCALES) {
        const run = hipcheck('assess', '--content', `content/${locale}`, '--answers', `tests/scenarios/${file}`);
        assert.equal(run.status, 0, run.stderr);
        out[locale] = JSON.parse(run.stdout);
        const walk = hipcheck('walk', '--content', `content/${locale}`, '--answers', `tests/scenarios/${file}`);
        out[`${locale}-walk`] = JSON.parse(walk.stdout);
      }
      assert.deepEqual(decisions(out.es), decisions(out.en));
      assert.deepEqual(out['es-walk'], out['en-walk']);
      // …and the words are the locale's own: the care title is translated.
      assert.notEqual(out.es.care.title, out.en.care.title);
    });
  }
});

// A copy of content/rules, en and es, with the Spanish words changed by `edit`.
function spanishWith(name, edit) {
  const folder = join(scratch, name);
  for (const d of ['rules', 'en', 'es']) cpSync(`${root}content/${d}`, join(folder, d), { recursive: true });
  const file = join(folder, 'es', 'words.json');
  writeFileSync(file, JSON.stringify(edit(JSON.parse(readFileSync(file, 'utf8'))), null, 2));
  return join(folder, 'es');
}

describe('hipcheck validate and bundle with locales', () => {
  test('validate passes English and Spanish with the same version', () => {
    const versions = LOCALES.map((locale) => {
      const run = hipcheck('validate', `content/${locale}`);
      assert.equal(run.status, 0, run.stderr);
      return run.stdout.match(/version ([0-9a-f]{16})/)[1];
    });
    assert.equal(versions[0], versions[1]);
  });

  test('bundle merges the rules with the locale\'s words', () => {
    const en = JSON.parse(hipcheck('bundle', 'content/en').stdout);
    const es = JSON.parse(hipcheck('bundle', 'content/es').stdout);
    assert.equal(en.meta.locale, 'en');
    assert.equal(es.meta.locale, 'es');
    assert.equal(es.meta.id, en.meta.id);
    assert.deepEqual(Object.keys(es).sort(), Object.keys(en).sort());
    assert.deepEqual(es.calculations, en.calculations);
    assert.equal(es.ui['start.title'] !== en.ui['start.title'], true);
  });

  test('a missing, an orphaned and a mismatched Spanish string are each reported with its path', () => {
    const missing = 'care.flags.hot_joint.reason';
    const orphan = 'tips.tips.no_such_tip.because';
    const mismatched = 'ui.title.page';
    const folder = spanishWith('broken', (w) => {
      assert.ok(missing in w && mismatched in w);
      delete w[missing];
      w[orphan] = 'Un consejo que ya no existe.';
      w[mismatched] = '{pagina} - {service}';
      return w;
    });
    const run = hipcheck('validate', folder);
    assert.equal(run.status, 1);
    assert.match(run.stderr, new RegExp(`content\\.words\\.missing at ${missing.replace(/\./g, '\\.')}: es/words\\.json has no text for`));
    assert.match(run.stderr, new RegExp(`content\\.words\\.orphaned at ${orphan.replace(/\./g, '\\.')}:`));
    assert.match(run.stderr, new RegExp(`content\\.words\\.placeholder at ${mismatched.replace(/\./g, '\\.')}: the placeholders are \\{pagina\\} \\{service\\}, the English ones \\{page\\} \\{service\\}`));
    assert.match(run.stderr, /3 problems found\n$/);
    assert.equal(hipcheck('bundle', folder).status, 1);
  });

  test('a word written into the rules is reported', () => {
    const folder = spanishWith('in-rules', (w) => w);
    const care = join(folder, '..', 'rules', 'care.json');
    const doc = JSON.parse(readFileSync(care, 'utf8'));
    doc.flags[0].reason = 'A reason in the rules.';
    writeFileSync(care, JSON.stringify(doc));
    const run = hipcheck('validate', folder);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /content\.words\.in-rules at rules\/care\/flags\/0\/reason/);
  });
});
