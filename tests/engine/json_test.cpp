// hipcheck::to_text, the engine's own JSON writer, against nlohmann's dump(): the same text for the
// content, the scenarios, the JsonLogic suite and awkward values, so the engine's outputs and the
// content's version did not change when the wasm module stopped linking nlohmann's serializer.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <dirent.h>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "hipcheck/folder.hpp"
#include "hipcheck/json.hpp"
#include "hipcheck/number.hpp"

using hipcheck::json;
using hipcheck::to_text;

namespace {

std::string dumped(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

json parsed_file(const std::string& path) {
  std::string text;
  REQUIRE(hipcheck::read_file(path, text));
  return json::parse(text, nullptr, false);
}

std::string as_text(double value) { return to_text(json(value)); }

}  // namespace

TEST_CASE("to_text writes the content and the scenarios as dump does", "[json]") {
  for (const char* folder : {"/content/en", "/content/es", "/tests/engine/fixture"}) {
    const auto read = hipcheck::read_content_folder(std::string(HIPCHECK_SOURCE_DIR) + folder);
    REQUIRE(read.errors.empty());
    INFO(folder);
    CHECK(to_text(read.bundle) == dumped(read.bundle));
  }
  const std::string scenarios = HIPCHECK_SOURCE_DIR "/tests/scenarios/";
  DIR* dir = opendir(scenarios.c_str());
  REQUIRE(dir != nullptr);
  int count = 0;
  while (const dirent* entry = readdir(dir)) {
    const std::string name = entry->d_name;
    if (name.size() < 5 || name.compare(name.size() - 5, 5, ".json") != 0) continue;
    const json scenario = parsed_file(scenarios + name);
    INFO(name);
    CHECK(to_text(scenario) == dumped(scenario));
    ++count;
  }
  closedir(dir);
  CHECK(count >= 16);
}

TEST_CASE("to_text writes the JsonLogic suite's rules and data as dump does", "[json]") {
  const char* env = std::getenv("JSONLOGIC_TESTS");
  const std::string path = env ? env : HIPCHECK_SOURCE_DIR "/../shared/conformance/jsonlogic/tests.json";
  std::string text;
  if (!hipcheck::read_file(path, text)) {
    WARN("skipped: the JsonLogic suite is not at " << path);
    return;
  }
  const json suite = json::parse(text, nullptr, false);
  REQUIRE(suite.is_array());
  CHECK(to_text(suite) == dumped(suite));
}

TEST_CASE("to_text writes numbers as dump does", "[json]") {
  for (const double value :
       {0.0, -0.0, 1.0, -1.0, 0.5, 30.5, 0.1, 0.2, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 100.0, 1e15, 1e16, 1e17,
        123456789012345.0, 1234567890123456.0, 1e-4, 1e-5, 0.00012, 1.5e-5, 1e21, 1e22, 1.5e300, 5e-324,
        2.2250738585072014e-308, std::numeric_limits<double>::max(), 9007199254740993.0, 72.3, 3.9999999999,
        -12.75, 1e100, 4.35, 0.3, 2.675}) {
    INFO(value);
    CHECK(as_text(value) == dumped(json(value)));
  }
  for (const std::int64_t value : {std::int64_t{0}, std::int64_t{-7}, std::int64_t{42},
                                   std::numeric_limits<std::int64_t>::min(),
                                   std::numeric_limits<std::int64_t>::max()}) {
    CHECK(to_text(json(value)) == dumped(json(value)));
  }
  CHECK(to_text(json(std::numeric_limits<std::uint64_t>::max())) == "18446744073709551615");
  // Not numbers in JSON: written as null, as dump writes them.
  CHECK(as_text(std::numeric_limits<double>::infinity()) == "null");
  CHECK(as_text(std::nan("")) == "null");
}

TEST_CASE("to_text writes any double in the fewest digits that read back as it", "[json]") {
  std::mt19937_64 random(20261126);
  for (int i = 0; i < 20000; ++i) {
    std::uint64_t bits = random();
    double value = 0;
    std::memcpy(&value, &bits, sizeof value);
    if (!std::isfinite(value)) continue;
    // Half of them short decimals, as answers and content are.
    if (i % 2) value = std::round(std::fmod(value, 1e6) * 1000) / 1000;
    const std::string ours = as_text(value);
    const std::string theirs = dumped(json(value));
    INFO(theirs);
    CHECK(hipcheck::read_double(ours.c_str(), nullptr) == value);
    CHECK(ours.size() <= theirs.size());  // dump's Grisu2 is not always the shortest
  }
}

TEST_CASE("to_text escapes control characters and keeps other text as UTF-8", "[json]") {
  CHECK(to_text(json("a\"b\\c/d")) == "\"a\\\"b\\\\c/d\"");
  CHECK(to_text(json("\b\f\n\r\t")) == "\"\\b\\f\\n\\r\\t\"");
  CHECK(to_text(json(std::string("\x01\x1f\x7f", 3))) == "\"\\u0001\\u001f\x7f\"");
  CHECK(to_text(json(std::string("\0", 1))) == "\"\\u0000\"");
  CHECK(to_text(json("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8F\x83")) == "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8F\x83\"");
  const json object = {{"z", 1}, {"a", {true, false, nullptr}}, {"m", json::object()}, {"e", json::array()}};
  CHECK(to_text(object) == "{\"a\":[true,false,null],\"e\":[],\"m\":{},\"z\":1}");
  CHECK(to_text(object) == dumped(object));
}

TEST_CASE("to_text replaces invalid UTF-8, one U+FFFD for each maximal invalid part", "[json]") {
  const std::string r = "\xEF\xBF\xBD";
  // What TextDecoder gives for the same bytes.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"a\xFF" "b", "a" + r + "b"},
      {"\xE2\x82", r},                    // cut short
      {"\xED\xA0\x80", r + r + r},        // a surrogate
      {"\xF0\x9F\x98", r},                // cut short
      {"\xC0\xAF", r + r},                // overlong
      {"\xF4\x90\x80\x80", r + r + r + r},  // over U+10FFFF
      {"\xE0\x80\x8F", r + r + r},        // overlong
      {"ok\xE2\x82" "ok", "ok" + r + "ok"},
  };
  for (const auto& [bytes, text] : cases) {
    INFO(bytes);
    CHECK(to_text(json(bytes)) == "\"" + text + "\"");
  }
  // The writer takes any bytes: what it writes always parses.
  std::mt19937 random(7);
  for (int i = 0; i < 2000; ++i) {
    std::string bytes(static_cast<std::size_t>(random() % 12), '\0');
    for (char& c : bytes) c = static_cast<char>(random());
    const auto back = hipcheck::parse_json(to_text(json(bytes)));
    CHECK(back.ok);
  }
}

namespace {

// nlohmann's own parser (sax_parse into its DOM builder), as parse_json used it before it read
// the tokens itself: the reference for the document, the error's place and its message.
struct Reference {
  bool ok = false;
  json value;
  std::size_t offset = 0;
  std::string message;
};

class RecordingSax : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  RecordingSax(json& document, Reference& out) : json_sax_dom_parser(document, false), out_(out) {}
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    out_.offset = position;
    const std::string what = ex.what();
    const auto colon = what.find(": ");
    std::string m = colon == std::string::npos ? what : what.substr(colon + 2);
    const auto syntax = m.find("syntax error while parsing value - ");
    if (syntax != std::string::npos) m = m.substr(syntax + 35);
    out_.message = m;
    return false;
  }

 private:
  Reference& out_;
};

Reference reference(const std::string& text) {
  Reference out;
  RecordingSax sax(out.value, out);
  out.ok = json::sax_parse(text, &sax, json::input_format_t::json, true);
  return out;
}

// The same values of the same types (an unsigned, a signed integer and a float compare equal).
bool same_types(const json& a, const json& b) {
  if (a.type() != b.type() || a.size() != b.size()) return false;
  if (a.is_array()) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!same_types(a[i], b[i])) return false;
    }
  }
  if (a.is_object()) {
    for (auto it = a.begin(); it != a.end(); ++it) {
      if (!b.contains(it.key()) || !same_types(it.value(), b[it.key()])) return false;
    }
  }
  return true;
}

void parses_as_nlohmann(const std::string& text) {
  const Reference expected = reference(text);
  const hipcheck::ParseResult got = hipcheck::parse_json(text);
  INFO(text.substr(0, 200));
  REQUIRE(got.ok == expected.ok);
  if (got.ok) {
    CHECK(got.value == expected.value);
    CHECK(to_text(got.value) == to_text(expected.value));  // also which duplicate key won
    CHECK(same_types(got.value, expected.value));
    // The depth read is the document's, or more where a duplicate key replaced a deeper value.
    CHECK(got.depth >= hipcheck::json_depth(got.value));
  } else {
    CHECK(got.message == expected.message);
    // The line and column of the reference's offset, counted as parse_json counts them.
    std::size_t line = 1, column = 1;
    const std::size_t end = std::min(expected.offset == 0 ? 0 : expected.offset - 1, text.size());
    for (std::size_t i = 0; i < end; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    CHECK(got.line == line);
    CHECK(got.column == column);
  }
}

}  // namespace

TEST_CASE("parse_json reads what nlohmann's parser reads, and fails where and as it fails", "[json]") {
  for (const char* text :
       {"", " ", "null", "true", "false", "0", "-0", "1.5", "-12e-3", "1e999", "-1e999", "18446744073709551615",
        "18446744073709551616", "-9223372036854775809", "\"a\\u00e9\\ud83c\\udfc3\"", "[]", "{}", "[1,2,[3,{}]]",
        "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":[true,null]},\"c\":\"d\"}", "[1,]", "[,1]", "{\"a\"}", "{\"a\":}",
        "{\"a\":1,}", "{,}", "{1:2}", "[1 2]", "{\"a\":1 \"b\":2}", "tru", "nul", "[\"\\x\"]", "\"abc",
        "\"a\x01\"", "[1]]", "{} {}", "1 2", "\xEF\xBB\xBF[1]", "\xEF\xBB[1]", "[\"\xFF\"]", "[-]", "[01]",
        "[1.]", "[.5]", "[1e]", "/* c */ 1", "{\"a\":[1,{\"b\":\n\n  x}]}", "[[[[[[]]]]]]", "]", "}", ":", ",",
        // Numbers at the edges of the quick reading (18 digits) and past it.
        "123456789012345678", "-123456789012345678", "1234567890123456789", "-9223372036854775808",
        "12345678901234567890", "[0e0,-0.0,1E+2,2e-2,0.1,-0]", "-", "--1", "-a", "1e+", "1.5e-",
        // Strings: escapes, UTF-8 of each length, and broken UTF-8 after good text.
        "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"", "\"\\u0041\"", "[\"a\\\"]", "\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x8F\x83\"",
        "\"ok\xC3\"", "\"ok\xE0\x80\x80\"", "\"ok\xED\xA0\x80\"", "\"ok\xF4\x90\x80\x80\"", "\"\x7F\"",
        "\"a\tb\"", "[\"unterminated", "{\"k\":tru}", "{\"k\":nulL}", "{\"k\":fals}", "[1,2", "{\"a\":1"}) {
    parses_as_nlohmann(text);
    const auto parsed = hipcheck::parse_json(text);  // no duplicate key replaces a deeper value
    if (parsed.ok) CHECK(parsed.depth == hipcheck::json_depth(parsed.value));
  }
  // Each control character in a string, escapes broken at each step, byte order marks, a NUL
  // (nlohmann reads it as the end), and what the lexer's record of what it read holds.
  for (int c = 0; c < 0x20; ++c) parses_as_nlohmann(std::string("[\"a") + static_cast<char>(c) + "b\"]");
  for (const char* text :
       {"\"\\ud800\"", "\"\\ud800x\"", "\"\\ud800\\x\"", "\"\\ud800\\u12\"", "\"\\ud800\\u0041\"",
        "\"\\ud800\\udbff\"", "\"\\udc00\"", "\"\\udfff \"", "\"\\u12G4\"", "\"\\u00\"", "\"\\", "\"\\u", "\"\\ud800",
        "\"\\ud800\\", "\"\\ud800\\u", "[\"\\ud83c\\udfc3\\u00e9\\u0000\\u07ff\\uffff\"]", "\"\\q\"", "\"\\U0041\"",
        "\xEF\xBB\xBF", "\xEF", "\xEF\xBB", "\xEF\xBB\xBF \xEF\xBB\xBF" "1", " \xEF\xBB\xBF" "1", "[1, tru]", "[\"x\", nul]",
        "{\"a\":-1.5e+3 x}", "[1, 2e999]", "[-1e999]", "\"x\" 1e", "[0.5e-", "\x01", "\"a\" \x01", "[\"\xF0\x9F\x8F\"]",
        "[\"\xF5\x80\"]", "[\"\xC0\xAF\"]", "[\"\xE0\x9F\xBF\"]", "[\"\xED\xBF\xBF\"]", "[\"\xF4\x90\"]"}) {
    parses_as_nlohmann(text);
  }
  parses_as_nlohmann(std::string("1\0 2", 4));
  parses_as_nlohmann(std::string("[1,\0]", 5));
  parses_as_nlohmann(std::string("\"a\0b\"", 5));
  // Every fuzz corpus and regression file, and the content itself.
  for (const char* dir : {"/tests/fuzz/corpus/parse/", "/tests/fuzz/corpus/logic/", "/tests/fuzz/corpus/state/",
                          "/tests/fuzz/regressions/parse/", "/tests/fuzz/regressions/state/", "/content/en/",
                          "/content/rules/", "/tests/scenarios/"}) {
    const std::string path = std::string(HIPCHECK_SOURCE_DIR) + dir;
    DIR* d = opendir(path.c_str());
    if (d == nullptr) continue;
    while (const dirent* entry = readdir(d)) {
      std::string text;
      if (entry->d_name[0] != '.' && hipcheck::read_file(path + entry->d_name, text)) parses_as_nlohmann(text);
    }
    closedir(d);
  }
  // Random cuts and changed bytes of a document with every kind of token.
  const std::string doc = R"({"a":[1,-2.5e3,true,false,null,"x\u00e9y",123456789012345678],"b":{"c":{}},)"
                          "\"d\":[[],[{}]],\"e\":\"\\\\\\\"/\",\"f\":\"\xC3\xA9\xF0\x9F\x8F\x83\\n\"}";
  const std::string tokens = "{}[]\",:0-e.tfn\\ \n\x01\xC3";  // characters worth inserting
  const std::string other = R"({"s":"\ud83c\udfc3 \u0041\n","n":[-0,18446744073709551615,-9223372036854775808,1e5,0.25],"t":[true,null]})";
  std::mt19937 random(5);
  for (int i = 0; i < 40000; ++i) {
    std::string text = i % 2 == 0 ? doc : other;
    for (int k = static_cast<int>(random() % 3); k >= 0; --k) {
      const std::size_t at = random() % text.size();
      switch (random() % 3) {
        case 0: text.erase(at, 1 + random() % 3); break;
        case 1: text.insert(at, 1, tokens[random() % tokens.size()]); break;
        default: text[at] = static_cast<char>(random());
      }
      if (text.empty()) text = "[";
    }
    parses_as_nlohmann(text);
  }
}

TEST_CASE("parse_json leaves out the root's members named in skip, and still checks their syntax", "[json]") {
  const auto read = hipcheck::parse_json(R"({"keep":[1,{"ui":2}],"ui":{"a":[1,2,{"b":3}]},"slides":"x","more":true})",
                                         {"ui", "slides"});
  REQUIRE(read.ok);
  CHECK(to_text(read.value) == R"({"keep":[1,{"ui":2}],"more":true})");
  CHECK(read.depth == 3);  // the skipped members are not measured
  const auto bad = hipcheck::parse_json(R"({"keep":1,"ui":{"a":[1,}})", {"ui"});
  CHECK_FALSE(bad.ok);
  CHECK(bad.message == reference(R"({"keep":1,"ui":{"a":[1,}})").message);
}
