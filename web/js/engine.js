// The only door to the engine (wasm/README.md): every method takes and returns JSON text.
// This wrapper parses what comes back; the page never decides anything itself.
// bundleText may be a promise: the module downloads and compiles while the content arrives.
export async function createEngine(bundleText) {
  const module = import('/engine/hipcheck.mjs').then(({ default: createHipCheck }) => createHipCheck());
  const [Module, text] = await Promise.all([module, bundleText]);
  const raw = new Module.Engine();
  const call = (method, ...args) => JSON.parse(raw[method](...args));
  const loaded = call('load', text);
  if (loaded.error) {
    const problem = new Error(loaded.error.message);
    problem.detail = loaded;
    throw problem;
  }
  return {
    content: loaded.content,
    start: () => call('start'),
    current: () => call('current'),
    answer: (itemId, value) => call('answer', itemId, JSON.stringify(value)),
    back: () => call('back'),
    goTo: (itemId) => call('goTo', itemId),
    review: () => call('review'),
    result: () => call('result'),
    /** The session as text, exactly as the engine wrote it (what we store and share). */
    state: () => raw.state(),
    restore: (stateText) => call('restore', stateText),
    quiz: () => call('quiz'),
    scoreQuiz: (answers) => call('scoreQuiz', JSON.stringify(answers)),
  };
}
