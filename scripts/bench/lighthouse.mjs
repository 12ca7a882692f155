// The Lighthouse performance score of dist/ (mobile defaults), median of several runs. A timing:
// it belongs to `npm run bench`, never to a test (it varied from 72 to 94 on one 2-core machine).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromiumArgs, chromiumPath, root, serveFolder } from '../../tests/browser.mjs';
import { makeDist } from '../dist/make-dist.mjs';

const run = promisify(execFile);

export async function lighthousePerformance(runs = 3) {
  const cli = join(root, 'node_modules/lighthouse/cli/index.js');
  if (!existsSync(cli)) return 'lighthouse: not installed';
  const dir = mkdtempSync(join(tmpdir(), 'hipcheck-bench-'));
  const dist = await makeDist({ from: join(root, 'build/site'), out: join(dir, 'dist'), log: () => {} });
  const srv = await serveFolder(dist.out);
  const scores = [];
  const metrics = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      const report = join(dir, `lighthouse-${i}.json`);
      // A busy machine can lose Lighthouse's trace (a runtime error such as NO_NAVSTART, not a
      // score): such a run is tried again, up to 3 times, then reported instead of a score.
      let lost = null;
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        try {
          await run(process.execPath, [cli, `${srv.origin}/`, '--quiet', '--output=json', `--output-path=${report}`,
            `--chrome-path=${chromiumPath}`, `--chrome-flags=${chromiumArgs.join(' ')}`, '--only-categories=performance'],
          { env: { ...process.env, CHROME_PATH: chromiumPath }, maxBuffer: 64 * 1024 * 1024 });
          lost = null;
          break;
        } catch (problem) {
          lost = String(problem.stderr ?? problem.message).match(/Runtime error encountered[^\n]*/)?.[0];
          if (!lost) throw problem;
        }
      }
      if (lost) {
        metrics.push(`no score: ${lost}`);
        continue;
      }
      const result = JSON.parse(readFileSync(report, 'utf8'));
      scores.push(Math.round(result.categories.performance.score * 100));
      metrics.push(['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time']
        .map((id) => `${id} ${result.audits[id].displayValue}`).join(', '));
    }
  } finally {
    await srv.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const sorted = [...scores].sort((a, b) => a - b);
  return [`lighthouse performance (mobile): median ${sorted[Math.floor(sorted.length / 2)] ?? 'none'} over ${scores.length} runs (${scores.join(', ')})`,
    ...metrics.map((m, i) => `  run ${i + 1}: ${m}`)].join('\n');
}
