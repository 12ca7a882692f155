// The JsonLogic bench in wasm (npm run bench): one Embind function over hipcheck::bench::logic_bench,
// built with the product module's flags into a module of its own (build/wasm/hipcheck-logic-bench.cjs),
// so the product's module carries none of it.
#include <emscripten/bind.h>

#include "logic_bench.hpp"

EMSCRIPTEN_BINDINGS(hipcheck_logic_bench) {
  emscripten::function("logicBench", &hipcheck::bench::logic_bench);
}
