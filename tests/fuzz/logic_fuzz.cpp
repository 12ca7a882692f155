// libFuzzer target: the JsonLogic evaluator on any rule and any data.
// Input: a rule as JSON text, a newline, then the data as JSON text (data that does not parse is
// null). Whatever the input: no crash, no sanitizer report, no abort, and
//   - an evaluation ends within its budget (a rule that would run long is logic.budget), and gives
//     the same outcome twice;
//   - a value comes back finite, no deeper than kMaxDepth and printable;
//   - an error has a logic.* id and a path that points into the rule;
//   - the same evaluation with exactly the work it reported as used succeeds the same way.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "hipcheck/json.hpp"
#include "hipcheck/logic.hpp"

namespace {

using hipcheck::json;
namespace logic = hipcheck::logic;

[[noreturn]] void broken(const char* what, const std::string& detail) {
  std::fprintf(stderr, "invariant broken: %s: %s\n", what, detail.c_str());
  std::abort();
}

// Whether a JSON pointer names a place in the rule.
bool points_into(const json& rule, const std::string& path) {
  const json* node = &rule;
  std::size_t from = 0;
  while (from < path.size()) {
    if (path[from] != '/') return false;
    const std::size_t end = path.find('/', from + 1);
    std::string token =
        path.substr(from + 1, end == std::string::npos ? std::string::npos : end - from - 1);
    std::string unescaped;
    for (std::size_t i = 0; i < token.size(); ++i) {
      if (token[i] == '~' && i + 1 < token.size()) {
        unescaped += token[i + 1] == '1' ? '/' : '~';
        ++i;
      } else {
        unescaped += token[i];
      }
    }
    if (node->is_object()) {
      const auto it = node->find(unescaped);
      if (it == node->end()) return false;
      node = &*it;
    } else if (node->is_array()) {
      if (unescaped.empty() || unescaped.size() > 9) return false;
      std::size_t index = 0;
      for (const char ch : unescaped) {
        if (ch < '0' || ch > '9') return false;
        index = index * 10 + static_cast<std::size_t>(ch - '0');
      }
      if (index >= node->size()) return false;
      node = &(*node)[index];
    } else {
      return false;
    }
    if (end == std::string::npos) break;
    from = end;
  }
  return true;
}

bool finite(const json& value) {
  if (value.is_number_float()) return value.get<double>() - value.get<double>() == 0;
  if (value.is_structured()) {
    for (const json& item : value) {
      if (!finite(item)) return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(bytes), size);
  const std::size_t newline = input.find('\n');
  const hipcheck::ParseResult rule = hipcheck::parse_json(input.substr(0, newline));
  if (!rule.ok) return -1;  // not a rule: not worth keeping in the corpus
  json data;
  if (newline != std::string_view::npos) {
    hipcheck::ParseResult parsed = hipcheck::parse_json(input.substr(newline + 1));
    if (parsed.ok) data = std::move(parsed.value);
  }

  const logic::Outcome outcome = logic::apply(rule.value, data);
  if (outcome.work > logic::kMaxWork) broken("work over budget", std::to_string(outcome.work));
  if (outcome.ok) {
    if (!finite(outcome.value)) broken("non-finite value", outcome.value.dump());
    if (hipcheck::json_depth(outcome.value) > hipcheck::kMaxDepth) broken("value too deep", "");
    (void)hipcheck::to_text(outcome.value);
  } else {
    const hipcheck::Error& e = outcome.error;
    if (e.id.rfind("logic.", 0) != 0) broken("error id", e.id);
    if (!outcome.value.is_null()) broken("value with an error", e.id);
    if (!points_into(rule.value, e.path))
      broken("error path outside the rule", e.id + " at " + e.path);
    if (e.message.empty()) broken("error without a message", e.id);
  }

  const logic::Outcome again = logic::apply(rule.value, data);
  if (again.ok != outcome.ok || again.work != outcome.work || again.value != outcome.value ||
      again.error.id != outcome.error.id || again.error.path != outcome.error.path) {
    broken("not deterministic", outcome.error.id + " / " + again.error.id);
  }
  if (outcome.ok) {
    logic::Budget exact{outcome.work};
    const logic::Outcome within = logic::apply(rule.value, data, exact);
    if (!within.ok || within.value != outcome.value || exact.work != 0) {
      broken("the work reported is not the work needed", within.error.id);
    }
  }

  // Compiled, with its common shapes evaluated directly (over the data indexed), the rule gives
  // what evaluating it step by step gives, with all the work it needs and with less.
  if (hipcheck::json_depth(data) <= hipcheck::kMaxDepth) {
    const logic::Rule compiled(rule.value);
    logic::Index index;
    index.build(data);
    for (const std::size_t work : {logic::kMaxWork, outcome.work, outcome.work / 2}) {
      logic::Budget a{work}, b{work};
      const logic::Outcome expected = logic::apply(rule.value, data, a);
      const logic::Outcome got = compiled.apply(data, b, &index);
      if (got.ok != expected.ok || got.work != expected.work || a.work != b.work ||
          got.value != expected.value || got.error.id != expected.error.id ||
          got.error.path != expected.error.path || got.error.message != expected.error.message) {
        broken("compiled differs from step by step", expected.error.id + " / " + got.error.id);
      }
    }
  }

  // The static checks never fail on a parsed rule either.
  (void)logic::check(rule.value);
  (void)logic::variables(rule.value);
  return 0;
}
