// The site's style sheets without their comments and indentation: what the browser reads, no more.
// Nothing else changes (esbuild's CSS minifier was tried and changed the printed layout), so the
// rules, their order and every value stay exactly as written; strings and url() are kept whole.
//
//   node scripts/dist/css.mjs build/site/css/app.css …   (rewrites each file in place)
import { readFileSync, writeFileSync } from 'node:fs';

/** `css` without comments, indentation and blank lines; quoted strings are left as they are. */
export function stripCss(css) {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const c = css[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c && css[j] !== '\n') j += css[j] === '\\' ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) throw new Error(`unclosed comment at offset ${i}`);
      i = end + 2;
    } else {
      out += c;
      i += 1;
    }
  }
  return `${out
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) writeFileSync(file, stripCss(readFileSync(file, 'utf8')));
}
