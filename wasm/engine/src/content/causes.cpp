// Reads causes.json: the causes, their factors and the score levels.
#include <set>

#include "../checker.hpp"

namespace hipcheck::loader {

void read_causes(Loading& l) {
  const json& causes = l.at("causes");
  if (!l.c.object(causes, "/causes", "causes")) return;
  l.c.allowed(causes, "/causes", {"levels", "causes"});
  if (const json* levels = l.c.field(causes, "/causes", "levels", true);
      levels && l.c.object(*levels, "/causes/levels", "levels")) {
    l.c.allowed(*levels, "/causes/levels", {"some", "high"});
    const bool some =
        l.c.integer(*levels, "/causes/levels", "some", l.content.some_threshold, 1, 100);
    const bool high =
        l.c.integer(*levels, "/causes/levels", "high", l.content.high_threshold, 1, 100);
    if (some && high && l.content.some_threshold >= l.content.high_threshold) {
      l.c.fail("content.range", "/causes/levels", "\"some\" must be below \"high\"");
    }
  }
  const json* list = l.c.array(causes, "/causes", "causes");
  if (!list) return;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = pointer("/causes/causes", i);
    const json& src = (*list)[i];
    if (!l.c.object(src, path, "a cause")) continue;
    l.c.allowed(src, path, {"id", "label", "summary", "factors"});
    Cause cause;
    if (!l.c.id(src, path, seen, cause.id)) continue;
    l.c.text(src, path, "label", cause.label);
    l.c.text(src, path, "summary", cause.summary);
    l.text_fields(src, path, {"label", "summary"});
    if (const json* factors = l.c.array(src, path, "factors")) {
      std::set<std::string> factor_ids;
      for (std::size_t f = 0; f < factors->size(); ++f) {
        const std::string fpath = pointer(pointer(path, "factors"), f);
        const json& fs = (*factors)[f];
        if (!l.c.object(fs, fpath, "a factor")) continue;
        l.c.allowed(fs, fpath, {"id", "when", "points", "reason"});
        Factor factor;
        l.c.id(fs, fpath, factor_ids, factor.id);
        l.rule(fs, fpath, "when", factor.when, true);
        l.c.integer(fs, fpath, "points", factor.points, 1, 100);
        l.c.text(fs, fpath, "reason", factor.reason);
        l.text_fields(fs, fpath, {"reason"});
        cause.factors.push_back(std::move(factor));
      }
    }
    l.content.group_labels[cause.id] = cause.label;
    l.content.causes.push_back(std::move(cause));
  }
  if (seen != std::set<std::string>(kCauses.begin(), kCauses.end())) {
    l.c.fail("content.causes", "/causes/causes",
             "the causes must be overuse, footwear, form and imbalance");
  }
}

}  // namespace hipcheck::loader
