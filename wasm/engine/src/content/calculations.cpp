// Reads calculations.json: the calculated values, ordered so each follows what it reads.
#include <map>
#include <set>

#include "../checker.hpp"
#include "hipcheck/logic.hpp"

namespace hipcheck::loader {

void read_calculations(Loading& l) {
  const json& list = l.at("calculations");
  if (!list.is_array()) {
    if (l.bundle.contains("calculations"))
      l.c.fail("content.type", "/calculations", "calculations must be a list");
    return;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = pointer("/calculations", i);
    if (!l.c.object(list[i], path, "a calculation")) continue;
    l.c.allowed(list[i], path, {"id", "description", "rule"});
    Calculation calc;
    if (!l.c.id(list[i], path, l.names, calc.id)) continue;
    l.reserved(calc.id, path);
    std::string description;
    l.c.text(list[i], path, "description", description, false);
    l.rule(list[i], path, "rule", calc.rule, true);
    l.calc_paths[calc.id] = path;
    l.calcs.push_back(std::move(calc));
  }
}

// Orders calculations so each follows what it reads; reports each cycle once with its path.
void order_calculations(Loading& l) {
  std::map<std::string, std::vector<std::string>> deps;
  for (const auto& calc : l.calcs) {
    for (const auto& name : logic::variables(calc.rule)) {
      if (l.calc_paths.count(name)) deps[calc.id].push_back(name);
    }
  }
  std::map<std::string, int> state;  // 0 new, 1 on the stack, 2 done
  std::set<std::string> reported;
  for (const auto& calc : l.calcs) {
    if (state[calc.id] != 0) continue;
    // Iterative depth-first search: (calc, index of the next dependency to visit).
    std::vector<std::pair<std::string, std::size_t>> stack{{calc.id, 0}};
    state[calc.id] = 1;
    while (!stack.empty()) {
      auto& [id, next] = stack.back();
      const auto& d = deps[id];
      if (next < d.size()) {
        const std::string dep = d[next++];
        if (state[dep] == 0) {
          state[dep] = 1;
          stack.emplace_back(dep, 0);
        } else if (state[dep] == 1 && !reported.count(dep)) {
          std::string cycle;
          bool on = false;
          for (const auto& [sid, unused] : stack) {
            (void)unused;
            if (sid == dep) on = true;
            if (on) {
              cycle += sid + " → ";
              reported.insert(sid);
            }
          }
          l.c.fail("content.calc.cycle", pointer(l.calc_paths[dep], "rule"),
                   "the calculations read each other in a circle: " + cycle + dep);
        }
      } else {
        state[id] = 2;
        l.ordered.push_back(id);
        stack.pop_back();
      }
    }
  }
  std::map<std::string, const Calculation*> by_id;
  for (const auto& calc : l.calcs) by_id[calc.id] = &calc;
  for (const auto& id : l.ordered) l.content.calculations.push_back(*by_id[id]);
}

}  // namespace hipcheck::loader
