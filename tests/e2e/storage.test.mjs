// Answers kept on this device (issue 12): a share link that cannot be opened never touches the
// saved answers, a valid one asks before replacing answers in progress, two tabs stay consistent,
// and the clinic's links pass the same URL check as source links. Every test also fails on a CSP
// violation, a page error or a request to another origin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSite, currentPage, fillPage, gotoApp, openPage, openSite, runners, shareFragment, startCheck, stateFor, waitForRender } from './helpers.mjs';

let srv;
let browser;
before(async () => ({ srv, browser } = await openSite()));
after(() => closeSite({ srv, browser }));

const KEY = 'hipcheck.state.v1';
const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);
const answerCount = async (page) => Object.keys(JSON.parse((await stored(page)) ?? '{}').answers ?? {}).length;

// The first pages of a self-care check: about you and the emergency signs (seven answers).
const early = Object.fromEntries(
  ['age_band', 'has_pain', 'rf_cannot_walk', 'rf_hot_joint', 'rf_fever', 'rf_bladder_bowel', 'rf_saddle_both_legs'].map((id) => [id, runners.selfcare[id]]),
);

/** A page with `answers` saved on this device, reloaded so the page starts from them. */
async function withSaved(answers) {
  const opened = await openPage(browser, srv.origin);
  await gotoApp(opened.page, srv.origin);
  const state = await stateFor(opened.page, answers);
  await opened.page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, state]);
  await opened.page.reload();
  await opened.page.waitForSelector('html.is-ready');
  return { ...opened, state };
}

/** Answers the page on show from the self-care runner and waits for the next one. */
async function answerPage(page) {
  const before = await page.getAttribute('[data-main]', 'data-render');
  await fillPage(page, runners.selfcare);
  await waitForRender(page, before);
}

test('a bad share link leaves the saved answers, and Continue carries on with them', async () => {
  const { page, problems, context, state } = await withSaved(early);
  assert.ok((await answerCount(page)) >= 6);
  for (const bad of ['#s=bm90IGEgc3RhdGU', '#s=%%%', shareFragment(JSON.stringify({ ...JSON.parse(state), answers: { nope: 1 } }))]) {
    await page.goto(`${srv.origin}/${bad}`);
    await page.waitForSelector('html.is-ready');
    assert.equal(await page.getAttribute('[data-notice]', 'data-notice'), 'share.badTitle');
    assert.equal(await page.getAttribute('[data-main]', 'data-page'), 'start');
    assert.equal(await stored(page), state, `${bad} changed the saved answers`);
  }
  // "Continue your check" shows the next page of the saved check, not a blank first question.
  await page.click('[data-continue-check]');
  await page.waitForSelector('form[data-page-id]');
  assert.notEqual(await currentPage(page), 'about_you');
  await answerPage(page);
  const now = JSON.parse(await stored(page)).answers;
  for (const [id, value] of Object.entries(early)) assert.deepEqual(now[id], value, id);
  assert.ok(Object.keys(now).length > Object.keys(early).length);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a bad share link with nothing saved offers no check to continue', async () => {
  const { page, problems, context } = await openPage(browser, srv.origin);
  await gotoApp(page, srv.origin, '/#s=bm90IGEgc3RhdGU');
  assert.equal(await page.getAttribute('[data-notice]', 'data-notice'), 'share.badTitle');
  assert.equal(await page.locator('[data-continue-check]').count(), 0);
  assert.equal(await stored(page), null);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a share link asks before replacing answers in progress: keep mine, or open the link', async () => {
  const { page, problems, context, state } = await withSaved(early);
  const link = await stateFor(page, runners.urgent);
  await page.goto(`${srv.origin}/${shareFragment(link)}`);
  await page.waitForSelector('dialog[data-dialog="share"]');
  await page.click('[data-cancel="share"]');
  await page.waitForSelector('[data-notice="share.keptTitle"]');
  assert.equal(JSON.stringify(JSON.parse(await stored(page)).answers), JSON.stringify(JSON.parse(state).answers));
  assert.equal(await page.getAttribute('[data-main]', 'data-page'), 'question');
  assert.equal(new URL(page.url()).hash, '');

  await page.goto(`${srv.origin}/${shareFragment(link)}`);
  await page.waitForSelector('dialog[data-dialog="share"]');
  await page.click('[data-confirm="share"]');
  await page.waitForSelector('[data-care]');
  assert.equal(await page.getAttribute('[data-care]', 'data-care'), 'urgent');
  assert.deepEqual(JSON.parse(await stored(page)).answers, JSON.parse(link).answers);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('two tabs: each is told of the other\'s answers, and nothing is lost', async () => {
  const a = await openPage(browser, srv.origin);
  await gotoApp(a.page, srv.origin);
  await startCheck(a.page);
  while ((await answerCount(a.page)) < 4) await answerPage(a.page);
  // Tab B opens with A's four answers and carries on from them.
  const b = await a.context.newPage();
  await gotoApp(b, srv.origin);
  await b.click('[data-continue-check]');
  await b.waitForSelector('form[data-page-id]');
  const bPage = await currentPage(b);
  // A answers on to nine or more.
  while ((await answerCount(a.page)) < 9) await answerPage(a.page);
  const nine = JSON.parse(await stored(a.page)).answers;
  // B is told, and shows the page it was on with A's answers.
  await b.waitForSelector('[data-notice="sync.title"]');
  assert.equal(await currentPage(b), bPage);
  // B answers once: nothing of A's is lost.
  await answerPage(b);
  const after = JSON.parse(await stored(b)).answers;
  for (const [id, value] of Object.entries(nine)) assert.deepEqual(after[id], value, id);
  // B clears its answers: A is told and shows the start page.
  await a.page.evaluate(() => window.scrollTo(0, 0));
  await b.evaluate((key) => localStorage.removeItem(key), KEY);
  await a.page.waitForSelector('[data-notice="sync.title"]');
  assert.equal(await a.page.getAttribute('[data-notice]', 'data-notice'), 'sync.title');
  assert.deepEqual(a.problems(), []);
  await a.context.close();
});

test('the clinic\'s booking and emergency links pass the URL check source links pass', async () => {
  const { page, problems, context } = await openPage(browser, srv.origin);
  await context.route('**/clinic.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        name: 'Edited Clinic',
        booking: { url: 'javascript:alert(1)', phone: '5550 1234', phoneHref: 'javascript:alert(2)' },
        emergency: { number: '000', country: 'AU', href: 'javascript:alert(3)' },
        urgentCare: { name: 'Nurse line', phone: '1800 000', url: 'javascript:alert(4)', phoneHref: 'tel:1800000' },
      }),
    }),
  );
  await gotoApp(page, srv.origin);
  const state = await stateFor(page, runners.urgent);
  await page.goto(`${srv.origin}/${shareFragment(state)}`);
  await page.waitForSelector('[data-care]');
  // The clinic's details are used (its phone shows), but no link runs script.
  assert.match(await page.textContent('main'), /5550 1234/);
  const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs.filter((href) => /^\s*javascript:/i.test(href)), []);
  assert.equal(await page.locator('[data-booking-button]').count(), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});
