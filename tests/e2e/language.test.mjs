// The page's language (issue 13): chosen from the browser's languages, else the clinic's default;
// a switch on every page that keeps the answers and the place; <html lang>; only the chosen bundle
// on a first load; Intl formatting; the result and its printout in Spanish; kiosk resets.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, closeSite, currentPage, fillPage, gotoApp, openPage, openResult, openSite, runners, startCheck, waitForRender } from './helpers.mjs';

let srv;
let browser;
before(async () => ({ srv, browser } = await openSite()));
after(() => closeSite({ srv, browser }));

const bundles = (requests) => requests.filter((url) => /\/content\/[a-z]+\.json$/.test(new URL(url).pathname)).map((url) => new URL(url).pathname);

/** A UI string of a locale's bundle, as the site serves it. */
function uiString(page, locale, key) {
  return page.evaluate(async ([l, k]) => (await (await fetch(`/content/${l}.json`)).json()).ui[k], [locale, key]);
}

async function savedAnswers(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('hipcheck.state.v1') ?? '{}').answers ?? null);
}

test('a browser that prefers Spanish starts in Spanish and fetches only the Spanish bundle', async () => {
  const { page, requests, problems, context } = await openPage(browser, srv.origin, { locale: 'es-ES' });
  await gotoApp(page, srv.origin);
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.deepEqual(bundles(requests), ['/content/es.json']);
  assert.equal(await page.textContent('h1'), await uiString(page, 'es', 'start.title'));
  // The switch names each language in its own language, marks the one shown, and is labelled.
  const nav = page.locator('nav[data-language-switch]');
  assert.equal(await nav.getAttribute('aria-label'), 'Idioma');
  assert.deepEqual(await nav.locator('button').allTextContents(), ['English', 'Español']);
  assert.equal(await nav.locator('button[lang="es"]').getAttribute('aria-current'), 'true');
  assert.equal(await nav.locator('button[lang="en"]').getAttribute('aria-current'), null);
  await axe(page, 'start (es)');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a browser language we do not have gives the clinic\'s default; none gives English', async () => {
  for (const [clinicLocale, wanted] of [['es-MX', 'es'], ['fr', 'en']]) {
    const { page, requests, problems, context } = await openPage(browser, srv.origin, { locale: 'fr-FR' });
    await page.route('**/clinic.json', async (route) => {
      const response = await route.fetch();
      route.fulfill({ response, json: { ...(await response.json()), locale: clinicLocale } });
    });
    await gotoApp(page, srv.origin);
    assert.equal(await page.getAttribute('html', 'lang'), wanted, `clinic locale ${clinicLocale}`);
    assert.deepEqual(bundles(requests), [`/content/${wanted}.json`]);
    assert.deepEqual(problems(), []);
    await context.close();
  }
});

test('switching language mid-check keeps the answers, the page, what was typed and the focus; the choice is remembered', async () => {
  const { page, requests, problems, context } = await openPage(browser, srv.origin, { locale: 'en-GB' });
  await gotoApp(page, srv.origin);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await startCheck(page, { lessons: false });
  // Answer pages until one with a number item, and type into it without sending it.
  let id;
  for (let i = 0; i < 30; i += 1) {
    id = await currentPage(page);
    if (await page.$('form[data-page-id] [data-item-type="number"]')) break;
    const before = await page.getAttribute('[data-main]', 'data-render');
    await fillPage(page, runners.selfcare);
    await waitForRender(page, before);
  }
  const numberInput = page.locator('form[data-page-id] [data-item-type="number"] input[data-answer]').first();
  await numberInput.fill('12,5');
  const answersBefore = await savedAnswers(page);
  assert.ok(Object.keys(answersBefore).length > 3, 'some answers given');

  const before = await page.getAttribute('[data-main]', 'data-render');
  await page.locator('nav[data-language-switch] button[lang="es"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  await waitForRender(page, before);
  assert.equal(await currentPage(page), id, 'the same page');
  assert.deepEqual(await savedAnswers(page), answersBefore, 'the same answers');
  assert.equal(await numberInput.inputValue(), '12,5', 'what was typed is still there');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('lang')), 'es', 'the focus stays on the switch');
  assert.equal(await page.locator('nav[data-language-switch] button[lang="es"]').getAttribute('aria-current'), 'true');
  assert.equal(await page.textContent('[data-continue]'), await uiString(page, 'es', 'continue'));
  assert.equal(await page.evaluate(() => localStorage.getItem('hipcheck.locale.v1')), 'es');
  await axe(page, `question ${id} (es)`);

  // A reload comes back in Spanish, on the same page; "Clear my answers" clears the answers, not
  // the language (a display preference: the page does not change language under the reader).
  const fetched = bundles(requests).length;
  await page.reload();
  await page.waitForSelector('html.is-ready');
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.equal(await currentPage(page), id);
  assert.deepEqual(bundles(requests).slice(fetched), ['/content/es.json']);
  await page.click('[data-clear]');
  await page.click('[data-confirm="clear"]');
  await page.waitForSelector('[data-notice="cleared.title"]');
  assert.equal(await savedAnswers(page), null);
  assert.equal(await page.getAttribute('html', 'lang'), 'es');

  // And back to English.
  await page.click('nav[data-language-switch] button[lang="en"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.evaluate(() => localStorage.getItem('hipcheck.locale.v1')), 'en');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the result in Spanish: lang="es", no axe violations, numbers and the print date written the Spanish way', async () => {
  const { page, problems, context } = await openPage(browser, srv.origin, { locale: 'es-ES' });
  // The share link is made by the English engine: a state opens in either language.
  await openResult(page, srv.origin, { ...runners.selfcare, weekly_now: 30.5 });
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.equal(await page.textContent('#care-title').then((x) => x.length > 0), true);
  await axe(page, 'result (es)');
  // A decimal in the plan (if any) is written with a comma; none with a point.
  const planNumbers = await page.$$eval('[data-plan] .table__number', (els) => els.map((el) => el.textContent));
  assert.ok(planNumbers.length > 0);
  for (const text of planNumbers) assert.doesNotMatch(text, /\d\.\d/, `plan number ${text}`);
  // The answers list too, written once, by the engine: the number as the Spanish content writes it.
  assert.equal(await page.textContent('[data-answer-row="weekly_now"] .summary-list__value'), '30,5 km');

  await page.emulateMedia({ media: 'print' });
  const header = await page.textContent('.print-header__date');
  const date = await page.evaluate(() => new Intl.DateTimeFormat('es', { dateStyle: 'long' }).format(new Date()));
  const template = await uiString(page, 'es', 'print.header');
  assert.equal(header, template.replace('{date}', date));
  assert.match(date, / de /, 'a Spanish long date');
  assert.equal(await page.$eval('nav[data-language-switch]', (el) => el.getClientRects().length), 0, 'the switch does not print');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems(), []);
  await context.close();
});

test('an answer\'s number is written by the engine alone: a clinic whose region writes 30.5 (es-MX) still shows the Spanish content\'s 30,5 km', async () => {
  const { page, problems, context } = await openPage(browser, srv.origin, { locale: 'es-MX' });
  await page.route('**/clinic.json', async (route) => {
    const response = await route.fetch();
    route.fulfill({ response, json: { ...(await response.json()), locale: 'es-MX' } });
  });
  await openResult(page, srv.origin, { ...runners.selfcare, weekly_now: 30.5 });
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.equal(await page.evaluate(() => new Intl.NumberFormat('es-MX').format(30.5)), '30.5', 'Intl would write it otherwise');
  assert.equal(await page.textContent('[data-answer-row="weekly_now"] .summary-list__value'), '30,5 km');
  // Nowhere on the result (the answers, "Dijiste", the reasons) is it written the other way.
  assert.doesNotMatch(await page.textContent('main'), /30\.5/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('in kiosk mode the choice is not stored, and the next visitor starts in the device\'s language', async () => {
  const { page, problems, context } = await openPage(browser, srv.origin, { locale: 'en-US' });
  await page.addInitScript(() => localStorage.setItem('hipcheck.workshop.v1', JSON.stringify({ kiosk: true, idleSeconds: 120 })));
  await gotoApp(page, srv.origin);
  await page.click('nav[data-language-switch] button[lang="es"]');
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  assert.equal(await page.evaluate(() => localStorage.getItem('hipcheck.locale.v1')), null);
  await startCheck(page);
  await fillPage(page, runners.selfcare);
  // "Clear my answers" in a kiosk is the full reset for the next person.
  await page.click('[data-clear]');
  await page.click('[data-confirm="clear"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForSelector('[data-main][data-page="start"]');
  assert.equal(await page.textContent('h1'), await uiString(page, 'en', 'start.title'));
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the handouts print in the language shown', async () => {
  const { page, problems, context } = await openPage(browser, srv.origin, { locale: 'es-ES' });
  await page.goto(`${srv.origin}/#handout`);
  await page.waitForSelector('[data-handout="causes"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  const es = await page.evaluate(async () => (await (await fetch('/content/es.json')).json()));
  await page.emulateMedia({ media: 'print' });
  const printed = await page.textContent('[data-handout="causes"]');
  for (const cause of es.causes.causes) assert.ok(printed.includes(cause.label), `${cause.label} is printed`);
  const quiz = await page.textContent('[data-handout="quiz"]');
  assert.ok(quiz.includes(es.quiz.questions[0].text), 'the quiz sheet is in Spanish');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a language that cannot be loaded leaves the page as it was and says so', async () => {
  const { page, context } = await openPage(browser, srv.origin, { locale: 'en-GB' });
  await gotoApp(page, srv.origin);
  await startCheck(page);
  const id = await currentPage(page);
  await page.route('**/content/es.json', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
  await page.click('nav[data-language-switch] button[lang="es"]');
  await page.waitForSelector('[data-notice="language.failed"][role="alert"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await currentPage(page), id);
  assert.equal(await page.locator('nav[data-language-switch] button[lang="en"]').getAttribute('aria-current'), 'true');
  assert.equal(await page.evaluate(() => localStorage.getItem('hipcheck.locale.v1')), null);
  await context.close();
});
