// Shared set-up for the end-to-end tests: the built site on a random port with the production
// headers, headless Chromium, and a page that records every request and every CSP violation.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, root, serveFolder, watchProblems } from '../browser.mjs';

export { launch, root };
/** The assembled site under test ($HIPCHECK_SITE, or build/site from scripts/build). */
export const site = resolve(root, process.env.HIPCHECK_SITE || 'build/site');

export async function startServer() {
  if (!existsSync(join(site, 'index.html'))) throw new Error(`${site} is missing: run scripts/build first`);
  return serveFolder(site);
}

/** The built site on a free port and a browser, for one test file: {srv, browser}. */
export async function openSite() {
  return { srv: await startServer(), browser: await launch() };
}

export async function closeSite({ srv, browser }) {
  await browser?.close();
  await srv?.close();
}

/**
 * A fresh context and page that records requests, CSP violations, page errors and console errors.
 * `problems()` lists what went wrong (another origin, a CSP violation, an uncaught error).
 */
export async function openPage(browser, origin, { viewport = { width: 1280, height: 800 }, colorScheme, reducedMotion, locale } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion, locale });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const seen = await watchProblems(page);
  const problems = () => {
    const list = [...seen];
    for (const url of requests) {
      const u = new URL(url);
      if (u.protocol === 'data:' || u.protocol === 'blob:') continue;
      if (u.origin !== origin) list.push(`request to another origin: ${url}`);
    }
    return list;
  };
  return { context, page, requests, problems };
}

/** Opens the site and waits until the engine has drawn the first page. */
export async function gotoApp(page, origin, path = '/') {
  await page.goto(origin + path);
  await page.waitForSelector('html.is-ready');
}

export function scenarios() {
  const folder = join(root, 'tests/scenarios');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name: name.replace(/\.json$/, ''), ...JSON.parse(readFileSync(join(folder, name), 'utf8')) }));
}

export function scenario(name) {
  return scenarios().find((x) => x.name === name);
}

/** Waits until the page has been drawn again after `before` (the data-render count) without an error. */
export function waitForRender(page, before, { allowError = false } = {}) {
  return page.waitForFunction(
    ([prev, ok]) => {
      const main = document.querySelector('[data-main]');
      return main.dataset.render !== prev && (ok || !document.querySelector('[data-error-summary]'));
    },
    [before, allowError],
    { timeout: 5000 },
  );
}

/** The id of the engine page on show, or null when it is not a question or lesson page. */
export async function currentPage(page) {
  const form = await page.$('form[data-page-id]');
  return form ? form.getAttribute('data-page-id') : null;
}

/** The ids of the items on the question page on show, in order. */
export function itemsShown(page) {
  return page.$$eval('form[data-page-id] [data-item]', (els) => els.map((el) => el.dataset.item));
}

/** The engine values behind the options of an item on show, in order. */
export function optionValues(page, itemId) {
  return page.$eval(`[data-item="${itemId}"]`, (el) => JSON.parse(el.dataset.values ?? '[]'));
}

/** Fills one item on show with `value` (as the engine stores it) using the form controls. */
export async function fillItem(page, itemId, value) {
  const group = page.locator(`form[data-page-id] [data-item="${itemId}"]`);
  const type = await group.getAttribute('data-item-type');
  if (type === 'number') {
    if (value === 'not-sure') await group.locator('input[data-not-sure]').check();
    else await group.locator('input[data-answer]').fill(String(value));
  } else if (type === 'multiple') {
    const wanted = new Set((Array.isArray(value) ? value : [value]).map((v) => JSON.stringify(v)));
    const options = await optionValues(page, itemId);
    for (const [index, v] of options.entries()) {
      const box = group.locator(`input[name="${itemId}"][value="${index}"]`);
      if (wanted.has(JSON.stringify(v))) await box.check();
      else await box.uncheck();
    }
  } else {
    const options = await optionValues(page, itemId);
    const index = options.findIndex((v) => JSON.stringify(v) === JSON.stringify(value));
    if (index < 0) throw new Error(`no option ${JSON.stringify(value)} for ${itemId}`);
    await group.locator(`input[name="${itemId}"][value="${index}"]`).check();
  }
}

/**
 * Fills every item of the page on show from `answers` (items without an answer are left as they
 * are), then presses Continue. A lesson page is just continued.
 */
export async function fillPage(page, answers = {}) {
  for (const id of await itemsShown(page)) {
    if (id in answers) await fillItem(page, id, answers[id]);
  }
  await page.locator('form[data-page-id] [data-continue]').click();
}

/** What the main area shows: 'question', 'lesson', 'notice', 'check', 'result', 'start', … */
export async function shownKind(page) {
  const kind = await page.getAttribute('[data-main]', 'data-page');
  if (kind === 'question' && (await page.$('form[data-lesson]'))) return 'lesson';
  return kind;
}

/**
 * Answers every page the engine shows from `answers` (lessons are read and continued; a notice
 * is answered with `stopChoice`, "continue" by default) until the check page or the result.
 * Returns the pages seen, in order (a notice as "notice:<stop id>").
 */
export async function answerAll(page, answers, { limit = 100, stopChoice = 'continue' } = {}) {
  const seen = [];
  for (let i = 0; i < limit; i += 1) {
    await page.waitForSelector('[data-main][data-page="question"], [data-main][data-page="notice"], [data-main][data-page="check"], [data-main][data-page="result"]');
    const kind = await page.getAttribute('[data-main]', 'data-page');
    if (kind === 'check' || kind === 'result') return seen;
    const before = await page.getAttribute('[data-main]', 'data-render');
    if (kind === 'notice') {
      seen.push(`notice:${await page.getAttribute('[data-stop]', 'data-stop')}`);
      await page.click(`[data-proceed="${stopChoice}"]`);
    } else {
      const id = await currentPage(page);
      const missing = (await itemsShown(page)).filter((item) => !(item in answers));
      if (missing.length) throw new Error(`no answer for ${missing.join(', ')} on page ${id}`);
      seen.push(id);
      await fillPage(page, answers);
    }
    await waitForRender(page, before).catch(async () => {
      const error = await page.textContent('[data-error-summary]').catch(() => null);
      throw new Error(`page ${seen.at(-1)} did not move on${error ? `: ${error}` : ''}`);
    });
  }
  throw new Error('too many pages');
}

/** Presses a start page button after choosing the kind of check ({mode, lessons}). */
export async function startCheck(page, { mode = 'full', lessons = true } = {}) {
  await page.waitForSelector('[data-start], [data-start-again]');
  await page.check(`input[name=mode][value="${mode}"]`);
  if (lessons) await page.uncheck('input[name=skipLessons]');
  else await page.check('input[name=skipLessons]');
  await page.click('[data-start], [data-start-again]');
  await page.waitForSelector('form[data-page-id]');
}

/**
 * The engine's state text for a set of answers, made in the page with the site's own engine
 * module and content (so tests can open a result directly through a share link). Pages are
 * answered in order while every item on them has an answer; a notice is answered with stopChoice.
 */
export function stateFor(page, answers, { settings = {}, stopChoice = 'continue' } = {}) {
  return page.evaluate(
    async ([given, options]) => {
      const { default: createHipCheck } = await import('/engine/hipcheck.mjs');
      const Module = await createHipCheck({ wasm: await (await fetch('/engine/hipcheck.wasm')).arrayBuffer() });
      const handle = Module.open(); // the module's two functions (wasm/bindings)
      const engine = new Proxy({}, { get: (_, method) => (a = '', b = '') => Module.call(handle, method, a, b) });
      engine.load(await (await fetch('/content/en.json')).text());
      let current = JSON.parse(engine.start(JSON.stringify(options.settings)));
      for (let guard = 0; guard < 100; guard += 1) {
        if (current.error) throw new Error(`${current.error.id}: ${current.error.message}`);
        if (current.status === 'notice') {
          if (!options.stopChoice) break; // stopChoice null: keep the notice on show
          current = JSON.parse(engine.proceed(options.stopChoice));
          continue;
        }
        if (current.status !== 'question') break;
        const { id, lesson, items } = current.page;
        if (!lesson && !items.every((item) => item.id in given)) break;
        const answers = lesson ? {} : Object.fromEntries(items.map((item) => [item.id, given[item.id]]));
        current = JSON.parse(engine.answer(id, JSON.stringify(answers)));
      }
      return engine.state();
    },
    [answers, { settings, stopChoice }],
  );
}

export function shareFragment(stateText) {
  return `#s=${Buffer.from(stateText, 'utf8').toString('base64url')}`;
}

/** Opens the result page for a scenario's answers through a share link. */
export async function openResult(page, origin, answers, options = {}) {
  await gotoApp(page, origin);
  const state = await stateFor(page, answers, options);
  // A visitor who opens a link with nothing saved: a check in progress would make the page ask
  // whether to replace it (tests/e2e/storage.test.mjs covers that).
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${origin}/${shareFragment(state)}`);
  await page.waitForSelector('html.is-ready');
  await page.waitForSelector('[data-care]');
}

// Answer sets with the v2 item ids, for the flows that need a given path through the check.
const noEmergency = { rf_cannot_walk: false, rf_hot_joint: false, rf_fever: false, rf_bladder_bowel: false, rf_saddle_both_legs: false };
const noUrgent = { rf_every_step: false, rf_hop: false, rf_constant: false, rf_infection_risk: false, rf_weakness_worse: false };
const noSoon = { rf_no_better_rest: false, rf_cross_training_pain: false, rf_numb_one_leg: false, rf_weight_loss_cancer: false, rf_steroids: false };
const energyFine = { le_periods: 'not_apply', le_libido: false, le_eating_less: false, le_bsi: 'never' };

export const runners = {
  /** Side-of-hip pain after runs, no warning signs, steady training: care for it yourself. */
  selfcare: {
    age_band: 'adult',
    has_pain: true,
    ...noEmergency,
    ...noUrgent,
    ...noSoon,
    ...energyFine,
    pain_where: ['side'],
    pain_when: ['after'],
    pain_duration: '1_2w',
    pain_severity: 3,
    ostrc_participation: 8,
    ostrc_modification: 8,
    ostrc_performance: 0,
    ostrc_pain: 8,
    units: 'km',
    weekly_now: 30,
    weekly_before: 28,
    longest_now: 10,
    longest_before: 10,
    experience: 'regular',
    shoe_worn: 'no',
    shoe_fit: 'good',
    form_seen: true,
    form_signs: ['heel_far'],
    strength_freq: 'rarely',
  },
  /** After a fall, cannot stand on the leg: the emergency stop. */
  emergency: { age_band: 'adult', has_pain: true, ...noEmergency, rf_cannot_walk: true },
  /** Pain on hopping: the urgent notice after the urgent signs page. */
  urgent: {
    age_band: 'adult',
    has_pain: true,
    ...noEmergency,
    ...noUrgent,
    rf_hop: true,
    ...noSoon,
    ...energyFine,
    pain_where: ['back'],
    pain_when: ['during'],
    pain_duration: '2_6w',
    pain_severity: 6,
    ostrc_participation: 17,
    ostrc_modification: 17,
    ostrc_performance: 8,
    ostrc_pain: 17,
    units: 'mi',
    weekly_now: 20,
    weekly_before: 18,
    longest_now: 8,
    longest_before: 7,
    experience: 'regular',
    shoe_worn: 'yes',
    shoe_fit: 'good',
    form_seen: false,
    strength_freq: 'never',
  },
};

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Fails with a readable list when axe-core finds a WCAG 2.2 AA violation on the page. */
export async function axe(page, label) {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const { violations } = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  const summary = violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  if (summary.length) throw new Error(`axe violations:\n${summary.join('\n')}`);
}
