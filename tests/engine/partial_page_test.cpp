// A page partly answered: a changed earlier answer can show a new question on a page already
// answered (the energy page's sex-drive row appears when the age changes to adult). The session
// keeps the page's other answers, the check is no longer complete, and a saved state holding such
// a page restores as it was (tests/fuzz/regressions: the replay invariant allows for it).
#include <catch2/catch.hpp>

#include <fstream>

#include "fixture.hpp"
#include "hipcheck/content.hpp"
#include "hipcheck/folder.hpp"
#include "hipcheck/session.hpp"

using hipcheck::json;
using hipcheck::Session;

namespace {

std::shared_ptr<const hipcheck::Content> shipped() {
  const auto folder = hipcheck::read_content_folder(HIPCHECK_SOURCE_DIR "/content/en");
  auto loaded = hipcheck::load_content(folder.bundle);
  REQUIRE(loaded.content);
  return loaded.content;
}

json scenario_answers(const char* name) {
  std::ifstream in(std::string(HIPCHECK_SOURCE_DIR "/tests/scenarios/") + name + ".json");
  return json::parse(in)["answers"];
}

}  // namespace

TEST_CASE("a question shown on an answered page leaves the page partly answered", "[state]") {
  const auto content = shipped();
  json answers = scenario_answers("form-overstriding");
  answers["age_band"] = "under_18";
  answers.erase("le_libido");
  Session s(content);
  fixture::walk(s, answers);
  REQUIRE(s.complete());
  REQUIRE_FALSE(s.answers().contains("le_libido"));

  // The age changes to adult: the sex-drive row now shows on the energy page.
  REQUIRE_FALSE(s.go_to("age_band"));
  const std::string about = fixture::where(s);
  json reply = json::object();
  const json page = s.current();
  for (const auto& item : page["page"]["items"]) {
    const std::string id = item["id"];
    reply[id] = id == "age_band" ? json("adult") : s.answers()[id];
  }
  const auto errors = s.answer(about, reply);
  INFO(about << " " << reply.dump() << ": " << (errors.empty() ? "" : errors[0].id + " at " + errors[0].path));
  REQUIRE(errors.empty());
  CHECK_FALSE(s.complete());
  CHECK(s.answers().contains("le_eating_less"));  // the page's other answers stay

  // Saved and restored as it is.
  const json state = s.state();
  Session t(content);
  REQUIRE_FALSE(t.restore(state));
  CHECK(t.state() == state);
  CHECK_FALSE(t.complete());
  CHECK(t.current() == s.current());
}
