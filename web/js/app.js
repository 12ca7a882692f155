// The controller: loads the content and the engine, keeps the answers on the device and moves
// between pages. Each page is a module in views/; every decision is the engine's.
import { createEngine } from './engine.js';
import { h } from './dom.js';
import { setStrings, t, translate } from './i18n.js';
import * as store from './store.js';
import * as startView from './views/start.js';
import * as questionView from './views/question.js';
import { clinic, loadClinic } from './clinic.js';
import { registerServiceWorker } from './pwa.js';

const main = document.querySelector('[data-main]');
const noticeArea = document.querySelector('[data-notice-area]');
// The start page and the question page come with the app; the others load when first needed
// (and all of them once the first answer is given), to keep the first question quick to reach.
const views = {
  start: async () => startView,
  question: async () => questionView,
  lesson: () => import('./views/lesson.js'),
  notice: () => import('./views/notice.js'),
  check: () => import('./views/check.js'),
  result: () => import('./views/result.js'),
  anatomy: () => import('./views/anatomy.js'),
  quiz: () => import('./views/quiz.js'),
};
const firstViews = new Set(['start', 'question']);
let pageStyles;
/** css/pages.css (the styles of the later pages and of print), loaded once. */
function loadPageStyles() {
  pageStyles ??= new Promise((done) => {
    const link = h('link', { rel: 'stylesheet', href: '/css/pages.css' });
    link.addEventListener('load', done);
    link.addEventListener('error', done); // the page still works unstyled
    document.head.append(link);
  });
  return pageStyles;
}
let prefetched = false;
function prefetchViews() {
  if (prefetched) return;
  prefetched = true;
  loadPageStyles();
  for (const load of Object.values(views)) load().catch(() => {});
}

let engine;
let bundle;
let firstRender = true;

// ---- pages and history -------------------------------------------------------------------

function depth() {
  return history.state?.depth ?? 0;
}

let shown = 0;

/** Shows a page. how: 'push' adds a history entry, 'replace' rewrites the current one. */
async function display(page, params = {}, how = 'push') {
  const ticket = ++shown;
  const name = page === 'question' && params.current.page?.lesson ? 'lesson' : page;
  let view;
  try {
    [view] = await Promise.all([views[name](), firstViews.has(name) ? null : loadPageStyles()]);
  } catch (problem) {
    failed(problem);
    return;
  }
  if (ticket !== shown) return; // a later page was asked for while this one loaded
  const { title, node, error, focus } = view.render(ctx, params);
  main.replaceChildren(node);
  main.dataset.page = page;
  main.dataset.render = String(Number(main.dataset.render ?? 0) + 1);
  const fullTitle = t('title.page', { page: title, service: t('service.name') });
  document.title = error ? t('title.error', { title: fullTitle }) : fullTitle;

  const state = { page, depth: how === 'push' ? depth() + 1 : depth() };
  if (page === 'question') state.pageId = params.current.page.id;
  if ((page === 'question' || page === 'notice') && params.change) state.change = true;
  if (page === 'anatomy' && params.focus) state.focus = params.focus;
  if (how === 'push') history.pushState(state, '', location.pathname);
  else if (how === 'replace') history.replaceState(state, '', location.pathname);

  if (error) {
    main.querySelector('[data-error-summary]')?.focus();
  } else if (!firstRender) {
    window.scrollTo(0, 0);
    (main.querySelector(focus ?? 'h1') ?? main).focus({ preventScroll: true });
  }
  firstRender = false;
}

function persist() {
  store.save(engine.state());
}

/**
 * Shows what the engine says comes next: a question page, a stop's notice, the result when a stop
 * ended the check (an emergency goes straight there, without the check page), or the check page
 * once every page is answered.
 */
function showCurrent(current, how = 'push', change = false) {
  if (current.error) current = engine.current();
  if (current.status === 'complete') return display('check', {}, how);
  if (current.status === 'stopped') return display('result', {}, how);
  if (current.status === 'notice') return display('notice', { current, change }, how);
  return display('question', { current, change }, how);
}

/** After a change from the check page: through the pages already answered to anything new. */
function forward(current) {
  for (let guard = 0; guard < 200 && current.status === 'question'; guard += 1) {
    const items = current.page.items ?? [];
    if (!items.length || !items.every((item) => item.answer !== undefined)) break;
    const answers = current.page.lesson ? {} : Object.fromEntries(items.map((item) => [item.id, item.answer]));
    const next = engine.answer(current.page.id, answers);
    if (next.error) break;
    current = next;
  }
  return current;
}

/** Whether the check is over: every page answered, or a stop ended it. */
function finished() {
  const review = engine.review();
  return review.complete || !!review.stop;
}

function route(state, how) {
  clearNotice();
  const page = state?.page ?? 'start';
  if (page === 'question') {
    let current = state.pageId ? engine.goTo(state.pageId) : engine.current();
    if (current.error) current = engine.current();
    persist();
    return showCurrent(current, how, state.change);
  }
  if (page === 'notice') return showCurrent(engine.current(), how, state.change);
  if (page === 'check') {
    const review = engine.review();
    if (review.stop) return display('result', {}, how);
    return review.complete ? display('check', {}, how) : showCurrent(engine.current(), how);
  }
  if (page === 'result') {
    return finished() ? display('result', {}, how) : showCurrent(engine.current(), how);
  }
  if (page === 'anatomy') return display('anatomy', { focus: state.focus }, how);
  if (page === 'quiz') return display('quiz', {}, how);
  return display('start', { hasSaved: hasAnswers() }, how);
}

function hasAnswers() {
  return store.hasAnswers(store.load());
}

// ---- notices ---------------------------------------------------------------------------------

function notice(kind, titleKey, bodyKey) {
  noticeArea.replaceChildren(
    h(
      'div',
      { class: `notice notice--${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-notice': titleKey },
      h('h2', { class: 'notice__title', text: t(titleKey) }),
      bodyKey ? h('p', { class: 'notice__body', text: t(bodyKey) }) : null,
    ),
  );
}

function clearNotice() {
  noticeArea.replaceChildren();
}

// ---- what the pages can ask for ---------------------------------------------------------------

function changeMode() {
  return history.state?.page === 'question' && history.state.change === true;
}

const ctx = {
  get engine() {
    return engine;
  },
  get labels() {
    return bundle.meta?.labels ?? {};
  },
  get structures() {
    return Array.isArray(bundle.anatomy) ? bundle.anatomy : [];
  },
  structure(id) {
    return ctx.structures.find((x) => x.id === id);
  },
  /** An item as the content wrote it (pages of sections, or items of sections). */
  item(id) {
    for (const section of bundle.questionnaire?.sections ?? []) {
      for (const items of [section.items ?? [], ...(section.pages ?? []).map((page) => page.items ?? [])]) {
        const found = items.find((x) => x.id === id);
        if (found) return found;
      }
    }
    return null;
  },
  /** The item that holds the runner's distance unit (meta.distanceUnit). */
  isUnitItem(id) {
    return id === bundle.meta?.distanceUnit;
  },
  /** A number item asked in the runner's unit (written with unit "distance"). */
  isDistance(id) {
    return ctx.item(id)?.unit === 'distance';
  },
  /** The care level's words for a notice: the engine's result when it has them, else care.json's. */
  careFor(level) {
    const result = engine.result();
    if (!result.error && result.care?.level === level) return result.care;
    const texts = (bundle.care?.levels ?? []).find((x) => x.id === level);
    return { ...texts, level };
  },
  unitLabel(unit) {
    return ctx.labels.units?.[unit] ?? unit;
  },
  // The answer a question starts with before the runner gives one: the clinic's distance unit.
  suggested(itemId) {
    return itemId === bundle.meta?.distanceUnit ? clinic().units : undefined;
  },
  hasAnswers,

  /** A new check with the settings chosen on the start page ({mode, lessons}). */
  begin(settings = {}) {
    clearNotice();
    const current = engine.start(settings);
    if (current.error) return;
    persist();
    showCurrent(current);
  },
  resume() {
    clearNotice();
    showCurrent(engine.current());
  },
  /** Clears the answers; with settings begins a new check, else returns to the start page to choose. */
  startAgain(settings) {
    store.clear();
    if (settings) {
      ctx.begin(settings);
      return;
    }
    clearNotice();
    engine.start();
    display('start', { hasSaved: false });
  },
  async clear() {
    store.clear();
    engine.start();
    await display('start', { hasSaved: false });
    notice('success', 'cleared.title', 'cleared.body');
  },
  open(page, params = {}, how = 'push') {
    clearNotice();
    display(page, params, how);
  },

  back() {
    if (depth() > 0) {
      history.back();
      return;
    }
    // No earlier page of ours in this tab (say, after opening a share link): step back in the engine.
    const page = main.dataset.page;
    const now = engine.current();
    if ((page === 'question' || page === 'check' || page === 'notice' || (page === 'result' && now.status === 'stopped')) && now.canGoBack) {
      const current = engine.back();
      persist();
      showCurrent(current, 'replace');
    } else if (page === 'result') {
      display('check', {}, 'replace');
    } else {
      display('start', { hasSaved: hasAnswers() }, 'replace');
    }
  },

  /** Answers a page: answers {itemId: value}; drafts keeps what was typed, to redraw after an error. */
  answer(pageId, answers, drafts) {
    prefetchViews();
    clearNotice();
    const change = changeMode();
    let current = engine.answer(pageId, answers);
    if (current.error) {
      const errors = Array.isArray(current.errors) && current.errors.length ? current.errors : [current.error];
      display('question', { current: engine.current(), errors, drafts, change }, 'replace');
      return;
    }
    persist();
    // After a change from the check page, go through anything new, then back to the check page.
    if (change) {
      current = forward(current);
      persist();
    }
    showCurrent(current, 'push', change);
  },

  /** A notice's choice: 'continue' goes on with the check, 'finish' shows the result now. */
  proceed(choice) {
    clearNotice();
    const change = history.state?.change === true;
    let current = engine.proceed(choice);
    if (current.error) {
      showCurrent(engine.current(), 'replace');
      return;
    }
    persist();
    if (change && choice === 'continue') {
      current = forward(current);
      persist();
    }
    // The notice is answered: the page after it takes its place in the history.
    showCurrent(current, 'replace', change);
  },

  /** "Skip the lessons" on a lesson page: the engine hides every lesson from now on. */
  skipLessons() {
    clearNotice();
    const current = engine.configure({ lessons: false });
    if (current.error) return;
    persist();
    showCurrent(current, 'replace', changeMode());
  },

  /** A change link on the check page: the page the answer was given on. */
  change(pageId) {
    clearNotice();
    const current = engine.goTo(pageId);
    if (current.error) return;
    persist();
    showCurrent(current, 'push', true);
  },

  scoreQuiz(answers) {
    const scored = engine.scoreQuiz(answers);
    if (scored.error) display('quiz', { chosen: answers, error: scored.error }, 'replace');
    else display('quiz', { chosen: answers, scored }, 'replace');
  },

  shareUrl() {
    return store.shareUrl(engine.state());
  },
};

// ---- start-up ----------------------------------------------------------------------------------

function failed(problem) {
  console.error(problem);
  const box = document.querySelector('[data-load-error]');
  if (!box) return;
  box.hidden = false;
  main.replaceChildren(box);
}

/** Opens a share link, or the saved answers, and shows the page to carry on from. */
async function restoreSession() {
  const shared = store.fromFragment();
  if (shared !== undefined) {
    history.replaceState(null, '', location.pathname);
    const restored = shared === null ? { error: { id: 'state.link' } } : engine.restore(shared);
    if (restored.error) {
      engine.start();
      await display('start', { hasSaved: hasAnswers() }, 'replace');
      notice('error', 'share.badTitle', 'share.badBody');
      return;
    }
    persist();
    await (finished() ? display('result', {}, 'replace') : showCurrent(restored, 'replace'));
    notice('success', 'share.openedTitle', 'share.openedBody');
    return;
  }
  const saved = store.load();
  if (saved) {
    const restored = engine.restore(saved);
    if (restored.error) {
      store.clear();
      engine.start();
      await display('start', { hasSaved: false }, 'replace');
      notice('error', 'restore.failedTitle', 'restore.failedBody');
      return;
    }
  } else {
    engine.start();
  }
  // A reload carries on where the engine's saved cursor is; otherwise the page in this tab's history.
  if (history.state?.page === 'question' || history.state?.page === 'notice') await showCurrent(engine.current(), 'replace');
  else await route(history.state, 'replace');
}

// The clinic's name and logo in the header, when it has its own.
function brandHeader() {
  const { name, logo } = clinic();
  if (logo) {
    const img = h('img', { class: 'header__logo', src: logo, alt: '' });
    document.querySelector('[data-default-logo]')?.replaceWith(img);
  }
  const label = document.querySelector('[data-clinic-name]');
  if (label && name && name !== 'Hip Check') label.textContent = `${t('service.name')} · ${name}`;
}

async function boot() {
  const clinicLoaded = loadClinic();
  const bundleText = fetch('/content/en.json').then((response) => {
    if (!response.ok) throw new Error(`content: HTTP ${response.status}`);
    return response.text();
  });
  const enginePromise = createEngine(bundleText);
  enginePromise.catch(() => {}); // reported below, once the strings are in
  bundle = JSON.parse(await bundleText);
  setStrings(bundle.ui);
  translate(document);
  engine = await enginePromise;
  await clinicLoaded;
  brandHeader();

  document.querySelector('[data-home]')?.addEventListener('click', (event) => {
    event.preventDefault();
    ctx.open('start', { hasSaved: hasAnswers() });
  });
  for (const link of document.querySelectorAll('[data-nav]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      ctx.open(link.dataset.nav);
    });
  }
  document.querySelector('[data-clear]')?.addEventListener('click', () => ctx.clear());
  // Opening a share link in a tab that already shows Hip Check is a same-page navigation: it fires
  // popstate (and hashchange), so both look for the link's fragment first.
  window.addEventListener('popstate', (event) => {
    if (store.fromFragment() !== undefined) restoreSession();
    else route(event.state, 'replace');
  });
  window.addEventListener('hashchange', () => {
    if (store.fromFragment() !== undefined) restoreSession();
  });

  await restoreSession();
  document.documentElement.classList.add('is-ready');
  registerServiceWorker();
  // Only a page inside a clinic's iframe reports its height; others never load that code.
  if (window.parent !== window) import('./embed-child.js').then((m) => m.startEmbedChild());
  performance.mark('hipcheck:ready');
}

boot().catch(failed);
