// Every red flag of CONTENT.md, answered on its own, leads to its care level through the wasm
// module, with every other question answered in the calmest way.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { bundle, createEngine } from './module.mjs';

// CONTENT.md's red flags: the answers that raise each, the level and the flag the result names.
const flags = [
  ['a fall, and now cannot stand or walk on the leg', { rf_fall: true, rf_cannot_bear_weight: true }, 'emergency', 'cannot_bear_weight'],
  ['the leg looks shortened or turned out after a fall', { rf_fall: true, rf_leg_shape: true }, 'emergency', 'leg_shape'],
  ['hip pain with fever or feeling very unwell', { rf_fever: true }, 'emergency', 'fever'],
  ['a hot, red, swollen joint', { rf_hot_joint: true }, 'emergency', 'hot_joint'],
  ['groin or hip pain with every step', { rf_pain_every_step: true }, 'urgent', 'pain_every_step'],
  ['pain when hopping on that leg', { rf_pain_hop: true }, 'urgent', 'pain_hop'],
  ['pain at night or at rest', { rf_night_rest_pain: true }, 'urgent', 'night_rest_pain'],
  ['numbness, tingling or weakness in the leg', { rf_nerve: true }, 'urgent', 'nerve'],
  ['new bladder or bowel problems', { rf_bladder_bowel: true }, 'urgent', 'bladder_bowel'],
  ['pain no better after a few days of rest', { rf_no_better_rest: true }, 'soon', 'no_better_rest'],
  ['pain that also comes with cycling or swimming', { rf_pain_cross_training: true }, 'soon', 'pain_cross_training'],
  ['unexplained weight loss', { rf_weight_loss: true }, 'soon', 'weight_loss'],
  ['a history of cancer', { rf_cancer: true }, 'soon', 'cancer_history'],
  ['missed periods (low energy)', { le_periods: 'yes', le_missed_periods: true }, 'soon', 'missed_periods'],
  ['a past stress fracture (low energy)', { le_stress_fracture: true }, 'soon', 'past_stress_fracture'],
  ['eating less than training needs (low energy)', { le_eating_less: true }, 'soon', 'eating_less'],
];

// The calmest answer to a question: no, the first option, the smallest number, no pain.
function calm(item) {
  switch (item.type) {
    case 'yesno': return false;
    case 'single': return item.options[0].value;
    case 'multiple': return [item.options.find((o) => !o.exclusive)?.value ?? item.options[0].value];
    case 'number': return item.min;
    case 'scale': return item.min ?? 0;
    default: return true;
  }
}

function run(engine, answers) {
  let page = JSON.parse(engine.start());
  while (page.status === 'question') {
    const { item } = page;
    const value = item.type === 'lesson' ? true : item.id in answers ? answers[item.id] : calm(item);
    page = JSON.parse(engine.answer(item.id, JSON.stringify(value)));
    assert.equal(page.error, undefined, `${item.id}: ${page.error?.message}`);
  }
  return JSON.parse(engine.result());
}

describe('red flags', () => {
  let engine;
  before(async () => {
    engine = await createEngine();
    assert.equal(JSON.parse(engine.load(bundle())).ok, true);
  });

  test('with no red flag and no pain the care level is self-care', () => {
    assert.equal(run(engine, { units: 'km', has_pain: false }).care.level, 'selfcare');
  });

  for (const [name, answers, level, flag] of flags) {
    test(`${name} → ${level}`, () => {
      const result = run(engine, { units: 'km', has_pain: true, ...answers });
      assert.equal(result.care.level, level);
      // The most urgent flag comes first (a fall with pain also raises the urgent "fall" flag).
      assert.equal(result.care.flags[0].id, flag);
      assert.ok(result.care.flags.slice(1).every((f) => f.id === 'fall_with_pain'), 'no unrelated flag');
      assert.ok(result.care.flags[0].reason.length > 20, 'the flag gives a plain reason');
      assert.ok(result.care.flags[0].sources.length > 0, 'the flag cites a source');
    });
  }
});
