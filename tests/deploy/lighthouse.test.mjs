// Lighthouse 12 (mobile defaults: a mid-range phone, simulated slow 4G) on dist/ served locally.
// Prints the four category scores; fails below 95 for accessibility, best practices and SEO.
// Performance is a timing and varies with the machine (72 to 94 on one 2-core machine), so it is
// printed here and measured by `npm run bench`, never asserted. It runs separately from the gated
// categories, so its trace (which a busy machine can fail to record: NO_NAVSTART) never decides
// the gate. Lighthouse's own runtime errors ("Please run Lighthouse again") are retried.
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

const RUNTIME_ERROR = /Runtime error encountered/;
const ATTEMPTS = 3;

async function lighthouseOnce(categories) {
  const report = join(tempDir(), 'lighthouse.json');
  await run(process.execPath, [
    cli,
    `${srv.origin}/`,
    '--quiet',
    '--output=json',
    `--output-path=${report}`,
    `--chrome-path=${chromiumPath}`,
    `--chrome-flags=${chromiumArgs.join(' ')}`,
    `--only-categories=${categories.join(',')}`,
  ], { env: { ...process.env, CHROME_PATH: chromiumPath }, maxBuffer: 64 * 1024 * 1024, timeout: 120000 });
  return JSON.parse(readFileSync(report, 'utf8'));
}

async function lighthouse(categories) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseOnce(categories);
    } catch (error) {
      const message = `${error.message}\n${error.stderr ?? ''}`;
      if (attempt >= ATTEMPTS || !RUNTIME_ERROR.test(message)) throw error;
      console.log(`lighthouse run ${attempt} of ${ATTEMPTS} ended in a runtime error; running again: ${message.match(/Runtime error encountered[^\n]*/)[0]}`);
    }
  }
}

const scoresOf = (result) => Object.fromEntries(Object.entries(result.categories).map(([id, c]) => [id, Math.round(c.score * 100)]));

const skip = !existsSync(cli) && 'lighthouse is not installed (npm install --save-dev --save-exact lighthouse@12.8.2)';

test('Lighthouse scores dist/ at least 95 for accessibility, best practices and SEO', { skip, timeout: 400000 }, async () => {
  const result = await lighthouse(Object.keys(MINIMUM));
  const scores = scoresOf(result);
  console.log(`lighthouse ${result.lighthouseVersion} (${result.configSettings.formFactor}): ${JSON.stringify(scores)}`);
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

test('Lighthouse performance is printed, never asserted', { skip, timeout: 400000 }, async () => {
  try {
    const result = await lighthouse(['performance']);
    console.log(`lighthouse performance ${scoresOf(result).performance} (printed only; \`npm run bench\` measures speed)`);
  } catch (error) {
    console.log(`lighthouse performance not measured this time: ${error.message.split('\n').slice(0, 2).join(' ')}`);
  }
});
