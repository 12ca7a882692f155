// The small test questionnaire in tests/engine/fixture/, and helpers to change it.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "hipcheck/content.hpp"
#include "hipcheck/folder.hpp"

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

// Answers in questionnaire order, as a runner would (JSON objects keep their keys sorted).
inline std::vector<std::pair<std::string, hipcheck::json>> in_order(const hipcheck::Content& c,
                                                                    const hipcheck::json& answers) {
  std::vector<std::pair<std::string, hipcheck::json>> out;
  for (const auto& item : c.items) {
    if (answers.contains(item.id)) out.emplace_back(item.id, answers[item.id]);
  }
  return out;
}

}  // namespace fixture
