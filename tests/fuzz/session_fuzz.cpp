// libFuzzer target: sequences of moves through the real content (content/en). Input: one move a
// line —
//   a {"item": value, …}   answer the page shown with these answers (as the page sends them)
//   A0193…                 answer the page shown with one value per shown item, from the digits
//   b                      back
//   g id                   goTo a page or an item
//   p continue | p finish  proceed on a notice
//   c {settings}           configure
//   s {settings}           start again
//   r {state}              restore a state (as a link or another tab gives it)
// Whatever the moves: no crash, no sanitizer report, no abort; a move that fails (an error)
// changes nothing; and at the end restore(state()) is the identity (the same state and page) and
// the result is the same as answering the final answers in order. (The property test in
// tests/engine/session_property_test.cpp checks the round trip after every move.)
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "session_common.hpp"

namespace {

using fuzz::json;

// A value for a shown item from a digit: usually valid (an option, a number on the grid), never
// guaranteed to be.
json value_from(const json& item, int d) {
  const std::string type = item.value("type", "");
  if (type == "yesno") return d % 2 == 1;
  if (type == "single" || type == "multiple") {
    const json& o = item["options"];
    const json v = o[static_cast<std::size_t>(d) % o.size()]["value"];
    return type == "single" ? v : json::array({v});
  }
  if (type == "number" || type == "scale") {
    if (type == "number" && d == 9 && item.value("notSure", false)) return "not-sure";
    const double lo = item.value("min", 0.0), hi = item.value("max", 10.0);
    const double step = item.value("step", 1.0);
    return lo + std::floor((hi - lo) * d / 8.0 / step) * step;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(bytes), size);
  fuzz::Session s(fuzz::real_content());
  std::size_t from = 0;
  int moves = 0;
  while (from < input.size() && moves < 64) {
    std::size_t end = input.find('\n', from);
    if (end == std::string_view::npos) end = input.size();
    const std::string_view line = input.substr(from, end - from);
    from = end + 1;
    if (line.empty()) continue;
    ++moves;
    const std::string arg(line.size() > 2 ? line.substr(2) : std::string_view());
    const json before = s.state();
    const json page = s.current();
    bool failed = false;
    switch (line[0]) {
      case 'a':
      case 'A': {
        const std::string page_id =
            page["status"] == "question" ? page["page"]["id"].get<std::string>() : arg;
        json answers = json::object();
        if (line[0] == 'a') {
          const auto parsed = hipcheck::parse_json(arg);
          if (!parsed.ok) continue;
          answers = parsed.value;
        } else if (page["status"] == "question" && page["page"]["lesson"] != true) {
          std::size_t i = 1;
          for (const auto& item : page["page"]["items"]) {
            const int d = i < line.size() ? (static_cast<unsigned char>(line[i++]) % 10) : 0;
            answers[item["id"].get<std::string>()] = value_from(item, d);
          }
        }
        const auto errors = s.answer(page_id, answers);
        failed = !errors.empty();
        for (const auto& e : errors) {
          if (e.id.rfind("answer.", 0) != 0) fuzz::broken("answer error id", e.id);
        }
        break;
      }
      case 'b':
        failed = s.back().has_value();
        break;
      case 'g':
        failed = s.go_to(arg).has_value();
        break;
      case 'p':
        failed = s.proceed(arg).has_value();
        break;
      case 'c':
      case 's':
      case 'r': {
        const auto parsed = hipcheck::parse_json(arg);
        if (!parsed.ok) continue;
        const auto e = line[0] == 'c'   ? s.configure(parsed.value)
                       : line[0] == 's' ? s.start(parsed.value)
                                        : s.restore(parsed.value);
        failed = e.has_value();
        break;
      }
      default:
        continue;
    }
    if (failed && s.state() != before) fuzz::broken("a failed move changed the session", before.dump());
  }
  fuzz::check_round_trip(s);
  fuzz::check_replay(s);
  return 0;
}
