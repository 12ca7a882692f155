// The engine's whole surface as JSON text in, JSON text out: what the wasm module exposes and the
// CLI prints, so both give byte-identical answers. See wasm/README.md.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "hipcheck/content.hpp"
#include "hipcheck/session.hpp"

namespace hipcheck {

class Engine {
 public:
  std::string load(const std::string& bundle);
  std::string start(const std::string& settings = "{}");
  std::string configure(const std::string& settings);
  std::string current() const;
  std::string answer(const std::string& page_id, const std::string& answers);
  std::string proceed(const std::string& choice);
  std::string back();
  std::string go_to(const std::string& id);
  std::string review() const;
  std::string result() const;
  std::string state() const;
  std::string restore(const std::string& state);
  std::string quiz() const;
  std::string score_quiz(const std::string& answers) const;

 private:
  std::string with_settings(const std::string& settings,
                            std::optional<Error> (Session::*apply)(const json&));
  std::shared_ptr<const Content> content_;
  std::unique_ptr<Session> session_;
};

// The text `hipcheck bundle` writes for the web page: the bundle's JSON text with a first member
// "stamp", a hash of the rest of the text ({"stamp":"<16 hex>",…}). The stamp is the content's
// version. Engine::load checks it: a bundle changed or damaged after it was built is refused
// (content.stamp); the wasm build trusts a stamped bundle's content checks and refuses an unstamped
// one, the native build checks everything either way.
std::string stamp_bundle(const json& bundle);

// {"error": {id, message, path}} as text.
std::string error_text(const Error& error);

// Parses text as JSON, or describes the syntax error as an Error (id json.syntax); the top-level
// members named in skip are left out (see parse_json). depth, when given, receives json_depth(out).
bool parse_or_error(const std::string& text, json& out, Error& error,
                    std::initializer_list<std::string_view> skip = {}, std::size_t* depth = nullptr);

}  // namespace hipcheck
