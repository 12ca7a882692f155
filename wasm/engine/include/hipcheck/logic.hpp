// JsonLogic (jsonlogic.com): every operation, with JavaScript's truthiness and loose equality.
#pragma once

#include <string>
#include <vector>

#include "hipcheck/json.hpp"

namespace hipcheck::logic {

struct Outcome {
  json value;  // the rule's result when ok
  bool ok = true;
  Error error;  // when !ok: logic.op.unknown, logic.too-deep, logic.rule.malformed, …
};

// Evaluates rule against data. Never throws or aborts; an unknown operator, a malformed rule or a
// rule nested deeper than kMaxDepth is an error whose path points into the rule.
Outcome apply(const json& rule, const json& data);

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
