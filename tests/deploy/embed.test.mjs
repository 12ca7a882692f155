// A clinic embeds the tool with an iframe and web/embed.js: the iframe follows the height of the
// page inside it, and each new page brings the frame's top into view. Inside the frame the tool
// has no header or footer of its own. Messages go only to the allowed origins and are taken only
// from the tool; a site that is not allowed cannot frame the tool at all, and sees the fallback.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDist, launch, openPage, root, startServer, tempDir } from './helpers.mjs';
import { fillPage, runners } from '../e2e/helpers.mjs';

/** A clinic's own web server: plain, with none of the tool's headers. */
function hostServer(html) {
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/embed-host.html' ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(req.url === '/embed-host.html' ? html() : 'Not found');
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

let browser;
let tool;
let host;
let stranger;
before(async () => {
  let toolOrigin;
  const page = () => readFileSync(join(root, 'examples/embed-host.html'), 'utf8').replaceAll('http://127.0.0.1:8080', toolOrigin);
  host = await hostServer(page);
  stranger = await hostServer(page);
  // The clinic allows the host's origin (and only that one).
  const dir = tempDir();
  const config = JSON.parse(readFileSync(join(root, 'clinic/clinic.json'), 'utf8'));
  config.embed = { allowedOrigins: [host.origin] };
  writeFileSync(join(dir, 'clinic.json'), JSON.stringify(config));
  copyFileSync(join(root, 'clinic', config.logo), join(dir, config.logo));
  const dist = await buildDist({ clinic: join(dir, 'clinic.json') });
  tool = await startServer(dist.out);
  toolOrigin = tool.origin;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await tool?.close();
  for (const s of [host, stranger]) s?.server.close();
});

const frameHeight = (page) => page.$eval('iframe[data-hipcheck]', (f) => Number(f.getAttribute('data-hipcheck-height') ?? 0));

test('the iframe on an allowed site grows and shrinks with the page inside it', async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(`${host.origin}/embed-host.html`);
    const frame = page.frameLocator('iframe[data-hipcheck]');
    await frame.locator('html.is-ready').waitFor({ timeout: 20000 });
    await page.waitForFunction(() => document.querySelector('iframe[data-hipcheck]').hasAttribute('data-hipcheck-height'));
    const inner = async () => (await page.frames().find((f) => f.url().startsWith(tool.origin))).evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    // The iframe settles at the height of the page inside it.
    const settled = async () => {
      for (let i = 0; i < 50; i += 1) {
        const [outer, content] = [await frameHeight(page), await inner()];
        if (outer === content) return outer;
        await page.waitForTimeout(100);
      }
      assert.equal(await frameHeight(page), await inner());
      return null;
    };
    const start = await settled();
    assert.notEqual(start, 700, 'the default height was replaced');
    // The frame's inside (its border aside) is exactly that tall: nothing scrolls inside it.
    assert.equal(await page.$eval('iframe[data-hipcheck]', (f) => f.clientHeight), start);

    // Another page of the tool has another height, and the iframe follows.
    await frame.locator('[data-start]').click();
    await frame.locator('form[data-page-id]').waitFor();
    await page.waitForFunction((before) => Number(document.querySelector('iframe[data-hipcheck]').getAttribute('data-hipcheck-height')) !== before, start);
    assert.notEqual(await settled(), start);

    // A message that does not come from the tool's frame is ignored.
    const now = await frameHeight(page);
    await page.evaluate(() => window.postMessage({ type: 'hipcheck:height', height: 4321 }, '*'));
    await page.waitForTimeout(300);
    assert.equal(await frameHeight(page), now);
  } finally {
    await context.close();
  }
});

test('a site that is not in embed.allowedOrigins cannot frame the tool', async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(`${stranger.origin}/embed-host.html`);
    await page.waitForTimeout(2500);
    const inside = page.frames().find((f) => f !== page.mainFrame());
    const ready = await inside?.evaluate(() => document.documentElement.classList.contains('is-ready')).catch(() => false);
    assert.ok(!ready, 'the tool did not run inside the frame');
    assert.equal(await page.getAttribute('iframe[data-hipcheck]', 'data-hipcheck-height'), null);
    assert.equal(await page.getAttribute('iframe[data-hipcheck]', 'height'), '700');
  } finally {
    await context.close();
  }
});

/** The frame's top is on screen, in the upper part of the window. */
const topInView = (page) =>
  page.waitForFunction(() => {
    const top = document.querySelector('iframe[data-hipcheck]').getBoundingClientRect().top;
    return top >= -1 && top < window.innerHeight / 3;
  }, null, { timeout: 5000 });

test('each new page brings the frame\'s top into view; the result\'s care card is on screen; no header or footer of the tool\'s own', async () => {
  const { context, page } = await openPage(browser, { viewport: { width: 375, height: 812 }, reducedMotion: 'reduce' });
  try {
    await page.goto(`${host.origin}/embed-host.html`);
    const toolFrame = () => page.frames().find((f) => f.url().startsWith(tool.origin));
    await page.frameLocator('iframe[data-hipcheck]').locator('html.is-ready').waitFor({ timeout: 20000 });
    const frame = toolFrame();
    // Embed mode: the clinic's page has its own header and footer.
    for (const selector of ['.header', '.footer']) assert.equal(await frame.$eval(selector, (el) => getComputedStyle(el).display), 'none', selector);
    const changes = [];
    // Scrolled past the frame's top, the visitor moves on: the host brings the top back.
    const scrollAway = () => page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => document.querySelector('iframe[data-hipcheck]').hasAttribute('data-hipcheck-height'));
    await scrollAway();
    await frame.click('[data-start]');
    await frame.waitForSelector('form[data-page-id]');
    await topInView(page);
    changes.push(await frame.getAttribute('form[data-page-id]', 'data-page-id'));
    // Then every page to the result (the emergency stop: two pages of questions).
    for (let i = 0; i < 10; i += 1) {
      const kind = await frame.getAttribute('[data-main]', 'data-page');
      if (kind === 'result') break;
      await scrollAway();
      const before = await frame.getAttribute('[data-main]', 'data-render');
      await fillPage(frame, runners.emergency);
      await frame.waitForFunction((b) => document.querySelector('[data-main]').dataset.render !== b, before);
      await topInView(page);
      changes.push(await frame.getAttribute('[data-main]', 'data-page'));
    }
    assert.equal(await frame.getAttribute('[data-main]', 'data-page'), 'result', `pages: ${changes.join(', ')}`);
    assert.ok(changes.length >= 3, `pages: ${changes.join(', ')}`);
    // The care card is on the host's screen.
    const card = await frame.$eval('[data-care]', (el) => el.getBoundingClientRect().top);
    const frameTop = await page.$eval('iframe[data-hipcheck]', (f) => f.getBoundingClientRect().top);
    assert.ok(frameTop + card >= 0 && frameTop + card < 812, `the care card is at ${frameTop + card}px`);
    await page.screenshot({ path: join(root, 'build/screenshots/embed-result-phone.png') });
  } finally {
    await context.close();
  }
});

test('in the frame the language switch is above the page, and switching keeps the place', async () => {
  const { context, page } = await openPage(browser, { viewport: { width: 375, height: 812 } });
  try {
    await page.goto(`${host.origin}/embed-host.html`);
    await page.frameLocator('iframe[data-hipcheck]').locator('html.is-ready').waitFor({ timeout: 20000 });
    const frame = page.frames().find((f) => f.url().startsWith(tool.origin));
    const button = frame.locator('nav[data-language-switch] button[lang="es"]');
    assert.ok(await button.isVisible(), 'the switch shows in the frame');
    assert.equal(await frame.$eval('nav[data-language-switch]', (el) => !!el.closest('.header')), false);
    await frame.click('[data-start]');
    await frame.waitForSelector('form[data-page-id]');
    const id = await frame.getAttribute('form[data-page-id]', 'data-page-id');
    await button.focus();
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.documentElement.lang === 'es');
    assert.equal(await frame.getAttribute('form[data-page-id]', 'data-page-id'), id);
  } finally {
    await context.close();
  }
});

test('a site that is not allowed sees the fallback message and link instead of the browser\'s error', async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(`${stranger.origin}/embed-host.html`);
    await page.waitForSelector('[data-hipcheck-fallback]:not([hidden])', { timeout: 15000 });
    assert.equal(await page.$eval('iframe[data-hipcheck]', (f) => f.hidden), true);
    assert.equal(await page.getAttribute('iframe[data-hipcheck]', 'data-hipcheck-state'), 'blocked');
    assert.equal(await page.getAttribute('[data-hipcheck-fallback] a', 'href'), `${tool.origin}/`);
    await page.screenshot({ path: join(root, 'build/screenshots/embed-blocked.png') });
  } finally {
    await context.close();
  }
});

test('the shipped configuration allows the example host page, as DEPLOY.md and clinic/README.md say', () => {
  const shipped = JSON.parse(readFileSync(join(root, 'clinic/clinic.json'), 'utf8'));
  const example = readFileSync(join(root, 'examples/embed-host.html'), 'utf8');
  assert.match(example, /python3 -m http\.server 8081 --bind 127\.0\.0\.1/);
  assert.ok(shipped.embed.allowedOrigins.includes('http://127.0.0.1:8081'));
  assert.match(example, /<iframe src="http:\/\/127\.0\.0\.1:8080\/"/, 'the tool where npm start serves it');
  for (const doc of ['DEPLOY.md', 'clinic/README.md']) assert.match(readFileSync(join(root, doc), 'utf8'), /127\.0\.0\.1:8081/, doc);
});
