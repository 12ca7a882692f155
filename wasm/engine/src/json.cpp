#include "hipcheck/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
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

using Token = nlohmann::detail::lexer_base<json>::token_type;
const char* token_name(Token t) { return nlohmann::detail::lexer_base<json>::token_type_name(t); }

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

// nlohmann's lexer (detail::lexer) over a text: the same tokens and values, and the same errors
// at the same places, with the same messages (json_test.cpp compares them with nlohmann's parser),
// but a string is found whole and copied once, where nlohmann's lexer appends each character twice
// (to the token and to its record of what it read): a load of the bundle 1.3x faster in wasm.
class Lexer {
 public:
  explicit Lexer(std::string_view text)
      : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()) {}

  Token scan() {
    if (p_ == begin_ && p_ != end_ && static_cast<unsigned char>(*p_) == 0xEF) {  // a BOM
      const char* q = p_ + 1;
      if (q == end_ || static_cast<unsigned char>(*q) != 0xBB) return error(kBom, q);
      if (++q == end_ || static_cast<unsigned char>(*q) != 0xBF) return error(kBom, q);
      p_ = q + 1;
    }
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    if (p_ == end_) {
      offset_ = static_cast<std::size_t>(end_ - begin_) + 1;  // nlohmann counts reading the end
      return Token::end_of_input;
    }
    const char c = *p_;
    Token token = Token::parse_error;
    switch (c) {
      case '{': token = Token::begin_object; break;
      case '}': token = Token::end_object; break;
      case '[': token = Token::begin_array; break;
      case ']': token = Token::end_array; break;
      case ':': token = Token::name_separator; break;
      case ',': token = Token::value_separator; break;
      case '\0': token = Token::end_of_input; break;  // as nlohmann's lexer reads it
      case '"': return string();
      case 't': return word("true", Token::literal_true);
      case 'f': return word("false", Token::literal_false);
      case 'n': return word("null", Token::literal_null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        return error(kLiteral, p_);
    }
    offset_ = static_cast<std::size_t>(++p_ - begin_);
    return token;
  }

  std::string& get_string() { return string_; }
  double get_number_float() const { return float_; }
  std::int64_t get_number_integer() const { return integer_; }
  std::uint64_t get_number_unsigned() const { return unsigned_; }

  // nlohmann's count of the characters read: one past the last token, or past the error.
  std::size_t offset() const { return offset_; }
  const std::string& error_message() const { return message_; }

  // What nlohmann's lexer has read since the last string or number began (its token_string),
  // control characters as <U+XXXX>.
  std::string token_text() const {
    const char* const to = begin_ + std::min(offset_, static_cast<std::size_t>(end_ - begin_));
    std::string out;
    for (const char* q = mark_; q < to; ++q) {
      const auto c = static_cast<unsigned char>(*q);
      if (c > 0x1F) {
        out += *q;
      } else {
        out += "<U+" + hex_code(c) + ">";
      }
    }
    return out;
  }

 private:
  static constexpr const char* kBom = "invalid BOM; must be 0xEF 0xBB 0xBF if given";
  static constexpr const char* kLiteral = "invalid literal";
  static constexpr const char* kHexDigits =
      "invalid string: '\\u' must be followed by 4 hex digits";
  static constexpr const char* kHighSurrogate =
      "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF";

  // An error found at `at` (end_ when the text ended first).
  Token error(std::string message, const char* at) {
    message_ = std::move(message);
    offset_ = static_cast<std::size_t>(at - begin_) + 1;
    return Token::parse_error;
  }
  bool escape_error(const char* message, const char* at) {
    error(message, at);
    return false;
  }

  // A control character as nlohmann writes its code: four upper-case hex digits.
  static std::string hex_code(unsigned char c) {
    static const char kHex[] = "0123456789ABCDEF";
    return std::string("00") + kHex[c >> 4] + kHex[c & 15];
  }

  Token word(const char* literal, Token token) {
    const char* q = p_;
    for (; *literal != '\0'; ++literal, ++q) {
      if (q == end_ || *q != *literal) return error(kLiteral, q);
    }
    p_ = q;
    offset_ = static_cast<std::size_t>(p_ - begin_);
    return token;
  }

  Token string() {
    mark_ = p_++;
    string_.clear();
    const char* run = p_;  // the characters since the last escape, copied when it ends
    for (;;) {
      if (p_ == end_) return error("invalid string: missing closing quote", end_);
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        string_.append(run, p_++);
        offset_ = static_cast<std::size_t>(p_ - begin_);
        return Token::value_string;
      }
      if (c == '\\') {
        string_.append(run, p_);
        if (!escape()) return Token::parse_error;
        run = p_;
      } else if (c < 0x20) {
        return error(control(c), p_);
      } else if (c < 0x80) {
        ++p_;
      } else {
        std::size_t bad = 0;
        const std::size_t n = utf8_length(reinterpret_cast<const unsigned char*>(p_),
                                          static_cast<std::size_t>(end_ - p_), bad);
        // nlohmann's lexer stops at the byte that breaks the sequence: the first, for a byte that
        // cannot start one, else the continuation byte at `bad`.
        const std::size_t breaks = c >= 0xC2 && c <= 0xF4 ? bad : 0;
        if (n == 0) return error("invalid string: ill-formed UTF-8 byte", p_ + breaks);
        p_ += n;
      }
    }
  }

  // nlohmann's message for a control character in a string.
  static std::string control(unsigned char c) {
    static const char* const kNames[] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL",
                                         "BS",  "HT",  "LF",  "VT",  "FF",  "CR",  "SO",  "SI",
                                         "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB",
                                         "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
    const std::string code = hex_code(c);
    std::string m = "invalid string: control character U+" + code + " (" + kNames[c] +
                    ") must be escaped to \\u" + code;
    const char* const shorter = std::char_traits<char>::find("\b\t\n\f\r", 5, static_cast<char>(c));
    if (shorter != nullptr) m += std::string(" or \\") + "btnfr"[shorter - "\b\t\n\f\r"];
    return m;
  }

  // Four hex digits from q: the code unit, or -1 (and the error) where one is not a hex digit.
  int hex4(const char* q) {
    int value = 0;
    for (int i = 0; i < 4; ++i, ++q) {
      const char c = q == end_ ? 'x' : *q;  // the end is not a hex digit
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
      if (digit < 0) {
        error(kHexDigits, q);
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  // The escape at p_ (a backslash), appended to string_; false with the error.
  bool escape() {
    const char* q = p_ + 1;
    const char kFrom[] = "\"\\/bfnrt";
    const char kTo[] = "\"\\/\b\f\n\r\t";
    const char* const simple = q == end_ ? nullptr : std::char_traits<char>::find(kFrom, 8, *q);
    if (simple != nullptr) {
      string_ += kTo[simple - kFrom];
      p_ = q + 1;
      return true;
    }
    if (q == end_ || *q != 'u') {
      return escape_error("invalid string: forbidden character after backslash", q);
    }
    int code = hex4(q + 1);
    if (code < 0) return false;
    q += 5;  // past the four digits
    if (code >= 0xD800 && code <= 0xDBFF) {
      if (q == end_ || *q != '\\') return escape_error(kHighSurrogate, q);
      if (q + 1 == end_ || q[1] != 'u') return escape_error(kHighSurrogate, q + 1);
      const int low = hex4(q + 2);
      if (low < 0) return false;
      if (low < 0xDC00 || low > 0xDFFF) return escape_error(kHighSurrogate, q + 5);
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
      q += 6;
    } else if (code >= 0xDC00 && code <= 0xDFFF) {
      return escape_error("invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF",
                          q - 1);
    }
    const auto u = static_cast<unsigned>(code);
    if (u < 0x80) {
      string_ += static_cast<char>(u);
    } else if (u < 0x800) {
      string_ += static_cast<char>(0xC0 | (u >> 6));
      string_ += static_cast<char>(0x80 | (u & 0x3F));
    } else if (u < 0x10000) {
      string_ += static_cast<char>(0xE0 | (u >> 12));
      string_ += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
      string_ += static_cast<char>(0x80 | (u & 0x3F));
    } else {
      string_ += static_cast<char>(0xF0 | (u >> 18));
      string_ += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
      string_ += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
      string_ += static_cast<char>(0x80 | (u & 0x3F));
    }
    p_ = q;
    return true;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, as nlohmann reads it: a whole number is
  // unsigned when positive, else a signed integer, and a float when it does not fit; a fraction or
  // an exponent makes it a float.
  Token number() {
    mark_ = p_;
    const char* q = p_;
    const bool negative = *q == '-';
    if (negative) ++q;
    if (q == end_ || !is_digit(*q)) return error("invalid number; expected digit after '-'", q);
    std::uint64_t value = 0;
    bool fits = true;
    if (*q == '0') {
      ++q;
    } else {
      for (; q != end_ && is_digit(*q); ++q) {
        const auto digit = static_cast<std::uint64_t>(*q - '0');
        fits = fits && value <= (UINT64_MAX - digit) / 10;
        if (fits) value = value * 10 + digit;
      }
    }
    bool whole = true;
    if (q != end_ && *q == '.') {
      if (++q == end_ || !is_digit(*q)) return error("invalid number; expected digit after '.'", q);
      while (q != end_ && is_digit(*q)) ++q;
      whole = false;
    }
    if (q != end_ && (*q == 'e' || *q == 'E')) {
      ++q;
      if (q != end_ && (*q == '+' || *q == '-')) {
        if (++q == end_ || !is_digit(*q)) {
          return error("invalid number; expected digit after exponent sign", q);
        }
      } else if (q == end_ || !is_digit(*q)) {
        return error("invalid number; expected '+', '-', or digit after exponent", q);
      }
      while (q != end_ && is_digit(*q)) ++q;
      whole = false;
    }
    p_ = q;
    offset_ = static_cast<std::size_t>(p_ - begin_);
    if (whole && fits && !negative) {
      unsigned_ = value;
      return Token::value_unsigned;
    }
    if (whole && fits && value <= 9223372036854775808ull) {
      integer_ = value == 9223372036854775808ull ? INT64_MIN : -static_cast<std::int64_t>(value);
      return Token::value_integer;
    }
    float_ = read_double(std::string(mark_, p_).c_str(), nullptr);
    return Token::value_float;
  }

  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  const char* const begin_;
  const char* p_;
  const char* const end_;
  const char* mark_ = begin_;  // where the last string or number began
  std::size_t offset_ = 0;
  std::string message_;
  std::string string_;
  double float_ = 0;
  std::int64_t integer_ = 0;
  std::uint64_t unsigned_ = 0;
};

// nlohmann's parser (detail::parser::sax_parse with its DOM builder), written out: the same
// document and the same errors at the same places (json_test.cpp compares them), built straight
// into the tree, without the SAX calls and the parser's vector<bool> of open containers, which were
// 2.5 KB (gzip) of the wasm module. The root object's members named in `skip` are read (their
// syntax is checked) but not built.
class Parser {
 public:
  Parser(std::string_view text, std::initializer_list<std::string_view> skip)
      : lexer_(text), skip_(skip) {}

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

  Token next() { return last_ = lexer_.scan(); }
  std::string& text() { return lexer_.get_string(); }

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
      // Room for a few elements at once: most arrays hold one to four (a bundle's 643 hold 1,529).
      if (top.value->empty()) top.value->get_ref<json::array_t&>().reserve(4);
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
      // A bundle's members come in name order (json::dump writes them so): hinted at the end, each
      // is placed after one comparison. A repeated name finds its member, whose value is replaced.
      json::object_t& members = top.value->get_ref<json::object_t&>();
      member_ = &members.emplace_hint(members.end(), std::move(text()), nullptr)->second;
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
            const double v = lexer_.get_number_float();
            if (!std::isfinite(v)) {
              offset = lexer_.offset();
              message = "[json.exception.out_of_range.406] number overflow parsing '" +
                        lexer_.token_text() + "'";
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
            place(json(lexer_.get_number_integer()));
            break;
          case Token::value_unsigned:
            place(json(lexer_.get_number_unsigned()));
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
    std::string m = std::string("syntax error while parsing ") + context + " - ";
    if (last_ == Token::parse_error) {
      m += lexer_.error_message() + "; last read: '" + lexer_.token_text() + "'";
    } else {
      m += std::string("unexpected ") + token_name(last_);
    }
    if (expected != Token::uninitialized) m += std::string("; expected ") + token_name(expected);
    const std::size_t plain = m.find("syntax error while parsing value - ");
    message = plain == std::string::npos ? m : m.substr(plain + 35);
    offset = lexer_.offset();
    return false;
  }

  Lexer lexer_;
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
  Parser parser(text, skip);
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

// One plain loop over each part: written as a lambda called for each byte, the call stayed in the
// wasm's loop and was 4 % of a load.
std::string fingerprint(std::string_view before, std::string_view text) {
  constexpr std::uint64_t kPrime = 1099511628211ull;
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : before) h = (h ^ static_cast<unsigned char>(c)) * kPrime;
  for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * kPrime;
  std::string out(16, '0');
  for (std::size_t i = out.size(); i-- > 0; h >>= 4) out[i] = "0123456789abcdef"[h & 15];
  return out;
}

}  // namespace hipcheck
