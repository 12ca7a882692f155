#include "hipcheck/engine.hpp"

#include "hipcheck/assess.hpp"

namespace hipcheck {

std::string error_text(const Error& error) { return to_text(json{{"error", to_json(error)}}); }

bool parse_or_error(const std::string& text, json& out, Error& error) {
  auto parsed = parse_json(text);
  if (!parsed.ok) {
    error = Error{"json.syntax",
                  "not valid JSON at line " + std::to_string(parsed.line) + ", column " +
                      std::to_string(parsed.column) + ": " + parsed.message,
                  ""};
    return false;
  }
  out = std::move(parsed.value);
  return true;
}

namespace {

const Error kNotLoaded{"session.not-loaded", "No content is loaded yet.", ""};

}  // namespace

std::string Engine::load(const std::string& bundle) {
  json doc;
  Error error;
  if (!parse_or_error(bundle, doc, error)) return error_text(error);
  auto loaded = load_content(doc);
  if (!loaded.content) {
    json errors = json::array();
    for (const auto& e : loaded.errors) errors.push_back(to_json(e));
    return to_text(json{{"error", errors[0]}, {"errors", errors}});
  }
  content_ = loaded.content;
  session_ = std::make_unique<Session>(content_);
  return to_text(json{{"ok", true},
                      {"content",
                       {{"id", content_->id},
                        {"version", content_->version},
                        {"title", content_->title},
                        {"locale", content_->locale},
                        {"pages", content_->pages.size()},
                        {"items", content_->items.size()}}}});
}

std::string Engine::start(const std::string& settings) {
  if (!session_) return error_text(kNotLoaded);
  json doc;
  Error error;
  if (!parse_or_error(settings, doc, error)) {
    error.id = "settings.invalid";
    return error_text(error);
  }
  if (auto e = session_->start(doc)) return error_text(*e);
  return current();
}

std::string Engine::configure(const std::string& settings) {
  if (!session_) return error_text(kNotLoaded);
  json doc;
  Error error;
  if (!parse_or_error(settings, doc, error)) {
    error.id = "settings.invalid";
    return error_text(error);
  }
  if (auto e = session_->configure(doc)) return error_text(*e);
  return current();
}

std::string Engine::current() const {
  return session_ ? to_text(session_->current()) : error_text(kNotLoaded);
}

std::string Engine::answer(const std::string& page_id, const std::string& answers) {
  if (!session_) return error_text(kNotLoaded);
  json doc;
  Error error;
  if (!parse_or_error(answers, doc, error)) return error_text(error);
  const auto errors = session_->answer(page_id, doc);
  if (!errors.empty()) {
    json list = json::array();
    for (const auto& e : errors) list.push_back(to_json(e));
    return to_text(json{{"error", list[0]}, {"errors", list}});
  }
  return current();
}

std::string Engine::proceed(const std::string& choice) {
  if (!session_) return error_text(kNotLoaded);
  if (auto e = session_->proceed(choice)) return error_text(*e);
  return current();
}

std::string Engine::back() {
  if (!session_) return error_text(kNotLoaded);
  if (auto e = session_->back()) return error_text(*e);
  return current();
}

std::string Engine::go_to(const std::string& item_id) {
  if (!session_) return error_text(kNotLoaded);
  if (auto e = session_->go_to(item_id)) return error_text(*e);
  return current();
}

std::string Engine::review() const {
  return session_ ? to_text(session_->review()) : error_text(kNotLoaded);
}

std::string Engine::result() const {
  return session_ ? to_text(assess(*session_)) : error_text(kNotLoaded);
}

std::string Engine::state() const {
  return session_ ? to_text(session_->state()) : error_text(kNotLoaded);
}

std::string Engine::restore(const std::string& state) {
  if (!session_) return error_text(kNotLoaded);
  json doc;
  Error error;
  if (!parse_or_error(state, doc, error)) {
    error.id = "state.malformed";
    return error_text(error);
  }
  if (auto e = session_->restore(doc)) return error_text(*e);
  return current();
}

std::string Engine::quiz() const {
  return content_ ? to_text(hipcheck::quiz(*content_)) : error_text(kNotLoaded);
}

std::string Engine::score_quiz(const std::string& answers) const {
  if (!content_) return error_text(kNotLoaded);
  json doc;
  Error error;
  if (!parse_or_error(answers, doc, error)) return error_text(error);
  if (json_depth(doc) > kMaxDepth)
    return error_text({"quiz.malformed", "These quiz answers are nested too deeply.", ""});
  std::optional<Error> problem;
  json scored = hipcheck::score_quiz(*content_, doc, problem);
  return problem ? error_text(*problem) : to_text(scored);
}

}  // namespace hipcheck
