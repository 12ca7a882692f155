#include "hipcheck/content.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <initializer_list>
#include <set>

#include "hipcheck/logic.hpp"
#include "hipcheck/text.hpp"

namespace hipcheck {

const Item* Content::item(const std::string& item_id) const {
  const auto it = item_index.find(item_id);
  return it == item_index.end() ? nullptr : &items[it->second];
}

namespace {

const std::vector<std::string> kLevels = {"emergency", "urgent", "soon", "selfcare"};
const std::vector<std::string> kCauses = {"overuse", "footwear", "form", "imbalance"};

bool valid_id(const std::string& s) {
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string fingerprint(const json& bundle) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a, 64 bit
  for (unsigned char c : to_text(bundle)) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// Reads typed fields out of the bundle, recording a problem (with its JSON pointer) for each one
// that is missing or of the wrong type, so that every problem is reported in one pass.
class Checker {
 public:
  std::vector<Error> errors;

  void fail(const std::string& id, const std::string& path, const std::string& message) {
    errors.push_back(Error{id, message, path});
  }

  const json* field(const json& obj, const std::string& path, const char* key, bool required) {
    if (obj.is_object() && obj.contains(key)) return &obj[key];
    if (required)
      fail("content.field.missing", pointer(path, key), std::string("\"") + key + "\" is required");
    return nullptr;
  }

  bool text(const json& obj, const std::string& path, const char* key, std::string& out,
            bool required = true) {
    const json* v = field(obj, path, key, required);
    if (!v) return false;
    if (!v->is_string() || (required && v->get<std::string>().empty())) {
      fail("content.type", pointer(path, key),
           std::string("\"") + key + "\" must be a non-empty text");
      return false;
    }
    out = v->get<std::string>();
    return true;
  }

  bool number(const json& obj, const std::string& path, const char* key, double& out,
              bool required = true) {
    const json* v = field(obj, path, key, required);
    if (!v) return false;
    if (!v->is_number()) {
      fail("content.type", pointer(path, key), std::string("\"") + key + "\" must be a number");
      return false;
    }
    out = v->get<double>();
    return true;
  }

  bool integer(const json& obj, const std::string& path, const char* key, int& out, int lo,
               int hi) {
    double v = 0;
    if (!number(obj, path, key, v)) return false;
    if (v != std::floor(v) || v < lo || v > hi) {
      fail("content.range", pointer(path, key),
           std::string("\"") + key + "\" must be a whole number from " + std::to_string(lo) +
               " to " + std::to_string(hi));
      return false;
    }
    out = static_cast<int>(v);
    return true;
  }

  bool flag(const json& obj, const std::string& path, const char* key, bool& out) {
    const json* v = field(obj, path, key, false);
    if (!v) return false;
    if (!v->is_boolean()) {
      fail("content.type", pointer(path, key),
           std::string("\"") + key + "\" must be true or false");
      return false;
    }
    out = v->get<bool>();
    return true;
  }

  const json* array(const json& obj, const std::string& path, const char* key,
                    bool required = true) {
    const json* v = field(obj, path, key, required);
    if (v && !v->is_array()) {
      fail("content.type", pointer(path, key), std::string("\"") + key + "\" must be a list");
      return nullptr;
    }
    return v;
  }

  bool object(const json& value, const std::string& path, const char* what) {
    if (value.is_object()) return true;
    fail("content.type", path, std::string(what) + " must be an object");
    return false;
  }

  void allowed(const json& obj, const std::string& path, std::initializer_list<const char*> keys) {
    if (!obj.is_object()) return;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      const std::string& key = it.key();
      if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; })) {
        fail("content.field.unknown", pointer(path, key), "unknown field \"" + key + "\"");
      }
    }
  }

  // An id field: present, well formed, and unique within `seen`.
  bool id(const json& obj, const std::string& path, std::set<std::string>& seen, std::string& out) {
    if (!text(obj, path, "id", out)) return false;
    if (!valid_id(out)) {
      fail("content.id.invalid", pointer(path, "id"),
           "id \"" + out + "\" must start with a-z and use only a-z, 0-9 and _");
      return false;
    }
    if (!seen.insert(out).second) {
      fail("content.id.duplicate", pointer(path, "id"), "id \"" + out + "\" is used twice");
      return false;
    }
    return true;
  }
};

// Where a rule or text was found, to check it once every id is known.
struct PendingRule {
  json rule;
  std::string path;
};
struct PendingText {
  std::string text;
  std::string path;
};
struct PendingRefs {
  std::vector<std::string> ids;
  std::string path;
  const char* kind;  // "source", "structure", …
};

class Loader {
 public:
  explicit Loader(const json& bundle) : bundle_(bundle) {}

  LoadResult run() {
    // Checked before anything walks or copies the bundle: deep nesting must not exhaust the stack.
    if (json_depth(bundle_) > kMaxDepth + 8) {
      c_.fail("content.too-deep", "", "the content is nested too deeply");
      return finish();
    }
    if (!c_.object(bundle_, "", "the content bundle")) return finish();
    for (const char* file :
         {"meta", "questionnaire", "calculations", "care", "causes", "tips", "sources", "plan"}) {
      if (!bundle_.contains(file)) {
        c_.fail("content.file.missing", pointer("", file),
                std::string("the file ") + file + ".json is missing");
      }
    }
    c_.allowed(bundle_, "",
               {"meta", "questionnaire", "calculations", "care", "causes", "tips", "sources",
                "plan", "anatomy", "quiz", "ui"});
    load_sources();
    load_anatomy();
    load_meta();
    load_questionnaire();
    load_calculations();
    load_care();
    load_causes();
    load_tips();
    load_plan();
    load_quiz();
    check_rules();
    order_calculations();
    check_item_order();
    check_texts();
    check_refs();
    return finish();
  }

 private:
  const json& at(const char* file) {
    static const json empty;
    return bundle_.contains(file) ? bundle_[file] : empty;
  }

  void rule(const json& obj, const std::string& path, const char* key, json& out, bool required) {
    const json* r = c_.field(obj, path, key, required);
    if (!r) return;
    out = *r;
    rules_.push_back({*r, pointer(path, key)});
  }

  void sources_of(const json& obj, const std::string& path, std::vector<std::string>* out,
                  bool required) {
    const json* list = c_.array(obj, path, "sources", required);
    if (!list) return;
    if (required && list->empty())
      c_.fail("content.source.none", pointer(path, "sources"), "give at least one source");
    PendingRefs refs{{}, pointer(path, "sources"), "source"};
    for (std::size_t i = 0; i < list->size(); ++i) {
      const json& s = (*list)[i];
      if (!s.is_string()) {
        c_.fail("content.type", pointer(refs.path, i), "a source id must be a text");
        continue;
      }
      refs.ids.push_back(s.get<std::string>());
      if (out) out->push_back(s.get<std::string>());
    }
    refs_.push_back(refs);
  }

  void texts(const json& obj, const std::string& path, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
      if (obj.is_object() && obj.contains(key) && obj[key].is_string()) {
        texts_.push_back({obj[key].get<std::string>(), pointer(path, key)});
      }
    }
  }

  void load_sources() {
    const json& list = at("sources");
    if (!list.is_array()) {
      if (bundle_.contains("sources"))
        c_.fail("content.type", "/sources", "sources must be a list");
      return;
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = pointer("/sources", i);
      const json& s = list[i];
      if (!c_.object(s, path, "a source")) continue;
      c_.allowed(s, path, {"id", "title", "publisher", "year", "url", "authors", "note"});
      std::string sid, title, publisher;
      int year = 0;
      c_.text(s, path, "title", title);
      c_.text(s, path, "publisher", publisher);
      c_.integer(s, path, "year", year, 1900, 2100);
      if (c_.id(s, path, seen, sid)) content_.sources[sid] = s;
      std::string url;
      if (c_.text(s, path, "url", url, false) && url.rfind("https://", 0) != 0) {
        c_.fail("content.url", pointer(path, "url"), "a link must start with https://");
      }
    }
  }

  void load_anatomy() {
    if (!bundle_.contains("anatomy")) return;
    const json& list = at("anatomy");
    if (!list.is_array()) {
      c_.fail("content.type", "/anatomy", "anatomy must be a list");
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = pointer("/anatomy", i);
      if (!c_.object(list[i], path, "a structure")) continue;
      c_.allowed(list[i], path, {"id", "name", "description"});
      std::string sid, name, description;
      c_.id(list[i], path, structures_, sid);
      c_.text(list[i], path, "name", name);
      c_.text(list[i], path, "description", description);
    }
  }

  void load_meta() {
    const json& meta = at("meta");
    if (!c_.object(meta, "/meta", "meta")) return;
    c_.allowed(meta, "/meta",
               {"schemaVersion", "locale", "id", "title", "reviewed", "disclaimer", "severity",
                "distanceUnit", "labels"});
    int version = 0;
    if (c_.integer(meta, "/meta", "schemaVersion", version, 1, 1000) && version != 1) {
      c_.fail("content.schema.version", "/meta/schemaVersion",
              "this engine reads schema version 1, not " + std::to_string(version));
    }
    c_.text(meta, "/meta", "locale", content_.locale);
    c_.text(meta, "/meta", "id", content_.id);
    c_.text(meta, "/meta", "title", content_.title);
    std::string disclaimer;
    c_.text(meta, "/meta", "disclaimer", disclaimer);
    texts(meta, "/meta", {"disclaimer", "title"});
    if (const json* r = c_.field(meta, "/meta", "reviewed", true);
        r && c_.object(*r, "/meta/reviewed", "reviewed")) {
      c_.allowed(*r, "/meta/reviewed", {"by", "role", "date", "note"});
      std::string by, role, date;
      c_.text(*r, "/meta/reviewed", "by", by);
      c_.text(*r, "/meta/reviewed", "role", role);
      c_.text(*r, "/meta/reviewed", "date", date, false);
    }
    if (const json* s = c_.field(meta, "/meta", "severity", false);
        s && c_.object(*s, "/meta/severity", "severity")) {
      c_.allowed(*s, "/meta/severity", {"score", "substantial"});
      for (const char* key : {"score", "substantial"}) {
        std::string name;
        if (c_.text(*s, "/meta/severity", key, name))
          names_used_.push_back({name, pointer("/meta/severity", key)});
      }
    }
    std::string unit_item;
    if (c_.text(meta, "/meta", "distanceUnit", unit_item, false))
      distance_unit_ = {unit_item, "/meta/distanceUnit"};
    if (const json* l = c_.field(meta, "/meta", "labels", true);
        l && c_.object(*l, "/meta/labels", "labels")) {
      std::string s;
      for (const char* key : {"yes", "no", "notSure", "notGiven"})
        c_.text(*l, "/meta/labels", key, s);
      if (const json* u = c_.field(*l, "/meta/labels", "units", true);
          u && c_.object(*u, "/meta/labels/units", "units")) {
        for (const auto& [unit, name] : u->items()) {
          if (!name.is_string())
            c_.fail("content.type", pointer("/meta/labels/units", unit),
                    "a unit label must be a text");
        }
      }
    }
  }

  void load_questionnaire() {
    const json& q = at("questionnaire");
    if (!c_.object(q, "/questionnaire", "the questionnaire")) return;
    c_.allowed(q, "/questionnaire", {"sections"});
    const json* sections = c_.array(q, "/questionnaire", "sections");
    if (!sections) return;
    std::set<std::string> section_ids;
    for (std::size_t s = 0; s < sections->size(); ++s) {
      const std::string spath = pointer("/questionnaire/sections", s);
      const json& sec = (*sections)[s];
      if (!c_.object(sec, spath, "a section")) continue;
      c_.allowed(sec, spath, {"id", "title", "intro", "enableWhen", "items"});
      Section section;
      c_.id(sec, spath, section_ids, section.id);
      json section_rule;  // a section's enableWhen applies to each of its items
      rule(sec, spath, "enableWhen", section_rule, false);
      c_.text(sec, spath, "title", section.title);
      texts(sec, spath, {"title", "intro"});
      content_.sections.push_back(section);
      const json* items = c_.array(sec, spath, "items");
      if (!items) continue;
      if (items->empty())
        c_.fail("content.section.empty", pointer(spath, "items"),
                "a section needs at least one item");
      for (std::size_t i = 0; i < items->size(); ++i) {
        load_item((*items)[i], pointer(pointer(spath, "items"), i), content_.sections.size() - 1,
                  section_rule);
      }
    }
    if (content_.items.empty())
      c_.fail("content.questionnaire.empty", "/questionnaire/sections",
              "the questionnaire has no items");
  }

  void load_item(const json& src, const std::string& path, std::size_t section,
                 const json& section_rule) {
    if (!c_.object(src, path, "an item")) return;
    Item item;
    item.section = section;
    item.source = src;
    if (!c_.id(src, path, names_, item.id)) return;
    std::string type, text, help;
    c_.text(src, path, "text", text);
    c_.text(src, path, "help", help, false);
    texts(src, path, {"text", "help", "minLabel", "maxLabel"});
    rule(src, path, "enableWhen", item.enable_when, false);
    if (!section_rule.is_null()) {
      item.enable_when = item.enable_when.is_null()
                             ? section_rule
                             : json{{"and", json::array({section_rule, item.enable_when})}};
    }
    sources_of(src, path, nullptr, false);
    if (!c_.text(src, path, "type", type)) return;
    static const std::map<std::string, ItemType> types = {
        {"single", ItemType::Single}, {"multiple", ItemType::Multiple},
        {"yesno", ItemType::YesNo},   {"number", ItemType::Number},
        {"scale", ItemType::Scale},   {"lesson", ItemType::Lesson}};
    const auto t = types.find(type);
    if (t == types.end()) {
      c_.fail(
          "content.item.type", pointer(path, "type"),
          "unknown item type \"" + type + "\" (single, multiple, yesno, number, scale or lesson)");
      return;
    }
    item.type = t->second;
    switch (item.type) {
      case ItemType::Single:
      case ItemType::Multiple:
        c_.allowed(src, path, {"id", "type", "text", "help", "enableWhen", "sources", "options"});
        load_options(src, path, item);
        break;
      case ItemType::YesNo:
        c_.allowed(src, path, {"id", "type", "text", "help", "enableWhen", "sources"});
        break;
      case ItemType::Number:
        c_.allowed(src, path,
                   {"id", "type", "text", "help", "enableWhen", "sources", "unit", "min", "max",
                    "step", "notSure"});
        c_.text(src, path, "unit", item.unit);
        c_.flag(src, path, "notSure", item.not_sure);
        load_range(src, path, item, true);
        if (item.unit == "distance" && distance_unit_.first.empty()) {
          c_.fail("content.unit.distance", pointer(path, "unit"),
                  "the unit \"distance\" needs meta.distanceUnit to name the item that chooses km "
                  "or miles");
        }
        break;
      case ItemType::Scale:
        c_.allowed(src, path,
                   {"id", "type", "text", "help", "enableWhen", "sources", "min", "max", "minLabel",
                    "maxLabel"});
        item.min = 0;
        item.max = 10;
        load_range(src, path, item, false);
        if (item.min != std::floor(item.min) || item.max != std::floor(item.max)) {
          c_.fail("content.range", path, "a scale runs between whole numbers");
        }
        break;
      case ItemType::Lesson: {
        c_.allowed(src, path,
                   {"id", "type", "text", "help", "enableWhen", "sources", "body", "structures"});
        const json* body = c_.array(src, path, "body");
        if (body && body->empty())
          c_.fail("content.lesson.empty", pointer(path, "body"),
                  "a lesson needs at least one paragraph");
        for (std::size_t i = 0; body && i < body->size(); ++i) {
          if (!(*body)[i].is_string())
            c_.fail("content.type", pointer(pointer(path, "body"), i),
                    "a paragraph must be a text");
          else
            texts_.push_back({(*body)[i].get<std::string>(), pointer(pointer(path, "body"), i)});
        }
        if (const json* st = c_.array(src, path, "structures", false)) {
          PendingRefs refs{{}, pointer(path, "structures"), "structure"};
          for (const auto& s : *st)
            refs.ids.push_back(s.is_string() ? s.get<std::string>() : to_text(s));
          refs_.push_back(refs);
        }
        break;
      }
    }
    content_.item_index[item.id] = content_.items.size();
    content_.items.push_back(std::move(item));
    item_paths_.push_back(path);
  }

  void load_range(const json& src, const std::string& path, Item& item, bool required) {
    c_.number(src, path, "min", item.min, required);
    c_.number(src, path, "max", item.max, required);
    if (required) c_.number(src, path, "step", item.step, true);
    if (!(item.min < item.max)) {
      c_.fail("content.range", path, "min must be less than max");
    } else if (!(item.step > 0) || item.step > item.max - item.min) {
      c_.fail("content.range", pointer(path, "step"),
              "step must be above 0 and fit between min and max");
    }
  }

  void load_options(const json& src, const std::string& path, Item& item) {
    const json* options = c_.array(src, path, "options");
    if (!options) return;
    if (options->size() < 2)
      c_.fail("content.options.few", pointer(path, "options"),
              "a choice needs at least two options");
    for (std::size_t i = 0; i < options->size(); ++i) {
      const std::string opath = pointer(pointer(path, "options"), i);
      const json& o = (*options)[i];
      if (!c_.object(o, opath, "an option")) continue;
      c_.allowed(o, opath, {"value", "label", "help", "exclusive"});
      Option option;
      c_.text(o, opath, "label", option.label);
      texts(o, opath, {"label", "help"});
      c_.flag(o, opath, "exclusive", option.exclusive);
      if (option.exclusive && item.type != ItemType::Multiple) {
        c_.fail("content.option.exclusive", pointer(opath, "exclusive"),
                "only a multiple choice has exclusive options");
      }
      const json* v = c_.field(o, opath, "value", true);
      if (!v) continue;
      if (!v->is_string() && !v->is_number()) {
        c_.fail("content.type", pointer(opath, "value"),
                "an option value must be a text or a number");
        continue;
      }
      for (const auto& other : item.options) {
        if (other.value == *v) {
          c_.fail("content.option.duplicate", pointer(opath, "value"),
                  "the value " + to_text(*v) + " is used by two options of \"" + item.id + "\"");
        }
      }
      option.value = *v;
      item.options.push_back(std::move(option));
    }
  }

  void load_calculations() {
    const json& list = at("calculations");
    if (!list.is_array()) {
      if (bundle_.contains("calculations"))
        c_.fail("content.type", "/calculations", "calculations must be a list");
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = pointer("/calculations", i);
      if (!c_.object(list[i], path, "a calculation")) continue;
      c_.allowed(list[i], path, {"id", "description", "rule"});
      Calculation calc;
      if (!c_.id(list[i], path, names_, calc.id)) continue;
      std::string description;
      c_.text(list[i], path, "description", description, false);
      rule(list[i], path, "rule", calc.rule, true);
      calc_paths_[calc.id] = path;
      calcs_.push_back(std::move(calc));
    }
  }

  void load_care() {
    const json& care = at("care");
    if (!c_.object(care, "/care", "care")) return;
    c_.allowed(care, "/care", {"levels", "flags"});
    if (const json* levels = c_.array(care, "/care", "levels")) {
      std::vector<std::string> ids;
      std::set<std::string> seen;
      for (std::size_t i = 0; i < levels->size(); ++i) {
        const std::string path = pointer("/care/levels", i);
        const json& l = (*levels)[i];
        if (!c_.object(l, path, "a care level")) continue;
        c_.allowed(l, path, {"id", "title", "action", "where"});
        std::string lid, s;
        if (c_.id(l, path, seen, lid)) ids.push_back(lid);
        c_.text(l, path, "title", s);
        c_.text(l, path, "action", s);
        c_.text(l, path, "where", s);
        texts(l, path, {"title", "action", "where"});
      }
      if (ids != kLevels) {
        c_.fail("content.care.levels", "/care/levels",
                "the care levels must be emergency, urgent, soon and selfcare, in that order");
      }
      content_.levels = kLevels;
    }
    const json* flags = c_.array(care, "/care", "flags");
    if (!flags) return;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < flags->size(); ++i) {
      const std::string path = pointer("/care/flags", i);
      const json& f = (*flags)[i];
      if (!c_.object(f, path, "a red flag")) continue;
      c_.allowed(f, path, {"id", "level", "when", "reason", "sources"});
      Flag flag;
      c_.id(f, path, seen, flag.id);
      if (c_.text(f, path, "level", flag.level) &&
          std::find(kLevels.begin(), kLevels.end(), flag.level) == kLevels.end()) {
        c_.fail("content.ref.unknown", pointer(path, "level"),
                "unknown care level \"" + flag.level + "\"");
      }
      rule(f, path, "when", flag.when, true);
      c_.text(f, path, "reason", flag.reason);
      texts(f, path, {"reason"});
      sources_of(f, path, &flag.sources, true);
      content_.flags.push_back(std::move(flag));
    }
  }

  void load_causes() {
    const json& causes = at("causes");
    if (!c_.object(causes, "/causes", "causes")) return;
    c_.allowed(causes, "/causes", {"levels", "causes"});
    if (const json* l = c_.field(causes, "/causes", "levels", true);
        l && c_.object(*l, "/causes/levels", "levels")) {
      c_.allowed(*l, "/causes/levels", {"some", "high"});
      const bool some = c_.integer(*l, "/causes/levels", "some", content_.some_threshold, 1, 100);
      const bool high = c_.integer(*l, "/causes/levels", "high", content_.high_threshold, 1, 100);
      if (some && high && content_.some_threshold >= content_.high_threshold) {
        c_.fail("content.range", "/causes/levels", "\"some\" must be below \"high\"");
      }
    }
    const json* list = c_.array(causes, "/causes", "causes");
    if (!list) return;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string path = pointer("/causes/causes", i);
      const json& src = (*list)[i];
      if (!c_.object(src, path, "a cause")) continue;
      c_.allowed(src, path, {"id", "label", "summary", "factors"});
      Cause cause;
      if (!c_.id(src, path, seen, cause.id)) continue;
      c_.text(src, path, "label", cause.label);
      c_.text(src, path, "summary", cause.summary);
      texts(src, path, {"label", "summary"});
      if (const json* factors = c_.array(src, path, "factors")) {
        std::set<std::string> factor_ids;
        for (std::size_t f = 0; f < factors->size(); ++f) {
          const std::string fpath = pointer(pointer(path, "factors"), f);
          const json& fs = (*factors)[f];
          if (!c_.object(fs, fpath, "a factor")) continue;
          c_.allowed(fs, fpath, {"id", "when", "points", "reason"});
          Factor factor;
          c_.id(fs, fpath, factor_ids, factor.id);
          rule(fs, fpath, "when", factor.when, true);
          c_.integer(fs, fpath, "points", factor.points, 1, 100);
          c_.text(fs, fpath, "reason", factor.reason);
          texts(fs, fpath, {"reason"});
          cause.factors.push_back(std::move(factor));
        }
      }
      content_.group_labels[cause.id] = cause.label;
      content_.causes.push_back(std::move(cause));
    }
    if (seen != std::set<std::string>(kCauses.begin(), kCauses.end())) {
      c_.fail("content.causes", "/causes/causes",
              "the causes must be overuse, footwear, form and imbalance");
    }
  }

  void load_tips() {
    const json& tips = at("tips");
    if (!c_.object(tips, "/tips", "tips")) return;
    c_.allowed(tips, "/tips", {"groups", "tips"});
    std::set<std::string> groups(kCauses.begin(), kCauses.end());
    if (const json* list = c_.array(tips, "/tips", "groups")) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = pointer("/tips/groups", i);
        if (!c_.object((*list)[i], path, "a group")) continue;
        c_.allowed((*list)[i], path, {"id", "label"});
        std::string gid, label;
        c_.id((*list)[i], path, groups, gid);
        if (c_.text((*list)[i], path, "label", label)) content_.group_labels[gid] = label;
        texts((*list)[i], path, {"label"});
      }
    }
    const json* list = c_.array(tips, "/tips", "tips");
    if (!list) return;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string path = pointer("/tips/tips", i);
      const json& src = (*list)[i];
      if (!c_.object(src, path, "a tip")) continue;
      c_.allowed(src, path, {"id", "group", "when", "priority", "text", "because", "sources"});
      Tip tip;
      c_.id(src, path, seen, tip.id);
      if (c_.text(src, path, "group", tip.group) && !groups.count(tip.group)) {
        c_.fail("content.ref.unknown", pointer(path, "group"),
                "unknown tip group \"" + tip.group + "\"");
      }
      rule(src, path, "when", tip.when, true);
      c_.integer(src, path, "priority", tip.priority, 1, 100);
      c_.text(src, path, "text", tip.text);
      c_.text(src, path, "because", tip.because);
      texts(src, path, {"text", "because"});
      sources_of(src, path, &tip.sources, true);
      content_.tips.push_back(std::move(tip));
    }
  }

  void load_plan() {
    const json& plan = at("plan");
    if (!c_.object(plan, "/plan", "the plan")) return;
    c_.allowed(plan, "/plan",
               {"weeklyDistance", "longestRun", "startFraction", "weeks", "weeklyIncrease",
                "longestRunIncrease", "when", "title", "intro", "caveat", "stopRule", "sources"});
    for (const char* key : {"weeklyDistance", "longestRun"}) {
      std::string name;
      if (c_.text(plan, "/plan", key, name)) names_used_.push_back({name, pointer("/plan", key)});
    }
    json ignored;
    rule(plan, "/plan", "startFraction", ignored, true);
    rule(plan, "/plan", "when", ignored, true);
    int weeks = 0;
    c_.integer(plan, "/plan", "weeks", weeks, 1, 26);
    for (const char* key : {"weeklyIncrease", "longestRunIncrease"}) {
      double v = 0;
      if (c_.number(plan, "/plan", key, v) && !(v > 0 && v <= 0.5)) {
        c_.fail("content.range", pointer("/plan", key),
                std::string("\"") + key + "\" must be above 0 and at most 0.5");
      }
    }
    std::string s;
    for (const char* key : {"title", "intro", "caveat", "stopRule"}) c_.text(plan, "/plan", key, s);
    texts(plan, "/plan", {"title", "intro", "caveat", "stopRule"});
    sources_of(plan, "/plan", nullptr, true);
  }

  void load_quiz() {
    if (!bundle_.contains("quiz")) return;
    const json& quiz = at("quiz");
    if (!c_.object(quiz, "/quiz", "the quiz")) return;
    c_.allowed(quiz, "/quiz", {"title", "intro", "topics", "questions"});
    texts(quiz, "/quiz", {"title", "intro"});
    std::set<std::string> topics;
    if (const json* list = c_.array(quiz, "/quiz", "topics")) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = pointer("/quiz/topics", i);
        const json& t = (*list)[i];
        if (!c_.object(t, path, "a topic")) continue;
        c_.allowed(t, path, {"id", "label", "lesson"});
        std::string tid, label, lesson;
        c_.id(t, path, topics, tid);
        c_.text(t, path, "label", label);
        texts(t, path, {"label"});
        if (c_.text(t, path, "lesson", lesson))
          lessons_used_.push_back({lesson, pointer(path, "lesson")});
      }
    }
    const json* list = c_.array(quiz, "/quiz", "questions");
    if (!list) return;
    if (list->empty())
      c_.fail("content.quiz.empty", "/quiz/questions", "the quiz needs at least one question");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string path = pointer("/quiz/questions", i);
      const json& q = (*list)[i];
      if (!c_.object(q, path, "a question")) continue;
      c_.allowed(q, path, {"id", "topic", "text", "options"});
      std::string qid, topic, text;
      c_.id(q, path, seen, qid);
      c_.text(q, path, "text", text);
      texts(q, path, {"text"});
      if (c_.text(q, path, "topic", topic) && !topics.count(topic)) {
        c_.fail("content.ref.unknown", pointer(path, "topic"),
                "unknown quiz topic \"" + topic + "\"");
      }
      const json* options = c_.array(q, path, "options");
      if (!options) continue;
      int correct = 0;
      std::set<std::string> values;
      for (std::size_t o = 0; o < options->size(); ++o) {
        const std::string opath = pointer(pointer(path, "options"), o);
        const json& opt = (*options)[o];
        if (!c_.object(opt, opath, "an option")) continue;
        c_.allowed(opt, opath, {"value", "label", "correct", "feedback"});
        std::string value, label, feedback;
        bool is_correct = false;
        if (c_.text(opt, opath, "value", value) && !values.insert(value).second) {
          c_.fail("content.option.duplicate", pointer(opath, "value"),
                  "the value \"" + value + "\" is used twice");
        }
        c_.text(opt, opath, "label", label);
        c_.text(opt, opath, "feedback", feedback);
        texts(opt, opath, {"label", "feedback"});
        if (c_.flag(opt, opath, "correct", is_correct) && is_correct) ++correct;
      }
      if (correct != 1)
        c_.fail("content.quiz.correct", pointer(path, "options"),
                "exactly one option must be correct");
    }
  }

  bool known_name(const std::string& name) const { return names_.count(name) > 0; }

  // Every rule: sound JsonLogic, reads only known names, compares choices only with their options.
  void check_rules() {
    for (const auto& pending : rules_) {
      for (const auto& e : logic::check(pending.rule)) {
        c_.fail("content.rule.invalid", pending.path + e.path, e.message);
      }
      for (const auto& name : logic::variables(pending.rule)) {
        if (!known_name(name)) {
          c_.fail("content.ref.unknown", pending.path,
                  "the rule reads \"" + name + "\", which is not an item or a calculation");
        }
      }
      check_literals(pending.rule, pending.path);
    }
    for (const auto& [name, path] : names_used_) {
      if (!known_name(name))
        c_.fail("content.ref.unknown", path, "\"" + name + "\" is not an item or a calculation");
    }
    if (!distance_unit_.first.empty()) {
      const Item* unit = content_.item(distance_unit_.first);
      if (!unit) {
        c_.fail("content.ref.unknown", distance_unit_.second,
                "\"" + distance_unit_.first + "\" is not an item");
      } else if (unit->type != ItemType::Single) {
        c_.fail("content.unit.distance", distance_unit_.second,
                "the distance unit must be a single choice item");
      }
    }
    for (const auto& [lesson, path] : lessons_used_) {
      const Item* item = content_.item(lesson);
      if (!item || item->type != ItemType::Lesson)
        c_.fail("content.ref.unknown", path, "\"" + lesson + "\" is not a lesson");
    }
  }

  // {"==": [{"var": "units"}, "kmm"]} names an option that does not exist: a dangling reference.
  void check_literals(const json& rule, const std::string& path) {
    if (rule.is_array()) {
      for (std::size_t i = 0; i < rule.size(); ++i) check_literals(rule[i], pointer(path, i));
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
        const Item* item = content_.item(var["var"].get<std::string>());
        if (!item) continue;
        std::vector<json> values =
            literal.is_array() ? literal.get<std::vector<json>>() : std::vector<json>{literal};
        for (const auto& v : values) check_option(*item, v, opath);
      }
    }
    if (args.is_array()) {
      for (std::size_t i = 0; i < args.size(); ++i) check_literals(args[i], pointer(opath, i));
    } else {
      check_literals(args, opath);
    }
  }

  void check_option(const Item& item, const json& v, const std::string& path) {
    if (item.type == ItemType::Single || item.type == ItemType::Multiple) {
      if (v.is_null() || v.is_boolean()) return;
      for (const auto& o : item.options) {
        if (o.value == v) return;
      }
      c_.fail("content.ref.unknown", path, "\"" + item.id + "\" has no option " + to_text(v));
    } else if (item.type == ItemType::YesNo && !v.is_boolean() && !v.is_null()) {
      c_.fail("content.ref.unknown", path,
              "\"" + item.id + "\" is answered with true or false, not " + to_text(v));
    }
  }

  // Orders calculations so each follows what it reads; reports each cycle once with its path.
  void order_calculations() {
    std::map<std::string, std::vector<std::string>> deps;
    for (const auto& calc : calcs_) {
      for (const auto& name : logic::variables(calc.rule)) {
        if (calc_paths_.count(name)) deps[calc.id].push_back(name);
      }
    }
    std::map<std::string, int> state;  // 0 new, 1 on the stack, 2 done
    std::set<std::string> reported;
    for (const auto& calc : calcs_) {
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
            c_.fail("content.calc.cycle", pointer(calc_paths_[dep], "rule"),
                    "the calculations read each other in a circle: " + cycle + dep);
          }
        } else {
          state[id] = 2;
          ordered_.push_back(id);
          stack.pop_back();
        }
      }
    }
    std::map<std::string, const Calculation*> by_id;
    for (const auto& calc : calcs_) by_id[calc.id] = &calc;
    for (const auto& id : ordered_) content_.calculations.push_back(*by_id[id]);
  }

  // The items a rule reads, directly or through calculations.
  std::vector<std::string> items_read(const json& rule) {
    std::set<std::string> seen;
    std::vector<std::string> todo = logic::variables(rule);
    while (!todo.empty()) {
      std::string name = todo.back();
      todo.pop_back();
      if (!seen.insert(name).second) continue;
      if (calc_paths_.count(name)) {
        for (const auto& calc : calcs_) {
          if (calc.id == name) {
            for (auto& n : logic::variables(calc.rule)) todo.push_back(n);
          }
        }
      }
    }
    std::vector<std::string> out;  // in questionnaire order
    for (const auto& item : content_.items) {
      if (seen.count(item.id)) out.push_back(item.id);
    }
    return out;
  }

  // An item may only depend on answers given before it, so the way through always ends.
  void check_item_order() {
    for (std::size_t i = 0; i < content_.items.size(); ++i) {
      Item& item = content_.items[i];
      if (item.enable_when.is_null()) continue;
      item.reads = items_read(item.enable_when);
      for (const auto& name : item.reads) {
        if (content_.item_index[name] >= i) {
          c_.fail("content.ref.forward", item_paths_[i] + "/enableWhen",
                  "\"" + item.id + "\" depends on \"" + name +
                      "\", which is asked later (or is itself)");
        }
      }
    }
    for (auto& cause : content_.causes) {
      for (auto& factor : cause.factors) factor.items = items_read(factor.when);
    }
  }

  void check_texts() {
    for (const auto& t : texts_) {
      for (const auto& name : placeholders(t.text)) {
        if (!known_name(name)) {
          c_.fail("content.placeholder.unknown", t.path,
                  "{{" + name + "}} is not an item or a calculation");
        }
      }
    }
  }

  void check_refs() {
    for (const auto& r : refs_) {
      for (std::size_t i = 0; i < r.ids.size(); ++i) {
        const bool known = std::string(r.kind) == "source" ? content_.sources.count(r.ids[i]) > 0
                                                           : structures_.count(r.ids[i]) > 0;
        if (!known) {
          c_.fail("content.ref.unknown", pointer(r.path, i),
                  std::string("unknown ") + r.kind + " \"" + r.ids[i] + "\"");
        }
      }
    }
  }

  LoadResult finish() {
    LoadResult out;
    if (c_.errors.empty()) {
      content_.bundle = bundle_;
      content_.version = fingerprint(bundle_);
      out.content = std::make_shared<const Content>(std::move(content_));
    }
    out.errors = std::move(c_.errors);
    return out;
  }

  const json& bundle_;
  Content content_;
  Checker c_;
  std::set<std::string> names_;       // items and calculations
  std::set<std::string> structures_;  // anatomy ids
  std::vector<Calculation> calcs_;    // in file order
  std::map<std::string, std::string> calc_paths_;
  std::vector<std::string> ordered_;
  std::vector<std::string> item_paths_;  // where each item was written
  std::vector<PendingRule> rules_;
  std::vector<PendingText> texts_;
  std::vector<PendingRefs> refs_;
  std::vector<std::pair<std::string, std::string>> names_used_;
  std::vector<std::pair<std::string, std::string>> lessons_used_;
  std::pair<std::string, std::string> distance_unit_;
};

}  // namespace

LoadResult load_content(const json& bundle) { return Loader(bundle).run(); }

}  // namespace hipcheck
