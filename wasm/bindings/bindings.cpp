// The wasm module's whole surface: Embind over hipcheck::Engine. JSON text in, JSON text out;
// errors come back as {"error": …} values, never as exceptions (see wasm/README.md).
#include <emscripten/bind.h>

#include "hipcheck/engine.hpp"

EMSCRIPTEN_BINDINGS(hipcheck) {
  using hipcheck::Engine;
  emscripten::class_<Engine>("Engine")
      .constructor<>()
      .function("load", &Engine::load)
      // start() and start(settingsJson): Embind picks the overload by the number of arguments.
      .function("start", emscripten::optional_override([](Engine& e) { return e.start(); }))
      .function("start",
                emscripten::select_overload<std::string(const std::string&)>(&Engine::start))
      .function("configure", &Engine::configure)
      .function("current", &Engine::current)
      .function("answer", &Engine::answer)
      .function("proceed", &Engine::proceed)
      .function("back", &Engine::back)
      .function("goTo", &Engine::go_to)
      .function("review", &Engine::review)
      .function("result", &Engine::result)
      .function("state", &Engine::state)
      .function("restore", &Engine::restore)
      .function("quiz", &Engine::quiz)
      .function("scoreQuiz", &Engine::score_quiz);
}
