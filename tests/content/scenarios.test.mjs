// The scenario files in tests/scenarios are well formed: known items in questionnaire order, values
// of the right kind for each item, settings and a stop choice the engine accepts, and expectations
// that name real care levels, stops, causes and tips. Every red flag of CONTENT.md v2 has its own
// scenario, expecting the flag's care level.
// (Whether an item is shown, and what the result is, is the engine's job: `hipcheck assess` and
// `hipcheck walk`, run over every scenario by tests/content/budgets.test.mjs and tests/wasm/.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLocale } from '../../scripts/content/words.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const content = (name) => readLocale('en')[name];
const questionnaire = content('questionnaire');
const items = questionnaire.sections.flatMap((s) => s.pages.flatMap((p) => p.items));
const order = new Map(items.map((it, i) => [it.id, i]));
const levels = content('care').levels.map((l) => l.id);
const flagLevel = new Map(content('care').flags.map((f) => [f.id, f.level]));
const stops = new Set((questionnaire.stops ?? []).map((s) => s.id));
const causes = content('causes').causes.map((c) => c.id);
const tips = new Set(content('tips').tips.map((t) => t.id));
const dir = path.join(root, 'tests', 'scenarios');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const scenarios = new Map(files.map((f) => [f.replace(/\.json$/, ''), readJson(path.join(dir, f))]));

// CONTENT.md v2's red flags (care.json flag id) and the scenario that raises each on its own.
const RED_FLAG_SCENARIOS = {
  cannot_walk: 'emergency-fall-cannot-walk',
  hot_joint_fever: 'emergency-hot-joint-fever',
  bladder_bowel: 'emergency-bladder-bowel',
  saddle_both_legs: 'emergency-saddle-numbness',
  fnsf_suspect: 'urgent-groin-after-weekly-jump',
  every_step: 'urgent-new-limp',
  hop: 'urgent-pain-on-hopping',
  constant_pain: 'urgent-constant-pain',
  hot_joint: 'urgent-hot-swollen-hip',
  fever: 'urgent-fever-with-hip-pain',
  infection_risk: 'urgent-hip-replacement-pain',
  weakness_worse: 'urgent-leg-weakness-worse',
  under_18: 'urgent-teenager-hip-pain',
  no_better_rest: 'soon-no-better-after-rest',
  cross_training_pain: 'soon-pain-cycling-too',
  pain_over_6w: 'soon-pain-over-six-weeks',
  numb_one_leg: 'soon-tingling-one-leg',
  weight_loss_cancer: 'soon-past-cancer',
  steroids: 'soon-long-term-steroids',
  periods: 'soon-periods-stopped',
  libido: 'soon-low-libido',
  eating_less: 'soon-eating-less',
  bsi_recent: 'soon-stress-fracture-last-year',
};
// The cases issue 8 names, and the care level (and stop) each must give.
const ISSUE_CASES = {
  'urgent-groin-after-weekly-jump': { care: 'urgent', stop: 'urgent', noPlan: true },
  'emergency-bladder-bowel': { care: 'emergency', stop: 'emergency' },
  'side-pain-lying-on-it': { care: 'selfcare' },
  'pain-free-old-stress-fracture': { care: 'selfcare' },
};

function checkValue(item, value) {
  const values = (item.options || []).map((o) => o.value);
  switch (item.type) {
    case 'yesno': return typeof value === 'boolean' || 'a yes/no answer is true or false';
    case 'single': return values.includes(value) || `not an option: ${JSON.stringify(value)}`;
    case 'multiple': {
      if (!Array.isArray(value) || value.length === 0) return 'a multiple answer is a non-empty list';
      if (new Set(value).size !== value.length) return 'values repeat';
      const bad = value.filter((v) => !values.includes(v));
      if (bad.length) return `not options: ${JSON.stringify(bad)}`;
      const exclusive = item.options.filter((o) => o.exclusive).map((o) => o.value);
      if (value.length > 1 && value.some((v) => exclusive.includes(v))) return 'an exclusive option must stand alone';
      return true;
    }
    case 'number': {
      if (value === 'not-sure') return item.notSure === true || 'this item has no "not sure"';
      if (typeof value !== 'number' || value < item.min || value > item.max) return `not a number from ${item.min} to ${item.max}`;
      const steps = (value - item.min) / item.step;
      return Math.abs(steps - Math.round(steps)) < 1e-9 || `not on the step grid (${item.step})`;
    }
    case 'scale': return (Number.isInteger(value) && value >= item.min && value <= item.max) || 'not a whole number on the scale';
    default: return `a ${item.type} item takes no answer (lesson pages are read, not answered)`;
  }
}

const EXPECT_KEYS = ['care', 'topCause', 'tips', 'noPlan', 'stop', 'maxPages', 'maxAnswers', 'planStartAtMost'];

test('there are at least twelve scenarios', () => assert.ok(files.length >= 12, `${files.length} scenarios`));

for (const [name, sc] of scenarios) {
  test(`scenario ${name} is well formed`, () => {
    const keys = Object.keys(sc);
    for (const k of ['name', 'description', 'answers', 'expect']) assert.ok(keys.includes(k), `no "${k}"`);
    const extra = keys.filter((k) => !['name', 'description', 'settings', 'stopChoice', 'answers', 'expect'].includes(k));
    assert.deepEqual(extra, [], 'a scenario holds name, description, settings?, stopChoice?, answers and expect');
    assert.equal(sc.name, name, 'name matches the file name');
    assert.ok(sc.description.length > 20, 'describe the runner');

    if (sc.settings !== undefined) {
      const { mode, lessons, ...rest } = sc.settings;
      assert.deepEqual(rest, {}, 'settings hold only mode and lessons');
      if (mode !== undefined) assert.ok(['full', 'quick'].includes(mode), `mode ${mode}`);
      if (lessons !== undefined) assert.equal(typeof lessons, 'boolean', 'lessons is true or false');
    }
    if (sc.stopChoice !== undefined) assert.ok(['continue', 'finish'].includes(sc.stopChoice), `stopChoice ${sc.stopChoice}`);

    let last = -1;
    for (const [id, value] of Object.entries(sc.answers)) {
      assert.ok(order.has(id), `unknown item ${id}`);
      assert.ok(order.get(id) > last, `${id} is out of questionnaire order`);
      last = order.get(id);
      const ok = checkValue(items[order.get(id)], value);
      assert.equal(ok, true, `${id}: ${ok}`);
    }

    const { expect } = sc;
    const unknown = Object.keys(expect).filter((k) => !EXPECT_KEYS.includes(k));
    assert.deepEqual(unknown, [], `expect holds only ${EXPECT_KEYS.join(', ')}`);
    assert.ok(levels.includes(expect.care), `unknown care level ${expect.care}`);
    if (expect.topCause !== undefined) assert.ok(causes.includes(expect.topCause), `unknown cause ${expect.topCause}`);
    for (const t of expect.tips ?? []) assert.ok(tips.has(t), `unknown tip ${t}`);
    if (expect.stop !== undefined) assert.ok(stops.has(expect.stop), `unknown stop ${expect.stop}`);
    if (expect.noPlan !== undefined) assert.equal(expect.noPlan, true, 'noPlan is true when given');
    for (const k of ['maxPages', 'maxAnswers']) {
      if (expect[k] !== undefined) assert.ok(Number.isInteger(expect[k]) && expect[k] > 0, `${k} is a whole number`);
    }
    if (expect.planStartAtMost !== undefined) {
      assert.ok(typeof expect.planStartAtMost === 'number' && expect.planStartAtMost > 0, 'planStartAtMost is a distance');
      assert.notEqual(expect.noPlan, true, 'a scenario cannot expect a plan and no plan');
      assert.equal(expect.care, 'selfcare', 'the plan is for self-care results only');
    }
    // The stop and the care level agree: an emergency stop means an emergency result, and an
    // emergency or urgent result names the stop that showed it.
    if (expect.care === 'emergency') assert.equal(expect.stop, 'emergency', 'an emergency result comes with the emergency stop');
    if (expect.care === 'urgent') assert.equal(expect.stop, 'urgent', 'an urgent result comes with the urgent notice');
    if (expect.care === 'emergency' || expect.care === 'urgent') assert.equal(expect.noPlan, true, 'no plan with an urgent or emergency result');
  });
}

test('every red flag of CONTENT.md v2 has a scenario that expects its care level', () => {
  assert.deepEqual([...flagLevel.keys()].sort(), Object.keys(RED_FLAG_SCENARIOS).sort(), 'care.json flags and the list here differ');
  for (const [flag, name] of Object.entries(RED_FLAG_SCENARIOS)) {
    const sc = scenarios.get(name);
    assert.ok(sc, `no scenario ${name} for the ${flag} flag`);
    assert.equal(sc.expect.care, flagLevel.get(flag), `${name} must expect ${flagLevel.get(flag)} (${flag})`);
  }
});

test('the cases issue 8 names have their scenarios', () => {
  for (const [name, expected] of Object.entries(ISSUE_CASES)) {
    const sc = scenarios.get(name);
    assert.ok(sc, `no scenario ${name}`);
    for (const [k, v] of Object.entries(expected)) assert.equal(sc.expect[k], v, `${name}: expect.${k}`);
  }
  // A plan after a jump starts at or below the week before the jump.
  const jumps = [...scenarios.values()].filter((sc) => {
    const { weekly_now: now, weekly_before: before } = sc.answers;
    return typeof now === 'number' && typeof before === 'number' && before > 0 && now >= before * 1.3 && sc.expect.planStartAtMost !== undefined;
  });
  assert.ok(jumps.length > 0, 'no scenario checks the plan after a jump');
  for (const sc of jumps) assert.ok(sc.expect.planStartAtMost <= sc.answers.weekly_before, `${sc.name}: planStartAtMost above the pre-jump week`);
  // A quick-mode scenario.
  assert.ok([...scenarios.values()].some((sc) => sc.settings?.mode === 'quick'), 'no quick-mode scenario');
});
