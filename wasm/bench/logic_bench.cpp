#include "logic_bench.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

#include "hipcheck/engine.hpp"
#include "hipcheck/json.hpp"
#include "hipcheck/logic.hpp"

namespace hipcheck::bench {

namespace {

std::string error_of(const std::string& message) {
  JsonWriter w;
  w.open_object().key("error").text(message).close_object();
  return w.out;
}

logic::Outcome apply(const logic::Rule& rule, const json& datum, const logic::Index& index) {
  logic::Budget budget;
  return rule.apply(datum, budget, &index);
}

}  // namespace

std::string logic_bench(const std::string& text) {
  json doc;
  Error error;
  if (!parse_or_error(text, doc, error)) return error_of(error.message);
  if (!doc.is_object() || !doc["rules"].is_array() || !doc["data"].is_array() ||
      !doc.value("runs", json(1)).is_number_integer() || doc.value("runs", 1) < 1) {
    return error_of("expected {\"rules\": [...], \"data\": [...], \"runs\": n}");
  }
  const json& rules = doc["rules"];
  const json& data = doc["data"];
  const int runs = doc.value("runs", 1);
  std::vector<logic::Rule> compiled;  // checked and compiled once, as the loader does
  for (const auto& rule : rules) {
    if (!logic::check(rule).empty()) return error_of("a rule is not sound");
    compiled.emplace_back(rule);
  }
  JsonWriter results;
  results.open_array();
  logic::Index index;  // each datum indexed once for all the rules, as the session does
  for (const auto& datum : data) {
    index.build(datum);
    for (const auto& rule : compiled) results.value(apply(rule, datum, index).value);
  }
  results.close_array();
  std::vector<double> times;
  for (int run = 0; run < runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    for (const auto& datum : data) {
      index.build(datum);
      for (const auto& rule : compiled) (void)apply(rule, datum, index);
    }
    const std::chrono::duration<double, std::nano> spent = std::chrono::steady_clock::now() - start;
    times.push_back(spent.count() / static_cast<double>(std::max<std::size_t>(1, rules.size() * data.size())));
  }
  std::sort(times.begin(), times.end());
  JsonWriter out;
  out.open_object().key("nsPerEvaluation").value(json(times[times.size() / 2]));
  out.key("results").raw(results.out).close_object();
  return out.out;
}

}  // namespace hipcheck::bench
