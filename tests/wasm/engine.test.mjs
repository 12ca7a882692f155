// The wasm module's JS API, driven as the web page drives it.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { bundle, createEngine, drive } from './module.mjs';

const call = (text) => JSON.parse(text);

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
    assert.equal(call(fresh.answer('units', '"km"')).error.id, 'session.not-loaded');
  });

  test('rejects malformed content with line and column, and keeps working', async () => {
    const fresh = await createEngine();
    const reply = call(fresh.load('{"meta": {"id": }'));
    assert.equal(reply.error.id, 'json.syntax');
    assert.match(reply.error.message, /^not valid JSON at line 1, column 17: /);
    const bad = JSON.parse(content);
    bad.questionnaire.sections[0].items[0].enableWhen = { var: 'nowhere' };
    bad.tips.tips[0].sources = ['nobody'];
    const problems = call(fresh.load(JSON.stringify(bad)));
    assert.deepEqual(
      problems.errors.map((e) => `${e.id} at ${e.path}`),
      ['content.ref.unknown at /questionnaire/sections/0/items/0/enableWhen', 'content.ref.unknown at /tips/tips/0/sources/0'],
    );
    assert.equal(call(fresh.load(content)).ok, true);
    assert.equal(call(fresh.start()).status, 'question');
  });

  test('loads the English content and starts at the first question', () => {
    const loaded = call(engine.load(content));
    assert.equal(loaded.ok, true);
    assert.equal(loaded.content.locale, 'en');
    assert.match(loaded.content.version, /^[0-9a-f]{16}$/);
    const page = call(engine.start());
    assert.equal(page.status, 'question');
    assert.equal(page.item.id, 'units');
    assert.equal(page.canGoBack, false);
  });

  test('a bad answer is an error value and loses nothing already answered', () => {
    call(engine.start());
    call(engine.answer('units', '"km"'));
    const before = engine.state();
    assert.equal(call(engine.answer('units', '"furlongs"')).error.id, 'answer.option.unknown');
    assert.equal(call(engine.answer('units', '{"km"')).error.id, 'json.syntax');
    assert.equal(call(engine.answer('no_such_item', 'true')).error.id, 'answer.item.unknown');
    assert.equal(engine.state(), before);
  });

  test('back, goTo and review work through the module', () => {
    call(engine.start());
    const first = call(engine.answer('units', '"mi"'));
    const back = call(engine.back());
    assert.equal(back.item.id, 'units');
    assert.equal(back.answer, 'mi');
    assert.equal(call(engine.back()).error.id, 'session.back.at-start');
    assert.equal(call(engine.goTo(first.item.id)).item.id, first.item.id);
    const review = call(engine.review());
    assert.equal(review.complete, false);
    assert.deepEqual(review.sections[0].answers[0].item, 'units');
  });

  test('a saved state restores, and a tampered one is refused without changing anything', () => {
    call(engine.start());
    call(engine.answer('units', '"km"'));
    const saved = engine.state();
    call(engine.start());
    assert.equal(call(engine.restore(saved)).status, 'question');
    assert.equal(engine.state(), saved);
    const tampered = JSON.parse(saved);
    tampered.answers.units = 'leagues';
    assert.equal(call(engine.restore(JSON.stringify(tampered))).error.id, 'state.answer.invalid');
    assert.equal(call(engine.restore('not json')).error.id, 'state.malformed');
    tampered.content.version = '0123456789abcdef';
    assert.equal(call(engine.restore(JSON.stringify(tampered))).error.id, 'state.content');
    assert.equal(engine.state(), saved);
  });

  test('the quiz is served without its answers and scored by the engine', () => {
    const quiz = call(engine.quiz());
    assert.ok(quiz.questions.length >= 1);
    assert.ok(quiz.questions.every((q) => q.options.every((o) => !('correct' in o))));
    const first = quiz.questions[0];
    const scored = call(engine.scoreQuiz(JSON.stringify({ [first.id]: first.options[0].value })));
    assert.equal(scored.total, quiz.questions.length);
    assert.equal(call(engine.scoreQuiz('{"nope": "x"}')).error.id, 'quiz.question.unknown');
  });

  test('deeply nested input is refused, not a crash', () => {
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    call(engine.start());
    assert.equal(call(engine.answer('units', deep)).error.id, 'answer.type');
    assert.equal(call(engine.restore(deep)).error.id, 'state.malformed');
    assert.equal(call(engine.current()).item.id, 'units');
  });

  test('drives a full questionnaire to a result', () => {
    call(engine.start());
    const { page } = drive(engine, {});
    assert.equal(page.item.id, 'units');
  });
});
