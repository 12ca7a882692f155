// What every browser test shares: Debian's Chromium with the flags this machine needs, and a
// folder served by scripts/serve.mjs on a random loopback port.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function launch() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/**
 * Records what goes wrong on a page: uncaught errors, console errors and Content-Security-Policy
 * violations (reported from inside the page). Returns the list, filled as things happen.
 */
export async function watchProblems(page) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    if (message.text().startsWith('CSP-VIOLATION')) problems.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.log(`CSP-VIOLATION ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

/** Serves `folder` on 127.0.0.1 at a free port: {server, origin, close()}. */
export async function serveFolder(folder) {
  const server = await serve(folder, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { server, origin, close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(done); }) };
}
