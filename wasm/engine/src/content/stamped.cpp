// The browser's reader of a stamped bundle (load_stamped_content). `hipcheck bundle` ran the full
// validator (content.cpp and the readers beside this file) before it stamped the bundle, and the
// engine has checked the stamp, so this reader only builds the model, in the same way the full
// loader does, and checks the structure the engine reads: every member the session, the result
// and the quiz read is there and of its type, ids are unique, references resolve. The first part
// that is not is refused as content.structure with its path, never a crash. The wasm build links
// this reader instead of the validator (CMakeLists.txt): it is most of the module's size saving.
#include <algorithm>
#include <map>
#include <set>

#include "hipcheck/content.hpp"
#include "hipcheck/logic.hpp"

namespace hipcheck {

namespace {

constexpr const char* kLevels[] = {"emergency", "urgent", "soon", "selfcare"};

enum class Want { Any, Text, Number, Integer, Flag, List, Object };

bool is(const json& v, Want want) {
  switch (want) {
    case Want::Any:
      return true;
    case Want::Text:
      return v.is_string();
    case Want::Number:
      return v.is_number();
    case Want::Integer:
      return v.is_number_integer();
    case Want::Flag:
      return v.is_boolean();
    case Want::List:
      return v.is_array();
    case Want::Object:
      return v.is_object();
  }
  return false;
}

// Where a part of the bundle is: a chain of keys and indexes up to a pointer written out, made a
// JSON pointer only when a problem is found there, so reading builds no path for the parts that
// are as they should be. A Where refers to the one above it, which must outlive it.
class Where {
 public:
  Where(const char* root) : root_(root) {}  // implicit: a pointer written out ("/meta") is a Where
  Where(const char* root, std::size_t index) : root_(root), index_(index) {}
  Where(const Where& up, const char* key) : up_(&up), key_(key) {}
  Where(const Where& up, const char* key, std::size_t index) : up_(&up), key_(key), index_(index) {}

  std::string text() const {
    std::string out = up_ != nullptr ? up_->text() : root_;
    if (key_ != nullptr) out = pointer(out, key_);
    if (index_ != kNone) out = pointer(out, index_);
    return out;
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  const Where* up_ = nullptr;
  const char* root_ = "";
  const char* key_ = nullptr;
  std::size_t index_ = kNone;
};

class Reader {
 public:
  Content content;
  std::string problem;  // the path of the first part the engine cannot read; "" when none
  bool failed = false;

  bool fail(const Where& at) {
    if (!failed) problem = at.text();
    failed = true;
    return false;
  }
  // obj[key] when it is of the type wanted; null (and a problem when required) otherwise.
  json* get(json& obj, const Where& path, const char* key, Want want, bool required = true) {
    if (obj.is_object()) {
      const auto it = obj.find(key);
      if (it != obj.end() && is(*it, want)) return &*it;
      if (it == obj.end() && !required) return nullptr;
    } else if (!required) {
      return nullptr;
    }
    fail(Where(path, key));
    return nullptr;
  }
  std::string text(json& obj, const Where& path, const char* key, bool required = true) {
    const json* v = get(obj, path, key, Want::Text, required);
    return v ? v->get<std::string>() : std::string();
  }
  // The same, taken out of the bundle (which keeps only what is read after the load).
  std::string take_text(json& obj, const Where& path, const char* key, bool required = true) {
    json* v = get(obj, path, key, Want::Text, required);
    return v ? std::move(v->get_ref<std::string&>()) : std::string();
  }
  double number(json& obj, const Where& path, const char* key, double fallback) {
    const json* v = get(obj, path, key, Want::Number, false);
    return v ? v->get<double>() : fallback;
  }
  // A rule, taken out of the bundle.
  json rule(json& obj, const Where& path, const char* key, bool required) {
    json* v = get(obj, path, key, Want::Any, required);
    return v ? std::move(*v) : json();
  }
  // A list of texts (sources), every one of them known when known is given.
  std::vector<std::string> texts(json& obj, const Where& path, const char* key, bool required) {
    std::vector<std::string> out;
    const json* list = get(obj, path, key, Want::List, required);
    for (std::size_t i = 0; list && i < list->size(); ++i) {
      const json& v = (*list)[i];
      if (!v.is_string() || !content.sources.count(v.get<std::string>())) {
        fail(Where(path, key, i));
      } else {
        out.push_back(v.get<std::string>());
      }
    }
    return out;
  }
  void level(const std::string& id, const Where& path) {
    if (std::find(std::begin(kLevels), std::end(kLevels), id) == std::end(kLevels)) fail(path);
  }

  void read_meta() {
    json& meta = at("meta");
    content.locale = text(meta, "/meta", "locale");
    content.id = text(meta, "/meta", "id");
    content.title = text(meta, "/meta", "title");
    text(meta, "/meta", "disclaimer");
    get(meta, "/meta", "reviewed", Want::Object);
    if (json* s = get(meta, "/meta", "severity", Want::Object, false)) {
      text(*s, "/meta/severity", "score");
      text(*s, "/meta/severity", "substantial");
    }
    text(meta, "/meta", "distanceUnit", false);
  }

  void read_sources() {
    json* list = get(bundle_, "", "sources", Want::List);
    for (std::size_t i = 0; list && i < list->size(); ++i) {
      json& s = (*list)[i];
      const Where at("/sources", i);
      const std::string id = text(s, at, "id");
      if (!content.sources.emplace(id, std::move(s)).second) fail(at);
    }
  }

  void read_item(json& src, const Where& path, std::size_t section, std::size_t page) {
    static constexpr std::pair<const char*, ItemType> kTypes[] = {
        {"single", ItemType::Single}, {"multiple", ItemType::Multiple},
        {"yesno", ItemType::YesNo},   {"number", ItemType::Number},
        {"scale", ItemType::Scale},   {"lesson", ItemType::Lesson}};
    Item item;
    item.section = section;
    item.page = page;
    item.id = text(src, path, "id");
    text(src, path, "text");
    item.enable_when = rule(src, path, "enableWhen", false);
    if (src.is_object()) src.erase("enableWhen");
    const std::string type = text(src, path, "type");
    const auto known = std::find_if(std::begin(kTypes), std::end(kTypes),
                                    [&](const auto& t) { return type == t.first; });
    if (known == std::end(kTypes)) {
      fail(Where(path, "type"));
      return;
    }
    item.type = known->second;
    if (item.type == ItemType::Single || item.type == ItemType::Multiple) {
      json* options = get(src, path, "options", Want::List);
      for (std::size_t i = 0; options && i < options->size(); ++i) {
        const Where opath(path, "options", i);
        json& o = (*options)[i];
        Option option;
        option.label = text(o, opath, "label");
        const json* flag = get(o, opath, "exclusive", Want::Flag, false);
        option.exclusive = flag && flag->get<bool>();
        const json* value = get(o, opath, "value", Want::Any);
        if (value && !value->is_string() && !value->is_number()) fail(Where(opath, "value"));
        if (value) option.value = *value;
        item.options.push_back(std::move(option));
      }
    } else if (item.type == ItemType::Number || item.type == ItemType::Scale) {
      const bool scale = item.type == ItemType::Scale;
      if (!scale) {
        item.unit = text(src, path, "unit", false);
        const json* flag = get(src, path, "notSure", Want::Flag, false);
        item.not_sure = flag && flag->get<bool>();
      }
      item.min = number(src, path, "min", scale ? 0 : -1);
      item.max = number(src, path, "max", scale ? 10 : -2);
      item.step = scale ? 1 : number(src, path, "step", 0);  // a scale goes in whole steps
      if (!(item.min < item.max) || !(item.step > 0)) fail(path);
    }
    item.source = std::move(src);
    if (content.item_index.count(item.id)) fail(Where(path, "id"));
    content.item_index[item.id] = content.items.size();
    content.items.push_back(std::move(item));
  }

  void read_questionnaire() {
    json& q = at("questionnaire");
    json* sections = get(q, "/questionnaire", "sections", Want::List);
    for (std::size_t s = 0; sections && s < sections->size(); ++s) {
      const Where spath("/questionnaire/sections", s);
      json& sec = (*sections)[s];
      Section section;
      section.id = take_text(sec, spath, "id");
      section.title = take_text(sec, spath, "title");
      section.intro = take_text(sec, spath, "intro", false);
      section.enable_when = rule(sec, spath, "enableWhen", false);
      content.sections.push_back(std::move(section));
      json* pages = get(sec, spath, "pages", Want::List);
      for (std::size_t p = 0; pages && p < pages->size(); ++p) {
        const Where ppath(spath, "pages", p);
        json& src = (*pages)[p];
        Page page;
        page.section = s;
        page.id = take_text(src, ppath, "id");
        page.title = take_text(src, ppath, "title", false);
        page.intro = take_text(src, ppath, "intro", false);
        page.enable_when = rule(src, ppath, "enableWhen", false);
        const std::size_t index = content.pages.size();
        if (content.page_index.count(page.id)) fail(Where(ppath, "id"));
        content.page_index[page.id] = index;
        content.sections[s].pages.push_back(index);
        json* items = get(src, ppath, "items", Want::List);
        for (std::size_t i = 0; items && i < items->size(); ++i) {
          page.items.push_back(content.items.size());
          read_item((*items)[i], Where(ppath, "items", i), s, index);
          if (content.items.size() != page.items.back() + 1) return;
          page.lesson = page.lesson || content.items.back().type == ItemType::Lesson;
        }
        // A page shows at least one item; a lesson stands alone.
        if (page.items.empty() || (page.lesson && page.items.size() > 1)) fail(ppath);
        content.pages.push_back(std::move(page));
      }
    }
    if (content.items.empty()) fail("/questionnaire/sections");
    for (const Page& page : content.pages) {
      if (content.item_index.count(page.id)) fail("/questionnaire");
    }
    json* stops = get(q, "/questionnaire", "stops", Want::List, false);
    for (std::size_t i = 0; stops && i < stops->size(); ++i) {
      const Where path("/questionnaire/stops", i);
      json& src = (*stops)[i];
      Stop stop;
      stop.id = take_text(src, path, "id");
      stop.level = take_text(src, path, "level");
      level(stop.level, Where(path, "level"));
      stop.when = rule(src, path, "when", true);
      const std::string action = text(src, path, "action");
      if (action != "end" && action != "notice") fail(Where(path, "action"));
      stop.action = action == "end" ? StopAction::End : StopAction::Notice;
      content.stops.push_back(std::move(stop));
    }
  }

  // Each calculation after the ones it reads (a depth-first walk in file order, as the full loader
  // orders them).
  void read_calculations() {
    json* list = get(bundle_, "", "calculations", Want::List);
    std::vector<Calculation> calcs;
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; list && i < list->size(); ++i) {
      const Where path("/calculations", i);
      Calculation calc;
      calc.id = take_text((*list)[i], path, "id");
      calc.rule = rule((*list)[i], path, "rule", true);
      if (!index.emplace(calc.id, calcs.size()).second) fail(Where(path, "id"));
      calcs.push_back(std::move(calc));
    }
    std::vector<int> state(calcs.size(), 0);  // 0 new, 1 on the way, 2 placed
    for (std::size_t first = 0; first < calcs.size(); ++first) {
      if (state[first] != 0) continue;
      std::vector<std::pair<std::size_t, std::vector<std::size_t>>> stack;
      const auto push = [&](std::size_t c) {
        std::vector<std::size_t> deps;
        for (const auto& name : logic::variables(calcs[c].rule)) {
          const auto it = index.find(name);
          if (it != index.end()) deps.push_back(it->second);
        }
        std::reverse(deps.begin(), deps.end());
        state[c] = 1;
        stack.emplace_back(c, std::move(deps));
      };
      push(first);
      while (!stack.empty()) {
        auto& [c, deps] = stack.back();
        if (deps.empty()) {
          state[c] = 2;
          content.calculations.push_back(std::move(calcs[c]));  // each is placed once
          stack.pop_back();
          continue;
        }
        const std::size_t next = deps.back();
        deps.pop_back();
        if (state[next] == 0) push(next);
      }
    }
  }

  void read_care() {
    json& care = at("care");
    json* levels = get(care, "/care", "levels", Want::List);
    for (std::size_t i = 0; levels && i < std::size(kLevels); ++i) {
      json* info = i < levels->size() ? &(*levels)[i] : nullptr;
      if (!info || !info->is_object() || !info->contains("id") || (*info)["id"] != kLevels[i]) {
        fail("/care/levels");
        continue;
      }
      for (const char* key : {"title", "action", "where"})
        text(*info, Where("/care/levels", i), key);
    }
    content.levels.assign(std::begin(kLevels), std::end(kLevels));
    json* flags = get(care, "/care", "flags", Want::List);
    for (std::size_t i = 0; flags && i < flags->size(); ++i) {
      const Where path("/care/flags", i);
      json& f = (*flags)[i];
      Flag flag;
      flag.id = take_text(f, path, "id");
      flag.level = take_text(f, path, "level");
      level(flag.level, Where(path, "level"));
      flag.when = rule(f, path, "when", true);
      flag.reason = take_text(f, path, "reason");
      flag.sources = texts(f, path, "sources", true);
      content.flags.push_back(std::move(flag));
    }
  }

  void read_causes() {
    json& causes = at("causes");
    if (json* levels = get(causes, "/causes", "levels", Want::Object)) {
      const json* some = get(*levels, "/causes/levels", "some", Want::Integer);
      const json* high = get(*levels, "/causes/levels", "high", Want::Integer);
      content.some_threshold = some ? some->get<int>() : 0;
      content.high_threshold = high ? high->get<int>() : 0;
    }
    json* list = get(causes, "/causes", "causes", Want::List);
    for (std::size_t i = 0; list && i < list->size(); ++i) {
      const Where path("/causes/causes", i);
      json& src = (*list)[i];
      Cause cause;
      cause.id = take_text(src, path, "id");
      cause.label = take_text(src, path, "label");
      cause.summary = take_text(src, path, "summary");
      json* factors = get(src, path, "factors", Want::List);
      for (std::size_t f = 0; factors && f < factors->size(); ++f) {
        const Where fpath(path, "factors", f);
        json& fs = (*factors)[f];
        Factor factor;
        factor.id = take_text(fs, fpath, "id");
        factor.when = rule(fs, fpath, "when", true);
        const json* points = get(fs, fpath, "points", Want::Integer);
        factor.points = points ? points->get<int>() : 0;
        factor.reason = take_text(fs, fpath, "reason");
        cause.factors.push_back(std::move(factor));
      }
      content.group_labels[cause.id] = cause.label;
      content.causes.push_back(std::move(cause));
    }
  }

  void read_tips() {
    json& tips = at("tips");
    json* groups = get(tips, "/tips", "groups", Want::List);
    for (std::size_t i = 0; groups && i < groups->size(); ++i) {
      const Where path("/tips/groups", i);
      content.group_labels[text((*groups)[i], path, "id")] = text((*groups)[i], path, "label");
    }
    json* list = get(tips, "/tips", "tips", Want::List);
    for (std::size_t i = 0; list && i < list->size(); ++i) {
      const Where path("/tips/tips", i);
      json& src = (*list)[i];
      Tip tip;
      tip.id = take_text(src, path, "id");
      tip.group = take_text(src, path, "group");
      if (!content.group_labels.count(tip.group)) fail(Where(path, "group"));
      tip.when = rule(src, path, "when", true);
      const json* priority = get(src, path, "priority", Want::Integer);
      tip.priority = priority ? priority->get<int>() : 0;
      tip.text = take_text(src, path, "text");
      tip.because = take_text(src, path, "because");
      tip.sources = texts(src, path, "sources", true);
      content.tips.push_back(std::move(tip));
    }
  }

  // What the result's plan and the quiz read from the bundle as they go.
  void read_plan_and_quiz() {
    json& plan = at("plan");
    for (const char* key : {"weeklyDistance", "longestRun", "title", "intro", "caveat", "stopRule"})
      text(plan, "/plan", key);
    get(plan, "/plan", "startFraction", Want::Any);
    get(plan, "/plan", "when", Want::Any);
    get(plan, "/plan", "weeks", Want::Integer);
    get(plan, "/plan", "weeklyIncrease", Want::Number);
    get(plan, "/plan", "longestRunIncrease", Want::Number);
    texts(plan, "/plan", "sources", true);
    if (json* walk = get(plan, "/plan", "walkRun", Want::Object, false)) {
      get(*walk, "/plan/walkRun", "when", Want::Any);
      get(*walk, "/plan/walkRun", "weeks", Want::Integer);
      text(*walk, "/plan/walkRun", "text");
    }
    json* quiz = get(bundle_, "", "quiz", Want::Object, false);
    if (!quiz) return;
    json* topics = get(*quiz, "/quiz", "topics", Want::List);
    for (std::size_t i = 0; topics && i < topics->size(); ++i)
      text((*topics)[i], Where("/quiz/topics", i), "id");
    json* questions = get(*quiz, "/quiz", "questions", Want::List);
    for (std::size_t i = 0; questions && i < questions->size(); ++i) {
      const Where path("/quiz/questions", i);
      text((*questions)[i], path, "id");
      text((*questions)[i], path, "topic");
      json* options = get((*questions)[i], path, "options", Want::List);
      for (std::size_t o = 0; options && o < options->size(); ++o) {
        const Where opath(path, "options", o);
        get((*options)[o], opath, "value", Want::Text);
        text((*options)[o], opath, "feedback");
      }
    }
  }

  // The items a rule reads, directly or through calculations, in questionnaire order.
  std::vector<std::string> items_read(const json& rule) const {
    std::set<std::string> seen;
    std::vector<std::string> todo = logic::variables(rule);
    while (!todo.empty()) {
      const std::string name = todo.back();
      todo.pop_back();
      if (!seen.insert(name).second) continue;
      for (const auto& calc : content.calculations) {
        if (calc.id == name) {
          for (auto& n : logic::variables(calc.rule)) todo.push_back(n);
        }
      }
    }
    std::vector<std::string> out;
    for (const auto& item : content.items) {
      if (seen.count(item.id)) out.push_back(item.id);
    }
    return out;
  }

  explicit Reader(json& bundle) : bundle_(bundle) {}

  void run() {
    if (!bundle_.is_object()) {
      fail("");
      return;
    }
    read_meta();
    read_sources();
    read_questionnaire();
    read_calculations();
    read_care();
    read_causes();
    read_tips();
    read_plan_and_quiz();
    for (Item& item : content.items) {
      if (!item.enable_when.is_null()) item.reads = items_read(item.enable_when);
    }
    for (Cause& cause : content.causes) {
      for (Factor& factor : cause.factors) factor.items = items_read(factor.when);
    }
    // What the model now holds (moved, not copied) leaves the bundle, which keeps what the engine
    // reads from it after the load (Content::bundle).
    for (const char* taken : {"questionnaire", "sources", "calculations", "causes", "tips"})
      bundle_.erase(taken);
    at("care").erase("flags");
  }

 private:
  json& at(const char* file) {
    json* v = get(bundle_, "", file, Want::Object);
    if (v) return *v;
    empty_ = json::object();
    return empty_;
  }
  json& bundle_;
  json empty_;
};

// Every rule the engine evaluates, compiled once before the content is shared (the validating
// load takes the rules its checks compiled instead: content.cpp).
void compile_rules(Content& c) {
  for (Section& s : c.sections) s.compiled = logic::Rule(s.enable_when);
  for (Page& p : c.pages) p.compiled = logic::Rule(p.enable_when);
  for (Item& i : c.items) i.compiled = logic::Rule(i.enable_when);
  for (Stop& s : c.stops) s.compiled = logic::Rule(s.when);
  for (Calculation& calc : c.calculations) calc.compiled = logic::Rule(calc.rule);
  for (Flag& f : c.flags) f.compiled = logic::Rule(f.when);
  for (Cause& cause : c.causes) {
    for (Factor& f : cause.factors) f.compiled = logic::Rule(f.when);
  }
  for (Tip& t : c.tips) t.compiled = logic::Rule(t.when);
}

}  // namespace

LoadResult load_stamped_content(json&& bundle, const std::string& version,
                                std::optional<std::size_t> depth) {
  LoadResult out;
  if ((depth ? *depth : json_depth(bundle)) > kMaxDepth + 8) {
    out.errors.push_back({"content.too-deep", "the content is nested too deeply", ""});
    return out;
  }
  Reader reader(bundle);
  reader.run();
  if (reader.failed) {
    out.errors.push_back({"content.structure",
                          "this part of the content is missing or not what the engine reads: "
                          "build the content again with hipcheck bundle",
                          reader.problem});
    return out;
  }
  // The rules-only version `hipcheck bundle` wrote (the same in every locale), else the stamp.
  const auto given = bundle.find("version");
  reader.content.version =
      given != bundle.end() && given->is_string() ? given->get<std::string>() : version;
  compile_rules(reader.content);
  reader.content.bundle = std::move(bundle);
  out.content = std::make_shared<const Content>(std::move(reader.content));
  return out;
}

}  // namespace hipcheck
