// JsonLogic (jsonlogic.com): every operation, with JavaScript's truthiness and loose equality.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hipcheck/json.hpp"

namespace hipcheck::logic {

// Every evaluation has a budget of work, so that no rule runs for long or builds a huge value,
// whatever its data: each operation and each value visited costs one unit, and each value read
// from the data, copied from the rule or built costs its size (one unit per JSON value and per
// character of its strings and keys). No single value may be larger than kMaxValueSize. Running
// out is the error logic.budget, whose path points at the operation that ran out.
constexpr std::size_t kMaxWork = 200000;
constexpr std::size_t kMaxValueSize = 20000;
// The work every rule evaluated for one answer shares (calculations, what is shown, stops), each
// rule still within kMaxWork: the session's answer fails with logic.budget when it runs out.
constexpr std::size_t kMaxAnswerWork = 1000000;

// The work left to evaluations that share it: one rule, or every rule evaluated for one answer.
struct Budget {
  std::size_t work = kMaxWork;
};

struct Outcome {
  json value;  // the rule's result when ok
  bool ok = true;
  Error error;  // when !ok: logic.op.unknown, logic.too-deep, logic.rule.malformed, logic.budget
  std::size_t work = 0;  // the work the evaluation used (up to the failure, when it failed)
};

// Evaluates rule against data with a budget of its own (Budget{}). Never throws or aborts; an
// unknown operator, a malformed rule, a rule nested deeper than kMaxDepth, a value built deeper
// than kMaxDepth or an evaluation over budget is an error whose path points into the rule.
// Every operation is evaluated step by step: this is the reference a compiled Rule is held to.
Outcome apply(const json& rule, const json& data);

// The same, drawing on budget: what the evaluation used is taken from budget.work (all of it when
// it ran out), so several evaluations can share one budget.
Outcome apply(const json& rule, const json& data, Budget& budget);

struct Program;  // a rule compiled (logic.cpp)

// The members of one data object by name, in a hash table built once, for evaluating many rules
// over the same data (the session between answers, the bench): a var then finds its first name in
// one step instead of a search of the data's members. An index serves only the data it was built
// over (Rule::apply checks), and only while that data is unchanged: clear it before the data
// changes. A copy is empty, as the copy's data is another object.
class Index {
 public:
  Index() = default;
  Index(const Index&) {}
  Index& operator=(const Index&) {
    clear();
    return *this;
  }

  // Indexes data's members; an index over anything but an object serves nothing.
  void build(const json& data);
  void clear();
  // Built over data (the very object) since it was last cleared.
  bool covers(const json& data) const { return over_ == &data; }
  // The member named name, whose hash is hash(name), or nullptr.
  const json* find(std::string_view name, std::uint32_t hash) const;
  static std::uint32_t hash(std::string_view name);

 private:
  struct Entry {
    std::string_view name;
    std::uint32_t hash = 0;
    const json* value = nullptr;  // nullptr: an empty entry
  };
  const json* over_ = nullptr;
  std::vector<Entry> table_;  // open addressing, a power of two at least twice the members
};

// A rule compiled once: operators looked up, operands laid out flat, constants and var paths read
// ahead, what it reads from the data known. Evaluating it measures neither the rule's depth nor
// the data's again, and spells out a JSON path only for an error. The shapes most rules are made of
// (var with a literal name, comparisons, !, and, or, if, in over such operands) are evaluated
// directly, with no intermediate values; everything else step by step, as apply() does, and both
// give the same values, errors and work. A rule compiles whatever it is; what check() reports is
// an error when (and if) evaluation reaches it, as apply() does.
class Rule {
 public:
  Rule();  // the rule null
  explicit Rule(const json& rule);

  // Evaluates over data whose values are no deeper than kMaxDepth (the session's answers, settings
  // and calculated values), drawing on budget as apply() does, with the same values and errors;
  // through index when it covers data.
  Outcome apply(const json& data, Budget& budget, const Index* index = nullptr) const;

  // The names of the data the rule can read (first segment of a literal var path, literal names
  // of missing and missing_some), unless reads_everything(): a name computed while evaluating,
  // or the whole data ({"var": ""}), may be anything.
  const std::vector<std::string>& reads() const;
  // The rule is null: no rule was given.
  bool is_null() const;
  bool reads_everything() const;

 private:
  std::shared_ptr<const Program> program_;
};

// Checks a rule without evaluating it: every operator known, operands well formed, depth bounded.
// Returns the problems found (empty when the rule is sound). Paths are relative to the rule ("" is
// the rule itself, "/and/1" its second operand).
std::vector<Error> check(const json& rule);

// The variable names a rule reads through "var" (first path segment of literal names only, in
// order of appearance, without duplicates), and through "missing"/"missing_some" literal lists.
std::vector<std::string> variables(const json& rule);

// JsonLogic truthiness: false, null, 0, NaN, "" and [] are false; everything else is true.
bool truthy(const json& value);

}  // namespace hipcheck::logic
