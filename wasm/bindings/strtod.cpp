// The module's strtod (nlohmann's number parsing and the JsonLogic evaluator call it): the engine's
// correctly rounded, double-only reader instead of libc's, which brings long double and its
// soft-float arithmetic into the module. It reads what glibc's strtod reads for decimal text, to
// the same double, so the CLI and the module stay byte-identical (tests/engine/number_test.cpp).
#include <cstdlib>

#include "hipcheck/number.hpp"

extern "C" double strtod(const char* __restrict text, char** __restrict end) {
  return hipcheck::read_double(text, end);
}

// libc defines its three in one object: the module's libc++ names the other two, so they are here
// too (never called by the engine).
extern "C" float strtof(const char* __restrict text, char** __restrict end) {
  return static_cast<float>(hipcheck::read_double(text, end));
}
extern "C" long double strtold(const char* __restrict text, char** __restrict end) {
  return hipcheck::read_double(text, end);
}
