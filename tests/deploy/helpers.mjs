// Shared set-up for the deployment tests: builds dist folders from the assembled site into
// temporary folders (fast: no compiling), serves them with scripts/serve.mjs on a random port,
// and launches Debian's Chromium.
import { mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { makeDist } from '../../scripts/dist/make-dist.mjs';
import { chromiumArgs, chromiumPath, launch, root, serveFolder, watchProblems } from '../browser.mjs';

export { chromiumArgs, chromiumPath, launch, root };

/** The assembled site the dist is made from ($HIPCHECK_SITE, or build/site from scripts/build). */
export const site = resolve(root, process.env.HIPCHECK_SITE ?? 'build/site');

const temps = [];
export function tempDir(prefix = 'hipcheck-deploy-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
process.on('exit', () => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Builds a dist folder (default: a new temporary one) from `from` with a clinic configuration. */
export async function buildDist({ from = site, out = join(tempDir(), 'dist'), clinic, screenshots = false } = {}) {
  if (!existsSync(join(from, 'index.html'))) throw new Error(`${from} is missing: run scripts/build first`);
  return makeDist({ from, out, clinic: clinic ? resolve(root, clinic) : undefined, screenshots, log: () => {} });
}

export const startServer = serveFolder;

export function listFiles(folder) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(folder, full).split(sep).join('/'));
    }
  };
  walk(folder);
  return out.sort();
}

/** A fresh context and page that records errors and CSP violations. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  return { context, page, problems: await watchProblems(page) };
}

/** Waits until the service worker controls the page and its cache is complete. */
export async function waitForOffline(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 20000 });
}

export async function gotoApp(page, url) {
  await page.goto(url);
  await page.waitForSelector('html.is-ready', { timeout: 20000 });
}
