#include "hipcheck/session.hpp"

#include <cmath>
#include <set>

#include "hipcheck/logic.hpp"
#include "hipcheck/text.hpp"

namespace hipcheck {

namespace {

constexpr int kStateVersion = 1;

Error answer_error(const std::string& id, const std::string& item, const std::string& message) {
  return Error{id, message, "/" + item};
}

}  // namespace

json with_calculations(const Content& content, const json& answers) {
  json data = answers;
  for (const auto& calc : content.calculations) {
    const auto outcome = logic::apply(calc.rule, data);
    json value = outcome.ok ? outcome.value : json();
    if (value.is_number_float() && !std::isfinite(value.get<double>())) value = nullptr;
    data[calc.id] = std::move(value);
  }
  return data;
}

Session::Session(std::shared_ptr<const Content> content) : content_(std::move(content)) { start(); }

void Session::start() {
  answers_ = json::object();
  cursor_ = 0;
  refresh();
  settle();
}

void Session::refresh() {
  data_ = with_calculations(*content_, answers_);
  visible_.assign(content_->items.size(), 1);
  for (std::size_t i = 0; i < visible_.size(); ++i) {
    const Item& item = content_->items[i];
    if (item.enable_when.is_null()) continue;
    const auto outcome = logic::apply(item.enable_when, data_);
    visible_[i] = outcome.ok && logic::truthy(outcome.value) ? 1 : 0;
  }
}

void Session::prune() {
  // Dropping one answer can hide further items, so repeat until nothing changes. Items only read
  // earlier items, so this ends after at most one round per item.
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i < visible_.size(); ++i) {
      if (!visible_[i] && answers_.contains(content_->items[i].id)) {
        answers_.erase(content_->items[i].id);
        changed = true;
      }
    }
    if (changed) refresh();
  }
}

std::size_t Session::first_unanswered() const {
  for (std::size_t i = 0; i < visible_.size(); ++i) {
    if (visible_[i] && !answers_.contains(content_->items[i].id)) return i;
  }
  return visible_.size();
}

void Session::settle() {
  while (cursor_ < visible_.size() && !visible_[cursor_]) ++cursor_;
  if (cursor_ >= visible_.size()) cursor_ = first_unanswered();
}

bool Session::complete() const { return first_unanswered() == visible_.size(); }

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
      if (std::fabs(steps - std::round(steps)) > 1e-9 * std::max(1.0, std::fabs(steps))) {
        return answer_error("answer.step", id,
                            "Enter a number in steps of " + format_number(item.step) + ".");
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<Error> Session::find_shown(const std::string& item_id, std::size_t& index) const {
  if (!content_->item(item_id)) {
    return Error{"answer.item.unknown", "There is no question \"" + item_id + "\".", "/" + item_id};
  }
  index = content_->item_index.at(item_id);
  if (!shown(index)) {
    return answer_error("answer.item.hidden", item_id,
                        "This question does not apply to your earlier answers.");
  }
  return std::nullopt;
}

std::optional<Error> Session::answer(const std::string& item_id, const json& value) {
  std::size_t index = 0;
  if (auto e = find_shown(item_id, index)) return e;
  const Item* item = &content_->items[index];
  if (json_depth(value) > kMaxDepth)
    return answer_error("answer.type", item_id, "This answer is not of the right kind.");
  if (auto e = check_value(*item, value)) return e;
  answers_[item_id] = value;
  refresh();
  prune();
  // Move to the next shown item after this one (answered or not), or to the first gap, or done.
  cursor_ = index + 1;
  settle();
  return std::nullopt;
}

std::optional<Error> Session::back() {
  std::size_t i = cursor_;
  while (i > 0) {
    --i;
    if (visible_[i]) {
      cursor_ = i;
      return std::nullopt;
    }
  }
  return Error{"session.back.at-start", "This is the first question.", ""};
}

std::optional<Error> Session::go_to(const std::string& item_id) {
  std::size_t index = 0;
  if (auto e = find_shown(item_id, index)) return e;
  cursor_ = index;
  return std::nullopt;
}

json Session::current() const {
  const auto& visible = visible_;
  std::size_t total = 0, position = 0, answered = 0;
  for (std::size_t i = 0; i < visible.size(); ++i) {
    if (!visible[i]) continue;
    ++total;
    if (i <= cursor_) ++position;
    if (answers_.contains(content_->items[i].id)) ++answered;
  }
  json page;
  bool can_go_back = false;
  for (std::size_t i = 0; i < cursor_ && i < visible.size(); ++i)
    can_go_back = can_go_back || visible[i];
  if (cursor_ >= content_->items.size()) {
    page["status"] = "complete";
    position = total;
  } else {
    const Item& item = content_->items[cursor_];
    page["status"] = "question";
    const Section& section = content_->sections[item.section];
    page["section"] = {{"id", section.id}, {"title", section.title}};
    json shown_item = item.source;
    shown_item.erase("enableWhen");
    if (item.unit == "distance") shown_item["unit"] = distance_unit();
    page["item"] = std::move(shown_item);
    if (answers_.contains(item.id)) page["answer"] = answers_[item.id];
  }
  const long percent =
      total == 0 ? 100
                 : std::lround(100.0 * static_cast<double>(answered) / static_cast<double>(total));
  page["progress"] = {
      {"position", position}, {"total", total}, {"answered", answered}, {"percent", percent}};
  page["canGoBack"] = can_go_back;
  return page;
}

json Session::review() const {
  const auto& visible = visible_;
  const std::string unit = distance_unit();
  json sections = json::array();
  for (std::size_t s = 0; s < content_->sections.size(); ++s) {
    json answers = json::array();
    for (std::size_t i = 0; i < visible.size(); ++i) {
      const Item& item = content_->items[i];
      if (item.section != s || !visible[i] || item.type == ItemType::Lesson ||
          !answers_.contains(item.id))
        continue;
      const json& value = answers_[item.id];
      answers.push_back({{"item", item.id},
                         {"question", item.source["text"]},
                         {"value", value},
                         {"display", display_answer(*content_, item, value, unit)}});
    }
    if (answers.empty()) continue;
    sections.push_back({{"id", content_->sections[s].id},
                        {"title", content_->sections[s].title},
                        {"answers", std::move(answers)}});
  }
  return {{"complete", complete()}, {"sections", std::move(sections)}};
}

json Session::state() const {
  return {
      {"format", "hipcheck.state"},
      {"version", kStateVersion},
      {"content", {{"id", content_->id}, {"version", content_->version}}},
      {"answers", answers_},
      {"cursor", cursor_ < content_->items.size() ? json(content_->items[cursor_].id) : json()}};
}

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
  if (!state.contains("answers") || !state["answers"].is_object()) {
    return bad("state.malformed", "/answers", "This saved check is damaged.");
  }
  // Replay the answers in questionnaire order into a scratch session; adopt it only if all is well.
  Session trial(content_);
  const json& answers = state["answers"];
  std::size_t used = 0;
  for (const auto& item : content_->items) {
    if (!answers.contains(item.id)) continue;
    const auto index = content_->item_index.at(item.id);
    if (!trial.shown(index)) {
      return bad("state.answer.hidden", pointer("/answers", item.id),
                 "This saved check holds an answer to a question that does not apply.");
    }
    if (auto e = trial.check_value(item, answers[item.id])) {
      return bad("state.answer.invalid", pointer("/answers", item.id), e->message);
    }
    trial.answers_[item.id] = answers[item.id];
    trial.refresh();
    ++used;
  }
  if (used != answers.size()) {
    for (const auto& [key, value] : answers.items()) {
      (void)value;
      if (!content_->item(key))
        return bad("state.answer.unknown", pointer("/answers", key),
                   "This saved check names a question that does not exist.");
    }
  }
  trial.cursor_ = content_->items.size();
  if (state.contains("cursor") && !state["cursor"].is_null()) {
    const json& cursor = state["cursor"];
    if (!cursor.is_string() || !trial.content_->item(cursor.get<std::string>()) ||
        trial.go_to(cursor.get<std::string>())) {
      return bad("state.cursor", "/cursor",
                 "This saved check points at a question that does not apply.");
    }
  }
  trial.settle();
  *this = std::move(trial);
  return std::nullopt;
}

}  // namespace hipcheck
