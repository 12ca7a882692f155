// Lighthouse 12 (mobile defaults: a mid-range phone, simulated slow 4G) on dist/ served locally.
// Prints the four category scores; fails below 95 for accessibility, best practices and SEO.
// Performance is a timing and varies with the machine (72 to 94 on one 2-core machine), so it is
// printed here and measured by `npm run bench`, never asserted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildDist, chromiumArgs, chromiumPath, root, startServer, tempDir } from './helpers.mjs';

const run = promisify(execFile);
const cli = join(root, 'node_modules/lighthouse/cli/index.js');
const MINIMUM = { accessibility: 95, 'best-practices': 95, seo: 95 };

let srv;
before(async () => {
  if (!existsSync(cli)) return;
  const dist = await buildDist({ screenshots: true });
  srv = await startServer(dist.out);
});
after(() => srv?.close());

async function lighthouse() {
  const report = join(tempDir(), 'lighthouse.json');
  await run(process.execPath, [
    cli,
    `${srv.origin}/`,
    '--quiet',
    '--output=json',
    `--output-path=${report}`,
    `--chrome-path=${chromiumPath}`,
    `--chrome-flags=${chromiumArgs.join(' ')}`,
    '--only-categories=performance,accessibility,best-practices,seo',
  ], { env: { ...process.env, CHROME_PATH: chromiumPath }, maxBuffer: 64 * 1024 * 1024, timeout: 230000 });
  return JSON.parse(readFileSync(report, 'utf8'));
}

const scoresOf = (result) => Object.fromEntries(Object.entries(result.categories).map(([id, c]) => [id, Math.round(c.score * 100)]));

test('Lighthouse scores dist/ at least 95 for accessibility, best practices and SEO', { skip: !existsSync(cli) && 'lighthouse is not installed (npm install --save-dev --save-exact lighthouse@12.8.2)', timeout: 300000 }, async () => {
  const result = await lighthouse();
  const scores = scoresOf(result);
  console.log(`lighthouse ${result.lighthouseVersion} (${result.configSettings.formFactor}): ${JSON.stringify(scores)} (performance is printed, not asserted)`);
  if (process.env.LIGHTHOUSE_REPORT) writeFileSync(process.env.LIGHTHOUSE_REPORT, JSON.stringify(result));
  const failing = (id) =>
    result.categories[id].auditRefs
      .map((ref) => result.audits[ref.id])
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
      .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
  for (const [id, min] of Object.entries(MINIMUM)) {
    assert.ok(scores[id] >= min, `${id} ${scores[id]} < ${min}: ${failing(id).join(', ')}`);
  }
  assert.ok(result.runWarnings.every((w) => !/chrome.*crash|could not/i.test(w)), result.runWarnings.join('\n'));
});
