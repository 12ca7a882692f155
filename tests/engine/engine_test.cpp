#include "hipcheck/engine.hpp"

#include <catch2/catch.hpp>

#include "fixture.hpp"

using hipcheck::json;

namespace {

json call(const std::string& text) { return json::parse(text, nullptr, false); }

std::string deep(std::size_t n) { return std::string(n, '[') + std::string(n, ']'); }

}  // namespace

TEST_CASE("every engine call before content is loaded is an error value", "[engine]") {
  hipcheck::Engine e;
  for (const auto& reply :
       {e.start(), e.start("{}"), e.configure("{}"), e.current(), e.answer("about", "{}"),
        e.proceed("continue"), e.back(), e.go_to("units"), e.review(), e.result(), e.state(),
        e.restore("{}"), e.quiz(), e.score_quiz("{}")}) {
    CHECK(call(reply)["error"]["id"] == "session.not-loaded");
  }
}

TEST_CASE("loading bad content returns every problem and keeps the content loaded before",
          "[engine]") {
  hipcheck::Engine e;
  REQUIRE(call(e.load(fixture::bundle().dump()))["ok"] == true);
  REQUIRE_FALSE(call(e.answer("about", R"({"units": "mi"})")).contains("error"));
  json bad = fixture::bundle();
  bad["tips"]["tips"][0]["sources"] = {"nowhere"};
  bad["plan"]["weeks"] = 0;
  const json reply = call(e.load(bad.dump()));
  REQUIRE(reply["errors"].size() == 2);
  CHECK(reply["error"] == reply["errors"][0]);
  // Each file's own checks come first, then the references between files.
  CHECK(reply["errors"][0] == json({{"id", "content.range"},
                                    {"path", "/plan/weeks"},
                                    {"message", "\"weeks\" must be a whole number from 1 to 26"}}));
  CHECK(reply["errors"][1]["path"] == "/tips/tips/0/sources/0");
  CHECK(call(e.state())["answers"]["units"] == "mi");
}

TEST_CASE("malformed JSON gets its line and column", "[engine]") {
  hipcheck::Engine e;
  CHECK(call(e.load("{\n  \"meta\": [1,\n}"))["error"] ==
        json({{"id", "json.syntax"},
              {"path", ""},
              {"message",
               "not valid JSON at line 3, column 1: unexpected '}'; expected '[', '{', or a "
               "literal"}}));
}

TEST_CASE("input nested deeper than the engine accepts is refused without a crash", "[engine]") {
  hipcheck::Engine e;
  CHECK(call(e.load(deep(100000)))["error"]["id"] == "content.too-deep");
  REQUIRE(call(e.load(fixture::bundle().dump()))["ok"] == true);
  CHECK(call(e.answer("about", "{\"units\": " + deep(100000) + "}"))["error"]["id"] ==
        "answer.malformed");
  CHECK(call(e.restore(deep(100000)))["error"]["id"] == "state.malformed");
  CHECK(call(e.start(deep(100000)))["error"]["id"] == "settings.invalid");
  CHECK(call(e.score_quiz("{\"q_ball\": " + deep(100000) + "}"))["error"]["id"] ==
        "quiz.malformed");
  CHECK(call(e.current())["page"]["id"] == "about");
}

TEST_CASE("a whole questionnaire runs page by page through the text interface", "[engine]") {
  hipcheck::Engine e;
  REQUIRE(call(e.load(fixture::bundle().dump()))["ok"] == true);
  CHECK(call(e.start(R"({"mode": "quick"})"))["progress"]["total"] == 5);
  CHECK(call(e.configure(R"({"mode": "full"})"))["progress"]["total"] == 6);
  const std::vector<std::pair<std::string, std::string>> pages = {
      {"about", R"({"units": "km"})"},
      {"safety_grid", R"({"fall": false, "night_pain": false})"},
      {"pain_screen", R"({"has_pain": false})"},
      {"lesson_ball_page", "{}"},
      {"load_weekly", R"({"weekly_now": 10, "weekly_before": 10})"},
      {"load_long", R"({"longest": 5})"}};
  for (const auto& [id, answers] : pages) {
    REQUIRE(call(e.current())["page"]["id"] == id);
    REQUIRE_FALSE(call(e.answer(id, answers)).contains("error"));
  }
  CHECK(call(e.current())["status"] == "complete");
  const json result = call(e.result());
  CHECK(result["care"]["level"] == "selfcare");
  CHECK(result["plan"]["weeks"][0]["distance"] == 10.0);
  CHECK(call(e.review())["sections"].size() == 4);
  CHECK(call(e.go_to("longest"))["page"]["id"] == "load_long");
}

TEST_CASE("answer errors come as a list, the first also as error", "[engine]") {
  hipcheck::Engine e;
  REQUIRE(call(e.load(fixture::bundle().dump()))["ok"] == true);
  REQUIRE_FALSE(call(e.answer("about", R"({"units": "km"})")).contains("error"));
  const json reply = call(e.answer("safety_grid", R"({"fall": "yes"})"));
  REQUIRE(reply["errors"].size() == 2);
  CHECK(reply["error"] == reply["errors"][0]);
  CHECK(reply["errors"][0]["path"] == "/fall");
  CHECK(reply["errors"][1] == json({{"id", "answer.missing"},
                                    {"path", "/night_pain"},
                                    {"message", "Answer this question."}}));
  CHECK(call(e.answer("safety_grid", "{"))["error"]["id"] == "json.syntax");
  CHECK(call(e.proceed("continue"))["error"]["id"] == "session.no-notice");
  CHECK(call(e.start("{\"mode\": 1}"))["error"]["path"] == "/mode");
  CHECK(call(e.current())["page"]["id"] == "safety_grid");
}

TEST_CASE("a notice and an end stop through the text interface", "[engine][stops]") {
  hipcheck::Engine e;
  REQUIRE(call(e.load(fixture::bundle().dump()))["ok"] == true);
  e.answer("about", R"({"units": "km"})");
  CHECK(call(e.answer("safety_grid", R"({"fall": false, "night_pain": true})"))["status"] ==
        "notice");
  CHECK(call(e.proceed("finish"))["status"] == "stopped");
  CHECK(call(e.result())["stop"]["id"] == "urgent");
  CHECK(call(e.back())["page"]["id"] == "safety_grid");
  const json stopped = call(e.answer("safety_grid", R"({"fall": true, "night_pain": true})"));
  CHECK(stopped["stop"]["id"] == "emergency");
  const json result = call(e.result());
  CHECK(result["causes"] == json::array());
  CHECK(result["plan"].is_null());
  const std::string saved = e.state();
  hipcheck::Engine f;
  REQUIRE(call(f.load(fixture::bundle().dump()))["ok"] == true);
  CHECK(call(f.restore(saved))["status"] == "stopped");
  CHECK(f.result() == e.result());
}
