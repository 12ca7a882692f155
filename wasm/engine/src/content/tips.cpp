// Reads tips.json: the tip groups and the tips.
#include <set>

#include "../checker.hpp"

namespace hipcheck::loader {

void read_tips(Loading& l) {
  const json& tips = l.at("tips");
  if (!l.c.object(tips, "/tips", "tips")) return;
  l.c.allowed(tips, "/tips", {"groups", "tips"});
  std::set<std::string> groups(kCauses.begin(), kCauses.end());
  if (const json* list = l.c.array(tips, "/tips", "groups")) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string path = pointer("/tips/groups", i);
      if (!l.c.object((*list)[i], path, "a group")) continue;
      l.c.allowed((*list)[i], path, {"id", "label"});
      std::string gid, label;
      l.c.id((*list)[i], path, groups, gid);
      if (l.c.text((*list)[i], path, "label", label)) l.content.group_labels[gid] = label;
      l.text_fields((*list)[i], path, {"label"});
    }
  }
  const json* list = l.c.array(tips, "/tips", "tips");
  if (!list) return;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = pointer("/tips/tips", i);
    const json& src = (*list)[i];
    if (!l.c.object(src, path, "a tip")) continue;
    l.c.allowed(src, path, {"id", "group", "when", "priority", "text", "because", "sources"});
    Tip tip;
    l.c.id(src, path, seen, tip.id);
    if (l.c.text(src, path, "group", tip.group) && !groups.count(tip.group)) {
      l.c.fail("content.ref.unknown", pointer(path, "group"),
               "unknown tip group \"" + tip.group + "\"");
    }
    l.rule(src, path, "when", tip.when, true);
    l.c.integer(src, path, "priority", tip.priority, 1, 100);
    l.c.text(src, path, "text", tip.text);
    l.c.text(src, path, "because", tip.because);
    l.text_fields(src, path, {"text", "because"});
    l.sources_of(src, path, &tip.sources, true);
    l.content.tips.push_back(std::move(tip));
  }
}

}  // namespace hipcheck::loader
