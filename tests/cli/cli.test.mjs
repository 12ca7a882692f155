// The native `hipcheck` tool as a content author uses it: exit codes and exact messages; `assess`
// and `walk` replay a scenario page by page.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
    assert.match(run.stdout, /^content\/en: ok — \d+ questions, [1-9] lessons, \d+ calculations, \d+ red flags, \d+ tips, \d+ quiz questions, \d+ sources \(version [0-9a-f]{16}\)\n$/);
  });

  test('refuses a calculation that runs out of its work budget (issue 12), with its path', () => {
    // 170 bytes: reduce over 30 items, merging the accumulator with itself.
    const rule = { reduce: [Array.from({ length: 30 }, (_, i) => i), { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [1]] };
    assert.ok(JSON.stringify(rule).length <= 170);
    const folder = contentWith('budget', 'calculations', (c) => [...c, { id: 'boom', rule }]);
    const run = hipcheck('validate', folder);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^logic\.budget at \/calculations\/5\/rule\/reduce[^ ]* .*\n1 problem found\n$/);
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

  test('catches a rule that reads an item on its own page', () => {
    const folder = contentWith('same-page', 'questionnaire', (q) => {
      q.sections[1].pages[0].items[1].enableWhen = { var: 'fall' };
      return q;
    });
    const run = hipcheck('validate', folder);
    assert.equal(run.status, 1);
    assert.equal(
      run.stderr,
      'content.ref.forward at /questionnaire/sections/1/pages/0/items/1/enableWhen: "night_pain" depends on "fall", which is asked on the same page or later\n1 problem found\n',
    );
  });

  test('catches a lesson that shares its page', () => {
    const folder = contentWith('lesson-page', 'questionnaire', (q) => {
      q.sections[3].pages[0].items.push({ id: 'extra', type: 'yesno', text: 'Extra?' });
      return q;
    });
    const run = hipcheck('validate', folder);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, 'content.page.lesson at /questionnaire/sections/3/pages/0/items: a lesson stands alone on its page\n1 problem found\n');
  });

  test('catches a stop with an unknown care level', () => {
    const folder = contentWith('stop-level', 'questionnaire', (q) => {
      q.stops[0].level = 'critical';
      return q;
    });
    const run = hipcheck('validate', folder);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, 'content.ref.unknown at /questionnaire/stops/0/level: unknown care level "critical"\n1 problem found\n');
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
  // A scenario file: {"settings"?, "stopChoice"?, "answers", "expect"?}.
  const scenarioFile = (name, scenario) => {
    const file = join(scratch, `${name}.json`);
    writeFileSync(file, JSON.stringify(scenario));
    return file;
  };

  test('refuses an answers file that names an unknown question', () => {
    const file = scenarioFile('unknown', { answers: { units: 'km', shoe_colour: 'red' } });
    const run = hipcheck('assess', '--content', 'tests/engine/fixture', '--answers', file);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^answer\.item\.unknown at \/shoe_colour: /);
  });

  test('refuses an out-of-range answer with its error id, naming the item on its page', () => {
    const file = scenarioFile('range', {
      answers: { units: 'km', fall: false, night_pain: false, has_pain: false, weekly_now: 900, weekly_before: 10 },
    });
    const run = hipcheck('assess', '--content', 'tests/engine/fixture', '--answers', file);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, 'answer.range at /weekly_now: Enter a number from 0 to 300.\n1 problem found\n');
  });

  test('an emergency answer ends the result with the stop and nothing else', () => {
    const file = scenarioFile('emergency', { answers: { units: 'km', fall: true, night_pain: false } });
    const run = hipcheck('assess', '--content', 'tests/engine/fixture', '--answers', file);
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.care.level, 'emergency');
    assert.deepEqual(result.stop, { id: 'emergency', level: 'emergency' });
    assert.deepEqual(result.causes, []);
    assert.deepEqual(result.tips, []);
    assert.equal(result.plan, null);
  });

  test('assesses every shipped scenario', () => {
    for (const f of readdirSync(`${root}tests/scenarios`).filter((n) => n.endsWith('.json'))) {
      const run = hipcheck('assess', '--content', 'content/en', '--answers', `tests/scenarios/${f}`);
      assert.equal(run.status, 0, `${f}: ${run.stderr}`);
      const scenario = JSON.parse(readFileSync(`${root}tests/scenarios/${f}`, 'utf8'));
      assert.equal(JSON.parse(run.stdout).care.level, scenario.expect.care, f);
    }
  });
});

describe('hipcheck walk', () => {
  const walk = (name, scenario) => {
    const file = join(scratch, `walk-${name}.json`);
    writeFileSync(file, JSON.stringify(scenario));
    return hipcheck('walk', '--content', 'tests/engine/fixture', '--answers', file);
  };
  const calm = { units: 'km', fall: false, night_pain: false, has_pain: false, weekly_now: 10, weekly_before: 10, longest: 5 };

  test('counts the pages, answers and lessons from the first page to check-your-answers', () => {
    const run = walk('calm', { answers: calm });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stdout,
      '{"answers":7,"lessons":1,"pages":6,"path":["about","safety_grid","pain_screen","lesson_ball_page","load_weekly","load_long"],"status":"complete"}\n',
    );
  });

  test('an urgent answer: the notice is the next page, and counts as one', () => {
    const run = walk('notice', { answers: { ...calm, night_pain: true } });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout);
    assert.deepEqual(out.path, ['about', 'safety_grid', 'notice:urgent', 'pain_screen', 'lesson_ball_page', 'load_weekly', 'load_long']);
    assert.equal(out.pages, 7);
    assert.equal(out.status, 'complete');
  });

  test('"finish" at the notice ends the walk there', () => {
    const run = walk('finish', { stopChoice: 'finish', answers: { ...calm, night_pain: true } });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '{"answers":3,"lessons":0,"pages":3,"path":["about","safety_grid","notice:urgent"],"status":"stopped","stop":"urgent"}\n');
  });

  test('an emergency answer ends the walk on its page', () => {
    const run = walk('emergency', { answers: { ...calm, fall: true } });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '{"answers":3,"lessons":0,"pages":2,"path":["about","safety_grid"],"status":"stopped","stop":"emergency"}\n');
  });

  test('settings: skipping the lessons leaves out the lesson pages', () => {
    const out = JSON.parse(walk('no-lessons', { settings: { lessons: false }, answers: calm }).stdout);
    assert.equal(out.lessons, 0);
    assert.ok(!out.path.includes('lesson_ball_page'), out.path.join(' → '));
    assert.equal(out.status, 'complete');
  });

  test('answers that stop short name the next page', () => {
    const run = walk('short', { answers: { units: 'km', fall: false, night_pain: false, has_pain: false } });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout);
    assert.equal(out.status, 'question');
    assert.equal(out.next, 'load_weekly');
  });

  test('bad settings, a bad value and a missing file are errors with their ids', () => {
    const settings = walk('bad-settings', { settings: { mode: 'fast' }, answers: calm });
    assert.equal(settings.status, 1);
    assert.equal(settings.stderr, 'settings.invalid at /mode: The mode is "full" or "quick".\n1 problem found\n');
    const range = walk('bad-value', { answers: { ...calm, weekly_now: 900 } });
    assert.equal(range.status, 1);
    assert.equal(range.stderr, 'answer.range at /weekly_now: Enter a number from 0 to 300.\n1 problem found\n');
    const missing = hipcheck('walk', '--content', 'tests/engine/fixture', '--answers', join(scratch, 'no-such-file.json'));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^error: cannot read /);
  });

  test('walks every shipped scenario to its end', () => {
    for (const f of readdirSync(`${root}tests/scenarios`).filter((n) => n.endsWith('.json'))) {
      const run = hipcheck('walk', '--content', 'content/en', '--answers', `tests/scenarios/${f}`);
      assert.equal(run.status, 0, `${f}: ${run.stderr}`);
      const out = JSON.parse(run.stdout);
      assert.ok(['complete', 'stopped'].includes(out.status), `${f}: the answers stop short at ${out.next}`);
    }
  });
});
