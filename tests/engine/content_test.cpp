#include "hipcheck/content.hpp"

#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "hipcheck/folder.hpp"

using hipcheck::json;

TEST_CASE("the test questionnaire loads without problems", "[content]") {
  const auto loaded = hipcheck::load_content(fixture::bundle());
  REQUIRE(loaded.errors.empty());
  REQUIRE(loaded.content->items.size() == 11);
  REQUIRE(loaded.content->version.size() == 16);
  // Calculations come after what they read.
  REQUIRE(loaded.content->calculations.size() == 5);
  REQUIRE(loaded.content->pages.size() == 8);
  REQUIRE(loaded.content->stops.size() == 2);
}

TEST_CASE("the shipped English content passes every check", "[content]") {
  auto read = hipcheck::read_content_folder(HIPCHECK_SOURCE_DIR "/content/en");
  REQUIRE(read.errors.empty());
  const auto loaded = hipcheck::load_content(read.bundle);
  for (const auto& e : loaded.errors) INFO(hipcheck::describe(e));
  CHECK(loaded.errors.empty());
}

TEST_CASE("a duplicate id is reported with its path", "[content]") {
  json b = fixture::bundle();
  b["questionnaire"]["sections"][1]["pages"][0]["items"][1]["id"] = "fall";
  // The renamed item no longer answers to its old id, so the red flag that read it dangles too.
  REQUIRE(fixture::problems(b) ==
          std::vector<std::string>{
              "content.id.duplicate at /questionnaire/sections/1/pages/0/items/1/id",
              "content.ref.unknown at /questionnaire/stops/1/when",
              "content.ref.unknown at /care/flags/1/when"});
}

TEST_CASE("a rule that reads an unknown name is a dangling reference", "[content]") {
  json b = fixture::bundle();
  b["questionnaire"]["sections"][2]["pages"][1]["items"][0]["enableWhen"] = {{"var", "has_pian"}};
  REQUIRE(fixture::problems(b) ==
          std::vector<std::string>{
              "content.ref.unknown at /questionnaire/sections/2/pages/1/items/0/enableWhen"});
}

TEST_CASE("a rule that compares a choice with an option it does not have is a dangling reference",
          "[content]") {
  json b = fixture::bundle();
  b["calculations"][1]["rule"]["if"][0]["=="][1] = "miles";
  REQUIRE(fixture::problems(b) ==
          std::vector<std::string>{"content.ref.unknown at /calculations/1/rule/if/0/=="});
}

TEST_CASE("unknown sources, structures, groups, levels and placeholders are reported",
          "[content]") {
  json b = fixture::bundle();
  b["tips"]["tips"][0]["sources"][0] = "nowhere";
  b["questionnaire"]["sections"][3]["pages"][0]["items"][0]["structures"][0] = "kneecap";
  b["tips"]["tips"][1]["group"] = "shoes";
  b["care"]["flags"][0]["level"] = "later";
  b["care"]["flags"][2]["reason"] = "Pain of {{how_badly}}.";
  const auto p = fixture::problems(b);
  CHECK(fixture::has(p, "content.ref.unknown at /tips/tips/0/sources/0"));
  CHECK(fixture::has(
      p, "content.ref.unknown at /questionnaire/sections/3/pages/0/items/0/structures/0"));
  CHECK(fixture::has(p, "content.ref.unknown at /tips/tips/1/group"));
  CHECK(fixture::has(p, "content.ref.unknown at /care/flags/0/level"));
  CHECK(fixture::has(p, "content.placeholder.unknown at /care/flags/2/reason"));
  CHECK(p.size() == 5);
}

TEST_CASE("every problem in the content is reported at once", "[content]") {
  json b = fixture::bundle();
  json& q = b["questionnaire"]["sections"];
  q[0]["pages"][0]["items"][0]["options"][1]["value"] = "km";
  q[4]["pages"][0]["items"][0]["min"] = 500;
  q[4]["pages"][0]["items"][1]["type"] = "slider";
  q[1]["pages"][0]["items"][0].erase("text");
  q[1]["pages"][0]["items"][1]["enablewhen"] = true;
  b["tips"]["tips"][0]["priority"] = 500;
  b["care"]["flags"][0]["when"] = {{"is_bad", json::array()}};
  b["sources"][1]["id"] = "Nielsen 2014";
  REQUIRE(fixture::problems(b) ==
          std::vector<std::string>{
              "content.id.invalid at /sources/1/id",
              "content.option.duplicate at "
              "/questionnaire/sections/0/pages/0/items/0/options/1/value",
              "content.field.missing at /questionnaire/sections/1/pages/0/items/0/text",
              "content.field.unknown at /questionnaire/sections/1/pages/0/items/1/enablewhen",
              "content.range at /questionnaire/sections/4/pages/0/items/0",
              "content.item.type at /questionnaire/sections/4/pages/0/items/1/type",
              "content.range at /tips/tips/0/priority",
              // "mi" is no longer an option of "units"
              "content.ref.unknown at /calculations/1/rule/if/0/==",
              "content.rule.invalid at /care/flags/0/when",
              "content.ref.unknown at /tips/tips/1/sources/1",
          });
}

TEST_CASE("a missing file and a wrong schema version are reported", "[content]") {
  json b = fixture::bundle();
  b.erase("plan");
  b["meta"]["schemaVersion"] = 2;
  const auto p = fixture::problems(b);
  CHECK(fixture::has(p, "content.file.missing at /plan"));
  CHECK(fixture::has(p, "content.schema.version at /meta/schemaVersion"));
}

TEST_CASE("content that is not an object at all is an error, not a crash", "[content]") {
  for (const json& b : {json(nullptr), json(42), json::array(), json("text")}) {
    REQUIRE(fixture::problems(b) == std::vector<std::string>{"content.type at "});
  }
  json b = fixture::bundle();
  b["questionnaire"] = json::array();
  b["care"]["flags"] = "none";
  b["sources"][0] = 7;
  const auto p = fixture::problems(b);
  CHECK(fixture::has(p, "content.type at /questionnaire"));
  CHECK(fixture::has(p, "content.type at /care/flags"));
  CHECK(fixture::has(p, "content.type at /sources/0"));
}

TEST_CASE("a content file with a syntax error is reported with its line and column", "[content]") {
  auto read = hipcheck::read_content_folder(HIPCHECK_SOURCE_DIR "/tests/engine/broken");
  REQUIRE(read.errors.size() == 1);
  CHECK(read.errors[0].id == "json.syntax");
  CHECK(read.errors[0].path == "/meta");
  CHECK(read.errors[0].message.rfind("meta.json line 3, column 13: ", 0) == 0);
}
