// quiz.json (src/content/quiz.cpp).
#include <catch2/catch.hpp>

#include "fixture.hpp"

using hipcheck::json;

TEST_CASE("a quiz question has exactly one correct option and a known topic", "[content][quiz]") {
  json b = fixture::bundle();
  b["quiz"]["questions"][0]["options"][1]["correct"] = true;
  b["quiz"]["questions"][0]["topic"] = "knees";
  b["quiz"]["topics"][0]["lesson"] = "units";
  CHECK(fixture::problems(b) ==
        std::vector<std::string>{"content.ref.unknown at /quiz/questions/0/topic",
                                 "content.quiz.correct at /quiz/questions/0/options",
                                 "content.ref.unknown at /quiz/topics/0/lesson"});
}

TEST_CASE("the quiz is optional but not empty", "[content][quiz]") {
  json b = fixture::bundle();
  b.erase("quiz");
  CHECK(fixture::problems(b).empty());
  json c = fixture::bundle();
  c["quiz"]["questions"] = json::array();
  CHECK(fixture::problems(c) == std::vector<std::string>{"content.quiz.empty at /quiz/questions"});
}
