// JsonLogic per evaluation, for `npm run bench`: the same measure natively (`hipcheck logic-bench`)
// and in wasm (build/wasm/hipcheck-logic-bench.cjs), against json-logic-js on the same rules and
// data (scripts/bench/peers.mjs).
#pragma once

#include <string>

namespace hipcheck::bench {

// text: {"rules": [...], "data": [...], "runs": n}. Each rule is checked and compiled once, as the
// loader does; then every rule is applied to every datum, runs times over. Returns
// {"nsPerEvaluation": the median run's time per evaluation, "results": every value, data-major},
// or {"error": message} for text that is not such a document or a rule that is not sound.
std::string logic_bench(const std::string& text);

}  // namespace hipcheck::bench
