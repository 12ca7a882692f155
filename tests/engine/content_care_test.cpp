// care.json (src/content/care.cpp).
#include <catch2/catch.hpp>

#include "fixture.hpp"

using hipcheck::json;

TEST_CASE("the care levels must be exactly the four the product knows", "[content][care]") {
  json b = fixture::bundle();
  b["care"]["levels"].erase(2);
  CHECK(fixture::has(fixture::problems(b), "content.care.levels at /care/levels"));
}

TEST_CASE("a red flag names a known level, a rule, a reason and its sources", "[content][care]") {
  json b = fixture::bundle();
  b["care"]["flags"][0]["level"] = "later";
  b["care"]["flags"][1]["sources"] = json::array();
  b["care"]["flags"][2].erase("reason");
  CHECK(fixture::problems(b) ==
        std::vector<std::string>{"content.ref.unknown at /care/flags/0/level",
                                 "content.source.none at /care/flags/1/sources",
                                 "content.field.missing at /care/flags/2/reason"});
}
