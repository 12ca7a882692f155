// Module.loadText (wasm/bindings/load-text.js), the page's load: the text written into the module's
// memory natively and handed over as loadAt. It must give exactly what call(engine, 'load', text)
// gives, for every text: a bundle in each language, a damaged one, one with characters outside
// the Basic Multilingual Plane, and none.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { bundle, createModule } from './module.mjs';

describe('loadText', () => {
  let Module;
  const both = (text) => {
    const [a, b] = [Module.open(), Module.open()];
    const replies = [Module.loadText(a, text), Module.call(b, 'load', text, '')];
    // The engine loaded through loadText works as the other one does.
    replies.push(Module.call(a, 'start', '', ''), Module.call(b, 'start', '', ''));
    for (const h of [a, b]) Module.call(h, 'close', '', '');
    return replies;
  };
  before(async () => {
    Module = await createModule();
  });

  for (const folder of ['content/en', 'content/es']) {
    test(`loads ${folder} as call('load') does`, () => {
      const [viaText, viaCall, startText, startCall] = both(bundle(folder));
      assert.equal(JSON.parse(viaText).ok, true, viaText.slice(0, 300));
      assert.equal(viaText, viaCall);
      assert.equal(startText, startCall);
    });
  }

  test('a damaged or empty text gets the same error, at the same line and column', () => {
    const en = bundle('content/en');
    for (const text of ['', '{', en.slice(0, 5000), en.replace('"ui":', '"ui"'), `${en.slice(0, 40)}😀é${en.slice(40)}`]) {
      const [viaText, viaCall] = both(text);
      assert.ok(JSON.parse(viaText).error, viaText.slice(0, 200));
      assert.equal(viaText, viaCall);
    }
  });

  test('text outside ASCII reaches the engine as UTF-8, byte for byte', () => {
    // The title with accents and an emoji (a surrogate pair in JavaScript), stamped again as
    // `hipcheck bundle` stamps (FNV-1a, 64 bit, from the engine's offset basis, of "{" and the text
    // after the stamp: engine.cpp's stamp_of): the stamp matches only if the engine gets the very
    // bytes.
    const en = bundle('content/en');
    const head = '{"stamp":"0123456789abcdef",'.length;
    const changed = en.replace('"title":"Hip Check', '"title":"Cadera 😀 ñ Hip Check');
    const rest = changed.slice(head).trimEnd();
    let h = 1469598103934665603n;
    for (const byte of [0x7b, ...new TextEncoder().encode(rest)]) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
    const stamped = `{"stamp":"${h.toString(16).padStart(16, '0')}",${rest}`;
    const [viaText, viaCall] = both(stamped);
    assert.equal(viaText, viaCall);
    assert.match(JSON.parse(viaText).content.title, /^Cadera 😀 ñ /, viaText.slice(0, 300));
  });

  test('loadAt refuses a text it was given no memory for, with a message', () => {
    const handle = Module.open();
    assert.equal(JSON.parse(Module.loadAt(handle, 0, 10)).error.id, 'engine.memory');
    assert.equal(JSON.parse(Module.loadAt(99999, 0, 0)).error.id, 'engine.memory');
    Module.call(handle, 'close', '', '');
  });
});
