// The clinical rules of CONTENT.md v2 for the causes, tips and plan, checked on the content itself:
// what each cause may weigh and how much, what a tip may say and when it may show, and how the
// return-to-running plan is bounded. Each rule names the guidance it comes from.
// Run: node --test tests/content/
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { contentFile } from './prose.mjs';

const readJson = (file) => contentFile(file.replace(/\.json$/, ''));
const causes = readJson('causes.json');
const { tips, groups } = readJson('tips.json');
const plan = readJson('plan.json');
const sources = new Set(readJson('sources.json').map((s) => s.id));
const questionnaire = readJson('questionnaire.json');
const calculations = readJson('calculations.json');
const cause = (id) => causes.causes.find((c) => c.id === id);

const items = questionnaire.sections.flatMap((s) => (s.pages ? s.pages.flatMap((p) => p.items ?? []) : s.items ?? []));
const known = new Set([...items.map((i) => i.id), ...calculations.map((c) => c.id), 'settings']);

// The ids a rule reads ({"var": "a.b"} reads "a").
function vars(rule, out = new Set()) {
  if (Array.isArray(rule)) for (const r of rule) vars(r, out);
  else if (rule && typeof rule === 'object') {
    for (const [op, arg] of Object.entries(rule)) {
      if (op === 'var') {
        const name = Array.isArray(arg) ? arg[0] : arg;
        if (typeof name === 'string' && name) out.add(name.split('.')[0]);
      } else vars(arg, out);
    }
  }
  return out;
}

// A small JsonLogic evaluator for the operators these files use, to test score bands.
function apply(rule, data) {
  if (Array.isArray(rule)) return rule.map((r) => apply(r, data));
  if (!rule || typeof rule !== 'object') return rule;
  const [op, raw] = Object.entries(rule)[0];
  const args = Array.isArray(raw) ? raw : [raw];
  const truthy = (v) => !(v === false || v === null || v === undefined || v === 0 || v === '' || (Array.isArray(v) && v.length === 0));
  switch (op) {
    case 'var': return data[args[0]] ?? null;
    case 'and': { let v = true; for (const a of args) { v = apply(a, data); if (!truthy(v)) return v; } return v; }
    case 'or': { let v = false; for (const a of args) { v = apply(a, data); if (truthy(v)) return v; } return v; }
    case '!': return !truthy(apply(args[0], data));
    case '!!': return truthy(apply(args[0], data));
    case 'if': {
      for (let i = 0; i + 1 < args.length; i += 2) if (truthy(apply(args[i], data))) return apply(args[i + 1], data);
      return args.length % 2 ? apply(args[args.length - 1], data) : null;
    }
    case 'in': { const [a, b] = args.map((x) => apply(x, data)); return b != null && b.includes(a); }
    case '==': { const [a, b] = args.map((x) => apply(x, data)); return a === b; }
    case '!=': { const [a, b] = args.map((x) => apply(x, data)); return a !== b; }
    case '>': { const [a, b] = args.map((x) => apply(x, data)); return a > b; }
    case '>=': { const [a, b] = args.map((x) => apply(x, data)); return a >= b; }
    case '<': { const [a, b] = args.map((x) => apply(x, data)); return a < b; }
    case '<=': { const [a, b] = args.map((x) => apply(x, data)); return a <= b; }
    default: throw new Error(`the test evaluator does not know "${op}"`);
  }
}
const points = (factors, data) => factors.filter((f) => apply(f.when, data)).reduce((s, f) => s + f.points, 0);
const words = (s) => s.split(/\s+/).filter(Boolean).length;

// A rule that is false whenever `flag` is true: a top-level "and" with a "not flag" (or "not (… or
// flag …)") part.
function blocks(rule, flags) {
  if (!rule || typeof rule !== 'object' || !Array.isArray(rule.and)) return false;
  return rule.and.some((part) => {
    const inner = part && part['!'];
    if (!inner) return false;
    const names = inner.or ? inner.or.map((x) => x && x.var) : [inner.var];
    return names.some((n) => flags.includes(n));
  });
}

// ---------------------------------------------------------------- every rule reads v2 ids only

test('causes, tips and the plan read only items and calculations that exist', () => {
  const unknown = [];
  for (const c of causes.causes) for (const f of c.factors) for (const v of vars(f.when)) if (!known.has(v)) unknown.push(`${c.id}/${f.id}: ${v}`);
  for (const t of tips) for (const v of vars(t.when)) if (!known.has(v)) unknown.push(`tip ${t.id}: ${v}`);
  for (const key of ['when', 'startFraction']) for (const v of vars(plan[key])) if (!known.has(v)) unknown.push(`plan.${key}: ${v}`);
  if (plan.walkRun) for (const v of vars(plan.walkRun.when)) if (!known.has(v)) unknown.push(`plan.walkRun: ${v}`);
  assert.deepEqual(unknown, []);
});

test('every source a tip or the plan cites is in sources.json', () => {
  const missing = [];
  for (const t of tips) for (const s of t.sources) if (!sources.has(s)) missing.push(`${t.id}: ${s}`);
  for (const s of plan.sources) if (!sources.has(s)) missing.push(`plan: ${s}`);
  assert.deepEqual(missing, []);
});

// ---------------------------------------------------------------- causes (CONTENT.md "Causes")

test('overuse: a single run much longer than usual weighs at least as much as the weekly change', () => {
  const f = cause('overuse').factors;
  const spike = f.filter((x) => vars(x.when).has('longest_change_pct'));
  const weekly = f.filter((x) => vars(x.when).has('weekly_change_pct'));
  assert.ok(spike.length >= 3, 'the single-run spike needs its three bands (10–30 %, 30–100 %, over 100 %)');
  for (const pct of [15, 25, 35, 45, 60, 90, 120, 200, 400]) {
    const s = points(spike, { longest_change_pct: pct });
    const w = points(weekly, { weekly_change_pct: pct });
    assert.ok(s > 0, `a run ${pct} % longer than the recent longest adds nothing`);
    assert.ok(s >= w, `a ${pct} % single-run spike scores ${s}, a ${pct} % weekly rise ${w}`);
  }
  assert.equal(points(spike, { longest_change_pct: 10 }), 0, 'a run up to 10 % longer is the cautious guide itself');
  assert.ok(points(spike, { longest_change_pct: 150 }) > points(spike, { longest_change_pct: 50 }), 'over 100 % had the highest injury rate');
});

test('overuse: no reason says "faster than 10 % a week" for a four-week rise under 46 %', () => {
  for (const f of cause('overuse').factors) {
    if (!/faster than/i.test(f.reason)) continue;
    for (const pct of [11, 30, 40, 45, 45.9]) {
      assert.equal(!!apply(f.when, { weekly_change_pct: pct }), false, `${f.id} says "${f.reason}" for a ${pct} % rise`);
    }
  }
});

test('overuse: new and returning runners count for little, and say why honestly', () => {
  for (const value of ['new', 'returning']) {
    const hits = cause('overuse').factors.filter((f) => apply(f.when, { experience: value }));
    assert.ok(hits.length === 1, `experience ${value}: ${hits.length} factors`);
    assert.ok(hits[0].points <= 10, `${hits[0].id}: ${hits[0].points} points`);
    assert.match(hits[0].reason, /only a little/);
  }
});

test('footwear: worn-out shoes and fit only, nothing by arch or foot roll, no answer counted twice', () => {
  const f = cause('footwear').factors;
  const read = f.map((x) => [...vars(x.when)]);
  for (const [i, ids] of read.entries()) {
    for (const id of ids) assert.ok(['shoe_worn', 'shoe_fit'].includes(id), `${f[i].id} reads ${id}`);
  }
  const all = read.flat();
  assert.equal(new Set(all).size, all.length, `an answer is read by two footwear factors: ${all.join(', ')}`);
  for (const x of f) assert.doesNotMatch(x.reason, /arch|roll|pronat/i, x.id);
  const worn = f.find((x) => apply(x.when, { shoe_worn: 'yes' }));
  assert.ok(worn, 'worn-out shoes raise footwear');
  assert.match(worn.reason, /rule of thumb/, 'the 800 km limit is a rule of thumb');
});

test('form: scored from the form signs only', () => {
  for (const f of cause('form').factors) assert.deepEqual([...vars(f.when)], ['form_signs'], f.id);
  for (const sign of ['heel_far', 'loud', 'hip_drop', 'lean_waist']) {
    assert.ok(points(cause('form').factors, { form_signs: [sign] }) > 0, `${sign} scores nothing`);
  }
  assert.equal(points(cause('form').factors, { form_signs: ['none'] }), 0);
  assert.equal(points(cause('form').factors, { form_signs: ['unsure'] }), 0);
});

test('imbalance: strength work is scored; stretching and drinking are not', () => {
  const f = cause('imbalance').factors;
  for (const x of f) assert.deepEqual([...vars(x.when)], ['strength_freq'], x.id);
  assert.ok(points(f, { strength_freq: 'never' }) > points(f, { strength_freq: 'rarely' }));
  assert.ok(points(f, { strength_freq: 'rarely' }) > 0);
  assert.equal(points(f, { strength_freq: 'weekly' }), 0);
  for (const c of causes.causes) {
    for (const x of c.factors) {
      for (const v of vars(x.when)) assert.doesNotMatch(v, /stretch|hydrat|fluid|drink|sleep/, `${c.id}/${x.id} scores ${v}`);
      assert.doesNotMatch(x.reason, /stretch|drink/i, `${c.id}/${x.id}`);
    }
  }
});

// ---------------------------------------------------------------- tips (CONTENT.md "Tips and the plan")

test('each tip is one short action (about 40 words at most) with a reason, and never promises', () => {
  for (const t of tips) {
    assert.ok(words(t.text) <= 40, `${t.id}: ${words(t.text)} words`);
    assert.ok(t.because.trim().length > 0, `${t.id}: no because`);
    assert.doesNotMatch(`${t.text} ${t.because}`, /will (fix|cure|heal|stop|prevent)|guarantee|cures?\b/i, `${t.id} promises`);
  }
});

test('tip groups are the causes or a declared group, and every declared group is used', () => {
  const ids = new Set([...groups.map((g) => g.id), 'overuse', 'footwear', 'form', 'imbalance']);
  for (const t of tips) assert.ok(ids.has(t.group), `${t.id}: group ${t.group}`);
  for (const g of groups) assert.ok(tips.some((t) => t.group === g.id), `group ${g.id} has no tip`);
});

test('on an urgent result only care, rest and cross-training tips can show', () => {
  const allowed = new Set(['care', 'rest', 'crosstrain']);
  for (const t of tips) {
    if (allowed.has(t.group)) continue;
    assert.ok(blocks(t.when, ['urgent_flag', 'any_flag']), `${t.id} (${t.group}) can show on an urgent result`);
  }
});

test('tips that build running up, and the return-to-running tips, show on self-care results only', () => {
  for (const t of tips) {
    const buildsUp = t.group === 'return' || /build(ing)? up|adding no more than|before adding more|start(ing)? (running )?again/i.test(t.text);
    if (!buildsUp) continue;
    assert.ok(blocks(t.when, ['any_flag']), `${t.id} pushes running but can show with a care flag`);
  }
});

test('side-of-hip pain gets tendon-safe advice: standing strength work, no crossed legs, not lying on it, a physical therapist', () => {
  // the tips that show because of side pain: on with it, off without it
  const onlySide = (t, d) => apply(t.when, { has_pain: true, ...d });
  const side = tips.filter((t) => onlySide(t, { side_pain: true }) && !onlySide(t, { side_pain: false }));
  assert.ok(side.length > 0, 'no tip for side-of-hip pain');
  for (const t of side) assert.ok(onlySide(t, { pain_when: ['lying_side'] }), `${t.id} does not show for pain when lying on that side`);
  const text = side.map((t) => t.text).join(' ');
  assert.match(text, /cross your legs/);
  assert.match(text, /lie on the sore side/);
  assert.match(text, /standing/);
  assert.match(text, /physical therapist/);
  for (const t of side) assert.ok(t.sources.some((s) => ['mellor_2018', 'grimaldi_2015'].includes(s)), `${t.id} cites no tendinopathy source`);
  // and the general strength and stretching tips stay away from a sore side
  for (const id of ['im_strength', 'im_stretch']) {
    const t = tips.find((x) => x.id === id);
    assert.ok(t, `${id} is missing`);
    assert.equal(!!apply(t.when, { side_pain: true, strength_freq: 'never', has_pain: true }), false, `${id} shows for side pain`);
  }
});

test('no tip recommends side-lying leg lifts', () => {
  for (const t of tips) {
    const s = t.text.toLowerCase();
    assert.doesNotMatch(s, /side-lying/, t.id);
    if (/leg lifts?/.test(s)) assert.match(s, /leave out|avoid|not|skip/, `${t.id} suggests leg lifts`);
  }
});

test('cadence advice is relative to the runner\'s own step rate, 5–10 % up, never lower, no absolute number', () => {
  const cadence = tips.filter((t) => /step rate|cadence|steps a minute/i.test(t.text));
  assert.ok(cadence.length > 0, 'no cadence tip');
  for (const t of cadence) {
    assert.match(t.text, /your own step rate/, t.id);
    assert.match(t.text, /5 to 10 %/, t.id);
    assert.ok(t.sources.includes('heiderscheit_2011'), t.id);
  }
  for (const t of tips) {
    assert.doesNotMatch(`${t.text} ${t.because}`, /(lower|reduce|slow) (your )?(step rate|cadence)|fewer steps|longer (steps|strides?)/i, t.id);
    assert.doesNotMatch(t.text, /\b1[5-9]\d\b/, `${t.id} names an absolute step rate`);
  }
});

test('no shoe is prescribed by arch height or foot roll', () => {
  for (const t of tips) assert.doesNotMatch(t.text, /arch|rolls? (in|out)|pronat|stability shoe|motion control/i, t.id);
  for (const t of tips) for (const v of vars(t.when)) assert.doesNotMatch(v, /arch|foot_roll/, t.id);
});

test('strength tips cite the strength evidence; the 10 % rule is called a cautious guide', () => {
  const strength = tips.filter((t) => t.group === 'imbalance' && /strength exercises/i.test(t.text));
  assert.ok(strength.length > 0);
  for (const t of strength) assert.ok(t.sources.includes('lauersen_2018'), t.id);
  for (const t of tips.filter((x) => /10 %/.test(x.text) && /week/.test(x.text))) {
    assert.match(t.text, /cautious guide/, `${t.id} states the 10 % rule without calling it a cautious guide`);
  }
});

// ---------------------------------------------------------------- the plan

test('the plan is for self-care results with pain, from the pre-jump bases', () => {
  assert.equal(plan.weeklyDistance, 'plan_weekly_base');
  assert.equal(plan.longestRun, 'plan_longest_base');
  assert.ok(blocks(plan.when, ['any_flag']), 'the plan can show with a care flag');
  assert.ok(vars(plan.when).has('has_pain'));
  assert.equal(apply(plan.when, { has_pain: true, any_flag: true, plan_weekly_base: 20 }), false);
  assert.ok(apply(plan.when, { has_pain: true, any_flag: false, plan_weekly_base: 20 }));
  assert.ok(!apply(plan.when, { has_pain: true, any_flag: false, plan_weekly_base: 0 }));
  const f = (d) => apply(plan.startFraction, d);
  for (const d of [{}, { pain_severity: 2 }, { pain_severity: 7 }, { ostrc_substantial: true }]) {
    assert.ok(f(d) > 0 && f(d) <= 1, `start fraction ${f(d)}`);
  }
  assert.ok(plan.weeklyIncrease <= 0.1 && plan.longestRunIncrease <= 0.1);
});

test('after any bone stress injury the plan starts walk-run, with a clinician\'s go-ahead and no back-to-back days', () => {
  assert.ok(plan.walkRun, 'no walkRun');
  assert.deepEqual([...vars(plan.walkRun.when)], ['bsi_ever']);
  assert.ok(plan.walkRun.weeks >= 1);
  assert.match(plan.walkRun.text, /doctor|physical therapist/);
  assert.match(plan.walkRun.text, /two days in a row|back-to-back/);
  assert.match(plan.walkRun.text, /walk-run/);
});

test('the plan is honest about the 10 % guide and cites the evidence', () => {
  assert.match(plan.caveat, /cautious guide/);
  assert.match(plan.caveat, /mixed/);
  for (const s of ['buist_2008', 'nielsen_2014', 'garmin_runsafe_2025']) assert.ok(plan.sources.includes(s), s);
  assert.match(plan.intro, /walking is pain-free/);
});
