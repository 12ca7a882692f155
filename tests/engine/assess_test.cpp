#include "hipcheck/assess.hpp"

#include <catch2/catch.hpp>

#include "fixture.hpp"

using hipcheck::json;
using hipcheck::Session;

namespace {

json result_for(const json& answers) {
  Session s(fixture::content());
  fixture::walk(s, answers);
  return hipcheck::assess(s);
}

json base(const json& changes) {
  json a = {{"units", "km"},    {"fall", false},       {"night_pain", false}, {"has_pain", false},
            {"weekly_now", 20}, {"weekly_before", 20}, {"longest", 8}};
  if (changes.is_object()) a.update(changes);  // base({}) passes null
  return a;
}

}  // namespace

TEST_CASE("with no red flag the care level is self-care", "[result][care]") {
  const json r = result_for(base({}));
  CHECK(r["care"]["level"] == "selfcare");
  CHECK(r["care"]["title"] == "Look after it yourself");
  CHECK(r["care"]["flags"].empty());
  CHECK(r["complete"] == true);
}

TEST_CASE("the most urgent red flag sets the care level, and every flag is listed with its reason",
          "[result][care]") {
  const json r = result_for({{"units", "km"},
                             {"fall", false},
                             {"night_pain", true},
                             {"has_pain", true},
                             {"where", {"front"}},
                             {"how_bad", 8},
                             {"ostrc_part", 25},
                             {"weekly_now", 20},
                             {"weekly_before", 20},
                             {"longest", 8}});
  CHECK(r["care"]["level"] == "urgent");
  REQUIRE(r["care"]["flags"].size() == 2);
  CHECK(r["care"]["flags"][0]["id"] == "night_pain");
  CHECK(r["care"]["flags"][1] == json({{"id", "bad_pain"},
                                       {"level", "soon"},
                                       {"reason", "Your pain is 8 / 10."},
                                       {"sources", {"article"}}}));
  const json e = result_for(base({{"fall", true}}));
  CHECK(e["care"]["level"] == "emergency");
}

TEST_CASE("causes are scored, levelled, ranked and explained by the answers that raised them",
          "[result][causes]") {
  const json r = result_for(base({{"weekly_now", 30}, {"weekly_before", 20}}));
  REQUIRE(r["causes"].size() == 4);
  const json& top = r["causes"][0];
  CHECK(top["id"] == "overuse");
  CHECK(top["score"] == 50);
  CHECK(top["level"] == "some");
  REQUIRE(top["factors"].size() == 1);
  CHECK(top["factors"][0]["reason"] == "Your weekly distance went up about 50 % in four weeks.");
  CHECK(top["factors"][0]["answers"] ==
        json::array({{{"item", "weekly_now"},
                      {"question", "How far do you run a week now?"},
                      {"display", "30 km"}},
                     {{"item", "weekly_before"},
                      {"question", "How far a week four weeks ago?"},
                      {"display", "20 km"}}}));
  // Ties keep the content's order.
  CHECK(r["causes"][1]["id"] == "footwear");
  CHECK(r["causes"][1]["score"] == 0);
  CHECK(r["causes"][1]["level"] == "low");
}

TEST_CASE("a cause's score is capped at 100 and reaches 'high'", "[result][causes]") {
  const json r = result_for(base({{"units", "mi"}, {"weekly_now", 60}, {"weekly_before", 20}}));
  CHECK(r["causes"][0]["score"] == 70);
  CHECK(r["causes"][0]["level"] == "high");
  CHECK(r["causes"][0]["factors"][1]["reason"] == "You run 60 miles a week.");
}

TEST_CASE("tips that apply are ranked by priority plus their cause's score", "[result][tips]") {
  const json r = result_for(base({{"weekly_now", 30}, {"weekly_before", 20}}));
  REQUIRE(r["tips"].size() == 2);
  CHECK(r["tips"][0] == json({{"id", "ten_percent"},
                              {"group", "overuse"},
                              {"groupLabel", "Overuse"},
                              {"score", 90},
                              {"text", "Add no more than about 10 % a week."},
                              {"because", "Your distance went up 50 %."},
                              {"sources", {"article", "nielsen"}}}));
  CHECK(r["tips"][1]["id"] == "check_shoes");
  CHECK(r["tips"][1]["score"] == 10);
  // Every cited source is listed once, in full.
  REQUIRE(r["sources"].size() == 2);
  CHECK(r["sources"][1]["title"] ==
        "Excessive progression in weekly running distance and risk of running-related injuries");
}

TEST_CASE("a missing value in a 'because' text reads as not given", "[result][tips]") {
  const json r =
      result_for({{"units", "km"}, {"fall", false}, {"night_pain", false}, {"has_pain", true}});
  CHECK(r["complete"] == false);
  CHECK(r["tips"][0]["because"] == "You said you have pain (not given).");
}

namespace {

// Every week of a plan: a whole or half unit, never above the base week, rising by at most 10 %
// a week, or by half a unit after a week that stayed where it was (a small week, where 10 % is
// under half a unit); the long run never above the base long run and never more than 10 % over the
// longest of the four weeks before.
void check_plan_rules(const json& plan, double base, double long_base) {
  double last = 0, before_last = 0;
  std::vector<double> longs = {long_base};
  for (const auto& w : plan["weeks"]) {
    const double d = w["distance"].get<double>();
    INFO("week " << w["week"]);
    CHECK(d * 2 == std::floor(d * 2));
    CHECK(d <= base);
    if (last > 0) CHECK((d <= last * 1.1 + 1e-9 || (d == last + 0.5 && before_last == last)));
    before_last = last;
    last = d;
    if (w["longestRun"].is_null()) continue;
    const double l = w["longestRun"].get<double>();
    CHECK(l * 2 == std::floor(l * 2));
    CHECK(l <= long_base);
    const auto from = longs.size() > 4 ? longs.end() - 4 : longs.begin();
    CHECK(l <= *std::max_element(from, longs.end()) * 1.1 + 1e-9);
    longs.push_back(l);
  }
}

}  // namespace

TEST_CASE("without pain the plan holds the base week and long run", "[result][plan]") {
  const json r = result_for(base({{"weekly_now", 20}, {"longest", 8}}));
  const json& plan = r["plan"];
  REQUIRE(plan.is_object());
  CHECK(plan["unit"] == "km");
  CHECK(plan["start"] == 20.0);
  CHECK(plan["target"] == 20.0);
  CHECK(plan["walkRun"].is_null());
  const json& weeks = plan["weeks"];
  REQUIRE(weeks.size() == 6);
  CHECK(weeks[0] ==
        json({{"week", 1}, {"distance", 20.0}, {"longestRun", 8.0}, {"walkRun", false}}));
  CHECK(weeks[5] ==
        json({{"week", 6}, {"distance", 20.0}, {"longestRun", 8.0}, {"walkRun", false}}));
  check_plan_rules(plan, 20, 8);
}

TEST_CASE("after a jump the plan starts from the week before it and never goes above it",
          "[result][plan]") {
  // 25 km four weeks ago, 40 now: the base is 25 (plan_base, a calculation), halved with pain.
  const json r = result_for({{"units", "km"},
                             {"fall", false},
                             {"night_pain", false},
                             {"has_pain", true},
                             {"where", {"side"}},
                             {"how_bad", 3},
                             {"ostrc_part", 8},
                             {"weekly_now", 40},
                             {"weekly_before", 25},
                             {"longest", 15}});
  const json& plan = r["plan"];
  REQUIRE(plan.is_object());
  CHECK(plan["start"] == 12.5);
  CHECK(plan["target"] == 25.0);
  std::vector<double> d;
  for (const auto& w : plan["weeks"]) d.push_back(w["distance"].get<double>());
  CHECK(d == std::vector<double>{12.5, 13.5, 14.5, 15.5, 17, 18.5});
  check_plan_rules(plan, 25, 15);
}

TEST_CASE("a plan climbs back to the base week in halves and stays there", "[result][plan]") {
  const json p = hipcheck::plan_weeks(30, json(12), 0.5, 10, 0.1, 0.1);
  CHECK(p["start"] == 15.0);
  CHECK(p["target"] == 30.0);
  std::vector<double> d, l;
  for (const auto& w : p["weeks"]) {
    d.push_back(w["distance"].get<double>());
    l.push_back(w["longestRun"].get<double>());
  }
  CHECK(d == std::vector<double>{15, 16.5, 18, 19.5, 21, 23, 25, 27.5, 30, 30});
  // The long run keeps the runner's share of the week (12 of 30 km), rounded down to halves.
  CHECK(l == std::vector<double>{6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10, 11});
  check_plan_rules(p, 30, 12);
  // A small week, where 10 % is under half a unit, still climbs back: a half unit every two weeks.
  const json small = hipcheck::plan_weeks(5, json(3), 0.7, 8, 0.1, 0.1);
  std::vector<double> s;
  for (const auto& w : small["weeks"]) s.push_back(w["distance"].get<double>());
  CHECK(s == std::vector<double>{3.5, 3.5, 4, 4, 4.5, 4.5, 5, 5});
  check_plan_rules(small, 5, 3);
  // Odd distances round down: 26.2 is never shown.
  const json q = hipcheck::plan_weeks(26.2, json(21.1), 1, 3, 0.1, 0.1);
  CHECK(q["weeks"][0]["distance"] == 26.0);
  CHECK(q["weeks"][0]["longestRun"] == 20.5);  // its share (21.1 of 26.2) of 26, rounded down
  check_plan_rules(q, 26.2, 21.1);
  CHECK(hipcheck::plan_weeks(3, json(), 0.5, 2, 0.1, 0.1)["weeks"][0]["longestRun"].is_null());
}

TEST_CASE("the long run is capped at the base long run", "[result][plan]") {
  // A long run longer than the whole base week keeps to the base long run.
  const json p = hipcheck::plan_weeks(10, json(12), 1, 4, 0.1, 0.1);
  for (const auto& w : p["weeks"]) CHECK(w["longestRun"].get<double>() <= 10.0);
  check_plan_rules(p, 10, 12);
}

TEST_CASE("walk-run weeks come first when the content's walkRun rule holds", "[result][plan]") {
  const json r = result_for({{"units", "km"},
                             {"fall", false},
                             {"night_pain", false},
                             {"has_pain", true},
                             {"where", {"side"}},
                             {"how_bad", 6},
                             {"ostrc_part", 8},
                             {"weekly_now", 20},
                             {"weekly_before", 20},
                             {"longest", 8}});
  const json& plan = r["plan"];
  CHECK(plan["walkRun"] == json({{"weeks", 2}, {"text", "Walk and run for the first 2 weeks."}}));
  CHECK(plan["weeks"][0]["walkRun"] == true);
  CHECK(plan["weeks"][1]["walkRun"] == true);
  CHECK(plan["weeks"][2]["walkRun"] == false);
}

TEST_CASE("the plan exists only when the content's plan rule holds", "[result][plan]") {
  json b = fixture::bundle();
  b["plan"]["when"] = {{"!", {{"var", "has_pain"}}}};
  const auto loaded = hipcheck::load_content(b);
  REQUIRE(loaded.errors.empty());
  Session s(loaded.content);
  fixture::walk(s,
                base({{"has_pain", true}, {"where", {"side"}}, {"how_bad", 2}, {"ostrc_part", 0}}));
  CHECK(hipcheck::assess(s)["plan"].is_null());
}

TEST_CASE("the plan is left out when the weekly distance is not known", "[result][plan]") {
  CHECK(result_for(base({{"weekly_now", "not-sure"}}))["plan"].is_null());
  CHECK(result_for(base({{"weekly_now", 0}}))["plan"].is_null());
  // Under half a unit rounds down to nothing.
  json b = fixture::bundle();
  for (auto& item : b["questionnaire"]["sections"][4]["pages"][0]["items"]) item["step"] = 0.1;
  const auto loaded = hipcheck::load_content(b);
  REQUIRE(loaded.errors.empty());
  Session s(loaded.content);
  fixture::walk(s, base({{"weekly_now", 0.4}, {"weekly_before", 0.4}}));
  REQUIRE(s.complete());
  CHECK(hipcheck::assess(s)["plan"].is_null());
}

TEST_CASE("the severity score comes from the participation block", "[result]") {
  CHECK(result_for(base({}))["severity"].is_null());
  const json r = result_for({{"units", "km"},
                             {"fall", false},
                             {"night_pain", false},
                             {"has_pain", true},
                             {"where", {"side"}},
                             {"how_bad", 3},
                             {"ostrc_part", 17}});
  CHECK(r["severity"] == json({{"score", 17}, {"substantial", true}}));
}

TEST_CASE("the result carries the disclaimer and the review record", "[result]") {
  const json r = result_for(base({}));
  CHECK(r["format"] == "hipcheck.result");
  CHECK(r["disclaimer"] == "This is a test.");
  CHECK(r["reviewed"]["by"] == "The engine's tests");
}

TEST_CASE("the quiz hides the answers and scores them with topics to revisit", "[quiz]") {
  const auto c = fixture::content();
  const json q = hipcheck::quiz(*c);
  CHECK_FALSE(q["questions"][0]["options"][0].contains("correct"));
  std::optional<hipcheck::Error> e;
  json scored = hipcheck::score_quiz(*c, {{"q_ball", "hinge"}}, e);
  REQUIRE_FALSE(e);
  CHECK(scored["score"] == 0);
  CHECK(scored["total"] == 1);
  CHECK(scored["questions"][0]["feedback"] == "No, that is the knee.");
  CHECK(scored["revisit"][0]["lesson"] == "lesson_ball");
  scored = hipcheck::score_quiz(*c, {{"q_ball", "ball"}}, e);
  CHECK(scored["score"] == 1);
  CHECK(scored["revisit"].empty());
  hipcheck::score_quiz(*c, {{"q_knee", "ball"}}, e);
  CHECK(e->id == "quiz.question.unknown");
  hipcheck::score_quiz(*c, {{"q_ball", "pivot"}}, e);
  CHECK(e->id == "quiz.option.unknown");
}
