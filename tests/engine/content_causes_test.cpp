// causes.json (src/content/causes.cpp).
#include <catch2/catch.hpp>

#include "fixture.hpp"

using hipcheck::json;

TEST_CASE("the causes must be exactly the four the product knows", "[content][causes]") {
  json b = fixture::bundle();
  b["causes"]["causes"][3]["id"] = "stretching";
  CHECK(fixture::has(fixture::problems(b), "content.causes at /causes/causes"));
}

TEST_CASE("score levels are ordered and factor points bounded", "[content][causes]") {
  json b = fixture::bundle();
  b["causes"]["levels"]["some"] = 70;
  b["causes"]["causes"][0]["factors"][1]["points"] = 0;
  b["causes"]["causes"][1]["factors"][0]["id"] = "Pain front";
  CHECK(fixture::problems(b) ==
        std::vector<std::string>{"content.range at /causes/levels",
                                 "content.range at /causes/causes/0/factors/1/points",
                                 "content.id.invalid at /causes/causes/1/factors/0/id"});
}
