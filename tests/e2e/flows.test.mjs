// Whole questionnaires through the page, for three care levels, plus Back, Change, reload,
// share links and clearing. Every test also fails on a CSP violation or a request to another origin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerAll, closeSite, currentItem, fillAnswer, gotoApp, openPage, openSite, scenario, shareFragment, stateFor, waitForRender } from './helpers.mjs';

let srv;
let browser;
before(async () => ({ srv, browser } = await openSite()));
after(() => closeSite({ srv, browser }));

async function fresh() {
  const opened = await openPage(browser, srv.origin);
  await gotoApp(opened.page, srv.origin);
  return opened;
}

async function answersShown(page) {
  return page.$$eval('[data-answer-row]', (rows) =>
    Object.fromEntries(rows.map((row) => [row.dataset.answerRow, row.querySelector('.summary-list__value').textContent])),
  );
}

describe('a whole check reaches the expected result', () => {
  for (const name of ['emergency-fall-cannot-walk', 'urgent-groin-every-step-and-night', 'selfcare-mild-pain']) {
    test(name, async () => {
      const { page, problems, context } = await fresh();
      const { answers, expect } = scenario(name);
      await page.click('[data-start]');
      const seen = await answerAll(page, answers);
      assert.ok(seen.length > 3);
      assert.equal(await page.getAttribute('[data-main]', 'data-page'), 'check');
      await page.click('[data-see-result]');
      await page.waitForSelector('[data-care]');
      assert.equal(await page.getAttribute('[data-care]', 'data-care'), expect.care);
      assert.match(await page.title(), /^Your result/);
      // The care card comes before the causes, and every cause, the disclaimer and the sources show.
      const order = await page.$$eval('[data-care], [data-causes], [data-tips]', (els) => els.map((el) => Object.keys(el.dataset)[0]));
      assert.deepEqual(order, ['care', 'causes', 'tips']);
      assert.equal(await page.locator('[data-cause]').count(), 4);
      assert.ok((await page.textContent('[data-disclaimer]')).length > 20);
      assert.ok((await page.locator('[data-source]').count()) > 0);
      for (const tip of expect.tips ?? []) assert.equal(await page.locator(`[data-tip="${tip}"]`).count(), 1, `tip ${tip}`);
      // Answers are kept as they are given.
      const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('hipcheck.state.v1')));
      for (const [id, value] of Object.entries(answers)) {
        if (seen.includes(id)) assert.deepEqual(saved.answers[id], value, id);
      }
      assert.deepEqual(problems(), []);
      await context.close();
    });
  }
});

test('Back works like the browser back button and keeps the answers', async () => {
  const { page, problems, context } = await fresh();
  await page.click('[data-start]');
  await fillAnswer(page, 'mi');
  await page.waitForSelector('form[data-item-id="has_pain"]');
  await fillAnswer(page, true);
  await page.waitForSelector('form[data-item-id="rf_fall"]');
  // The back link goes to the previous question with its answer still chosen.
  await page.click('[data-back]');
  await page.waitForSelector('form[data-item-id="has_pain"]');
  assert.equal(await page.isChecked('input[name=answer][value="0"]'), true);
  // The browser's back button does the same, and forward returns.
  await page.goBack();
  await page.waitForSelector('form[data-item-id="units"]');
  const values = await page.$eval('form', (f) => JSON.parse(f.dataset.values));
  assert.equal(await page.isChecked(`input[name=answer][value="${values.indexOf('mi')}"]`), true);
  await page.goForward();
  await page.waitForSelector('form[data-item-id="has_pain"]');
  // Back from the first question returns to the start page.
  await page.goBack();
  await page.waitForSelector('form[data-item-id="units"]');
  await page.click('[data-back]');
  await page.waitForSelector('[data-main][data-page="start"]');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('an error is shown by the field and in a summary that takes the focus', async () => {
  const { page, problems, context } = await fresh();
  await page.click('[data-start]');
  // The unit starts as the clinic's own (km); the next question starts with nothing chosen.
  await page.waitForSelector('form[data-item-id="units"]');
  assert.equal(await page.isChecked('input[name=answer][value="0"]'), true);
  await page.click('[data-continue]');
  await page.waitForSelector('form[data-item-id="has_pain"]');
  await page.click('[data-continue]');
  await page.waitForSelector('[data-error-summary]');
  assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary')), true);
  assert.match(await page.title(), /^Error: /);
  assert.equal(await page.locator('.error-message').count(), 1);
  // A number out of range gets the engine's message.
  const { answers } = scenario('selfcare-mild-pain');
  for (let id = await currentItem(page); id !== 'weekly_now'; id = await currentItem(page)) {
    const before = await page.getAttribute('[data-main]', 'data-render');
    await fillAnswer(page, answers[id] ?? true);
    await waitForRender(page, before);
  }
  await page.fill('input[name=answer]', '99999');
  await page.click('[data-continue]');
  await page.waitForSelector('[data-error-summary]');
  assert.match(await page.textContent('[data-error-summary]'), /Enter a number from/);
  assert.equal(await page.inputValue('input[name=answer]'), '99999');
  assert.equal(await page.getAttribute('input[name=answer]', 'aria-invalid'), 'true');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('Change from the check page returns there, going through any new question first', async () => {
  const { page, problems, context } = await fresh();
  const { answers } = scenario('selfcare-mild-pain');
  await page.click('[data-start]');
  await answerAll(page, answers);
  // A change that reveals nothing new goes straight back to the check page.
  await page.click('[data-change="sleep"]');
  await page.waitForSelector('form[data-item-id="sleep"]');
  const sleepValues = await page.$eval('form', (f) => JSON.parse(f.dataset.values));
  const other = sleepValues.find((v) => v !== answers.sleep);
  await fillAnswer(page, other);
  await page.waitForSelector('[data-main][data-page="check"]');
  const shown = await answersShown(page);
  assert.notEqual(shown.sleep, undefined);
  const review = await page.evaluate(() => JSON.parse(localStorage.getItem('hipcheck.state.v1')).answers);
  assert.equal(review.sleep, other);
  // A change that reveals a new question asks it first (a fall brings the leg-shape question).
  await page.click('[data-change="rf_fall"]');
  await page.waitForSelector('form[data-item-id="rf_fall"]');
  await fillAnswer(page, true);
  await page.waitForSelector('form[data-item-id="rf_leg_shape"]');
  await fillAnswer(page, false);
  await page.waitForSelector('[data-main][data-page="check"]');
  const after = await answersShown(page);
  assert.ok('rf_leg_shape' in after);
  assert.equal(await page.locator('[data-see-result]').count(), 1);
  // The other answers are untouched.
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('hipcheck.state.v1')).answers);
  assert.equal(saved.weekly_now, answers.weekly_now);
  assert.deepEqual(saved.pain_where, answers.pain_where);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a reload resumes where the person was, with the answers kept', async () => {
  const { page, problems, context } = await fresh();
  const { answers } = scenario('selfcare-mild-pain');
  await page.click('[data-start]');
  for (const id of ['units', 'has_pain', 'rf_fall']) {
    await page.waitForSelector(`form[data-item-id="${id}"]`);
    await fillAnswer(page, answers[id]);
  }
  await page.waitForSelector('form[data-item-id="rf_cannot_bear_weight"]');
  await page.reload();
  await page.waitForSelector('html.is-ready');
  assert.equal(await currentItem(page), 'rf_cannot_bear_weight');
  await page.click('[data-back]');
  await page.waitForSelector('form[data-item-id="rf_fall"]');
  assert.equal(await page.isChecked('input[name=answer][value="1"]'), true); // "No"
  // A new visit without history offers to continue.
  const other = await context.newPage();
  await gotoApp(other, srv.origin);
  assert.equal(await other.locator('[data-continue-check]').count(), 1);
  await other.click('[data-continue-check]');
  await other.waitForSelector('form[data-item-id="rf_fall"]');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a share link opens the result; a tampered or old link gives a clear message and a fresh start', async () => {
  const { page, problems, context } = await fresh();
  const { answers, expect } = scenario('urgent-pain-on-hopping');
  const state = await stateFor(page, answers);
  await page.goto(`${srv.origin}/${shareFragment(state)}`);
  await page.waitForSelector('[data-care]');
  assert.equal(await page.getAttribute('[data-care]', 'data-care'), expect.care);
  assert.equal(new URL(page.url()).hash, '');
  // The page makes a link that carries the same state.
  await page.click('[data-share]');
  const link = await page.inputValue('[data-share-link]');
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#s=[A-Za-z0-9_-]+$/);
  const tampered = JSON.parse(state);
  tampered.content.version = 'old';
  for (const bad of [shareFragment(JSON.stringify(tampered)), '#s=%%%not-base64', `#s=${Buffer.from('{"format":1}').toString('base64url')}`]) {
    const other = await context.newPage();
    await other.goto(`${srv.origin}/${bad}`);
    await other.waitForSelector('html.is-ready');
    assert.equal(await other.getAttribute('[data-notice]', 'data-notice'), 'share.badTitle');
    assert.equal(await other.getAttribute('[data-main]', 'data-page'), 'start');
    await other.close();
  }
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a saved state the engine rejects gives a message and a fresh start', async () => {
  const { page, problems, context } = await fresh();
  await page.evaluate(() => localStorage.setItem('hipcheck.state.v1', '{"format":"hipcheck.state","version":99}'));
  await page.reload();
  await page.waitForSelector('html.is-ready');
  assert.equal(await page.getAttribute('[data-notice]', 'data-notice'), 'restore.failedTitle');
  assert.equal(await page.evaluate(() => localStorage.getItem('hipcheck.state.v1')), null);
  assert.equal(await page.locator('[data-start]').count(), 1);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('Clear my answers and Start again remove everything', async () => {
  const { page, problems, context } = await fresh();
  const { answers } = scenario('emergency-fall-cannot-walk');
  await page.click('[data-start]');
  await answerAll(page, answers);
  await page.click('[data-see-result]');
  await page.waitForSelector('[data-care]');
  await page.click('[data-start-again]');
  await page.waitForSelector('form[data-item-id="units"]');
  await fillAnswer(page, 'km');
  await page.waitForSelector('form[data-item-id="has_pain"]');
  // The earlier answer to this question is gone (the unit only starts as the clinic's own).
  assert.equal(await page.locator('input[name=answer]:checked').count(), 0);
  assert.notEqual(await page.evaluate(() => localStorage.getItem('hipcheck.state.v1')), null);
  await page.click('[data-clear]');
  await page.waitForSelector('[data-notice="cleared.title"]');
  assert.equal(await page.evaluate(() => localStorage.getItem('hipcheck.state.v1')), null);
  await page.reload();
  await page.waitForSelector('html.is-ready');
  assert.equal(await page.locator('[data-continue-check]').count(), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the anatomy explorer and the quiz work from the start page', async () => {
  const { page, problems, context } = await fresh();
  await page.click('[data-learn]');
  await page.waitForSelector('[data-explorer]');
  const ids = await page.$$eval('[data-structure-button]', (els) => els.map((el) => el.dataset.structureButton));
  for (const id of ['pelvis', 'acetabulum', 'femur', 'femoral_head', 'ligaments', 'gluteus_maximus', 'quadriceps', 'hamstrings', 'tendons']) {
    assert.ok(ids.includes(id), id);
  }
  // Pointer: a click on the drawing chooses that part.
  await page.click('svg [data-structure="pelvis"]', { position: { x: 40, y: 30 } }).catch(() => page.dispatchEvent('svg [data-structure="pelvis"]', 'click'));
  assert.equal(await page.getAttribute('[data-structure-button="pelvis"]', 'aria-pressed'), 'true');
  // Keyboard: arrows move between the parts and show each one.
  await page.focus('[data-structure-button="pelvis"]');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.structureButton), ids[1]);
  assert.equal(await page.getAttribute(`[data-structure-button="${ids[1]}"]`, 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute(`svg [data-structure="${ids[1]}"]`, 'class').then((c) => c.includes('is-active')), true);
  assert.ok((await page.textContent('[data-structure-panel]')).length > 10);
  // The quiz scores every question with feedback and topics to revisit.
  await page.click('[data-open-quiz]');
  await page.waitForSelector('[data-quiz]');
  const questions = await page.locator('[data-quiz-question]').count();
  assert.ok(questions > 0);
  await page.check('[data-quiz-question] >> nth=0 >> input >> nth=0');
  await page.click('[data-quiz-submit]');
  await page.waitForSelector('[data-quiz-score]');
  assert.equal(await page.locator('[data-quiz-result]').count(), questions);
  assert.ok((await page.locator('.revisit li').count()) > 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('choosing an exclusive option ("none of these") unchecks the others, and the other way round', async () => {
  const { page, problems, context } = await fresh();
  const { answers } = scenario('selfcare-mild-pain');
  await page.click('[data-start]');
  for (let id = await currentItem(page); id !== 'recent_changes'; id = await currentItem(page)) {
    const before = await page.getAttribute('[data-main]', 'data-render');
    await fillAnswer(page, answers[id] ?? true);
    await waitForRender(page, before);
  }
  const exclusive = await page.$$eval('input[data-exclusive="true"]', (els) => els.map((el) => el.value));
  assert.equal(exclusive.length, 1);
  const others = await page.$$eval('input[name=answer]:not([data-exclusive])', (els) => els.map((el) => el.value));
  await page.check(`input[name=answer][value="${others[0]}"]`);
  await page.check(`input[name=answer][value="${others[1]}"]`);
  await page.check(`input[name=answer][value="${exclusive[0]}"]`);
  assert.equal(await page.locator('input[name=answer]:checked').count(), 1);
  await page.check(`input[name=answer][value="${others[0]}"]`);
  assert.equal(await page.isChecked(`input[name=answer][value="${exclusive[0]}"]`), false);
  assert.deepEqual(problems(), []);
  await context.close();
});
