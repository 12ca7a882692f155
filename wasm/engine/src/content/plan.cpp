// Reads plan.json: the return-to-running plan.

#include "../checker.hpp"

namespace hipcheck::loader {

void read_plan(Loading& l) {
  const json& plan = l.at("plan");
  if (!l.c.object(plan, "/plan", "the plan")) return;
  l.c.allowed(
      plan, "/plan",
      {"weeklyDistance", "longestRun", "startFraction", "weeks", "weeklyIncrease",
       "longestRunIncrease", "when", "title", "intro", "caveat", "stopRule", "sources", "walkRun"});
  for (const char* key : {"weeklyDistance", "longestRun"}) {
    std::string name;
    if (l.c.text(plan, "/plan", key, name)) l.names_used.push_back({name, pointer("/plan", key)});
  }
  json ignored;
  l.rule(plan, "/plan", "startFraction", ignored, true);
  l.rule(plan, "/plan", "when", ignored, true);
  int weeks = 0;
  l.c.integer(plan, "/plan", "weeks", weeks, 1, 26);
  for (const char* key : {"weeklyIncrease", "longestRunIncrease"}) {
    double v = 0;
    if (l.c.number(plan, "/plan", key, v) && !(v > 0 && v <= 0.5)) {
      l.c.fail("content.range", pointer("/plan", key),
               std::string("\"") + key + "\" must be above 0 and at most 0.5");
    }
  }
  std::string s;
  for (const char* key : {"title", "intro", "caveat", "stopRule"}) l.c.text(plan, "/plan", key, s);
  l.text_fields(plan, "/plan", {"title", "intro", "caveat", "stopRule"});
  l.sources_of(plan, "/plan", nullptr, true);
  if (const json* w = l.c.field(plan, "/plan", "walkRun", false);
      w && l.c.object(*w, "/plan/walkRun", "walkRun")) {
    l.c.allowed(*w, "/plan/walkRun", {"when", "weeks", "text"});
    l.rule(*w, "/plan/walkRun", "when", ignored, true);
    int walk_weeks = 0;
    if (l.c.integer(*w, "/plan/walkRun", "weeks", walk_weeks, 1, 26) && walk_weeks > weeks &&
        weeks > 0) {
      l.c.fail("content.range", "/plan/walkRun/weeks", "the walk-run weeks must fit in the plan");
    }
    l.c.text(*w, "/plan/walkRun", "text", s);
    l.text_fields(*w, "/plan/walkRun", {"text"});
  }
}

}  // namespace hipcheck::loader
