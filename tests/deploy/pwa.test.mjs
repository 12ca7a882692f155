// The installable offline app: after one visit the questionnaire and the anatomy explorer work
// with no network; a new build is offered with "Update available — reload" and, once accepted,
// every file comes from the new build; Chrome finds nothing stopping installation.
// These need the hooks in web/js/app.js (registerServiceWorker) and web/index.html (the manifest link).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildDist, chromiumArgs, chromiumPath, gotoApp, launch, listFiles, openPage, site, startServer, tempDir, waitForOffline } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

/** Answers the question on show by choosing its first option; resolves once the next page is drawn. */
async function answerFirstOption(page) {
  const form = page.locator('form[data-item-id]');
  const item = await form.getAttribute('data-item-id');
  await form.locator('input[name=answer]').first().check();
  await form.locator('[data-continue]').click();
  await page.waitForFunction((id) => document.querySelector('form[data-item-id]')?.dataset.itemId !== id, item, { timeout: 10000 });
  return item;
}

test('after one visit, the questionnaire and the anatomy explorer work offline', async () => {
  const dist = await buildDist();
  const srv = await startServer(dist.out);
  const { context, page, problems } = await openPage(browser);
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
    await page.reload();
    await page.waitForSelector('html.is-ready', { timeout: 20000 });
    await page.click('[data-start]');
    await page.waitForSelector('form[data-item-id]');
    const first = await answerFirstOption(page);
    assert.ok(first);
    assert.ok(await page.locator('form[data-item-id]').count(), 'the next question is shown');

    // The anatomy explorer: choose a part and read about it.
    await page.click('[data-nav="anatomy"]');
    await page.waitForSelector('[data-structure-button]');
    const button = page.locator('[data-structure-button]').first();
    const name = await button.textContent();
    await button.click();
    await page.waitForFunction(() => document.querySelector('[data-structure-panel] h2'));
    assert.equal((await page.textContent('[data-structure-panel] h2')).trim(), name.trim());
    assert.equal(await button.getAttribute('aria-pressed'), 'true');

    assert.deepEqual(fromNetwork, [], 'everything came from the service worker');
    assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
  } finally {
    await context.close();
    await srv.close().catch(() => {});
  }
});

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

    // Version B: the same site with one string changed, deployed over version A.
    const siteB = join(tempDir(), 'site-b');
    cpSync(site, siteB, { recursive: true });
    const bundleFile = join(siteB, 'content/en.json');
    const bundle = JSON.parse(readFileSync(bundleFile, 'utf8'));
    const key = Object.keys(bundle.ui).find((k) => bundle.ui[k] === titleA.trim());
    assert.ok(key, `the start page's heading "${titleA}" is a UI string`);
    bundle.ui[key] = `${bundle.ui[key]} (version B)`;
    writeFileSync(bundleFile, JSON.stringify(bundle));
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
