// Start-up (issue 11): the start page is drawn from the bundle's strings before the engine is
// ready, a press on Start meanwhile leads to the first question once it is, and index.html fetches
// every module of the start and question pages at once (its modulepreload list is app.js's whole
// static import graph, so a new import cannot be forgotten there).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { closeSite, openPage, openSite, site } from './helpers.mjs';

let srv;
let browser;
before(async () => ({ srv, browser } = await openSite()));
after(() => closeSite({ srv, browser }));

/** Every module app.js imports, directly or not (static imports only), app.js first. */
function staticGraph(entry) {
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(site, file), 'utf8');
    // Minified or not: `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`.
    for (const m of text.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{},\s]*?from\s*)?["']([^"']+\.js)["']/g)) {
      walk(posix.normalize(posix.join(posix.dirname(file), m[1])));
    }
  };
  walk(entry);
  return [...seen];
}

test('index.html preloads every module app.js imports, and nothing else of ours', () => {
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\/([^"]+)">/g)].map((m) => m[1]).filter((file) => file.startsWith('js/'));
  const graph = staticGraph('js/app.js');
  assert.ok(graph.length > 10, `the graph was read (${graph.join(', ')})`);
  assert.deepEqual([...preloaded].sort(), [...graph].sort());
  assert.match(html, /<link rel="preload" href="\/clinic\.json" as="fetch" crossorigin>/);
});

test('the start page is drawn before the engine is ready, and Start pressed meanwhile opens the first question', async () => {
  const { context, page, problems } = await openPage(browser, srv.origin);
  // The module is held back until the start page has been drawn and Start pressed.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/engine/hipcheck.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(srv.origin);
  await page.waitForSelector('[data-start]', { state: 'visible' });
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('is-ready')), false, 'the engine is not ready yet');
  assert.equal(await page.locator('h1').count(), 1);
  assert.notEqual((await page.textContent('h1')).trim(), '', 'the start page has its heading in the bundle\'s words');
  await page.click('[data-start]');
  assert.equal(await page.$('form[data-page-id]'), null, 'no question before the engine is ready');
  release();
  await page.waitForSelector('form[data-page-id] input', { state: 'visible' });
  await page.waitForSelector('html.is-ready');
  assert.match(await page.textContent('[data-progress]'), /1/, 'the first question shows its progress');
  assert.deepEqual(problems(), []);
  await context.close();
});
