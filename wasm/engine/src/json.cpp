#include "hipcheck/json.hpp"

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <utility>
#include <vector>

#include "hipcheck/number.hpp"

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

namespace {

// The length of the UTF-8 sequence at p (n > 0 bytes left) when it is well formed (Unicode table
// 3-7); otherwise 0, with `bad` set to the length of its maximal invalid part (at least 1).
std::size_t utf8_length(const unsigned char* p, std::size_t n, std::size_t& bad) {
  const unsigned char c = p[0];
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;       // no overlong forms
    if (c == 0xED) hi = 0x9F;       // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;       // no overlong forms
    if (c == 0xF4) hi = 0x8F;       // nothing over U+10FFFF
  } else {
    bad = 1;
    return 0;
  }
  for (std::size_t k = 1; k <= need; ++k) {
    if (k >= n || p[k] < lo || p[k] > hi) {
      bad = k;
      return 0;
    }
    lo = 0x80;
    hi = 0xBF;
  }
  return need + 1;
}

void write_string(std::string& out, const std::string& value) {
  static const char kHex[] = "0123456789abcdef";
  const auto* p = reinterpret_cast<const unsigned char*>(value.data());
  const std::size_t n = value.size();
  out += '"';
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (c >= 0x80) {
      std::size_t bad = 0;
      const std::size_t length = utf8_length(p + i, n - i, bad);
      if (length) {
        out.append(value, i, length);
        i += length;
      } else {
        out += "\xEF\xBF\xBD";  // U+FFFD
        i += bad;
      }
      continue;
    }
    ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

// A finite float as dump writes it: the fewest significant digits that read back as the same
// double, laid out as nlohmann's to_chars does (fixed notation for decimal exponents from -5 to
// 14, ".0" after a whole number, otherwise "1.5e+20" with at least two exponent digits).
void write_float(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  if (std::signbit(value)) {
    out += '-';
    value = -value;
  }
  if (value == 0) {
    out += "0.0";
    return;
  }
  const Digits shortest = shortest_digits(value);
  const std::string& digits = shortest.digits;
  const int exponent = shortest.exponent;
  const int k = static_cast<int>(digits.size());
  const int n = exponent + 1;  // where the point goes, counted from the first digit
  if (k <= n && n <= 15) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
    out += ".0";
  } else if (0 < n && n <= 15) {
    out.append(digits, 0, static_cast<std::size_t>(n));
    out += '.';
    out.append(digits, static_cast<std::size_t>(n), std::string::npos);
  } else if (-4 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out.append(digits, 1, std::string::npos);
    }
    out += exponent < 0 ? "e-" : "e+";
    const int magnitude = exponent < 0 ? -exponent : exponent;
    if (magnitude < 10) out += '0';
    out += std::to_string(magnitude);
  }
}

void write_value(std::string& out, const json& value) {
  switch (value.type()) {
    case json::value_t::object: {
      out += '{';
      bool first = true;
      for (const auto& [name, member] : value.items()) {
        if (!first) out += ',';
        first = false;
        write_string(out, name);
        out += ':';
        write_value(out, member);
      }
      out += '}';
      return;
    }
    case json::value_t::array: {
      out += '[';
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (i) out += ',';
        write_value(out, value[i]);
      }
      out += ']';
      return;
    }
    case json::value_t::string:
      write_string(out, value.get_ref<const std::string&>());
      return;
    case json::value_t::boolean:
      out += value.get<bool>() ? "true" : "false";
      return;
    case json::value_t::number_integer:
      out += std::to_string(value.get<std::int64_t>());
      return;
    case json::value_t::number_unsigned:
      out += std::to_string(value.get<std::uint64_t>());
      return;
    case json::value_t::number_float:
      write_float(out, value.get<double>());
      return;
    default:  // null, and the binary and discarded values the engine never makes
      out += "null";
  }
}

}  // namespace

std::string to_text(const json& value) {
  std::string out;
  write_value(out, value);
  return out;
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

JsonWriter& JsonWriter::text(const std::string& value) {
  element();
  write_string(out, value);
  after_ = true;
  return *this;
}

JsonWriter& JsonWriter::number(long value) { return raw(std::to_string(value)); }

JsonWriter& JsonWriter::value(const json& value) {
  element();
  write_value(out, value);
  after_ = true;
  return *this;
}

JsonWriter& JsonWriter::raw(const std::string& json_text) {
  element();
  out += json_text;
  after_ = true;
  return *this;
}

}  // namespace hipcheck
