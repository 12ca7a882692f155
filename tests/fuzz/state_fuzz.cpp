// libFuzzer target: restoring a saved state (as a share link or localStorage gives it) into a
// session of the real content. Input: the state as JSON text. Whatever the input: no crash, no
// sanitizer report, no abort, and
//   - a refused state is a state.* (or json) error with a message, and changes nothing;
//   - an accepted state gives a session whose restore(state()) is the identity and whose result is
//     the same as answering its final answers in order.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "session_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  const hipcheck::ParseResult parsed = hipcheck::parse_json(text);
  if (!parsed.ok) return -1;
  fuzz::Session s(fuzz::real_content());
  const fuzz::json before = s.state();
  if (auto e = s.restore(parsed.value)) {
    if (e->id.rfind("state.", 0) != 0) fuzz::broken("restore error id", e->id);
    if (e->message.empty()) fuzz::broken("restore error without a message", e->id);
    if (s.state() != before) fuzz::broken("a refused state changed the session", e->id);
    return 0;
  }
  fuzz::check_round_trip(s);
  fuzz::check_replay(s);
  (void)s.review();
  return 0;
}
