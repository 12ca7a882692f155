// The peer side of the bench (issue 11): the content bundle turned into the equivalent SurveyJS
// model, the same scenario answered page by page in both, and the check that both visit the same
// items and compute the same calculated values. Works off the bundle text and the engine's public
// API only (tests/wasm/module.mjs), so it keeps working whatever the engine does inside.
//
// The mapping: each content page is a SurveyJS page (visibleIf: its section's enableWhen, its own,
// and for a lesson page the lessons setting); single → radiogroup, multiple → checkbox (exclusive
// options isExclusive), yesno → boolean, number → text inputType number (its "not-sure" value kept
// as the same string), scale → rating, lesson → html; enableWhen → visibleIf; calculations →
// calculatedValues (JsonLogic operators as SurveyJS operators, and small functions for the few it
// lacks: strict equality, cat, substr); an "end" stop → a complete trigger, a "notice" stop → a
// complete trigger when the person chooses to finish there (the variable stopChoice). Settings are
// the variable "settings" ({settings.mode}, {settings.lessons}), as the engine's rules read them.
// Hidden questions lose their answers (clearInvisibleValues "onHidden"), as the engine prunes them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { drive } from '../../tests/wasm/module.mjs';

const require = createRequire(import.meta.url);
const { FunctionFactory, Model } = require('survey-core');

// JsonLogic operators SurveyJS has no operator for, as functions with JsonLogic's meaning (SurveyJS's
// "=" is loose and case-blind, so strict equality needs its own).
const functions = {
  jl_strict_equal: ([a, b]) => a === b,
  jl_strict_not_equal: ([a, b]) => a !== b,
  jl_cat: (args) => args.map((x) => (x === null || x === undefined ? '' : String(x))).join(''),
  jl_substr: ([text, start, length]) => {
    const s = String(text ?? '');
    const from = start < 0 ? Math.max(0, s.length + start) : start;
    if (length === undefined) return s.slice(from);
    return length < 0 ? s.slice(from, s.length + length) : s.slice(from, from + length);
  },
};
for (const [name, fn] of Object.entries(functions)) FunctionFactory.Instance.register(name, fn);

export class ConversionError extends Error {
  constructor(id, path, message) {
    super(`${id} at ${path}: ${message}`);
    this.id = id;
    this.path = path;
  }
}

const literal = (value, path) => {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (/['{}\\]/.test(value)) throw new ConversionError('surveyjs.string', path, `the text ${JSON.stringify(value)} cannot be quoted in an expression`);
    return `'${value}'`;
  }
  throw new ConversionError('surveyjs.literal', path, 'arrays and objects are only read through var');
};

// JsonLogic operator → SurveyJS binary operator, where SurveyJS has the same one, or function.
const binary = { '==': '=', '!=': '!=', '<': '<', '>': '>', '<=': '<=', '>=': '>=', '%': '%', '/': '/' };
const chained = { and: 'and', or: 'or', '+': '+', '*': '*' };
const called = { '===': 'jl_strict_equal', '!==': 'jl_strict_not_equal', cat: 'jl_cat', substr: 'jl_substr', min: 'min', max: 'max' };

/** One JsonLogic rule as a SurveyJS expression; path names the rule in errors (/calculations/0/rule). */
export function toExpression(rule, path = '') {
  if (rule === null || typeof rule !== 'object') return literal(rule, path);
  if (Array.isArray(rule)) throw new ConversionError('surveyjs.literal', path, 'an array is not a rule');
  const ops = Object.keys(rule);
  if (ops.length !== 1) throw new ConversionError('surveyjs.rule', path, 'a rule has exactly one operator');
  const op = ops[0];
  const at = `${path}/${op}`;
  const args = Array.isArray(rule[op]) ? rule[op] : [rule[op]];
  const sub = (i) => toExpression(args[i], `${at}/${i}`);
  const arity = (n) => {
    if (args.length !== n) throw new ConversionError('surveyjs.arity', at, `"${op}" takes ${n} arguments here`);
  };
  if (op === 'var') {
    if (args.length !== 1 || typeof args[0] !== 'string' || !/^[A-Za-z_][\w.]*$/.test(args[0]))
      throw new ConversionError('surveyjs.var', at, 'only a plain name without a default is converted');
    return `{${args[0]}}`;
  }
  if ((op === '<' || op === '<=') && args.length === 3) return `((${sub(0)} ${op} ${sub(1)}) and (${sub(1)} ${op} ${sub(2)}))`;
  if (op in binary) {
    arity(2);
    return `(${sub(0)} ${binary[op]} ${sub(1)})`;
  }
  if (op in chained) {
    if (args.length < 1) throw new ConversionError('surveyjs.arity', at, `"${op}" needs an argument`);
    return `(${args.map((_, i) => sub(i)).join(` ${chained[op]} `)})`;
  }
  if (op === '-') {
    if (args.length === 1) return `(0 - ${sub(0)})`;
    arity(2);
    return `(${sub(0)} - ${sub(1)})`;
  }
  if (op === '!') {
    arity(1);
    return `(!${sub(0)})`;
  }
  if (op === '!!') {
    arity(1);
    return `(!(!${sub(0)}))`;
  }
  if (op === 'in') {
    arity(2);
    return `(${sub(1)} contains ${sub(0)})`;
  }
  if (op in called) {
    // SurveyJS reads no null literal among a function's arguments.
    const at0 = args.findIndex((a) => a === null);
    if (at0 >= 0) throw new ConversionError('surveyjs.null-argument', `${at}/${at0}`, `SurveyJS takes no null argument to "${op}"`);
    return `${called[op]}(${args.map((_, i) => sub(i)).join(', ')})`;
  }
  if (op === 'if' || op === '?:') {
    // if(c1, a, c2, b, …, else): nested iif. SurveyJS takes no null literal among a function's
    // arguments, so a null branch is left out (iif without an else gives nothing): iif(c, a) for
    // if(c, a, null), iif(!c, b) for if(c, null, b).
    // build(i): the expression from argument i on, or null when it can only give null.
    const build = (i) => {
      if (i >= args.length) return null;
      if (i === args.length - 1) return args[i] === null ? null : sub(i);
      const then = args[i + 1] === null ? null : sub(i + 1);
      const rest = build(i + 2);
      if (then === null && rest === null) return null;
      if (then === null) return `iif((!${sub(i)}), ${rest})`;
      return rest === null ? `iif(${sub(i)}, ${then})` : `iif(${sub(i)}, ${then}, ${rest})`;
    };
    return build(0) ?? 'null';
  }
  throw new ConversionError('surveyjs.operator', at, `SurveyJS has no counterpart for "${op}" here`);
}

const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const both = (...parts) => {
  const present = parts.filter(Boolean);
  return present.length ? present.join(' and ') : undefined;
};

function toQuestion(item, path) {
  const base = { name: item.id, title: item.text, description: item.help };
  if (item.enableWhen) base.visibleIf = toExpression(item.enableWhen, `${path}/enableWhen`);
  const choices = () => item.options.map((o) => ({ value: o.value, text: o.label, ...(o.exclusive ? { isExclusive: true } : {}) }));
  switch (item.type) {
    case 'single':
      return { type: 'radiogroup', ...base, choices: choices() };
    case 'multiple':
      return { type: 'checkbox', ...base, choices: choices() };
    case 'yesno':
      return { type: 'boolean', ...base };
    case 'number':
      return { type: 'text', inputType: 'number', ...base, min: item.min, max: item.max, step: item.step };
    case 'scale':
      return { type: 'rating', ...base, rateMin: item.min, rateMax: item.max, minRateDescription: item.minLabel, maxRateDescription: item.maxLabel };
    case 'lesson':
      return { type: 'html', name: item.id, html: (item.body ?? []).map((p) => `<p>${escapeHtml(p)}</p>`).join(''), ...(base.visibleIf ? { visibleIf: base.visibleIf } : {}) };
    default:
      throw new ConversionError('surveyjs.item.type', `${path}/type`, `no SurveyJS question for the item type "${item.type}"`);
  }
}

/** The content bundle (parsed) as a SurveyJS model (plain JSON for `new Model`). */
export function toSurveyJs(bundle) {
  const { sections, stops = [] } = bundle.questionnaire;
  const pages = [];
  sections.forEach((section, s) => {
    const sectionPath = `/questionnaire/sections/${s}`;
    const sectionRule = section.enableWhen ? toExpression(section.enableWhen, `${sectionPath}/enableWhen`) : undefined;
    section.pages.forEach((page, p) => {
      const path = `${sectionPath}/pages/${p}`;
      const lesson = page.items.some((item) => item.type === 'lesson');
      const visibleIf = both(
        sectionRule,
        page.enableWhen ? toExpression(page.enableWhen, `${path}/enableWhen`) : undefined,
        lesson ? '({settings.lessons} = true)' : undefined,
      );
      pages.push({
        name: page.id,
        title: page.title ?? section.title,
        description: page.intro,
        ...(visibleIf ? { visibleIf } : {}),
        elements: page.items.map((item, i) => toQuestion(item, `${path}/items/${i}`)),
      });
    });
  });
  const triggers = stops.map((stop, i) => {
    const when = toExpression(stop.when, `/questionnaire/stops/${i}/when`);
    if (stop.action === 'end') return { type: 'complete', expression: when };
    if (stop.action === 'notice') return { type: 'complete', expression: `${when} and ({stopChoice} = 'finish')` };
    throw new ConversionError('surveyjs.stop.action', `/questionnaire/stops/${i}/action`, `no SurveyJS counterpart for "${stop.action}"`);
  });
  return {
    title: bundle.meta?.title,
    clearInvisibleValues: 'onHidden',
    pages,
    triggers,
    calculatedValues: bundle.calculations.map((c, i) => ({
      name: c.id,
      expression: toExpression(c.rule, `/calculations/${i}/rule`),
      includeIntoResult: true,
    })),
  };
}

/** A SurveyJS model ready for a scenario: settings as the engine's defaults overlaid, the stop choice. */
export function prepare(model, { settings = {}, stopChoice = 'continue' } = {}) {
  model.clear(true, true);
  model.setVariable('settings', { mode: 'full', lessons: true, ...settings });
  model.setVariable('stopChoice', stopChoice);
  return model;
}

const shownQuestions = (page) => page.questions.filter((q) => q.isVisible).map((q) => q.name);

/**
 * Answers a scenario page by page in SurveyJS, as tests/wasm/module.mjs's drive does in the engine:
 * each shown question of the current page from the answers (a page the answers do not cover ends
 * it), then Next (or Complete on the last page). Returns the pages visited with the questions shown
 * on each, where it ended (a stop or the last page: "ended"; else "at <the page not covered>"), and
 * the calculated values then.
 */
export function driveSurvey(model, answers, options = {}) {
  prepare(model, options);
  const visited = [];
  while (model.state === 'running') {
    const page = model.currentPage;
    const shown = shownQuestions(page);
    const needed = page.questions.filter((q) => q.isVisible && q.getType() !== 'html');
    if (!needed.every((q) => q.name in answers)) break;
    for (const q of needed) model.setValue(q.name, answers[q.name]);
    visited.push({ page: page.name, items: shown });
    if (model.isLastPage) model.completeLastPage();
    else model.nextPage();
    if (model.state === 'running' && model.currentPage === page) break; // nowhere to go
  }
  const end = model.state === 'running' ? `at ${model.currentPage.name}` : 'ended';
  return { visited, end, calculations: calculatedValues(model) };
}

export function calculatedValues(model) {
  const out = {};
  for (const c of model.calculatedValues) {
    const v = c.value;
    out[c.name] = v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : v;
  }
  return out;
}

/**
 * The same in the engine (the public API): the pages answered with the items shown on each, where
 * it ended (as driveSurvey says it), and the engine's answers and settings (its state).
 */
export function driveEngine(engine, answers, options = {}) {
  const { page, visited } = drive(engine, answers, options);
  const state = JSON.parse(engine.state());
  const end = page.status === 'question' ? `at ${page.page.id}` : 'ended';
  return { visited, end, answers: state.answers, settings: state.settings };
}

/**
 * The engine's calculated values for each of several sets of answers, as the session computes them:
 * the content's calculations in order over the answers and settings, each seeing those before it,
 * a non-finite number or a failed rule read as null. The rules are evaluated by the engine's own
 * JsonLogic (`hipcheck logic-bench`, one run per calculation over all the sets).
 */
export function engineCalculations(cliPath, bundle, runs) {
  const data = runs.map((r) => ({ ...r.answers, settings: r.settings }));
  const dir = mkdtempSync(join(tmpdir(), 'hipcheck-calc-'));
  try {
    const file = join(dir, 'rules.json');
    for (const c of bundle.calculations) {
      writeFileSync(file, JSON.stringify({ rules: [c.rule], data, runs: 1 }));
      const { results } = JSON.parse(execFileSync(cliPath, ['logic-bench', file], { encoding: 'utf8', maxBuffer: 1 << 26 }));
      results.forEach((v, i) => {
        data[i][c.id] = typeof v === 'number' && !Number.isFinite(v) ? null : v;
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return data.map((d) => Object.fromEntries(bundle.calculations.map((c) => [c.id, d[c.id] ?? null])));
}

const same = (a, b) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 : a === b);

/**
 * Every scenario in both: the differences in pages and items visited and in calculated values
 * (an empty list when they are equivalent). scenarios: [{name, answers, settings?, stopChoice?}].
 */
export function compare({ engine, model, bundle, cliPath, scenarios }) {
  const ours = scenarios.map((s) => driveEngine(engine, s.answers, s));
  const calcs = engineCalculations(cliPath, bundle, ours);
  const differences = [];
  scenarios.forEach((s, i) => {
    const theirs = driveSurvey(model, s.answers, s);
    const a = JSON.stringify(ours[i].visited);
    const b = JSON.stringify(theirs.visited);
    if (a !== b) differences.push(`${s.name}: visited ${a} in Hip Check, ${b} in SurveyJS`);
    if (ours[i].end !== theirs.end) differences.push(`${s.name}: ${ours[i].end} in Hip Check, ${theirs.end} in SurveyJS`);
    for (const [id, v] of Object.entries(calcs[i])) {
      if (!same(v, theirs.calculations[id]))
        differences.push(`${s.name}: ${id} is ${JSON.stringify(v)} in Hip Check, ${JSON.stringify(theirs.calculations[id])} in SurveyJS`);
    }
  });
  return { differences, pages: ours.reduce((n, r) => n + r.visited.length, 0), calculations: bundle.calculations.length };
}

export const createModel = (json) => new Model(json);
