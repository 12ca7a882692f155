// Screenshots of the main pages at a phone and a desktop size, in build/screenshots/, to look at.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  answerAll, currentPage, fillItem, fillPage, gotoApp, launch, openPage, root, runners, shareFragment, shownKind, startCheck, startServer, stateFor, waitForRender,
} from './helpers.mjs';

const folder = join(root, 'build/screenshots');
let srv;
let browser;
before(async () => {
  mkdirSync(folder, { recursive: true });
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

/** Answers the pages on show until the page `id` is on show (null: until a notice). */
async function answerUntil(page, answers, id) {
  for (let i = 0; i < 40; i += 1) {
    if (id === null ? (await shownKind(page)) === 'notice' : (await currentPage(page)) === id) return;
    const before = await page.getAttribute('[data-main]', 'data-render');
    await fillPage(page, answers);
    await waitForRender(page, before);
  }
  throw new Error(`never reached ${id ?? 'a notice'}`);
}

const sizes = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 800 } };

for (const [size, viewport] of Object.entries(sizes)) {
  for (const colorScheme of ['light', 'dark']) {
    test(`screenshots at ${viewport.width}x${viewport.height} (${colorScheme})`, async () => {
      const { page, problems, context } = await openPage(browser, srv.origin, { viewport, colorScheme });
      const shot = async (name) => {
        // Nothing may be wider than the screen.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name} is ${overflow}px wider than the screen`);
        await page.screenshot({ path: join(folder, `${name}-${size}-${colorScheme}.png`), fullPage: true });
      };
      await gotoApp(page, srv.origin);
      await shot('start');
      await startCheck(page);
      await page.waitForSelector('form[data-page-id="about_you"]');
      await shot('question');
      await page.click('[data-continue]');
      await page.waitForSelector('[data-error-summary]');
      await shot('question-error');
      // The grid of emergency signs, with one row left out (one error summary).
      await answerUntil(page, runners.urgent, 'rf_emergency');
      await shot('grid');
      for (const id of ['rf_cannot_walk', 'rf_hot_joint', 'rf_fever', 'rf_bladder_bowel']) await fillItem(page, id, false);
      await page.click('[data-continue]');
      await page.waitForSelector('[data-error-summary]');
      await shot('grid-error');
      const before = await page.getAttribute('[data-main]', 'data-render');
      await fillPage(page, runners.urgent);
      await waitForRender(page, before);
      // The urgent notice, then the lesson, the distances with the unit, and on to the result.
      await answerUntil(page, runners.urgent, null);
      await shot('notice');
      await page.click('[data-proceed="continue"]');
      await answerUntil(page, runners.urgent, 'lesson_hip_joint');
      await shot('lesson');
      await answerUntil(page, runners.urgent, 'load_weekly');
      await shot('distances');
      await answerAll(page, runners.urgent);
      await shot('check');
      await page.click('[data-see-result]');
      await page.waitForSelector('[data-care]');
      await shot('result');
      await page.click('[data-open-anatomy]');
      await page.waitForSelector('[data-explorer]');
      await page.click('[data-structure-button="femoral_head"]');
      await shot('anatomy');
      // The emergency result, straight after the emergency signs.
      await page.click('[data-home]');
      await page.waitForSelector('[data-start-again]');
      await startCheck(page);
      await answerAll(page, runners.emergency);
      await page.waitForSelector('[data-care="emergency"]');
      await shot('emergency');
      const selfcare = await stateFor(page, runners.selfcare);
      await page.evaluate(() => localStorage.clear()); // a new visitor: no check to replace
      await page.goto(`${srv.origin}/${shareFragment(selfcare)}`);
      await page.waitForSelector('[data-care="selfcare"]');
      await shot('result-selfcare');
      assert.deepEqual(problems(), []);
      await context.close();
    });
  }
}

// Spanish (issue 13): the start page and a result, in a browser that prefers Spanish.
for (const [size, viewport] of Object.entries(sizes)) {
  test(`Spanish screenshots at ${viewport.width}x${viewport.height}`, async () => {
    const { page, problems, context } = await openPage(browser, srv.origin, { viewport, locale: 'es-ES' });
    const shot = async (name) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} is ${overflow}px wider than the screen`);
      await page.screenshot({ path: join(folder, `${name}-${size}-es.png`), fullPage: true });
    };
    await gotoApp(page, srv.origin);
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    await shot('start');
    const urgent = await stateFor(page, runners.urgent);
    await page.evaluate(() => localStorage.removeItem('hipcheck.state.v1'));
    await page.goto(`${srv.origin}/${shareFragment(urgent)}`);
    await page.waitForSelector('[data-care="urgent"]');
    await shot('result');
    assert.deepEqual(problems(), []);
    await context.close();
  });
}
