// Loads the built wasm module in node: the node glue with the very .wasm the browser gets.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

// The Engine's methods by name, each taking and returning JSON text, over the module's functions
// (wasm/bindings: open() makes an engine, call(engine, method, a, b) runs a method), with load
// through loadText(engine, text) as the page loads (web/js/engine.js).
export const methods = ['load', 'start', 'configure', 'current', 'answer', 'proceed', 'back', 'goTo',
  'review', 'result', 'state', 'restore', 'quiz', 'scoreQuiz', 'close'];

export function engineOf(Module) {
  const handle = Module.open();
  const engine = Object.fromEntries(methods.map((m) => [m, (a = '', b = '') => Module.call(handle, m, a, b)]));
  engine.load = (text = '') => Module.loadText(handle, text);
  return engine;
}

// The compiled module (its open() and call()); each engineOf(Module) is a new engine in it. Under
// node the glue reads hipcheck-node.wasm beside it, which the build makes a copy of the browser's
// hipcheck.wasm (wasm/bindings/CMakeLists.txt): the tests run the very module the page gets.
export function createModule() {
  const [browser, node] = ['hipcheck.wasm', 'hipcheck-node.wasm'].map((f) => readFileSync(`${root}build/wasm/${f}`));
  if (!browser.equals(node)) throw new Error('build/wasm/hipcheck-node.wasm is not the browser\'s hipcheck.wasm: build again');
  return require(`${root}build/wasm/hipcheck-node.cjs`)();
}

// Bytes as `gzip -9` compresses them (issue 11 measures sizes so; node's zlib gives about 1 % more).
export function gzip9(bytes) {
  return execFileSync('gzip', ['-9', '-n', '-c'], { input: bytes, maxBuffer: 1 << 26 }).length;
}

export async function createEngine() {
  return engineOf(await createModule());
}

// The content bundle as the native CLI writes it for the web page.
export function bundle(folder = 'content/en') {
  return execFileSync(`${root}build/native/hipcheck`, ['bundle', `${root}${folder}`], { encoding: 'utf8' });
}

export function cli(...args) {
  return execFileSync(`${root}build/native/hipcheck`, args, { encoding: 'utf8', cwd: root });
}

// Replays a scenario page by page, as the web page does and as `hipcheck assess` and `walk` do:
// starts with the scenario's settings, reads lessons, answers each page's shown items from the
// answers, answers a notice with stopChoice ("continue" by default), and ends at an end stop, at
// check-your-answers, or at the first page the answers do not cover.
// Returns the last page, the path of pages shown ("notice:id" for a notice), the answer count and
// the pages answered with the items shown on each (visited).
export function drive(engine, answers, { settings = {}, stopChoice = 'continue' } = {}) {
  let page = JSON.parse(engine.start(JSON.stringify(settings)));
  if (page.error) throw new Error(`settings: ${page.error.id} ${page.error.message}`);
  const path = [];
  const visited = [];
  let count = 0;
  let lessons = 0;
  for (;;) {
    if (page.status === 'notice') {
      path.push(`notice:${page.stop.id}`);
      page = JSON.parse(engine.proceed(stopChoice));
      if (page.error) throw new Error(`proceed: ${page.error.id} ${page.error.message}`);
      continue;
    }
    if (page.status !== 'question') break;
    const { id, lesson, items } = page.page;
    const reply = {};
    if (!lesson) {
      if (!items.every((item) => item.id in answers)) break;
      for (const item of items) reply[item.id] = answers[item.id];
    }
    const next = JSON.parse(engine.answer(id, JSON.stringify(reply)));
    if (next.error) throw new Error(`${id}: ${next.error.id} ${next.error.path} ${next.error.message}`);
    path.push(id);
    visited.push({ page: id, items: items.map((item) => item.id) });
    if (lesson) lessons += 1;
    count += Object.keys(reply).length;
    page = next;
  }
  return { page, path, answers: count, lessons, seen: path, visited };
}

// A scenario file driven through the module with its own settings and stop choice.
export function driveScenario(engine, scenario) {
  return drive(engine, scenario.answers, { settings: scenario.settings ?? {}, stopChoice: scenario.stopChoice ?? 'continue' });
}
