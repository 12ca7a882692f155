// The installable offline app: after one visit the questionnaire and the anatomy explorer work
// with no network; a new build is offered with "Update available — reload" and, once accepted,
// every file comes from the new build; Chrome finds nothing stopping installation; an install that
// fails (a file answers HTTP 500) leaves no cache of its version and never harms the version in use.
// These need the hooks in web/js/app.js (registerServiceWorker) and web/index.html (the manifest link).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildDist, chromiumArgs, chromiumPath, gotoApp, launch, listFiles, openPage, root, site, startServer, tempDir, waitForOffline } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

/**
 * Answers the page on show by choosing the last option of each question (on the first page:
 * an adult without pain); resolves once the next page is drawn. Returns the page answered.
 */
async function answerLastOptions(page) {
  const form = page.locator('form[data-page-id]');
  const id = await form.getAttribute('data-page-id');
  for (const item of await form.locator('[data-item]').all()) await item.locator('input').last().check();
  await form.locator('[data-continue]').click();
  await page.waitForFunction((before) => document.querySelector('form[data-page-id]')?.dataset.pageId !== before, id, { timeout: 10000 });
  return id;
}

/**
 * Visits the app once (openPage's options, e.g. a locale), waits until the worker holds it, takes
 * the network and the server away, then runs use(page); afterwards nothing may have come from the
 * network and nothing may have gone wrong but the lost connection.
 */
async function offlineAfterVisit(options, use) {
  const dist = await buildDist();
  const srv = await startServer(dist.out);
  const { context, page, problems } = await openPage(browser, options);
  try {
    await gotoApp(page, srv.origin);
    await waitForOffline(page);
    await context.setOffline(true);
    // No network at all: even the server is gone.
    await srv.close();

    const fromNetwork = [];
    page.on('response', (response) => {
      if (!response.fromServiceWorker()) fromNetwork.push(response.url());
    });
    await use(page);
    assert.deepEqual(fromNetwork, [], 'everything came from the service worker');
    assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
  } finally {
    await context.close();
    await srv.close().catch(() => {});
  }
}

test('after one visit, the questionnaire and the anatomy explorer work offline', () =>
  offlineAfterVisit({}, async (page) => {
    await page.reload();
    await page.waitForSelector('html.is-ready', { timeout: 20000 });
    await page.click('[data-start]');
    await page.waitForSelector('form[data-page-id]');
    const first = await answerLastOptions(page);
    assert.ok(first);
    assert.ok(await page.locator('form[data-page-id]').count(), 'the next question page is shown');

    // The anatomy explorer: choose a part and read about it.
    await page.click('[data-nav="anatomy"]');
    await page.waitForSelector('[data-structure-button]');
    const button = page.locator('[data-structure-button]').first();
    const name = await button.textContent();
    await button.click();
    await page.waitForFunction(() => document.querySelector('[data-structure-panel] h2'));
    assert.equal((await page.textContent('[data-structure-panel] h2')).trim(), name.trim());
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
  }));

// Only the English bundle was asked for by the page; the worker precached both.
test('offline in Spanish: after a visit in English, the switch and a new check work with no network', () =>
  offlineAfterVisit({ locale: 'en-GB' }, async (page) => {
    await page.click('nav[data-language-switch] button[lang="es"]');
    await page.waitForFunction(() => document.documentElement.lang === 'es', null, { timeout: 10000 });
    const spanish = await page.evaluate(async () => {
      const url = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).find((p) => /^\/content\/es\./.test(p));
      return (await (await fetch(url)).json()).ui;
    });
    assert.equal(await page.textContent('h1'), spanish['start.title']);
    await page.click('[data-start]');
    await page.waitForSelector('form[data-page-id]');
    assert.equal(await page.textContent('[data-continue]'), spanish.continue);
    assert.ok(await answerLastOptions(page));

    // A reload with no network comes back in Spanish, on the same page.
    const id = await page.getAttribute('form[data-page-id]', 'data-page-id');
    await page.reload();
    await page.waitForSelector('html.is-ready', { timeout: 20000 });
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.equal(await page.getAttribute('form[data-page-id]', 'data-page-id'), id);
  }));

test('a new build is offered as "Update available — reload" and, once accepted, every file is from the new build', async () => {
  const folder = join(tempDir(), 'www');
  const a = await buildDist({ out: folder });
  const srv = await startServer(folder);
  const { context, page, problems } = await openPage(browser);
  try {
    await gotoApp(page, srv.origin);
    await waitForOffline(page);
    const titleA = await page.textContent('h1');
    assert.equal(await page.locator('[data-update-prompt]').count(), 0, 'no prompt on the first visit');

    // Version B: the same site with one string changed, deployed over version A. The page loads
    // only a bundle stamped by `hipcheck bundle`, so version B's content is bundled the same way.
    const siteB = join(tempDir(), 'site-b');
    cpSync(site, siteB, { recursive: true });
    // (content/rules and the English words, with the heading's word changed)
    const contentB = join(tempDir(), 'content-b');
    for (const d of ['rules', 'en']) cpSync(join(root, 'content', d), join(contentB, d), { recursive: true });
    const wordsFile = join(contentB, 'en', 'words.json');
    const words = JSON.parse(readFileSync(wordsFile, 'utf8'));
    const key = Object.keys(words).find((k) => k.startsWith('ui.') && words[k] === titleA.trim());
    assert.ok(key, `the start page's heading "${titleA}" is a UI string`);
    words[key] = `${words[key]} (version B)`;
    writeFileSync(wordsFile, JSON.stringify(words));
    writeFileSync(join(siteB, 'content/en.json'), execFileSync(join(root, 'build/native/hipcheck'), ['bundle', join(contentB, 'en')]));
    const b = await buildDist({ from: siteB, out: folder });
    assert.notEqual(a.version, b.version);
    const filesB = new Set(listFiles(folder).map((f) => `/${f}`));

    // A reload still shows version A (from the cache) and offers the update.
    await page.reload();
    await page.waitForSelector('html.is-ready');
    assert.equal(await page.textContent('h1'), titleA);
    await page.waitForSelector('[data-update-prompt]', { timeout: 20000 });
    assert.match(await page.textContent('[data-update-prompt]'), /Update available/);
    assert.equal(await page.textContent('h1'), titleA, 'nothing changes until the person agrees');

    const served = [];
    page.on('request', (request) => served.push(new URL(request.url()).pathname));
    await Promise.all([page.waitForEvent('load'), page.click('[data-update-reload]')]);
    await page.waitForSelector('html.is-ready');
    await page.waitForFunction(() => !!document.querySelector('[data-main] h1'));
    assert.equal((await page.textContent('h1')).trim(), `${titleA.trim()} (version B)`);
    // Every file the page used after the update is one of version B's.
    const used = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    for (const path of [...served, ...used]) {
      if (path === '/') continue;
      assert.ok(filesB.has(path), `${path} is not a file of version B`);
    }
    assert.ok(used.some((p) => /^\/content\/en\.[0-9a-f]{10}\.json$/.test(p)));
    // Only version B's cache is left, and it is the one the worker in control uses.
    const caches = await page.evaluate(() => caches.keys());
    assert.deepEqual(caches, [`hipcheck-${b.version}`]);
    assert.equal(await page.locator('[data-update-prompt]').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await srv.close();
  }
});

test('Chrome finds nothing that stops installing the app (Page.getInstallabilityErrors)', async () => {
  const dist = await buildDist({ screenshots: true });
  const srv = await startServer(dist.out);
  // A real profile: Chrome never offers to install from an incognito context (Playwright's default).
  const context = await chromium.launchPersistentContext(tempDir('hipcheck-profile-'), { executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await gotoApp(page, srv.origin);
    await waitForOffline(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
    assert.match(manifest.url, /\/manifest\.webmanifest$/);
  } finally {
    await context.close();
    await srv.close();
  }
});

/** The precache list the build wrote into a dist folder's sw.js: {version, files: [{url, integrity}]}. */
function precacheOf(folder) {
  const sw = readFileSync(join(folder, 'sw.js'), 'utf8');
  return JSON.parse(sw.match(/\/\* precache:start \*\/([\s\S]*?)\/\* precache:end \*\//)[1]);
}

/**
 * Makes the server answer HTTP 500 for one file to the service worker's fetch() only
 * (Sec-Fetch-Dest: empty), so the page itself still gets it. Set `url` to choose the file, `on` to
 * stop; `refused` counts the refusals.
 */
function refuseToWorker(srv) {
  const [serveFile] = srv.server.listeners('request');
  srv.server.removeAllListeners('request');
  const fault = { url: null, on: true, refused: 0 };
  srv.server.on('request', (req, res) => {
    if (fault.on && new URL(req.url, srv.origin).pathname === fault.url && req.headers['sec-fetch-dest'] === 'empty') {
      fault.refused += 1;
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal server error');
      return;
    }
    serveFile(req, res);
  });
  return fault;
}

/** Waits until the server has refused the worker, then until that install has ended (failed). */
async function installFailed(page, fault) {
  const deadline = Date.now() + 20000;
  while (fault.refused === 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
  assert.ok(fault.refused >= 1, `the worker asked for ${fault.url}`);
  await page.waitForFunction(
    async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return !registration || (!registration.installing && !registration.waiting);
    },
    null,
    { timeout: 20000, polling: 100 },
  );
}

/** The cache names, and the paths each cache holds. */
function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
    }
    return out;
  });
}

test('a failed install leaves no cache of the new version, and a later visit installs the whole of it', async () => {
  const dist = await buildDist();
  const srv = await startServer(dist.out);
  const { version, files } = precacheOf(dist.out);
  assert.equal(version, dist.version);
  const fault = refuseToWorker(srv);
  fault.url = files.find((file) => file.url.endsWith('.css'))?.url;
  assert.ok(fault.url, 'a stylesheet is precached');
  const { context, page, problems } = await openPage(browser);
  try {
    await gotoApp(page, srv.origin);
    await installFailed(page, fault);
    // The registration, left with no worker at all, is gone with the failed worker.
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
    assert.deepEqual(await cacheContents(page), {}, 'no cache is left, not even a partial one');

    // The server is mended: the next visit installs this version again, every file of it.
    fault.on = false;
    await page.reload();
    await page.waitForSelector('html.is-ready', { timeout: 20000 });
    await waitForOffline(page);
    assert.deepEqual(await cacheContents(page), { [`hipcheck-${version}`]: files.map((file) => file.url).sort() });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await srv.close();
  }
});

test('a failed update leaves the version in use whole and no cache of the new one', async () => {
  const folder = join(tempDir(), 'www');
  const a = await buildDist({ out: folder });
  const srv = await startServer(folder);
  const fault = refuseToWorker(srv);
  fault.on = false;
  const filesA = precacheOf(folder).files.map((file) => file.url).sort();
  const { context, page, problems } = await openPage(browser);
  try {
    await gotoApp(page, srv.origin);
    await waitForOffline(page);
    const installed = { [`hipcheck-${a.version}`]: filesA };
    assert.deepEqual(await cacheContents(page), installed);

    // Only sw.js changes: the new worker has the same version, so the same cache name as the
    // worker in use. Its failure must not take that cache away.
    writeFileSync(join(folder, 'sw.js'), `${readFileSync(join(folder, 'sw.js'), 'utf8')}\n// rebuilt\n`);
    for (const compressed of ['sw.js.gz', 'sw.js.br']) rmSync(join(folder, compressed), { force: true });
    fault.url = filesA.find((url) => url.endsWith('.css'));
    fault.on = true;
    await page.reload();
    await page.waitForSelector('html.is-ready');
    await installFailed(page, fault);
    assert.deepEqual(await cacheContents(page), installed);

    // Version B (one stylesheet changed) fails to install: no cache of B, A is untouched.
    const siteB = join(tempDir(), 'site-b');
    cpSync(site, siteB, { recursive: true });
    writeFileSync(join(siteB, 'css/app.css'), `${readFileSync(join(siteB, 'css/app.css'), 'utf8')}\n/* version B */\n`);
    const b = await buildDist({ from: siteB, out: folder });
    assert.notEqual(b.version, a.version);
    fault.url = precacheOf(folder).files.find((file) => /^\/css\/app\.[0-9a-f]{10}\.css$/.test(file.url))?.url;
    assert.ok(fault.url && !filesA.includes(fault.url), 'version B has a stylesheet of its own');
    fault.refused = 0;
    await page.reload();
    await page.waitForSelector('html.is-ready');
    await installFailed(page, fault);
    assert.deepEqual(await cacheContents(page), installed);
    assert.equal(await page.locator('[data-update-prompt]').count(), 0, 'no update is offered');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await srv.close();
  }
});
