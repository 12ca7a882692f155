// plan.json (src/content/plan.cpp).
#include <catch2/catch.hpp>

#include "fixture.hpp"

using hipcheck::json;

TEST_CASE("the plan's distances name items or calculations", "[content][plan]") {
  json b = fixture::bundle();
  b["plan"]["weeklyDistance"] = "weekly_now";  // an item
  CHECK(fixture::problems(b).empty());
  b["plan"]["weeklyDistance"] = "plan_base";  // a calculation
  b["plan"]["longestRun"] = "longest_run";
  CHECK(fixture::problems(b) ==
        std::vector<std::string>{"content.ref.unknown at /plan/longestRun"});
}

TEST_CASE("the plan's increases and weeks are bounded", "[content][plan]") {
  json b = fixture::bundle();
  b["plan"]["weeklyIncrease"] = 0.6;
  b["plan"]["weeks"] = 27;
  b["plan"]["stopRule"] = "";
  CHECK(fixture::problems(b) == std::vector<std::string>{"content.range at /plan/weeks",
                                                         "content.range at /plan/weeklyIncrease",
                                                         "content.type at /plan/stopRule"});
}

TEST_CASE("walkRun has a rule, weeks that fit the plan and a text", "[content][plan]") {
  json b = fixture::bundle();
  b["plan"]["walkRun"] = {{"when", {{"var", "nothing"}}}, {"weeks", 7}, {"note", "x"}};
  CHECK(fixture::problems(b) ==
        std::vector<std::string>{"content.field.unknown at /plan/walkRun/note",
                                 "content.range at /plan/walkRun/weeks",
                                 "content.field.missing at /plan/walkRun/text",
                                 "content.ref.unknown at /plan/walkRun/when"});
  b["plan"].erase("walkRun");
  CHECK(fixture::problems(b).empty());
}
