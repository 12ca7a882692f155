#include "hipcheck/content.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "checker.hpp"
#include "hipcheck/logic.hpp"
#include "hipcheck/text.hpp"
#include "hipcheck/words.hpp"

namespace hipcheck {

// The loader: each file's reader (src/content/<file>.cpp) checks its own file, then the checks
// across files run here once every id is known: rules, placeholders and references.
namespace loader {

namespace {

void check_option(Loading& l, const Item& item, const json& v, const std::string& path) {
  if (item.type == ItemType::Single || item.type == ItemType::Multiple) {
    if (v.is_null() || v.is_boolean()) return;
    for (const auto& o : item.options) {
      if (o.value == v) return;
    }
    l.c.fail("content.ref.unknown", path, "\"" + item.id + "\" has no option " + to_text(v));
  } else if (item.type == ItemType::YesNo && !v.is_boolean() && !v.is_null()) {
    l.c.fail("content.ref.unknown", path,
             "\"" + item.id + "\" is answered with true or false, not " + to_text(v));
  }
}

// {"==": [{"var": "units"}, "kmm"]} names an option that does not exist: a dangling reference.
void check_literals(Loading& l, const json& rule, const std::string& path) {
  if (rule.is_array()) {
    for (std::size_t i = 0; i < rule.size(); ++i) check_literals(l, rule[i], pointer(path, i));
    return;
  }
  if (!rule.is_object() || rule.size() != 1) return;
  const std::string& op = rule.begin().key();
  const json& args = rule.begin().value();
  const std::string opath = pointer(path, op);
  if (args.is_array() && args.size() == 2) {
    const bool compare = op == "==" || op == "===" || op == "!=" || op == "!==";
    for (int side = 0; side < 2 && (compare || op == "in"); ++side) {
      const json& var = args[static_cast<std::size_t>(side)];
      const json& literal = args[static_cast<std::size_t>(1 - side)];
      if (!var.is_object() || !var.contains("var") || !var["var"].is_string()) continue;
      if (literal.is_object() || (op == "in" && side == 0)) continue;
      if (var["var"] == "settings.mode" &&
          (!literal.is_string() || (literal != "full" && literal != "quick"))) {
        l.c.fail("content.ref.unknown", opath, "settings.mode is \"full\" or \"quick\"");
        continue;
      }
      const Item* item = l.content.item(var["var"].get<std::string>());
      if (!item) continue;
      std::vector<json> values =
          literal.is_array() ? literal.get<std::vector<json>>() : std::vector<json>{literal};
      for (const auto& v : values) check_option(l, *item, v, opath);
    }
  }
  if (args.is_array()) {
    for (std::size_t i = 0; i < args.size(); ++i) check_literals(l, args[i], pointer(opath, i));
  } else {
    check_literals(l, args, opath);
  }
}

// Every rule: sound JsonLogic, reads only known names, compares choices only with their options.
void check_rules(Loading& l) {
  for (auto& pending : l.rules) {
    const auto problems = logic::check(pending.rule);
    for (const auto& e : problems) {
      l.c.fail("content.rule.invalid", pending.path + e.path, e.message);
    }
    if (problems.empty()) {
      pending.sound = true;
      pending.compiled = logic::Rule(pending.rule);
    }
    for (const auto& name : logic::variables(pending.rule)) {
      if (!l.known_name(name)) {
        l.c.fail("content.ref.unknown", pending.path,
                 "the rule reads \"" + name + "\", which is not an item or a calculation");
      }
    }
    check_literals(l, pending.rule, pending.path);
  }
  for (const auto& [name, path] : l.names_used) {
    if (!l.known_name(name))
      l.c.fail("content.ref.unknown", path, "\"" + name + "\" is not an item or a calculation");
  }
  if (!l.distance_unit.first.empty()) {
    const Item* unit = l.content.item(l.distance_unit.first);
    if (!unit) {
      l.c.fail("content.ref.unknown", l.distance_unit.second,
               "\"" + l.distance_unit.first + "\" is not an item");
    } else if (unit->type != ItemType::Single) {
      l.c.fail("content.unit.distance", l.distance_unit.second,
               "the distance unit must be a single choice item");
    }
  }
  for (const auto& [lesson, path] : l.lessons_used) {
    const Item* item = l.content.item(lesson);
    if (!item || item->type != ItemType::Lesson)
      l.c.fail("content.ref.unknown", path, "\"" + lesson + "\" is not a lesson");
  }
}

void check_texts(Loading& l) {
  for (const auto& t : l.texts) {
    for (const auto& name : placeholders(t.text)) {
      if (!l.known_name(name)) {
        l.c.fail("content.placeholder.unknown", t.path,
                 "{{" + name + "}} is not an item or a calculation");
      }
    }
  }
}

void check_refs(Loading& l) {
  for (const auto& r : l.refs) {
    for (std::size_t i = 0; i < r.ids.size(); ++i) {
      const bool known = std::string(r.kind) == "source" ? l.content.sources.count(r.ids[i]) > 0
                                                         : l.structures.count(r.ids[i]) > 0;
      if (!known) {
        l.c.fail("content.ref.unknown", pointer(r.path, i),
                 std::string("unknown ") + r.kind + " \"" + r.ids[i] + "\"");
      }
    }
  }
}

// Worst-case answers for one evaluation of every rule: "most" gives each item its largest value,
// its longest option (the longest text, or the largest number), every option of a multiple choice
// (the longest list) and yes; "least" the smallest value, the first option and no. The settings
// follow the same split (full with lessons, quick without).
json worst_case(const Content& content, bool most) {
  json data = json::object();
  for (const Item& item : content.items) {
    json v;
    switch (item.type) {
      case ItemType::Number:
      case ItemType::Scale:
        v = most ? item.max : item.min;
        break;
      case ItemType::YesNo:
        v = most;
        break;
      case ItemType::Lesson:
        v = true;
        break;
      case ItemType::Single: {
        if (item.options.empty()) break;
        const Option* pick = &item.options.front();
        if (most) {
          for (const Option& o : item.options) {
            const auto size = [](const json& x) {
              return x.is_string() ? static_cast<double>(x.get<std::string>().size())
                                   : (x.is_number() ? x.get<double>() : 0.0);
            };
            if (size(o.value) > size(pick->value)) pick = &o;
          }
        }
        v = pick->value;
        break;
      }
      case ItemType::Multiple:
        v = json::array();
        for (const Option& o : item.options) {
          v.push_back(o.value);
          if (!most) break;
        }
        break;
    }
    data[item.id] = std::move(v);
  }
  data[kSettings] = most ? json{{"mode", "full"}, {"lessons", true}}
                         : json{{"mode", "quick"}, {"lessons", false}};
  return data;
}

// Every rule (calculations, enableWhen, stops, flags, factors, tips, plan) is evaluated against the
// worst-case answers with the runner's work budget (logic::kMaxWork each): a rule that runs out is
// logic.budget at the operation that ran out, so content can never make the page hang. Calculations
// run first, in their order, so the rules that read them see their worst-case values too. Only sound
// rules are evaluated (check_rules reports the others).
void check_budgets(Loading& l) {
  std::set<std::string> reported;
  const auto evaluate = [&](const PendingRule& pending, const json& data) -> json {
    if (!pending.sound) return json();
    logic::Budget budget;
    logic::Outcome outcome = pending.compiled.apply(data, budget);
    if (!outcome.ok && outcome.error.id == "logic.budget" && reported.insert(pending.path).second) {
      l.c.fail("logic.budget", pending.path + outcome.error.path,
               "this rule does too much work for the worst-case answers (every answer at its "
               "largest or smallest): " + outcome.error.message);
    }
    return outcome.ok ? std::move(outcome.value) : json();
  };
  std::map<std::string, const PendingRule*> by_path;
  for (const auto& pending : l.rules) by_path[pending.path] = &pending;
  for (const bool most : {true, false}) {
    json data = worst_case(l.content, most);
    std::set<std::string> calc_rules;
    for (const Calculation& calc : l.content.calculations) {
      const auto path = l.calc_paths.find(calc.id);
      if (path == l.calc_paths.end()) continue;
      const auto pending = by_path.find(pointer(path->second, "rule"));
      if (pending == by_path.end()) continue;
      calc_rules.insert(pending->first);
      json value = evaluate(*pending->second, data);
      if (value.is_number_float() && !std::isfinite(value.get<double>())) value = nullptr;
      data[calc.id] = std::move(value);
    }
    for (const auto& pending : l.rules) {
      if (!calc_rules.count(pending.path)) (void)evaluate(pending, data);
    }
  }
}

// The content's version hashes the rules only (not the words, meta.locale or ui), so every
// locale of the same rules has the same version and a state or share link saved in one language
// restores in another. `hipcheck bundle` writes it into the bundle as "version" (the browser's
// stamped read takes it from there: content/stamped.cpp); this load checks it.
void set_version(Loading& l) {
  const auto given = l.bundle.find("version");
  json rules = strip_words(l.bundle);
  rules.erase("version");
  l.content.version = fingerprint("", to_text(rules));
  if (given != l.bundle.end() && (!given->is_string() || given->get<std::string>() != l.content.version)) {
    l.c.fail("content.version", "/version",
             "the bundle's version is not its rules' version: build it again with hipcheck bundle");
  }
}

// Every rule of the model compiled: each takes the rule check_rules compiled where it was written
// (found by its path), so no rule is compiled twice. Called only when the content has no problem:
// the model then holds every part at the index it was written at.
void compile_model(Loading& l) {
  std::map<std::string, const PendingRule*> by_path;
  for (const auto& pending : l.rules) {
    if (pending.sound) by_path.emplace(pending.path, &pending);
  }
  const auto take = [&](const json& rule, const std::string& path) {
    const auto it = by_path.find(path);
    return it != by_path.end() && it->second->rule == rule ? it->second->compiled
                                                           : logic::Rule(rule);
  };
  const auto at = [](const std::vector<std::string>& paths, std::size_t i) {
    return i < paths.size() ? paths[i] + "/enableWhen" : std::string();
  };
  Content& c = l.content;
  for (std::size_t i = 0; i < c.sections.size(); ++i)
    c.sections[i].compiled = take(c.sections[i].enable_when, at(l.section_paths, i));
  for (std::size_t i = 0; i < c.pages.size(); ++i)
    c.pages[i].compiled = take(c.pages[i].enable_when, at(l.page_paths, i));
  for (std::size_t i = 0; i < c.items.size(); ++i)
    c.items[i].compiled = take(c.items[i].enable_when, at(l.item_paths, i));
  for (std::size_t i = 0; i < c.stops.size(); ++i)
    c.stops[i].compiled = take(c.stops[i].when, pointer(pointer("/questionnaire/stops", i), "when"));
  for (Calculation& calc : c.calculations) {
    const auto path = l.calc_paths.find(calc.id);
    calc.compiled =
        take(calc.rule, path == l.calc_paths.end() ? std::string() : pointer(path->second, "rule"));
  }
  for (std::size_t i = 0; i < c.flags.size(); ++i)
    c.flags[i].compiled = take(c.flags[i].when, pointer(pointer("/care/flags", i), "when"));
  for (std::size_t i = 0; i < c.causes.size(); ++i) {
    const std::string path = pointer(pointer("/causes/causes", i), "factors");
    auto& factors = c.causes[i].factors;
    for (std::size_t f = 0; f < factors.size(); ++f)
      factors[f].compiled = take(factors[f].when, pointer(pointer(path, f), "when"));
  }
  for (std::size_t i = 0; i < c.tips.size(); ++i)
    c.tips[i].compiled = take(c.tips[i].when, pointer(pointer("/tips/tips", i), "when"));
}

LoadResult finish(Loading& l) {
  LoadResult out;
  if (l.c.errors.empty() && l.bundle.is_object()) set_version(l);
  if (l.c.errors.empty()) {
    compile_model(l);
    if (l.owned != nullptr) {
      l.content.bundle = std::move(*l.owned);
    } else {
      l.content.bundle = l.bundle;
    }
    out.content = std::make_shared<const Content>(std::move(l.content));
  }
  out.errors = std::move(l.c.errors);
  return out;
}

LoadResult run(Loading& l) {
  // Checked before anything walks or copies the bundle: deep nesting must not exhaust the stack.
  if (json_depth(l.bundle) > kMaxDepth + 8) {
    l.c.fail("content.too-deep", "", "the content is nested too deeply");
    return finish(l);
  }
  if (!l.c.object(l.bundle, "", "the content bundle")) return finish(l);
  for (const char* file :
       {"meta", "questionnaire", "calculations", "care", "causes", "tips", "sources", "plan"}) {
    if (!l.bundle.contains(file)) {
      l.c.fail("content.file.missing", pointer("", file),
               std::string("the file ") + file + ".json is missing");
    }
  }
  l.c.allowed(l.bundle, "",
              {"meta", "questionnaire", "calculations", "care", "causes", "tips", "sources", "plan",
               "anatomy", "quiz", "slides", "ui", "version"});
  read_sources(l);
  read_anatomy(l);
  read_meta(l);
  read_questionnaire(l);
  read_calculations(l);
  read_care(l);
  read_causes(l);
  read_tips(l);
  read_plan(l);
  read_quiz(l);
  read_slides(l);
  check_rules(l);
  order_calculations(l);
  check_page_order(l);  // also records what each item's rule and each factor reads
  check_texts(l);
  check_refs(l);
  check_budgets(l);
  return finish(l);
}

}  // namespace

}  // namespace loader

LoadResult load_content(const json& bundle) {
  loader::Loading l(bundle);
  return loader::run(l);
}

LoadResult load_content(json&& bundle, const std::string& version) {
  loader::Loading l(bundle);
  l.owned = &bundle;
  l.version = version;
  return loader::run(l);
}

}  // namespace hipcheck
