// A whole questionnaire, the check page and the result with the keyboard only (no mouse, no clicks).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSite, gotoApp, openPage, openSite, runners } from './helpers.mjs';

let srv;
let browser;
before(async () => ({ srv, browser } = await openSite()));
after(() => closeSite({ srv, browser }));

/** Presses Tab until the focused element matches selector. */
async function tabTo(page, selector, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function focusedIs(page, selector) {
  return page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
}

/** Answers one item of the page on show with the keyboard. */
async function answerByKeyboard(page, id, type, value) {
  const group = `[data-item="${id}"]`;
  if (type === 'number') {
    if (value === 'not-sure') {
      await tabTo(page, `${group} input[data-not-sure]`);
      await page.keyboard.press('Space');
    } else {
      await tabTo(page, `${group} input[data-answer]`);
      await page.keyboard.type(String(value));
    }
  } else if (type === 'multiple') {
    const values = JSON.parse(await page.getAttribute(group, 'data-values'));
    const wanted = new Set(value.map((v) => JSON.stringify(v)));
    for (const [index, v] of values.entries()) {
      await tabTo(page, `${group} input[name="${id}"][value="${index}"]`);
      const checked = await page.evaluate(() => document.activeElement.checked);
      if (checked !== wanted.has(JSON.stringify(v))) await page.keyboard.press('Space');
    }
  } else {
    // A radio group is one Tab stop; the arrow keys choose within it.
    const values = JSON.parse(await page.getAttribute(group, 'data-values'));
    const target = values.findIndex((v) => JSON.stringify(v) === JSON.stringify(value));
    await tabTo(page, `${group} input[name="${id}"]`);
    if (!(await page.evaluate(() => document.activeElement.checked))) await page.keyboard.press('Space');
    let at = Number(await page.evaluate(() => document.activeElement.value));
    while (at !== target) {
      await page.keyboard.press(at < target ? 'ArrowDown' : 'ArrowUp');
      at = Number(await page.evaluate(() => document.activeElement.value));
    }
  }
}

test('a whole check can be done with the keyboard alone', async () => {
  const { page, problems, context } = await openPage(browser, srv.origin);
  const answers = runners.urgent;
  await gotoApp(page, srv.origin);
  await tabTo(page, '[data-start]');
  await page.keyboard.press('Enter');
  let pages = 0;
  for (;;) {
    await page.waitForSelector('[data-main][data-page="question"], [data-main][data-page="notice"], [data-main][data-page="check"]');
    const kind = await page.getAttribute('[data-main]', 'data-page');
    if (kind === 'check') break;
    // Each new page puts the focus on its heading, so a screen reader reads the question first.
    assert.ok(await focusedIs(page, 'h1'), `focus on the heading of page ${pages + 1}`);
    const render = await page.getAttribute('[data-main]', 'data-render');
    if (kind === 'notice') {
      await tabTo(page, '[data-proceed="continue"]');
    } else {
      const items = await page.$$eval('form[data-page-id] [data-item]', (els) => els.map((el) => [el.dataset.item, el.dataset.itemType]));
      // In the order of the page (the units radios come after the first distance's box).
      for (const [id, type] of items) await answerByKeyboard(page, id, type, answers[id]);
      await tabTo(page, '[data-continue]');
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction((r) => document.querySelector('[data-main]').dataset.render !== r, render);
    assert.equal(await page.locator('[data-error-summary]').count(), 0, `no error after page ${pages + 1}`);
    pages += 1;
  }
  assert.ok(pages > 10);
  await tabTo(page, '[data-see-result]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-care]');
  assert.equal(await page.getAttribute('[data-care]', 'data-care'), 'urgent');
  // The anatomy explorer works from the keyboard too.
  await tabTo(page, '[data-open-anatomy]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-explorer]');
  await tabTo(page, '[data-structure-button]');
  await page.keyboard.press('Enter');
  const first = await page.evaluate(() => document.activeElement.dataset.structureButton);
  assert.equal(await page.getAttribute(`[data-structure-button="${first}"]`, 'aria-pressed'), 'true');
  await page.keyboard.press('ArrowRight');
  const second = await page.evaluate(() => document.activeElement.dataset.structureButton);
  assert.notEqual(second, first);
  assert.equal(await page.getAttribute(`[data-structure-button="${second}"]`, 'aria-pressed'), 'true');
  assert.deepEqual(problems(), []);
  await context.close();
});
