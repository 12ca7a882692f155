// libFuzzer target: parsing JSON text as a rule is read (content, answers, saved states), then the
// static checks of a rule. Whatever the input: no crash, no sanitizer report, no abort, and
//   - text that parses prints back to text that parses to the same value;
//   - a syntax error has a position (line and column from 1);
//   - logic::check and logic::variables end, on any value, and check reports logic.* ids.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "hipcheck/json.hpp"
#include "hipcheck/logic.hpp"

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail) {
  std::fprintf(stderr, "invariant broken: %s: %s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  const hipcheck::ParseResult parsed = hipcheck::parse_json(text);
  if (!parsed.ok) {
    if (parsed.line == 0 || parsed.column == 0)
      broken("syntax error without a position", parsed.message);
    if (parsed.message.empty()) broken("syntax error without a message", "");
    return 0;
  }
  const std::string printed = hipcheck::to_text(parsed.value);
  const hipcheck::ParseResult reread = hipcheck::parse_json(printed);
  if (!reread.ok)
    broken("printed JSON does not parse", reread.message + ": " + printed.substr(0, 200));
  if (reread.value != parsed.value)
    broken("printed JSON reads back different", printed.substr(0, 200));

  for (const hipcheck::Error& e : hipcheck::logic::check(parsed.value)) {
    if (e.id.rfind("logic.", 0) != 0) broken("check error id", e.id);
  }
  (void)hipcheck::logic::variables(parsed.value);
  return 0;
}
