// Reads questionnaire.json: sections, pages, items and stops, and the order rules read answers in.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "../checker.hpp"

namespace hipcheck::loader {

namespace {

void load_options(Loading& l, const json& src, const std::string& path, Item& item) {
  const json* options = l.c.array(src, path, "options");
  if (!options) return;
  if (options->size() < 2)
    l.c.fail("content.options.few", pointer(path, "options"),
             "a choice needs at least two options");
  for (std::size_t i = 0; i < options->size(); ++i) {
    const std::string opath = pointer(pointer(path, "options"), i);
    const json& o = (*options)[i];
    if (!l.c.object(o, opath, "an option")) continue;
    l.c.allowed(o, opath, {"value", "label", "help", "exclusive"});
    Option option;
    l.c.text(o, opath, "label", option.label);
    l.text_fields(o, opath, {"label", "help"});
    l.c.flag(o, opath, "exclusive", option.exclusive);
    if (option.exclusive && item.type != ItemType::Multiple) {
      l.c.fail("content.option.exclusive", pointer(opath, "exclusive"),
               "only a multiple choice has exclusive options");
    }
    const json* v = l.c.field(o, opath, "value", true);
    if (!v) continue;
    if (!v->is_string() && !v->is_number()) {
      l.c.fail("content.type", pointer(opath, "value"),
               "an option value must be a text or a number");
      continue;
    }
    for (const auto& other : item.options) {
      if (other.value == *v) {
        l.c.fail("content.option.duplicate", pointer(opath, "value"),
                 "the value " + to_text(*v) + " is used by two options of \"" + item.id + "\"");
      }
    }
    option.value = *v;
    item.options.push_back(std::move(option));
  }
}

void load_range(Loading& l, const json& src, const std::string& path, Item& item, bool required) {
  l.c.number(src, path, "min", item.min, required);
  l.c.number(src, path, "max", item.max, required);
  if (required) l.c.number(src, path, "step", item.step, true);
  if (!(item.min < item.max)) {
    l.c.fail("content.range", path, "min must be less than max");
  } else if (!(item.step > 0) || item.step > item.max - item.min) {
    l.c.fail("content.range", pointer(path, "step"),
             "step must be above 0 and fit between min and max");
  }
}

void load_item(Loading& l, const json& src, const std::string& path, std::size_t section,
               std::size_t page) {
  if (!l.c.object(src, path, "an item")) return;
  Item item;
  item.section = section;
  item.page = page;
  item.source = src;
  item.source.erase("enableWhen");  // kept in enable_when
  if (!l.c.id(src, path, l.names, item.id)) return;
  l.reserved(item.id, path);
  std::string type, text, help;
  l.c.text(src, path, "text", text);
  l.c.text(src, path, "help", help, false);
  l.text_fields(src, path, {"text", "help", "minLabel", "maxLabel"});
  l.rule(src, path, "enableWhen", item.enable_when, false);
  l.sources_of(src, path, nullptr, false);
  if (!l.c.text(src, path, "type", type)) return;
  static const std::map<std::string, ItemType> types = {
      {"single", ItemType::Single}, {"multiple", ItemType::Multiple}, {"yesno", ItemType::YesNo},
      {"number", ItemType::Number}, {"scale", ItemType::Scale},       {"lesson", ItemType::Lesson}};
  const auto t = types.find(type);
  if (t == types.end()) {
    l.c.fail(
        "content.item.type", pointer(path, "type"),
        "unknown item type \"" + type + "\" (single, multiple, yesno, number, scale or lesson)");
    return;
  }
  item.type = t->second;
  switch (item.type) {
    case ItemType::Single:
    case ItemType::Multiple:
      l.c.allowed(src, path, {"id", "type", "text", "help", "enableWhen", "sources", "options"});
      load_options(l, src, path, item);
      break;
    case ItemType::YesNo:
      l.c.allowed(src, path, {"id", "type", "text", "help", "enableWhen", "sources"});
      break;
    case ItemType::Number:
      l.c.allowed(src, path,
                  {"id", "type", "text", "help", "enableWhen", "sources", "unit", "min", "max",
                   "step", "notSure"});
      l.c.text(src, path, "unit", item.unit);
      l.c.flag(src, path, "notSure", item.not_sure);
      load_range(l, src, path, item, true);
      if (item.unit == "distance" && l.distance_unit.first.empty()) {
        l.c.fail("content.unit.distance", pointer(path, "unit"),
                 "the unit \"distance\" needs meta.distanceUnit to name the item that chooses km "
                 "or miles");
      }
      break;
    case ItemType::Scale:
      l.c.allowed(src, path,
                  {"id", "type", "text", "help", "enableWhen", "sources", "min", "max", "minLabel",
                   "maxLabel"});
      item.min = 0;
      item.max = 10;
      load_range(l, src, path, item, false);
      if (item.min != std::floor(item.min) || item.max != std::floor(item.max)) {
        l.c.fail("content.range", path, "a scale runs between whole numbers");
      }
      break;
    case ItemType::Lesson: {
      l.c.allowed(src, path,
                  {"id", "type", "text", "help", "enableWhen", "sources", "body", "structures"});
      const json* body = l.c.array(src, path, "body");
      if (body && body->empty())
        l.c.fail("content.lesson.empty", pointer(path, "body"),
                 "a lesson needs at least one paragraph");
      for (std::size_t i = 0; body && i < body->size(); ++i) {
        if (!(*body)[i].is_string())
          l.c.fail("content.type", pointer(pointer(path, "body"), i), "a paragraph must be a text");
        else
          l.texts.push_back({(*body)[i].get<std::string>(), pointer(pointer(path, "body"), i)});
      }
      if (const json* st = l.c.array(src, path, "structures", false)) {
        PendingRefs refs{{}, pointer(path, "structures"), "structure"};
        for (const auto& s : *st)
          refs.ids.push_back(s.is_string() ? s.get<std::string>() : to_text(s));
        l.refs.push_back(refs);
      }
      break;
    }
  }
  l.content.item_index[item.id] = l.content.items.size();
  l.content.items.push_back(std::move(item));
  l.item_paths.push_back(path);
}

void load_stops(Loading& l, const json& q) {
  const json* stops = l.c.array(q, "/questionnaire", "stops", false);
  if (!stops) return;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < stops->size(); ++i) {
    const std::string path = pointer("/questionnaire/stops", i);
    const json& src = (*stops)[i];
    if (!l.c.object(src, path, "a stop")) continue;
    l.c.allowed(src, path, {"id", "level", "when", "action"});
    Stop stop;
    l.c.id(src, path, seen, stop.id);
    if (l.c.text(src, path, "level", stop.level) &&
        std::find(kLevels.begin(), kLevels.end(), stop.level) == kLevels.end()) {
      l.c.fail("content.ref.unknown", pointer(path, "level"),
               "unknown care level \"" + stop.level + "\"");
    }
    l.rule(src, path, "when", stop.when, true);
    std::string action;
    if (l.c.text(src, path, "action", action)) {
      if (action == "end" || action == "notice") {
        stop.action = action == "end" ? StopAction::End : StopAction::Notice;
      } else {
        l.c.fail("content.stop.action", pointer(path, "action"),
                 "a stop's action is \"end\" or \"notice\", not \"" + action + "\"");
      }
    }
    l.content.stops.push_back(std::move(stop));
  }
}

void load_page(Loading& l, const json& src, const std::string& path, std::size_t section) {
  if (!l.c.object(src, path, "a page")) return;
  l.c.allowed(src, path, {"id", "title", "intro", "enableWhen", "items"});
  Page page;
  page.section = section;
  if (!l.c.id(src, path, l.page_ids, page.id)) return;
  l.c.text(src, path, "title", page.title, false);
  l.c.text(src, path, "intro", page.intro, false);
  l.text_fields(src, path, {"title", "intro"});
  l.rule(src, path, "enableWhen", page.enable_when, false);
  const std::size_t index = l.content.pages.size();
  l.content.page_index[page.id] = index;
  l.content.sections[section].pages.push_back(index);
  l.page_paths.push_back(path);
  l.content.pages.push_back(page);
  const json* items = l.c.array(src, path, "items");
  if (!items) return;
  if (items->empty())
    l.c.fail("content.page.empty", pointer(path, "items"), "a page needs at least one item");
  std::size_t lessons = 0;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::size_t before = l.content.items.size();
    load_item(l, (*items)[i], pointer(pointer(path, "items"), i), section, index);
    if (l.content.items.size() == before) continue;
    l.content.pages[index].items.push_back(before);
    if (l.content.items[before].type == ItemType::Lesson) ++lessons;
  }
  if (lessons > 0 && items->size() > 1)
    l.c.fail("content.page.lesson", pointer(path, "items"), "a lesson stands alone on its page");
  l.content.pages[index].lesson = lessons > 0;
}

void load_section(Loading& l, const json& sec, const std::string& spath,
                  std::set<std::string>& seen) {
  if (!l.c.object(sec, spath, "a section")) return;
  l.c.allowed(sec, spath, {"id", "title", "intro", "enableWhen", "pages"});
  Section section;
  l.c.id(sec, spath, seen, section.id);
  l.rule(sec, spath, "enableWhen", section.enable_when, false);
  l.c.text(sec, spath, "title", section.title);
  l.c.text(sec, spath, "intro", section.intro, false);
  l.text_fields(sec, spath, {"title", "intro"});
  l.section_paths.push_back(spath);
  l.content.sections.push_back(section);
  const json* pages = l.c.array(sec, spath, "pages");
  if (!pages) return;
  if (pages->empty())
    l.c.fail("content.section.empty", pointer(spath, "pages"), "a section needs at least one page");
  for (std::size_t p = 0; p < pages->size(); ++p) {
    load_page(l, (*pages)[p], pointer(pointer(spath, "pages"), p), l.content.sections.size() - 1);
  }
}

}  // namespace

void read_questionnaire(Loading& l) {
  const json& q = l.at("questionnaire");
  if (!l.c.object(q, "/questionnaire", "the questionnaire")) return;
  l.c.allowed(q, "/questionnaire", {"sections", "stops"});
  const json* sections = l.c.array(q, "/questionnaire", "sections");
  if (sections) {
    std::set<std::string> section_ids;
    for (std::size_t s = 0; s < sections->size(); ++s) {
      load_section(l, (*sections)[s], pointer("/questionnaire/sections", s), section_ids);
    }
    if (l.content.items.empty())
      l.c.fail("content.questionnaire.empty", "/questionnaire/sections",
               "the questionnaire has no items");
  }
  load_stops(l, q);
}

// A section, page or item may only depend on answers given on earlier pages, so the way through
// always ends and a page never changes while it is answered. Each rule is checked on its own.
void check_page_order(Loading& l) {
  auto check = [&](const json& rule, std::size_t first_page, const std::string& path,
                   const std::string& what) {
    std::vector<std::string> reads = l.items_read(rule);
    for (const auto& name : reads) {
      if (l.content.items[l.content.item_index[name]].page >= first_page) {
        l.c.fail("content.ref.forward", path,
                 what + " depends on \"" + name + "\", which is asked on the same page or later");
      }
    }
    return reads;
  };
  for (std::size_t s = 0; s < l.content.sections.size(); ++s) {
    const Section& section = l.content.sections[s];
    if (section.enable_when.is_null() || section.pages.empty()) continue;
    check(section.enable_when, section.pages.front(), l.section_paths[s] + "/enableWhen",
          "the section \"" + section.id + "\"");
  }
  for (std::size_t p = 0; p < l.content.pages.size(); ++p) {
    const Page& page = l.content.pages[p];
    if (page.enable_when.is_null()) continue;
    check(page.enable_when, p, l.page_paths[p] + "/enableWhen", "the page \"" + page.id + "\"");
  }
  for (std::size_t i = 0; i < l.content.items.size(); ++i) {
    Item& item = l.content.items[i];
    if (item.enable_when.is_null()) continue;
    item.reads =
        check(item.enable_when, item.page, l.item_paths[i] + "/enableWhen", "\"" + item.id + "\"");
  }
  for (std::size_t p = 0; p < l.content.pages.size(); ++p) {
    if (l.content.item(l.content.pages[p].id)) {
      l.c.fail("content.id.duplicate", l.page_paths[p] + "/id",
               "the page id \"" + l.content.pages[p].id + "\" is also an item's id");
    }
  }
  for (auto& cause : l.content.causes) {
    for (auto& factor : cause.factors) factor.items = l.items_read(factor.when);
  }
}

}  // namespace hipcheck::loader
