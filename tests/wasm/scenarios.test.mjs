// Every runner in tests/scenarios/ goes through the wasm module page by page and through the
// native CLI (`hipcheck assess` and `hipcheck walk`); both must give the expected care level, top
// cause, tips, plan and stop (the stop that ended the check, or a notice shown on the way), and
// the same result byte for byte, along the same pages.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';

import { bundle, cli, createEngine, driveScenario, root } from './module.mjs';

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
      const { page, path, answers, lessons } = driveScenario(engine, scenario);
      assert.ok(['complete', 'stopped'].includes(page.status), `the answers stop at ${page.page?.id}`);
      const fromWasm = engine.result();
      const fromCli = cli('assess', '--content', 'content/en', '--answers', `tests/scenarios/${file}`);
      assert.equal(fromCli, `${fromWasm}\n`, 'the CLI and the wasm module disagree');
      const walk = JSON.parse(cli('walk', '--content', 'content/en', '--answers', `tests/scenarios/${file}`));
      assert.deepEqual(walk.path, path, 'the CLI and the wasm module take different pages');
      assert.equal(walk.pages, path.length);
      assert.equal(walk.answers, answers);
      assert.equal(walk.lessons, lessons);
      assert.equal(walk.status, page.status);

      const result = JSON.parse(fromWasm);
      const { expect } = scenario;
      assert.equal(result.care.level, expect.care);
      if (expect.topCause) assert.equal(result.causes[0]?.id, expect.topCause);
      const tips = result.tips.map((t) => t.id);
      for (const tip of expect.tips ?? []) assert.ok(tips.includes(tip), `tip ${tip} missing from ${tips.join(', ')}`);
      if (expect.noPlan) assert.equal(result.plan, null, 'a plan is offered');
      // expect.stop: the stop that ended the check, or a notice shown on the way (stopChoice
      // "continue"); a check that ended at a stop must say which.
      const notices = path.filter((p) => p.startsWith('notice:')).map((p) => p.slice('notice:'.length));
      if (expect.stop) {
        assert.ok(result.stop?.id === expect.stop || notices.includes(expect.stop),
          `stop ${expect.stop} neither ended the check (${result.stop?.id}) nor showed (${notices.join(', ')})`);
      }
      if (result.stop) {
        assert.equal(result.stop.id, expect.stop, `the check ended at ${result.stop.id}`);
        assert.equal(page.status, 'stopped');
        assert.equal(walk.stop, result.stop.id);
      }
      if (result.stop && page.status === 'stopped' && result.care.level === 'emergency') {
        assert.deepEqual([result.causes, result.tips, result.plan], [[], [], null]);
      }
    });
  }
});
