// The controller: loads the content and the engine, keeps the answers on the device and moves
// between pages. Each page is a module in views/; every decision is the engine's.
import { createEngine } from './engine.js';
import { h } from './dom.js';
import { setStrings, t, translate } from './i18n.js';
import * as store from './store.js';
import * as startView from './views/start.js';
import * as questionView from './views/question.js';
import { clinic, formatNumber, loadClinic } from './clinic.js';
import * as workshop from './workshop.js';
import * as locales from './locale.js';
import { languageSwitch } from './components/language-switch.js';

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
  // Workshop mode (issue 10): the educator's pages, the presenter and its notes window, handouts.
  settings: () => import('./views/settings.js'),
  tally: () => import('./views/tally.js'),
  presenter: () => import('./views/presenter.js'),
  notes: () => import('./views/presenter.js').then((m) => ({ render: m.renderNotes })),
  groupQuiz: () => import('./views/group-quiz.js'),
  handout: () => import('./views/handout.js'),
  about: () => import('./views/about.js'),
};
const firstViews = new Set(['start', 'question']);
let pageStyles;
/** css/pages.css (the styles of the later pages and of print), loaded once. */
function loadPageStyles() {
  pageStyles ??= new Promise((done) => {
    let waiting = 2;
    const loaded = () => (--waiting === 0 ? done() : null);
    for (const href of ['/css/pages.css', '/css/workshop.css']) {
      const link = h('link', { rel: 'stylesheet', href });
      link.addEventListener('load', loaded);
      link.addEventListener('error', loaded); // the page still works unstyled
      document.head.append(link);
    }
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
let locale;
let firstRender = true;
// A redraw in another language keeps the focus (on the language switch) and the scroll position.
let redrawing = false;

// ---- pages and history -------------------------------------------------------------------

function depth() {
  return history.state?.depth ?? 0;
}

let shown = 0;

/** Shows a page. how: 'push' adds a history entry, 'replace' rewrites the current one. */
async function display(page, params = {}, how = 'push') {
  // Kiosk mode keeps one history entry: Back can never lead to the previous person's pages.
  if (how === 'push' && workshop.isKiosk()) how = 'replace';
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
  kiosk?.decorate(page, node);
  main.replaceChildren(node);
  main.dataset.page = page;
  document.documentElement.dataset.workshopPage = ['presenter', 'notes', 'groupQuiz', 'handout'].includes(page) ? page : '';
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
  } else if (!firstRender && !redrawing) {
    window.scrollTo(0, 0);
    (main.querySelector(focus ?? 'h1') ?? main).focus({ preventScroll: true });
  }
  // A new page (in a clinic's frame, embed-child.js asks the host to show the frame's top).
  if (!firstRender && !redrawing) window.dispatchEvent(new CustomEvent('hipcheck:page', { detail: { page } }));
  firstRender = false;
}

function persist() {
  // Kiosk mode: a visitor's answers stay in memory only, gone with the next reset.
  if (workshop.isKiosk()) return;
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
  const hashPage = WORKSHOP_HASHES[location.hash];
  if (hashPage) {
    history.replaceState({ page: hashPage, depth: 0 }, '', location.pathname);
    return display(hashPage, {}, how);
  }
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
  if (WORKSHOP_PAGES.has(page)) return display(page, {}, how);
  if (page === 'about') return display('about', {}, how);
  return display('start', { hasSaved: hasAnswers() }, how);
}

function hasAnswers() {
  if (workshop.isKiosk()) return !!engine && store.hasAnswers(engine.state());
  return store.hasAnswers(store.load());
}

// The workshop pages (reached by their address: /#educator, /#present, /#notes, /#group-quiz,
// /#handout; the tally from the educator's page).
const WORKSHOP_PAGES = new Set(['settings', 'tally', 'presenter', 'notes', 'groupQuiz', 'handout']);
const WORKSHOP_HASHES = { '#educator': 'settings', '#present': 'presenter', '#notes': 'notes', '#group-quiz': 'groupQuiz', '#handout': 'handout' };
let quizScored = null; // this visitor's quiz score, for the tally (memory only)

/** Clears everything of one person: answers, the engine, the page, the URL, the history entry. */
async function resetPerson(reason) {
  if (workshop.settings().tally) {
    const result = finished() ? engine.result() : null;
    (await import('./tally.js')).count({ level: result && !result.error ? result.care?.level : null, causes: result?.stop ? [] : result?.causes, quiz: quizScored });
  }
  quizScored = null;
  store.clear();
  try {
    sessionStorage.clear();
  } catch {
    /* nothing stored */
  }
  workshop.lock();
  engine.start();
  clearNotice();
  history.replaceState({ page: 'start', depth: 0 }, '', '/');
  firstRender = false;
  // The next visitor starts in the device's language, not the one the last visitor chose.
  if (locale !== deviceLocale()) await switchLocale(deviceLocale(), { remember: false });
  await display('start', { hasSaved: false }, 'replace');
  if (reason === 'finish' || reason === 'idle') notice('success', `kiosk.reset.${reason}`, 'kiosk.resetBody');
}

/**
 * kiosk.js (the idle countdown, the reset for the next person, Finish on the result), loaded only
 * on a kiosk, or when the educator's settings page turns kiosk mode on or off.
 */
let kiosk = null;
let kioskLoading = null;
function loadKiosk() {
  kioskLoading ??= import('./kiosk.js').then((module) => {
    module.startKiosk({ reset: resetPerson, pristine: () => main.dataset.page === 'start' && !hasAnswers() && !quizScored });
    kiosk = module;
    return module;
  });
  return kioskLoading;
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

// ---- language ---------------------------------------------------------------------------------

let switcher = null;
let switching = null;
let booted;
const bootDone = new Promise((resolve) => (booted = resolve));

/** Puts a bundle's words on the page: the strings, the page's own text, <html lang>, the switch. */
function useBundle(next, parsed) {
  bundle = parsed;
  locale = next;
  setStrings(bundle.ui);
  document.documentElement.lang = next;
  translate(document);
  switcher?.show(next);
}

/**
 * What was typed or chosen on the page but not sent yet (inputs by id) and which folds are open:
 * returns a function that puts them back on the page drawn again in another language.
 */
function pageSnapshot() {
  const inputs = [...main.querySelectorAll('input[id], textarea[id]')].map((el) => [el.id, el.type === 'radio' || el.type === 'checkbox' ? el.checked : el.value]);
  const folds = [...main.querySelectorAll('details')].map((el) => el.open);
  return () => {
    for (const [id, value] of inputs) {
      const el = document.getElementById(id);
      if (!el || !main.contains(el)) continue;
      const now = typeof value === 'boolean' ? el.checked : el.value;
      if (now === value) continue;
      if (typeof value === 'boolean') el.checked = value;
      else el.value = value;
      el.dispatchEvent(new Event(typeof value === 'boolean' ? 'change' : 'input', { bubbles: true }));
    }
    const now = main.querySelectorAll('details');
    if (now.length === folds.length) now.forEach((el, i) => (el.open = folds[i]));
  };
}

/**
 * Shows the page in another language and keeps the answers and the place: the other bundle goes
 * into a new engine, which takes this engine's state (the content version is the same in every
 * language), and the page on show is drawn again in the new words. `remember` keeps the choice on
 * this device (never in kiosk mode, where the next visitor starts in the device's language).
 * Resolves to whether the language changed.
 */
function switchLocale(next, { remember = true } = {}) {
  if (!Object.hasOwn(locales.LOCALES, next)) return Promise.resolve(false);
  switching ??= (async () => {
    switcher?.busy(true);
    try {
      await bootDone;
      if (next === locale) return false;
      const text = await locales.fetchBundle(next);
      const fresh = await createEngine(text);
      const restored = fresh.restore(engine.state());
      if (restored.error) {
        fresh.dispose();
        throw new Error(`${restored.error.id}: ${restored.error.message}`);
      }
      const old = engine;
      engine = fresh;
      old.dispose();
      useBundle(next, JSON.parse(text));
      brandHeader();
      if (remember && !workshop.isKiosk()) locales.remember(next);
      const restore = pageSnapshot();
      redrawing = true;
      try {
        await route(history.state, 'replace');
      } finally {
        redrawing = false;
      }
      restore();
      return true;
    } catch (problem) {
      console.warn('the language was not changed:', problem);
      noticeArea.replaceChildren(h('div', { class: 'notice notice--error', role: 'alert', 'data-notice': 'language.failed' }, h('p', { class: 'notice__title', text: locales.LOCALES[locale].failed })));
      return false;
    } finally {
      switcher?.busy(false);
      switching = null;
    }
  })();
  return switching;
}

/** The language a kiosk starts each visitor in: the browser's, else the clinic's, else English. */
function deviceLocale() {
  return locales.choose(clinic(), { useRemembered: false });
}

/** The switch goes in the header; in a clinic's frame (no header of ours), above the page. */
function placeSwitch() {
  switcher = languageSwitch(locale, (next) => switchLocale(next));
  const header = document.querySelector('.header__inner');
  if (window.parent === window && header) header.append(switcher.node);
  else noticeArea.before(switcher.node);
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
  /** meta.json as the bundle holds it (title, reviewed, disclaimer). */
  get meta() {
    return bundle.meta ?? {};
  },
  /** Every source of the content (the About page lists them). */
  get sources() {
    return Array.isArray(bundle.sources) ? bundle.sources : [];
  },
  get contentVersion() {
    return engine?.result?.()?.content?.version ?? null;
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
    // Carry on with the answers saved on this device (the newest, whichever tab saved them).
    const saved = store.load();
    if (!workshop.isKiosk() && store.hasAnswers(saved) && store.answersOf(saved) !== store.answersOf(engine.state())) {
      engine.restore(saved);
    }
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
    // Kiosk mode: the same full reset as Finish. Elsewhere: confirm first, saying what goes.
    if (workshop.isKiosk()) {
      if (hasAnswers() && !(await confirmClear())) return;
      await resetPerson('clear');
      notice('success', 'cleared.title', 'cleared.body');
      return;
    }
    if (hasAnswers() && !(await confirmClear())) return;
    store.clear();
    if (copiedLink) navigator.clipboard?.writeText('').catch(() => {});
    copiedLink = false;
    engine.start();
    await display('start', { hasSaved: false });
    notice('success', 'cleared.title', 'cleared.body');
  },
  workshop,
  /** After the educator's settings change: starts or stops kiosk mode on this device. */
  async refreshKiosk() {
    (await loadKiosk()).refreshKiosk();
  },
  /** The bundle's content files the workshop pages read (slides, quiz, causes, tips, care). */
  content(name) {
    return bundle[name];
  },
  quizScored(scored) {
    quizScored = scored ? { score: scored.score, total: scored.total } : null;
  },
  resetPerson,
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
    if (!scored.error) ctx.quizScored(scored);
    if (scored.error) display('quiz', { chosen: answers, error: scored.error }, 'replace');
    else display('quiz', { chosen: answers, scored }, 'replace');
  },

  shareUrl() {
    return store.shareUrl(engine.state());
  },
};

// "Clear my answers" says what will be removed and asks first (when there is anything to clear).
let copiedLink = false;
document.addEventListener('click', (event) => {
  if (event.target.closest?.('[data-copy]')) copiedLink = true;
});
function confirmClear() {
  const answered = Object.keys(JSON.parse(engine.state())?.answers ?? {}).length;
  const items = [t('clear.what.answers', { n: answered }), t('clear.what.place'), t('clear.what.result')];
  if (copiedLink) items.push(t('clear.what.clipboard'));
  return import('./components/confirm-dialog.js').then(({ confirmDialog }) => confirmDialog({
    name: 'clear',
    title: t('clear.title'),
    body: [t('clear.body'), h('ul', { class: 'list list--bullet' }, items.map((text) => h('li', { text }))), t('clear.keep')],
    confirm: t('clear.confirm'),
  }));
}

// ---- start-up ----------------------------------------------------------------------------------

function failed(problem) {
  console.error(problem);
  const box = document.querySelector('[data-load-error]');
  if (!box) return;
  box.hidden = false;
  main.replaceChildren(box);
}

function confirmReplace() {
  return import('./components/confirm-dialog.js').then(({ confirmDialog }) => confirmDialog({
    name: 'share',
    title: t('share.replaceTitle'),
    body: [t('share.replaceBody')],
    confirm: t('share.openLink'),
    cancel: t('share.keepMine'),
    danger: false,
  }));
}

/**
 * Another tab saved (or cleared) the answers: this one takes the newest answers, shows them on the
 * page it shows, and says so. It does not save in return, so two tabs never bounce a state.
 */
async function fromOtherTab(text) {
  if (workshop.isKiosk() || !engine) return;
  if (store.answersOf(text) === store.answersOf(engine.state())) return;
  const page = main.dataset.page;
  const pageId = history.state?.pageId;
  const answered = store.hasAnswers(text);
  if (!answered) engine.start();
  else if (engine.restore(text).error) return;
  if (page === 'question' || page === 'notice') {
    const current = pageId ? engine.goTo(pageId) : engine.current();
    await showCurrent(current.error ? engine.current() : current, 'replace');
  } else if (page === 'check' || page === 'result') {
    await route({ page }, 'replace');
  } else if (page === 'start') {
    await display('start', { hasSaved: answered }, 'replace');
  }
  notice('success', 'sync.title', answered ? 'sync.body' : 'sync.clearedBody');
}

/** Opens a share link, or the saved answers, and shows the page to carry on from. */
async function restoreSession() {
  if (workshop.isKiosk()) {
    // Kiosk mode opens no share link: the address is cleaned and the start page shown.
    history.replaceState(null, '', location.pathname);
    return resetPerson('link');
  }
  const shared = store.fromFragment();
  if (shared !== undefined) {
    history.replaceState(null, '', location.pathname);
    // The answers saved on this device, in the engine first: a link that cannot be opened leaves
    // them there (and in storage) untouched, so "Continue" carries on with them, never a blank check.
    const saved = store.load();
    const savedOk = store.hasAnswers(saved) && !engine.restore(saved).error;
    if (!savedOk) engine.start();
    const restored = shared === null ? { error: { id: 'state.link' } } : engine.restore(shared);
    if (restored.error) {
      await display('start', { hasSaved: savedOk }, 'replace');
      notice('error', 'share.badTitle', 'share.badBody');
      return;
    }
    // A check in progress with other answers than the link's: ask before replacing them.
    if (savedOk && store.answersOf(saved) !== store.answersOf(shared) && !(await confirmReplace())) {
      engine.restore(saved);
      await (finished() ? display('result', {}, 'replace') : showCurrent(engine.current(), 'replace'));
      notice('success', 'share.keptTitle', 'share.keptBody');
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

/**
 * The start page drawn before the engine is ready: a submit or a button press on it is held (with
 * the choices made), then replayed on the start page that boot() draws once the engine is loaded.
 */
async function drawStartEarly() {
  let held = null;
  const hold = (event) => {
    const target = event.type === 'submit' ? event.target : event.target.closest?.('button, a');
    if (!target || engine) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const checked = [...main.querySelectorAll('input')].map((input) => [input.id, input.checked]);
    const data = Object.keys(target.dataset ?? {}).map((key) => `[data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`);
    held = { submit: event.type === 'submit', selector: data[0], checked };
  };
  main.addEventListener('submit', hold, true);
  main.addEventListener('click', hold, true);
  const shown = display('start', { hasSaved: store.hasAnswers(store.load()) }, 'replace').then(() => {
    firstRender = true; // the page drawn once the engine is ready is still the first one
  });
  return {
    shown,
    async replay() {
      await shown;
      main.removeEventListener('submit', hold, true);
      main.removeEventListener('click', hold, true);
      if (!held || main.dataset.page !== 'start') return;
      for (const [id, checked] of held.checked) {
        const input = id && document.getElementById(id);
        if (input) input.checked = checked;
      }
      const form = main.querySelector('[data-start-form]');
      if (held.submit) form?.requestSubmit();
      else if (held.selector) main.querySelector(held.selector)?.click();
    },
  };
}

/** Runs `work` once the page has nothing else to do (or after two seconds at most). */
function whenIdle(work) {
  if ('requestIdleCallback' in window) requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 500);
}

async function boot() {
  // Inside a clinic's frame: no header or footer of our own, and the host hears from us early.
  if (window.parent !== window) import('./embed-child.js').then((m) => m.startEmbedChild());
  const clinicLoaded = loadClinic();
  // Only the chosen language's bundle is fetched (locale.js started it when it could). A missing
  // bundle falls back to English rather than leaving the page blank.
  const first = await locales.firstBundle(clinicLoaded);
  let firstLocale = first.locale;
  const bundleText = first.text.catch((problem) => {
    if (first.locale === locales.DEFAULT) throw problem;
    console.warn(`content ${first.locale} not loaded, English instead:`, problem);
    firstLocale = locales.DEFAULT;
    return locales.fetchBundle(locales.DEFAULT);
  });
  // The content is loaded (one long task) only once the start page is drawn, so that task never
  // delays the first page: the module compiles meanwhile.
  let startDrawn;
  const enginePromise = createEngine(bundleText, { drawn: new Promise((resolve) => (startDrawn = resolve)) });
  enginePromise.catch(() => {}); // reported below, once the strings are in
  useBundle(firstLocale, JSON.parse(await bundleText));
  placeSwitch();
  // Draw first (issue 11): the start page from the bundle's strings while the engine compiles and
  // loads. What is pressed meanwhile waits for the engine, then happens on the page drawn for real.
  await clinicLoaded;
  const drawEarly = !workshop.isKiosk() && !WORKSHOP_HASHES[location.hash] && store.fromFragment() === undefined && (history.state?.page ?? 'start') === 'start';
  const early = drawEarly ? drawStartEarly() : null;
  startDrawn(early?.shown);
  engine = await enginePromise;
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
  store.onOtherTab(fromOtherTab);

  const workshopPage = WORKSHOP_HASHES[location.hash];
  if (workshop.isKiosk()) {
    // A kiosk never resumes (nor opens a share link with) someone else's answers, nor keeps a
    // language chosen on this device before it became a kiosk.
    await loadKiosk();
    store.clear();
    locales.forget();
    if (workshopPage || store.fromFragment() !== undefined) history.replaceState(null, '', location.pathname);
    engine.start();
    await display(workshopPage ?? 'start', { hasSaved: false }, 'replace');
  } else if (workshopPage) {
    history.replaceState(null, '', location.pathname);
    const saved = store.load();
    if (!saved || engine.restore(saved).error) engine.start();
    await display(workshopPage, {}, 'replace');
  } else {
    await restoreSession();
  }
  await (await early)?.replay();
  if (workshop.isKiosk()) await loadKiosk();
  window.addEventListener('hashchange', () => {
    // Typed into the address bar of an open page: popstate may come before or after this.
    const next = WORKSHOP_HASHES[location.hash];
    if (next) {
      history.replaceState({ page: next, depth: 0 }, '', location.pathname);
      ctx.open(next, {}, 'replace');
    }
  });
  booted();
  if (workshop.isKiosk() && locale !== deviceLocale()) await switchLocale(deviceLocale(), { remember: false });
  document.documentElement.classList.add('is-ready');
  // The question page writes its progress with Intl, whose first formatter for a language is slow
  // to make: it is made now, while the start page is read, not after Start is pressed.
  setTimeout(() => formatNumber(1));
  // Offline support waits until the page is idle: the first question needs none of it, and the
  // service worker's install downloads the whole site. Once this version is cached: a quiet "works
  // offline — install" offer (not in a frame).
  whenIdle(() =>
    import('./pwa.js')
      .then((pwa) => pwa.registerServiceWorker())
      .then((registration) => (registration && window.parent === window ? import('./install.js').then((m) => m.offerInstall(registration)) : null))
      .catch(() => {}),
  );
  performance.mark('hipcheck:ready');
}

boot().catch(failed);
