// Workshop mode (issue 10): kiosk resets (after a time without use, and after Finish) that leave
// no trace of the person; no share link in kiosk mode; "Clear my answers" asks first; presenter
// navigation and notes; the group quiz; the anonymous tally; printed handouts; axe on every new
// page at projector and tablet sizes. The idle time is shortened by the test (the device setting),
// never measured: the test only waits for the warning and the reset to happen.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readLocale } from '../../scripts/content/words.mjs';
import { answerAll, axe, closeSite, fillPage, gotoApp, openPage, openSite, runners, shareFragment, startCheck, stateFor } from './helpers.mjs';

let srv;
let browser;
before(async () => ({ srv, browser } = await openSite()));
after(() => closeSite({ srv, browser }));

const content = (name) => readLocale('en')[name];  // content/rules merged with the English words
const SETTINGS = 'hipcheck.workshop.v1';
const TALLY = 'hipcheck.tally.v1';

/** A page on a device the educator set up ({kiosk, idleSeconds, tally}), opened at the start page. */
async function device(settings, { viewport, path = '/' } = {}) {
  const opened = await openPage(browser, srv.origin, { viewport });
  await gotoApp(opened.page, srv.origin);
  await opened.page.evaluate(([key, value]) => localStorage.setItem(key, JSON.stringify(value)), [SETTINGS, settings]);
  await gotoApp(opened.page, srv.origin, path);
  if (path !== '/') await opened.page.waitForFunction(() => !location.hash);
  opened.historyLength = await opened.page.evaluate(() => history.length);
  return opened;
}

/** Nothing of a person is left: storage, IndexedDB, caches, history, URL and the page. */
async function assertNoTrace(page, origin, historyLength) {
  const trace = await page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: sessionStorage.length,
    idb: indexedDB.databases ? (await indexedDB.databases()).map((db) => db.name) : [],
    caches: await caches.keys(),
    history: history.length,
    state: history.state,
    url: location.href,
    page: document.querySelector('[data-main]').dataset.page,
    resume: !!document.querySelector('[data-continue-check]'),
    dialogs: document.querySelectorAll('dialog, [data-kiosk-warning]').length,
  }));
  // Only the device's own settings (and the tally's counts, when on) may stay.
  assert.deepEqual(trace.local.filter((key) => key !== 'hipcheck.workshop.v1' && key !== 'hipcheck.tally.v1'), []);
  assert.equal(trace.session, 0);
  assert.deepEqual(trace.idb, []);
  assert.ok(trace.caches.every((name) => name.startsWith('hipcheck-')), `caches: ${trace.caches}`);
  assert.equal(trace.history, historyLength, 'the history grew: Back could lead to the last person');
  assert.equal(trace.state?.page, 'start');
  assert.equal(trace.url, `${origin}/`);
  assert.equal(trace.page, 'start');
  assert.equal(trace.resume, false);
  assert.equal(trace.dialogs, 0);
}

async function seeResult(page) {
  if ((await page.getAttribute('[data-main]', 'data-page')) === 'check') await page.click('[data-see-result]');
  await page.waitForSelector('[data-care]');
}

describe('kiosk mode', () => {
  test('after a time without use: a countdown, then everything is cleared', async () => {
    const { page, problems, context, historyLength } = await device({ kiosk: true, idleSeconds: 4 });
    await startCheck(page);
    await fillPage(page, { age_band: 'adult', has_pain: true });
    await page.waitForSelector('form[data-page-id]:not([data-page-id="about_you"])');
    assert.equal(await page.evaluate(() => localStorage.getItem('hipcheck.state.v1')), null, 'kiosk answers are kept in memory only');
    // The warning shows a countdown and can be dismissed; left alone, the reset follows.
    await page.waitForSelector('[data-kiosk-warning] [data-kiosk-countdown]', { timeout: 10000 });
    assert.match(await page.textContent('[data-kiosk-countdown]'), /\d/);
    await page.waitForSelector('[data-notice="kiosk.reset.idle"]', { timeout: 10000 });
    await assertNoTrace(page, srv.origin, historyLength);
    // Back leads nowhere of the last person's; a reload does not offer to continue.
    await page.reload();
    await page.waitForSelector('html.is-ready');
    assert.equal(await page.locator('[data-continue-check]').count(), 0);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('Finish clears for the next person; no share link, and a share link opens nothing', async () => {
    const { page, problems, context, historyLength } = await device({ kiosk: true, idleSeconds: 600 });
    await startCheck(page);
    await answerAll(page, runners.selfcare);
    await seeResult(page);
    for (const selector of ['[data-share]', '[data-share-link]', '[data-copy]', '[data-share-panel]']) assert.equal(await page.locator(selector).count(), 0, selector);
    assert.equal(await page.evaluate(() => history.length), historyLength);
    await page.click('[data-kiosk-finish]');
    await page.waitForSelector('[data-notice="kiosk.reset.finish"]');
    await assertNoTrace(page, srv.origin, historyLength);
    // Someone's share link opened on the kiosk shows the start page, not their answers.
    const state = await stateFor(page, runners.selfcare);
    await page.goto(`${srv.origin}/${shareFragment(state)}`);
    await page.waitForSelector('html.is-ready');
    await page.waitForSelector('[data-main][data-page="start"]');
    assert.equal(page.url(), `${srv.origin}/`);
    assert.equal(await page.locator('[data-continue-check]').count(), 0);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('the tally counts three people, exports CSV and clears', async () => {
    const { page, problems, context } = await device({ kiosk: true, idleSeconds: 600, tally: true });
    const quiz = content('quiz');
    const expected = { people: 3, care: { emergency: 1, urgent: 1, soon: 0, selfcare: 1 }, causes: { overuse: 0, footwear: 0, form: 0, imbalance: 0 }, quiz: {} };
    const topCauses = async () => {
      const scores = await page.$$eval('[data-cause-detail]', (els) => els.map((el) => [el.dataset.causeDetail, Number(el.querySelector('.cause__score').textContent.match(/\d+/)[0])]));
      const top = Math.max(...scores.map((x) => x[1]));
      if (top > 0) for (const [id, score] of scores) if (score === top) expected.causes[id] += 1;
    };
    // Person 1: the quiz (every first option), then a self-care check.
    await page.click('[data-nav="quiz"]');
    await page.waitForSelector('[data-quiz]');
    for (let i = 0; i < quiz.questions.length; i += 1) await page.check(`[data-quiz-question] >> nth=${i} >> input >> nth=0`);
    await page.click('[data-quiz-submit]');
    await page.waitForSelector('[data-quiz-score]');
    const right = quiz.questions.filter((q) => q.options[0].correct).length;
    expected.quiz[`${right}/${quiz.questions.length}`] = 1;
    await page.click('[data-home]');
    await startCheck(page);
    await answerAll(page, runners.selfcare);
    await seeResult(page);
    await topCauses();
    await page.click('[data-kiosk-finish]');
    await page.waitForSelector('[data-notice="kiosk.reset.finish"]');
    // Person 2: urgent; person 3: the emergency stop.
    await startCheck(page);
    await answerAll(page, runners.urgent);
    await seeResult(page);
    await topCauses();
    await page.click('[data-kiosk-finish]');
    await page.waitForSelector('[data-notice="kiosk.reset.finish"]');
    await startCheck(page);
    await answerAll(page, runners.emergency);
    await seeResult(page);
    await page.click('[data-kiosk-finish]');
    await page.waitForSelector('[data-notice="kiosk.reset.finish"]');

    // Only counts are stored: no answers, no times.
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), TALLY);
    assert.deepEqual(stored, expected);
    assert.doesNotMatch(JSON.stringify(stored), /adult|side|km|T\d\d:|20\d\d-/);

    // The educator's page: the gate, then the tally's table and CSV.
    await page.goto(`${srv.origin}/#educator`);
    await page.waitForSelector('[data-educator-gate]');
    await page.fill('[data-educator-code]', 'nope');
    await page.click('[data-educator-unlock]');
    await page.waitForSelector('[data-error-summary]');
    await page.fill('[data-educator-code]', 'workshop');
    await page.click('[data-educator-unlock]');
    await page.waitForSelector('[data-educator-settings]');
    await page.click('[data-open-tally]');
    await page.waitForSelector('[data-tally]');
    assert.equal(await page.getAttribute('[data-tally-people]', 'data-tally-people'), '3');
    for (const [level, n] of Object.entries(expected.care)) assert.equal((await page.textContent(`[data-tally-row="care:${level}"] td`)).trim(), String(n), level);
    for (const [cause, n] of Object.entries(expected.causes)) assert.equal((await page.textContent(`[data-tally-row="causes:${cause}"] td`)).trim(), String(n), cause);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-tally-csv]')]);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r\n/);
    assert.equal(lines[0], 'measure,value,count');
    assert.ok(lines.includes('People counted,,3'), csv);
    assert.ok(lines.some((line) => line.endsWith(`,${right}/${quiz.questions.length},1`)), csv);
    assert.equal(lines.filter((line) => line.startsWith('Care level,')).map((line) => Number(line.split(',').at(-1))).reduce((a, b) => a + b), 3);
    // Clearing asks first; Cancel keeps the counts.
    await page.click('[data-tally-clear]');
    await page.click('[data-cancel="tally-clear"]');
    assert.notEqual(await page.evaluate((key) => localStorage.getItem(key), TALLY), null);
    await page.click('[data-tally-clear]');
    await page.click('[data-confirm="tally-clear"]');
    await page.waitForSelector('[data-tally-people="0"]');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), TALLY), null);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('the educator switches kiosk mode on and off from the settings page', async () => {
    const { page, problems, context } = await device({}, { path: '/#educator' });
    await page.fill('[data-educator-code]', 'WORKSHOP');
    await page.click('[data-educator-unlock]');
    await page.check('[data-setting-kiosk]');
    await page.fill('[data-setting-idle]', '5');
    await page.click('[data-educator-save]');
    await page.waitForSelector('[data-error-summary]');
    await page.fill('[data-setting-idle]', '90');
    await page.click('[data-educator-save]');
    await page.waitForSelector('[data-educator-saved]');
    assert.deepEqual(await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), SETTINGS), { kiosk: true, tally: false, idleSeconds: 90 });
    await page.click('[data-educator-lock]');
    await page.waitForSelector('[data-main][data-page="start"]');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('is-kiosk')), true);
    assert.deepEqual(problems(), []);
    await context.close();
  });
});

describe('clear with care and the solo quiz', () => {
  test('"Clear my answers" says what goes and asks first; the quiz asks before scoring a blank sheet', async () => {
    const { page, problems, context } = await openPage(browser, srv.origin);
    await gotoApp(page, srv.origin);
    // Nothing to clear: no question asked.
    await page.click('[data-clear]');
    await page.waitForSelector('[data-notice="cleared.title"]');
    await startCheck(page);
    await fillPage(page, { age_band: 'adult', has_pain: true });
    await page.waitForSelector('form[data-page-id]:not([data-page-id="about_you"])');
    await page.click('[data-clear]');
    await page.waitForSelector('dialog[data-dialog="clear"]');
    const text = await page.textContent('dialog[data-dialog="clear"]');
    assert.match(text, /answers to the check \(2 so far\)/);
    await axe(page, 'clear dialog');
    await page.click('[data-cancel="clear"]');
    assert.notEqual(await page.evaluate(() => localStorage.getItem('hipcheck.state.v1')), null);
    await page.click('[data-clear]');
    await page.click('[data-confirm="clear"]');
    await page.waitForSelector('[data-notice="cleared.title"]');
    assert.equal(await page.evaluate(() => localStorage.getItem('hipcheck.state.v1')), null);

    await page.click('[data-nav="quiz"]');
    await page.waitForSelector('[data-quiz]');
    await page.click('[data-quiz-submit]');
    await page.waitForSelector('dialog[data-dialog="quiz-unanswered"]');
    await axe(page, 'quiz unanswered dialog');
    await page.click('[data-cancel="quiz-unanswered"]');
    assert.equal(await page.locator('[data-quiz-score]').count(), 0);
    await page.click('[data-quiz-submit]');
    await page.click('[data-confirm="quiz-unanswered"]');
    await page.waitForSelector('[data-quiz-score]');
    assert.deepEqual(problems(), []);
    await context.close();
  });
});

describe('presenter and group quiz', () => {
  const slides = content('slides');
  const ids = ['cover', ...slides.decks.flatMap((deck) => deck.slides.map((slide) => slide.id))];
  const shown = (page) => page.getAttribute('[data-slide]', 'data-slide');

  test('keys move between slides; N toggles the notes; a notes window follows', async () => {
    const { page, problems, context } = await openPage(browser, srv.origin, { viewport: { width: 1920, height: 1080 } });
    await gotoApp(page, srv.origin, '/#present');
    await page.waitForSelector('[data-presenter]');
    assert.equal(await shown(page), 'cover');
    const steps = [['ArrowRight', 1], ['Space', 2], ['PageDown', 3], ['ArrowDown', 4], ['PageUp', 3], ['ArrowLeft', 2], ['ArrowUp', 1], ['End', ids.length - 1], ['Home', 0]];
    for (const [key, at] of steps) {
      await page.keyboard.press(key);
      assert.equal(await shown(page), ids[at], `after ${key}`);
    }
    await page.keyboard.press('PageDown');
    assert.equal(await page.isVisible('[data-speaker-notes]'), false);
    await page.keyboard.press('n');
    assert.equal(await page.isVisible('[data-speaker-notes]'), true);
    assert.ok((await page.textContent('[data-speaker-notes]')).includes(slides.decks[0].slides[0].notes[0]));
    await page.keyboard.press('n');
    assert.equal(await page.isVisible('[data-speaker-notes]'), false);
    // A slide's structures are highlighted on the drawing.
    const marked = await page.$$eval('[data-slide] .hip__part.is-active', (els) => [...new Set(els.map((el) => el.dataset.structure))].sort());
    assert.deepEqual(marked, [...slides.decks[0].slides[0].structures].sort());

    // The notes in a second window follow the slide on show, and can move it.
    const notes = await context.newPage();
    await gotoApp(notes, srv.origin, '/#notes');
    await notes.waitForSelector('[data-notes-body] h2');
    assert.equal((await notes.textContent('[data-notes-body] h2')).trim(), slides.decks[0].slides[0].title);
    await page.keyboard.press('ArrowRight');
    await notes.waitForFunction((title) => document.querySelector('[data-notes-body] h2')?.textContent === title, slides.decks[0].slides[1].title);
    await notes.click('[data-notes-next]');
    await page.waitForFunction((id) => document.querySelector('[data-slide]')?.dataset.slide === id, ids[3]);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-main][data-page="start"]');
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test('the group quiz shows one question and reveals its answer', async () => {
    const quiz = content('quiz');
    const { page, problems, context } = await openPage(browser, srv.origin, { viewport: { width: 1920, height: 1080 } });
    await gotoApp(page, srv.origin, '/#group-quiz');
    await page.waitForSelector('[data-group-question]');
    assert.equal(await page.locator('[data-group-question]').count(), 1);
    assert.equal(await page.getAttribute('[data-group-question]', 'data-group-question'), quiz.questions[0].id);
    assert.equal(await page.locator('[data-group-answer], [data-correct]').count(), 0);
    await page.click('[data-group-reveal]');
    const correct = quiz.questions[0].options.find((o) => o.correct);
    assert.equal(await page.getAttribute('[data-correct="true"]', 'data-group-option'), correct.value);
    assert.ok((await page.textContent('[data-group-answer]')).includes(correct.feedback));
    await page.click('[data-group-next]');
    assert.equal(await page.getAttribute('[data-group-question]', 'data-group-question'), quiz.questions[1].id);
    assert.equal(await page.locator('[data-group-answer]').count(), 0);
    assert.deepEqual(problems(), []);
    await context.close();
  });
});

for (const locale of ['en-GB', 'es-ES']) test(`the handouts fit their pages on A4 and Letter (${locale})`, async () => {
  const { page, problems, context } = await openPage(browser, srv.origin, { locale });
  await gotoApp(page, srv.origin, '/#handout');
  await page.waitForSelector('[data-handout="causes"]');
  const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  const counts = [];
  for (const [which, pages] of [['causes', 1], ['quiz', 2]]) {
    await page.evaluate((name) => {
      for (const el of document.querySelectorAll('[data-handout]')) el.classList.toggle('is-printing', el.dataset.handout === name);
    }, which);
    for (const [format, paper] of [['A4', 'a4'], ['Letter', 'letter']]) {
      await page.emulateMedia({ media: 'screen' });
      await page.check(`#paper-${paper}`);
      await page.emulateMedia({ media: 'print' });
      const n = pageCount(await page.pdf({ format, preferCSSPageSize: true, printBackground: true }));
      counts.push(`${which} ${format}: ${n}`);
      assert.equal(n, pages, `${which} on ${format} prints on ${n} pages`);
    }
  }
  console.log(counts.join('\n'));
  // Every cause and every quiz question are on the printouts.
  assert.equal(await page.locator('[data-handout-cause]').count(), 4);
  assert.equal(await page.locator('.handout__question').count(), content('quiz').questions.length);
  assert.deepEqual(problems(), []);
  await context.close();
});

describe('axe on every new page', () => {
  for (const viewport of [{ width: 1920, height: 1080 }, { width: 768, height: 1024 }]) {
    test(`at ${viewport.width}×${viewport.height}`, async () => {
      const size = `${viewport.width}×${viewport.height}`;
      const { page, problems, context } = await device({ kiosk: true, idleSeconds: 600, tally: true }, { viewport });
      await page.goto(`${srv.origin}/#present`);
      await page.waitForSelector('[data-presenter]');
      await axe(page, `presenter cover ${size}`);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('n');
      await axe(page, `presenter slide with notes ${size}`);
      const notes = await context.newPage();
      await gotoApp(notes, srv.origin, '/#notes');
      await notes.waitForSelector('[data-notes-window-page]');
      await axe(notes, `notes window ${size}`);
      await notes.close();
      await page.goto(`${srv.origin}/#group-quiz`);
      await page.waitForSelector('[data-group-question]');
      await axe(page, `group quiz ${size}`);
      await page.click('[data-group-reveal]');
      await axe(page, `group quiz revealed ${size}`);
      await page.goto(`${srv.origin}/#handout`);
      await page.waitForSelector('[data-handout]');
      await axe(page, `handouts ${size}`);
      await page.goto(`${srv.origin}/#educator`);
      await page.waitForSelector('[data-educator-gate]');
      await axe(page, `educator gate ${size}`);
      await page.fill('[data-educator-code]', 'WORKSHOP');
      await page.click('[data-educator-unlock]');
      await page.waitForSelector('[data-educator-settings]');
      await axe(page, `educator settings ${size}`);
      await page.click('[data-open-tally]');
      await page.waitForSelector('[data-tally]');
      await axe(page, `tally ${size}`);
      await page.click('[data-nav="anatomy"]');
      await page.waitForSelector('[data-explorer]');
      await page.click('[data-structure-button="labrum"]');
      assert.match(await page.textContent('[data-structure-panel]'), /Front view and Side view|Front view|Side view/);
      await axe(page, `anatomy explorer ${size}`);
      // The kiosk's result with Finish, and its countdown warning.
      await page.click('[data-home]');
      await startCheck(page);
      await answerAll(page, runners.emergency);
      await seeResult(page);
      await axe(page, `kiosk result ${size}`);
      await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ kiosk: true, idleSeconds: 1200, tally: true })), SETTINGS);
      assert.deepEqual(problems(), []);
      await context.close();
    });
  }

  test('the kiosk countdown warning', async () => {
    const { page, problems, context } = await device({ kiosk: true, idleSeconds: 60 });
    await startCheck(page);
    // Shortened in the page: the device setting is read when the timer is armed. The warning shows
    // for the last 30 s, room enough for axe and the click on a busy machine (at 16 s it had 8 s,
    // and a slow axe run let the reset come first).
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ kiosk: true, idleSeconds: 60 })), SETTINGS);
    await page.click('[data-continue]');
    await page.waitForSelector('[data-kiosk-warning]', { timeout: 45000 });
    await axe(page, 'kiosk warning');
    await page.focus('[data-kiosk-stay]');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('[data-kiosk-warning]').count(), 0);
    assert.notEqual(await page.getAttribute('[data-main]', 'data-page'), 'start');
    assert.deepEqual(problems(), []);
    await context.close();
  });
});
