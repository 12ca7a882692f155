// The native `hipcheck` tool as a content author uses it: exit codes and exact messages.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hipcheck = (...args) => spawnSync(`${root}build/native/hipcheck`, args, { encoding: 'utf8', cwd: root });

const scratch = mkdtempSync(join(tmpdir(), 'hipcheck-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

// A copy of the test questionnaire with one file changed by `edit`.
function contentWith(name, file, edit) {
  const folder = join(scratch, name);
  cpSync(`${root}tests/engine/fixture`, folder, { recursive: true });
  const path = join(folder, `${file}.json`);
  writeFileSync(path, JSON.stringify(edit(JSON.parse(readFileSync(path, 'utf8'))), null, 2));
  return folder;
}

describe('hipcheck validate', () => {
  test('passes the shipped English content with a one-line summary', () => {
    const run = hipcheck('validate', 'content/en');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^content\/en: ok — \d+ questions, [6-9] lessons, \d+ calculations, \d+ red flags, \d+ tips, \d+ quiz questions, \d+ sources \(version [0-9a-f]{16}\)\n$/);
  });

  test('catches a duplicate id with its JSON path', () => {
    const folder = contentWith('duplicate', 'tips', (t) => {
      t.tips[1].id = t.tips[0].id;
      return t;
    });
    const run = hipcheck('validate', folder);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, 'content.id.duplicate at /tips/tips/1/id: id "rest_first" is used twice\n1 problem found\n');
  });

  test('catches a dangling reference with its JSON path', () => {
    const folder = contentWith('dangling', 'causes', (c) => {
      c.causes[0].factors[0].when = { '>': [{ var: 'weekly_change' }, 30] };
      return c;
    });
    const run = hipcheck('validate', folder);
    assert.equal(run.status, 1);
    assert.equal(
      run.stderr,
      'content.ref.unknown at /causes/causes/0/factors/0/when: the rule reads "weekly_change", which is not an item or a calculation\n1 problem found\n',
    );
  });

  test('catches a cycle between calculated values with its JSON path', () => {
    const folder = contentWith('cycle', 'calculations', (c) => {
      c[2].rule = { var: 'substantial' };
      c[3].rule = { '>=': [{ var: 'severity' }, 17] };
      return c;
    });
    const run = hipcheck('validate', folder);
    assert.equal(run.status, 1);
    assert.equal(
      run.stderr,
      'content.calc.cycle at /calculations/2/rule: the calculations read each other in a circle: severity → substantial → severity\n1 problem found\n',
    );
  });

  test('reports a syntax error with file, line and column', () => {
    const run = hipcheck('validate', 'tests/engine/broken');
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^json\.syntax at \/meta: meta\.json line 3, column 13: /);
  });
});

describe('hipcheck logic', () => {
  test('prints the result as JSON', () => {
    const run = hipcheck('logic', '{"if": [{">": [{"var": "km"}, 30]}, "long", "short"]}', '{"km": 42}');
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '"long"\n');
    assert.equal(hipcheck('logic', '{"+": [1, 2]}').stdout, '3\n');
  });

  test('an unknown operator, a malformed rule or a deep rule is an error, not a crash', () => {
    const unknown = hipcheck('logic', '{"and": [true, {"xor": [1, 2]}]}');
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /^error: logic\.op\.unknown at \/and\/1: /);
    const malformed = hipcheck('logic', '{"and": [true,');
    assert.equal(malformed.status, 1);
    assert.match(malformed.stderr, /^error: the rule is not valid JSON at line 1, column 15: /);
    const deep = hipcheck('logic', '{"!":'.repeat(10000) + 'true' + '}'.repeat(10000));
    assert.equal(deep.status, 1);
    assert.match(deep.stderr, /^error: logic\.too-deep/);
  });
});

describe('hipcheck assess', () => {
  test('refuses an answers file that names an unknown question', () => {
    const file = join(scratch, 'answers.json');
    writeFileSync(file, JSON.stringify({ units: 'km', shoe_colour: 'red' }));
    const run = hipcheck('assess', '--content', 'tests/engine/fixture', '--answers', file);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^answer\.item\.unknown at \/shoe_colour: /);
  });

  test('refuses an out-of-range answer with its error id', () => {
    const file = join(scratch, 'range.json');
    writeFileSync(file, JSON.stringify({ units: 'km', fall: false, night_pain: false, has_pain: false, weekly_now: 900 }));
    const run = hipcheck('assess', '--content', 'tests/engine/fixture', '--answers', file);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, 'answer.range at /weekly_now: Enter a number from 0 to 300.\n1 problem found\n');
  });
});
