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
       {e.start(), e.current(), e.answer("units", "\"km\""), e.back(), e.go_to("units"), e.review(),
        e.result(), e.state(), e.restore("{}"), e.quiz(), e.score_quiz("{}")}) {
    CHECK(call(reply)["error"]["id"] == "session.not-loaded");
  }
}

TEST_CASE("loading bad content returns every problem and keeps the content loaded before",
          "[engine]") {
  hipcheck::Engine e;
  REQUIRE(call(e.load(fixture::bundle().dump()))["ok"] == true);
  REQUIRE_FALSE(call(e.answer("units", "\"mi\"")).contains("error"));
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
  CHECK(call(e.answer("units", deep(100000)))["error"]["id"] == "answer.type");
  CHECK(call(e.restore(deep(100000)))["error"]["id"] == "state.malformed");
  CHECK(call(e.score_quiz("{\"q_ball\": " + deep(100000) + "}"))["error"]["id"] ==
        "quiz.malformed");
  CHECK(call(e.current())["item"]["id"] == "units");
}

TEST_CASE("a whole questionnaire runs through the engine's text interface", "[engine]") {
  hipcheck::Engine e;
  REQUIRE(call(e.load(fixture::bundle().dump()))["ok"] == true);
  const std::vector<std::pair<std::string, std::string>> answers = {
      {"units", "\"km\""},     {"fall", "false"},    {"night_pain", "false"}, {"has_pain", "false"},
      {"lesson_ball", "true"}, {"weekly_now", "10"}, {"weekly_before", "10"}, {"longest", "5"}};
  for (const auto& [id, value] : answers) {
    const json page = call(e.current());
    REQUIRE(page["item"]["id"] == id);
    REQUIRE_FALSE(call(e.answer(id, value)).contains("error"));
  }
  CHECK(call(e.current())["status"] == "complete");
  const json result = call(e.result());
  CHECK(result["care"]["level"] == "selfcare");
  CHECK(result["plan"]["weeks"][0]["distance"] == 10.0);
}
