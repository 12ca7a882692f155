#include "hipcheck/session.hpp"

#include <catch2/catch.hpp>

#include "fixture.hpp"

using hipcheck::json;
using hipcheck::Session;

namespace {

std::string current_id(const Session& s) {
  const json page = s.current();
  return page["status"] == "question" ? page["item"]["id"].get<std::string>() : "complete";
}

void answer_all(Session& s, const json& answers) {
  for (const auto& [id, value] : fixture::in_order(s.content(), answers)) {
    const auto e = s.answer(id, value);
    INFO(id << ": " << (e ? e->id : "ok"));
    REQUIRE_FALSE(e);
  }
}

const json kPainless = {{"units", "km"},       {"fall", false},       {"night_pain", false},
                        {"has_pain", false},   {"lesson_ball", true}, {"weekly_now", 20},
                        {"weekly_before", 10}, {"longest", 8}};

}  // namespace

TEST_CASE("a new session starts at the first item", "[session]") {
  Session s(fixture::content());
  const json page = s.current();
  CHECK(page["status"] == "question");
  CHECK(page["item"]["id"] == "units");
  CHECK(page["section"]["id"] == "start");
  CHECK(page["canGoBack"] == false);
  CHECK(page["progress"]["position"] == 1);
  CHECK_FALSE(page.contains("answer"));
}

TEST_CASE("items whose enableWhen is false are skipped", "[session]") {
  Session s(fixture::content());
  answer_all(s, {{"units", "km"}, {"fall", false}, {"night_pain", false}, {"has_pain", false}});
  CHECK(current_id(s) == "lesson_ball");
  CHECK(s.current()["progress"]["total"] == 8);
}

TEST_CASE("a number item shows the runner's own distance unit", "[session]") {
  Session s(fixture::content());
  answer_all(s, {{"units", "mi"},
                 {"fall", false},
                 {"night_pain", false},
                 {"has_pain", false},
                 {"lesson_ball", true}});
  CHECK(s.current()["item"]["unit"] == "mi");
  CHECK_FALSE(s.current()["item"].contains("enableWhen"));
}

TEST_CASE("a bad answer is rejected with an error id and changes nothing", "[session]") {
  Session s(fixture::content());
  answer_all(s, {{"units", "km"}, {"fall", false}, {"night_pain", false}, {"has_pain", true}});
  const json before = s.state();
  struct Case {
    const char* item;
    json value;
    const char* id;
  };
  const std::vector<Case> cases = {
      {"nonsense", true, "answer.item.unknown"},
      {"units", "yards", "answer.option.unknown"},
      {"units", json::array({"km"}), "answer.type"},
      {"fall", "yes", "answer.type"},
      {"where", json::array(), "answer.empty"},
      {"where", "front", "answer.type"},
      {"where", {"front", "front"}, "answer.duplicate"},
      {"where", {"front", "unsure"}, "answer.exclusive"},
      {"where", {"knee"}, "answer.option.unknown"},
      {"how_bad", 11, "answer.range"},
      {"how_bad", 2.5, "answer.step"},
      {"how_bad", "not-sure", "answer.type"},
      {"ostrc_part", "8", "answer.option.unknown"},
  };
  for (const auto& c : cases) {
    const auto e = s.answer(c.item, c.value);
    INFO(c.item << " = " << c.value.dump());
    REQUIRE(e);
    CHECK(e->id == c.id);
    CHECK(e->path == std::string("/") + c.item);
    CHECK(s.state() == before);
  }
}

TEST_CASE("numbers must sit on the item's step and range, and 'not sure' only where allowed",
          "[session]") {
  Session s(fixture::content());
  answer_all(s, kPainless);
  CHECK_FALSE(s.answer("weekly_now", 20.5));
  CHECK(s.answer("weekly_now", 20.25)->id == "answer.step");
  CHECK(s.answer("weekly_now", -1)->id == "answer.range");
  CHECK(s.answer("weekly_now", 300.5)->id == "answer.range");
  CHECK_FALSE(s.answer("weekly_now", "not-sure"));
  CHECK(s.answer("longest", "not-sure")->id == "answer.type");
  CHECK(s.answer("lesson_ball", false)->id == "answer.lesson");
}

TEST_CASE("answering moves on, and back returns to the previous shown item", "[session]") {
  Session s(fixture::content());
  answer_all(s, {{"units", "km"}, {"fall", false}, {"night_pain", false}, {"has_pain", false}});
  REQUIRE(current_id(s) == "lesson_ball");
  REQUIRE_FALSE(s.back());
  CHECK(current_id(s) == "has_pain");
  CHECK(s.current()["answer"] == false);
  REQUIRE_FALSE(s.back());
  REQUIRE_FALSE(s.back());
  REQUIRE_FALSE(s.back());
  CHECK(current_id(s) == "units");
  const auto e = s.back();
  REQUIRE(e);
  CHECK(e->id == "session.back.at-start");
  CHECK(current_id(s) == "units");
}

TEST_CASE("changing an earlier answer drops the answers of items it hides", "[session]") {
  Session s(fixture::content());
  answer_all(s, {{"units", "km"},
                 {"fall", false},
                 {"night_pain", false},
                 {"has_pain", true},
                 {"where", {"front"}},
                 {"how_bad", 4},
                 {"ostrc_part", 8}});
  REQUIRE(s.answers().contains("where"));
  REQUIRE_FALSE(s.go_to("has_pain"));
  REQUIRE_FALSE(s.answer("has_pain", false));
  CHECK_FALSE(s.answers().contains("where"));
  CHECK_FALSE(s.answers().contains("how_bad"));
  CHECK_FALSE(s.answers().contains("ostrc_part"));
  CHECK(current_id(s) == "lesson_ball");
}

TEST_CASE("going back and answering again moves to the next item, keeping later answers",
          "[session]") {
  Session s(fixture::content());
  answer_all(s, kPainless);
  REQUIRE(current_id(s) == "complete");
  REQUIRE_FALSE(s.go_to("units"));
  REQUIRE_FALSE(s.answer("units", "mi"));
  CHECK(current_id(s) == "fall");
  CHECK(s.current()["answer"] == false);
  CHECK(s.answers()["weekly_now"] == 20);
  CHECK(s.complete());
}

TEST_CASE("a change that reveals a new question leads to it", "[session]") {
  Session s(fixture::content());
  answer_all(s, kPainless);
  REQUIRE_FALSE(s.go_to("has_pain"));
  REQUIRE_FALSE(s.answer("has_pain", true));
  CHECK(current_id(s) == "where");
  CHECK_FALSE(s.complete());
  CHECK(s.review()["complete"] == false);
}

TEST_CASE("go_to refuses an unknown or hidden item", "[session]") {
  Session s(fixture::content());
  CHECK(s.go_to("where")->id == "answer.item.hidden");
  CHECK(s.go_to("elsewhere")->id == "answer.item.unknown");
  CHECK(current_id(s) == "units");
}

TEST_CASE("the review lists every shown answer with its label, by section, without lessons",
          "[session]") {
  Session s(fixture::content());
  answer_all(s, {{"units", "mi"},
                 {"fall", false},
                 {"night_pain", true},
                 {"has_pain", true},
                 {"where", {"front", "side"}},
                 {"how_bad", 6},
                 {"ostrc_part", 17},
                 {"lesson_ball", true},
                 {"weekly_now", 12.5},
                 {"weekly_before", "not-sure"},
                 {"longest", 6}});
  const json r = s.review();
  CHECK(r["complete"] == true);
  REQUIRE(r["sections"].size() == 4);
  CHECK(r["sections"][0]["answers"][0] == json({{"item", "units"},
                                                {"question", "Which unit do you use?"},
                                                {"value", "mi"},
                                                {"display", "Miles"}}));
  CHECK(r["sections"][1]["answers"][1]["display"] == "Yes");
  const json& pain = r["sections"][2]["answers"];
  CHECK(pain[1]["display"] == "Front, Side");
  CHECK(pain[2]["display"] == "6 / 10");
  CHECK(pain[3]["display"] == "With a lot less");
  const json& load = r["sections"][3]["answers"];
  CHECK(r["sections"][3]["id"] == "load");
  CHECK(load[0]["display"] == "12.5 miles");
  CHECK(load[1]["display"] == "Not sure");
}

TEST_CASE("progress counts only shown items", "[session]") {
  Session s(fixture::content());
  answer_all(s, kPainless);
  const json page = s.current();
  CHECK(page["status"] == "complete");
  CHECK(page["progress"] ==
        json({{"position", 8}, {"total", 8}, {"answered", 8}, {"percent", 100}}));
}

TEST_CASE("a session saves to versioned JSON and restores exactly", "[session][state]") {
  Session s(fixture::content());
  answer_all(s, {{"units", "km"},
                 {"fall", false},
                 {"night_pain", false},
                 {"has_pain", true},
                 {"where", {"side"}}});
  const json saved = s.state();
  CHECK(saved["format"] == "hipcheck.state");
  CHECK(saved["version"] == 1);
  CHECK(saved["cursor"] == "how_bad");
  Session t(fixture::content());
  REQUIRE_FALSE(t.restore(saved));
  CHECK(t.state() == saved);
  CHECK(current_id(t) == "how_bad");
}

TEST_CASE("a tampered saved state is rejected and nothing changes", "[session][state]") {
  Session s(fixture::content());
  answer_all(s, kPainless);
  const json good = s.state();
  Session t(fixture::content());
  REQUIRE_FALSE(t.answer("units", "mi"));
  const json before = t.state();
  struct Case {
    std::string name;
    json state;
    std::string id;
  };
  std::vector<Case> cases;
  cases.push_back({"not an object", json::array(), "state.malformed"});
  json c = good;
  c["format"] = "other";
  cases.push_back({"format", c, "state.format"});
  c = good;
  c["version"] = 99;
  cases.push_back({"version", c, "state.version"});
  c = good;
  c["content"]["version"] = "0000000000000000";
  cases.push_back({"content", c, "state.content"});
  c = good;
  c["answers"] = "all";
  cases.push_back({"answers", c, "state.malformed"});
  c = good;
  c["answers"]["weekly_now"] = 9999;
  cases.push_back({"range", c, "state.answer.invalid"});
  c = good;
  c["answers"]["where"] = {"front"};
  cases.push_back({"hidden", c, "state.answer.hidden"});
  c = good;
  c["answers"]["shoe_size"] = 9;
  cases.push_back({"unknown", c, "state.answer.unknown"});
  c = good;
  c["cursor"] = "where";
  cases.push_back({"cursor", c, "state.cursor"});
  c = good;
  c["cursor"] = 3;
  cases.push_back({"cursor type", c, "state.cursor"});
  for (const auto& k : cases) {
    INFO(k.name);
    const auto e = t.restore(k.state);
    REQUIRE(e);
    CHECK(e->id == k.id);
    CHECK(t.state() == before);
  }
}

TEST_CASE("a section's enableWhen hides every item in it", "[session]") {
  json b = fixture::bundle();
  b["questionnaire"]["sections"][4]["enableWhen"] = {{"!", {{"var", "fall"}}}};
  const auto loaded = hipcheck::load_content(b);
  REQUIRE(loaded.errors.empty());
  Session s(loaded.content);
  answer_all(s, {{"units", "km"},
                 {"fall", true},
                 {"night_pain", false},
                 {"has_pain", false},
                 {"lesson_ball", true}});
  CHECK(current_id(s) == "complete");
  REQUIRE_FALSE(s.go_to("fall"));
  REQUIRE_FALSE(s.answer("fall", false));
  REQUIRE_FALSE(s.go_to("lesson_ball"));
  REQUIRE_FALSE(s.answer("lesson_ball", true));
  CHECK(current_id(s) == "weekly_now");
}

TEST_CASE("a section's enableWhen may not read the section's own items", "[content]") {
  json b = fixture::bundle();
  b["questionnaire"]["sections"][2]["enableWhen"] = {{"var", "has_pain"}};
  const auto problems = fixture::problems(b);
  CHECK(fixture::has(problems,
                     "content.ref.forward at /questionnaire/sections/2/items/0/enableWhen"));
}
