#include "hipcheck/json.hpp"

#include <initializer_list>
#include <utility>
#include <vector>

namespace hipcheck {

std::string describe(const Error& e) {
  std::string out = e.id;
  if (!e.path.empty()) out += " at " + e.path;
  return out + ": " + e.message;
}

namespace {

// Builds the document through nlohmann's own DOM builder and keeps the first syntax error. The
// top-level members named in `skip` are read (their syntax is checked) but not built.
class Sax {
 public:
  Sax(json& root, std::initializer_list<std::string_view> skip) : dom_(root, false), skip_(skip) {}
  bool null() { return skipped_value() || dom_.null(); }
  bool boolean(bool v) { return skipped_value() || dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) {
    return skipped_value() || dom_.number_integer(v);
  }
  bool number_unsigned(json::number_unsigned_t v) {
    return skipped_value() || dom_.number_unsigned(v);
  }
  bool number_float(json::number_float_t v, const std::string& s) {
    return skipped_value() || dom_.number_float(v, s);
  }
  bool string(std::string& v) { return skipped_value() || dom_.string(v); }
  bool binary(json::binary_t& v) { return skipped_value() || dom_.binary(v); }
  bool start_object(std::size_t n) { return open() || dom_.start_object(n); }
  bool key(std::string& k) {
    if (skipping_) return true;
    if (depth_ == 1) {
      for (const std::string_view name : skip_) {
        if (name == k) {
          skipping_ = true;
          skip_depth_ = 0;
          return true;
        }
      }
    }
    return dom_.key(k);
  }
  bool end_object() { return close() || dom_.end_object(); }
  bool start_array(std::size_t n) { return open() || dom_.start_array(n); }
  bool end_array() { return close() || dom_.end_array(); }
  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& ex) {
    failed = true;
    offset = position;
    message = ex.what();
    last_token = token;
    return false;
  }

  bool failed = false;
  std::size_t offset = 0;
  std::string message;
  std::string last_token;

 private:
  // Each returns true when the event belongs to a skipped member (and is not built).
  bool skipped_value() {
    if (!skipping_) return false;
    if (skip_depth_ == 0) skipping_ = false;  // a skipped scalar member ends here
    return true;
  }
  bool open() {
    ++depth_;
    if (skipping_) ++skip_depth_;
    return skipping_;
  }
  bool close() {
    --depth_;
    if (!skipping_) return false;
    if (--skip_depth_ == 0) skipping_ = false;
    return true;
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::initializer_list<std::string_view> skip_;
  std::size_t depth_ = 0;       // containers open
  bool skipping_ = false;       // inside a skipped member's value
  std::size_t skip_depth_ = 0;  // containers open inside it
};

// nlohmann's messages start "[json.exception.parse_error.101] parse error at line 1, column 2: ";
// keep only what was expected.
std::string plain_message(const std::string& what) {
  const auto colon = what.find(": ");
  std::string m = colon == std::string::npos ? what : what.substr(colon + 2);
  const auto syntax = m.find("syntax error while parsing value - ");
  if (syntax != std::string::npos) m = m.substr(syntax + 35);
  return m;
}

}  // namespace

ParseResult parse_json(std::string_view text, std::initializer_list<std::string_view> skip) {
  ParseResult out;
  json root;
  Sax sax(root, skip);
  const bool ok = json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, true);
  if (ok && !sax.failed) {
    out.ok = true;
    out.value = std::move(root);
    return out;
  }
  // nlohmann reports the position one past the offending character (1-based count of chars read).
  std::size_t end = sax.offset == 0 ? 0 : sax.offset - 1;
  if (end > text.size()) end = text.size();
  out.line = 1;
  out.column = 1;
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++out.line;
      out.column = 1;
    } else {
      ++out.column;
    }
  }
  out.message = sax.message.empty() ? "not valid JSON" : plain_message(sax.message);
  return out;
}

std::size_t json_depth(const json& value) {
  std::size_t deepest = 0;
  std::vector<std::pair<const json*, std::size_t>> stack{{&value, 0}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (!node->is_structured()) continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    for (const auto& child : *node) stack.emplace_back(&child, depth + 1);
  }
  return deepest;
}

std::string pointer(const std::string& base, const std::string& token) {
  std::string escaped;
  for (char c : token) {
    if (c == '~')
      escaped += "~0";
    else if (c == '/')
      escaped += "~1";
    else
      escaped += c;
  }
  return base + "/" + escaped;
}

std::string pointer(const std::string& base, std::size_t index) {
  return base + "/" + std::to_string(index);
}

std::string to_text(const json& value, int indent) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

void JsonWriter::element() {
  if (after_) out += ',';
  after_ = false;
}

JsonWriter& JsonWriter::open(char c) {
  element();
  out += c;
  return *this;
}

JsonWriter& JsonWriter::close(char c) {
  out += c;
  after_ = true;
  return *this;
}

JsonWriter& JsonWriter::key(const char* name) {
  element();
  out += '"';
  out += name;  // the engine's own member names: nothing to escape
  out += "\":";
  return *this;
}

JsonWriter& JsonWriter::text(const std::string& value) { return raw(to_text(json(value))); }

JsonWriter& JsonWriter::number(long value) { return raw(std::to_string(value)); }

JsonWriter& JsonWriter::value(const json& value) { return raw(to_text(value)); }

JsonWriter& JsonWriter::raw(const std::string& json_text) {
  element();
  out += json_text;
  after_ = true;
  return *this;
}

}  // namespace hipcheck
