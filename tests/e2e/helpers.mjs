// Shared set-up for the end-to-end tests: the built site on a random port with the production
// headers, headless Chromium, and a page that records every request and every CSP violation.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { launch, root, serveFolder, watchProblems } from '../browser.mjs';

export { launch, root };
export const site = join(root, 'build/site');

export async function startServer() {
  if (!existsSync(join(site, 'index.html'))) throw new Error('build/site is missing: run scripts/build first');
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
export async function openPage(browser, origin, { viewport = { width: 1280, height: 800 }, colorScheme, reducedMotion } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion });
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

/** The item id of the page on show, or null when it is not a question page. */
export async function currentItem(page) {
  const form = await page.$('form[data-item-id]');
  return form ? form.getAttribute('data-item-id') : null;
}

/**
 * Fills the question on show with `value` (as the engine stores it) using the mouse-free form
 * controls, then presses Continue.
 */
export async function fillAnswer(page, value) {
  const form = page.locator('form[data-item-id]');
  const type = await form.getAttribute('data-item-type');
  if (type === 'lesson') {
    // nothing to fill
  } else if (type === 'number') {
    if (value === 'not-sure') await form.locator('input[name=notSure]').check();
    else await form.locator('input[name=answer]').fill(String(value));
  } else if (type === 'multiple') {
    const wanted = new Set((Array.isArray(value) ? value : [value]).map((v) => JSON.stringify(v)));
    const options = await optionValues(page);
    for (const [index, v] of options.entries()) {
      const box = form.locator(`input[name=answer][value="${index}"]`);
      if (wanted.has(JSON.stringify(v))) await box.check();
      else await box.uncheck();
    }
  } else {
    const options = await optionValues(page);
    const index = options.findIndex((v) => JSON.stringify(v) === JSON.stringify(value));
    if (index < 0) throw new Error(`no option ${JSON.stringify(value)} on ${await currentItem(page)}`);
    await form.locator(`input[name=answer][value="${index}"]`).check();
  }
  await form.locator('[data-continue]').click();
}

/** The engine values behind the options of the question on show, in order. */
export function optionValues(page) {
  return page.$eval('form[data-item-id]', (form) => JSON.parse(form.dataset.values ?? '[]'));
}

/**
 * Answers every question the engine shows from `answers` (lessons are read and continued) until
 * the check page. Returns the item ids seen, in order.
 */
export async function answerAll(page, answers, { limit = 200 } = {}) {
  const seen = [];
  for (let i = 0; i < limit; i += 1) {
    await page.waitForSelector('[data-main][data-page="question"], [data-main][data-page="check"]');
    if ((await page.getAttribute('[data-main]', 'data-page')) === 'check') return seen;
    const id = await currentItem(page);
    const before = await page.getAttribute('[data-main]', 'data-render');
    const type = await page.getAttribute('form[data-item-id]', 'data-item-type');
    if (type !== 'lesson' && !(id in answers)) throw new Error(`scenario has no answer for ${id}`);
    seen.push(id);
    await fillAnswer(page, type === 'lesson' ? true : answers[id]);
    await waitForRender(page, before).catch(async () => {
      const error = await page.textContent('[data-error-summary]').catch(() => null);
      throw new Error(`answering ${id} with ${JSON.stringify(answers[id])} did not move on${error ? `: ${error}` : ''}`);
    });
  }
  throw new Error('too many pages');
}

/**
 * The engine's state text for a set of answers, made in the page with the site's own engine
 * module and content (so tests can open a result directly through a share link).
 */
export function stateFor(page, answers) {
  return page.evaluate(async (given) => {
    const { default: createHipCheck } = await import('/engine/hipcheck.mjs');
    const Module = await createHipCheck();
    const engine = new Module.Engine();
    engine.load(await (await fetch('/content/en.json')).text());
    let current = JSON.parse(engine.start());
    while (current.status === 'question') {
      const { id, type } = current.item;
      if (type !== 'lesson' && !(id in given)) break;
      current = JSON.parse(engine.answer(id, JSON.stringify(type === 'lesson' ? true : given[id])));
      if (current.error) throw new Error(`${id}: ${current.error.message}`);
    }
    return engine.state();
  }, answers);
}

export function shareFragment(stateText) {
  return `#s=${Buffer.from(stateText, 'utf8').toString('base64url')}`;
}

/** Opens the result page for a scenario's answers through a share link. */
export async function openResult(page, origin, answers) {
  await gotoApp(page, origin);
  const state = await stateFor(page, answers);
  await page.goto(`${origin}/${shareFragment(state)}`);
  await page.waitForSelector('html.is-ready');
  await page.waitForSelector('[data-care]');
}
