// load_stamped_content (the browser's reader, src/content/stamped.cpp) builds the very model the
// validating loader builds from the same bundle, and refuses a structure the engine cannot read
// with content.structure at its path instead of crashing.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "hipcheck/content.hpp"

using hipcheck::json;

namespace {

// What the engine reads from a content's bundle after the load (all the browser's reader keeps in
// it: Content::bundle).
json kept(json bundle) {
  for (const char* taken : {"questionnaire", "sources", "calculations", "causes", "tips"})
    bundle.erase(taken);
  bundle["care"].erase("flags");
  return bundle;
}

// Everything the session, the result and the quiz read from the model, as JSON to compare whole.
json model(const hipcheck::Content& c) {
  json out = {{"id", c.id},
              {"version", c.version},
              {"title", c.title},
              {"locale", c.locale},
              {"levels", c.levels},
              {"some", c.some_threshold},
              {"high", c.high_threshold},
              {"groupLabels", c.group_labels},
              {"sources", c.sources},
              {"bundle", kept(c.bundle)}};
  for (const auto& s : c.sections)
    out["sections"].push_back({s.id, s.title, s.intro, s.enable_when, s.pages});
  for (const auto& p : c.pages)
    out["pages"].push_back({p.id, p.title, p.intro, p.section, p.enable_when, p.items, p.lesson});
  for (const auto& i : c.items) {
    json options = json::array();
    for (const auto& o : i.options) options.push_back({o.value, o.label, o.exclusive});
    out["items"].push_back({i.id, static_cast<int>(i.type), i.section, i.page, i.source,
                            i.enable_when, options, i.min, i.max, i.step, i.not_sure, i.unit,
                            i.reads});
  }
  out["pageIndex"] = c.page_index;
  out["itemIndex"] = c.item_index;
  for (const auto& s : c.stops)
    out["stops"].push_back({s.id, s.level, s.when, static_cast<int>(s.action)});
  for (const auto& k : c.calculations) out["calculations"].push_back({k.id, k.rule});
  for (const auto& f : c.flags) out["flags"].push_back({f.id, f.level, f.when, f.reason, f.sources});
  for (const auto& cause : c.causes) {
    json factors = json::array();
    for (const auto& f : cause.factors)
      factors.push_back({f.id, f.when, f.points, f.reason, f.items});
    out["causes"].push_back({cause.id, cause.label, cause.summary, factors});
  }
  for (const auto& t : c.tips)
    out["tips"].push_back({t.id, t.group, t.when, t.priority, t.text, t.because, t.sources});
  return out;
}

void same_model(const json& bundle) {
  // As `hipcheck bundle` writes it: with the rules-only version, which the browser's reader takes.
  const auto first = hipcheck::load_content(json(bundle), "0123456789abcdef");
  REQUIRE(first.content);
  json copy = bundle;
  copy["version"] = first.content->version;
  const auto full = hipcheck::load_content(json(copy), "0123456789abcdef");
  REQUIRE(full.content);
  const auto stamped = hipcheck::load_stamped_content(std::move(copy), "0123456789abcdef");
  REQUIRE(stamped.errors.empty());
  REQUIRE(stamped.content);
  CHECK(model(*stamped.content) == model(*full.content));
  // What the model holds was moved out of the bundle, not copied.
  CHECK(stamped.content->bundle == kept(stamped.content->bundle));
  CHECK(full.content->bundle != kept(full.content->bundle));
}

std::string structure_problem(json bundle) {
  const auto loaded = hipcheck::load_stamped_content(std::move(bundle), "0123456789abcdef");
  CHECK_FALSE(loaded.content);
  REQUIRE(loaded.errors.size() == 1);
  return loaded.errors[0].id + " at " + loaded.errors[0].path;
}

}  // namespace

TEST_CASE("the browser's reader builds the validator's model", "[content][stamped]") {
  same_model(hipcheck::read_content_folder(HIPCHECK_SOURCE_DIR "/content/en").bundle);
  same_model(fixture::bundle());
}

TEST_CASE("the browser's parse leaves out what it never reads and builds the same model",
          "[content][stamped]") {
  // As `hipcheck bundle` writes it: with the rules-only version.
  json copy = hipcheck::read_content_folder(HIPCHECK_SOURCE_DIR "/content/en").bundle;
  const auto first = hipcheck::load_content(json(copy), "0123456789abcdef");
  REQUIRE(first.content);
  copy["version"] = first.content->version;
  const auto full = hipcheck::load_content(json(copy), "0123456789abcdef");
  REQUIRE(full.content);
  const auto parsed = hipcheck::parse_json(hipcheck::to_text(copy), {"ui", "anatomy", "slides"});
  REQUIRE(parsed.ok);
  json expected = copy;
  for (const char* left : {"ui", "anatomy", "slides"}) {
    REQUIRE(expected.contains(left));
    expected.erase(left);
  }
  CHECK(parsed.value == expected);
  const auto lean = hipcheck::load_stamped_content(json(parsed.value), "0123456789abcdef");
  REQUIRE(lean.content);
  json want = model(*full.content);
  for (const char* left : {"ui", "anatomy", "slides"}) want["bundle"].erase(left);
  CHECK(model(*lean.content) == want);
}

TEST_CASE("a member left out of the parse is still checked for syntax", "[content][stamped]") {
  const auto parsed = hipcheck::parse_json(
      R"({"ui":1,"a":{"ui":2},"slides":[{"x":[[]],"y":{}}, "z"],"b":[3],"anatomy":{}})",
      {"ui", "slides", "anatomy"});
  REQUIRE(parsed.ok);
  CHECK(parsed.value == json::parse(R"({"a":{"ui":2},"b":[3]})"));
  CHECK_FALSE(hipcheck::parse_json(R"({"a":1,"ui":{"t":[1,}})", {"ui"}).ok);
  CHECK_FALSE(hipcheck::parse_json(R"({"ui":{"t":1})", {"ui"}).ok);
  CHECK(hipcheck::parse_json(R"(["ui",{"ui":1}])", {"ui"}).value == json::parse(R"(["ui",{"ui":1}])"));
}

TEST_CASE("calculations come after what they read, as the validator orders them",
          "[content][stamped]") {
  json b = fixture::bundle();
  std::reverse(b["calculations"].begin(), b["calculations"].end());
  same_model(b);
}

TEST_CASE("a structure the engine cannot read is content.structure at its path",
          "[content][stamped]") {
  const json good = fixture::bundle();
  json b = good;
  b.erase("questionnaire");
  CHECK(structure_problem(b) == "content.structure at /questionnaire");
  b = good;
  b["questionnaire"]["sections"][0]["pages"][0]["items"][0]["type"] = "slider";
  CHECK(structure_problem(b) ==
        "content.structure at /questionnaire/sections/0/pages/0/items/0/type");
  b = good;
  b["care"]["levels"].erase(0);
  CHECK(structure_problem(b) == "content.structure at /care/levels");
  b = good;
  b["tips"]["tips"][0]["sources"] = {"nowhere"};
  CHECK(structure_problem(b) == "content.structure at /tips/tips/0/sources/0");
  b = good;
  b["plan"]["weeks"] = "six";
  CHECK(structure_problem(b) == "content.structure at /plan/weeks");
  b = good;
  b["meta"].erase("reviewed");
  CHECK(structure_problem(b) == "content.structure at /meta/reviewed");
  CHECK(structure_problem(json::array()) == "content.structure at ");
  json deep = 1;
  for (int i = 0; i < 100; ++i) deep = json::array({deep});
  b = good;
  b["ui"] = deep;
  CHECK(structure_problem(b) == "content.too-deep at ");
}
