// hipcheck::to_text, the engine's own JSON writer, against nlohmann's dump(): the same text for the
// content, the scenarios, the JsonLogic suite and awkward values, so the engine's outputs and the
// content's version did not change when the wasm module stopped linking nlohmann's serializer.
#include <catch2/catch.hpp>

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
