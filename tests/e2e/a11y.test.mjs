// axe-core over every kind of page, in light and dark colour schemes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { answerAll, closeSite, fillAnswer, gotoApp, openPage, openResult, openSite, scenario, waitForRender } from './helpers.mjs';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let srv;
let browser;
before(async () => ({ srv, browser } = await openSite()));
after(() => closeSite({ srv, browser }));

async function axe(page, label) {
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
  const summary = violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  assert.deepEqual(summary, [], summary.join('\n'));
}

for (const colorScheme of ['light', 'dark']) {
  test(`no axe violations on the start, question, error, lesson, check, explorer and quiz pages (${colorScheme})`, async () => {
    const { page, problems, context } = await openPage(browser, srv.origin, { colorScheme });
    await gotoApp(page, srv.origin);
    await axe(page, 'start');
    await page.click('[data-start]');
    await page.waitForSelector('form[data-item-id="units"]');
    await axe(page, 'question');
    // The unit starts as the clinic's; the next question starts empty, so Continue is an error.
    await page.click('[data-continue]');
    await page.waitForSelector('form[data-item-id="has_pain"]');
    await page.click('[data-continue]');
    await page.waitForSelector('[data-error-summary]');
    await axe(page, 'question with an error');
    // Go on to the first lesson card, then a scale and a multiple choice with an error.
    const { answers } = scenario('selfcare-mild-pain');
    const checked = new Set();
    for (let i = 0; i < 40; i += 1) {
      const form = page.locator('form[data-item-id]');
      const id = await form.getAttribute('data-item-id');
      const type = await form.getAttribute('data-item-type');
      if (!checked.has(type)) {
        checked.add(type);
        await axe(page, `${type} item ${id}`);
      }
      if (id === 'weekly_now') break;
      const before = await page.getAttribute('[data-main]', 'data-render');
      await fillAnswer(page, type === 'lesson' ? true : answers[id]);
      await waitForRender(page, before);
    }
    assert.ok(checked.has('lesson') && checked.has('scale') && checked.has('multiple') && checked.has('number'));
    await page.click('[data-continue]');
    await page.waitForSelector('[data-error-summary]');
    await axe(page, 'number with an error');
    await page.fill('input[name=answer]', String(answers.weekly_now));
    await page.click('[data-continue]');
    await answerAll(page, answers);
    await axe(page, 'check your answers');
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
    await page.waitForSelector('[data-quiz-score]');
    await axe(page, 'quiz scored');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test(`no axe violations on each care level's result page (${colorScheme})`, async () => {
    const { page, problems, context } = await openPage(browser, srv.origin, { colorScheme });
    for (const name of ['emergency-fall-cannot-walk', 'urgent-pain-on-hopping', 'low-energy-screen', 'selfcare-mild-pain']) {
      const { answers, expect } = scenario(name);
      await openResult(page, srv.origin, answers);
      assert.equal(await page.getAttribute('[data-care]', 'data-care'), expect.care);
      await axe(page, `result ${expect.care}`);
    }
    await page.click('[data-share]');
    await axe(page, 'result with the share link');
    assert.deepEqual(problems(), []);
    await context.close();
  });
}
