// Every runner in tests/scenarios/ goes through the wasm module page by page and through the
// native CLI; both must give the expected care level, top cause and tips, byte for byte the same.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';

import { bundle, cli, createEngine, drive, root } from './module.mjs';

const folder = `${root}tests/scenarios`;
const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();

describe('scenarios through the CLI and the wasm module', () => {
  let engine;
  before(async () => {
    engine = await createEngine();
    assert.equal(JSON.parse(engine.load(bundle())).ok, true);
  });

  test('there are at least twelve scenarios', () => assert.ok(files.length >= 12, `${files.length} found`));

  for (const file of files) {
    test(file.replace(/\.json$/, ''), () => {
      const scenario = JSON.parse(readFileSync(`${folder}/${file}`, 'utf8'));
      engine.start();
      const { page } = drive(engine, scenario.answers);
      assert.equal(page.status, 'complete', `the answers stop at ${page.item?.id}`);
      const fromWasm = engine.result();
      const fromCli = cli('assess', '--content', 'content/en', '--answers', `tests/scenarios/${file}`);
      assert.equal(fromCli, `${fromWasm}\n`, 'the CLI and the wasm module disagree');
      const result = JSON.parse(fromWasm);
      const { expect } = scenario;
      assert.equal(result.care.level, expect.care);
      if (expect.topCause) assert.equal(result.causes[0].id, expect.topCause);
      const tips = result.tips.map((t) => t.id);
      for (const tip of expect.tips ?? []) assert.ok(tips.includes(tip), `tip ${tip} missing from ${tips.join(', ')}`);
    });
  }
});
