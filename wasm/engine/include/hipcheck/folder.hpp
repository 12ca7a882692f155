// Reads a content folder (content/en) into the bundle the engine loads. Native builds only: the
// browser fetches the bundle that `hipcheck bundle` writes.
#pragma once

#include <string>
#include <vector>

#include "hipcheck/json.hpp"

namespace hipcheck {

struct FolderResult {
  json bundle = json::object();  // {"meta": …, "questionnaire": …} for every file that parsed
  std::vector<Error> errors;     // unreadable folder, or a file's syntax error with line and column
};

FolderResult read_content_folder(const std::string& folder);

// Reads a whole file; false when it cannot be read.
bool read_file(const std::string& path, std::string& out);

}  // namespace hipcheck
