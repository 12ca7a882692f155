// Random walks through the fixture (a fixed seed, so every run is the same): after every move the
// session's invariants hold — an error changes nothing, restore(state()) gives the same session
// (state and page), and progress stays within its total. The same through the real content, where
// the result must also equal answering the session's final answers in order (issue 12), replayed
// as the session fuzzer replays it (tests/fuzz/session_common.hpp).
#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <random>

#include "../fuzz/session_common.hpp"
#include "fixture.hpp"
#include "hipcheck/session.hpp"

using hipcheck::json;
using hipcheck::Session;

namespace {

// A value for an item: usually a valid one, sometimes not.
json value_for(const json& item, std::mt19937& rng) {
  std::uniform_int_distribution<int> pick(0, 9);
  const std::string type = item["type"];
  if (pick(rng) == 0) return "nonsense";
  if (type == "yesno") return pick(rng) < 5;
  if (type == "single") {
    const json& o = item["options"];
    return o[static_cast<std::size_t>(pick(rng)) % o.size()]["value"];
  }
  if (type == "multiple") {
    const json& o = item["options"];
    return json::array({o[static_cast<std::size_t>(pick(rng)) % o.size()]["value"]});
  }
  if (type == "scale") return pick(rng);
  if (type == "number") return pick(rng) == 1 ? json("not-sure") : json(pick(rng) * 5 + 0.5);
  return true;
}

// How a walk moves: a random m in 0..99 answers the page shown (when it is a question) below
// answer, else proceeds on a notice below proceed, goes back below back, goes to a page below
// go_to, changes the settings below configure, and starts again from there up.
struct Moves {
  int answer, proceed, back, go_to, configure;
};

// Random walks (runs of steps, from a fixed seed) through content: after every move an error has
// changed nothing, restore(state()) gives the same state and page, and progress stays within its
// total. after_run(s) checks more at the end of each walk.
void walk(const std::shared_ptr<const hipcheck::Content>& content, unsigned seed, int runs,
          int steps, const Moves& moves, const std::function<void(const Session&)>& after_run) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> move(0, 99);
  for (int run = 0; run < runs; ++run) {
    Session s(content);
    for (int step = 0; step < steps; ++step) {
      const json before = s.state();
      const json page = s.current();
      const int m = move(rng);
      bool failed = false;
      if (m < moves.answer && page["status"] == "question") {
        json answers = json::object();
        for (const auto& item : page["page"]["items"]) {
          if (item["type"] != "lesson")
            answers[item["id"].get<std::string>()] = value_for(item, rng);
        }
        failed = !s.answer(page["page"]["id"], answers).empty();
      } else if (m < moves.proceed) {
        failed = s.proceed(m % 2 ? "continue" : "finish").has_value();
      } else if (m < moves.back) {
        failed = s.back().has_value();
      } else if (m < moves.go_to) {
        const auto& pages = content->pages;
        failed =
            s.go_to(pages[static_cast<std::size_t>(m * 7 + step) % pages.size()].id).has_value();
      } else if (m < moves.configure) {
        failed =
            s.configure({{"lessons", m % 2 == 0}, {"mode", m % 3 ? "full" : "quick"}}).has_value();
      } else {
        failed = s.start({{"mode", m % 2 ? "full" : "quick"}}).has_value();
      }
      INFO("run " << run << " step " << step << " move " << m << " before " << before.dump());
      if (failed) REQUIRE(s.state() == before);
      Session t(content);
      INFO("state " << s.state().dump());
      REQUIRE_FALSE(t.restore(s.state()));
      REQUIRE(t.state() == s.state());
      REQUIRE(t.current() == s.current());
      const json now = s.current();
      if (now.contains("progress")) {
        CHECK(now["progress"]["position"].get<long>() <= now["progress"]["total"].get<long>());
      }
    }
    after_run(s);
  }
}

}  // namespace

TEST_CASE("random moves keep the session's invariants", "[session][property]") {
  walk(fixture::content(), 20261126, 60, 40, {55, 65, 80, 90, 95}, [](const Session&) {});
}

TEST_CASE("random moves through the real content keep the invariants, and the result is the "
          "same as answering the final answers in order", "[session][property]") {
  // After each walk, the same replay the session fuzzer checks (it aborts, naming what differs,
  // when it fails).
  walk(fuzz::real_content(), 20261127, 25, 50, {70, 78, 88, 95, 100}, fuzz::check_replay);
}

TEST_CASE("the replay reproduces a partly answered page and compares the whole session",
          "[session][property]") {
  // As tests/engine/partial_page_test.cpp makes one: every page answered under 18, then the age
  // changes to adult, which shows the sex-drive row on the answered energy page.
  json answers = [] {
    std::ifstream in(HIPCHECK_SOURCE_DIR "/tests/scenarios/form-overstriding.json");
    return json::parse(in)["answers"];
  }();
  answers["age_band"] = "under_18";
  answers.erase("le_libido");
  Session s(fuzz::real_content());
  fixture::walk(s, answers);
  REQUIRE(s.complete());
  REQUIRE_FALSE(s.go_to("age_band"));
  const json page = s.current();
  json reply = json::object();
  for (const auto& item : page["page"]["items"]) {
    const std::string id = item["id"];
    reply[id] = id == "age_band" ? json("adult") : s.answers()[id];
  }
  REQUIRE(s.answer(page["page"]["id"], reply).empty());
  REQUIRE(fuzz::has_partial_page(s));
  REQUIRE_FALSE(s.complete());
  // The pages after the energy page are answered too, and the replay compares them (it aborts,
  // naming what differs, when it fails).
  CHECK(s.answers().contains("strength_freq"));
  fuzz::check_replay(s);
}
