// hipcheck: the engine on the command line, for content authors and tests.
//
//   hipcheck validate DIR                          check a content folder
//   hipcheck bundle DIR                            print the checked bundle the web page loads
//   hipcheck assess --content DIR --answers FILE   print the result for a scenario file
//   hipcheck walk --content DIR --answers FILE     print the pages a scenario goes through
//   hipcheck logic RULE [DATA]                     evaluate a JsonLogic rule

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hipcheck/assess.hpp"
#include "hipcheck/content.hpp"
#include "hipcheck/engine.hpp"
#include "hipcheck/folder.hpp"
#include "hipcheck/logic.hpp"
#include "logic_bench.hpp"

namespace {

using hipcheck::Error;
using hipcheck::json;

constexpr const char* kUsage =
    "usage:\n"
    "  hipcheck validate DIR                              check a content folder\n"
    "  hipcheck bundle DIR                                print the checked content bundle\n"
    "  hipcheck assess --content DIR --answers FILE [--pretty]\n"
    "                                                     print the result for a scenario file\n"
    "  hipcheck walk --content DIR --answers FILE         print the pages a scenario goes through\n"
    "  hipcheck logic RULE [DATA]                         evaluate a JsonLogic rule\n";

int usage() {
  std::cerr << kUsage;
  return 2;
}

int report(const std::vector<Error>& errors) {
  for (const auto& e : errors) std::cerr << hipcheck::describe(e) << "\n";
  std::cerr << errors.size() << (errors.size() == 1 ? " problem" : " problems") << " found\n";
  return 1;
}

// Reads and checks a content folder; prints every problem and returns null content on failure.
hipcheck::LoadResult load(const std::string& folder, json& bundle) {
  auto read = hipcheck::read_content_folder(folder);
  if (!read.errors.empty()) return {nullptr, read.errors};
  bundle = read.bundle;
  return hipcheck::load_content(bundle);
}

int validate(const std::string& folder) {
  json bundle;
  const auto loaded = load(folder, bundle);
  if (!loaded.content) return report(loaded.errors);
  const auto& c = *loaded.content;
  std::size_t lessons = 0;
  for (const auto& item : c.items) lessons += item.type == hipcheck::ItemType::Lesson ? 1 : 0;
  std::size_t quiz = bundle.contains("quiz") ? bundle["quiz"]["questions"].size() : 0;
  std::cout << folder << ": ok — " << c.items.size() - lessons << " questions, " << lessons
            << " lessons, " << c.calculations.size() << " calculations, " << c.flags.size()
            << " red flags, " << c.tips.size() << " tips, " << quiz << " quiz questions, "
            << c.sources.size() << " sources (version " << c.version << ")\n";
  return 0;
}

int bundle(const std::string& folder) {
  json doc;
  const auto loaded = load(folder, doc);
  if (!loaded.content) return report(loaded.errors);
  doc["version"] = loaded.content->version;  // the rules' version: the same in every locale
  std::cout << hipcheck::stamp_bundle(doc) << "\n";  // stamped: the page trusts its checks
  return 0;
}

// A scenario file: {"settings"?, "answers", "stopChoice"?, …}, or a bare object of answers.
struct Scenario {
  json settings = json::object();
  json answers;
  std::string stop_choice = "continue";
};

bool read_scenario(const hipcheck::Content& content, const std::string& file, Scenario& out) {
  std::string text;
  if (!hipcheck::read_file(file, text)) {
    std::cerr << "error: cannot read " << file << "\n";
    return false;
  }
  json doc;
  Error error;
  if (!hipcheck::parse_or_error(text, doc, error)) {
    std::cerr << file << ": " << hipcheck::describe(error) << "\n";
    return false;
  }
  out.answers = doc;
  // A scenario file keeps its answers under "answers" beside a name and what to expect.
  if (doc.is_object() && doc.contains("answers") && doc["answers"].is_object() &&
      !content.item("answers")) {
    out.answers = doc["answers"];
    if (doc.contains("settings")) out.settings = doc["settings"];
    if (doc.contains("stopChoice")) {
      if (doc["stopChoice"] != "continue" && doc["stopChoice"] != "finish") {
        std::cerr << file << ": \"stopChoice\" is \"continue\" or \"finish\"\n";
        return false;
      }
      out.stop_choice = doc["stopChoice"].get<std::string>();
    }
  }
  if (!out.answers.is_object()) {
    std::cerr << file << ": the answers must be an object of item ids and values\n";
    return false;
  }
  return true;
}

// What a replay went through: every page shown, in order ("notice:id" for a notice).
struct Walk {
  std::vector<std::string> path;
  std::size_t answers = 0, lessons = 0;
  json last;  // current() at the end
};

// Replays a scenario page by page as the web page does (the same as `drive` in
// tests/wasm/module.mjs): lessons are read, a page takes the file's answers to its shown items,
// a notice is answered with the scenario's stopChoice, an end stop ends the replay. Stops at the
// first page whose answers the file does not hold.
bool replay(hipcheck::Session& session, const Scenario& scenario, Walk& walk,
            std::vector<Error>& problems) {
  for (const auto& [id, value] : scenario.answers.items()) {
    (void)value;
    if (!session.content().item(id))
      problems.push_back({"answer.item.unknown", "there is no question \"" + id + "\"", "/" + id});
  }
  if (!problems.empty()) return false;
  if (auto e = session.start(scenario.settings)) {
    problems.push_back(*e);
    return false;
  }
  json used = json::object();
  for (std::size_t guard = 0; guard < 4 * session.content().pages.size() + 8; ++guard) {
    json page = session.current();
    walk.last = page;
    if (page["status"] == "notice") {
      walk.path.push_back("notice:" + page["stop"]["id"].get<std::string>());
      if (auto e = session.proceed(scenario.stop_choice)) {
        problems.push_back(*e);
        return false;
      }
      continue;
    }
    if (page["status"] != "question") break;
    const std::string id = page["page"]["id"];
    json answers = json::object();
    bool lesson = page["page"]["lesson"].get<bool>(), missing = false;
    for (const auto& item : page["page"]["items"]) {
      const std::string item_id = item["id"];
      if (lesson) continue;
      if (!scenario.answers.contains(item_id)) {
        missing = true;
        break;
      }
      answers[item_id] = scenario.answers[item_id];
    }
    if (missing) break;
    const auto errors = session.answer(id, answers);
    if (!errors.empty()) {
      problems.insert(problems.end(), errors.begin(), errors.end());
      return false;
    }
    walk.path.push_back(id);
    if (lesson) ++walk.lessons;
    walk.answers += answers.size();
  }
  walk.last = session.current();
  return true;
}

// Loads the content, reads the scenario and replays it page by page: what assess and walk share.
// Returns the exit code on a problem (already reported), or nothing when the replay went through.
std::optional<int> run_scenario(const std::string& folder, const std::string& answers_file,
                                std::unique_ptr<hipcheck::Session>& session, Walk& walk) {
  json doc;
  const auto loaded = load(folder, doc);
  if (!loaded.content) return report(loaded.errors);
  Scenario scenario;
  if (!read_scenario(*loaded.content, answers_file, scenario)) return 1;
  session = std::make_unique<hipcheck::Session>(loaded.content);
  std::vector<Error> problems;
  if (!replay(*session, scenario, walk, problems)) return report(problems);
  return std::nullopt;
}

int assess(const std::string& folder, const std::string& answers_file, bool pretty) {
  std::unique_ptr<hipcheck::Session> session;
  Walk walk;
  if (auto code = run_scenario(folder, answers_file, session, walk)) return *code;
  if (walk.last["status"] == "question") {
    std::cerr << "note: the answers stop before the end; the next page is \""
              << walk.last["page"]["id"].get<std::string>() << "\"\n";
  }
  const hipcheck::json result = hipcheck::assess(*session);
  std::cout << (pretty ? result.dump(2, ' ', false, hipcheck::json::error_handler_t::replace)
                       : hipcheck::to_text(result))
            << "\n";
  return 0;
}

// The way a scenario takes through the check: how many pages, answers and lessons, and which.
int walk(const std::string& folder, const std::string& answers_file) {
  std::unique_ptr<hipcheck::Session> session;
  Walk walk;
  if (auto code = run_scenario(folder, answers_file, session, walk)) return *code;
  json out = {{"pages", walk.path.size()},
              {"answers", walk.answers},
              {"lessons", walk.lessons},
              {"status", walk.last["status"]}};
  if (walk.last["status"] == "stopped") out["stop"] = walk.last["stop"]["id"];
  if (walk.last["status"] == "question") out["next"] = walk.last["page"]["id"];
  out["path"] = walk.path;
  std::cout << hipcheck::to_text(out) << "\n";
  return 0;
}

// For npm run bench (scripts/bench/peers.mjs): FILE is {"rules": [...], "data": [...], "runs": n};
// compiles every rule once (as the content loader does), then evaluates every rule against every
// data n times and prints the time per evaluation and the results of one round (to compare with
// json-logic-js).
int logic_bench(const std::string& file) {
  std::string text;
  if (!hipcheck::read_file(file, text)) {
    std::cerr << "error: cannot read " << file << "\n";
    return 1;
  }
  const std::string out = hipcheck::bench::logic_bench(text);
  const json reply = json::parse(out);
  if (reply.contains("error")) {
    std::cerr << "error: " << reply["error"].get<std::string>() << "\n";
    return 1;
  }
  std::cout << out << "\n";
  return 0;
}

int logic(const std::string& rule_text, const std::string& data_text) {
  json rule, data;
  Error error;
  if (!hipcheck::parse_or_error(rule_text, rule, error)) {
    std::cerr << "error: the rule is " << error.message << "\n";
    return 1;
  }
  if (!hipcheck::parse_or_error(data_text, data, error)) {
    std::cerr << "error: the data is " << error.message << "\n";
    return 1;
  }
  const auto outcome = hipcheck::logic::apply(rule, data);
  if (!outcome.ok) {
    std::cerr << "error: " << hipcheck::describe(outcome.error) << "\n";
    return 1;
  }
  std::cout << hipcheck::to_text(outcome.value) << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage();
  const std::string& command = args[0];
  if (command == "validate" && args.size() == 2) return validate(args[1]);
  if (command == "bundle" && args.size() == 2) return bundle(args[1]);
  if (command == "logic-bench" && args.size() == 2) return logic_bench(args[1]);
  if (command == "logic" && (args.size() == 2 || args.size() == 3)) {
    return logic(args[1], args.size() == 3 ? args[2] : "null");
  }
  if (command == "assess" || command == "walk") {
    std::string content, answers;
    bool pretty = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
      if (args[i] == "--content" && i + 1 < args.size())
        content = args[++i];
      else if (args[i] == "--answers" && i + 1 < args.size())
        answers = args[++i];
      else if (args[i] == "--pretty")
        pretty = true;
      else
        return usage();
    }
    if (content.empty() || answers.empty()) return usage();
    return command == "walk" ? walk(content, answers) : assess(content, answers, pretty);
  }
  return usage();
}
