// The content model: what the loader checks and the session, result and quiz read.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hipcheck/json.hpp"
#include "hipcheck/logic.hpp"

namespace hipcheck {

enum class ItemType { Single, Multiple, YesNo, Number, Scale, Lesson };

struct Option {
  json value;  // a string or a number
  std::string label;
  bool exclusive = false;
};

struct Item {
  std::string id;
  ItemType type = ItemType::Lesson;
  std::size_t section = 0;
  std::size_t page = 0;
  json source;       // the item as written in the content, but for its enableWhen
  json enable_when;  // the item's own rule (null when always shown); its page's and section's apply
                     // too
  logic::Rule compiled;  // enable_when, compiled at load
  std::vector<Option> options;
  double min = 0, max = 0, step = 1;
  bool not_sure = false;
  std::string unit;                // "" when none; "distance" means the runner's chosen unit
  std::vector<std::string> reads;  // items this item's enableWhen depends on (through calculations)
};

// A page: one or more closely related items shown and answered together. A lesson stands alone.
struct Page {
  std::string id;
  std::string title, intro;  // "" when not given
  std::size_t section = 0;
  json enable_when;                // null when always shown
  logic::Rule compiled;            // enable_when, compiled at load
  std::vector<std::size_t> items;  // indexes into Content::items, in order
  bool lesson = false;             // its one item is a lesson
};

struct Section {
  std::string id;
  std::string title;
  std::string intro;     // "" when not given
  json enable_when;      // null when always shown
  logic::Rule compiled;  // enable_when, compiled at load
  std::vector<std::size_t> pages;
};

// A content rule that stops the check: "end" ends it at once (derived from the answers), "notice"
// shows an interstitial once, right after the answer that makes `when` true.
enum class StopAction { End, Notice };

struct Stop {
  std::string id;
  std::string level;  // a care level id
  json when;
  logic::Rule compiled;  // when, compiled at load
  StopAction action = StopAction::End;
};

struct Calculation {
  std::string id;
  json rule;
  logic::Rule compiled;  // rule, compiled at load
};

struct Flag {
  std::string id;
  std::string level;
  json when;
  logic::Rule compiled;  // when, compiled at load
  std::string reason;
  std::vector<std::string> sources;
};

struct Factor {
  std::string id;
  json when;
  logic::Rule compiled;  // when, compiled at load
  int points = 0;
  std::string reason;
  std::vector<std::string> items;  // items `when` reads, directly or through calculations, in order
};

struct Cause {
  std::string id;
  std::string label;
  std::string summary;
  std::vector<Factor> factors;
};

struct Tip {
  std::string id;
  std::string group;
  json when;
  logic::Rule compiled;  // when, compiled at load
  int priority = 0;
  std::string text;
  std::string because;
  std::vector<std::string> sources;
};

struct Content {
  // Everything as loaded (texts, ui strings, …). The browser's reader (load_stamped_content)
  // moves what the model holds out of it: it keeps meta, care without its flags, plan, quiz and
  // version, which are all the engine reads from it after the load.
  json bundle;
  std::string id, version, title, locale;
  std::vector<Section> sections;
  std::vector<Page> pages;  // in the order they are asked
  std::map<std::string, std::size_t> page_index;
  std::vector<Item> items;  // in the order they are asked
  std::map<std::string, std::size_t> item_index;
  std::vector<Stop> stops;                // in the content's order (the first that holds wins)
  std::vector<Calculation> calculations;  // ordered so each comes after what it reads
  std::vector<std::string> levels;        // care level ids, most urgent first
  std::vector<Flag> flags;
  std::vector<Cause> causes;
  int some_threshold = 0, high_threshold = 0;
  std::vector<Tip> tips;
  std::map<std::string, std::string> group_labels;  // tip groups and causes
  std::map<std::string, json> sources;

  const Item* item(const std::string& item_id) const {
    const auto it = item_index.find(item_id);
    return it == item_index.end() ? nullptr : &items[it->second];
  }
  const Page* page(const std::string& page_id) const {
    const auto it = page_index.find(page_id);
    return it == page_index.end() ? nullptr : &pages[it->second];
  }
  const json& meta() const { return bundle["meta"]; }
};

// The reserved name rules read the runner's settings through: settings.mode, settings.lessons.
constexpr const char* kSettings = "settings";

struct LoadResult {
  std::shared_ptr<const Content> content;  // null when there are errors
  std::vector<Error> errors;               // every problem: each file's own, then cross-references
};

// Checks the whole bundle and builds the model. Never throws; every problem is reported at once.
LoadResult load_content(const json& bundle);

// The same for a stamped bundle (see Engine::load): the bundle is moved into the content, and its
// version is the stamp, not hashed again. Native builds only (the CLI, the tests): the validator
// is not in the wasm module.
LoadResult load_content(json&& bundle, const std::string& version);

// The browser's load of a stamped bundle (src/content/stamped.cpp): `hipcheck bundle` validated it
// before stamping it, so this builds the same model as load_content without the content checks,
// and refuses a bundle whose structure the engine cannot read (content.structure, with its path)
// instead of crashing on it. The model takes its parts out of the bundle instead of copying them
// (see Content::bundle). depth is json_depth(bundle) when the caller knows it (parse_json measures
// it while reading), so that the bundle is not walked again to measure it.
LoadResult load_stamped_content(json&& bundle, const std::string& version,
                                std::optional<std::size_t> depth = std::nullopt);

}  // namespace hipcheck
