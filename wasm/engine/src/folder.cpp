#include "hipcheck/folder.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "hipcheck/words.hpp"

namespace hipcheck {

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

namespace {

// A folder of *.json files, each as bundle[file name]: the full format (or content/rules).
FolderResult read_json_folder(const std::string& folder) {
  namespace fs = std::filesystem;
  FolderResult out;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".json") files.push_back(it->path());
  }
  if (ec) {
    out.errors.push_back(
        Error{"content.folder", "cannot read the folder " + folder + ": " + ec.message(), ""});
    return out;
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const std::string name = file.stem().string();
    std::string text;
    if (!read_file(file.string(), text)) {
      out.errors.push_back(
          Error{"content.file.unreadable", "cannot read " + file.string(), "/" + name});
      continue;
    }
    auto parsed = parse_json(text);
    if (!parsed.ok) {
      out.errors.push_back(Error{"json.syntax",
                                 file.filename().string() + " line " + std::to_string(parsed.line) +
                                     ", column " + std::to_string(parsed.column) + ": " +
                                     parsed.message,
                                 "/" + name});
      continue;
    }
    out.bundle[name] = std::move(parsed.value);
  }
  return out;
}

bool read_json_file(const std::string& path, const std::string& shown, json& out,
                    std::vector<Error>& errors) {
  std::string text;
  if (!read_file(path, text)) {
    errors.push_back(Error{"content.file.unreadable", "cannot read " + path, ""});
    return false;
  }
  auto parsed = parse_json(text);
  if (!parsed.ok) {
    errors.push_back(Error{"json.syntax",
                           shown + " line " + std::to_string(parsed.line) + ", column " +
                               std::to_string(parsed.column) + ": " + parsed.message,
                           ""});
    return false;
  }
  out = std::move(parsed.value);
  return true;
}

}  // namespace

// A locale folder (content/es) holds words.json only: the bundle is ../rules merged with its
// words, checked against the English words (../en/words.json) unless it is English. A folder
// with a meta.json is read as it is (the full format: test fixtures, older folders).
FolderResult read_content_folder(const std::string& folder) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(folder).lexically_normal();
  std::error_code ec;
  if (!fs::exists(dir / "words.json", ec) || fs::exists(dir / "meta.json", ec))
    return read_json_folder(folder);
  fs::path base = dir;
  if (!base.has_filename()) base = base.parent_path();
  const std::string locale = base.filename().string();
  const fs::path root = base.parent_path();
  FolderResult out = read_json_folder((root / "rules").string());
  if (!out.errors.empty()) return out;
  for (auto& e : words_in_rules(out.bundle)) {
    e.path = "rules" + e.path;
    out.errors.push_back(e);
  }
  json words, reference;
  const std::string label = locale + "/words.json";
  if (!read_json_file((dir / "words.json").string(), label, words, out.errors)) return out;
  const bool english = locale == "en";
  if (!english &&
      !read_json_file((root / "en" / "words.json").string(), "en/words.json", reference, out.errors))
    return out;
  for (auto& e : merge_words(out.bundle, words, english ? nullptr : &reference, label))
    out.errors.push_back(e);
  return out;
}

}  // namespace hipcheck
