// The bench's SurveyJS model (scripts/bench/surveyjs.mjs) is the same questionnaire as the content:
// every scenario, answered page by page in the wasm engine and in survey-core, visits the same
// pages with the same items shown and ends with the same calculated values. Without this, the
// bench's per-answer and load ratios would compare two different questionnaires.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { before, describe, test } from 'node:test';

import { ConversionError, compare, createModel, toExpression, toSurveyJs } from '../../scripts/bench/surveyjs.mjs';
import { bundle, cli, createEngine, root } from './module.mjs';

const { ExpressionRunner } = createRequire(import.meta.url)('survey-core');

const folder = `${root}tests/scenarios`;
const scenarios = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ''), ...JSON.parse(readFileSync(`${folder}/${f}`, 'utf8')) }));
const cliPath = `${root}build/native/hipcheck`;

describe('the SurveyJS model of the English content', () => {
  let engine;
  let content;
  let json;
  let check;
  before(async () => {
    engine = await createEngine();
    const text = bundle();
    assert.equal(JSON.parse(engine.load(text)).ok, true);
    content = JSON.parse(text);
    json = toSurveyJs(content);
    check = compare({ engine, model: createModel(json), bundle: content, cliPath, scenarios });
  });

  test('has every page and item of the content, under the same ids, and every calculation', () => {
    const pages = content.questionnaire.sections.flatMap((s) => s.pages);
    assert.deepEqual(json.pages.map((p) => p.name), pages.map((p) => p.id));
    assert.deepEqual(
      json.pages.map((p) => p.elements.map((e) => e.name)),
      pages.map((p) => p.items.map((i) => i.id)),
    );
    assert.deepEqual(json.calculatedValues.map((c) => c.name), content.calculations.map((c) => c.id));
    assert.equal(json.triggers.length, content.questionnaire.stops.length);
  });

  test('is checked over every scenario', () => {
    assert.ok(scenarios.length >= 45, `${scenarios.length} scenarios`);
    assert.ok(check.pages > scenarios.length * 2, `${check.pages} pages answered`);
    assert.equal(check.calculations, content.calculations.length);
  });

  for (const s of scenarios) {
    test(`${s.name}: the same items visited and the same calculated values`, () => {
      assert.deepEqual(check.differences.filter((d) => d.startsWith(`${s.name}:`)), []);
    });
  }

  test('a model that computes one value differently is caught', () => {
    const changed = structuredClone(json);
    changed.calculatedValues.find((c) => c.name === 'emergency_flag').expression = 'false';
    const emergencies = scenarios.filter((s) => s.name.startsWith('emergency-'));
    const { differences } = compare({ engine, model: createModel(changed), bundle: content, cliPath, scenarios: emergencies });
    assert.ok(differences.includes('emergency-fall-cannot-walk: emergency_flag is true in Hip Check, false in SurveyJS'), differences.join('\n'));
    // The emergency stop ends the check in the engine; SurveyJS, never stopped, goes on to a page
    // the scenario does not answer.
    assert.ok(differences.includes('emergency-fall-cannot-walk: ended in Hip Check, at rf_urgent in SurveyJS'), differences.join('\n'));
  });

  test('a rule with no SurveyJS counterpart is refused with its id and path', () => {
    assert.throws(
      () => toExpression({ map: [{ var: 'list' }, { '*': [{ var: '' }, 2] }] }, '/calculations/3/rule'),
      (e) => e instanceof ConversionError && e.id === 'surveyjs.operator' && e.path === '/calculations/3/rule/map',
    );
    assert.throws(
      () => toExpression({ var: ['weekly_now', 0] }, '/calculations/1/rule'),
      (e) => e instanceof ConversionError && e.id === 'surveyjs.var' && e.path === '/calculations/1/rule/var',
    );
  });

  test("operators the content does not use yet convert with the engine's meaning", () => {
    const cases = [
      [{ cat: ['a', { var: 'x' }, 1] }, { x: 'b' }],
      [{ substr: ['hello', -3] }, {}],
      [{ substr: ['hello', 1, -1] }, {}],
      [{ '===': [1, '1'] }, {}],
      [{ '!==': [1, '1'] }, {}],
      [{ '==': [1, '1'] }, {}],
      [{ '<': [1, { var: 'x' }, 3] }, { x: 2 }],
      [{ '<=': [1, { var: 'x' }, 3] }, { x: 4 }],
      [{ max: [1, 5, 3] }, {}],
      [{ '!!': [{ var: 'x' }] }, { x: 0 }],
      [{ '-': [{ var: 'x' }] }, { x: 4 }],
    ];
    for (const [rule, data] of cases) {
      const expression = toExpression(rule);
      const engine = JSON.parse(cli('logic', JSON.stringify(rule), JSON.stringify(data)));
      assert.deepEqual(new ExpressionRunner(expression).runValues(data), engine, `${JSON.stringify(rule)} as ${expression}`);
    }
  });

  test('an if with a null branch becomes an iif that gives nothing there', () => {
    assert.equal(toExpression({ if: [{ var: 'a' }, null, 1] }), 'iif((!{a}), 1)');
    assert.equal(toExpression({ if: [{ var: 'a' }, 1, null] }), 'iif({a}, 1)');
    assert.equal(toExpression({ if: [{ var: 'a' }, 1, { var: 'b' }, 2, 3] }), 'iif({a}, 1, iif({b}, 2, 3))');
    assert.equal(toExpression({ if: [{ var: 'a' }, 1, { var: 'b' }, null, null] }), 'iif({a}, 1)');
    assert.equal(toExpression({ if: [{ var: 'a' }, null] }), 'null');
  });
});
