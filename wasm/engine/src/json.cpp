#include "hipcheck/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <memory>
#include <string>
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

using Input = decltype(nlohmann::detail::input_adapter(static_cast<const char*>(nullptr),
                                                        static_cast<const char*>(nullptr)));
using Lexer = nlohmann::detail::lexer<json, Input>;
using Token = Lexer::token_type;

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

// The text's tokens as nlohmann's lexer reads them, for the common case only, and 2-4x faster:
// a string is found whole and copied once, where nlohmann's lexer appends each character twice
// (to the token and to its record of what it read). Anything else is Token::parse_error: an
// error, a byte order mark, a \u escape, an integer of more than 18 digits, a number with no
// finite value. parse_json then reads the text again with nlohmann's lexer, which gives the exact
// error, or reads the rare token.
class QuickLexer {
 public:
  explicit QuickLexer(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  Token scan() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    if (p_ == end_) return Token::end_of_input;
    switch (*p_++) {
      case '{':
        return Token::begin_object;
      case '}':
        return Token::end_object;
      case '[':
        return Token::begin_array;
      case ']':
        return Token::end_array;
      case ':':
        return Token::name_separator;
      case ',':
        return Token::value_separator;
      case '"':
        return string();
      case 't':
        return word("rue", Token::literal_true);
      case 'f':
        return word("alse", Token::literal_false);
      case 'n':
        return word("ull", Token::literal_null);
      default:
        --p_;
        return number();
    }
  }

  std::string& get_string() { return string_; }
  double get_number_float() const { return float_; }
  std::int64_t get_number_integer() const { return integer_; }
  std::uint64_t get_number_unsigned() const { return unsigned_; }

 private:
  Token word(std::string_view rest, Token token) {
    if (static_cast<std::size_t>(end_ - p_) < rest.size() || rest != std::string_view(p_, rest.size())) {
      return Token::parse_error;
    }
    p_ += rest.size();
    return token;
  }

  Token string() {
    string_.clear();
    const char* run = p_;  // the characters since the last escape, copied when it ends
    for (;;) {
      if (p_ == end_) return Token::parse_error;
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        string_.append(run, p_++);
        return Token::value_string;
      }
      if (c < 0x20) return Token::parse_error;
      if (c == '\\') {
        string_.append(run, p_);
        if (end_ - p_ < 2) return Token::parse_error;
        const char* const kFrom = "\"\\/bfnrt";
        const char* const kTo = "\"\\/\b\f\n\r\t";
        const char* found = std::char_traits<char>::find(kFrom, 8, p_[1]);
        if (found == nullptr) return Token::parse_error;  // \u or not an escape
        string_ += kTo[found - kFrom];
        p_ += 2;
        run = p_;
        continue;
      }
      if (c < 0x80) {
        ++p_;
        continue;
      }
      std::size_t bad = 0;
      const std::size_t n = utf8_length(reinterpret_cast<const unsigned char*>(p_),
                                        static_cast<std::size_t>(end_ - p_), bad);
      if (n == 0) return Token::parse_error;
      p_ += n;
    }
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, as nlohmann reads it: a whole number is
  // unsigned when positive, else a signed integer; a fraction or an exponent makes it a float.
  Token number() {
    const char* const start = p_;
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    const char* const digits = p_;
    if (p_ == end_ || !is_digit(*p_)) return Token::parse_error;
    std::uint64_t value = 0;
    if (*p_ == '0') {
      ++p_;
    } else {
      while (p_ != end_ && is_digit(*p_)) value = value * 10 + static_cast<unsigned>(*p_++ - '0');
    }
    bool whole = true;
    if (p_ != end_ && *p_ == '.') {
      ++p_;
      if (!skip_digits()) return Token::parse_error;
      whole = false;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (!skip_digits()) return Token::parse_error;
      whole = false;
    }
    if (whole) {
      if (p_ - digits > 18) return Token::parse_error;  // may not fit: nlohmann's lexer decides
      if (negative) {
        integer_ = -static_cast<std::int64_t>(value);
        return Token::value_integer;
      }
      unsigned_ = value;
      return Token::value_unsigned;
    }
    const std::string token(start, p_);
    float_ = std::strtod(token.c_str(), nullptr);
    return std::isfinite(float_) ? Token::value_float : Token::parse_error;
  }

  bool skip_digits() {
    const char* const from = p_;
    while (p_ != end_ && is_digit(*p_)) ++p_;
    return p_ != from;
  }

  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  const char* p_;
  const char* const end_;
  std::string string_;
  double float_ = 0;
  std::int64_t integer_ = 0;
  std::uint64_t unsigned_ = 0;
};

// nlohmann's parser (detail::parser::sax_parse with its DOM builder), written out over a lexer: the
// same tokens, the same document and, over nlohmann's lexer, the same errors at the same places
// (json_test.cpp compares them), built straight into the tree, without the SAX calls and the
// parser's vector<bool> of open containers, which were 2.5 KB (gzip) of the wasm module. The root
// object's members named in `skip` are read (their syntax is checked) but not built. Over
// QuickLexer (not exact) any failure only says that the exact reading must be done. One parser
// over either lexer, not a template: two parsers were 0.4 KB (gzip) more of the wasm module.
class Parser {
 public:
  Parser(std::string_view text, std::initializer_list<std::string_view> skip, bool exact)
      : quick_(text), skip_(skip) {
    if (exact) {
      exact_ = std::make_unique<Lexer>(
          nlohmann::detail::input_adapter(text.data(), text.data() + text.size()), false);
    }
  }

  // The document into root; false with the error's offset (nlohmann's count of characters read)
  // and message when it is not one JSON value.
  bool parse(json& root) {
    root_ = &root;
    if (!value()) return false;
    if (next() != Token::end_of_input) return fail(Token::end_of_input, "value");
    return true;
  }

  std::size_t offset = 0;
  std::string message;
  std::size_t depth = 0;  // the document's depth (json_depth), as it is built

 private:
  struct Open {
    json* value;  // null when the container is skipped
    bool array;
  };

  Token next() { return last_ = exact_ ? exact_->scan() : quick_.scan(); }
  std::string& text() { return exact_ ? exact_->get_string() : quick_.get_string(); }

  // An array or object was placed (null: skipped) inside the open ones: the document is that deep.
  // A skipped container is never inside one that is built: only the root's members are skipped.
  json* reach(json* container) {
    if (container != nullptr) depth = std::max(depth, open_.size() + 1);
    return container;
  }

  // Where the value just read goes: the root, the end of the array, or the member whose key was
  // read last. Null when skipped.
  json* place(json&& value) {
    if (open_.empty()) {
      *root_ = std::move(value);
      return root_;
    }
    const Open& top = open_.back();
    if (top.value == nullptr) return nullptr;
    if (top.array) {
      top.value->push_back(std::move(value));
      return &top.value->back();
    }
    if (member_ == nullptr) return nullptr;
    *member_ = std::move(value);
    return member_;
  }

  // A member's key (the last token read); then its ':' and the first token of its value.
  bool key() {
    const Open& top = open_.back();
    member_ = nullptr;
    if (top.value != nullptr && !(open_.size() == 1 && skipped(text()))) {
      member_ = &(*top.value)[std::move(text())];
    }
    if (next() != Token::name_separator) return fail(Token::name_separator, "object separator");
    next();
    return true;
  }

  bool skipped(const std::string& name) const {
    for (const std::string_view s : skip_) {
      if (s == name) return true;
    }
    return false;
  }

  // One whole value, its first token already read (nlohmann's sax_parse_internal).
  bool value() {
    next();
    bool closed = false;  // a container has just been closed: what comes after it is next
    for (;;) {
      if (!closed) {
        switch (last_) {
          case Token::begin_object: {
            json* object = reach(place(json(json::value_t::object)));
            if (next() == Token::end_object) break;
            if (last_ != Token::value_string) return fail(Token::value_string, "object key");
            open_.push_back({object, false});
            if (!key()) return false;
            continue;
          }
          case Token::begin_array: {
            json* array = reach(place(json(json::value_t::array)));
            if (next() == Token::end_array) break;
            open_.push_back({array, true});
            continue;
          }
          case Token::value_float: {
            const double v = exact_ ? exact_->get_number_float() : quick_.get_number_float();
            if (!std::isfinite(v)) {  // never from QuickLexer
              offset = exact_->get_position().chars_read_total;
              message = "[json.exception.out_of_range.406] number overflow parsing '" +
                        exact_->get_token_string() + "'";
              return false;
            }
            place(json(v));
            break;
          }
          case Token::literal_false:
            place(json(false));
            break;
          case Token::literal_null:
            place(json(nullptr));
            break;
          case Token::literal_true:
            place(json(true));
            break;
          case Token::value_integer:
            place(json(exact_ ? exact_->get_number_integer() : quick_.get_number_integer()));
            break;
          case Token::value_unsigned:
            place(json(exact_ ? exact_->get_number_unsigned() : quick_.get_number_unsigned()));
            break;
          case Token::value_string:
            place(json(std::move(text())));
            break;
          case Token::parse_error:
            return fail(Token::uninitialized, "value");
          default:
            return fail(Token::literal_or_value, "value");
        }
      }
      closed = false;
      if (open_.empty()) return true;
      if (open_.back().array) {
        if (next() == Token::value_separator) {
          next();
          continue;
        }
        if (last_ != Token::end_array) return fail(Token::end_array, "array");
      } else {
        if (next() == Token::value_separator) {
          if (next() != Token::value_string) return fail(Token::value_string, "object key");
          if (!key()) return false;
          continue;
        }
        if (last_ != Token::end_object) return fail(Token::end_object, "object");
      }
      open_.pop_back();
      closed = true;
    }
  }

  // nlohmann's message for the last token where `expected` was, in `context`, without its
  // "syntax error while parsing value - " (the line and column are given apart).
  bool fail(Token expected, const char* context) {
    if (!exact_) return false;
    std::string m = std::string("syntax error while parsing ") + context + " - ";
    if (last_ == Token::parse_error) {
      m += std::string(exact_->get_error_message()) + "; last read: '" + exact_->get_token_string() + "'";
    } else {
      m += std::string("unexpected ") + Lexer::token_type_name(last_);
    }
    if (expected != Token::uninitialized) m += std::string("; expected ") + Lexer::token_type_name(expected);
    const std::size_t plain = m.find("syntax error while parsing value - ");
    message = plain == std::string::npos ? m : m.substr(plain + 35);
    offset = exact_->get_position().chars_read_total;
    return false;
  }

  QuickLexer quick_;
  std::unique_ptr<Lexer> exact_;  // nlohmann's lexer, for the exact reading
  std::initializer_list<std::string_view> skip_;
  json* root_ = nullptr;
  std::vector<Open> open_;    // the containers being read, innermost last
  json* member_ = nullptr;    // where the object member being read goes (null: skipped)
  Token last_ = Token::uninitialized;
};

}  // namespace

ParseResult parse_json(std::string_view text, std::initializer_list<std::string_view> skip) {
  ParseResult out;
  json root;
  Parser quick(text, skip, false);
  if (quick.parse(root)) {
    out.ok = true;
    out.value = std::move(root);
    out.depth = quick.depth;
    return out;
  }
  Parser parser(text, skip, true);
  if (parser.parse(root)) {
    out.ok = true;
    out.value = std::move(root);
    out.depth = parser.depth;
    return out;
  }
  // nlohmann reports the position one past the offending character (1-based count of chars read).
  std::size_t end = parser.offset == 0 ? 0 : parser.offset - 1;
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
  out.message = parser.message.empty() ? "not valid JSON" : parser.message;
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
// double, laid out as nlohmann's to_chars does (fixed notation for decimal exponents from -4 to
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
