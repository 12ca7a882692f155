#include "hipcheck/engine.hpp"

#include <optional>
#include <string_view>

#include "hipcheck/assess.hpp"

namespace hipcheck {

namespace {

void write_error(JsonWriter& w, const Error& e) {
  w.open_object().key("id").text(e.id).key("message").text(e.message);
  w.key("path").text(e.path).close_object();
}

// {"error": first, "errors": [all]}: several problems at once.
std::string errors_text(const std::vector<Error>& errors) {
  JsonWriter w;
  w.open_object().key("error");
  write_error(w, errors[0]);
  w.key("errors").open_array();
  for (const Error& e : errors) write_error(w, e);
  return std::move(w.close_array().close_object().out);
}

}  // namespace

std::string error_text(const Error& error) {
  JsonWriter w;
  w.open_object().key("error");
  write_error(w, error);
  return std::move(w.close_object().out);
}

bool parse_or_error(const std::string& text, json& out, Error& error,
                    std::initializer_list<std::string_view> skip, std::size_t* depth) {
  auto parsed = parse_json(text, skip);
  if (!parsed.ok) {
    error = Error{"json.syntax",
                  "not valid JSON at line " + std::to_string(parsed.line) + ", column " +
                      std::to_string(parsed.column) + ": " + parsed.message,
                  ""};
    return false;
  }
  out = std::move(parsed.value);
  if (depth != nullptr) *depth = parsed.depth;
  return true;
}

namespace {

const Error kNotLoaded{"session.not-loaded", "No content is loaded yet.", ""};

#ifdef HIPCHECK_LEAN
constexpr bool kLean = true;
#else
constexpr bool kLean = false;
#endif

constexpr std::string_view kStampStart = "{\"stamp\":\"";  // then 16 hex digits, then ",
constexpr std::size_t kStampDigits = 16;
constexpr std::size_t kStampEnd = kStampStart.size() + kStampDigits + 2;

// The fingerprint of "{" followed by text: the stamp of a bundle whose text after its stamp member
// is text.
std::string stamp_of(std::string_view text) { return fingerprint("{", text); }

// The part of a stamped bundle's text the stamp covers: after the stamp member, up to the closing
// brace (a trailing newline is not part of it).
std::string_view stamped_part(const std::string& text) {
  std::string_view rest(text);
  rest.remove_prefix(kStampEnd);
  while (!rest.empty() && (rest.back() == '\n' || rest.back() == '\r' || rest.back() == ' ' ||
                           rest.back() == '\t')) {
    rest.remove_suffix(1);
  }
  return rest;
}

// Checks a parsed bundle's stamp against its text and takes it out; stamp is left empty for an
// unstamped bundle (refused by the lean wasm build).
std::optional<Error> check_stamp(const std::string& text, json& doc, std::string& stamp) {
  const Error damaged{"content.stamp",
                      "The content does not match its stamp: it was changed or damaged after "
                      "hipcheck bundle built it. Build it again with hipcheck bundle.",
                      "/stamp"};
  if (!doc.is_object() || !doc.contains("stamp")) {
    if (!kLean) return std::nullopt;
    return Error{"content.stamp",
                 "The content has no stamp: the page loads only content built by hipcheck bundle.",
                 ""};
  }
  if (text.size() <= kStampEnd || text.compare(0, kStampStart.size(), kStampStart) != 0 ||
      text.compare(kStampEnd - 2, 2, "\",") != 0 || !doc["stamp"].is_string()) {
    return damaged;
  }
  stamp = text.substr(kStampStart.size(), kStampDigits);
  if (stamp_of(stamped_part(text)) != stamp) return damaged;
  doc.erase("stamp");
  return std::nullopt;
}

}  // namespace

std::string stamp_bundle(const json& bundle) {
  const std::string text = to_text(bundle);
  if (text.size() < 2 || text.front() != '{') return text;
  std::string_view rest(text);
  rest.remove_prefix(1);
  const std::string stamp = stamp_of(rest);  // the fingerprint of text: the content's version
  return std::string(kStampStart) + stamp + (rest.size() > 1 ? "\"," : "\"") + std::string(rest);
}

std::string Engine::load(const std::string& bundle) {
  json doc;
  Error error;
#ifdef HIPCHECK_LEAN
  // The lean load never reads the page's strings, the anatomy or the slides: they are not built.
  std::size_t depth = 0;
  if (!parse_or_error(bundle, doc, error, {"ui", "anatomy", "slides"}, &depth)) return error_text(error);
#else
  if (!parse_or_error(bundle, doc, error)) return error_text(error);
#endif
  std::string stamp;
  if (auto e = check_stamp(bundle, doc, stamp)) return error_text(*e);
#ifdef HIPCHECK_LEAN
  auto loaded = load_stamped_content(std::move(doc), stamp, depth);  // check_stamp refused unstamped text
#else
  auto loaded = stamp.empty() ? load_content(doc) : load_content(std::move(doc), stamp);
#endif
  if (!loaded.content) return errors_text(loaded.errors);
  content_ = loaded.content;
  session_ = std::make_unique<Session>(content_);
  JsonWriter w;
  w.open_object().key("content").open_object().key("id").text(content_->id);
  w.key("items").number(static_cast<long>(content_->items.size()));
  w.key("locale").text(content_->locale);
  w.key("pages").number(static_cast<long>(content_->pages.size()));
  w.key("title").text(content_->title).key("version").text(content_->version);
  return std::move(w.close_object().key("ok").value(true).close_object().out);
}

// start() and configure(): parse the settings text, hand it to the session, show where it is.
std::string Engine::with_settings(const std::string& settings,
                                  std::optional<Error> (Session::*apply)(const json&)) {
  if (!session_) return error_text(kNotLoaded);
  json doc;
  Error error;
  if (!parse_or_error(settings, doc, error)) {
    error.id = "settings.invalid";
    return error_text(error);
  }
  if (auto e = ((*session_).*apply)(doc)) return error_text(*e);
  return current();
}

std::string Engine::start(const std::string& settings) {
  return with_settings(settings, &Session::start);
}

std::string Engine::configure(const std::string& settings) {
  return with_settings(settings, &Session::configure);
}

std::string Engine::current() const {
  return session_ ? session_->current_text() : error_text(kNotLoaded);
}

std::string Engine::answer(const std::string& page_id, const std::string& answers) {
  if (!session_) return error_text(kNotLoaded);
  json doc;
  Error error;
  if (!parse_or_error(answers, doc, error)) return error_text(error);
  const auto errors = session_->answer(page_id, doc);
  if (!errors.empty()) return errors_text(errors);
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
  return session_ ? session_->review_text() : error_text(kNotLoaded);
}

std::string Engine::result() const {
  return session_ ? result_text(*session_) : error_text(kNotLoaded);
}

std::string Engine::state() const {
  return session_ ? session_->state_text() : error_text(kNotLoaded);
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
  std::string scored = score_quiz_text(*content_, doc, problem);
  return problem ? error_text(*problem) : scored;
}

}  // namespace hipcheck
