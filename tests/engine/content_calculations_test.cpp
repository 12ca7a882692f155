// calculations.json (src/content/calculations.cpp).
#include <catch2/catch.hpp>

#include "fixture.hpp"

using hipcheck::json;

TEST_CASE("an item and a calculation cannot share an id", "[content]") {
  json b = fixture::bundle();
  b["calculations"][0]["id"] = "fall";
  REQUIRE(fixture::has(fixture::problems(b), "content.id.duplicate at /calculations/0/id"));
}

TEST_CASE("calculations that read each other in a circle are reported as a cycle", "[content]") {
  json b = fixture::bundle();
  b["calculations"][2]["rule"] = {{"var", "substantial"}};
  b["calculations"][3]["rule"] = {{">=", {{{"var", "severity"}}, 17}}};
  const auto loaded = hipcheck::load_content(b);
  REQUIRE(loaded.errors.size() == 1);
  CHECK(loaded.errors[0].id == "content.calc.cycle");
  CHECK(loaded.errors[0].path == "/calculations/2/rule");
  CHECK(loaded.errors[0].message ==
        "the calculations read each other in a circle: severity → substantial → severity");
}

TEST_CASE("a calculation that reads itself is a cycle", "[content]") {
  json b = fixture::bundle();
  b["calculations"][0]["rule"] = {{"+", {{{"var", "change_pct"}}, 1}}};
  REQUIRE(fixture::problems(b) ==
          std::vector<std::string>{"content.calc.cycle at /calculations/0/rule"});
}

TEST_CASE("calculations are ordered so each comes after what it reads", "[content][calculations]") {
  json b = fixture::bundle();
  // substantial reads severity: put it first in the file.
  std::swap(b["calculations"][2], b["calculations"][3]);
  const auto loaded = hipcheck::load_content(b);
  REQUIRE(loaded.errors.empty());
  std::vector<std::string> ids;
  for (const auto& c : loaded.content->calculations) ids.push_back(c.id);
  b["calculations"][2]["rule"] = {{">=", {{{"var", "severity"}}, 17}}};
  const auto reordered = hipcheck::load_content(b);
  REQUIRE(reordered.errors.empty());
  std::vector<std::string> order;
  for (const auto& c : reordered.content->calculations) order.push_back(c.id);
  const auto pos = [&](const std::string& id) {
    return std::find(order.begin(), order.end(), id) - order.begin();
  };
  CHECK(pos("severity") < pos("substantial"));
}

TEST_CASE("a calculation needs an id and a rule, and nothing else", "[content][calculations]") {
  json b = fixture::bundle();
  b["calculations"][0].erase("rule");
  b["calculations"][1]["formula"] = 1;
  const auto p = fixture::problems(b);
  CHECK(fixture::has(p, "content.field.unknown at /calculations/1/formula"));
  CHECK(fixture::has(p, "content.field.missing at /calculations/0/rule"));
  CHECK(p.size() == 2);
}
