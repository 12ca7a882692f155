// JsonLogic as json-logic-js evaluates it: JavaScript's conversions, truthiness, equality and
// ordering over nlohmann::json. Never throws: every value's type is checked before it is read.
#include "hipcheck/logic.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hipcheck/number.hpp"

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
  const Digits shortest = shortest_digits(d);
  const std::string& digits = shortest.digits;
  const int k = static_cast<int>(digits.size());
  const int n = shortest.exponent + 1;  // |d| = 0.digits × 10^n
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
  return read_double(std::string(s.substr(0, length)).c_str(), nullptr);
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

// ---- The compiled form ----

constexpr std::uint32_t kNone = 0xFFFFFFFFu;

// How big a value is: its nesting depth (a scalar is 0) and its cells, one per JSON value and one
// per character of its strings and object keys.
struct Size {
  std::size_t depth = 0;
  std::size_t cells = 1;
};

// The size of an array of items of these sizes, as it grows one item at a time.
void add_item(Size& into, const Size& item) {
  into.depth = std::max(into.depth, item.depth + 1);
  into.cells += item.cells;
}

// Measures a value without recursion, giving up as soon as it has more cells than limit (the
// cells returned are then more than limit, and the depth is what was seen so far).
Size measure(const json& value, std::size_t limit) {
  if (!value.is_structured()) return {0, 1 + (value.is_string() ? str(value).size() : 0)};
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

enum class NodeKind : std::uint8_t { kValue, kArray, kOperation, kUnknownOp };

// The shapes most rules are made of, which Run::direct evaluates without a Call or the operand
// stack: a constant (a value, a literal array); a var with a literal path and no default; and these
// operations over operands of such shapes. Anything else is kGeneral.
enum class Shape : std::uint8_t {
  kGeneral,
  kConstant,
  kVar,
  kEqual,       // == with two operands
  kNotEqual,    // !=
  kStrict,      // ===
  kNotStrict,   // !==
  kNot,         // ! with one operand
  kNotNot,      // !!
  kAnd,
  kOr,
  kIf,          // if, ?:
  kIn,          // in with two operands
  kGreater,     // > with two operands
  kAtLeast,     // >=
  kLess,        // < with two operands
  kAtMost,      // <=
};

// One node of a compiled rule. A node's children (an operation's operands, an array's items) are
// contiguous in Program::nodes; its path in the rule is spelled out from parent and index only
// when an error needs it.
struct Node {
  NodeKind kind = NodeKind::kValue;
  std::uint8_t op = 0;   // kOperation: index into kOps
  bool listed = false;   // kOperation: the operands were written as a list
  bool literal = false;  // kArray: every item is a value, so the array is one (values[value])
  Shape shape = Shape::kGeneral;
  std::uint32_t parent = kNone;
  std::uint32_t index = 0;      // position among the parent's operands or items
  std::uint32_t first = 0;      // the first child
  std::uint32_t count = 0;      // how many children
  std::uint32_t value = kNone;  // kValue, literal kArray: values[]; kUnknown: names[]
  std::uint32_t path = kNone;   // var with a literal path: paths[]
  Size size;                    // kValue, literal kArray: the value's size
  std::size_t cost = 0;         // kValue, literal kArray: the work evaluating it step by step takes
};

}  // namespace

// A var's literal path: split at its dots, with its first name and that name's hash for an Index
// (both set once the program is complete, as first points into names).
struct Path {
  std::vector<std::string> names;
  std::uint32_t hash = 0;
  std::string_view first;
};

struct Program {
  std::vector<Node> nodes;  // nodes[0] is the rule
  std::vector<json> values;
  std::vector<Path> paths;                      // var paths with a literal name
  std::vector<std::string> names;               // unknown operators
  bool too_deep = false;
  bool null = false;
  std::vector<std::string> reads;
  bool reads_everything = false;
};

namespace {

// ---- Evaluation ----

// The values evaluation gives without building them: null (as undefined is read), true and false.
const json& null_value() {
  static const json value;
  return value;
}

const json& constant(bool b) {
  static const json yes = true;
  static const json no = false;
  return b ? yes : no;
}

// A value with its size, known without measuring it again: borrowed (from the data, a scope, the
// rule's constants or the constants above, all of which outlive it), owned, or null. Only an owned
// value holds a json, so passing a borrowed one along is copying two words.
class Val {
 public:
  Size size;

  Val() {}
  Val(Val&& other) noexcept : size(other.size), ref_(other.ref_), owns_(other.owns_) {
    if (owns_) new (&own_) json(std::move(other.own_));
  }
  Val& operator=(Val&& other) noexcept {
    if (this != &other) {
      this->~Val();
      new (this) Val(std::move(other));
    }
    return *this;
  }
  ~Val() {
    if (owns_) own_.~json();
  }

  friend Val owned(json value, Size size);
  friend Val borrowed(const json& value, Size size);

  const json& get() const { return owns_ ? own_ : ref_ != nullptr ? *ref_ : null_value(); }
  json take() { return owns_ ? std::move(own_) : json(get()); }
  // The value it owns (made by owned()), to add to.
  json& own() { return own_; }

 private:
  const json* ref_ = nullptr;
  bool owns_ = false;
  union {
    json own_;
  };
};

Val owned(json value, Size size = {}) {
  Val v;
  v.size = size;
  v.owns_ = true;
  new (&v.own_) json(std::move(value));
  return v;
}

Val borrowed(const json& value, Size size) {
  Val v;
  v.size = size;
  v.ref_ = &value;
  return v;
}

std::string_view op_name(std::uint8_t op);

// Where a node is in the rule, as a JSON pointer (for errors only).
std::string text(const Program& program, std::uint32_t at) {
  std::vector<std::uint32_t> chain;
  for (std::uint32_t n = at; n != kNone && program.nodes[n].parent != kNone;
       n = program.nodes[n].parent) {
    chain.push_back(n);
  }
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Node& node = program.nodes[*it];
    const Node& parent = program.nodes[node.parent];
    if (parent.kind == NodeKind::kOperation) {
      out = pointer(out, std::string(op_name(parent.op)));
      if (parent.listed) out = pointer(out, node.index);
    } else {
      out = pointer(out, node.index);
    }
  }
  return out;
}

struct Call;
using Fn = Val (*)(Call&);

// Stops at the first error; evaluation after that returns null at once.
struct Run {
  const Program& program;
  const Index* index = nullptr;  // an index of the data the rule is applied to, or nullptr
  std::size_t left;  // work left in the budget
  std::size_t used = 0;
  bool failed = false;
  std::optional<Error> error;  // once failed
  // The operands of the eager operations being applied: one stack for every run (evaluation is
  // never re-entered), so that a run allocates nothing for it once the stack has grown.
  std::vector<Val>& stack;

  Run(const Program& p, std::size_t work) : program(p), left(work), stack(shared_stack()) {}

  static std::vector<Val>& shared_stack() {
    thread_local std::vector<Val> operands;
    return operands;
  }

  // A node's value: directly when it has a shape (and nothing could fail on the way), else step.
  Val eval(std::uint32_t at, const json& data);
  // A node evaluated step by step: an operation's operands through eval(), then the operation.
  Val step(std::uint32_t at, const json& data);
  Val eval_array(std::uint32_t at, const json& data);
  const json* read(const json& data, const Path& path) const;
  bool direct(const Node& node, const json& data, const json*& value, Size& size);

  __attribute__((always_inline)) void take(std::size_t work) {
    left -= work;
    used += work;
  }

  std::string path(std::uint32_t at) const { return text(program, at); }

  void fail(Error problem) {
    if (!failed) error.emplace(std::move(problem));
    failed = true;
  }

  // Takes work from the budget; false (and failed) when there is not that much left.
  bool spend(std::size_t work, std::uint32_t at) {
    if (failed) return false;
    if (work > left) {
      used += left;
      left = 0;
      const std::string p = path(at);
      fail({kBudget,
            "evaluating the rule needs more work than its budget allows (" +
                std::to_string(kMaxWork) + " units for one rule)" + where(p),
            p});
      return false;
    }
    left -= work;
    used += work;
    return true;
  }

  // Whether a value of this size may exist: no deeper than kMaxDepth, no larger than
  // kMaxValueSize; false (and failed) otherwise.
  bool admit(const Size& size, std::uint32_t at) {
    if (failed) return false;
    if (size.depth > kMaxDepth) {
      fail(too_deep("a value built by the rule", path(at)));
      return false;
    }
    if (size.cells > kMaxValueSize) {
      const std::string p = path(at);
      fail({kBudget,
            "a value built by the rule is larger than the limit of " +
                std::to_string(kMaxValueSize) + " values and characters" + where(p),
            p});
      return false;
    }
    return true;
  }

  // Adds an item of this size to an array of size into, paying one unit for it.
  bool grow(Size& into, const Size& item, std::uint32_t at) {
    add_item(into, item);
    return spend(1, at) && admit(into, at);
  }

  // A value the rule did not build (from the data or the rule), paid for by its size; borrowed.
  Val copy(const json& value, std::uint32_t at) {
    const Size size = measure(value, std::min(left, kMaxValueSize));
    if (!spend(size.cells, at) || !admit(size, at)) return {};
    return borrowed(value, size);
  }
};

// One operation being applied: its operands (nodes), the data, and its own node (errors point
// there). An eager operation's operand values are on the run's stack from base.
struct Call {
  Run& run;
  const Node& node;
  std::uint32_t at;
  const json& data;
  std::size_t base = 0;
  std::size_t n = 0;   // operand values on the stack (eager operations)
  bool sized = false;  // the operation has set size (else its result is measured)
  Size size;

  std::size_t count() const { return node.count; }
  const json* arg(std::size_t i) const { return i < n ? &run.stack[base + i].get() : nullptr; }
  Val& val(std::size_t i) { return run.stack[base + i]; }
  Val eval(std::size_t i) { return eval(i, data); }
  Val eval(std::size_t i, const json& scope) {
    return i < node.count ? run.eval(node.first + static_cast<std::uint32_t>(i), scope) : Val{};
  }
  // Returns a value whose size is known: an operand's, or one the operation computed.
  Val pass(Val v) {
    sized = true;
    size = v.size;
    return v;
  }
  Val pass_arg(std::size_t i) {
    if (i >= n) return {};
    return pass(std::move(val(i)));
  }
  // A string the operation built, paid for by its length.
  Val built(std::string s) {
    const Size measured{0, 1 + s.size()};
    if (!run.spend(s.size(), at) || !run.admit(measured, at)) return {};
    return pass(owned(std::move(s), measured));
  }
  Val fail(const char* message) {
    const std::string p = run.path(at);
    run.fail({kMalformed, message + where(p), p});
    return {};
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

// A var path ("a.b.0") split at its dots; empty for the data itself (no path, null or "").
std::vector<std::string> split_path(const json* path) {
  std::vector<std::string> out;
  if (kind(path) == Kind::kUndefined || path->is_null() ||
      (path->is_string() && str(*path).empty())) {
    return out;
  }
  const std::string text = js_string(path);
  for (std::size_t from = 0;;) {
    const std::size_t dot = text.find('.', from);
    out.push_back(text.substr(from, dot - from));
    if (dot == std::string::npos) break;
    from = dot + 1;
  }
  return out;
}

const json* resolve(const json& data, const std::vector<std::string>& segments) {
  const json* node = &data;
  for (const std::string& segment : segments) {
    node = member(*node, segment);
    if (node == nullptr) break;
  }
  return node;
}

// What a var path names in data: the data itself for no path, null or "".
const json* resolve(const json& data, const json* path) { return resolve(data, split_path(path)); }

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
Val missing_some(Call& c) {
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
  return owned(less(c.arg(0), &found, true) ? json::array() : std::move(out));
}

// What a literal var path names in data: its first name through the index when there is one.
const json* Run::read(const json& data, const Path& path) const {
  if (index == nullptr || !index->covers(data) || path.names.empty()) {
    return resolve(data, path.names);
  }
  const json* node = index->find(path.first, path.hash);
  for (std::size_t i = 1; i < path.names.size() && node != nullptr; ++i) {
    node = member(*node, path.names[i]);
  }
  return node;
}

Val var(Call& c) {
  const std::uint32_t path = c.node.path;
  const json* found =
      path != kNone ? c.run.read(c.data, c.run.program.paths[path]) : resolve(c.data, c.arg(0));
  if (found != nullptr) return c.pass(c.run.copy(*found, c.at));
  return c.pass_arg(1);
}

Val missing(Call& c) {
  if (c.n > 0 && c.arg(0)->is_array()) return owned(absent(c.data, *c.arg(0)));
  json names = json::array();
  for (std::size_t i = 0; i < c.n; ++i) names.push_back(*c.arg(i));
  return owned(absent(c.data, names));
}

// if / ?: — condition, value pairs, then an optional value for when no condition holds.
Val choose(Call& c) {
  std::size_t i = 0;
  for (; i + 1 < c.count(); i += 2) {
    if (truthy(c.eval(i).get())) return c.pass(c.eval(i + 1));
    if (c.run.failed) return {};
  }
  return i < c.count() ? c.pass(c.eval(i)) : Val{};
}

// and stops at the first falsy operand, or at the first truthy one; both return where they stop.
template <bool kStopAt>
Val junction(Call& c) {
  Val last;
  for (std::size_t i = 0; i < c.count(); ++i) {
    last = c.eval(i);
    if (c.run.failed) return {};
    if (truthy(last.get()) == kStopAt) break;
  }
  return c.pass(std::move(last));
}

Val boolean(bool b) { return borrowed(constant(b), {}); }

template <bool kOrEqual>
Val between(Call& c) {
  const bool first = less(c.arg(0), c.arg(1), kOrEqual);
  return boolean(c.n < 3 ? first : first && less(c.arg(1), c.arg(2), kOrEqual));
}

template <bool kMax>
Val extreme(Call& c) {
  double best =
      kMax ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < c.n; ++i) {
    const double x = js_number(c.arg(i));
    if (std::isnan(x) || (kMax ? x > best : x < best)) best = x;
  }
  return owned(number(best));
}

// The items of operand 0 for which operand 1 is truthy. The items are moved, not copied, so the
// result is no larger than operand 0's value.
Val kept(Call& c) {
  Val items = c.eval(0);
  Val out = owned(json::array(), {1, 1});
  if (c.run.failed || !items.get().is_array()) return out;
  out.size = {std::max<std::size_t>(items.size.depth, 1), items.size.cells};
  json list = items.take();
  for (json& item : list) {
    const bool keep = truthy(c.eval(1, item).get());
    if (c.run.failed) return {};
    if (keep) out.own().push_back(std::move(item));
  }
  return out;
}

Val map(Call& c) {
  const Val items = c.eval(0);
  Val out = owned(json::array(), {1, 1});
  if (c.run.failed) return {};
  if (items.get().is_array()) {
    for (const json& item : items.get()) {
      Val result = c.eval(1, item);
      if (c.run.failed || !c.run.grow(out.size, result.size, c.at)) return {};
      out.own().push_back(result.take());
    }
  }
  return c.pass(std::move(out));
}

// The accumulator's size comes back with each step's value: it is never measured again.
Val reduce(Call& c) {
  Val items = c.eval(0);
  Val accumulator = c.eval(2);
  if (c.run.failed) return {};
  if (items.get().is_array()) {
    json list = items.take();
    for (json& item : list) {
      json scope = json::object();
      scope["current"] = std::move(item);
      scope["accumulator"] = accumulator.take();
      Val next = c.eval(1, scope);
      if (c.run.failed) return {};
      accumulator = owned(next.take(), next.size);  // the scope ends with this step
    }
  }
  return c.pass(std::move(accumulator));
}

Val all(Call& c) {
  const Val items = c.eval(0);
  if (c.run.failed || !items.get().is_array() || items.get().empty()) return boolean(false);
  for (const json& item : items.get()) {
    const bool holds = truthy(c.eval(1, item).get());
    if (c.run.failed || !holds) return boolean(false);
  }
  return boolean(true);
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

bool is_in(const json* item, const json* within) {
  if (kind(within) == Kind::kString) {
    return !str(*within).empty() && contains(str(*within), js_string(item));
  }
  if (within == nullptr || !within->is_array()) return false;
  return std::any_of(within->begin(), within->end(),
                     [&](const json& each) { return strict_equal(item, &each); });
}

// The predicate of a shape over a and b: ==, !=, ===, !==, >, >=, < and <= of two, in; and ! and
// !! of a.
bool holds(Shape shape, const json* a, const json* b) {
  switch (shape) {
    case Shape::kEqual:
      return loose_equal(a, b);
    case Shape::kNotEqual:
      return !loose_equal(a, b);
    case Shape::kStrict:
      return strict_equal(a, b);
    case Shape::kNotStrict:
      return !strict_equal(a, b);
    case Shape::kNot:
      return !truthy(*a);
    case Shape::kNotNot:
      return truthy(*a);
    case Shape::kIn:
      return is_in(a, b);
    case Shape::kGreater:
      return less(b, a, false);
    case Shape::kAtLeast:
      return less(b, a, true);
    case Shape::kLess:
      return less(a, b, false);
    case Shape::kAtMost:
      return less(a, b, true);
    default:
      return false;
  }
}

// Flattens one level: an array operand's items (moved, paid one unit each), any other operand as
// it is.
Val merge(Call& c) {
  Val out = owned(json::array(), {1, 1});
  for (std::size_t i = 0; i < c.n; ++i) {
    Val& a = c.val(i);
    if (!a.get().is_array()) {
      if (!c.run.grow(out.size, a.size, c.at)) return {};
      out.own().push_back(a.take());
      continue;
    }
    out.size.depth = std::max(out.size.depth, a.size.depth);
    out.size.cells += a.size.cells;
    if (!c.run.spend(a.get().size(), c.at) || !c.run.admit(out.size, c.at)) return {};
    json items = a.take();
    for (json& item : items) out.own().push_back(std::move(item));
  }
  return c.pass(std::move(out));
}

// String.prototype.substr over characters (code points); a negative length drops characters from
// the end, as json-logic-js does.
Val substr(Call& c) {
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

// Array.prototype.join over the operands: null and undefined elements are empty.
Val cat(Call& c) {
  std::string out;
  for (std::size_t i = 0; i < c.n; ++i) {
    if (!c.arg(i)->is_null()) out += js_string(c.arg(i));
  }
  return c.built(std::move(out));
}

Val plus(Call& c) {
  double sum = 0;
  for (std::size_t i = 0; i < c.n; ++i) sum += parse_float(c.arg(i));
  return owned(number(sum));
}

// As json-logic-js does, a single operand comes back as it is.
Val times(Call& c) {
  if (c.n < 2) return c.n == 0 ? c.fail(kNoFactors) : c.pass_arg(0);
  double product = 1;
  for (std::size_t i = 0; i < c.n; ++i) product *= parse_float(c.arg(i));
  return owned(number(product));
}

Val minus(Call& c) {
  const double a = js_number(c.arg(0));
  return owned(number(c.n < 2 ? -a : a - js_number(c.arg(1))));
}

// How an operation takes its operands: all evaluated first; evaluated by the operation as it goes;
// or, for map and the like, operand 1 is applied to each item of operand 0 instead of the data.
enum class Mode : std::uint8_t { kEager, kLazy, kPerItem };

// An operation returns its value; one that returns a value it did not measure as it built it
// (an operand, an array, a string) says its size with Call::pass, or it is measured and paid for.
using Checker = const char* (*)(const json& operands);  // a problem visible without evaluating

struct Op {
  std::string_view name;
  Mode mode;
  Fn fn;
  Shape shape = Shape::kGeneral;  // the shape it has over operands of known shapes (shape_of)
  Checker check = nullptr;
};

// ==, !=, ===, !==, >, >=, in: the predicate of their shape over operands 0 and 1.
Val predicate(Call& c);

const Op kOps[] = {
    {"var", Mode::kEager, var, Shape::kVar},
    {"missing", Mode::kEager, missing},
    {"missing_some", Mode::kEager, missing_some, Shape::kGeneral,
     [](const json& operands) -> const char* {
       const bool named = operands.is_array() && operands.size() > 1 && !operands[1].is_null();
       return named ? nullptr : kNoNameList;
     }},
    {"if", Mode::kLazy, choose, Shape::kIf},
    {"?:", Mode::kLazy, choose, Shape::kIf},
    {"==", Mode::kEager, predicate, Shape::kEqual},
    {"!=", Mode::kEager, predicate, Shape::kNotEqual},
    {"===", Mode::kEager, predicate, Shape::kStrict},
    {"!==", Mode::kEager, predicate, Shape::kNotStrict},
    {"!", Mode::kEager, [](Call& c) { return boolean(c.n == 0 || !truthy(*c.arg(0))); },
     Shape::kNot},
    {"!!", Mode::kEager, [](Call& c) { return boolean(c.n > 0 && truthy(*c.arg(0))); },
     Shape::kNotNot},
    {"or", Mode::kLazy, junction<true>, Shape::kOr},
    {"and", Mode::kLazy, junction<false>, Shape::kAnd},
    {">", Mode::kEager, predicate, Shape::kGreater},
    {">=", Mode::kEager, predicate, Shape::kAtLeast},
    {"<", Mode::kEager, between<false>, Shape::kLess},
    {"<=", Mode::kEager, between<true>, Shape::kAtMost},
    {"max", Mode::kEager, extreme<true>},
    {"min", Mode::kEager, extreme<false>},
    {"+", Mode::kEager, plus},
    {"-", Mode::kEager, minus},
    {"*", Mode::kEager, times, Shape::kGeneral,
     [](const json& operands) -> const char* {
       return operands.is_array() && operands.empty() ? kNoFactors : nullptr;
     }},
    {"/", Mode::kEager,
     [](Call& c) { return owned(number(js_number(c.arg(0)) / js_number(c.arg(1)))); }},
    {"%", Mode::kEager,
     [](Call& c) { return owned(number(std::fmod(js_number(c.arg(0)), js_number(c.arg(1))))); }},
    {"map", Mode::kPerItem, map},
    {"filter", Mode::kPerItem, [](Call& c) { return c.pass(kept(c)); }},
    {"reduce", Mode::kPerItem, reduce},
    {"all", Mode::kPerItem, all},
    {"none", Mode::kPerItem, [](Call& c) { return boolean(kept(c).get().empty()); }},
    {"some", Mode::kPerItem, [](Call& c) { return boolean(!kept(c).get().empty()); }},
    {"merge", Mode::kEager, merge},
    {"in", Mode::kEager, predicate, Shape::kIn},
    {"cat", Mode::kEager, cat},
    {"substr", Mode::kEager, substr},
    {"log", Mode::kEager, [](Call& c) { return c.pass_arg(0); }},
};

std::string_view op_name(std::uint8_t op) { return kOps[op].name; }

Val predicate(Call& c) { return boolean(holds(kOps[c.node.op].shape, c.arg(0), c.arg(1))); }

const Op* find_op(std::string_view name) {
  for (const Op& op : kOps) {
    if (op.name == name) return &op;
  }
  return nullptr;
}

Error unknown(const std::string& name, const std::string& path) {
  return {kUnknown, "unknown operator \"" + name + "\"" + where(path), path};
}

Val Run::eval(std::uint32_t at, const json& data) {
  const Node& node = program.nodes[at];
  if (node.shape != Shape::kGeneral && !failed) {
    const std::size_t had = left;
    const json* value = nullptr;
    Size size;
    if (direct(node, data, value, size)) return borrowed(*value, size);
    used -= had - left;  // given back: evaluated below, step by step
    left = had;
  }
  return step(at, data);
}

// Every step costs one unit; every value it gives has a known size, within the limits.
Val Run::step(std::uint32_t at, const json& data) {
  const Node& node = program.nodes[at];
  switch (node.kind) {
    case NodeKind::kValue:
      // The rule's own value, borrowed: its size is known, so when it is within what is left it
      // is paid at once (as one unit then its size), else step by step to fail where it would.
      if (!failed && node.size.cells <= std::min(left, kMaxValueSize) && node.cost <= left) {
        left -= node.cost;
        used += node.cost;
        return borrowed(program.values[node.value], node.size);
      }
      if (!spend(1, at)) return {};
      return copy(program.values[node.value], at);
    case NodeKind::kArray:
      if (node.literal && !failed && node.size.cells <= kMaxValueSize && node.cost <= left) {
        left -= node.cost;
        used += node.cost;
        return borrowed(program.values[node.value], node.size);
      }
      return eval_array(at, data);
    case NodeKind::kUnknownOp:
      if (!spend(1, at)) return {};
      fail(unknown(program.names[node.value], path(at)));
      return {};
    case NodeKind::kOperation:
      break;
  }
  if (!spend(1, at)) return {};
  const Op& op = kOps[node.op];
  Call call{*this, node, at, data, 0, 0, false, {}};
  if (op.mode == Mode::kEager) {
    call.base = stack.size();
    for (std::uint32_t i = 0; i < node.count; ++i) {
      Val v = eval(node.first + i, data);
      if (failed) {
        stack.resize(call.base);
        return {};
      }
      stack.push_back(std::move(v));
    }
    call.n = node.count;
  }
  Val value = op.fn(call);
  if (op.mode == Mode::kEager) stack.resize(call.base);
  if (failed) return {};
  if (call.sized) {
    value.size = call.size;
    return value;
  }
  const json& v = value.get();
  if (!v.is_structured() && !v.is_string()) {
    value.size = {};
    return value;
  }
  const Size size = measure(v, std::min(left, kMaxValueSize));
  if (!spend(size.cells, at) || !admit(size, at)) return {};
  value.size = size;
  return value;
}

// Evaluates a node of a known shape as eval() would, to the same value, size and work, with a
// borrowed result (from the data, the rule or the boolean constants). Returns false, having taken
// some work that the caller gives back, where eval() could fail: the budget or a limit too short
// for a step. The node is then evaluated step by step, and fails where and how it should.
bool Run::direct(const Node& node, const json& data, const json*& value, Size& size) {
  if (node.shape == Shape::kConstant) {
    if (node.size.cells > kMaxValueSize || node.cost > left) return false;
    take(node.cost);
    value = &program.values[node.value];
    size = node.size;
    return true;
  }
  if (left == 0) return false;
  take(1);  // the operation
  const json* a = nullptr;
  const json* b = nullptr;
  Size ignored;
  const auto operand = [&](std::uint32_t i, const json*& v, Size& s) {
    return direct(program.nodes[node.first + i], data, v, s);
  };
  const auto result = [&](bool holds) {
    value = &constant(holds);
    size = {};
    return true;
  };
  switch (node.shape) {
    case Shape::kVar: {
      if (!operand(0, a, ignored)) return false;
      const json* found = read(data, program.paths[node.path]);
      if (found == nullptr) {
        value = &null_value();  // as eval() gives undefined
        size = {};
        return true;
      }
      const Size measured = measure(*found, left < kMaxValueSize ? left : kMaxValueSize);
      if (measured.cells > left || measured.cells > kMaxValueSize || measured.depth > kMaxDepth) {
        return false;
      }
      take(measured.cells);
      value = found;
      size = measured;
      return true;
    }
    case Shape::kNot:
    case Shape::kNotNot:
      return operand(0, a, ignored) && result(holds(node.shape, a, nullptr));
    case Shape::kEqual:
    case Shape::kNotEqual:
    case Shape::kStrict:
    case Shape::kNotStrict:
    case Shape::kIn:
    case Shape::kGreater:
    case Shape::kAtLeast:
    case Shape::kLess:
    case Shape::kAtMost:
      return operand(0, a, ignored) && operand(1, b, ignored) && result(holds(node.shape, a, b));
    case Shape::kAnd:
    case Shape::kOr: {
      value = &null_value();  // no operands
      size = {};
      for (std::uint32_t i = 0; i < node.count; ++i) {
        if (!operand(i, value, size)) return false;
        if (truthy(*value) == (node.shape == Shape::kOr)) break;
      }
      return true;
    }
    case Shape::kIf: {
      std::uint32_t i = 0;
      for (; i + 1 < node.count; i += 2) {
        if (!operand(i, a, ignored)) return false;
        if (truthy(*a)) return operand(i + 1, value, size);
      }
      if (i < node.count) return operand(i, value, size);
      value = &null_value();  // no value for when no condition holds
      size = {};
      return true;
    }
    case Shape::kGeneral:
    case Shape::kConstant:
      break;
  }
  return false;
}

Val Run::eval_array(std::uint32_t at, const json& data) {
  const Node& node = program.nodes[at];
  if (!spend(1, at)) return {};
  Val out = owned(json::array(), {1, 1});
  for (std::uint32_t i = 0; i < node.count; ++i) {
    Val item = eval(node.first + i, data);
    if (failed || !grow(out.size, item.size, at)) return {};
    out.own().push_back(item.take());
  }
  return out;
}

// JSON has no NaN or Infinity: they become null once evaluation is over, as in JSON.stringify.
json finite(json value) {
  if (value.is_number_float() && !std::isfinite(value.get<double>())) return nullptr;
  if (value.is_structured()) {
    for (json& item : value) item = finite(std::move(item));
  }
  return value;
}

// ---- Compiling ----

void read_name(Program& p, const json& path) {
  if (!path.is_string() && !path.is_number()) {
    p.reads_everything = true;
    return;
  }
  const std::string text = js_string(&path);
  const std::string name = text.substr(0, text.find('.'));
  if (name.empty()) {
    p.reads_everything = true;
  } else if (std::find(p.reads.begin(), p.reads.end(), name) == p.reads.end()) {
    p.reads.push_back(name);
  }
}

// The value of a node whose value is known before evaluating (a value, a literal array).
const json* known(const Program& p, std::uint32_t n) {
  const Node& node = p.nodes[n];
  const bool fixed =
      node.kind == NodeKind::kValue || (node.kind == NodeKind::kArray && node.literal);
  return fixed ? &p.values[node.value] : nullptr;
}

// What an operation reads from the data (an operand inside map, filter, … reads its items).
void record_reads(Program& p, std::uint32_t at) {
  const Node& node = p.nodes[at];
  const std::string_view name = op_name(node.op);
  if (name == "var") {
    const json* path = node.count > 0 ? known(p, node.first) : nullptr;
    if (path == nullptr) {
      p.reads_everything = true;
    } else {
      read_name(p, *path);
    }
    return;
  }
  const bool some = name == "missing_some";
  if (name != "missing" && !some) return;
  // The names: missing's first operand when it is a list, else every operand; missing_some's
  // second, a list or one name. A name given as a list is a path and a default.
  std::vector<const json*> names;
  const auto take = [&](std::uint32_t n) {
    const json* value = known(p, n);
    if (value == nullptr) return false;
    if (!value->is_array()) {
      names.push_back(value);
      return true;
    }
    for (const json& item : *value) names.push_back(&item);
    return true;
  };
  bool fixed = true;
  if (some) {
    fixed = node.count < 2 || take(node.first + 1);
  } else if (node.count > 0 && known(p, node.first) != nullptr &&
             known(p, node.first)->is_array()) {
    fixed = take(node.first);
  } else {
    for (std::uint32_t i = 0; i < node.count && fixed; ++i) {
      const json* value = known(p, node.first + i);
      fixed = value != nullptr;
      if (fixed) names.push_back(value);
    }
  }
  if (!fixed) {
    p.reads_everything = true;
    return;
  }
  for (const json* item : names) {
    if (!item->is_array()) {
      read_name(p, *item);
    } else if (item->empty()) {
      p.reads_everything = true;
    } else {
      read_name(p, (*item)[0]);
    }
  }
}

// The shape of a compiled operation (see Shape): its operator's, when its operands have shapes
// and are as many as the shape takes.
Shape shape_of(const Program& p, const Node& node) {
  for (std::uint32_t i = 0; i < node.count; ++i) {
    if (p.nodes[node.first + i].shape == Shape::kGeneral) return Shape::kGeneral;
  }
  const Shape shape = kOps[node.op].shape;
  switch (shape) {
    case Shape::kVar:
      return node.count == 1 && node.path != kNone ? shape : Shape::kGeneral;
    case Shape::kAnd:
    case Shape::kOr:
    case Shape::kIf:
      return shape;
    case Shape::kNot:
    case Shape::kNotNot:
      return node.count == 1 ? shape : Shape::kGeneral;
    default:
      return node.count == 2 ? shape : Shape::kGeneral;
  }
}

// Whether a value at this nesting level (0: the rule itself) whose own depth is `depth` (json_depth)
// takes the rule deeper than kMaxDepth; then the program is too deep, and compiling stops.
bool too_deep_at(Program& p, std::size_t level, std::size_t depth) {
  if (level + depth > kMaxDepth) p.too_deep = true;
  return p.too_deep;
}

// Compiles rule, at this nesting level in the whole rule, into nodes[at]; scoped when it is
// evaluated over items rather than the data. The rule's depth is measured on the way, so the
// recursion never goes deeper than kMaxDepth.
void compile(Program& p, std::uint32_t at, const json& rule, bool scoped, std::size_t level) {
  const auto children = [&](std::size_t count) {
    p.nodes[at].first = static_cast<std::uint32_t>(p.nodes.size());
    p.nodes[at].count = static_cast<std::uint32_t>(count);
    p.nodes.resize(p.nodes.size() + count);
    for (std::uint32_t i = 0; i < count; ++i) {
      Node& child = p.nodes[p.nodes[at].first + i];
      child.parent = at;
      child.index = i;
    }
  };
  if (rule.is_array()) {
    if (too_deep_at(p, level, 1)) return;
    p.nodes[at].kind = NodeKind::kArray;
    children(rule.size());
    bool literal = true;
    Size size{1, 1};
    std::size_t cost = 1;
    for (std::uint32_t i = 0; i < rule.size(); ++i) {
      const std::uint32_t child = p.nodes[at].first + i;
      compile(p, child, rule[i], scoped, level + 1);
      if (p.too_deep) return;
      literal = literal && known(p, child) != nullptr;
      add_item(size, p.nodes[child].size);
      cost += p.nodes[child].cost + 1;
    }
    if (literal) {
      Node& node = p.nodes[at];
      node.literal = true;
      node.shape = Shape::kConstant;
      node.value = static_cast<std::uint32_t>(p.values.size());
      node.size = size;
      node.cost = cost;
      p.values.push_back(rule);
    }
    return;
  }
  if (!is_operation(rule)) {
    Node& node = p.nodes[at];
    node.kind = NodeKind::kValue;
    node.shape = Shape::kConstant;
    node.value = static_cast<std::uint32_t>(p.values.size());
    node.size = measure(rule, static_cast<std::size_t>(-1));
    if (too_deep_at(p, level, node.size.depth)) return;
    node.cost = 1 + node.size.cells;
    p.values.push_back(rule);
    return;
  }
  const auto entry = rule.begin();
  const Op* op = find_op(entry.key());
  const json& operands = entry.value();
  if (too_deep_at(p, level, 1 + (operands.is_array() ? 1 : 0))) return;
  if (op == nullptr) {
    if (too_deep_at(p, level, measure(rule, static_cast<std::size_t>(-1)).depth)) return;
    p.nodes[at].kind = NodeKind::kUnknownOp;
    p.nodes[at].value = static_cast<std::uint32_t>(p.names.size());
    p.names.push_back(entry.key());
    return;
  }
  p.nodes[at].kind = NodeKind::kOperation;
  p.nodes[at].op = static_cast<std::uint8_t>(op - kOps);
  p.nodes[at].listed = operands.is_array();
  children(operands.is_array() ? operands.size() : 1);
  for (std::uint32_t i = 0; i < p.nodes[at].count; ++i) {
    const bool item_scope = scoped || (op->mode == Mode::kPerItem && i == 1);
    compile(p, p.nodes[at].first + i, operands.is_array() ? operands[i] : operands, item_scope,
            level + (operands.is_array() ? 2 : 1));
    if (p.too_deep) return;
  }
  if (op->fn == var && p.nodes[at].count > 0) {
    if (const json* path = known(p, p.nodes[at].first);
        path != nullptr && (path->is_string() || path->is_number())) {
      p.nodes[at].path = static_cast<std::uint32_t>(p.paths.size());
      p.paths.emplace_back().names = split_path(path);
    }
  }
  p.nodes[at].shape = shape_of(p, p.nodes[at]);
  if (!scoped) record_reads(p, at);
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

// A Rule is compiled shaped: the shapes Run::direct knows are evaluated directly. apply() is the
// reference the tests hold Rules to: every node step by step (shaped false).
std::shared_ptr<const Program> compile(const json& rule, bool shaped) {
  auto program = std::make_shared<Program>();
  program->null = rule.is_null();
  program->nodes.resize(1);
  compile(*program, 0, rule, false, 0);
  if (program->too_deep) {  // nothing of it is kept
    auto deep = std::make_shared<Program>();
    deep->too_deep = true;
    return deep;
  }
  for (Path& path : program->paths) {
    if (path.names.empty()) continue;
    path.first = path.names[0];
    path.hash = Index::hash(path.first);
  }
  if (!shaped) {
    for (Node& node : program->nodes) node.shape = Shape::kGeneral;
  }
  return program;
}

Outcome run(const Program& program, const json& data, Budget& budget, const Index* index) {
  Run run(program, budget.work);
  run.index = index;
  if (!program.too_deep && program.nodes.front().shape != Shape::kGeneral) {
    const Node& root = program.nodes.front();
    const json* found = nullptr;
    Size size;
    if (run.direct(root, data, found, size)) {
      budget.work = run.left;
      return Outcome{finite(*found), true, {}, run.used};
    }
    run.used = 0;  // given back: evaluated below, step by step
    run.left = budget.work;
  }
  Val value;
  if (program.too_deep) {
    run.fail(too_deep("the rule", ""));
  } else {
    value = run.step(0, data);  // a shaped root was tried directly above
  }
  budget.work = run.left;
  if (run.failed) return Outcome{nullptr, false, std::move(*run.error), run.used};
  return Outcome{finite(value.take()), true, {}, run.used};
}

}  // namespace

bool truthy(const json& value) {
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_number()) return value.get<double>() != 0 && !std::isnan(value.get<double>());
  if (value.is_string()) return !str(value).empty();
  if (value.is_array()) return !value.empty();
  return value.is_object();
}

Rule::Rule() {
  static const std::shared_ptr<const Program> null = compile(json(), true);
  program_ = null;
}

Rule::Rule(const json& rule) : program_(compile(rule, true)) {}

Outcome Rule::apply(const json& data, Budget& budget, const Index* index) const {
  return run(*program_, data, budget, index);
}

std::uint32_t Index::hash(std::string_view name) {
  std::uint32_t h = 2166136261u;  // FNV-1a
  for (const char ch : name) h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
  return h;
}

void Index::build(const json& data) {
  clear();
  if (!data.is_object()) return;
  std::size_t size = 8;
  while (size < 2 * data.size()) size *= 2;
  table_.assign(size, {});
  for (const auto& [name, value] : data.get_ref<const json::object_t&>()) {
    const std::uint32_t h = hash(name);
    std::size_t at = h & (size - 1);
    while (table_[at].value != nullptr) at = (at + 1) & (size - 1);
    table_[at] = {name, h, &value};
  }
  over_ = &data;
}

void Index::clear() {
  over_ = nullptr;
  table_.clear();
}

const json* Index::find(std::string_view name, std::uint32_t h) const {
  if (table_.empty()) return nullptr;
  const std::size_t mask = table_.size() - 1;
  for (std::size_t at = h & mask;; at = (at + 1) & mask) {
    const Entry& entry = table_[at];
    if (entry.value == nullptr) return nullptr;
    if (entry.hash == h && entry.name.size() == name.size() &&
        std::memcmp(entry.name.data(), name.data(), name.size()) == 0) {
      return entry.value;
    }
  }
}

const std::vector<std::string>& Rule::reads() const { return program_->reads; }

bool Rule::is_null() const { return program_->null; }

bool Rule::reads_everything() const { return program_->reads_everything || program_->too_deep; }

Outcome apply(const json& rule, const json& data) {
  Budget budget;
  return apply(rule, data, budget);
}

Outcome apply(const json& rule, const json& data, Budget& budget) {
  if (json_depth(rule) <= kMaxDepth && json_depth(data) > kMaxDepth) {
    return Outcome{nullptr, false, too_deep("the data", ""), 0};
  }
  return run(*compile(rule, false), data, budget, nullptr);
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
