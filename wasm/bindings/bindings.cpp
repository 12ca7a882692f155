// The wasm module's whole surface: two Embind functions over hipcheck::Engine (and loadAt, the
// load's fast door, which Module.loadText uses: load-text.js). JSON text in, JSON
// text out; errors come back as {"error": …} values, never as exceptions (see wasm/README.md).
// One dispatcher instead of a bound class and a binding per method: Embind's class machinery is a
// third of the glue's size, and the module has one caller (web/js/engine.js; the node tests go
// through tests/wasm/module.mjs), which keeps the Engine API as named methods.
#include <emscripten/bind.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "hipcheck/engine.hpp"

namespace {

using hipcheck::Engine;

std::vector<std::unique_ptr<Engine>> engines;

// A new engine; its number is what call() takes.
int open_engine() {
  engines.push_back(std::make_unique<Engine>());
  return static_cast<int>(engines.size()) - 1;
}

// Engine's method `method` (its JS name) on engine number `engine`, with up to two text arguments
// (the ones a method does not take are ignored). start with "" is start() with default settings;
// close frees the engine, whose number then answers engine.unknown.
std::string call(int engine, const std::string& method, const std::string& a,
                 const std::string& b) {
  if (engine < 0 || static_cast<std::size_t>(engine) >= engines.size() ||
      !engines[static_cast<std::size_t>(engine)]) {
    return hipcheck::error_text({"engine.unknown", "There is no such engine: call open() first.", ""});
  }
  if (method == "close") {  // frees the engine (the page's old one after a language switch)
    engines[static_cast<std::size_t>(engine)].reset();
    return "{}";
  }
  Engine& e = *engines[static_cast<std::size_t>(engine)];
  if (method == "load") return e.load(a);
  if (method == "start") return a.empty() ? e.start() : e.start(a);
  if (method == "configure") return e.configure(a);
  if (method == "current") return e.current();
  if (method == "answer") return e.answer(a, b);
  if (method == "proceed") return e.proceed(a);
  if (method == "back") return e.back();
  if (method == "goTo") return e.go_to(a);
  if (method == "review") return e.review();
  if (method == "result") return e.result();
  if (method == "state") return e.state();
  if (method == "restore") return e.restore(a);
  if (method == "quiz") return e.quiz();
  if (method == "scoreQuiz") return e.score_quiz(a);
  return hipcheck::error_text(
      {"engine.method", "The engine has no method \"" + method + "\".", ""});
}

// call(engine, "load", text) with text's UTF-8 at [at, at + length) of the module's memory, where
// Module.loadText (load-text.js) wrote it. at is 0 when that memory could not be had.
std::string load_at(int engine, int at, int length) {
  if (at <= 0 || length < 0) {
    return hipcheck::error_text(
        {"engine.memory", "There was not enough memory to load the content.", ""});
  }
  const char* text = reinterpret_cast<const char*>(static_cast<std::uintptr_t>(at));
  return call(engine, "load", std::string(text, static_cast<std::size_t>(length)), "");
}

}  // namespace

EMSCRIPTEN_BINDINGS(hipcheck) {
  emscripten::function("open", &open_engine);
  emscripten::function("call", &call);
  emscripten::function("loadAt", &load_at);
}
