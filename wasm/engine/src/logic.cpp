// JsonLogic as json-logic-js evaluates it: JavaScript's conversions, truthiness, equality and
// ordering over nlohmann::json. Never throws: every value's type is checked before it is read.
#include "hipcheck/logic.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hipcheck::logic {
namespace {

constexpr const char* kUnknown = "logic.op.unknown";
constexpr const char* kTooDeep = "logic.too-deep";
constexpr const char* kMalformed = "logic.rule.malformed";
constexpr const char* kBudget = "logic.budget";
constexpr const char* kNoFactors = "\"*\" needs at least one operand";
constexpr const char* kNoNameList = "\"missing_some\" needs names as its second operand";

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool is_operation(const json& rule) { return rule.is_object() && rule.size() == 1; }

const std::string& str(const json& value) { return value.get_ref<const std::string&>(); }

std::string where(const std::string& path) {
  return path.empty() ? " at the top of the rule" : " at " + path;
}

Error too_deep(const std::string& what, const std::string& path) {
  return {kTooDeep, what + " is nested deeper than " + std::to_string(kMaxDepth) + " levels", path};
}

// ---- JavaScript's values and conversions. An absent operand (undefined) is a null pointer. ----

enum class Kind { kUndefined, kNull, kBoolean, kNumber, kString, kObject };

Kind kind(const json* v) {
  if (v == nullptr || v->is_discarded() || v->is_binary()) return Kind::kUndefined;
  if (v->is_null()) return Kind::kNull;
  if (v->is_boolean()) return Kind::kBoolean;
  if (v->is_number()) return Kind::kNumber;
  if (v->is_string()) return Kind::kString;
  return Kind::kObject;  // arrays too
}

// A computed number as JSON: whole numbers that fit int64 are integers, so 1 + 2 prints "3".
json number(double d) {
  constexpr double kLimit = 9223372036854775808.0;  // 2^63
  if (std::isfinite(d) && d == std::trunc(d) && d >= -kLimit && d < kLimit) {
    return static_cast<std::int64_t>(d);
  }
  return d;
}

// Number::toString: the fewest digits that read back as d, laid out as JavaScript does.
std::string number_string(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (d == 0) return "0";
  char buf[32];
  for (int precision = 0; precision < 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision, std::fabs(d));
    if (std::strtod(buf, nullptr) == std::fabs(d)) break;
  }
  const std::string text = buf;  // "d.ddde+XX"
  const std::size_t e = text.find('e');
  const std::string digits = text.substr(0, 1) + (e > 1 ? text.substr(2, e - 2) : "");
  const int k = static_cast<int>(digits.size());
  const int n = std::atoi(text.c_str() + e + 1) + 1;  // |d| = 0.digits × 10^n
  const std::string sign = d < 0 ? "-" : "";
  if (k <= n && n <= 21) return sign + digits + std::string(n - k, '0');
  if (0 < n && n <= 21) return sign + digits.substr(0, n) + "." + digits.substr(n);
  if (-6 < n && n <= 0) return sign + "0." + std::string(-n, '0') + digits;
  const std::string mantissa = digits.substr(0, 1) + (k > 1 ? "." + digits.substr(1) : "");
  return sign + mantissa + "e" + (n > 0 ? "+" : "-") + std::to_string(std::abs(n - 1));
}

bool is_space(char ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); }
bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

// Length of the longest prefix of s that is a decimal literal ("-1.5e3", ".5", "Infinity"), or 0.
std::size_t decimal_prefix(std::string_view s) {
  std::size_t i = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
  if (s.substr(i, 8) == "Infinity") return i + 8;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    return i - from;
  };
  std::size_t mantissa = digits();
  if (i < s.size() && s[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return 0;
  if (i + 1 < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    const std::size_t mark = i;
    i += s[i + 1] == '+' || s[i + 1] == '-' ? 2 : 1;
    if (digits() == 0) i = mark;
  }
  return i;
}

double read_decimal(std::string_view s, std::size_t length) {
  return std::strtod(std::string(s.substr(0, length)).c_str(), nullptr);
}

int radix(char prefix) {
  switch (prefix | 0x20) {
    case 'x':
      return 16;
    case 'o':
      return 8;
    case 'b':
      return 2;
    default:
      return 10;
  }
}

// StringToNumber: trimmed, "" is 0, decimal or 0x/0o/0b literals, anything else NaN.
double string_number(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  if (s.empty()) return 0;
  const int base = s.size() > 2 && s[0] == '0' ? radix(s[1]) : 10;
  if (base == 10) {
    const std::size_t length = decimal_prefix(s);
    return length == s.size() ? read_decimal(s, length) : kNaN;
  }
  double value = 0;
  for (const char ch : s.substr(2)) {
    const int lower = ch | 0x20;
    const int digit = is_digit(ch)                   ? ch - '0'
                      : lower >= 'a' && lower <= 'f' ? lower - 'a' + 10
                                                     : 16;
    if (digit >= base) return kNaN;
    value = value * base + digit;
  }
  return value;
}

std::string js_string(const json* v);

// Array.prototype.join: null and undefined elements are empty.
template <typename List>
std::string join(const List& items, const char* separator) {
  std::string out;
  bool first = true;
  for (const json& item : items) {
    if (!first) out += separator;
    first = false;
    if (!item.is_null()) out += js_string(&item);
  }
  return out;
}

// ToString (arrays join with ",", objects are "[object Object]").
std::string js_string(const json* v) {
  switch (kind(v)) {
    case Kind::kUndefined:
      return "undefined";
    case Kind::kNull:
      return "null";
    case Kind::kBoolean:
      return v->get<bool>() ? "true" : "false";
    case Kind::kNumber:
      return number_string(v->get<double>());
    case Kind::kString:
      return str(*v);
    case Kind::kObject:
      return v->is_array() ? join(*v, ",") : "[object Object]";
  }
  return {};
}

// ToNumber (arrays and objects through their string).
double js_number(const json* v) {
  switch (kind(v)) {
    case Kind::kNull:
      return 0;
    case Kind::kBoolean:
      return v->get<bool>() ? 1 : 0;
    case Kind::kNumber:
      return v->get<double>();
    case Kind::kString:
      return string_number(str(*v));
    case Kind::kObject:
      return string_number(js_string(v));
    case Kind::kUndefined:
      break;
  }
  return kNaN;
}

// parseFloat(String(v)): the longest decimal prefix after leading whitespace ("12px" is 12).
double parse_float(const json* v) {
  // A number reads back as itself (String(n) is the shortest text that does): no text round trip.
  if (kind(v) == Kind::kNumber) return v->get<double>();
  const std::string text = js_string(v);
  std::string_view s = text;
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  const std::size_t length = decimal_prefix(s);
  return length == 0 ? kNaN : read_decimal(s, length);
}

// ToIntegerOrInfinity.
double integer(double d) { return std::isnan(d) ? 0 : std::trunc(d); }

// ===: same type and value. Two arrays or objects are never the same JavaScript object.
bool strict_equal(const json* a, const json* b) {
  const Kind k = kind(a);
  if (k != kind(b)) return false;
  if (k == Kind::kNumber) return a->get<double>() == b->get<double>();
  if (k == Kind::kBoolean || k == Kind::kString) return *a == *b;
  return k != Kind::kObject;
}

// ==: null and undefined only equal each other; arrays and objects become strings; then numbers.
bool loose_equal(const json* a, const json* b) {
  const Kind ka = kind(a);
  const Kind kb = kind(b);
  if (ka == kb) return strict_equal(a, b);
  const auto nullish = [](Kind k) { return k == Kind::kUndefined || k == Kind::kNull; };
  if (nullish(ka) || nullish(kb)) return nullish(ka) && nullish(kb);
  if (ka == Kind::kObject) {
    const json primitive = js_string(a);
    return loose_equal(&primitive, b);
  }
  if (kb == Kind::kObject) {
    const json primitive = js_string(b);
    return loose_equal(a, &primitive);
  }
  return js_number(a) == js_number(b);
}

// a < b (a <= b when or_equal): two strings (arrays and objects become strings) compare by
// character, anything else as numbers, where NaN is unordered.
bool less(const json* a, const json* b, bool or_equal) {
  const auto textual = [](const json* v) {
    return kind(v) == Kind::kString || kind(v) == Kind::kObject;
  };
  if (textual(a) && textual(b)) {
    const std::string x = js_string(a);
    const std::string y = js_string(b);
    return or_equal ? x <= y : x < y;
  }
  const double x = js_number(a);
  const double y = js_number(b);
  return or_equal ? x <= y : x < y;
}

// ---- Evaluation ----

// Where an operation is in the rule: a chain of tokens on the stack, spelled out as a JSON pointer
// only for an error (building every operand's path as text would cost more than evaluating it).
struct Path {
  const Path* parent = nullptr;      // nullptr for the rule itself
  const std::string* key = nullptr;  // an operator's name, or nullptr for an index
  std::size_t index = 0;
};

std::string text(const Path& path) {
  std::vector<const Path*> chain;
  for (const Path* at = &path; at->parent != nullptr; at = at->parent) chain.push_back(at);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    out = (*it)->key != nullptr ? pointer(out, *(*it)->key) : pointer(out, (*it)->index);
  }
  return out;
}

// How big a value is: its nesting depth (a scalar is 0) and its cells, one per JSON value and one
// per character of its strings and object keys.
struct Size {
  std::size_t depth = 0;
  std::size_t cells = 1;
};

// A value with its size, known without measuring it again.
struct Val {
  json value;
  Size size;
};

// Measures a value without recursion, giving up as soon as it has more cells than limit (the
// cells returned are then more than limit, and the depth is what was seen so far).
Size measure(const json& value, std::size_t limit) {
  Size out{0, 1};
  std::vector<std::pair<const json*, std::size_t>> todo;  // arrays and objects, with their level
  const auto visit = [&](const json& v, std::size_t depth) {
    if (v.is_string()) out.cells += str(v).size();
    if (v.is_structured() && !v.empty()) todo.emplace_back(&v, depth);
    if (v.is_structured()) out.depth = std::max(out.depth, depth + 1);
  };
  visit(value, 0);
  while (!todo.empty() && out.cells <= limit) {
    const auto [node, depth] = todo.back();
    todo.pop_back();
    for (auto it = node->begin(); it != node->end() && out.cells <= limit; ++it) {
      out.cells += 1 + (node->is_object() ? it.key().size() : 0);
      visit(it.value(), depth + 1);
    }
  }
  return out;
}

using Args = std::vector<json>;

// Stops at the first error; evaluation after that returns null at once.
struct Run {
  std::size_t left;  // work left in the budget
  std::size_t used = 0;
  bool failed = false;
  Error error;

  explicit Run(std::size_t work) : left(work) {}

  Val eval(const json& rule, const json& data, const Path& at);

  json fail(Error problem) {
    if (!failed) error = std::move(problem);
    failed = true;
    return nullptr;
  }

  // Takes work from the budget; false (and failed) when there is not that much left.
  bool spend(std::size_t work, const Path& at) {
    if (failed) return false;
    if (work > left) {
      used += left;
      left = 0;
      fail({kBudget,
            "evaluating the rule needs more work than its budget allows (" +
                std::to_string(kMaxWork) + " units for one rule)" + where(text(at)),
            text(at)});
      return false;
    }
    left -= work;
    used += work;
    return true;
  }

  // Whether a value of this size may exist: no deeper than kMaxDepth, no larger than
  // kMaxValueSize; false (and failed) otherwise.
  bool admit(const Size& size, const Path& at) {
    if (failed) return false;
    if (size.depth > kMaxDepth) {
      fail(too_deep("a value built by the rule", text(at)));
      return false;
    }
    if (size.cells > kMaxValueSize) {
      fail({kBudget,
            "a value built by the rule is larger than the limit of " +
                std::to_string(kMaxValueSize) + " values and characters" + where(text(at)),
            text(at)});
      return false;
    }
    return true;
  }

  // Adds an item of this size to an array of size into, paying one unit for it.
  bool grow(Size& into, const Size& item, const Path& at) {
    into.depth = std::max(into.depth, item.depth + 1);
    into.cells += item.cells;
    return spend(1, at) && admit(into, at);
  }

  // A copy of a value the rule did not build (from the data or the rule), paid for by its size.
  Val copy(const json& value, const Path& at) {
    const Size size = measure(value, std::min(left, kMaxValueSize));
    if (!spend(size.cells, at) || !admit(size, at)) return {};
    return {value, size};
  }
};

// One operation being applied: its operands (still rules), the data, and where it is in the rule.
struct Call {
  Run& run;
  const json& operands;  // an array of operands, or the only one
  const json& data;
  const Path& at;           // the operation's path: its errors point there
  Path base;                // at + "/" + operator: its operands' paths start there
  Args args;                // the operands' values, for eager operations
  std::vector<Size> sizes;  // and their sizes
  bool sized = false;       // the operation has set size (else its result is measured)
  Size size;

  std::size_t count() const { return operands.is_array() ? operands.size() : 1; }
  const json* arg(std::size_t i) const { return i < args.size() ? &args[i] : nullptr; }
  Val eval(std::size_t i) { return eval(i, data); }
  Val eval(std::size_t i, const json& scope) {
    if (!operands.is_array()) return i == 0 ? run.eval(operands, scope, base) : Val{};
    if (i >= operands.size()) return {};
    const Path path{&base, nullptr, i};
    return run.eval(operands[i], scope, path);
  }
  // Returns a value whose size is known: an operand's, or one the operation computed.
  json pass(Val v) {
    sized = true;
    size = v.size;
    return std::move(v.value);
  }
  json pass_arg(std::size_t i) {
    if (i >= args.size()) return nullptr;
    return pass({std::move(args[i]), sizes[i]});
  }
  // A string the operation built, paid for by its length.
  json built(std::string s) {
    const Size measured{0, 1 + s.size()};
    if (!run.spend(s.size(), at) || !run.admit(measured, at)) return nullptr;
    return pass({std::move(s), measured});
  }
  json fail(const char* message) {
    const std::string path = text(at);
    return run.fail({kMalformed, message + where(path), path});
  }
};

// The member or array element named key ("0", "1", … for arrays), or nullptr.
const json* member(const json& node, const std::string& key) {
  if (node.is_object()) {
    const auto it = node.find(key);
    return it == node.end() ? nullptr : &*it;
  }
  if (!node.is_array() || key.empty() || key.size() > 10 || (key[0] == '0' && key.size() > 1)) {
    return nullptr;
  }
  std::size_t index = 0;
  for (const char ch : key) {
    if (!is_digit(ch)) return nullptr;
    index = index * 10 + static_cast<std::size_t>(ch - '0');
  }
  return index < node.size() ? &node[index] : nullptr;
}

// What a var path ("a.b.0") names in data: the data itself for no path, null or "".
const json* resolve(const json& data, const json* path) {
  if (kind(path) == Kind::kUndefined || path->is_null() ||
      (path->is_string() && str(*path).empty())) {
    return &data;
  }
  const std::string text = js_string(path);
  const json* node = &data;
  for (std::size_t from = 0; node != nullptr;) {
    const std::size_t dot = text.find('.', from);
    node = member(*node, text.substr(from, dot - from));
    if (dot == std::string::npos) break;
    from = dot + 1;
  }
  return node;
}

// The names whose value in data is absent, null or "". A name is read as {"var": name} would
// read it, so a list name is a path and a default.
json absent(const json& data, const json& names) {
  json out = json::array();
  for (const json& name : names) {
    const bool listed = name.is_array();
    const json* value = resolve(data, !listed ? &name : name.empty() ? nullptr : &name[0]);
    if (value == nullptr && listed && name.size() > 1) value = &name[1];
    if (value == nullptr || value->is_null() || (value->is_string() && str(*value).empty())) {
      out.push_back(name);
    }
  }
  return out;
}

// The absent names, or none when at least need_count (operand 0) of the names are present. As in
// json-logic-js, names that are not a list are one name, counted by its length: a string's UTF-16
// length, no length (so never enough) for anything else.
json missing_some(Call& c) {
  const json* names = c.arg(1);
  if (kind(names) == Kind::kUndefined || names->is_null()) return c.fail(kNoNameList);
  json out = absent(c.data, names->is_array() ? *names : json::array({*names}));
  double length = names->is_array() ? static_cast<double>(names->size()) : kNaN;
  if (names->is_string()) {
    length = 0;
    for (const char ch : str(*names)) {
      length += (ch & 0xC0) == 0x80 ? 0 : (ch & 0xF8) == 0xF0 ? 2 : 1;
    }
  }
  const json found = length - static_cast<double>(out.size());
  return less(c.arg(0), &found, true) ? json::array() : out;
}

// if / ?: — condition, value pairs, then an optional value for when no condition holds.
json choose(Call& c) {
  std::size_t i = 0;
  for (; i + 1 < c.count(); i += 2) {
    if (truthy(c.eval(i).value)) return c.pass(c.eval(i + 1));
    if (c.run.failed) return nullptr;
  }
  return i < c.count() ? c.pass(c.eval(i)) : json();
}

// and stops at the first falsy operand, or at the first truthy one; both return where they stop.
template <bool kStopAt>
json junction(Call& c) {
  Val last;
  for (std::size_t i = 0; i < c.count(); ++i) {
    last = c.eval(i);
    if (c.run.failed) return nullptr;
    if (truthy(last.value) == kStopAt) break;
  }
  return c.pass(std::move(last));
}

template <bool kOrEqual>
json between(Call& c) {
  const bool first = less(c.arg(0), c.arg(1), kOrEqual);
  return c.args.size() < 3 ? first : first && less(c.arg(1), c.arg(2), kOrEqual);
}

template <bool kMax>
json extreme(Call& c) {
  double best =
      kMax ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  for (const json& a : c.args) {
    const double x = js_number(&a);
    if (std::isnan(x) || (kMax ? x > best : x < best)) best = x;
  }
  return number(best);
}

// The items of operand 0 for which operand 1 is truthy. The items are moved, not copied, so the
// result is no larger than operand 0's value.
Val kept(Call& c) {
  Val items = c.eval(0);
  Val out{json::array(), {1, 1}};
  if (c.run.failed || !items.value.is_array()) return out;
  out.size = {std::max<std::size_t>(items.size.depth, 1), items.size.cells};
  for (json& item : items.value) {
    const bool keep = truthy(c.eval(1, item).value);
    if (c.run.failed) return {};
    if (keep) out.value.push_back(std::move(item));
  }
  return out;
}

json map(Call& c) {
  const Val items = c.eval(0);
  Val out{json::array(), {1, 1}};
  if (c.run.failed) return nullptr;
  if (items.value.is_array()) {
    for (const json& item : items.value) {
      Val result = c.eval(1, item);
      if (c.run.failed || !c.run.grow(out.size, result.size, c.at)) return nullptr;
      out.value.push_back(std::move(result.value));
    }
  }
  return c.pass(std::move(out));
}

// The accumulator's size comes back with each step's value: it is never measured again.
json reduce(Call& c) {
  Val items = c.eval(0);
  Val accumulator = c.eval(2);
  if (c.run.failed) return nullptr;
  if (items.value.is_array()) {
    for (json& item : items.value) {
      json scope = json::object();
      scope["current"] = std::move(item);
      scope["accumulator"] = std::move(accumulator.value);
      accumulator = c.eval(1, scope);
      if (c.run.failed) return nullptr;
    }
  }
  return c.pass(std::move(accumulator));
}

json all(Call& c) {
  const Val items = c.eval(0);
  if (c.run.failed || !items.value.is_array() || items.value.empty()) return false;
  for (const json& item : items.value) {
    const bool holds = truthy(c.eval(1, item).value);
    if (c.run.failed || !holds) return false;
  }
  return true;
}

// Whether needle occurs in haystack, in time linear in their lengths (Knuth–Morris–Pratt).
bool contains(const std::string& haystack, const std::string& needle) {
  if (needle.size() <= 16) return haystack.find(needle) != std::string::npos;
  std::vector<std::size_t> border(needle.size(), 0);
  for (std::size_t i = 1, k = 0; i < needle.size(); ++i) {
    while (k > 0 && needle[i] != needle[k]) k = border[k - 1];
    if (needle[i] == needle[k]) ++k;
    border[i] = k;
  }
  for (std::size_t i = 0, k = 0; i < haystack.size(); ++i) {
    while (k > 0 && haystack[i] != needle[k]) k = border[k - 1];
    if (haystack[i] == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

json in(Call& c) {
  const json* within = c.arg(1);
  if (kind(within) == Kind::kString) {
    return !str(*within).empty() && contains(str(*within), js_string(c.arg(0)));
  }
  if (within == nullptr || !within->is_array()) return false;
  return std::any_of(within->begin(), within->end(),
                     [&](const json& item) { return strict_equal(c.arg(0), &item); });
}

// Flattens one level: an array operand's items (moved, paid one unit each), any other operand as
// it is.
json merge(Call& c) {
  Val out{json::array(), {1, 1}};
  for (std::size_t i = 0; i < c.args.size(); ++i) {
    json& a = c.args[i];
    if (!a.is_array()) {
      if (!c.run.grow(out.size, c.sizes[i], c.at)) return nullptr;
      out.value.push_back(std::move(a));
      continue;
    }
    out.size.depth = std::max(out.size.depth, c.sizes[i].depth);
    out.size.cells += c.sizes[i].cells;
    if (!c.run.spend(a.size(), c.at) || !c.run.admit(out.size, c.at)) return nullptr;
    for (json& item : a) out.value.push_back(std::move(item));
  }
  return c.pass(std::move(out));
}

// String.prototype.substr over characters (code points); a negative length drops characters from
// the end, as json-logic-js does.
json substr(Call& c) {
  const std::string s = js_string(c.arg(0));
  std::vector<std::size_t> starts;  // the byte offset of each character, then of the end
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((s[i] & 0xC0) != 0x80) starts.push_back(i);
  }
  const double size = static_cast<double>(starts.size());
  starts.push_back(s.size());
  double from = integer(js_number(c.arg(1)));
  from = from < 0 ? std::max(size + from, 0.0) : std::min(from, size);
  const json zero = 0;
  const json* length = c.arg(2);
  double count = size - from;
  if (length != nullptr && less(length, &zero, false)) {
    count = integer(count + js_number(length));
  } else if (length != nullptr) {
    count = integer(js_number(length));
  }
  count = std::clamp(count, 0.0, size - from);
  const std::size_t first = starts[static_cast<std::size_t>(from)];
  return c.built(s.substr(first, starts[static_cast<std::size_t>(from + count)] - first));
}

// How an operation takes its operands: all evaluated first; evaluated by the operation as it goes;
// or, for map and the like, operand 1 is applied to each item of operand 0 instead of the data.
enum class Mode { kEager, kLazy, kPerItem };

// An operation returns its value; one that returns a value it did not measure as it built it
// (an operand, an array, a string) says its size with Call::pass, or it is measured and paid for.
using Fn = json (*)(Call&);
using Checker = const char* (*)(const json& operands);  // a problem visible without evaluating

struct Op {
  std::string_view name;
  Mode mode;
  Fn fn;
  Checker check = nullptr;
};

const Op kOps[] = {
    {"var", Mode::kEager,
     [](Call& c) -> json {
       const json* found = resolve(c.data, c.arg(0));
       if (found != nullptr) return c.pass(c.run.copy(*found, c.at));
       return c.pass_arg(1);
     }},
    {"missing", Mode::kEager,
     [](Call& c) {
       return absent(c.data, !c.args.empty() && c.args[0].is_array() ? c.args[0] : json(c.args));
     }},
    {"missing_some", Mode::kEager, missing_some,
     [](const json& operands) -> const char* {
       const bool named = operands.is_array() && operands.size() > 1 && !operands[1].is_null();
       return named ? nullptr : kNoNameList;
     }},
    {"if", Mode::kLazy, choose},
    {"?:", Mode::kLazy, choose},
    {"==", Mode::kEager, [](Call& c) -> json { return loose_equal(c.arg(0), c.arg(1)); }},
    {"!=", Mode::kEager, [](Call& c) -> json { return !loose_equal(c.arg(0), c.arg(1)); }},
    {"===", Mode::kEager, [](Call& c) -> json { return strict_equal(c.arg(0), c.arg(1)); }},
    {"!==", Mode::kEager, [](Call& c) -> json { return !strict_equal(c.arg(0), c.arg(1)); }},
    {"!", Mode::kEager, [](Call& c) -> json { return c.args.empty() || !truthy(c.args[0]); }},
    {"!!", Mode::kEager, [](Call& c) -> json { return !c.args.empty() && truthy(c.args[0]); }},
    {"or", Mode::kLazy, junction<true>},
    {"and", Mode::kLazy, junction<false>},
    {">", Mode::kEager, [](Call& c) -> json { return less(c.arg(1), c.arg(0), false); }},
    {">=", Mode::kEager, [](Call& c) -> json { return less(c.arg(1), c.arg(0), true); }},
    {"<", Mode::kEager, between<false>},
    {"<=", Mode::kEager, between<true>},
    {"max", Mode::kEager, extreme<true>},
    {"min", Mode::kEager, extreme<false>},
    {"+", Mode::kEager,
     [](Call& c) {
       double sum = 0;
       for (const json& a : c.args) sum += parse_float(&a);
       return number(sum);
     }},
    {"-", Mode::kEager,
     [](Call& c) {
       const double a = js_number(c.arg(0));
       return number(c.args.size() < 2 ? -a : a - js_number(c.arg(1)));
     }},
    {"*", Mode::kEager,  // as json-logic-js does, a single operand comes back as it is
     [](Call& c) {
       if (c.args.size() < 2) return c.args.empty() ? c.fail(kNoFactors) : c.pass_arg(0);
       double product = 1;
       for (const json& a : c.args) product *= parse_float(&a);
       return number(product);
     },
     [](const json& operands) -> const char* {
       return operands.is_array() && operands.empty() ? kNoFactors : nullptr;
     }},
    {"/", Mode::kEager, [](Call& c) { return number(js_number(c.arg(0)) / js_number(c.arg(1))); }},
    {"%", Mode::kEager,
     [](Call& c) { return number(std::fmod(js_number(c.arg(0)), js_number(c.arg(1)))); }},
    {"map", Mode::kPerItem, map},
    {"filter", Mode::kPerItem, [](Call& c) { return c.pass(kept(c)); }},
    {"reduce", Mode::kPerItem, reduce},
    {"all", Mode::kPerItem, all},
    {"none", Mode::kPerItem, [](Call& c) -> json { return kept(c).value.empty(); }},
    {"some", Mode::kPerItem, [](Call& c) -> json { return !kept(c).value.empty(); }},
    {"merge", Mode::kEager, merge},
    {"in", Mode::kEager, in},
    {"cat", Mode::kEager, [](Call& c) { return c.built(join(c.args, "")); }},
    {"substr", Mode::kEager, substr},
    {"log", Mode::kEager, [](Call& c) { return c.pass_arg(0); }},
};

const Op* find_op(std::string_view name) {
  for (const Op& op : kOps) {
    if (op.name == name) return &op;
  }
  return nullptr;
}

Error unknown(const std::string& name, const std::string& path) {
  return {kUnknown, "unknown operator \"" + name + "\"" + where(path), path};
}

// Every step costs one unit; every value it gives has a known size, within the limits.
Val Run::eval(const json& rule, const json& data, const Path& at) {
  if (!spend(1, at)) return {};
  if (rule.is_array()) {
    Val out{json::array(), {1, 1}};
    for (std::size_t i = 0; i < rule.size(); ++i) {
      const Path path{&at, nullptr, i};
      Val item = eval(rule[i], data, path);
      if (failed || !grow(out.size, item.size, at)) return {};
      out.value.push_back(std::move(item.value));
    }
    return out;
  }
  if (!is_operation(rule)) return copy(rule, at);
  const auto entry = rule.begin();
  const Op* op = find_op(entry.key());
  if (op == nullptr) {
    fail(unknown(entry.key(), text(at)));
    return {};
  }
  Call call{*this, entry.value(), data, at, Path{&at, &entry.key(), 0}, {}, {}, false, {}};
  if (op->mode == Mode::kEager) {
    call.args.reserve(call.count());
    call.sizes.reserve(call.count());
    for (std::size_t i = 0; i < call.count(); ++i) {
      Val v = call.eval(i);
      if (failed) return {};
      call.args.push_back(std::move(v.value));
      call.sizes.push_back(v.size);
    }
  }
  json value = op->fn(call);
  if (failed) return {};
  if (call.sized) return {std::move(value), call.size};
  if (!value.is_structured() && !value.is_string()) return {std::move(value), {}};
  const Size size = measure(value, std::min(left, kMaxValueSize));
  if (!spend(size.cells, at) || !admit(size, at)) return {};
  return {std::move(value), size};
}

// JSON has no NaN or Infinity: they become null once evaluation is over, as in JSON.stringify.
json finite(json value) {
  if (value.is_number_float() && !std::isfinite(value.get<double>())) return nullptr;
  if (value.is_structured()) {
    for (json& item : value) item = finite(std::move(item));
  }
  return value;
}

// Operands are rules like any other, so an array of operands is walked as an array rule is.
void inspect(const json& rule, const std::string& path, std::vector<Error>& problems) {
  if (rule.is_array()) {
    for (std::size_t i = 0; i < rule.size(); ++i) inspect(rule[i], pointer(path, i), problems);
    return;
  }
  if (!is_operation(rule)) return;
  const auto entry = rule.begin();
  const Op* op = find_op(entry.key());
  const char* problem = op != nullptr && op->check != nullptr ? op->check(entry.value()) : nullptr;
  if (op == nullptr) problems.push_back(unknown(entry.key(), path));
  if (problem != nullptr) problems.push_back({kMalformed, problem + where(path), path});
  inspect(entry.value(), pointer(path, entry.key()), problems);
}

void add_name(const json& path, std::vector<std::string>& names) {
  if (!path.is_string() && !path.is_number()) return;
  const std::string text = js_string(&path);
  const std::string name = text.substr(0, text.find('.'));
  if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
    names.push_back(name);
  }
}

// The inner rule of map, filter, … reads each item, not the data: its vars are not collected.
void collect(const json& rule, std::vector<std::string>& names) {
  if (rule.is_array()) {
    for (const json& item : rule) collect(item, names);
    return;
  }
  if (!is_operation(rule)) return;
  const auto entry = rule.begin();
  const std::string& name = entry.key();
  const json& operands = entry.value();
  const json* first = !operands.is_array() ? &operands : operands.empty() ? nullptr : &operands[0];
  const auto add_all = [&](const json& list) {
    if (!list.is_array()) return add_name(list, names);
    for (const json& item : list) add_name(item, names);
  };
  if (name == "var" && first != nullptr) add_name(*first, names);
  if (name == "missing") add_all(first != nullptr && first->is_array() ? *first : operands);
  if (name == "missing_some" && operands.is_array() && operands.size() > 1) add_all(operands[1]);
  const Op* op = find_op(name);
  const bool per_item = op != nullptr && op->mode == Mode::kPerItem;
  if (!operands.is_array()) return collect(operands, names);
  for (std::size_t i = 0; i < operands.size(); ++i) {
    if (!per_item || i != 1) collect(operands[i], names);
  }
}

}  // namespace

bool truthy(const json& value) {
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_number()) return value.get<double>() != 0 && !std::isnan(value.get<double>());
  if (value.is_string()) return !str(value).empty();
  if (value.is_array()) return !value.empty();
  return value.is_object();
}

Outcome apply(const json& rule, const json& data) {
  Budget budget;
  return apply(rule, data, budget);
}

Outcome apply(const json& rule, const json& data, Budget& budget) {
  Run run(budget.work);
  Val value;
  if (json_depth(rule) > kMaxDepth) {
    run.fail(too_deep("the rule", ""));
  } else if (json_depth(data) > kMaxDepth) {
    run.fail(too_deep("the data", ""));
  } else {
    value = run.eval(rule, data, Path{});
  }
  budget.work = run.left;
  if (run.failed) return Outcome{nullptr, false, run.error, run.used};
  return Outcome{finite(std::move(value.value)), true, {}, run.used};
}

Outcome apply_checked(const json& rule, const json& data, Budget& budget) {
  Run run(budget.work);
  Val value = run.eval(rule, data, Path{});
  budget.work = run.left;
  if (run.failed) return Outcome{nullptr, false, run.error, run.used};
  return Outcome{finite(std::move(value.value)), true, {}, run.used};
}

std::vector<Error> check(const json& rule) {
  std::vector<Error> problems;
  if (json_depth(rule) > kMaxDepth) {
    problems.push_back(too_deep("the rule", ""));
  } else {
    inspect(rule, "", problems);
  }
  return problems;
}

std::vector<std::string> variables(const json& rule) {
  std::vector<std::string> names;
  if (json_depth(rule) <= kMaxDepth) collect(rule, names);
  return names;
}

}  // namespace hipcheck::logic
