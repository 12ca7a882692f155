// npm run bench [runs] [--quick] [--instructions] [--no-lighthouse] [--no-page]: sizes of the wasm
// module and its glue, the median time to load the content and run a full questionnaire (every
// scenario) through the wasm module in node, then Hip Check side by side with its peers in one table
// (scripts/bench/peers.mjs: per answer and load against survey-core on the equivalent SurveyJS
// model, JsonLogic per evaluation against json-logic-js, module bytes, the page at 4x CPU slowdown),
// and the Lighthouse performance score of dist/ (median of three runs).
// --quick: fewer repetitions (a quick look, not a figure to report). --instructions: also the
// engine's instructions per answer, natively under callgrind (steady on a busy machine, where
// timings are not; takes a minute or two). Exits non-zero when the SurveyJS model is not
// equivalent to the content.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { bundle, createEngine, drive, gzip9, root } from '../tests/wasm/module.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runs = Number(args.find((a) => !a.startsWith('--')) ?? (quick ? 7 : 21));
for (const file of ['build/wasm/hipcheck.wasm', 'build/wasm/hipcheck.mjs', 'build/site/content/en.json']) {
  const data = readFileSync(`${root}${file}`);
  console.log(`${file}: ${data.length} bytes, ${gzip9(data)} gzip -9`);
}

const content = bundle();
const scenarios = readdirSync(`${root}tests/scenarios`)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`${root}tests/scenarios/${f}`, 'utf8')).answers);
const engine = await createEngine();
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const loads = [];
const flows = [];
for (let i = 0; i < runs; i++) {
  let t = performance.now();
  engine.load(content);
  loads.push(performance.now() - t);
  t = performance.now();
  const answers = scenarios[i % scenarios.length];
  engine.start();
  drive(engine, answers);
  engine.review();
  engine.result();
  flows.push(performance.now() - t);
}
console.log(`content load, replacing the last one in the same engine: median ${median(loads).toFixed(2)} ms over ${runs} runs`);
console.log(`full questionnaire (every page, review and result): median ${median(flows).toFixed(2)} ms over ${runs} runs`);

{
  const { peers } = await import('./bench/peers.mjs');
  const side = await peers({ page: !args.includes('--no-page'), quick, instructions: args.includes('--instructions') });
  console.log(side.text);
  if (!side.equivalent) process.exitCode = 1;
}

if (!args.includes('--no-lighthouse')) {
  const { lighthousePerformance } = await import('./bench/lighthouse.mjs');
  console.log(await lighthousePerformance());
}
