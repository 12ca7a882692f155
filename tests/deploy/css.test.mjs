// The style sheets the build serves (scripts/dist/css.mjs): only comments and indentation go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stripCss } from '../../scripts/dist/css.mjs';
import { root } from './helpers.mjs';

test('comments, indentation and blank lines go; strings and url() stay whole', () => {
  const css = '/* head */\n.a {\n  content: "/* kept */";\n  /* gone */\n  background: url("x/*y*/.svg");\n}\n\n@media print {\n  .b { quotes: \'"\' \'"\'; }\n}\n';
  assert.equal(stripCss(css), '.a {\ncontent: "/* kept */";\nbackground: url("x/*y*/.svg");\n}\n@media print {\n.b { quotes: \'"\' \'"\'; }\n}\n');
  assert.throws(() => stripCss('.a { color: red; } /* open'), /unclosed comment at offset 19/);
});

test('every style sheet of the site keeps its rules, word for word', () => {
  const folder = join(root, 'web/css');
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.css'))) {
    const css = readFileSync(join(folder, file), 'utf8');
    const words = (text) => text.replace(/\/\*[\s\S]*?\*\//g, ' ').split(/\s+/).filter(Boolean);
    const stripped = stripCss(css);
    assert.doesNotMatch(stripped, /\/\*/, file);
    assert.deepEqual(words(stripped), words(css), file);
    assert.ok(stripped.length < css.length, file);
  }
});
