// The only door to the engine (wasm/README.md): every method takes and returns JSON text.
// This wrapper parses what comes back; the page never decides anything itself.
// bundleText may be a promise: the module downloads and compiles while the content arrives.
// The module is compiled once; each engine (one per content bundle: a language switch makes a
// second one) is an instance of it. `drawn` (a promise) is the page to draw before the content is
// loaded: the start page drawn from the bundle's strings.
let module = null;
let warmed = false;
const WARM_UP = '{"w":[0,-1.5,2e3,"\\u00e9",true,false,null,{},[]]}';
// The module's bytes (index.html preloads them): the glue is Emscripten's minimal runtime, which
// instantiates what it is given.
function fetchWasm() {
  return fetch('/engine/hipcheck.wasm', { credentials: 'same-origin' }).then((response) => {
    if (!response.ok) throw new Error(`engine: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
}

export async function createEngine(bundleText, { drawn } = {}) {
  module ??= Promise.all([import('/engine/hipcheck.mjs'), fetchWasm()]).then(([{ default: createHipCheck }, wasm]) =>
    createHipCheck({ wasm }),
  );
  module.catch(() => (module = null)); // a failed download is tried again next time
  const [Module, text] = await Promise.all([module, bundleText, drawn]);
  // Draw first: loading the content is one task, so the page drawn meanwhile (the start page) is
  // painted before it (a frame, or at most 100 ms where frames do not run, as in a hidden tab).
  await Promise.race([
    new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))),
    new Promise((resolve) => setTimeout(resolve, 100)),
  ]);
  // The browser compiles the module's functions when they first run, and the first load pays for
  // it: a small text the loader refuses (after parsing every kind of JSON token) compiles the
  // parser in a short task of its own, which takes about a third off the load's long task at 4x.
  if (!warmed) {
    warmed = true;
    const spare = Module.open();
    Module.loadText(spare, WARM_UP);
    Module.call(spare, 'close', '', '');
    await new Promise((resolve) => setTimeout(resolve));
  }
  // The module's functions (wasm/bindings): open() makes an engine, call() runs its methods, and
  // loadText() is its load, with the text copied in natively.
  const handle = Module.open();
  const raw = (method, a = '', b = '') => Module.call(handle, method, a, b);
  const call = (method, a, b) => JSON.parse(raw(method, a, b));
  const loaded = JSON.parse(Module.loadText(handle, text));
  if (loaded.error) {
    raw('close');
    const problem = new Error(loaded.error.message);
    problem.detail = loaded;
    throw problem;
  }
  // What the caller does next (restoring the answers, drawing the page again) runs in a task of
  // its own: the load alone is the longest task on the way to the first question.
  await new Promise((resolve) => setTimeout(resolve));
  return {
    content: loaded.content,
    /** A new check: settings {mode: 'full'|'quick', lessons: bool}, both optional. */
    start: (settings = {}) => call('start', JSON.stringify(settings)),
    /** Changes the settings mid-check (e.g. {lessons: false} from a lesson's skip link). */
    configure: (settings) => call('configure', JSON.stringify(settings)),
    current: () => call('current'),
    /** Answers a whole page at once: answers is {itemId: value} for the page's shown items. */
    answer: (pageId, answers) => call('answer', pageId, JSON.stringify(answers)),
    /** On a notice: 'continue' goes on with the check, 'finish' ends it there. */
    proceed: (choice) => call('proceed', choice),
    back: () => call('back'),
    /** A shown page, by its id or by the id of one of its items (change links). */
    goTo: (pageOrItemId) => call('goTo', pageOrItemId),
    review: () => call('review'),
    result: () => call('result'),
    /** The session as text, exactly as the engine wrote it (what we store and share). */
    state: () => raw('state'),
    restore: (stateText) => call('restore', stateText),
    quiz: () => call('quiz'),
    scoreQuiz: (answers) => call('scoreQuiz', JSON.stringify(answers)),
    /** Frees the engine's memory (after a language switch, the old one is not used again). */
    dispose: () => raw('close'),
  };
}
