// The official JsonLogic suite (jsonlogic.com/tests.json), read from the shared conformance folder.
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "hipcheck/json.hpp"
#include "hipcheck/logic.hpp"

namespace {

using hipcheck::json;

constexpr std::size_t kSuiteCases = 277;

std::string suite_path() {
  const char* path = std::getenv("JSONLOGIC_TESTS");
  if (path != nullptr && *path != '\0') return path;
  return HIPCHECK_SOURCE_DIR "/../shared/conformance/jsonlogic/tests.json";
}

// The same value as a JSON reader would see it: 3.0 and 3 compare equal, NaN reads as null.
json normalise(const json& value) { return hipcheck::parse_json(value.dump()).value; }

}  // namespace

TEST_CASE("every case of the official JsonLogic suite gives the expected result",
          "[logic][conformance]") {
  const std::string path = suite_path();
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    WARN("skipped: JsonLogic suite not found at " << path);
    SUCCEED();
    return;
  }
  std::ostringstream text;
  text << file.rdbuf();
  const hipcheck::ParseResult suite = hipcheck::parse_json(text.str());
  INFO("suite " << path << ": " << suite.message);
  REQUIRE(suite.ok);
  REQUIRE(suite.value.is_array());

  std::size_t run = 0;
  for (const json& test : suite.value) {
    if (test.is_string()) continue;  // a section heading
    REQUIRE(test.is_array());
    REQUIRE(test.size() == 3);
    ++run;
    INFO("case " << run << ": rule " << test[0].dump() << " with data " << test[1].dump());
    const hipcheck::logic::Outcome outcome = hipcheck::logic::apply(test[0], test[1]);
    INFO(hipcheck::describe(outcome.error));
    REQUIRE(outcome.ok);
    INFO("got " << outcome.value.dump() << ", expected " << test[2].dump());
    CHECK(normalise(outcome.value) == normalise(test[2]));
    // The same rule compiled (its common shapes evaluated directly), over the data indexed.
    hipcheck::logic::Index index;
    index.build(test[1]);
    hipcheck::logic::Budget budget;
    const hipcheck::logic::Outcome compiled =
        hipcheck::logic::Rule(test[0]).apply(test[1], budget, &index);
    REQUIRE(compiled.ok);
    CHECK(normalise(compiled.value) == normalise(test[2]));
    CHECK(compiled.work == outcome.work);
  }
  REQUIRE(run == kSuiteCases);
}
