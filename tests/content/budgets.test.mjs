// Issue 8's budgets, measured over the scenario files with `hipcheck walk` (the native CLI replays a
// scenario page by page, as the web page does, and counts what the runner sees):
//   - a runner with pain and no urgent or emergency flag, in full mode: at most 18 pages and 40
//     answers from the first question to check-your-answers (lessons and notices count as pages);
//   - quick mode: at most 12 pages;
//   - an emergency answer: the next thing shown is the stop (the check ends on that page);
//   - an urgent answer: the next page is the urgent notice;
// and each scenario's own expect.maxPages / maxAnswers, stop, noPlan and planStartAtMost (the last
// three through `hipcheck assess`). Prints a table of pages and answers per scenario.
// Also: every question is read by some rule, calculation, factor, flag, tip, plan field or stop,
// and the words shown with each care level read at grade 6 or lower.
// Run: node --test tests/content/   (needs build/native/hipcheck: scripts/build)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { clean, grade } from './prose.mjs';
import { readLocale } from '../../scripts/content/words.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const hipcheck = path.join(root, 'build', 'native', 'hipcheck');
const contentDir = path.join(root, 'content', 'en');
const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const content = (name) => readLocale('en')[name];
const scenarioDir = path.join(root, 'tests', 'scenarios');
const files = fs.readdirSync(scenarioDir).filter((f) => f.endsWith('.json')).sort();

const PAIN_PAGES = 18;
const PAIN_ANSWERS = 40;
const QUICK_PAGES = 12;
const ACTION_GRADE = 6;

const questionnaire = content('questionnaire');
const pages = questionnaire.sections.flatMap((s) => s.pages);
const pageOf = new Map(pages.flatMap((p) => p.items.map((it) => [it.id, p.id])));
const itemsOfPage = new Map(pages.map((p) => [p.id, p.items]));
const calculations = new Map(content('calculations').map((c) => [c.id, c.rule]));

// The names a rule reads ({"var": "a.b"} reads "a"), wherever in a JSON value rules sit.
function varsIn(value, out = new Set()) {
  if (Array.isArray(value)) for (const v of value) varsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'var') {
        const name = Array.isArray(v) ? v[0] : v;
        if (typeof name === 'string' && name) out.add(name.split('.')[0]);
        else varsIn(v, out);
      } else varsIn(v, out);
    }
  }
  return out;
}
// Items (and calculations) a set of names reads, following calculations to what they read.
function closure(names) {
  const seen = new Set();
  const todo = [...names];
  while (todo.length) {
    const n = todo.pop();
    if (seen.has(n)) continue;
    seen.add(n);
    if (calculations.has(n)) todo.push(...varsIn(calculations.get(n)));
  }
  return seen;
}
const stopReads = new Map((questionnaire.stops ?? []).map((s) => [s.id, closure(varsIn(s.when))]));

const walks = new Map();
function walk(file) {
  if (!walks.has(file)) {
    const out = execFileSync(hipcheck, ['walk', '--content', contentDir, '--answers', path.join(scenarioDir, file)], { encoding: 'utf8' });
    walks.set(file, JSON.parse(out));
  }
  return walks.get(file);
}
const scenario = (file) => readJson(path.join(scenarioDir, file));
const modeOf = (sc) => sc.settings?.mode ?? 'full';

test('hipcheck is built (scripts/build)', () => assert.ok(fs.existsSync(hipcheck), `${hipcheck} is missing: run scripts/build`));

test('pages and answers per scenario (hipcheck walk)', () => {
  const rows = files.map((f) => {
    const sc = scenario(f);
    const w = walk(f);
    return { name: sc.name, mode: modeOf(sc), pages: w.pages, answers: w.answers, lessons: w.lessons, status: w.status, stop: w.stop ?? (w.path.find((p) => p.startsWith('notice:')) ?? '') };
  });
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'scenario'.padEnd(width)}  mode   pages  answers  lessons  status     stop`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(width)}  ${r.mode.padEnd(5)}  ${String(r.pages).padStart(5)}  ${String(r.answers).padStart(7)}  ${String(r.lessons).padStart(7)}  ${r.status.padEnd(9)}  ${r.stop}`);
  }
  for (const r of rows) {
    assert.ok(Number.isInteger(r.pages) && Number.isInteger(r.answers) && Number.isInteger(r.lessons), `${r.name}: counts`);
  }
});

test(`a runner with pain and no urgent or emergency flag, in full mode: at most ${PAIN_PAGES} pages and ${PAIN_ANSWERS} answers`, () => {
  const runners = files.filter((f) => {
    const sc = scenario(f);
    return sc.answers.has_pain === true && modeOf(sc) === 'full' && ['selfcare', 'soon'].includes(sc.expect.care);
  });
  assert.ok(runners.length >= 5, `only ${runners.length} such scenarios`);
  for (const f of runners) {
    const w = walk(f);
    assert.equal(w.status, 'complete', `${f}: the check did not reach check-your-answers`);
    assert.ok(!w.path.some((p) => p.startsWith('notice:')), `${f}: a notice was shown`);
    assert.ok(w.pages <= PAIN_PAGES, `${f}: ${w.pages} pages`);
    assert.ok(w.answers <= PAIN_ANSWERS, `${f}: ${w.answers} answers`);
  }
});

test(`quick mode: at most ${QUICK_PAGES} pages`, () => {
  const quick = files.filter((f) => modeOf(scenario(f)) === 'quick');
  assert.ok(quick.length > 0, 'no quick-mode scenario');
  for (const f of quick) {
    const w = walk(f);
    assert.ok(w.pages <= QUICK_PAGES, `${f}: ${w.pages} pages`);
    // quick mode asks no footwear, form or imbalance page
    const sections = new Map(questionnaire.sections.flatMap((s) => s.pages.map((p) => [p.id, s.id])));
    const asked = w.path.filter((p) => !p.startsWith('notice:')).map((p) => sections.get(p));
    for (const s of ['footwear', 'form', 'imbalance']) assert.ok(!asked.includes(s), `${f}: quick mode showed the ${s} section`);
  }
});

test('each scenario keeps within its own page and answer budget', () => {
  for (const f of files) {
    const { expect } = scenario(f);
    const w = walk(f);
    if (expect.maxPages !== undefined) assert.ok(w.pages <= expect.maxPages, `${f}: ${w.pages} pages > ${expect.maxPages}`);
    if (expect.maxAnswers !== undefined) assert.ok(w.answers <= expect.maxAnswers, `${f}: ${w.answers} answers > ${expect.maxAnswers}`);
  }
});

// The page on which a scenario first answers yes (or any value) to an item a stop reads.
function pagesReadByStop(stopId) {
  const reads = stopReads.get(stopId);
  return new Set(pages.filter((p) => p.items.some((it) => reads.has(it.id))).map((p) => p.id));
}

test('an emergency answer: the check ends on that page, and the next thing shown is the emergency stop', () => {
  const emergencies = files.filter((f) => scenario(f).expect.stop === 'emergency');
  assert.ok(emergencies.length >= 4, `only ${emergencies.length} emergency scenarios`);
  const stopPages = pagesReadByStop('emergency');
  for (const f of emergencies) {
    const sc = scenario(f);
    const w = walk(f);
    assert.equal(w.status, 'stopped', `${f}: status ${w.status}`);
    assert.equal(w.stop, 'emergency', `${f}: stop ${w.stop}`);
    const last = w.path[w.path.length - 1];
    assert.ok(stopPages.has(last), `${f}: the check ended on ${last}, not on a page the emergency stop reads`);
    const yes = itemsOfPage.get(last).filter((it) => stopReads.get('emergency').has(it.id) && sc.answers[it.id] === true);
    assert.ok(yes.length > 0, `${f}: the last page ${last} holds no emergency answer`);
    assert.ok(!w.path.some((p) => p.startsWith('notice:')), `${f}: a notice came before the emergency stop`);
  }
});

test('an urgent answer: the next page is the urgent notice, shown once', () => {
  const urgent = files.filter((f) => scenario(f).expect.stop === 'urgent');
  assert.ok(urgent.length >= 9, `only ${urgent.length} urgent scenarios`);
  const stopPages = pagesReadByStop('urgent');
  for (const f of urgent) {
    const sc = scenario(f);
    const w = walk(f);
    const at = w.path.indexOf('notice:urgent');
    assert.ok(at > 0, `${f}: no urgent notice in ${w.path.join(' → ')}`);
    assert.equal(w.path.filter((p) => p === 'notice:urgent').length, 1, `${f}: the notice is shown more than once`);
    const before = w.path[at - 1];
    assert.ok(stopPages.has(before), `${f}: the notice came after ${before}, a page the urgent stop does not read`);
    // No red-flag row (rf_…) the urgent stop reads was answered "yes" on an earlier page: the
    // notice is not late.
    const yesPages = w.path.slice(0, at - 1).filter((p) => itemsOfPage.get(p)?.some((it) => it.id.startsWith('rf_') && stopReads.get('urgent').has(it.id) && sc.answers[it.id] === true));
    assert.deepEqual(yesPages, [], `${f}: an urgent "yes" on ${yesPages.join(', ')} was not followed by the notice`);
    if (sc.stopChoice === 'finish') {
      assert.equal(w.status, 'stopped', `${f}: finishing at the notice ends the check`);
      assert.equal(w.path[w.path.length - 1], 'notice:urgent', `${f}: nothing follows the notice after "finish"`);
    } else {
      assert.equal(w.status, 'complete', `${f}: after "continue" the check goes on to the end`);
    }
  }
});

test('stops, plans and care levels as each scenario expects (hipcheck assess)', () => {
  for (const f of files) {
    const { expect } = scenario(f);
    const result = JSON.parse(execFileSync(hipcheck, ['assess', '--content', contentDir, '--answers', path.join(scenarioDir, f)], { encoding: 'utf8' }));
    assert.equal(result.care.level, expect.care, `${f}: care`);
    if (expect.noPlan) assert.equal(result.plan ?? null, null, `${f}: a plan was made`);
    if (expect.planStartAtMost !== undefined) {
      assert.ok(result.plan, `${f}: no plan`);
      const first = result.plan.weeks[0].distance;
      assert.ok(first <= expect.planStartAtMost, `${f}: the plan starts at ${first}, above ${expect.planStartAtMost}`);
      if (typeof result.plan.start === 'number') assert.ok(result.plan.start <= expect.planStartAtMost, `${f}: plan.start ${result.plan.start}`);
    }
    if (expect.care === 'emergency') {
      assert.deepEqual(result.causes, [], `${f}: an emergency result shows no causes`);
      assert.deepEqual(result.tips, [], `${f}: an emergency result shows no tips`);
      assert.equal(result.stop?.id, 'emergency', `${f}: result.stop`);
    }
  }
});

test('every question is read by a rule, calculation, factor, flag, tip, plan field or stop', () => {
  const reads = new Set();
  for (const [file, json] of Object.entries(readLocale('en')).filter(([f]) => f !== 'calculations')) {
    for (const n of varsIn(json)) reads.add(n);
    // {{id}} placeholders in texts read an answer too
    for (const m of JSON.stringify(json).matchAll(/\{\{([a-z][a-z0-9_]*)\}\}/g)) reads.add(m[1]);
  }
  const plan = content('plan');
  for (const k of ['weeklyDistance', 'longestRun']) if (typeof plan[k] === 'string') reads.add(plan[k]);
  const meta = content('meta');
  if (meta.distanceUnit) reads.add(meta.distanceUnit);
  for (const v of Object.values(meta.severity ?? {})) reads.add(v);
  const read = closure(reads);
  const questions = pages.flatMap((p) => p.items).filter((it) => it.type !== 'lesson');
  const unread = questions.filter((it) => !read.has(it.id)).map((it) => `${it.id} (page ${pageOf.get(it.id)})`);
  assert.deepEqual(unread, [], `questions nothing reads: ${unread.join(', ')}`);
});

test(`the words shown with each care level (what to do now, and each flag's reason) read at grade ${ACTION_GRADE} or lower`, () => {
  const care = content('care');
  for (const level of care.levels) {
    const text = [level.title, level.action, level.where].map(clean).join(' ');
    const g = grade(text);
    console.log(`  ${level.id.padEnd(20)} grade ${g.toFixed(1)}`);
    assert.ok(g <= ACTION_GRADE, `${level.id}: grade ${g.toFixed(1)}: ${text}`);
  }
  for (const flag of care.flags) {
    const g = grade(clean(flag.reason));
    assert.ok(g <= ACTION_GRADE, `flag ${flag.id}: grade ${g.toFixed(1)}: ${flag.reason}`);
  }
});

test('care texts are country-neutral: no phone numbers, no NHS 111', () => {
  for (const file of ['care', 'questionnaire', 'meta']) {
    const text = JSON.stringify(content(file));
    assert.doesNotMatch(text, /\b(999|911|112|111)\b/, `${file}.json names an emergency or helpline number`);
    assert.doesNotMatch(text, /NHS 111|A&E/, `${file}.json names a country's service`);
  }
});
