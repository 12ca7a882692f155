// Screenshots of the main pages at a phone and a desktop size, in build/screenshots/, to look at.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { answerAll, fillAnswer, gotoApp, launch, openPage, root, scenario, startServer, waitForRender } from './helpers.mjs';

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
      const { answers } = scenario('mixed-causes');
      await gotoApp(page, srv.origin);
      await shot('start');
      await page.click('[data-start]');
      await page.waitForSelector('form[data-item-id="units"]');
      await shot('question');
      await page.click('[data-continue]');
      await page.waitForSelector('form[data-item-id="has_pain"]');
      await page.click('[data-continue]');
      await page.waitForSelector('[data-error-summary]');
      await shot('question-error');
      await answerAll(page, answers);
      await shot('check');
      await page.click('[data-see-result]');
      await page.waitForSelector('[data-care]');
      await shot('result');
      await page.click('[data-open-anatomy]');
      await page.waitForSelector('[data-explorer]');
      await page.click('[data-structure-button="femoral_head"]');
      await shot('anatomy');
      // A lesson card: start again and read on to the first one.
      await page.goBack();
      await page.waitForSelector('[data-care]');
      await page.click('[data-start-again]');
      for (let i = 0; i < 40; i += 1) {
        await page.waitForSelector('form[data-item-id]');
        const form = page.locator('form[data-item-id]');
        if ((await form.getAttribute('data-item-type')) === 'lesson') break;
        const before = await page.getAttribute('[data-main]', 'data-render');
        await fillAnswer(page, answers[await form.getAttribute('data-item-id')]);
        await waitForRender(page, before);
      }
      await shot('lesson');
      assert.deepEqual(problems(), []);
      await context.close();
    });
  }
}
