// The engine's JSON type and a parser that reports where a document is broken.
// JSON_NOEXCEPTION is defined for every target that includes this (see CMakeLists.txt): the engine
// never relies on nlohmann throwing, so the wasm build can drop C++ exceptions.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace hipcheck {

using json = nlohmann::json;

// A problem found in input, with a stable id ("content.ref.unknown") and a JSON pointer to where.
struct Error {
  std::string id;
  std::string message;
  std::string path;  // JSON pointer, "" for the whole document
};

std::string describe(const Error& e);  // "content.ref.unknown at /items/12/enableWhen: message"

struct ParseResult {
  json value;  // discarded when !ok
  bool ok = false;
  std::size_t line = 0;  // 1-based position of a syntax error
  std::size_t column = 0;
  std::string message;  // what the parser expected
  // When ok: json_depth(value), measured while reading (more when a duplicate key replaced a
  // deeper value: never less).
  std::size_t depth = 0;
};

// Parses text as JSON. Never throws, never aborts; a syntax error comes back with line and column.
// The members of the top-level object named in skip are checked for syntax but left out of the
// value (the browser's load never reads the bundle's ui, anatomy and slides).
ParseResult parse_json(std::string_view text, std::initializer_list<std::string_view> skip = {});

// Depth of nesting of arrays and objects (a scalar is 0), computed without recursion.
std::size_t json_depth(const json& value);

// The deepest document the engine accepts anywhere (rules, answers, states): deep enough for any
// real rule, shallow enough that no recursive walk can exhaust the stack.
constexpr std::size_t kMaxDepth = 64;

// Appends a reference token to a JSON pointer, escaping "~" and "/".
std::string pointer(const std::string& base, const std::string& token);
std::string pointer(const std::string& base, std::size_t index);

// Serialises compactly, as json::dump() does (the engine's own writer, so the wasm module needs no
// nlohmann serializer): members in key order, a float in its shortest round-trip form in dump's
// layout ("30.5", "2.0", "1e+20"), non-finite numbers as null, control characters escaped, other
// text as UTF-8. Invalid UTF-8 (only possible from outside input) is replaced with U+FFFD, one for
// each maximal invalid part (as TextDecoder does), never fatal.
std::string to_text(const json& value);

// A text's fingerprint: FNV-1a (64 bit) of before followed by text, as 16 lowercase hex digits.
// A stamped bundle's stamp (Engine::load) and an unstamped bundle's version (load_content).
std::string fingerprint(std::string_view before, std::string_view text);

// Writes compact JSON text straight into a string, without building a json value first: the
// engine's larger outputs (the result) are written this way, which keeps the wasm module smaller.
// Members come out in the order written; write them in key order, as a json object prints them,
// so the text is the same as to_text of the equivalent value.
class JsonWriter {
 public:
  JsonWriter& open_object() { return open('{'); }
  JsonWriter& close_object() { return close('}'); }
  JsonWriter& open_array() { return open('['); }
  JsonWriter& close_array() { return close(']'); }
  JsonWriter& key(const char* name);  // an object's member name; its value comes next
  JsonWriter& text(const std::string& value);
  JsonWriter& number(long value);
  JsonWriter& value(const json& value);    // any value, as to_text writes it
  JsonWriter& raw(const std::string& json_text);  // text that already is one JSON value
  std::string out;

 private:
  JsonWriter& open(char c);
  JsonWriter& close(char c);
  void element();        // a comma before every element or member but the first
  bool after_ = false;   // a value was just written (the next element needs a comma)
};

}  // namespace hipcheck
