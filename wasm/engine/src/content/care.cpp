// Reads care.json: the four care levels and the red flags.
#include <algorithm>
#include <set>

#include "../checker.hpp"

namespace hipcheck::loader {

void read_care(Loading& l) {
  const json& care = l.at("care");
  if (!l.c.object(care, "/care", "care")) return;
  l.c.allowed(care, "/care", {"levels", "flags"});
  if (const json* levels = l.c.array(care, "/care", "levels")) {
    std::vector<std::string> ids;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < levels->size(); ++i) {
      const std::string path = pointer("/care/levels", i);
      const json& level = (*levels)[i];
      if (!l.c.object(level, path, "a care level")) continue;
      l.c.allowed(level, path, {"id", "title", "action", "where"});
      std::string lid, s;
      if (l.c.id(level, path, seen, lid)) ids.push_back(lid);
      l.c.text(level, path, "title", s);
      l.c.text(level, path, "action", s);
      l.c.text(level, path, "where", s);
      l.text_fields(level, path, {"title", "action", "where"});
    }
    if (ids != kLevels) {
      l.c.fail("content.care.levels", "/care/levels",
               "the care levels must be emergency, urgent, soon and selfcare, in that order");
    }
    l.content.levels = kLevels;
  }
  const json* flags = l.c.array(care, "/care", "flags");
  if (!flags) return;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < flags->size(); ++i) {
    const std::string path = pointer("/care/flags", i);
    const json& f = (*flags)[i];
    if (!l.c.object(f, path, "a red flag")) continue;
    l.c.allowed(f, path, {"id", "level", "when", "reason", "sources"});
    Flag flag;
    l.c.id(f, path, seen, flag.id);
    if (l.c.text(f, path, "level", flag.level) &&
        std::find(kLevels.begin(), kLevels.end(), flag.level) == kLevels.end()) {
      l.c.fail("content.ref.unknown", pointer(path, "level"),
               "unknown care level \"" + flag.level + "\"");
    }
    l.rule(f, path, "when", flag.when, true);
    l.c.text(f, path, "reason", flag.reason);
    l.text_fields(f, path, {"reason"});
    l.sources_of(f, path, &flag.sources, true);
    l.content.flags.push_back(std::move(flag));
  }
}

}  // namespace hipcheck::loader
