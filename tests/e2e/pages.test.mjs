// The v2 flow in Chromium: pages of several questions (a grid of yes/no rows with one error
// summary), the quick mode, skipping the lessons, the urgent notice (continue and finish) and
// the emergency stop. Each page kind is checked with axe; every test also fails on a page error,
// a CSP violation or a request to another origin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerAll, axe, closeSite, currentPage, fillItem, fillPage, gotoApp, itemsShown, openPage, openSite, runners, startCheck, waitForRender,
} from './helpers.mjs';

let srv;
let browser;
before(async () => ({ srv, browser } = await openSite()));
after(() => closeSite({ srv, browser }));

async function fresh(options) {
  const opened = await openPage(browser, srv.origin, options);
  await gotoApp(opened.page, srv.origin);
  return opened;
}

/** Answers the pages on show from `answers` until the page `id` is on show. */
async function answerUntil(page, answers, id) {
  for (let i = 0; i < 40 && (await currentPage(page)) !== id; i += 1) {
    const before = await page.getAttribute('[data-main]', 'data-render');
    await fillPage(page, answers);
    await waitForRender(page, before);
  }
  assert.equal(await currentPage(page), id);
}

const kind = (page) => page.getAttribute('[data-main]', 'data-page');

test('a grid page: each yes/no row is its own fieldset, and a missing row gets one error summary that links to it', async () => {
  const { page, problems, context } = await fresh();
  await startCheck(page);
  await answerUntil(page, runners.selfcare, 'rf_emergency');
  // Every row of the grid: a fieldset with its question as the legend, and Yes and No radios.
  const rows = await page.$$eval('[data-grid] [data-item]', (els) =>
    els.map((el) => ({
      id: el.dataset.item,
      legend: el.querySelector('fieldset > legend')?.textContent.trim(),
      radios: [...el.querySelectorAll('input[type=radio]')].map((input) => document.querySelector(`label[for="${input.id}"]`)?.textContent),
    })),
  );
  assert.deepEqual(rows.map((row) => row.id), ['rf_cannot_walk', 'rf_hot_joint', 'rf_fever', 'rf_bladder_bowel', 'rf_saddle_both_legs']);
  for (const row of rows) {
    assert.ok(row.legend.length > 10, `${row.id} has its question as the legend`);
    assert.deepEqual(row.radios, ['Yes', 'No'], row.id);
  }
  assert.equal(await page.locator('h1').count(), 1);
  assert.match(await page.textContent('[data-progress]'), /Page \d+ of \d+/);
  await axe(page, 'grid page');
  // All rows but one answered: one summary, one message, by the row it is about.
  for (const id of ['rf_cannot_walk', 'rf_hot_joint', 'rf_fever', 'rf_saddle_both_legs']) await fillItem(page, id, false);
  const before = await page.getAttribute('[data-main]', 'data-render');
  await page.click('[data-continue]');
  await waitForRender(page, before, { allowError: true });
  await page.waitForSelector('[data-error-summary]');
  assert.equal(await page.locator('[data-error-summary]').count(), 1);
  assert.equal(await page.locator('[data-error-summary] li').count(), 1);
  assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary')), true);
  assert.match(await page.title(), /^Error: /);
  assert.equal(await page.locator('.error-message').count(), 1);
  assert.equal(await page.locator('[data-item="rf_bladder_bowel"] .error-message').count(), 1);
  // What was chosen stays chosen.
  assert.equal(await page.isChecked('input[name="rf_cannot_walk"][value="1"]'), true);
  await axe(page, 'grid page with an error');
  // The summary's link takes the focus to the row's first radio.
  await page.click('[data-error-summary] a');
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'rf_bladder_bowel');
  await fillItem(page, 'rf_bladder_bowel', false);
  const next = await page.getAttribute('[data-main]', 'data-render');
  await page.click('[data-continue]');
  await waitForRender(page, next);
  assert.equal(await currentPage(page), 'rf_urgent');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('load_weekly: the unit radios sit by the first distance, start as the clinic\'s unit, and the distance labels follow them', async () => {
  const { page, problems, context } = await fresh();
  await startCheck(page, { lessons: false });
  await answerUntil(page, runners.selfcare, 'load_weekly');
  assert.deepEqual((await itemsShown(page)).sort(), ['units', 'weekly_before', 'weekly_now']);
  // The units fieldset is inside the first distance's group.
  assert.equal(await page.locator('[data-item="weekly_now"] [data-item="units"]').count(), 1);
  const values = JSON.parse(await page.getAttribute('[data-item="units"]', 'data-values'));
  assert.equal(await page.isChecked(`input[name="units"][value="${values.indexOf('km')}"]`), true);
  const labels = () => page.$$eval('[data-unit-label="distance"]', (els) => els.map((el) => el.textContent));
  assert.deepEqual(await labels(), ['km']);
  await fillItem(page, 'units', 'mi');
  assert.deepEqual(await labels(), ['miles']);
  await axe(page, 'distances with the unit');
  // A number out of range: the engine's message names the item, the typed text stays.
  await fillItem(page, 'weekly_now', 99999);
  await fillItem(page, 'weekly_before', 'not-sure');
  const before = await page.getAttribute('[data-main]', 'data-render');
  await page.click('[data-continue]');
  await waitForRender(page, before, { allowError: true });
  await page.waitForSelector('[data-error-summary]');
  assert.equal(await page.locator('[data-error-summary] li').count(), 1);
  assert.equal(await page.getAttribute('[data-error-summary] a', 'href'), '#f-weekly_now');
  assert.equal(await page.inputValue('[data-item="weekly_now"] input[data-answer]'), '99999');
  assert.equal(await page.getAttribute('[data-item="weekly_now"] input[data-answer]', 'aria-invalid'), 'true');
  assert.equal(await page.isChecked('[data-item="weekly_before"] input[data-not-sure]'), true);
  assert.deepEqual(await labels(), ['miles']);
  await axe(page, 'distances with an error');
  await fillItem(page, 'weekly_now', 20);
  const next = await page.getAttribute('[data-main]', 'data-render');
  await page.click('[data-continue]');
  await waitForRender(page, next);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('hipcheck.state.v1')).answers);
  assert.equal(saved.units, 'mi');
  assert.equal(saved.weekly_now, 20);
  assert.equal(saved.weekly_before, 'not-sure');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the quick check asks about safety, pain and training only, and reaches a result', async () => {
  const { page, problems, context } = await fresh({ viewport: { width: 375, height: 812 } });
  await startCheck(page, { mode: 'quick' });
  const seen = await answerAll(page, runners.selfcare);
  for (const id of ['shoes', 'form_screen', 'form_detail', 'imbalance', 'lesson_muscles']) assert.ok(!seen.includes(id), `${id} is not in the quick check`);
  for (const id of ['about_you', 'rf_emergency', 'pain_how', 'load_weekly', 'load_runs']) assert.ok(seen.includes(id), `${id} is in the quick check`);
  assert.ok(seen.length <= 12, `${seen.length} pages: ${seen.join(', ')}`);
  assert.equal(await kind(page), 'check');
  await axe(page, 'quick check, check your answers');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('hipcheck.state.v1')));
  assert.equal(saved.settings.mode, 'quick');
  await page.click('[data-see-result]');
  await page.waitForSelector('[data-care]');
  assert.equal(await page.getAttribute('[data-care]', 'data-care'), 'selfcare');
  await axe(page, 'quick check result');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the lessons can be skipped from the start page, or from a lesson with its own link', async () => {
  const { page, problems, context } = await fresh();
  // From the start page: no lesson at all.
  await startCheck(page, { lessons: false });
  const seen = await answerAll(page, runners.selfcare);
  assert.ok(!seen.some((id) => id.startsWith('lesson_')), seen.join(', '));
  // From the first lesson: Continue and "Skip the lessons" side by side; skipping goes on to the
  // next question page and no other lesson follows.
  await page.click('[data-nav="anatomy"]');
  await page.waitForSelector('[data-explorer]');
  await page.click('[data-home]');
  await page.waitForSelector('[data-start-again]');
  await startCheck(page, { lessons: true });
  await answerUntil(page, runners.selfcare, 'lesson_hip_joint');
  assert.equal(await page.locator('form[data-lesson] [data-continue]').count(), 1);
  assert.equal(await page.locator('form[data-lesson] [data-skip-lessons]').count(), 1);
  await axe(page, 'lesson');
  const before = await page.getAttribute('[data-main]', 'data-render');
  await page.click('[data-skip-lessons]');
  await waitForRender(page, before);
  assert.equal(await currentPage(page), 'pain_where_when');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  const rest = await answerAll(page, runners.selfcare);
  assert.ok(!rest.some((id) => id.startsWith('lesson_')), rest.join(', '));
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('hipcheck.state.v1')));
  assert.equal(saved.settings.lessons, false);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('an urgent answer: the next page says what to do now, with the clinic\'s booking; continue goes on with the check', async () => {
  const { page, problems, context } = await openPage(browser, srv.origin);
  // A clinic with a booking link and phone.
  await context.route('**/clinic.json', async (route) => {
    const config = await (await route.fetch()).json();
    await route.fulfill({ json: { ...config, name: 'Riverside Physio', booking: { url: 'https://example.org/book', phone: '01234 567890', phoneHref: 'tel:+441234567890' } } });
  });
  await gotoApp(page, srv.origin);
  await startCheck(page);
  await answerUntil(page, runners.urgent, 'rf_urgent');
  const before = await page.getAttribute('[data-main]', 'data-render');
  await fillPage(page, runners.urgent);
  await waitForRender(page, before);
  // The very next page is the notice.
  assert.equal(await kind(page), 'notice');
  assert.equal(await page.getAttribute('[data-stop]', 'data-stop-level'), 'urgent');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  const heading = (await page.textContent('h1')).trim();
  assert.ok(heading.length > 5);
  assert.match(await page.title(), new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.ok((await page.textContent('[data-care-action]')).trim().length > 20);
  assert.equal(await page.getAttribute('[data-clinic-booking] a[href^="https:"]', 'href'), 'https://example.org/book');
  assert.equal(await page.getAttribute('[data-clinic-booking] a[href^="tel:"]', 'href'), 'tel:+441234567890');
  assert.equal(await page.locator('[data-proceed="continue"]').count(), 1);
  assert.equal(await page.locator('[data-proceed="finish"]').count(), 1);
  await axe(page, 'urgent notice');
  // Continue: on to the next page of the check, then all the way to the result, which has no plan.
  const shown = await page.getAttribute('[data-main]', 'data-render');
  await page.click('[data-proceed="continue"]');
  await waitForRender(page, shown);
  assert.equal(await kind(page), 'question');
  assert.equal(await currentPage(page), 'rf_soon');
  const seen = await answerAll(page, runners.urgent);
  assert.ok(!seen.some((id) => id.startsWith('notice:')), 'the notice shows once');
  assert.equal(await kind(page), 'check');
  await page.click('[data-see-result]');
  await page.waitForSelector('[data-care]');
  assert.equal(await page.getAttribute('[data-care]', 'data-care'), 'urgent');
  assert.equal(await page.locator('[data-plan]:not([data-plan="none"])').count(), 0);
  assert.equal(await page.locator('[data-causes]').count(), 1);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('an urgent answer, then "See your result now": the result at once, with no plan', async () => {
  const { page, problems, context } = await fresh();
  await startCheck(page);
  await answerUntil(page, runners.urgent, 'rf_urgent');
  await fillPage(page, runners.urgent);
  await page.waitForSelector('[data-main][data-page="notice"]');
  await page.click('[data-proceed="finish"]');
  await page.waitForSelector('[data-care]');
  assert.equal(await page.getAttribute('[data-care]', 'data-care'), 'urgent');
  assert.equal(await page.locator('[data-plan]').count(), 0);
  assert.equal(await page.locator('[data-cause]').count(), 0, 'no cause scores: their questions were not asked');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  await axe(page, 'urgent result after finish');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('hipcheck.state.v1')));
  assert.deepEqual(saved.acknowledged, ['urgent']);
  assert.equal(saved.finished, true);
  // A reload keeps the result.
  await page.reload();
  await page.waitForSelector('html.is-ready');
  await page.waitForSelector('[data-care]');
  assert.equal(await page.getAttribute('[data-care]', 'data-care'), 'urgent');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('an emergency answer: the next page is the emergency result, with no causes, tips, plan or share link', async () => {
  const { page, problems, context } = await fresh();
  await startCheck(page);
  const seen = await answerAll(page, runners.emergency);
  assert.deepEqual(seen, ['about_you', 'rf_emergency']);
  assert.equal(await kind(page), 'result');
  assert.equal(await page.getAttribute('[data-care]', 'data-care'), 'emergency');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  assert.ok((await page.textContent('[data-care] .care__action')).trim().length > 20);
  assert.match(await page.getAttribute('[data-clinic-emergency]', 'href'), /^tel:/);
  for (const selector of ['[data-causes]', '[data-tips]', '[data-plan]', '[data-share]', '[data-share-panel]', '[data-severity]']) {
    assert.equal(await page.locator(selector).count(), 0, `${selector} on the emergency result`);
  }
  assert.ok((await page.locator('[data-care] [data-flag]').count()) > 0, 'the reason is given');
  await axe(page, 'emergency result');
  // Back returns to the page with the answer, to change it.
  await page.click('[data-back]');
  await page.waitForSelector('form[data-page-id="rf_emergency"]');
  assert.equal(await page.isChecked('input[name="rf_cannot_walk"][value="0"]'), true);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a change on the check page that raises the urgent notice shows it, then returns to the check page', async () => {
  const { page, problems, context } = await fresh();
  await startCheck(page, { lessons: false });
  await answerAll(page, runners.selfcare);
  assert.equal(await kind(page), 'check');
  await page.click('[data-change="rf_hop"]');
  await page.waitForSelector('form[data-page-id="rf_urgent"]');
  await fillItem(page, 'rf_hop', true);
  await page.click('[data-continue]');
  await page.waitForSelector('[data-main][data-page="notice"]');
  await page.click('[data-proceed="continue"]');
  await page.waitForSelector('[data-main][data-page="check"]');
  assert.equal(await page.textContent('[data-answer-row="rf_hop"] .summary-list__value'), 'Yes');
  await page.click('[data-see-result]');
  await page.waitForSelector('[data-care]');
  assert.equal(await page.getAttribute('[data-care]', 'data-care'), 'urgent');
  assert.equal(await page.locator('[data-plan]:not([data-plan="none"])').count(), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});
