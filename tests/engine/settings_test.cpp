// Settings: quick mode (content rules read settings.mode) and lessons on or off (an engine rule).
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "hipcheck/session.hpp"

using fixture::walk;
using fixture::where;
using hipcheck::json;
using hipcheck::Session;

namespace {

const json kPainless = {{"units", "km"},     {"fall", false},    {"night_pain", false},
                        {"has_pain", false}, {"weekly_now", 20}, {"weekly_before", 10},
                        {"longest", 8}};

}  // namespace

TEST_CASE("settings default to the full check with lessons", "[settings]") {
  Session s(fixture::content());
  CHECK(s.settings() == json({{"mode", "full"}, {"lessons", true}}));
  CHECK(s.data()["settings"] == s.settings());
  CHECK(walk(s, kPainless) == std::vector<std::string>{"about", "safety_grid", "pain_screen",
                                                       "lesson_ball_page", "load_weekly",
                                                       "load_long"});
}

TEST_CASE("quick mode leaves out what the content gates on settings.mode", "[settings]") {
  Session s(fixture::content());
  REQUIRE_FALSE(s.start({{"mode", "quick"}}));
  CHECK(s.current()["progress"]["total"] == 5);
  CHECK(walk(s, kPainless) == std::vector<std::string>{"about", "safety_grid", "pain_screen",
                                                       "load_weekly", "load_long"});
  CHECK(s.complete());
  // Quick to full mid-check: the new page is asked, and the check is no longer complete.
  REQUIRE_FALSE(s.configure({{"mode", "full"}}));
  CHECK_FALSE(s.complete());
  CHECK(where(s) == "lesson_ball_page");
}

TEST_CASE("lessons off hides every lesson page and drops its answer", "[settings]") {
  Session s(fixture::content());
  REQUIRE_FALSE(s.start({{"lessons", false}}));
  CHECK(walk(s, kPainless) == std::vector<std::string>{"about", "safety_grid", "pain_screen",
                                                       "load_weekly", "load_long"});
  Session t(fixture::content());
  walk(t, {{"units", "km"}, {"fall", false}, {"night_pain", false}, {"has_pain", false}});
  REQUIRE(t.answers().contains("lesson_ball"));
  REQUIRE_FALSE(t.back());
  REQUIRE(where(t) == "lesson_ball_page");
  // The skip link on a lesson: lessons off, and the check moves past it.
  REQUIRE_FALSE(t.configure({{"lessons", false}}));
  CHECK(where(t) == "load_weekly");
  CHECK_FALSE(t.answers().contains("lesson_ball"));
  CHECK(t.settings() == json({{"mode", "full"}, {"lessons", false}}));
}

TEST_CASE("bad settings are refused with a path and change nothing", "[settings]") {
  Session s(fixture::content());
  walk(s, {{"units", "km"}});
  const json before = s.state();
  struct Case {
    json settings;
    const char* error;
  };
  for (const auto& c : std::vector<Case>{{{{"mode", "slow"}}, "settings.invalid at /mode"},
                                         {{{"lessons", "no"}}, "settings.invalid at /lessons"},
                                         {{{"colour", "red"}}, "settings.invalid at /colour"},
                                         {json::array(), "settings.invalid at "}}) {
    INFO(c.settings.dump());
    for (const bool start : {true, false}) {
      const auto e = start ? s.start(c.settings) : s.configure(c.settings);
      REQUIRE(e);
      CHECK(e->id + " at " + e->path == c.error);
      CHECK(s.state() == before);
    }
  }
}

TEST_CASE("start clears the answers, the stops and the settings", "[settings]") {
  Session s(fixture::content());
  REQUIRE_FALSE(s.start({{"mode", "quick"}, {"lessons", false}}));
  walk(s, kPainless);
  REQUIRE_FALSE(s.start());
  CHECK(s.answers() == json::object());
  CHECK(s.settings() == json({{"mode", "full"}, {"lessons", true}}));
  CHECK(where(s) == "about");
}

TEST_CASE("settings are saved and restored with the answers", "[settings][state]") {
  Session s(fixture::content());
  REQUIRE_FALSE(s.start({{"mode", "quick"}}));
  walk(s, kPainless);
  Session t(fixture::content());
  REQUIRE_FALSE(t.restore(s.state()));
  CHECK(t.settings()["mode"] == "quick");
  CHECK(t.state() == s.state());
  // A lesson answer in a state whose settings hide lessons does not apply.
  json state = s.state();
  state["settings"] = {{"mode", "full"}, {"lessons", false}};
  state["answers"]["lesson_ball"] = true;
  CHECK(t.restore(state)->id == "state.answer.hidden");
}
