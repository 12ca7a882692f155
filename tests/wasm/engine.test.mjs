// The wasm module's JS API, driven as the web page drives it: page by page.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { bundle, cli, createEngine, drive } from './module.mjs';

const call = (text) => JSON.parse(text);
const json = (value) => JSON.stringify(value);

const noFlags = {
  age_band: 'adult', has_pain: true,
  rf_cannot_walk: false, rf_hot_joint: false, rf_fever: false, rf_bladder_bowel: false, rf_saddle_both_legs: false,
  rf_every_step: false, rf_hop: false, rf_constant: false, rf_infection_risk: false, rf_weakness_worse: false,
};

describe('the wasm module', () => {
  let engine;
  let content;
  before(async () => {
    engine = await createEngine();
    content = bundle();
  });

  test('reports a problem as a value when used before content is loaded', async () => {
    const fresh = await createEngine();
    assert.equal(call(fresh.current()).error.id, 'session.not-loaded');
    assert.equal(call(fresh.answer('about_you', '{}')).error.id, 'session.not-loaded');
    assert.equal(call(fresh.proceed('continue')).error.id, 'session.not-loaded');
    assert.equal(call(fresh.configure('{}')).error.id, 'session.not-loaded');
  });

  test('close frees an engine: its number then answers engine.unknown, and other engines go on', async () => {
    const first = await createEngine();
    const second = await createEngine();
    assert.equal(call(first.load(content)).error, undefined);
    assert.equal(call(second.load(content)).error, undefined);
    call(second.start());
    assert.deepEqual(call(first.close()), {});
    assert.equal(call(first.current()).error.id, 'engine.unknown');
    assert.equal(call(first.close()).error.id, 'engine.unknown');
    assert.equal(call(second.current()).page.id !== undefined, true);
  });

  test('rejects malformed content with line and column, and keeps working', async () => {
    const fresh = await createEngine();
    const reply = call(fresh.load('{"meta": {"id": }'));
    assert.equal(reply.error.id, 'json.syntax');
    assert.match(reply.error.message, /^not valid JSON at line 1, column 17: /);
    // The module trusts the checks of a bundle stamped by `hipcheck bundle` (the native CLI runs
    // them, tests/cli): a bundle changed after it was stamped is refused, whatever the change.
    const bad = JSON.parse(content);
    bad.questionnaire.sections[0].pages[0].items[0].enableWhen = { var: 'nowhere' };
    bad.tips.tips[0].sources = ['nobody'];
    const problems = call(fresh.load(json(bad)));
    assert.equal(problems.error.id, 'content.stamp');
    assert.equal(problems.error.path, '/stamp');
    assert.match(problems.error.message, /changed or damaged after hipcheck bundle built it/);
    assert.equal(call(fresh.load(content)).ok, true);
    assert.equal(call(fresh.start()).status, 'question');
  });

  test('the lean load: the bundle\'s rules version is its version; tampered, corrupted or unstamped is refused', async () => {
    const fresh = await createEngine();
    const stamp = content.match(/^\{"stamp":"([0-9a-f]{16})",/)?.[1];
    assert.ok(stamp, 'hipcheck bundle stamps the bundle first');
    // The version is the rules' version that `hipcheck bundle` wrote (the same in every locale),
    // not the stamp (which covers the words too).
    const version = JSON.parse(content).version;
    assert.match(version, /^[0-9a-f]{16}$/);
    assert.equal(call(fresh.load(content)).content.version, version);
    // One character of a text changed (the JSON still valid): refused, and the loaded content stays.
    const at = content.indexOf('"title":"') + 9;
    const tampered = content.slice(0, at) + (content[at] === 'X' ? 'Y' : 'X') + content.slice(at + 1);
    assert.equal(call(fresh.load(tampered)).error.id, 'content.stamp');
    assert.equal(call(fresh.start()).status, 'question');
    // A forged stamp, a cut-off file and a bundle without a stamp.
    const forged = content.replace(stamp, stamp === '0'.repeat(16) ? '1'.repeat(16) : '0'.repeat(16));
    assert.equal(call(fresh.load(forged)).error.id, 'content.stamp');
    assert.equal(call(fresh.load(content.slice(0, content.length / 2))).error.id, 'json.syntax');
    const unstamped = JSON.parse(content);
    delete unstamped.stamp;
    const refused = call(fresh.load(json(unstamped))).error;
    assert.equal(refused.id, 'content.stamp');
    assert.match(refused.message, /no stamp/);
    // The same bytes through the CLI and the module: the content version both report.
    assert.equal(call(fresh.load(content.trimEnd() + '\n\n')).content.version, version);
    assert.match(cli('validate', 'content/en'), new RegExp(`version ${version}\\)`));
  });

  test('a stamped bundle whose structure the engine cannot read is content.structure at its path', async () => {
    // Stamped as hipcheck bundle stamps (engine.cpp, stamp_of: FNV-1a 64 of "{" and the text after
    // the stamp member, from engine.cpp's offset 1469598103934665603), so only the browser's reader
    // of stamped bundles stands between it and the engine.
    const restamp = (value) => {
      const rest = json(value).slice(1);
      let h = 1469598103934665603n;
      for (const byte of Buffer.from(`{${rest}`)) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return `{"stamp":"${h.toString(16).padStart(16, '0')}",${rest}`;
    };
    const fresh = await createEngine();
    const good = JSON.parse(content);
    delete good.stamp;
    assert.equal(call(fresh.load(restamp(good))).ok, true);
    const broken = structuredClone(good);
    broken.plan.weeks = 'six';
    const refused = call(fresh.load(restamp(broken))).error;
    assert.deepEqual([refused.id, refused.path], ['content.structure', '/plan/weeks']);
    delete broken.plan;
    assert.equal(call(fresh.load(restamp(broken))).error.path, '/plan');
    broken.plan = good.plan;
    broken.tips.tips[0].group = 'nowhere';
    assert.equal(call(fresh.load(restamp(broken))).error.path, '/tips/tips/0/group');
    // The content loaded before stays.
    assert.equal(call(fresh.start()).status, 'question');
  });

  test('loads the English content and starts at the first page', () => {
    const loaded = call(engine.load(content));
    assert.equal(loaded.ok, true);
    assert.equal(loaded.content.locale, 'en');
    assert.match(loaded.content.version, /^[0-9a-f]{16}$/);
    assert.ok(loaded.content.pages > 10);
    const page = call(engine.start());
    assert.equal(page.status, 'question');
    assert.equal(page.page.id, 'about_you');
    assert.deepEqual(page.page.items.map((i) => i.id), ['age_band', 'has_pain']);
    assert.equal(page.page.lesson, false);
    assert.equal(page.page.section.id, 'start');
    assert.equal(page.canGoBack, false);
    assert.equal(page.progress.position, 1);
    assert.deepEqual(call(engine.start('{}')), page);
  });

  test('start takes settings; quick mode and lessons off make the check shorter', () => {
    const full = call(engine.start()).progress.total;
    assert.ok(call(engine.start(json({ mode: 'quick' }))).progress.total < full);
    assert.equal(call(engine.start(json({ mode: 'slow' }))).error.path, '/mode');
    assert.equal(call(engine.start('not json')).error.id, 'settings.invalid');
    call(engine.start(json({ mode: 'quick', lessons: false })));
    const { path } = drive(engine, noFlags, { settings: { mode: 'quick', lessons: false } });
    assert.ok(!path.some((p) => p.startsWith('lesson_')), path.join(', '));
    assert.equal(call(engine.state()).settings.lessons, false);
  });

  test('a bad value on one item is an error naming it, and the page changes nothing', () => {
    call(engine.start());
    call(engine.answer('about_you', json({ age_band: 'adult', has_pain: true })));
    const before = engine.state();
    const reply = call(engine.answer('rf_emergency', json({ rf_cannot_walk: 'yes', rf_hot_joint: false })));
    assert.equal(reply.error.id, 'answer.type');
    assert.equal(reply.error.path, '/rf_cannot_walk');
    assert.deepEqual(reply.errors.slice(1).map((e) => `${e.id} at ${e.path}`),
      ['answer.missing at /rf_fever', 'answer.missing at /rf_bladder_bowel', 'answer.missing at /rf_saddle_both_legs']);
    assert.equal(call(engine.answer('rf_emergency', '{"rf_fever": ')).error.id, 'json.syntax');
    assert.equal(call(engine.answer('no_such_page', '{}')).error.id, 'answer.page.unknown');
    assert.equal(call(engine.answer('rf_emergency', json({ age_band: 'adult' }))).errors.at(-1).id, 'answer.item.not-on-page');
    assert.equal(engine.state(), before);
  });

  test('a near-integer pain score is refused', () => {
    const { page } = drive(engine, { ...noFlags,
      rf_no_better_rest: false, rf_cross_training_pain: false, rf_numb_one_leg: false, rf_weight_loss_cancer: false, rf_steroids: false,
      le_periods: 'not_apply', le_libido: false, le_eating_less: false, le_bsi: 'never',
      pain_where: ['side'], pain_when: ['during'] });
    assert.equal(page.page.id, 'pain_how');
    const reply = call(engine.answer('pain_how', json({ pain_duration: '1_2w', pain_severity: 3.9999999999, ostrc_participation: 0 })));
    assert.equal(reply.error.id, 'answer.step');
    assert.equal(reply.error.path, '/pain_severity');
  });

  test('back, goTo and review work by page', () => {
    call(engine.start());
    const next = call(engine.answer('about_you', json({ age_band: 'adult', has_pain: false })));
    assert.equal(next.page.id, 'energy');
    const back = call(engine.back());
    assert.equal(back.page.id, 'about_you');
    assert.equal(back.page.items[1].answer, false);
    assert.equal(call(engine.back()).error.id, 'session.back.at-start');
    assert.equal(call(engine.goTo('energy')).page.id, 'energy');
    assert.equal(call(engine.goTo('has_pain')).page.id, 'about_you');
    assert.equal(call(engine.goTo('rf_hop')).error.id, 'answer.item.hidden');
    const review = call(engine.review());
    assert.equal(review.complete, false);
    assert.equal(review.sections[0].answers[0].page, 'about_you');
    assert.equal(review.sections[0].answers[0].item, 'age_band');
  });

  test('an emergency answer ends the check at once, with what to do now and nothing else', () => {
    call(engine.start());
    call(engine.answer('about_you', json({ age_band: 'adult', has_pain: true })));
    const stopped = call(engine.answer('rf_emergency', json({
      rf_cannot_walk: true, rf_hot_joint: false, rf_fever: false, rf_bladder_bowel: false, rf_saddle_both_legs: false })));
    assert.equal(stopped.status, 'stopped');
    assert.deepEqual(stopped.stop, { id: 'emergency', level: 'emergency' });
    const result = call(engine.result());
    assert.equal(result.care.level, 'emergency');
    assert.deepEqual([result.causes, result.tips, result.plan, result.stop.id], [[], [], null, 'emergency']);
    assert.equal(call(engine.back()).page.id, 'rf_emergency');
  });

  test('an urgent answer shows the notice next; continue goes on, finish ends the check', () => {
    call(engine.start());
    call(engine.answer('about_you', json({ age_band: 'adult', has_pain: true })));
    call(engine.answer('rf_emergency', json({
      rf_cannot_walk: false, rf_hot_joint: false, rf_fever: false, rf_bladder_bowel: false, rf_saddle_both_legs: false })));
    const notice = call(engine.answer('rf_urgent', json({
      rf_every_step: false, rf_hop: true, rf_constant: false, rf_infection_risk: false, rf_weakness_worse: false })));
    assert.equal(notice.status, 'notice');
    assert.deepEqual(notice.stop, { id: 'urgent', level: 'urgent' });
    const saved = engine.state();
    assert.equal(call(engine.proceed('continue')).page.id, 'rf_soon');
    assert.equal(call(engine.proceed('continue')).error.id, 'session.no-notice');
    assert.equal(call(engine.restore(saved)).status, 'notice');
    assert.equal(call(engine.proceed('maybe')).error.id, 'session.choice');
    const finished = call(engine.proceed('finish'));
    assert.equal(finished.status, 'stopped');
    const result = call(engine.result());
    assert.equal(result.stop.id, 'urgent');
    assert.equal(result.plan, null);
    assert.equal(call(engine.back()).page.id, 'rf_urgent');
  });

  test('configure turns lessons off mid-check and moves past a lesson', () => {
    const { page } = drive(engine, { ...noFlags,
      rf_no_better_rest: false, rf_cross_training_pain: false, rf_numb_one_leg: false, rf_weight_loss_cancer: false, rf_steroids: false,
      le_periods: 'not_apply', le_libido: false, le_eating_less: false, le_bsi: 'never' });
    assert.equal(page.page.id, 'pain_where_when');
    assert.equal(call(engine.back()).page.id, 'lesson_hip_joint');
    assert.equal(call(engine.configure(json({ lessons: false }))).page.id, 'pain_where_when');
    assert.equal(call(engine.configure(json({ lessons: 'no' }))).error.id, 'settings.invalid');
  });

  test('a saved state restores, and a tampered one is refused without changing anything', () => {
    call(engine.start(json({ mode: 'quick' })));
    call(engine.answer('about_you', json({ age_band: 'adult', has_pain: false })));
    const saved = engine.state();
    assert.equal(call(saved).version, 2);
    call(engine.start());
    assert.equal(call(engine.restore(saved)).status, 'question');
    assert.equal(engine.state(), saved);
    const tampered = JSON.parse(saved);
    tampered.answers.age_band = 'ancient';
    assert.equal(call(engine.restore(json(tampered))).error.id, 'state.answer.invalid');
    assert.equal(call(engine.restore('not json')).error.id, 'state.malformed');
    tampered.content.version = '0123456789abcdef';
    assert.equal(call(engine.restore(json(tampered))).error.id, 'state.content');
    assert.equal(engine.state(), saved);
  });

  test('the quiz is served without its answers and scored by the engine', () => {
    const quiz = call(engine.quiz());
    assert.ok(quiz.questions.length >= 1);
    assert.ok(quiz.questions.every((q) => q.options.every((o) => !('correct' in o))));
    const first = quiz.questions[0];
    const scored = call(engine.scoreQuiz(json({ [first.id]: first.options[0].value })));
    assert.equal(scored.total, quiz.questions.length);
    assert.equal(call(engine.scoreQuiz('{"nope": "x"}')).error.id, 'quiz.question.unknown');
  });

  test('deeply nested input is refused, not a crash', () => {
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    call(engine.start());
    assert.equal(call(engine.answer('about_you', `{"age_band": ${deep}}`)).error.id, 'answer.malformed');
    assert.equal(call(engine.restore(deep)).error.id, 'state.malformed');
    assert.equal(call(engine.start(deep)).error.id, 'settings.invalid');
    assert.equal(call(engine.current()).page.id, 'about_you');
  });

  test('drive stops at the first page the answers do not cover', () => {
    const { page, path } = drive(engine, {});
    assert.equal(page.page.id, 'about_you');
    assert.deepEqual(path, []);
  });
});
