#include "hipcheck/assess.hpp"

#include <catch2/catch.hpp>

#include "fixture.hpp"

using hipcheck::json;
using hipcheck::Session;

namespace {

json result_for(const json& answers) {
  Session s(fixture::content());
  for (const auto& [id, value] : fixture::in_order(s.content(), answers))
    REQUIRE_FALSE(s.answer(id, value));
  return hipcheck::assess(s);
}

json base(const json& changes) {
  json a = {{"units", "km"},       {"fall", false},    {"night_pain", false}, {"has_pain", false},
            {"lesson_ball", true}, {"weekly_now", 20}, {"weekly_before", 20}, {"longest", 8}};
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
                             {"lesson_ball", true},
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
  json a = {{"units", "km"}, {"fall", false}, {"night_pain", false}, {"has_pain", true}};
  Session s(fixture::content());
  for (const auto& [id, value] : fixture::in_order(s.content(), a))
    REQUIRE_FALSE(s.answer(id, value));
  const json r = hipcheck::assess(s);
  CHECK(r["complete"] == false);
  CHECK(r["tips"][0]["because"] == "You said you have pain (not given).");
}

TEST_CASE("the plan rises by at most 10 % a week and caps the longest run", "[result][plan]") {
  const json r = result_for(base({{"weekly_now", 20}, {"longest", 8}}));
  const json& plan = r["plan"];
  REQUIRE(plan.is_object());
  CHECK(plan["unit"] == "km");
  CHECK(plan["start"] == 20.0);
  CHECK(plan["target"].is_null());
  const json& weeks = plan["weeks"];
  REQUIRE(weeks.size() == 6);
  // The longest run keeps its share of the week (8 of 20 km) and rises no faster than 10 %.
  CHECK(weeks[0] == json({{"week", 1}, {"distance", 20.0}, {"longestRun", 8.0}}));
  CHECK(weeks[1] == json({{"week", 2}, {"distance", 22.0}, {"longestRun", 8.8}}));
  CHECK(weeks[2] == json({{"week", 3}, {"distance", 24.2}, {"longestRun", 9.6}}));
  for (std::size_t i = 1; i < weeks.size(); ++i) {
    CHECK(weeks[i]["distance"].get<double>() <=
          weeks[i - 1]["distance"].get<double>() * 1.1 + 1e-9);
    CHECK(weeks[i]["longestRun"].get<double>() <=
          weeks[i - 1]["longestRun"].get<double>() * 1.1 + 1e-9);
  }
}

TEST_CASE("after a cut-back the plan climbs back to the old weekly distance and no further",
          "[result][plan]") {
  const json p = hipcheck::plan_weeks(30, json(12), 0.5, 10, 0.1, 0.1);
  CHECK(p["start"] == 15.0);
  CHECK(p["target"] == 30.0);
  std::vector<double> d;
  for (const auto& w : p["weeks"]) d.push_back(w["distance"].get<double>());
  CHECK(d == std::vector<double>{15, 16.5, 18.1, 19.9, 21.8, 23.9, 26.2, 28.8, 30, 30});
  // The longest run keeps the runner's own share of the week (12 of 30 km) and rises by at most
  // 10 % a week: from week 5 that cap is the tighter one.
  std::vector<double> l;
  for (const auto& w : p["weeks"]) l.push_back(w["longestRun"].get<double>());
  CHECK(l == std::vector<double>{6, 6.6, 7.2, 7.9, 8.6, 9.4, 10.3, 11.3, 12, 12});
  CHECK(hipcheck::plan_weeks(3, json(), 0.5, 2, 0.1, 0.1)["weeks"][0]["longestRun"].is_null());
}

TEST_CASE("the plan is left out when the weekly distance is not known", "[result][plan]") {
  CHECK(result_for(base({{"weekly_now", "not-sure"}}))["plan"].is_null());
  CHECK(result_for(base({{"weekly_now", 0}}))["plan"].is_null());
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
