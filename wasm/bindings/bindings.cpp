// The wasm module's whole surface: Embind over hipcheck::Engine. JSON text in, JSON text out;
// errors come back as {"error": …} values, never as exceptions (see wasm/README.md).
#include <emscripten/bind.h>

#include "hipcheck/engine.hpp"

EMSCRIPTEN_BINDINGS(hipcheck) {
  using hipcheck::Engine;
  emscripten::class_<Engine>("Engine")
      .constructor<>()
      .function("load", &Engine::load)
      .function("start", &Engine::start)
      .function("current", &Engine::current)
      .function("answer", &Engine::answer)
      .function("back", &Engine::back)
      .function("goTo", &Engine::go_to)
      .function("review", &Engine::review)
      .function("result", &Engine::result)
      .function("state", &Engine::state)
      .function("restore", &Engine::restore)
      .function("quiz", &Engine::quiz)
      .function("scoreQuiz", &Engine::score_quiz);
}
