// Module.loadText(engine, text): call(engine, 'load', text) with the text written into the module's
// memory by TextEncoder.encodeInto, natively and in one pass, and handed over as loadAt(engine,
// address, length). Embind's copy of a std::string argument walks the text twice in JavaScript,
// character by character, which was a tenth of a load.
Module['loadText'] = (engine, text) => {
  const room = text.length * 3 + 1; // UTF-8 bytes for each UTF-16 unit, at most (and never 0)
  const at = _malloc(room);
  if (!at) return Module['loadAt'](engine, 0, 0); // no memory for it: engine.memory, nothing written
  try {
    // HEAPU8 is read after _malloc, which may have grown the memory.
    const { written } = new TextEncoder().encodeInto(text, HEAPU8.subarray(at, at + room));
    return Module['loadAt'](engine, at, written);
  } finally {
    _free(at);
  }
};
