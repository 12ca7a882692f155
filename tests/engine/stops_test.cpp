// Stops: an "end" stop ends the check at once; a "notice" shows once, then continue or finish.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "hipcheck/assess.hpp"
#include "hipcheck/session.hpp"

using fixture::walk;
using fixture::where;
using hipcheck::json;
using hipcheck::Session;

namespace {

const json kEmergency = {{"units", "km"}, {"fall", true}, {"night_pain", false}};
const json kUrgent = {{"units", "km"},    {"fall", false},      {"night_pain", true},
                      {"has_pain", true}, {"where", {"front"}}, {"how_bad", 3},
                      {"ostrc_part", 0},  {"weekly_now", 20},   {"weekly_before", 20},
                      {"longest", 8}};

}  // namespace

TEST_CASE("an end stop ends the check right after the answer that sets it", "[stops]") {
  Session s(fixture::content());
  CHECK(walk(s, kEmergency) == std::vector<std::string>{"about", "safety_grid"});
  const json page = s.current();
  CHECK(page == json({{"status", "stopped"},
                      {"stop", {{"id", "emergency"}, {"level", "emergency"}}},
                      {"canGoBack", true}}));
  CHECK(s.ended());
  CHECK(s.review()["stop"] == json({{"id", "emergency"}, {"level", "emergency"}}));
}

TEST_CASE("an emergency result gives what to do now and nothing else", "[stops][result]") {
  Session s(fixture::content());
  walk(s, kEmergency);
  const json r = hipcheck::assess(s);
  CHECK(r["stop"] == json({{"id", "emergency"}, {"level", "emergency"}}));
  CHECK(r["care"]["level"] == "emergency");
  CHECK(r["care"]["flags"][0]["reason"] == "You fell and cannot stand.");
  CHECK(r["causes"] == json::array());
  CHECK(r["tips"] == json::array());
  CHECK(r["plan"].is_null());
  CHECK(r["severity"].is_null());
  CHECK(r["sources"].size() == 1);
}

TEST_CASE("an end stop follows the answers: back out, change the answer, and the check goes on",
          "[stops]") {
  Session s(fixture::content());
  walk(s, kEmergency);
  REQUIRE_FALSE(s.back());
  CHECK(where(s) == "safety_grid");
  CHECK(s.current()["page"]["items"][0]["answer"] == true);
  REQUIRE(s.answer("safety_grid", {{"fall", false}, {"night_pain", false}}).empty());
  CHECK(where(s) == "pain_screen");
  CHECK(s.stop().is_null());
  CHECK_FALSE(hipcheck::assess(s).contains("stop"));
}

TEST_CASE("a notice shows once after the answer that makes it true, then continue goes on",
          "[stops]") {
  Session s(fixture::content());
  walk(s, {{"units", "km"}});
  REQUIRE(s.answer("safety_grid", {{"fall", false}, {"night_pain", true}}).empty());
  const json notice = s.current();
  CHECK(notice["status"] == "notice");
  CHECK(notice["stop"] == json({{"id", "urgent"}, {"level", "urgent"}}));
  CHECK(notice["canGoBack"] == true);
  CHECK(notice["progress"]["position"] == 3);
  REQUIRE_FALSE(s.proceed("continue"));
  CHECK(where(s) == "pain_screen");
  CHECK(s.state()["acknowledged"] == json({"urgent"}));
  // Answering the page again does not show it again.
  REQUIRE_FALSE(s.back());
  REQUIRE(s.answer("safety_grid", {{"fall", false}, {"night_pain", true}}).empty());
  CHECK(where(s) == "pain_screen");
  // The check goes on to the end; the result is not stopped, and shows the urgent level.
  walk(s, kUrgent);
  CHECK(where(s) == "complete");
  const json r = hipcheck::assess(s);
  CHECK_FALSE(r.contains("stop"));
  CHECK(r["care"]["level"] == "urgent");
  CHECK(r["causes"].size() == 4);
}

TEST_CASE("finish on a notice ends the check with that stop, and back undoes it", "[stops]") {
  Session s(fixture::content());
  CHECK(walk(s, kUrgent, "finish") ==
        std::vector<std::string>{"about", "safety_grid", "notice:urgent"});
  CHECK(s.current() == json({{"status", "stopped"},
                             {"stop", {{"id", "urgent"}, {"level", "urgent"}}},
                             {"canGoBack", true}}));
  CHECK(s.state()["finished"] == true);
  const json r = hipcheck::assess(s);
  CHECK(r["stop"] == json({{"id", "urgent"}, {"level", "urgent"}}));
  CHECK(r["care"]["level"] == "urgent");
  CHECK(r["causes"].size() == 4);  // only an end stop empties the result
  // Restored, it is still finished.
  Session t(fixture::content());
  REQUIRE_FALSE(t.restore(s.state()));
  CHECK(t.state() == s.state());
  CHECK(where(t) == "stopped");
  // Back out of the finish: the page last answered, and the notice shows again.
  REQUIRE_FALSE(s.back());
  CHECK(where(s) == "safety_grid");
  CHECK(s.state()["acknowledged"] == json::array());
  CHECK(s.state()["finished"] == false);
  REQUIRE(s.answer("safety_grid", {{"fall", false}, {"night_pain", true}}).empty());
  CHECK(where(s) == "notice");
}

TEST_CASE("back from a notice returns to the page that raised it, unacknowledged", "[stops]") {
  Session s(fixture::content());
  walk(s, {{"units", "km"}});
  REQUIRE(s.answer("safety_grid", {{"fall", false}, {"night_pain", true}}).empty());
  REQUIRE(where(s) == "notice");
  // Saved while the notice shows, it shows again when restored.
  Session t(fixture::content());
  REQUIRE_FALSE(t.restore(s.state()));
  CHECK(where(t) == "notice");
  REQUIRE_FALSE(s.back());
  CHECK(where(s) == "safety_grid");
  REQUIRE(s.answer("safety_grid", {{"fall", false}, {"night_pain", false}}).empty());
  CHECK(where(s) == "pain_screen");
  CHECK(s.state()["acknowledged"] == json::array());
}

TEST_CASE("a notice raised again after a change link restores exactly", "[stops][state]") {
  Session s(fixture::content());
  walk(s, {{"units", "km"}});
  REQUIRE(s.answer("safety_grid", {{"fall", false}, {"night_pain", true}}).empty());
  REQUIRE_FALSE(s.back());  // out of the notice, unacknowledged
  REQUIRE(s.answer("safety_grid", {{"fall", false}, {"night_pain", false}}).empty());
  walk(s, {{"has_pain", false}});
  REQUIRE_FALSE(s.go_to("night_pain"));
  REQUIRE(s.answer("safety_grid", {{"fall", false}, {"night_pain", true}}).empty());
  REQUIRE(where(s) == "notice");
  CHECK(s.state()["notice"] == "urgent");
  Session t(fixture::content());
  REQUIRE_FALSE(t.restore(s.state()));
  CHECK(t.state() == s.state());
  CHECK(t.current() == s.current());
  REQUIRE_FALSE(s.back());
  REQUIRE_FALSE(t.back());
  CHECK(where(t) == "safety_grid");
  CHECK(t.state() == s.state());
}

TEST_CASE("a saved notice must be the one that would show", "[stops][state]") {
  Session s(fixture::content());
  walk(s, {{"units", "km"}, {"fall", false}, {"night_pain", false}});
  json state = s.state();
  state["notice"] = "urgent";  // night_pain is false: it does not hold
  Session t(fixture::content());
  const json before = t.state();
  CHECK(t.restore(state)->id == "state.notice");
  state["notice"] = "emergency";
  CHECK(t.restore(state)->id == "state.notice");
  CHECK(t.state() == before);
}

TEST_CASE("proceed needs a notice and a known choice, and otherwise changes nothing", "[stops]") {
  Session s(fixture::content());
  CHECK(s.proceed("continue")->id == "session.no-notice");
  walk(s, {{"units", "km"}});
  REQUIRE(s.answer("safety_grid", {{"fall", false}, {"night_pain", true}}).empty());
  const json before = s.state();
  CHECK(s.proceed("later")->id == "session.choice");
  CHECK(s.state() == before);
  CHECK(where(s) == "notice");
}

TEST_CASE("an end stop wins over a notice raised by the same answer", "[stops]") {
  Session s(fixture::content());
  walk(s, {{"units", "km"}});
  REQUIRE(s.answer("safety_grid", {{"fall", true}, {"night_pain", true}}).empty());
  CHECK(s.current()["stop"]["id"] == "emergency");
  CHECK(s.current()["status"] == "stopped");
}

TEST_CASE("a stop in force makes the care level at least its own", "[stops][result]") {
  json b = fixture::bundle();
  b["care"]["flags"][1]["level"] = "soon";  // night pain alone would now be "soon"
  const auto loaded = hipcheck::load_content(b);
  REQUIRE(loaded.errors.empty());
  Session s(loaded.content);
  walk(s, {{"units", "km"}, {"fall", false}, {"night_pain", true}}, "finish");
  CHECK(hipcheck::assess(s)["care"]["level"] == "urgent");
  REQUIRE_FALSE(s.back());
  CHECK(hipcheck::assess(s)["care"]["level"] == "soon");
}
