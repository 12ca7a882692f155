// The small test questionnaire in tests/engine/fixture/, and helpers to change it.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "hipcheck/content.hpp"
#include "hipcheck/folder.hpp"
#include "hipcheck/session.hpp"

namespace fixture {

inline hipcheck::json bundle() {
  auto read = hipcheck::read_content_folder(HIPCHECK_SOURCE_DIR "/tests/engine/fixture");
  return read.bundle;
}

inline std::shared_ptr<const hipcheck::Content> content() {
  return hipcheck::load_content(bundle()).content;
}

// "id at path" for each error, to compare whole lists exactly.
inline std::vector<std::string> problems(const hipcheck::json& b) {
  std::vector<std::string> out;
  for (const auto& e : hipcheck::load_content(b).errors) out.push_back(e.id + " at " + e.path);
  return out;
}

inline bool has(const std::vector<std::string>& list, const std::string& entry) {
  return std::find(list.begin(), list.end(), entry) != list.end();
}

// Replays answers page by page as the CLI does: lessons are read, each page takes the answers to
// its shown items, a notice is answered with `choice`; ends at a stop, at the end, or at the first
// page the answers do not cover. Returns the pages answered ("notice:id" for a notice).
inline std::vector<std::string> walk(hipcheck::Session& s, const hipcheck::json& answers,
                                     const std::string& choice = "continue") {
  std::vector<std::string> path;
  for (int guard = 0; guard < 100; ++guard) {
    const hipcheck::json page = s.current();
    if (page["status"] == "notice") {
      path.push_back("notice:" + page["stop"]["id"].get<std::string>());
      REQUIRE_FALSE(s.proceed(choice));
      continue;
    }
    if (page["status"] != "question") break;
    const std::string id = page["page"]["id"];
    hipcheck::json reply = hipcheck::json::object();
    bool missing = false;
    for (const auto& item : page["page"]["items"]) {
      if (page["page"]["lesson"] == true) break;
      const std::string item_id = item["id"];
      if (!answers.contains(item_id)) missing = true;
      if (!missing) reply[item_id] = answers[item_id];
    }
    if (missing) break;
    const auto errors = s.answer(id, reply);
    INFO(id << ": " << (errors.empty() ? "ok" : errors[0].id + " at " + errors[0].path));
    REQUIRE(errors.empty());
    path.push_back(id);
  }
  return path;
}

// The status of the session, or the id of the page it shows.
inline std::string where(const hipcheck::Session& s) {
  const hipcheck::json page = s.current();
  return page["status"] == "question" ? page["page"]["id"].get<std::string>()
                                      : page["status"].get<std::string>();
}

}  // namespace fixture
