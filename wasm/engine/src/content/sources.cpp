// Reads the sources (sources.json) and the anatomy structures (anatomy.json).
#include <set>

#include "../checker.hpp"

namespace hipcheck::loader {

void read_sources(Loading& l) {
  const json& list = l.at("sources");
  if (!list.is_array()) {
    if (l.bundle.contains("sources"))
      l.c.fail("content.type", "/sources", "sources must be a list");
    return;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = pointer("/sources", i);
    const json& s = list[i];
    if (!l.c.object(s, path, "a source")) continue;
    l.c.allowed(s, path, {"id", "title", "publisher", "year", "url", "authors", "note"});
    std::string sid, title, publisher;
    int year = 0;
    l.c.text(s, path, "title", title);
    l.c.text(s, path, "publisher", publisher);
    l.c.integer(s, path, "year", year, 1900, 2100);
    if (l.c.id(s, path, seen, sid)) l.content.sources[sid] = s;
    std::string url;
    if (l.c.text(s, path, "url", url, false) && url.rfind("https://", 0) != 0) {
      l.c.fail("content.url", pointer(path, "url"), "a link must start with https://");
    }
  }
}

void read_anatomy(Loading& l) {
  if (!l.bundle.contains("anatomy")) return;
  const json& list = l.at("anatomy");
  if (!list.is_array()) {
    l.c.fail("content.type", "/anatomy", "anatomy must be a list");
    return;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = pointer("/anatomy", i);
    if (!l.c.object(list[i], path, "a structure")) continue;
    l.c.allowed(list[i], path, {"id", "name", "description"});
    std::string sid, name, description;
    l.c.id(list[i], path, l.structures, sid);
    l.c.text(list[i], path, "name", name);
    l.c.text(list[i], path, "description", description);
  }
}

}  // namespace hipcheck::loader
