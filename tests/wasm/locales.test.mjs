// Rules once, words per locale, through the wasm module: the English and Spanish bundles load with
// the same id and version, every scenario gives the CLI's result in each locale and the same
// decisions in both, and a state saved in one language restores in the other.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';

import { decisions } from '../cli/decisions.mjs';
import { bundle, cli, createEngine, driveScenario, root } from './module.mjs';

const folder = `${root}tests/scenarios`;
const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
const LOCALES = ['en', 'es'];

describe('every scenario decides the same in English and Spanish (wasm module)', () => {
  const engines = {};
  const loaded = {};
  before(async () => {
    for (const locale of LOCALES) {
      engines[locale] = await createEngine();
      loaded[locale] = JSON.parse(engines[locale].load(bundle(`content/${locale}`)));
    }
  });

  test('both bundles load: same id and version, their own locale and words', () => {
    for (const locale of LOCALES) {
      assert.equal(loaded[locale].ok, true, JSON.stringify(loaded[locale].error));
      assert.equal(loaded[locale].content.locale, locale);
    }
    assert.equal(loaded.es.content.id, loaded.en.content.id);
    assert.equal(loaded.es.content.version, loaded.en.content.version);
    assert.notEqual(loaded.es.content.title, loaded.en.content.title);
  });

  for (const file of files) {
    test(file.replace(/\.json$/, ''), () => {
      const scenario = JSON.parse(readFileSync(`${folder}/${file}`, 'utf8'));
      const results = {};
      for (const locale of LOCALES) {
        driveScenario(engines[locale], scenario);
        results[locale] = engines[locale].result();
        const fromCli = cli('assess', '--content', `content/${locale}`, '--answers', `tests/scenarios/${file}`);
        assert.equal(fromCli, `${results[locale]}\n`, `${locale}: the CLI and the wasm module disagree`);
      }
      assert.deepEqual(decisions(JSON.parse(results.es)), decisions(JSON.parse(results.en)));
      // The English session's saved state restores in Spanish, to the same place and result.
      const state = engines.en.state();
      const restored = JSON.parse(engines.es.restore(state));
      assert.ok(!restored.error, JSON.stringify(restored.error));
      assert.equal(engines.es.state(), state);
      assert.deepEqual(decisions(JSON.parse(engines.es.result())), decisions(JSON.parse(results.en)));
      // …and the words are Spanish.
      assert.notEqual(JSON.parse(engines.es.result()).care.title, JSON.parse(results.en).care.title);
    });
  }
});
