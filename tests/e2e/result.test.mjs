// The result a runner acts on (issue 9), on a phone (375×812): summary first (the care level, what
// to do now, the booking button or the emergency number, the three things to do first), a short
// page with its details folded, a title that names the level; country advice from the clinic file
// only; the About page; specific error messages; axe in light and dark with a clinic's theme.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { axe, closeSite, currentPage, gotoApp, openPage, openResult, openSite, root, runners, startCheck, waitForRender } from './helpers.mjs';
import { clinicCss, requireClinic } from '../../scripts/dist/clinic.mjs';

let srv;
let browser;
before(async () => ({ srv, browser } = await openSite()));
after(() => closeSite({ srv, browser }));

const PHONE = { width: 375, height: 812 };
const shots = join(root, 'build/screenshots');
mkdirSync(shots, { recursive: true });

const soon = { ...runners.selfcare, rf_no_better_rest: true };
const levels = [
  ['emergency', runners.emergency],
  ['urgent', runners.urgent],
  ['soon', soon],
  ['selfcare', runners.selfcare],
];

// A clinic in Australia, as the build writes its public clinic.json (scripts/dist/clinic.mjs).
const harbour = requireClinic(join(root, 'clinic/samples/harbour-physio.json')).config;

/** Serves another clinic's clinic.json (and its colours) to every page of the context. */
async function useClinic(context, config, { css = false } = {}) {
  await context.route('**/clinic.json', (route) => route.fulfill({ json: config }));
  if (css) await context.route('**/css/clinic.css', (route) => route.fulfill({ body: clinicCss(config), contentType: 'text/css' }));
}

/** The result as a returning visitor sees it: opened from a share link, then reloaded. */
async function showResult(page, answers) {
  // A fresh start for each result: no saved answers for the share link to replace.
  if (page.url().startsWith(srv.origin)) await page.evaluate(() => localStorage.clear());
  await openResult(page, srv.origin, answers);
  await page.reload();
  await page.waitForSelector('html.is-ready');
  await page.waitForSelector('[data-care]');
}

const bottom = (page, selector) => page.$eval(selector, (el) => el.getBoundingClientRect().bottom + window.scrollY);

test('each care level: level, what to do now and the booking button (or emergency number) on the first phone screen; the title names the level', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin, { viewport: PHONE });
  await useClinic(context, harbour);
  const report = [];
  for (const [level, answers] of levels) {
    await showResult(page, answers);
    assert.equal(await page.getAttribute('[data-care]', 'data-care'), level);
    const label = (await page.textContent('[data-care] .care__level')).trim();
    assert.match(await page.title(), new RegExp(`^Your result: ${label}`, 'i'), `${level}: the title names the level`);
    for (const selector of ['[data-care] .care__level', '[data-care-action]']) {
      assert.ok((await bottom(page, selector)) <= PHONE.height, `${level}: ${selector} is on the first screen`);
    }
    if (level === 'emergency') {
      assert.equal(await page.getAttribute('[data-clinic-emergency]', 'href'), 'tel:000');
      assert.ok((await bottom(page, '[data-clinic-emergency]')) <= PHONE.height, 'the emergency number is on the first screen');
    } else {
      assert.equal(await page.getAttribute('[data-booking-button]', 'href'), harbour.booking.url);
      assert.ok((await bottom(page, '[data-booking-button]')) <= PHONE.height, `${level}: the booking button is on the first screen`);
      assert.equal(await page.locator('[data-top-tip]').count(), 3, `${level}: three things to do first`);
      // The first of them is in view too (the three may run a little past the fold).
      assert.ok((await bottom(page, '[data-top-tip]')) <= PHONE.height, `${level}: the first thing to do is on the first screen`);
    }
    // A self-care result offers booking quietly, "if it lasts".
    if (level === 'selfcare') assert.match(await page.getAttribute('[data-booking-button]', 'class'), /button--secondary/);
    else if (level !== 'emergency') assert.doesNotMatch(await page.getAttribute('[data-booking-button]', 'class'), /button--secondary/);
    await page.screenshot({ path: join(shots, `result-${level}-phone.png`) });
    report.push(`${level}: ${(await page.evaluate(() => document.documentElement.scrollHeight) / PHONE.height).toFixed(1)} screens`);
  }
  console.log(`result height at 375×812 (Harbour Physio, details folded):\n${report.join('\n')}`);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a self-care result is at most 6 phone screens with its details folded, and every part is one link away', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin, { viewport: PHONE });
  await useClinic(context, harbour);
  await showResult(page, runners.selfcare);
  assert.equal(await page.locator('.page--result details[open]').count(), 0, 'every detail starts folded');
  assert.ok((await page.locator('.page--result details').count()) >= 5);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height <= 6 * PHONE.height, `the self-care result is ${(height / PHONE.height).toFixed(2)} screens tall`);
  await page.screenshot({ path: join(shots, 'result-selfcare-phone-full.png'), fullPage: true });

  // The contents list: each link moves the focus to its part (opening a folded one).
  const links = await page.$$eval('[data-contents-link]', (els) => els.map((el) => el.dataset.contentsLink));
  assert.ok(links.includes('tips-title') && links.includes('answers-title') && links.includes('sources-title'));
  await page.click('[data-contents-link="answers-title"]');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'answers-title');
  assert.equal(await page.$eval('[data-answers] details', (el) => el.open), true);
  assert.equal(await page.evaluate(() => location.hash), '', 'the history is untouched');
  // The About page from the result.
  await page.click('[data-open-about]');
  await page.waitForSelector('[data-about-page]');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('print unfolds everything and adds the clinic\'s name, logo and booking link; the date is the locale\'s', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await useClinic(context, harbour);
  await showResult(page, soon);
  await page.emulateMedia({ media: 'print' });
  const header = await page.$eval('[data-print-header]', (el) => ({ shown: el.getClientRects().length > 0, text: el.textContent, logo: el.querySelector('img')?.getAttribute('src') }));
  assert.ok(header.shown);
  assert.match(header.text, /Harbour Physio/);
  assert.equal(header.logo, harbour.logo);
  // en + AU: day, month, year.
  assert.match(header.text, /\b\d{1,2} [A-Z][a-z]+ \d{4}\b/);
  const booking = await page.$eval('[data-print-booking]', (el) => ({ shown: el.getClientRects().length > 0, text: el.textContent }));
  assert.ok(booking.shown);
  assert.ok(booking.text.includes(harbour.booking.url) && booking.text.includes(harbour.booking.phone));
  // Folded parts print: a tip of every group and the answers.
  assert.ok(await page.$eval('[data-tip-group] .tip', (el) => el.getClientRects().length > 0), 'tips print');
  assert.ok(await page.$eval('[data-answers] .summary-list__row', (el) => el.getClientRects().length > 0), 'answers print');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems(), []);
  await context.close();
});

// ---- country advice --------------------------------------------------------------------------

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else if (/\.(json|js|mjs|html|css|md)$/.test(name)) out.push(path);
  }
  return out;
}

test('no UK, US or European emergency text is left in the content or the page code', () => {
  const found = [];
  // Numbers as words, not inside colours, sizes or lists of SVG coordinates.
  const pattern = /(?<![#\w.,-])(999|911|112)(?![\w,.])|NHS 111|\bA&E\b/;
  for (const file of [...filesUnder(join(root, 'content')), ...filesUnder(join(root, 'web'))]) {
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (pattern.test(line)) found.push(`${relative(root, file)}:${i + 1}: ${line.trim().slice(0, 120)}`);
    });
  }
  assert.deepEqual(found, []);
});

test('a clinic in another country changes the emergency number and the urgent-care service everywhere (page and print)', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await useClinic(context, harbour);
  const seen = [];
  for (const [level, answers] of [['emergency', runners.emergency], ['urgent', runners.urgent]]) {
    await showResult(page, answers);
    for (const media of ['screen', 'print']) {
      await page.emulateMedia({ media });
      const text = await page.evaluate(() => document.body.innerText);
      seen.push(`${level} ${media}`);
      assert.doesNotMatch(text, /\b(999|911|112)\b|NHS 111|\{emergencyNumber\}|\{urgentService\}/, `${level} (${media})`);
      if (level === 'emergency') assert.match(text, /Call 000/, `${level} (${media}): the number`);
      if (level === 'urgent') assert.match(text, /healthdirect/, `${level} (${media}): the service`);
    }
    await page.emulateMedia({ media: 'screen' });
  }
  // The urgent card names the service in the content's words and links its phone.
  assert.match(await page.textContent('[data-care-action]'), /contact healthdirect\./);
  assert.equal(await page.getAttribute('[data-urgent-service] a[href^="tel:"]', 'href'), 'tel:1800022222');
  // The start page's emergency line too.
  await page.evaluate(() => localStorage.clear());
  const fresh = await context.newPage();
  await gotoApp(fresh, srv.origin);
  await fresh.waitForSelector('[data-main][data-page="start"]');
  assert.match(await fresh.textContent('[data-main]'), /call 000 now/);
  await fresh.close();
  // The clinic may turn the booking button off for a level.
  await context.unroute('**/clinic.json');
  await useClinic(context, { ...harbour, booking: { ...harbour.booking, show: ['urgent'] } });
  await showResult(page, runners.selfcare);
  assert.equal(await page.locator('[data-booking-button]').count(), 0, 'no booking on self-care when the clinic says so');
  assert.deepEqual(problems(), []);
  await context.close();
});

// ---- errors ----------------------------------------------------------------------------------

test('error messages name the question and say what to fix: nothing chosen, an empty box, a number out of range with its unit', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await gotoApp(page, srv.origin);
  await startCheck(page, { lessons: false });
  // A page with yes/no rows: nothing chosen.
  let before = await page.getAttribute('[data-main]', 'data-render');
  await page.click('form[data-page-id] [data-continue]');
  await waitForRender(page, before, { allowError: true });
  const missing = await page.$$eval('[data-error-summary] li', (els) => els.map((el) => el.textContent.trim()));
  assert.ok(missing.length > 0);
  for (const line of missing) assert.match(line, /^Select (an answer|yes or no|at least one answer) for “.+”/, line);
  // Answer pages until one asks for a number, then try an empty box, a number too big and text.
  const answers = runners.selfcare;
  const { fillPage, itemsShown } = await import('./helpers.mjs');
  for (let guard = 0; guard < 40; guard += 1) {
    const ids = await itemsShown(page);
    const numberId = await page.$eval('form[data-page-id]', (form) => form.querySelector('[data-item-type="number"]')?.dataset.item ?? null);
    if (numberId) {
      const others = Object.fromEntries(ids.filter((id) => id !== numberId).map((id) => [id, answers[id]]));
      const box = page.locator(`[data-item="${numberId}"] input[data-answer]`);
      const tryValue = async (value) => {
        before = await page.getAttribute('[data-main]', 'data-render');
        await fillPage(page, others);
        await page.waitForFunction((b) => document.querySelector('[data-main]').dataset.render !== b, before);
        return page.textContent(`[data-item="${numberId}"] .error-message`).then((x) => x.trim());
      };
      await box.fill('');
      assert.match(await tryValue(''), /Enter a number for “.+”/);
      await page.locator(`[data-item="${numberId}"] input[data-answer]`).fill('100000');
      assert.match(await tryValue('100000'), /enter a number from 0 to \d+ (km|miles)/);
      await page.screenshot({ path: join(shots, 'error-range-phone.png') });
      break;
    }
    before = await page.getAttribute('[data-main]', 'data-render');
    await fillPage(page, answers);
    await waitForRender(page, before);
    assert.ok(await currentPage(page), 'still in the check');
  }
  assert.deepEqual(problems(), []);
  await context.close();
});

// ---- About, theme, axe -------------------------------------------------------------------------

for (const colorScheme of ['light', 'dark']) {
  test(`axe: About page and the result's states with a clinic's theme (${colorScheme})`, async () => {
    const { context, page, problems } = await openPage(browser, srv.origin, { viewport: PHONE, colorScheme });
    await useClinic(context, harbour, { css: true });
    await gotoApp(page, srv.origin);
    await page.click('[data-nav="about"]');
    await page.waitForSelector('[data-about-page]');
    assert.match(await page.title(), /^About this tool/);
    assert.match(await page.textContent('[data-about-page]'), /Privacy[\s\S]*Accessibility/);
    assert.ok(await page.$('[data-about-page] [data-reviewed]'));
    await axe(page, `about (${colorScheme})`);
    await page.screenshot({ path: join(shots, `about-phone-${colorScheme}.png`), fullPage: true });
    for (const [level, answers] of levels) {
      await showResult(page, answers);
      await axe(page, `result ${level} (${colorScheme})`);
      // Everything unfolded.
      await page.$$eval('.page--result details', (els) => els.forEach((el) => { el.open = true; }));
      await axe(page, `result ${level} unfolded (${colorScheme})`);
      await page.screenshot({ path: join(shots, `result-${level}-phone-${colorScheme}-harbour.png`) });
    }
    // The clinic's colours reach the care card, the progress bar and the hover of a button.
    const selfcareHeading = await page.$eval('.care--selfcare .care__heading', (el) => getComputedStyle(el).backgroundColor);
    const expected = colorScheme === 'light' ? 'rgb(156, 61, 16)' : 'rgb(196, 83, 26)';
    assert.equal(selfcareHeading, expected, 'the self-care card wears the clinic\'s button colour');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(shots, `result-selfcare-desktop-${colorScheme}-harbour.png`) });
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

test('once cached, a quiet "works offline" offer at the foot of the page; "No thanks" hides it for good', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  await gotoApp(page, srv.origin);
  await page.waitForSelector('.footer [data-offline-offer]', { timeout: 20000 });
  assert.match(await page.textContent('[data-offline-offer]'), /works offline/);
  await page.click('[data-offline-dismiss]');
  assert.equal(await page.locator('[data-offline-offer]').count(), 0);
  await page.reload();
  await page.waitForSelector('html.is-ready');
  await page.evaluate(() => navigator.serviceWorker.ready);
  assert.equal(await page.locator('[data-offline-offer]').count(), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});
