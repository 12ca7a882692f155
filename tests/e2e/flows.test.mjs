// Whole checks through the page, plus Back, Change, reload, share links and clearing. Every test
// also fails on a CSP violation, a page error or a request to another origin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerAll, closeSite, currentPage, fillItem, fillPage, gotoApp, openPage, openSite, runners, scenarios, shareFragment, startCheck, stateFor, waitForRender,
} from './helpers.mjs';

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

const saved = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('hipcheck.state.v1')));

describe('a whole check reaches the expected result', () => {
  // A few scenario files, one of each kind of path (the CLI and wasm tests run them all).
  const chosen = ['selfcare-mild-pain', 'quick-mode-pain', 'soon-pain-over-six-weeks', 'urgent-groin-after-weekly-jump', 'urgent-finish-at-notice', 'emergency-bladder-bowel'];
  for (const { name, answers, expect, settings, stopChoice } of scenarios().filter((x) => chosen.includes(x.name))) {
    test(name, async () => {
      const { page, problems, context } = await fresh();
      await startCheck(page, settings ?? {});
      const seen = await answerAll(page, answers, { stopChoice: stopChoice ?? 'continue' });
      if (expect.maxPages) assert.ok(seen.length <= expect.maxPages, `${seen.length} pages: ${seen.join(', ')}`);
      // An emergency or "see your result now" ends at the result; otherwise the check page comes first.
      if (expect.stop === 'emergency' || stopChoice === 'finish') {
        assert.equal(await page.getAttribute('[data-main]', 'data-page'), 'result');
      } else {
        assert.equal(await page.getAttribute('[data-main]', 'data-page'), 'check');
        await page.click('[data-see-result]');
      }
      await page.waitForSelector('[data-care]');
      assert.equal(await page.getAttribute('[data-care]', 'data-care'), expect.care);
      assert.match(await page.title(), /^Your result/);
      assert.ok((await page.textContent('[data-disclaimer]')).length > 20);
      if (expect.stop === 'emergency') {
        for (const selector of ['[data-causes]', '[data-tips]', '[data-plan]', '[data-share]']) assert.equal(await page.locator(selector).count(), 0, selector);
      } else if (stopChoice === 'finish') {
        // Ended at the notice: no cause scores (their questions were never asked).
        assert.equal(await page.getAttribute('[data-causes]', 'data-causes'), 'skipped');
        assert.equal(await page.locator('[data-cause]').count(), 0);
      } else {
        // The care card comes before the causes and tips; every cause and the sources show.
        const order = await page.$$eval('[data-care], [data-causes], [data-tips]', (els) => els.map((el) => Object.keys(el.dataset)[0]));
        assert.deepEqual(order, ['care', 'causes', 'tips']);
        assert.equal(await page.locator('[data-cause]').count(), 4);
        assert.ok((await page.locator('[data-source]').count()) > 0);
      }
      for (const tip of expect.tips ?? []) assert.equal(await page.locator(`[data-tip="${tip}"]`).count(), 1, `tip ${tip}`);
      if (expect.noPlan || expect.stop) assert.equal(await page.locator('[data-plan]:not([data-plan="none"])').count(), 0, 'no plan');
      // Answers are kept as they are given.
      const state = await saved(page);
      for (const [id, value] of Object.entries(state.answers)) if (id in answers) assert.deepEqual(value, answers[id], id);
      assert.deepEqual(problems(), []);
      await context.close();
    });
  }

  test('a runner with side-of-hip pain and no warning signs gets self-care and a plan', async () => {
    const { page, problems, context } = await fresh();
    await startCheck(page);
    const seen = await answerAll(page, runners.selfcare);
    assert.ok(seen.length <= 18, `${seen.length} pages`);
    assert.equal(await page.getAttribute('[data-main]', 'data-page'), 'check');
    await page.click('[data-see-result]');
    await page.waitForSelector('[data-care]');
    assert.equal(await page.getAttribute('[data-care]', 'data-care'), 'selfcare');
    assert.equal(await page.locator('[data-cause]').count(), 4);
    assert.equal(await page.locator('[data-plan]:not([data-plan="none"])').count(), 1);
    assert.equal(await page.locator('[data-share]').count(), 1);
    assert.deepEqual(problems(), []);
    await context.close();
  });
});

test('Back works like the browser back button and keeps the answers', async () => {
  const { page, problems, context } = await fresh();
  await startCheck(page);
  await page.waitForSelector('form[data-page-id="about_you"]');
  await fillPage(page, runners.selfcare);
  await page.waitForSelector('form[data-page-id="rf_emergency"]');
  // The back link goes to the previous page with its answers still chosen.
  await page.click('[data-back]');
  await page.waitForSelector('form[data-page-id="about_you"]');
  assert.equal(await page.isChecked('input[name="has_pain"][value="0"]'), true);
  assert.equal(await page.isChecked('input[name="age_band"][value="1"]'), true);
  // The browser's back and forward buttons do the same.
  await page.goForward();
  await page.waitForSelector('form[data-page-id="rf_emergency"]');
  await page.goBack();
  await page.waitForSelector('form[data-page-id="about_you"]');
  // Back from the first page returns to the start page.
  await page.click('[data-back]');
  await page.waitForSelector('[data-main][data-page="start"]');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('an error on a page of two questions: one summary that takes the focus, a message by each field', async () => {
  const { page, problems, context } = await fresh();
  await startCheck(page);
  await page.waitForSelector('form[data-page-id="about_you"]');
  await page.click('[data-continue]');
  await page.waitForSelector('[data-error-summary]');
  assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary')), true);
  assert.match(await page.title(), /^Error: /);
  assert.equal(await page.locator('[data-error-summary] li').count(), 2);
  assert.equal(await page.locator('.error-message').count(), 2);
  const targets = await page.$$eval('[data-error-summary] a', (links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(targets, ['#f-age_band', '#f-has_pain']);
  // Answering one leaves one problem.
  await fillItem(page, 'age_band', 'adult');
  const before = await page.getAttribute('[data-main]', 'data-render');
  await page.click('[data-continue]');
  await waitForRender(page, before, { allowError: true });
  assert.equal(await page.locator('[data-error-summary] li').count(), 1);
  assert.equal(await page.isChecked('input[name="age_band"][value="1"]'), true);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('Change from the check page opens the answer\'s page and returns, going through any new page first', async () => {
  const { page, problems, context } = await fresh();
  await startCheck(page, { lessons: false });
  await answerAll(page, runners.selfcare);
  // A change that reveals nothing new goes straight back to the check page.
  await page.click('[data-change="strength_freq"]');
  await page.waitForSelector('form[data-page-id="imbalance"]');
  await fillItem(page, 'strength_freq', 'weekly');
  await page.click('[data-continue]');
  await page.waitForSelector('[data-main][data-page="check"]');
  assert.equal((await saved(page)).answers.strength_freq, 'weekly');
  // A change that reveals a new page asks it first: form details once someone has seen the runner.
  await page.click('[data-change="form_seen"]');
  await page.waitForSelector('form[data-page-id="form_screen"]');
  await fillItem(page, 'form_seen', false);
  await page.click('[data-continue]');
  await page.waitForSelector('[data-main][data-page="check"]');
  assert.ok(!('form_signs' in (await answersShown(page))));
  await page.click('[data-change="form_seen"]');
  await page.waitForSelector('form[data-page-id="form_screen"]');
  await fillItem(page, 'form_seen', true);
  await page.click('[data-continue]');
  await page.waitForSelector('form[data-page-id="form_detail"]');
  await fillPage(page, { form_signs: ['loud'] });
  await page.waitForSelector('[data-main][data-page="check"]');
  assert.ok('form_signs' in (await answersShown(page)));
  assert.equal(await page.locator('[data-see-result]').count(), 1);
  // The other answers are untouched.
  const { answers } = await saved(page);
  assert.equal(answers.weekly_now, runners.selfcare.weekly_now);
  assert.deepEqual(answers.pain_where, runners.selfcare.pain_where);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a reload resumes where the person was; a new visit offers to continue', async () => {
  const { page, problems, context } = await fresh();
  await startCheck(page);
  for (const id of ['about_you', 'rf_emergency']) {
    await page.waitForSelector(`form[data-page-id="${id}"]`);
    await fillPage(page, runners.selfcare);
  }
  await page.waitForSelector('form[data-page-id="rf_urgent"]');
  await page.reload();
  await page.waitForSelector('html.is-ready');
  assert.equal(await currentPage(page), 'rf_urgent');
  await page.click('[data-back]');
  await page.waitForSelector('form[data-page-id="rf_emergency"]');
  assert.equal(await page.isChecked('input[name="rf_fever"][value="1"]'), true); // "No"
  // A new visit without history offers to continue.
  const other = await context.newPage();
  await gotoApp(other, srv.origin);
  assert.equal(await other.locator('[data-continue-check]').count(), 1);
  await other.click('[data-continue-check]');
  await other.waitForSelector('form[data-page-id="rf_emergency"]');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a share link opens the result; a tampered or old link gives a clear message and a fresh start', async () => {
  const { page, problems, context } = await fresh();
  const state = await stateFor(page, runners.urgent);
  await page.goto(`${srv.origin}/${shareFragment(state)}`);
  await page.waitForSelector('[data-care]');
  assert.equal(await page.getAttribute('[data-care]', 'data-care'), 'urgent');
  assert.equal(new URL(page.url()).hash, '');
  // The page makes a link that carries the same state.
  await page.click('[data-share]');
  const link = await page.inputValue('[data-share-link]');
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#s=[A-Za-z0-9_-]+$/);
  const tampered = JSON.parse(state);
  tampered.content.version = 'old';
  const v1 = { format: 'hipcheck.state', version: 1, content: tampered.content, answers: {}, cursor: null };
  for (const bad of [shareFragment(JSON.stringify(tampered)), shareFragment(JSON.stringify(v1)), '#s=%%%not-base64', `#s=${Buffer.from('{"format":1}').toString('base64url')}`]) {
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

test('Start again and Clear my answers remove everything', async () => {
  const { page, problems, context } = await fresh();
  await startCheck(page, { mode: 'quick' });
  await answerAll(page, runners.selfcare);
  await page.click('[data-see-result]');
  await page.waitForSelector('[data-care]');
  // Start again: back to the start page to choose the check again, with nothing kept.
  await page.click('[data-start-again]');
  await page.waitForSelector('[data-main][data-page="start"]');
  assert.equal(await page.locator('[data-continue-check]').count(), 0);
  assert.equal(await page.isChecked('input[name=mode][value="full"]'), true);
  await startCheck(page);
  await page.waitForSelector('form[data-page-id="about_you"]');
  assert.equal(await page.locator('form[data-page-id] input:checked').count(), 0);
  assert.equal((await saved(page)).settings.mode, 'full');
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
  await page.click('[data-confirm="quiz-unanswered"]'); // a half-answered sheet asks first (issue 10)
  await page.waitForSelector('[data-quiz-score]');
  assert.equal(await page.locator('[data-quiz-result]').count(), questions);
  assert.ok((await page.locator('.revisit li').count()) > 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('choosing an exclusive option ("none of these") unchecks the others, and the other way round', async () => {
  const { page, problems, context } = await fresh();
  await startCheck(page, { lessons: false });
  for (let i = 0; i < 30 && (await currentPage(page)) !== 'form_detail'; i += 1) {
    const before = await page.getAttribute('[data-main]', 'data-render');
    await fillPage(page, runners.selfcare);
    await waitForRender(page, before);
  }
  assert.equal(await currentPage(page), 'form_detail');
  const group = '[data-item="form_signs"]';
  const exclusive = await page.$$eval(`${group} input[data-exclusive="true"]`, (els) => els.map((el) => el.value));
  assert.ok(exclusive.length >= 1);
  const others = await page.$$eval(`${group} input[type=checkbox]:not([data-exclusive])`, (els) => els.map((el) => el.value));
  await page.check(`${group} input[value="${others[0]}"]`);
  await page.check(`${group} input[value="${others[1]}"]`);
  await page.check(`${group} input[value="${exclusive[0]}"]`);
  assert.equal(await page.locator(`${group} input:checked`).count(), 1);
  await page.check(`${group} input[value="${others[0]}"]`);
  assert.equal(await page.isChecked(`${group} input[value="${exclusive[0]}"]`), false);
  assert.deepEqual(problems(), []);
  await context.close();
});
