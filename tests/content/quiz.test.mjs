// The self-check quiz cannot be gamed (CONTENT.md v2 "The quiz"): every question has one correct
// answer whose position varies, always picking the same option scores at most half, the right
// answer is not given away by being the longest, every option explains itself, and every topic
// points to a lesson that the questionnaire still has.
// Run: node --test tests/content/
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { contentFile } from './prose.mjs';

const readJson = (file) => contentFile(file.replace(/\.json$/, ''));
const quiz = readJson('quiz.json');
const questions = quiz.questions;
const correctIndex = (q) => q.options.findIndex((o) => o.correct === true);
const positions = questions.map(correctIndex);
const maxOptions = Math.max(...questions.map((q) => q.options.length));

// Every item of the questionnaire, whether sections hold pages of items (v2) or items (v1).
function items(questionnaire) {
  return questionnaire.sections.flatMap((s) => (s.pages ? s.pages.flatMap((p) => p.items ?? []) : s.items ?? []));
}

test('the quiz has enough questions to be worth taking, each with at least three options', () => {
  assert.ok(questions.length >= 8, `only ${questions.length} questions`);
  for (const q of questions) assert.ok(q.options.length >= 3, `${q.id} has ${q.options.length} options`);
});

test('every question has exactly one correct answer', () => {
  for (const q of questions) {
    assert.equal(q.options.filter((o) => o.correct === true).length, 1, `${q.id}: ${q.options.filter((o) => o.correct).length} correct options`);
  }
});

test('always picking the same option scores at most half', () => {
  for (let k = 0; k < maxOptions; k++) {
    const score = positions.filter((p) => p === k).length;
    assert.ok(score <= questions.length / 2, `always picking option ${k + 1} scores ${score}/${questions.length}`);
  }
});

test('no answer position holds the correct answer much more than a third of the time', () => {
  const limit = Math.ceil(questions.length / 3) + 1;
  const counts = Array.from({ length: maxOptions }, (_, k) => positions.filter((p) => p === k).length);
  console.log('correct answers by position:', counts.map((c, k) => `${k + 1}: ${c}`).join(', '), `(limit ${limit})`);
  for (const [k, c] of counts.entries()) assert.ok(c <= limit, `option ${k + 1} is correct in ${c}/${questions.length} questions`);
  // and each of the first three positions is used, so the position really varies
  for (let k = 0; k < 3; k++) assert.ok(counts[k] > 0, `option ${k + 1} is never the correct one`);
});

test('the correct position never repeats three questions in a row', () => {
  for (let i = 2; i < positions.length; i++) {
    assert.ok(!(positions[i] === positions[i - 1] && positions[i] === positions[i - 2]),
      `questions ${questions[i - 2].id}, ${questions[i - 1].id} and ${questions[i].id} all have option ${positions[i] + 1} correct`);
  }
});

test('the correct answer is not given away by being the longest option', () => {
  const longest = questions.filter((q) => {
    const lengths = q.options.map((o) => o.label.length);
    return lengths[correctIndex(q)] === Math.max(...lengths);
  });
  assert.ok(longest.length <= questions.length / 2,
    `the correct answer is the longest in ${longest.length}/${questions.length}: ${longest.map((q) => q.id).join(', ')}`);
});

test('every option has its own feedback that explains, not just a verdict', () => {
  for (const q of questions) {
    const feedback = q.options.map((o) => o.feedback.trim());
    assert.equal(new Set(feedback).size, feedback.length, `${q.id}: two options share a feedback text`);
    for (const o of q.options) {
      // a verdict ("Right." / "Not quite.") and at least one sentence of why
      const sentences = o.feedback.split(/(?<=[.!?])\s+/).filter(Boolean);
      assert.ok(sentences.length >= 2, `${q.id}/${o.value}: the feedback does not say why: "${o.feedback}"`);
      assert.notEqual(o.feedback.trim(), o.label.trim(), `${q.id}/${o.value}: the feedback repeats the label`);
    }
  }
});

test('question ids and option values are unique', () => {
  assert.equal(new Set(questions.map((q) => q.id)).size, questions.length);
  for (const q of questions) assert.equal(new Set(q.options.map((o) => o.value)).size, q.options.length, q.id);
});

test('every question has a known topic, every topic is used, and every topic points to a lesson that exists', () => {
  const topics = new Map(quiz.topics.map((t) => [t.id, t]));
  for (const q of questions) assert.ok(topics.has(q.topic), `${q.id}: unknown topic ${q.topic}`);
  for (const t of quiz.topics) assert.ok(questions.some((q) => q.topic === t.id), `topic ${t.id} has no question`);
  const lessons = new Set(items(readJson('questionnaire.json')).filter((i) => i.type === 'lesson').map((i) => i.id));
  for (const t of quiz.topics) assert.ok(lessons.has(t.lesson), `topic ${t.id}: ${t.lesson} is not a lesson in questionnaire.json`);
});
