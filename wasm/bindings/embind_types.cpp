// Embind's builtin types, registered as libembind's bind.cpp registers them, but only the two the
// modules' functions take and return: int and std::string. The link takes Embind's JavaScript
// (embind.js) without libembind (see CMakeLists.txt), so the glue leaves out the code for the types
// the modules never pass (wide strings, floats, memory views, emscripten::val): 1.2 KB gzip.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <climits>
#include <cstring>
#include <string>

extern "C" {

EMSCRIPTEN_KEEPALIVE __attribute__((constructor)) void __embind_register_native_and_builtin_types() {
  using namespace emscripten::internal;
  _embind_register_integer(TypeID<int>::get(), "int", sizeof(int), INT_MIN, INT_MAX);
  _embind_register_std_string(TypeID<std::string>::get(), "std::string");
}

// The name of a type Embind was not told about, for its error message. The module is built without
// RTTI (CMakeLists.txt), so a type has no name to give; every type the modules pass is bound here.
EMSCRIPTEN_KEEPALIVE const char* __getTypeName(const void*) {
  return strdup("a type the module does not bind");
}

}  // extern "C"
