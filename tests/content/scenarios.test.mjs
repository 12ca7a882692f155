// The scenario files in tests/scenarios are well formed: known items in questionnaire order, values
// of the right kind for each item, and expectations that name real care levels, causes and tips.
// (Whether an item is shown, and what the result is, is the engine's job: hipcheck assess.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const content = (name) => readJson(path.join(root, 'content', 'en', `${name}.json`));
const items = content('questionnaire').sections.flatMap((s) => s.items);
const order = new Map(items.map((it, i) => [it.id, i]));
const levels = content('care').levels.map((l) => l.id);
const causes = content('causes').causes.map((c) => c.id);
const tips = new Set(content('tips').tips.map((t) => t.id));
const dir = path.join(root, 'tests', 'scenarios');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

function checkValue(item, value) {
  const values = (item.options || []).map((o) => o.value);
  switch (item.type) {
    case 'yesno': return typeof value === 'boolean' || 'a yes/no answer is true or false';
    case 'single': return values.includes(value) || `not an option: ${JSON.stringify(value)}`;
    case 'multiple': {
      if (!Array.isArray(value) || value.length === 0) return 'a multiple answer is a non-empty list';
      if (new Set(value).size !== value.length) return 'values repeat';
      const bad = value.filter((v) => !values.includes(v));
      if (bad.length) return `not options: ${JSON.stringify(bad)}`;
      const exclusive = item.options.filter((o) => o.exclusive).map((o) => o.value);
      if (value.length > 1 && value.some((v) => exclusive.includes(v))) return 'an exclusive option must stand alone';
      return true;
    }
    case 'number': {
      if (value === 'not-sure') return item.notSure === true || 'this item has no "not sure"';
      if (typeof value !== 'number' || value < item.min || value > item.max) return `not a number from ${item.min} to ${item.max}`;
      const steps = (value - item.min) / item.step;
      return Math.abs(steps - Math.round(steps)) < 1e-9 || `not on the step grid (${item.step})`;
    }
    case 'scale': return (Number.isInteger(value) && value >= item.min && value <= item.max) || 'not a whole number on the scale';
    default: return `a ${item.type} item takes no answer`;
  }
}

test('there are at least twelve scenarios', () => assert.ok(files.length >= 12, `${files.length} scenarios`));

for (const f of files) {
  test(`scenario ${f} is well formed`, () => {
    const sc = readJson(path.join(dir, f));
    assert.deepEqual(Object.keys(sc).sort(), ['answers', 'description', 'expect', 'name']);
    assert.equal(sc.name, f.replace(/\.json$/, ''), 'name matches the file name');
    assert.ok(sc.description.length > 20, 'describe the runner');
    let last = -1;
    for (const [id, value] of Object.entries(sc.answers)) {
      assert.ok(order.has(id), `unknown item ${id}`);
      assert.ok(order.get(id) > last, `${id} is out of questionnaire order`);
      last = order.get(id);
      const ok = checkValue(items[order.get(id)], value);
      assert.equal(ok, true, `${id}: ${ok}`);
    }
    const { care, topCause, tips: expected = [], ...rest } = sc.expect;
    assert.deepEqual(rest, {}, 'expect holds only care, topCause and tips');
    assert.ok(levels.includes(care), `unknown care level ${care}`);
    if (topCause !== undefined) assert.ok(causes.includes(topCause), `unknown cause ${topCause}`);
    for (const t of expected) assert.ok(tips.has(t), `unknown tip ${t}`);
  });
}
