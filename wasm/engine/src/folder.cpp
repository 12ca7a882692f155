#include "hipcheck/folder.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hipcheck {

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

FolderResult read_content_folder(const std::string& folder) {
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

}  // namespace hipcheck
