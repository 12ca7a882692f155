#include "hipcheck/session.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "hipcheck/logic.hpp"
#include "hipcheck/text.hpp"

namespace hipcheck {

namespace {

constexpr int kStateVersion = 2;

// Two step counts that differ by less than this share of their size are the same: float noise
// (72.3 / 0.1 = 722.9999999999999), never a typed or crafted value such as 3.9999999999.
constexpr double kStepTolerance = 1e-12;

Error answer_error(const std::string& id, const std::string& item, const std::string& message) {
  return Error{id, message, "/" + item};
}

// The same value of the same types: a calculation whose value is identical to before has not
// changed for any rule that reads it (3 and 3.0 are equal as JSON, but print differently).
bool identical(const json& a, const json& b) {
  if (a.type() != b.type() || a.size() != b.size()) return false;
  if (a.is_array()) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!identical(a[i], b[i])) return false;
    }
    return true;
  }
  if (a.is_object()) {
    for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y) {
      if (x.key() != y.key() || !identical(x.value(), y.value())) return false;
    }
    return true;
  }
  return a == b;
}

}  // namespace

// What each rule of the content reads, as indexes into names: built once when a session starts on
// a content, and shared by its copies.
struct Session::Graph {
  struct Reads {
    bool everything = false;  // a name computed while evaluating, or the whole data
    std::vector<std::size_t> names;

    bool touched(const std::vector<char>& changed) const {
      if (everything) return true;
      for (const std::size_t n : names) {
        if (changed[n]) return true;
      }
      return false;
    }
  };

  std::map<std::string, std::size_t> index;  // every item, calculation, "settings" and name read
  std::vector<std::size_t> calc_names;       // each calculation's own name
  std::vector<Reads> calcs, sections, pages, items, stops;
  // A calculation reads everything, or one that comes at or after it (the loader orders them by
  // logic::variables, which a list name of missing does not name): then every change recomputes
  // every calculation, as a full refresh does, from the answers and settings alone.
  bool calcs_read_everything = false;

  std::size_t name(const std::string& n) {
    const std::size_t next = index.size();
    return index.emplace(n, next).first->second;
  }

  Reads reads(const logic::Rule& rule) {
    Reads out;
    out.everything = rule.reads_everything();
    for (const std::string& n : rule.reads()) out.names.push_back(name(n));
    return out;
  }

  explicit Graph(const Content& c) {
    name(kSettings);
    for (const Item& item : c.items) name(item.id);
    for (const Calculation& calc : c.calculations) calc_names.push_back(name(calc.id));
    for (std::size_t k = 0; k < c.calculations.size(); ++k) {
      calcs.push_back(reads(c.calculations[k].compiled));
      const auto later = [&](std::size_t n) {
        return std::find(calc_names.begin() + static_cast<std::ptrdiff_t>(k), calc_names.end(),
                         n) != calc_names.end();
      };
      calcs_read_everything =
          calcs_read_everything || calcs.back().everything ||
          std::any_of(calcs.back().names.begin(), calcs.back().names.end(), later);
    }
    for (const Section& section : c.sections) sections.push_back(reads(section.compiled));
    for (const Page& page : c.pages) pages.push_back(reads(page.compiled));
    for (const Item& item : c.items) items.push_back(reads(item.compiled));
    for (const Stop& stop : c.stops) stops.push_back(reads(stop.compiled));
  }
};

logic::Outcome Session::evaluate(const logic::Rule& rule, const json& data, const Where& where,
                                 const logic::Index* index) const {
  // Content rules were checked once at load (the wasm build trusts the stamped bundle's check),
  // and the session's data is bounded (checked answers, settings, admitted calculated values).
  logic::Budget own{budget_ == nullptr ? logic::kMaxWork
                                       : std::min(logic::kMaxWork, budget_->work)};
  logic::Outcome outcome = rule.apply(data, own, index);
  if (budget_ == nullptr) return outcome;
  budget_->work -= std::min(outcome.work, budget_->work);
  if (!outcome.ok && outcome.error.id == "logic.budget" && !overrun_) {
    const std::string at =
        where.collection == nullptr ? "" : pointer(where.collection, *where.id) + where.field;
    overrun_ = Error{"logic.budget",
                     "Working out what comes next after this answer needs more work than one "
                     "answer may use, so nothing was changed.",
                     at + outcome.error.path};
  }
  return outcome;
}

bool Session::holds(const logic::Rule& rule, const json& data, const Where& where,
                    const logic::Index* index) const {
  if (rule.is_null()) return true;
  const auto outcome = evaluate(rule, data, where, index);
  return outcome.ok && logic::truthy(outcome.value);
}

bool Session::holds_now(signed char& known, const logic::Rule& rule, const Where& where) const {
  if (known >= 0) return known != 0;
  if (!index_.covers(data_)) index_.build(data_);
  known = holds(rule, data_, where, &index_) ? 1 : 0;
  return known != 0;
}

json default_settings() { return {{"mode", "full"}, {"lessons", true}}; }

std::optional<Error> merge_settings(const json& base, const json& changes, json& out) {
  if (!changes.is_object())
    return Error{"settings.invalid", "Settings must be an object of mode and lessons.", ""};
  json merged = base;
  for (auto it = changes.begin(); it != changes.end(); ++it) {
    const std::string& key = it.key();
    const json& v = it.value();
    if (key == "mode") {
      if (v != "full" && v != "quick")
        return Error{"settings.invalid", "The mode is \"full\" or \"quick\".", "/mode"};
    } else if (key == "lessons") {
      if (!v.is_boolean())
        return Error{"settings.invalid", "Lessons are on (true) or off (false).", "/lessons"};
    } else {
      return Error{"settings.invalid", "There is no setting \"" + key + "\".", pointer("", key)};
    }
    merged[key] = v;
  }
  out = std::move(merged);
  return std::nullopt;
}

json Session::calculate(const json& data) const {
  json out = data;
  for (const auto& calc : content_->calculations) {
    const auto outcome = evaluate(calc.compiled, out, {"/calculations", &calc.id, "/rule"});
    json value = outcome.ok ? outcome.value : json();
    if (value.is_number_float() && !std::isfinite(value.get<double>())) value = nullptr;
    out[calc.id] = std::move(value);
  }
  return out;
}

Session::Session(std::shared_ptr<const Content> content)
    : content_(std::move(content)),
      settings_(default_settings()),
      graph_(std::make_shared<const Graph>(*content_)) {
  start();
}

std::optional<Error> Session::start(const json& settings) {
  json merged;
  if (auto e = merge_settings(default_settings(), settings, merged)) return e;
  settings_ = std::move(merged);
  answers_ = json::object();
  acknowledged_.clear();
  notice_.clear();
  finished_.clear();
  cursor_ = 0;
  refresh({}, true);
  settle();
  return std::nullopt;
}

std::optional<Error> Session::configure(const json& settings) {
  json merged;
  if (auto e = merge_settings(settings_, settings, merged)) return e;
  settings_ = std::move(merged);
  refresh({kSettings});
  prune();
  settle();
  return std::nullopt;
}

void Session::refresh(const std::vector<std::string>& changed, bool all) {
  const Content& c = *content_;
  const Graph& g = *graph_;
  all = all || full_refresh_;
  index_.clear();  // data_ changes below
  std::vector<char> touched(g.index.size(), all ? 1 : 0);
  for (const std::string& name : changed) {
    const auto it = g.index.find(name);
    if (it != g.index.end()) touched[it->second] = 1;
  }
  if (all || g.calcs_read_everything) {
    json data = answers_;
    data[kSettings] = settings_;
    data_ = calculate(data);
    for (const std::size_t n : g.calc_names) touched[n] = 1;
  } else {
    for (const std::string& name : changed) {
      if (name == kSettings) {
        data_[kSettings] = settings_;
      } else if (answers_.contains(name)) {
        data_[name] = answers_[name];
      } else {
        data_.erase(name);
      }
    }
    // In their order, each after what it reads: a calculation whose value stays the same changes
    // nothing further.
    for (std::size_t k = 0; k < c.calculations.size(); ++k) {
      if (!g.calcs[k].touched(touched)) continue;
      const Calculation& calc = c.calculations[k];
      const auto outcome = evaluate(calc.compiled, data_, {"/calculations", &calc.id, "/rule"});
      json value = outcome.ok ? outcome.value : json();
      if (value.is_number_float() && !std::isfinite(value.get<double>())) value = nullptr;
      json& slot = data_[calc.id];
      if (identical(slot, value)) continue;
      slot = std::move(value);
      touched[g.calc_names[k]] = 1;
    }
  }
  const auto forget = [&](std::vector<signed char>& known, const std::vector<Graph::Reads>& reads) {
    known.resize(reads.size(), -1);
    for (std::size_t r = 0; r < reads.size(); ++r) {
      if (all || reads[r].touched(touched)) known[r] = -1;
    }
  };
  forget(section_holds_, g.sections);
  forget(page_holds_, g.pages);
  forget(item_holds_, g.items);
  forget(stop_holds_, g.stops);
  show();
}

void Session::show() {
  const Content& c = *content_;
  const bool lessons = settings_.value("lessons", true);
  std::vector<char> sections(c.sections.size(), 0);
  for (std::size_t s = 0; s < c.sections.size(); ++s) {
    const Section& section = c.sections[s];
    sections[s] =
        holds_now(section_holds_[s], section.compiled, {"/sections", &section.id, "/enableWhen"});
  }
  page_visible_.assign(c.pages.size(), 0);
  item_visible_.assign(c.items.size(), 0);
  for (std::size_t p = 0; p < c.pages.size(); ++p) {
    const Page& page = c.pages[p];
    if (!sections[page.section] || (page.lesson && !lessons) ||
        !holds_now(page_holds_[p], page.compiled, {"/pages", &page.id, "/enableWhen"}))
      continue;
    for (const std::size_t i : page.items) {
      const Item& item = c.items[i];
      item_visible_[i] = holds_now(item_holds_[i], item.compiled, {"", &item.id, "/enableWhen"});
      if (item_visible_[i]) page_visible_[p] = 1;
    }
  }
}

void Session::prune() {
  // Dropping one answer can hide further items, so repeat until nothing changes. Rules only read
  // earlier pages, so this ends after at most one round per page.
  for (bool changed = true; changed;) {
    std::vector<std::string> dropped;
    for (std::size_t i = 0; i < item_visible_.size(); ++i) {
      if (!item_visible_[i] && answers_.contains(content_->items[i].id)) {
        const std::string& id = content_->items[i].id;
        if (undo_ != nullptr) undo_->emplace_back(id, std::move(answers_[id]));
        answers_.erase(id);
        dropped.push_back(content_->items[i].id);
      }
    }
    changed = !dropped.empty();
    if (changed) refresh(dropped);
  }
}

bool Session::page_answered(std::size_t page) const {
  for (const std::size_t i : content_->pages[page].items) {
    if (item_visible_[i] && !answers_.contains(content_->items[i].id)) return false;
  }
  return true;
}

std::size_t Session::first_unanswered() const {
  for (std::size_t p = 0; p < page_visible_.size(); ++p) {
    if (page_visible_[p] && !page_answered(p)) return p;
  }
  return kEnd;
}

std::size_t Session::next_shown(std::size_t page) const {
  for (std::size_t p = page + 1; p < page_visible_.size(); ++p) {
    if (page_visible_[p]) return p;
  }
  return kEnd;
}

void Session::settle() {
  if (cursor_ != kEnd) {
    if (page_shown(cursor_)) return;
    const std::size_t next = next_shown(cursor_);
    cursor_ = next != kEnd ? next : first_unanswered();
    return;
  }
  if (finished_.empty() && !holding(StopAction::End, false)) cursor_ = first_unanswered();
}

bool Session::complete() const { return first_unanswered() == kEnd; }

const Stop* Session::holding(StopAction action, bool skip_acknowledged) const {
  for (std::size_t s = 0; s < content_->stops.size(); ++s) {
    const Stop& stop = content_->stops[s];
    if (stop.action != action || (skip_acknowledged && acknowledged(stop.id))) continue;
    if (holds_now(stop_holds_[s], stop.compiled, {"/stops", &stop.id, "/when"})) return &stop;
  }
  return nullptr;
}

bool Session::acknowledged(const std::string& stop_id) const {
  return std::find(acknowledged_.begin(), acknowledged_.end(), stop_id) != acknowledged_.end();
}

void Session::unacknowledge(const std::string& stop_id) {
  acknowledged_.erase(std::remove(acknowledged_.begin(), acknowledged_.end(), stop_id),
                      acknowledged_.end());
}

json Session::stop() const {
  auto describe_stop = [](const Stop& s) { return json{{"id", s.id}, {"level", s.level}}; };
  if (const Stop* end = holding(StopAction::End, false)) return describe_stop(*end);
  if (!finished_.empty()) {
    for (const auto& s : content_->stops) {
      if (s.id == finished_) return describe_stop(s);
    }
  }
  return nullptr;
}

bool Session::ended() const { return holding(StopAction::End, false) != nullptr; }

std::string Session::distance_unit() const {
  const json& meta = content_->meta();
  if (!meta.contains("distanceUnit")) return "";
  const std::string item = meta["distanceUnit"].get<std::string>();
  return answers_.contains(item) && answers_[item].is_string() ? answers_[item].get<std::string>()
                                                               : "";
}

std::optional<Error> Session::check_value(const Item& item, const json& value) const {
  const std::string& id = item.id;
  auto is_option = [&](const json& v) {
    for (const auto& o : item.options) {
      if (o.value == v) return true;
    }
    return false;
  };
  switch (item.type) {
    case ItemType::Lesson:
      if (value != json(true))
        return answer_error("answer.lesson", id, "A lesson is only read: continue with true.");
      return std::nullopt;
    case ItemType::YesNo:
      if (!value.is_boolean()) return answer_error("answer.type", id, "Choose yes or no.");
      return std::nullopt;
    case ItemType::Single:
      if (value.is_array() || value.is_object() || value.is_null()) {
        return answer_error("answer.type", id, "Choose one option.");
      }
      if (!is_option(value))
        return answer_error("answer.option.unknown", id, "Choose one of the options shown.");
      return std::nullopt;
    case ItemType::Multiple: {
      if (!value.is_array()) return answer_error("answer.type", id, "Choose one or more options.");
      if (value.empty()) return answer_error("answer.empty", id, "Choose at least one option.");
      std::set<std::string> seen;
      for (const auto& v : value) {
        if (!is_option(v))
          return answer_error("answer.option.unknown", id, "Choose only options shown.");
        if (!seen.insert(to_text(v)).second)
          return answer_error("answer.duplicate", id, "Each option can be chosen once.");
      }
      for (const auto& o : item.options) {
        if (o.exclusive && value.size() > 1 && is_option(o.value) && seen.count(to_text(o.value))) {
          return answer_error("answer.exclusive", id,
                              "\"" + o.label + "\" cannot be chosen with other options.");
        }
      }
      return std::nullopt;
    }
    case ItemType::Number:
    case ItemType::Scale: {
      if (item.not_sure && value == json("not-sure")) return std::nullopt;
      const std::string range = format_number(item.min) + " to " + format_number(item.max);
      if (!value.is_number())
        return answer_error("answer.type", id, "Enter a number from " + range + ".");
      const double v = value.get<double>();
      if (!std::isfinite(v) || v < item.min || v > item.max) {
        return answer_error("answer.range", id, "Enter a number from " + range + ".");
      }
      const double steps = (v - item.min) / item.step;
      if (std::fabs(steps - std::round(steps)) > kStepTolerance * std::max(1.0, std::fabs(steps))) {
        return answer_error("answer.step", id,
                            "Enter a number in steps of " + format_number(item.step) + ".");
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::vector<Error> Session::check_page(std::size_t page, const json& answers) const {
  std::vector<Error> errors;
  if (!answers.is_object() || json_depth(answers) > kMaxDepth) {
    errors.push_back({"answer.malformed", "The answers must map each question to its answer.", ""});
    return errors;
  }
  const Page& p = content_->pages[page];
  for (const std::size_t i : p.items) {
    const Item& item = content_->items[i];
    const bool given = answers.contains(item.id);
    if (!item_visible_[i]) {
      if (given)
        errors.push_back(answer_error("answer.item.hidden", item.id,
                                      "This question does not apply to your earlier answers."));
      continue;
    }
    if (!given) {
      if (item.type != ItemType::Lesson)
        errors.push_back(answer_error("answer.missing", item.id, "Answer this question."));
      continue;
    }
    if (auto e = check_value(item, answers[item.id])) errors.push_back(*e);
  }
  for (auto it = answers.begin(); it != answers.end(); ++it) {
    const Item* item = content_->item(it.key());
    if (!item) {
      errors.push_back(answer_error("answer.item.unknown", it.key(),
                                    "There is no question \"" + it.key() + "\"."));
    } else if (item->page != page) {
      errors.push_back(
          answer_error("answer.item.not-on-page", it.key(), "This question is not on this page."));
    }
  }
  return errors;
}

std::vector<Error> Session::answer(const std::string& page_id, const json& answers) {
  const Page* page = content_->page(page_id);
  if (!page) return {Error{"answer.page.unknown", "There is no page \"" + page_id + "\".", ""}};
  const std::size_t p = content_->page_index.at(page_id);
  if (!page_shown(p))
    return {Error{"answer.page.hidden", "This page does not apply to your earlier answers.", ""}};
  auto errors = check_page(p, answers);
  if (!errors.empty()) return errors;
  // Every rule evaluated for this answer shares one budget; running out changes nothing: the
  // answers changed are put back (from undo, newest first), and what follows from the answers and
  // settings (data_, what is shown) is worked out again. Copying the whole session instead would
  // cost more than the answer.
  std::vector<std::pair<std::string, json>> undo;
  const std::size_t cursor = cursor_;
  std::string notice = notice_, finished = finished_;
  std::vector<std::string> acknowledged = acknowledged_;
  logic::Budget shared{logic::kMaxAnswerWork};
  budget_ = &shared;
  undo_ = &undo;
  store(p, answers);
  budget_ = nullptr;
  undo_ = nullptr;
  if (!overrun_) return {};
  const Error overrun = *overrun_;
  overrun_.reset();
  for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
    if (it->second.is_discarded()) {
      answers_.erase(it->first);
    } else {
      answers_[it->first] = std::move(it->second);
    }
  }
  cursor_ = cursor;
  notice_ = std::move(notice);
  finished_ = std::move(finished);
  acknowledged_ = std::move(acknowledged);
  refresh({}, true);
  return {overrun};
}

void Session::store(std::size_t p, const json& answers) {
  const Page* page = &content_->pages[p];
  std::vector<std::string> changed;
  for (const std::size_t i : page->items) {
    if (!item_visible_[i]) continue;
    const Item& item = content_->items[i];
    if (undo_ != nullptr) {
      undo_->emplace_back(
          item.id, answers_.contains(item.id) ? answers_[item.id] : json(json::value_t::discarded));
    }
    answers_[item.id] = item.type == ItemType::Lesson ? json(true) : answers[item.id];
    changed.push_back(item.id);
  }
  refresh(changed);
  prune();
  notice_.clear();
  if (!finished_.empty()) {
    unacknowledge(finished_);
    finished_.clear();
  }
  if (holding(StopAction::End, false)) {
    cursor_ = kEnd;
    return;
  }
  if (const Stop* notice = holding(StopAction::Notice, true)) notice_ = notice->id;
  // On to the next shown page (answered or not), or to the first gap, or the end.
  cursor_ = next_shown(p);
  if (cursor_ == kEnd) cursor_ = first_unanswered();
}

std::optional<Error> Session::proceed(const std::string& choice) {
  if (notice_.empty()) return Error{"session.no-notice", "There is no message to answer.", ""};
  if (choice != "continue" && choice != "finish")
    return Error{"session.choice", "Choose \"continue\" or \"finish\".", ""};
  acknowledged_.push_back(notice_);
  if (choice == "finish") {
    finished_ = notice_;
    cursor_ = kEnd;
  }
  notice_.clear();
  return std::nullopt;
}

std::size_t Session::raising_page(const std::string& stop_id) const {
  const Stop* stop = nullptr;
  for (const auto& s : content_->stops) {
    if (s.id == stop_id) stop = &s;
  }
  // The first shown page whose answers, with those before it, make the stop's rule hold.
  json data = json::object();
  data[kSettings] = settings_;
  std::size_t last_shown = kEnd;
  for (std::size_t p = 0; p < page_visible_.size(); ++p) {
    if (!page_visible_[p]) continue;
    last_shown = p;
    for (const std::size_t i : content_->pages[p].items) {
      const std::string& id = content_->items[i].id;
      if (item_visible_[i] && answers_.contains(id)) data[id] = answers_[id];
    }
    if (stop && holds(stop->compiled, calculate(data), {})) return p;
  }
  return last_shown;
}

std::optional<Error> Session::back() {
  std::size_t last_shown = kEnd;
  for (std::size_t p = 0; p < page_visible_.size(); ++p) {
    if (page_visible_[p]) last_shown = p;
  }
  if (!notice_.empty()) {  // out of a notice, not acknowledged: it shows again if still true
    notice_.clear();
    // The cursor is already on the page after the one that raised the notice.
    std::size_t to = last_shown;
    for (std::size_t p = cursor_ == kEnd ? page_visible_.size() : cursor_; p > 0;) {
      if (page_visible_[--p]) {
        to = p;
        break;
      }
    }
    cursor_ = to;
    return std::nullopt;
  }
  if (!finished_.empty()) {  // out of a finished notice: as if it had not been answered
    cursor_ = raising_page(finished_);
    unacknowledge(finished_);
    finished_.clear();
    return std::nullopt;
  }
  if (cursor_ == kEnd) {
    const Stop* end = holding(StopAction::End, false);
    const std::size_t to = end ? raising_page(end->id) : last_shown;
    if (to == kEnd) return Error{"session.back.at-start", "This is the first question.", ""};
    cursor_ = to;
    return std::nullopt;
  }
  for (std::size_t p = cursor_; p > 0;) {
    --p;
    if (page_visible_[p]) {
      cursor_ = p;
      return std::nullopt;
    }
  }
  return Error{"session.back.at-start", "This is the first question.", ""};
}

std::optional<Error> Session::go_to(const std::string& id) {
  std::size_t p = 0;
  if (const Item* item = content_->item(id)) {
    if (!item_shown(content_->item_index.at(id)))
      return answer_error("answer.item.hidden", id,
                          "This question does not apply to your earlier answers.");
    p = item->page;
  } else if (content_->page(id)) {
    p = content_->page_index.at(id);
  } else {
    return Error{"answer.page.unknown", "There is no page \"" + id + "\".", pointer("", id)};
  }
  if (!page_shown(p))
    return Error{"answer.page.hidden", "This page does not apply to your earlier answers.",
                 pointer("", id)};
  notice_.clear();
  if (!finished_.empty()) {
    unacknowledge(finished_);
    finished_.clear();
  }
  cursor_ = p;
  return std::nullopt;
}

void Session::write_page(JsonWriter& w, std::size_t index) const {
  const Page& page = content_->pages[index];
  const Section& section = content_->sections[page.section];
  w.open_object().key("id").text(page.id);
  if (!page.intro.empty()) w.key("intro").text(page.intro);
  const std::string unit = distance_unit();
  w.key("items").open_array();
  for (const std::size_t i : page.items) {
    if (!item_visible_[i]) continue;
    const Item& item = content_->items[i];
    json shown = item.source;
    if (item.unit == "distance") shown["unit"] = unit;
    if (answers_.contains(item.id)) shown["answer"] = answers_[item.id];
    w.value(shown);
  }
  w.close_array().key("lesson").value(page.lesson);
  w.key("section").open_object().key("id").text(section.id);
  if (!section.intro.empty()) w.key("intro").text(section.intro);
  w.key("title").text(section.title).close_object();
  if (!page.title.empty()) w.key("title").text(page.title);
  w.close_object();
}

void Session::write_progress(JsonWriter& w) const {
  std::size_t total = 0, before = 0;
  for (std::size_t p = 0; p < page_visible_.size(); ++p) {
    if (!page_visible_[p]) continue;
    ++total;
    if (cursor_ == kEnd || p < cursor_) ++before;
  }
  const std::size_t position = cursor_ == kEnd ? total : before + 1;
  const long percent =
      cursor_ == kEnd || total == 0
          ? 100
          : std::lround(100.0 * static_cast<double>(before) / static_cast<double>(total));
  w.open_object().key("percent").number(percent);
  w.key("position").number(static_cast<long>(position));
  w.key("total").number(static_cast<long>(total)).close_object();
}

bool Session::can_go_back() const {
  if (!notice_.empty() || !finished_.empty() || cursor_ == kEnd) {
    return std::any_of(page_visible_.begin(), page_visible_.end(), [](char v) { return v != 0; });
  }
  for (std::size_t p = 0; p < cursor_; ++p) {
    if (page_visible_[p]) return true;
  }
  return false;
}

// The outputs are written as text directly, members in key order (as a json object prints them).
std::string Session::current_text() const {
  JsonWriter w;
  w.open_object().key("canGoBack").value(can_go_back());
  if (!finished_.empty() || (cursor_ == kEnd && ended())) {
    w.key("status").text("stopped").key("stop").value(stop());
    return std::move(w.close_object().out);
  }
  if (notice_.empty() && cursor_ != kEnd) {
    w.key("page");
    write_page(w, cursor_);
  }
  w.key("progress");
  write_progress(w);
  w.key("status").text(!notice_.empty() ? "notice" : cursor_ == kEnd ? "complete" : "question");
  if (!notice_.empty()) {
    const Stop* shown = nullptr;
    for (const auto& s : content_->stops) {
      if (s.id == notice_) shown = &s;
    }
    if (shown) {
      w.key("stop").open_object().key("id").text(shown->id);
      w.key("level").text(shown->level).close_object();
    }
  }
  return std::move(w.close_object().out);
}

std::string Session::review_text() const {
  const std::string unit = distance_unit();
  JsonWriter w;
  w.open_object().key("complete").value(complete()).key("sections").open_array();
  for (std::size_t s = 0; s < content_->sections.size(); ++s) {
    JsonWriter answers;
    answers.open_array();
    for (const std::size_t p : content_->sections[s].pages) {
      if (!page_visible_[p]) continue;
      for (const std::size_t i : content_->pages[p].items) {
        const Item& item = content_->items[i];
        if (!item_visible_[i] || item.type == ItemType::Lesson || !answers_.contains(item.id))
          continue;
        const json& value = answers_[item.id];
        answers.open_object().key("display").text(display_answer(*content_, item, value, unit));
        answers.key("item").text(item.id).key("page").text(content_->pages[p].id);
        answers.key("question").value(item.source["text"]).key("value").value(value);
        answers.close_object();
      }
    }
    if (answers.out.size() == 1) continue;  // nothing answered in this section
    w.open_object().key("answers").raw(answers.close_array().out);
    w.key("id").text(content_->sections[s].id).key("title").text(content_->sections[s].title);
    w.close_object();
  }
  w.close_array();
  if (json s = stop(); !s.is_null()) w.key("stop").value(s);
  return std::move(w.close_object().out);
}

std::string Session::state_text() const {
  JsonWriter w;
  w.open_object().key("acknowledged").open_array();
  for (const auto& id : acknowledged_) w.text(id);
  w.close_array().key("answers").value(answers_);
  w.key("content").open_object().key("id").text(content_->id);
  w.key("version").text(content_->version).close_object();
  w.key("cursor");
  cursor_ != kEnd ? w.text(content_->pages[cursor_].id) : w.raw("null");
  w.key("finished").value(!finished_.empty()).key("format").text("hipcheck.state");
  w.key("notice");
  notice_.empty() ? w.raw("null") : w.text(notice_);
  w.key("settings").value(settings_).key("version").number(kStateVersion);
  return std::move(w.close_object().out);
}

json Session::current() const { return parse_json(current_text()).value; }
json Session::review() const { return parse_json(review_text()).value; }
json Session::state() const { return parse_json(state_text()).value; }

std::optional<Error> Session::restore(const json& state) {
  auto bad = [](const std::string& id, const std::string& path, const std::string& message) {
    return Error{id, message, path};
  };
  if (!state.is_object() || json_depth(state) > kMaxDepth) {
    return bad("state.malformed", "", "This saved check is damaged.");
  }
  if (!state.contains("format") || state["format"] != "hipcheck.state") {
    return bad("state.format", "/format", "This is not a saved Hip Check.");
  }
  if (!state.contains("version") || state["version"] != kStateVersion) {
    return bad("state.version", "/version",
               "This saved check comes from another version of Hip Check.");
  }
  const json expected = {{"id", content_->id}, {"version", content_->version}};
  if (!state.contains("content") || state["content"] != expected) {
    return bad("state.content", "/content",
               "This saved check was made with other questions, so it cannot be used.");
  }
  Session trial(content_);
  trial.full_refresh_ = full_refresh_;
  if (state.contains("settings")) {
    json merged;
    if (auto e = merge_settings(default_settings(), state["settings"], merged))
      return bad("state.settings", "/settings" + e->path, e->message);
    trial.settings_ = std::move(merged);
    trial.refresh({kSettings});
  }
  if (!state.contains("answers") || !state["answers"].is_object()) {
    return bad("state.malformed", "/answers", "This saved check is damaged.");
  }
  const json& answers = state["answers"];
  for (auto it = answers.begin(); it != answers.end(); ++it) {
    if (!content_->item(it.key()))
      return bad("state.answer.unknown", pointer("/answers", it.key()),
                 "This saved check names a question that does not exist.");
  }
  // Replay the answers page by page, in order, checking each against what is shown by then.
  for (std::size_t p = 0; p < content_->pages.size(); ++p) {
    std::vector<std::string> changed;
    for (const std::size_t i : content_->pages[p].items) {
      const Item& item = content_->items[i];
      if (!answers.contains(item.id)) continue;
      if (!trial.item_shown(i)) {
        return bad("state.answer.hidden", pointer("/answers", item.id),
                   "This saved check holds an answer to a question that does not apply.");
      }
      if (auto e = trial.check_value(item, answers[item.id]))
        return bad("state.answer.invalid", pointer("/answers", item.id), e->message);
      trial.answers_[item.id] = answers[item.id];
      changed.push_back(item.id);
    }
    if (changed.empty()) continue;
    logic::Budget shared{logic::kMaxAnswerWork};  // as when the page was answered
    trial.budget_ = &shared;
    trial.refresh(changed);
    trial.budget_ = nullptr;
    if (trial.overrun_) return trial.overrun_;
  }
  if (state.contains("acknowledged")) {
    const json& list = state["acknowledged"];
    if (!list.is_array())
      return bad("state.acknowledged", "/acknowledged", "This saved check is damaged.");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const json& id = list[i];
      const bool known =
          id.is_string() &&
          std::any_of(content_->stops.begin(), content_->stops.end(), [&](const Stop& s) {
            return s.action == StopAction::Notice && s.id == id.get<std::string>();
          });
      if (!known || trial.acknowledged(id.get<std::string>()))
        return bad("state.acknowledged", pointer("/acknowledged", i),
                   "This saved check names a message that does not exist.");
      trial.acknowledged_.push_back(id.get<std::string>());
    }
  }
  if (state.contains("finished") && !state["finished"].is_boolean())
    return bad("state.finished", "/finished", "This saved check is damaged.");
  if (state.value("finished", false)) {
    for (const auto& s : content_->stops) {
      if (s.action == StopAction::Notice && trial.acknowledged(s.id) &&
          trial.holds(s.compiled, trial.data_, {})) {
        trial.finished_ = s.id;
        break;
      }
    }
    if (trial.finished_.empty())
      return bad("state.finished", "/finished",
                 "This saved check was ended by a message that no longer applies.");
  }
  trial.cursor_ = kEnd;
  if (state.contains("cursor") && !state["cursor"].is_null()) {
    const json& cursor = state["cursor"];
    const Page* page = cursor.is_string() ? content_->page(cursor.get<std::string>()) : nullptr;
    if (!page || !trial.page_shown(content_->page_index.at(page->id))) {
      return bad("state.cursor", "/cursor",
                 "This saved check points at a page that does not apply.");
    }
    trial.cursor_ = content_->page_index.at(page->id);
  }
  if (state.contains("notice") && !state["notice"].is_null()) {
    const json& notice = state["notice"];
    const Stop* pending = trial.finished_.empty() && !trial.ended()
                              ? trial.holding(StopAction::Notice, true)
                              : nullptr;
    // Only the notice that would show now: the first that holds and is not acknowledged, while
    // no stop is in force.
    const bool ok = pending && notice.is_string() && pending->id == notice.get<std::string>();
    if (!ok)
      return bad("state.notice", "/notice",
                 "This saved check shows a message that does not apply.");
    trial.notice_ = notice.get<std::string>();
  }
  trial.settle();
  *this = std::move(trial);
  return std::nullopt;
}

}  // namespace hipcheck
