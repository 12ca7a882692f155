// hipcheck: the engine on the command line, for content authors and tests.
//
//   hipcheck validate DIR                          check a content folder
//   hipcheck bundle DIR                            print the checked bundle the web page loads
//   hipcheck assess --content DIR --answers FILE   print the result for an answers file
//   hipcheck logic RULE [DATA]                     evaluate a JsonLogic rule

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "hipcheck/assess.hpp"
#include "hipcheck/content.hpp"
#include "hipcheck/engine.hpp"
#include "hipcheck/folder.hpp"
#include "hipcheck/logic.hpp"

namespace {

using hipcheck::Error;
using hipcheck::json;

constexpr const char* kUsage =
    "usage:\n"
    "  hipcheck validate DIR                              check a content folder\n"
    "  hipcheck bundle DIR                                print the checked content bundle\n"
    "  hipcheck assess --content DIR --answers FILE [--pretty]\n"
    "                                                     print the result for an answers file\n"
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
  std::cout << hipcheck::to_text(doc) << "\n";
  return 0;
}

// Answers every shown item in questionnaire order, as a runner would: lessons are read, questions
// take the file's answer. Prints the engine's result text exactly as the wasm module returns it.
int assess(const std::string& folder, const std::string& answers_file, bool pretty) {
  json doc;
  const auto loaded = load(folder, doc);
  if (!loaded.content) return report(loaded.errors);
  std::string text;
  if (!hipcheck::read_file(answers_file, text)) {
    std::cerr << "error: cannot read " << answers_file << "\n";
    return 1;
  }
  json answers;
  Error error;
  if (!hipcheck::parse_or_error(text, answers, error)) {
    std::cerr << answers_file << ": " << hipcheck::describe(error) << "\n";
    return 1;
  }
  // A scenario file keeps its answers under "answers" beside a name and what to expect.
  if (answers.is_object() && answers.contains("answers") && answers["answers"].is_object() &&
      !loaded.content->item("answers")) {
    answers = answers["answers"];
  }
  if (!answers.is_object()) {
    std::cerr << answers_file << ": the answers must be an object of item ids and values\n";
    return 1;
  }
  std::vector<Error> problems;
  for (const auto& [id, value] : answers.items()) {
    (void)value;
    if (!loaded.content->item(id))
      problems.push_back({"answer.item.unknown", "there is no question \"" + id + "\"", "/" + id});
  }
  hipcheck::Session session(loaded.content);
  for (const auto& item : loaded.content->items) {
    const bool lesson = item.type == hipcheck::ItemType::Lesson;
    if (!lesson && !answers.contains(item.id)) continue;
    const auto outcome = session.answer(item.id, lesson ? json(true) : answers[item.id]);
    if (outcome && !(lesson && outcome->id == "answer.item.hidden")) problems.push_back(*outcome);
  }
  if (!problems.empty()) return report(problems);
  const auto page = session.current();
  if (page["status"] != "complete") {
    std::cerr << "note: the answers stop before the end; the next question is \""
              << page["item"]["id"].get<std::string>() << "\"\n";
  }
  std::cout << hipcheck::to_text(hipcheck::assess(session), pretty ? 2 : -1) << "\n";
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
  if (command == "logic" && (args.size() == 2 || args.size() == 3)) {
    return logic(args[1], args.size() == 3 ? args[2] : "null");
  }
  if (command == "assess") {
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
    return assess(content, answers, pretty);
  }
  return usage();
}
