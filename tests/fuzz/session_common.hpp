// What the session fuzzers share: the real content (content/en, loaded once), the invariant checks
// and the replay of a session's final answers.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "hipcheck/assess.hpp"
#include "hipcheck/content.hpp"
#include "hipcheck/folder.hpp"
#include "hipcheck/json.hpp"
#include "hipcheck/session.hpp"

namespace fuzz {

using hipcheck::json;
using hipcheck::Session;

[[noreturn]] inline void broken(const char* what, const std::string& detail) {
  std::fprintf(stderr, "invariant broken: %s: %s\n", what, detail.substr(0, 2000).c_str());
  std::abort();
}

// The shipped content, loaded once per process.
inline std::shared_ptr<const hipcheck::Content> real_content() {
  static const std::shared_ptr<const hipcheck::Content> content = [] {
    const auto folder = hipcheck::read_content_folder(HIPCHECK_SOURCE_DIR "/content/en");
    auto loaded = hipcheck::load_content(folder.bundle);
    if (!loaded.content) {
      broken("content/en does not load",
             loaded.errors.empty() ? folder.errors.empty() ? "" : folder.errors[0].id
                                   : loaded.errors[0].id + " at " + loaded.errors[0].path);
    }
    return loaded.content;
  }();
  return content;
}

// restore(state()) is the identity: the same state and the same page.
inline void check_round_trip(const Session& s) {
  Session t(real_content());
  const json state = s.state();
  if (auto e = t.restore(state)) broken("restore(state()) refused", e->id + " at " + e->path);
  if (t.state() != state) broken("restore(state()) changed the state", state.dump());
  if (t.current() != s.current()) broken("restore(state()) changed the page", state.dump());
}

// A page partly answered: some of its shown questions answered, some not. The engine makes one
// when a changed earlier answer shows a new question on a page already answered (the energy page's
// le_libido after age_band changes), and a saved state or link can hold one: restore keeps it, and
// the check is then not complete (the person is asked the rest).
inline bool has_partial_page(const Session& s) {
  const hipcheck::Content& c = s.content();
  for (std::size_t p = 0; p < c.pages.size(); ++p) {
    if (!s.page_shown(p)) continue;
    bool some = false;
    bool all = true;
    for (const std::size_t i : c.pages[p].items) {
      if (!s.item_shown(i) || c.items[i].type == hipcheck::ItemType::Lesson) continue;
      if (s.answers().contains(c.items[i].id)) some = true;
      else all = false;
    }
    if (some && !all) return true;
  }
  return false;
}

// The result is the same as answering the session's final answers in order, from the start with
// its settings: each page with its shown items' answers (lessons the session read; a notice:
// "finish" when the session finished at it, else "continue"). A page shown but not answered at all
// (an earlier answer changed, so it appeared) is passed by, as a "Change" link passes it.
// A partly answered page cannot be answered as it stands (its unanswered questions are shown), so
// its answered questions are given as a saved state gives them: the replay so far, with them added,
// is restored, and the replay goes on after it (through the message those answers raise, when the
// session acknowledged it: a red flag on a partly answered page still stops the check). So the
// whole session is compared, such pages too.
inline void check_replay(const Session& s) {
  const json state = s.state();
  if (has_partial_page(s) && s.complete())
    broken("a partly answered page counts as complete", state.dump());
  Session t(real_content());
  if (auto e = t.start(state["settings"])) broken("replay: settings refused", e->id);
  const json& answers = state["answers"];
  const bool finished = state["finished"] == true;
  for (int guard = 0; guard < 200; ++guard) {
    const json page = t.current();
    if (page["status"] == "notice") {
      if (auto e = t.proceed(finished ? "finish" : "continue")) broken("replay: proceed", e->id);
      continue;
    }
    if (page["status"] != "question") break;
    json reply = json::object();
    bool missing = false;
    if (page["page"]["lesson"] == true) {
      // A lesson is read in the replay only when the session read it.
      missing = !answers.contains(page["page"]["items"][0]["id"].get<std::string>());
    } else {
      for (const auto& item : page["page"]["items"]) {
        const std::string id = item["id"];
        if (!answers.contains(id)) missing = true;
        else reply[id] = answers[id];
      }
    }
    if (!missing) {
      const auto errors = t.answer(page["page"]["id"], reply);
      if (!errors.empty())
        broken("replay: an answer refused", errors[0].id + " at " + errors[0].path);
      continue;
    }
    bool added = false;
    json partial = t.state();
    for (auto it = reply.begin(); it != reply.end(); ++it) {
      if (t.answers().contains(it.key()) && t.answers()[it.key()] == it.value()) continue;
      partial["answers"][it.key()] = it.value();
      added = true;
    }
    if (added) {
      if (auto e = t.restore(partial))
        broken("replay: a partly answered page refused", e->id + " at " + e->path);
      // A message these answers raise, which the session acknowledged, shows as it would after a
      // page is answered (a saved state can show it), and the notice branch above answers it.
      const json acknowledged = t.state()["acknowledged"];
      for (const auto& id : state["acknowledged"]) {
        if (std::find(acknowledged.begin(), acknowledged.end(), id) != acknowledged.end()) continue;
        partial["notice"] = id;
        if (!t.restore(partial)) break;
      }
      if (t.current()["status"] == "notice") continue;
    }
    // On at the next shown page that the answers cover, wholly or in part.
    const hipcheck::Content& c = t.content();
    std::string next;
    for (std::size_t p = c.page_index.at(page["page"]["id"].get<std::string>()) + 1;
         p < c.pages.size() && next.empty(); ++p) {
      if (!t.page_shown(p)) continue;
      for (const std::size_t i : c.pages[p].items) {
        if (t.item_shown(i) && answers.contains(c.items[i].id)) next = c.pages[p].id;
      }
    }
    if (next.empty()) break;
    if (auto e = t.go_to(next)) broken("replay: goTo", e->id);
  }
  // Lessons are read, not answered: a lesson the session skipped (lessons off for a while) is read
  // in the replay, and changes nothing else.
  const auto without_lessons = [](const Session& x) {
    json out = json::object();
    for (auto it = x.answers().begin(); it != x.answers().end(); ++it) {
      const hipcheck::Item* item = x.content().item(it.key());
      if (!item || item->type != hipcheck::ItemType::Lesson) out[it.key()] = it.value();
    }
    return out;
  };
  if (without_lessons(t) != without_lessons(s)) {
    broken("replay: other answers", t.answers().dump() + " vs " + s.answers().dump());
  }
  if (hipcheck::assess(t) != hipcheck::assess(s)) broken("replay: another result", state.dump());
}

}  // namespace fuzz
