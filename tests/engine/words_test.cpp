// Rules once, words per locale: content/rules merged with content/<locale>/words.json.
#include "hipcheck/words.hpp"

#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "hipcheck/content.hpp"
#include "hipcheck/engine.hpp"
#include "hipcheck/folder.hpp"

using hipcheck::json;

namespace {

json words_of(const std::string& locale) {
  std::string text;
  REQUIRE(hipcheck::read_file(HIPCHECK_SOURCE_DIR "/content/" + locale + "/words.json", text));
  return hipcheck::parse_json(text).value;
}

json shipped_rules() {
  auto read = hipcheck::read_content_folder(HIPCHECK_SOURCE_DIR "/content/en");
  REQUIRE(read.errors.empty());
  return hipcheck::strip_words(read.bundle);
}

std::vector<std::string> merge_problems(const json& words) {
  json rules = shipped_rules();
  const json english = words_of("en");
  std::vector<std::string> out;
  for (const auto& e : hipcheck::merge_words(rules, words, &english, "es/words.json"))
    out.push_back(e.id + " at " + e.path);
  return out;
}

const char* kSeverity = "questionnaire.sections.pain.pages.pain_how.items.pain_severity.text";

}  // namespace

TEST_CASE("English and Spanish load with the same rules: same id and version, their own locale",
          "[words]") {
  std::string versions[2], ids[2], locales[2];
  const char* folders[2] = {"en", "es"};
  for (int i = 0; i < 2; ++i) {
    auto read = hipcheck::read_content_folder(std::string(HIPCHECK_SOURCE_DIR "/content/") + folders[i]);
    for (const auto& e : read.errors) INFO(hipcheck::describe(e));
    REQUIRE(read.errors.empty());
    const auto loaded = hipcheck::load_content(read.bundle);
    for (const auto& e : loaded.errors) INFO(hipcheck::describe(e));
    REQUIRE(loaded.errors.empty());
    versions[i] = loaded.content->version;
    ids[i] = read.bundle["meta"]["id"].get<std::string>();
    locales[i] = read.bundle["meta"]["locale"].get<std::string>();
  }
  CHECK(versions[0] == versions[1]);
  CHECK(ids[0] == "hipcheck");
  CHECK(ids[1] == "hipcheck");
  CHECK(locales[0] == "en");
  CHECK(locales[1] == "es");
}

TEST_CASE("the Spanish words merge without problems", "[words]") {
  CHECK(merge_problems(words_of("es")).empty());
}

TEST_CASE("a missing Spanish string is reported with its id path", "[words]") {
  json es = words_of("es");
  REQUIRE(es.contains(kSeverity));
  es.erase(kSeverity);
  CHECK(merge_problems(es) == std::vector<std::string>{std::string("content.words.missing at ") + kSeverity});
}

TEST_CASE("an orphaned Spanish string is reported with its id path", "[words]") {
  json es = words_of("es");
  es["care.flags.no_such_flag.reason"] = "Una razón sin regla.";
  CHECK(merge_problems(es) ==
        std::vector<std::string>{"content.words.orphaned at care.flags.no_such_flag.reason"});
  // In English (no reference) a word that leads nowhere in the rules is orphaned as well, and so
  // is a word for a field that is not text.
  json rules = shipped_rules();
  json en = words_of("en");
  en["care.flags.no_such_flag.reason"] = "A reason with no rule.";
  en["plan.weeks"] = "8";
  std::vector<std::string> out;
  for (const auto& e : hipcheck::merge_words(rules, en, nullptr, "en/words.json"))
    out.push_back(e.id + " at " + e.path);
  CHECK(out == std::vector<std::string>{"content.words.orphaned at care.flags.no_such_flag.reason",
                                        "content.words.orphaned at plan.weeks"});
}

TEST_CASE("a Spanish string whose placeholders differ from the English is reported", "[words]") {
  json es = words_of("es");
  const std::string key = "ui.title.page";  // "{page} - {service}"
  REQUIRE(es.contains(key));
  es[key] = "{pagina} - {service}";
  json en = words_of("en");
  std::string placeholder_key;
  for (auto it = en.begin(); it != en.end(); ++it) {
    if (it.value().is_string() && it.value().get<std::string>().find("{{") != std::string::npos) {
      placeholder_key = it.key();
      break;
    }
  }
  REQUIRE(!placeholder_key.empty());
  es[placeholder_key] = "Sin marcadores.";
  auto got = merge_problems(es);
  std::sort(got.begin(), got.end());
  std::vector<std::string> want = {"content.words.placeholder at " + placeholder_key,
                                   "content.words.placeholder at " + key};
  std::sort(want.begin(), want.end());
  CHECK(got == want);
}

TEST_CASE("a Spanish word of the wrong type is reported with its id path", "[words]") {
  json es = words_of("es");
  es[kSeverity] = 7;
  const std::string body = "questionnaire.sections.pain.pages.lesson_hip_joint.items.hip_joint.body";
  REQUIRE(es.contains(body));
  es[body] = json::array({"Un párrafo.", 2});
  auto got = merge_problems(es);
  std::sort(got.begin(), got.end());
  std::vector<std::string> want = {"content.words.type at " + body,
                                   std::string("content.words.type at ") + kSeverity};
  std::sort(want.begin(), want.end());
  CHECK(got == want);
  // A words file that is not an object at all.
  json rules = shipped_rules();
  const auto whole = hipcheck::merge_words(rules, json::array(), nullptr, "es/words.json");
  REQUIRE(whole.size() == 1);
  CHECK(whole[0].id == "content.words.type");
}

TEST_CASE("a care text that drops the page's {emergencyNumber} is a placeholder mismatch", "[words]") {
  json es = words_of("es");
  const std::string key = "care.levels.emergency.action";
  REQUIRE(es[key].get<std::string>().find("{emergencyNumber}") != std::string::npos);
  es[key] = "Llama ya al 112, o ve a un hospital.";
  CHECK(merge_problems(es) == std::vector<std::string>{"content.words.placeholder at " + key});
}

TEST_CASE("a word left in the rules is reported with its JSON path", "[words]") {
  json rules = shipped_rules();
  CHECK(hipcheck::words_in_rules(rules).empty());
  rules["care"]["flags"][0]["reason"] = "A reason in the rules.";
  const auto found = hipcheck::words_in_rules(rules);
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == "content.words.in-rules");
  CHECK(found[0].path == "/care/flags/0/reason");
}

TEST_CASE("the content version hashes the rules only", "[words]") {
  json b = fixture::bundle();
  const auto before = hipcheck::load_content(b).content->version;
  b["care"]["levels"][0]["action"] = "Llama a emergencias.";
  b["meta"]["locale"] = "es";
  const auto words_changed = hipcheck::load_content(b);
  REQUIRE(words_changed.content);
  CHECK(words_changed.content->version == before);
  b["care"]["flags"][0]["level"] = "urgent";
  const auto rules_changed = hipcheck::load_content(b);
  if (rules_changed.content) CHECK(rules_changed.content->version != before);
}

TEST_CASE("a stamped bundle carries its rules' version, and the native load checks it", "[words]") {
  json doc = fixture::bundle();
  const auto loaded = hipcheck::load_content(doc);
  REQUIRE(loaded.content);
  const std::string version = loaded.content->version;

  // As `hipcheck bundle` writes it: the version in the bundle, then the stamp over everything.
  doc["version"] = version;
  hipcheck::Engine engine;
  const json ok = hipcheck::parse_json(engine.load(hipcheck::stamp_bundle(doc))).value;
  REQUIRE(ok.contains("ok"));
  CHECK(ok["content"]["version"] == version);

  // A version that is not the rules' (stamped after the change, so the stamp holds) is refused.
  doc["version"] = "0123456789abcdef";
  const json wrong = hipcheck::parse_json(engine.load(hipcheck::stamp_bundle(doc))).value;
  REQUIRE(wrong.contains("error"));
  CHECK(wrong["error"]["id"] == "content.version");
  CHECK(wrong["error"]["path"] == "/version");
}
