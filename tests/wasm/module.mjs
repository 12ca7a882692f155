// Loads the built wasm module in node: the node glue with the very .wasm the browser gets.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

export async function createEngine() {
  const createHipCheck = require(`${root}build/wasm/hipcheck-node.cjs`);
  const Module = await createHipCheck({ wasmBinary: readFileSync(`${root}build/wasm/hipcheck.wasm`) });
  return new Module.Engine();
}

// The content bundle as the native CLI writes it for the web page.
export function bundle(folder = 'content/en') {
  return execFileSync(`${root}build/native/hipcheck`, ['bundle', `${root}${folder}`], { encoding: 'utf8' });
}

export function cli(...args) {
  return execFileSync(`${root}build/native/hipcheck`, args, { encoding: 'utf8', cwd: root });
}

// Answers page by page, as the web page does: lessons are read, questions take the given answer.
// Stops at the end, or at the first question the answers do not cover.
export function drive(engine, answers) {
  let page = JSON.parse(engine.current());
  const seen = [];
  while (page.status === 'question') {
    const { id, type } = page.item;
    if (type !== 'lesson' && !(id in answers)) break;
    const reply = JSON.parse(engine.answer(id, type === 'lesson' ? 'true' : JSON.stringify(answers[id])));
    if (reply.error) throw new Error(`${id}: ${reply.error.id} ${reply.error.message}`);
    seen.push(id);
    page = reply;
  }
  return { page, seen };
}
