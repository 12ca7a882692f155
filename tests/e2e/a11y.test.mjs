// axe-core over every kind of page, in light and dark colour schemes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, closeSite, fillPage, gotoApp, openPage, openResult, openSite, runners, shownKind, startCheck, waitForRender } from './helpers.mjs';

let srv;
let browser;
before(async () => ({ srv, browser } = await openSite()));
after(() => closeSite({ srv, browser }));

for (const colorScheme of ['light', 'dark']) {
  test(`no axe violations on the start, question, error, lesson, notice, check, explorer and quiz pages (${colorScheme})`, async () => {
    const { page, problems, context } = await openPage(browser, srv.origin, { colorScheme });
    await gotoApp(page, srv.origin);
    await axe(page, 'start');
    await startCheck(page);
    await page.waitForSelector('form[data-page-id="about_you"]');
    await axe(page, 'question');
    await page.click('[data-continue]');
    await page.waitForSelector('[data-error-summary]');
    await axe(page, 'question with an error');
    // Every page on the way to the check page, once per kind of item on it; the urgent notice too.
    const answers = runners.urgent;
    const checked = new Set();
    for (let i = 0; i < 40; i += 1) {
      const kind = await shownKind(page);
      if (kind === 'check') break;
      const before = await page.getAttribute('[data-main]', 'data-render');
      if (kind === 'notice') {
        await axe(page, 'notice');
        checked.add('notice');
        await page.click('[data-proceed="continue"]');
      } else {
        const types = await page.$$eval('form[data-page-id] [data-item-type]', (els) => els.map((el) => el.dataset.itemType));
        const fresh = (kind === 'lesson' ? ['lesson'] : types).filter((type) => !checked.has(type));
        if (fresh.length) {
          for (const type of fresh) checked.add(type);
          await axe(page, `page ${await page.getAttribute('form[data-page-id]', 'data-page-id')} (${fresh.join(', ')})`);
        }
        await fillPage(page, answers);
      }
      await waitForRender(page, before);
    }
    for (const type of ['lesson', 'notice', 'yesno', 'single', 'multiple', 'scale', 'number']) assert.ok(checked.has(type), type);
    await axe(page, 'check your answers');
    // The start page with a check in progress: Continue your check, or a new one.
    await page.click('[data-home]');
    await page.waitForSelector('[data-continue-check]');
    await axe(page, 'start with a saved check');
    await page.click('[data-learn], [data-nav="anatomy"]');
    await page.waitForSelector('[data-explorer]');
    await axe(page, 'anatomy explorer');
    await page.click('[data-structure-button="femoral_head"]');
    await axe(page, 'anatomy explorer with a part chosen');
    await page.click('[data-open-quiz]');
    await page.waitForSelector('[data-quiz]');
    await axe(page, 'quiz');
    await page.check('[data-quiz-question] >> nth=0 >> input >> nth=1');
    await page.click('[data-quiz-submit]');
    await page.click('[data-confirm="quiz-unanswered"]'); // a half-answered sheet asks first (issue 10)
    await page.waitForSelector('[data-quiz-score]');
    await axe(page, 'quiz scored');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test(`no axe violations on each care level's result page (${colorScheme})`, async () => {
    const { page, problems, context } = await openPage(browser, srv.origin, { colorScheme });
    const soon = { ...runners.selfcare, pain_duration: 'gt_6w' };
    for (const [answers, care] of [[runners.emergency, 'emergency'], [runners.urgent, 'urgent'], [soon, 'soon'], [runners.selfcare, 'selfcare']]) {
      await openResult(page, srv.origin, answers);
      assert.equal(await page.getAttribute('[data-care]', 'data-care'), care);
      await axe(page, `result ${care}`);
    }
    await page.click('[data-share]');
    await axe(page, 'result with the share link');
    assert.deepEqual(problems(), []);
    await context.close();
  });
}
