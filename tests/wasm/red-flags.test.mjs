// Every red flag of CONTENT.md v2, raised on its own by a runner who otherwise answers in the calmest
// way, leads to its care level through the wasm module, page by page as the web page asks; the
// emergency ones end the check at once and the urgent ones show the notice on the next page. The
// native CLI gives the same result, byte for byte.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { bundle, cli, createEngine, drive, root } from './module.mjs';
import { readLocale } from '../../scripts/content/words.mjs';

// A runner with mild side-of-hip pain during runs, steady training and no warning sign.
const CALM = {
  age_band: 'adult', has_pain: true,
  rf_cannot_walk: false, rf_hot_joint: false, rf_fever: false, rf_bladder_bowel: false, rf_saddle_both_legs: false,
  rf_every_step: false, rf_hop: false, rf_constant: false, rf_infection_risk: false, rf_weakness_worse: false,
  rf_no_better_rest: false, rf_cross_training_pain: false, rf_numb_one_leg: false, rf_weight_loss_cancer: false, rf_steroids: false,
  le_periods: 'not_apply', le_libido: false, le_eating_less: false, le_bsi: 'never',
  pain_where: ['side'], pain_when: ['during'], pain_duration: '1_2w', pain_severity: 2,
  ostrc_participation: 8, ostrc_modification: 0, ostrc_performance: 8, ostrc_pain: 8,
  units: 'km', weekly_now: 25, weekly_before: 24, longest_now: 10, longest_before: 10, experience: 'regular',
  shoe_worn: 'no', shoe_fit: 'good', form_seen: false, form_signs: ['none'], strength_freq: 'often',
};

// CONTENT.md v2's red flags: the answers that raise each, the level, and the flag the result names.
const FLAGS = [
  ['after a fall or injury, cannot stand or walk on the leg', { rf_cannot_walk: true }, 'emergency', 'cannot_walk'],
  ['a hot, red or swollen hip with fever', { rf_hot_joint: true, rf_fever: true }, 'emergency', 'hot_joint_fever'],
  ['new problems passing urine or controlling the bowels', { rf_bladder_bowel: true }, 'emergency', 'bladder_bowel'],
  ['saddle numbness, or numbness or weakness in both legs', { rf_saddle_both_legs: true }, 'emergency', 'saddle_both_legs'],
  ['groin pain during runs after a 75 % jump in weekly distance', { pain_where: ['front'], weekly_now: 35, weekly_before: 20 }, 'urgent', 'fnsf_suspect'],
  ['groin pain during runs after a long run 50 % longer', { pain_where: ['front'], longest_now: 15, longest_before: 10 }, 'urgent', 'fnsf_suspect'],
  ['groin pain during runs with missed periods', { pain_where: ['front'], le_periods: 'yes' }, 'urgent', 'fnsf_suspect'],
  ['groin pain during runs and a stress fracture last year', { pain_where: ['front'], le_bsi: 'within_2y' }, 'urgent', 'fnsf_suspect'],
  ['groin pain that comes earlier in each run', { pain_where: ['front'], pain_when: ['earlier_each_run'] }, 'urgent', 'fnsf_suspect'],
  ['pain the runner cannot place, during runs, after a jump (the safer reading)', { pain_where: ['unsure'], weekly_now: 35, weekly_before: 20 }, 'urgent', 'fnsf_suspect'],
  ['pain with every step or a new limp', { rf_every_step: true }, 'urgent', 'every_step'],
  ['pain on hopping on that leg', { rf_hop: true }, 'urgent', 'hop'],
  ['constant pain, at night too, not eased by rest or position', { rf_constant: true }, 'urgent', 'constant_pain'],
  ['a hot, red or swollen hip without fever', { rf_hot_joint: true }, 'urgent', 'hot_joint'],
  ['hip pain with fever, no hot joint', { rf_fever: true }, 'urgent', 'fever'],
  ['hip pain with a higher risk of joint infection', { rf_infection_risk: true }, 'urgent', 'infection_risk'],
  ['leg weakness getting worse', { rf_weakness_worse: true }, 'urgent', 'weakness_worse'],
  ['under 18 with hip pain', { age_band: 'under_18' }, 'urgent', 'under_18'],
  ['pain no better after a few days of rest', { rf_no_better_rest: true }, 'soon', 'no_better_rest'],
  ['pain with cycling or swimming too', { rf_cross_training_pain: true }, 'soon', 'cross_training_pain'],
  ['pain for more than six weeks', { pain_duration: 'gt_6w' }, 'soon', 'pain_over_6w'],
  ['numbness or tingling in one leg', { rf_numb_one_leg: true }, 'soon', 'numb_one_leg'],
  ['weight loss without trying, or a history of cancer', { rf_weight_loss_cancer: true }, 'soon', 'weight_loss_cancer'],
  ['long-term steroid tablets', { rf_steroids: true }, 'soon', 'steroids'],
  ['periods stopped or much less often', { le_periods: 'yes' }, 'soon', 'periods'],
  ['a clear drop in sex drive', { le_libido: true }, 'soon', 'libido'],
  ['often eating less than training needs', { le_eating_less: true }, 'soon', 'eating_less'],
  ['a stress fracture in the past two years', { le_bsi: 'within_2y' }, 'soon', 'bsi_recent'],
];
// Not flags (CONTENT.md v2 narrows v1): the level each must give.
const NOT_FLAGS = [
  ['side-of-hip pain only when lying on that side', { pain_when: ['lying_side'] }, 'selfcare'],
  ['a stress fracture more than two years ago, pain-free', { has_pain: false, le_bsi: 'over_2y' }, 'selfcare'],
  ['groin pain during runs with steady training and no other sign', { pain_where: ['front'] }, 'selfcare'],
  ['side-of-hip pain after a 75 % jump', { weekly_now: 35, weekly_before: 20 }, 'selfcare'],
];
const ORDER = ['emergency', 'urgent', 'soon', 'selfcare'];

const scratch = mkdtempSync(join(tmpdir(), 'hipcheck-flags-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('red flags through the wasm module and the CLI', () => {
  let engine;
  before(async () => {
    engine = await createEngine();
    assert.equal(JSON.parse(engine.load(bundle())).ok, true);
  });

  // Runs the answers through the module and the CLI; returns the walk and the result.
  function run(name, answers) {
    const walk = drive(engine, answers);
    const fromWasm = engine.result();
    const file = join(scratch, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`);
    writeFileSync(file, JSON.stringify({ name, description: name, answers, expect: { care: 'selfcare' } }));
    const fromCli = cli('assess', '--content', 'content/en', '--answers', file);
    assert.equal(fromCli, `${fromWasm}\n`, 'the CLI and the wasm module disagree');
    return { walk, result: JSON.parse(fromWasm) };
  }

  test('the calm runner answers every question and gets self-care', () => {
    const questions = readLocale('en').questionnaire
      .sections.flatMap((s) => s.pages.flatMap((p) => p.items)).filter((it) => it.type !== 'lesson').map((it) => it.id);
    assert.deepEqual(questions.filter((id) => !(id in CALM)), [], 'CALM misses a question');
    const { walk, result } = run('calm', CALM);
    assert.equal(walk.page.status, 'complete');
    assert.equal(result.care.level, 'selfcare');
    assert.deepEqual(result.care.flags, []);
    assert.ok(result.plan, 'the calm runner with pain gets a plan');
  });

  for (const [name, changes, level, flag] of FLAGS) {
    test(`${name} → ${level} (${flag})`, () => {
      const { walk, result } = run(name, { ...CALM, ...changes });
      assert.equal(result.care.level, level);
      const ids = result.care.flags.map((f) => f.id);
      assert.ok(ids.includes(flag), `flag ${flag} missing from ${ids.join(', ')}`);
      // no flag more urgent than the level; the most urgent comes first
      for (const f of result.care.flags) assert.ok(ORDER.indexOf(f.level) >= ORDER.indexOf(level), `${f.id} is ${f.level}`);
      assert.equal(result.care.flags[0].level, level, 'the most urgent flag comes first');
      const raised = result.care.flags.find((f) => f.id === flag);
      assert.ok(raised.reason.length > 20, 'the flag gives a plain reason');
      assert.ok(raised.sources.length > 0, 'the flag cites a source');

      if (level === 'emergency') {
        // The check ends on the page of the emergency answer: nothing else is asked.
        assert.equal(walk.page.status, 'stopped');
        assert.equal(walk.page.stop.id, 'emergency');
        assert.equal(walk.path[walk.path.length - 1], 'rf_emergency');
        assert.equal(result.stop?.id, 'emergency');
        assert.deepEqual(result.causes, []);
        assert.deepEqual(result.tips, []);
        assert.equal(result.plan, null);
      } else if (level === 'urgent') {
        // The notice comes once, right after the page that raised it; the check goes on.
        assert.equal(walk.path.filter((p) => p === 'notice:urgent').length, 1, walk.path.join(' → '));
        assert.equal(walk.page.status, 'complete');
        assert.equal(result.plan, null, 'no plan with an urgent result');
      } else {
        assert.ok(!walk.path.includes('notice:urgent'), 'no notice below urgent');
        assert.equal(walk.page.status, 'complete');
        assert.equal(result.plan, null, 'the plan is for self-care results only');
      }
    });
  }

  for (const [name, changes, level] of NOT_FLAGS) {
    test(`not a flag: ${name} → ${level}`, () => {
      const { walk, result } = run(name, { ...CALM, ...changes });
      assert.equal(result.care.level, level, result.care.flags.map((f) => f.id).join(', '));
      assert.ok(!walk.path.some((p) => p.startsWith('notice:')), walk.path.join(' → '));
    });
  }
});
