// libFuzzer target: loading a content bundle (as `hipcheck validate` and Engine.load read one).
// Input: the bundle as JSON text. Whatever the input: no crash, no sanitizer report, no abort, no
// evaluation over its budget, and
//   - a refused bundle has problems, each with a content.*, logic.budget or json id and a message;
//   - an accepted bundle loads again to the same version, and a session on it starts, shows a page,
//     walks its first pages with the first valid answers, and gives a result and a state that
//     restores to the same session;
//   - the browser's reader of stamped bundles (load_stamped_content, which takes the model's parts
//     out of the bundle) refuses only with content.structure or content.too-deep, accepts what the
//     validator accepts, and its session walks the same pages to the same answers and result.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "hipcheck/assess.hpp"
#include "hipcheck/content.hpp"
#include "hipcheck/json.hpp"
#include "hipcheck/session.hpp"

namespace {

using hipcheck::json;

[[noreturn]] void broken(const char* what, const std::string& detail) {
  std::fprintf(stderr, "invariant broken: %s: %s\n", what, detail.substr(0, 2000).c_str());
  std::abort();
}

json first_value(const json& item) {
  const std::string type = item.value("type", "");
  if (type == "yesno") return true;
  if (type == "single" && item.contains("options")) return item["options"][0]["value"];
  if (type == "multiple" && item.contains("options"))
    return json::array({item["options"][0]["value"]});
  if (type == "number" || type == "scale") return item.value("min", 0.0);
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  const hipcheck::ParseResult parsed = hipcheck::parse_json(text);
  if (!parsed.ok) return -1;
  const hipcheck::LoadResult loaded = hipcheck::load_content(parsed.value);
  const hipcheck::LoadResult lean =
      hipcheck::load_stamped_content(json(parsed.value), "0123456789abcdef", parsed.depth);
  if (!lean.content) {
    if (lean.errors.size() != 1) broken("the browser's reader refused without one problem", "");
    const std::string& id = lean.errors[0].id;
    if (id != "content.structure" && id != "content.too-deep") broken("browser's reader id", id);
    if (lean.errors[0].message.empty()) broken("browser's reader: no message", id);
    if (loaded.content) broken("the browser's reader refuses what the validator accepts", id);
  }
  if (!loaded.content) {
    if (loaded.errors.empty()) broken("refused without a problem", "");
    for (const auto& e : loaded.errors) {
      if (e.id.rfind("content.", 0) != 0 && e.id != "logic.budget") broken("problem id", e.id);
      if (e.message.empty()) broken("problem without a message", e.id);
    }
    return 0;
  }
  if (!loaded.errors.empty()) broken("content with problems", loaded.errors[0].id);
  const hipcheck::LoadResult again = hipcheck::load_content(parsed.value);
  if (!again.content || again.content->version != loaded.content->version)
    broken("loads differently twice", "");

  hipcheck::Session s(loaded.content);
  hipcheck::Session l(lean.content);
  for (int step = 0; step < 40; ++step) {
    const json page = s.current();
    if (l.current() != page) broken("the browser's reader shows another page", page.dump());
    if (page["status"] == "notice") {
      if (s.proceed("continue")) broken("proceed refused on a notice", "");
      (void)l.proceed("continue");
      continue;
    }
    if (page["status"] != "question") break;
    json reply = json::object();
    if (page["page"]["lesson"] != true) {
      for (const auto& item : page["page"]["items"])
        reply[item["id"].get<std::string>()] = first_value(item);
    }
    const json before = s.state();
    const bool refused = !s.answer(page["page"]["id"], reply).empty();
    if (l.answer(page["page"]["id"], reply).empty() == refused)
      broken("the browser's reader answers otherwise", page.dump());
    if (refused) {
      if (s.state() != before) broken("a refused answer changed the session", "");
      break;
    }
  }
  // The same result but for the content's version: the validator hashes an unstamped bundle
  // itself, the browser's reader takes its "version" or the stamp.
  const auto unversioned = [](json result) {
    result["content"].erase("version");
    return result;
  };
  if (unversioned(hipcheck::assess(l)) != unversioned(hipcheck::assess(s)))
    broken("the browser's reader: another result", "");
  if (l.state()["answers"] != s.state()["answers"])
    broken("the browser's reader: other answers", "");
  (void)s.review();
  hipcheck::Session t(loaded.content);
  if (auto e = t.restore(s.state())) broken("restore(state()) refused", e->id + " at " + e->path);
  if (t.state() != s.state() || t.current() != s.current()) broken("restore(state()) differs", "");
  return 0;
}
