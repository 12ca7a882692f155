// The validator evaluates every rule against worst-case answers with the runner's work budget
// (content.cpp, check_budgets): a rule that would run out is refused with logic.budget at its path.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "hipcheck/folder.hpp"
#include "hipcheck/logic.hpp"

using hipcheck::json;

namespace {

// Issue 12's 170-byte calculation: reduce over 30 items, merging the accumulator with itself.
json doubling_reduce() {
  json xs = json::array();
  for (int i = 0; i < 30; ++i) xs.push_back(i);
  return {{"reduce", {xs, {{"merge", {{{"var", "accumulator"}}, {{"var", "accumulator"}}}}}, {1}}}};
}

}  // namespace

TEST_CASE("the shipped content and the fixture run within the budget", "[content][budget]") {
  const auto shipped = hipcheck::read_content_folder(HIPCHECK_SOURCE_DIR "/content/en");
  for (const auto& e : hipcheck::load_content(shipped.bundle).errors) CHECK(e.id != "logic.budget");
  CHECK(fixture::problems(fixture::bundle()).empty());
}

TEST_CASE("a calculation that doubles a list 30 times is logic.budget at its path",
          "[content][budget]") {
  json b = fixture::bundle();
  b["calculations"].push_back({{"id", "boom"}, {"rule", doubling_reduce()}});
  const std::size_t at = b["calculations"].size() - 1;
  CHECK(hipcheck::to_text(doubling_reduce()).size() < 200);
  const auto loaded = hipcheck::load_content(b);
  REQUIRE(loaded.errors.size() == 1);
  CHECK(loaded.errors[0].id == "logic.budget");
  CHECK(loaded.errors[0].path.rfind("/calculations/" + std::to_string(at) + "/rule", 0) == 0);
  CHECK_FALSE(loaded.content);
}

TEST_CASE("every kind of rule is evaluated, each reported at its own path", "[content][budget]") {
  json b = fixture::bundle();
  b["tips"]["tips"][0]["when"] = doubling_reduce();
  b["questionnaire"]["sections"][0]["pages"][0]["items"][0]["enableWhen"] = doubling_reduce();
  b["plan"]["startFraction"] = doubling_reduce();
  const auto list = fixture::problems(b);
  REQUIRE(list.size() == 3);
  for (const auto& p : list) CHECK(p.rfind("logic.budget at ", 0) == 0);
  const auto at = [&](const std::string& path) {
    return std::any_of(list.begin(), list.end(), [&](const std::string& p) {
      return p.rfind("logic.budget at " + path + "/reduce", 0) == 0;
    });
  };
  CHECK(at("/questionnaire/sections/0/pages/0/items/0/enableWhen"));
  CHECK(at("/tips/tips/0/when"));
  CHECK(at("/plan/startFraction"));
}

TEST_CASE("a rule that explodes only on the largest answers is found", "[content][budget]") {
  // Empty (and cheap) unless weekly_now is at its largest, 300: then a list of 30 doubled 30 times.
  json b = fixture::bundle();
  json xs = json::array();
  for (int i = 0; i < 30; ++i) xs.push_back(i);
  b["calculations"].push_back(
      {{"id", "wide"},
       {"rule", {{"if", {{{">=", {{{"var", "weekly_now"}}, 300}}}, xs, json::array()}}}}});
  json boom = doubling_reduce();
  boom["reduce"][0] = {{"var", "wide"}};
  b["calculations"].push_back({{"id", "boom"}, {"rule", boom}});
  const auto list = fixture::problems(b);
  REQUIRE(list.size() == 1);
  CHECK(list[0].rfind("logic.budget at /calculations/6/rule", 0) == 0);
  // With weekly_now below 300 it never grows: nothing to refuse.
  b["calculations"][5]["rule"]["if"][0][">="][1] = 301;
  CHECK(fixture::problems(b).empty());
}

TEST_CASE("a rule with other problems is not evaluated", "[content][budget]") {
  json b = fixture::bundle();
  json rule = doubling_reduce();
  rule["reduce"][1] = {{"nope", {1}}};
  b["calculations"].push_back({{"id", "boom"}, {"rule", rule}});
  const auto list = fixture::problems(b);
  REQUIRE(list.size() == 1);
  CHECK(list[0].rfind("content.rule.invalid", 0) == 0);
}
