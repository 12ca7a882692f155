#include "hipcheck/session.hpp"

#include <catch2/catch.hpp>

#include "fixture.hpp"

using fixture::walk;
using fixture::where;
using hipcheck::json;
using hipcheck::Session;

namespace {

const json kPainless = {{"units", "km"},     {"fall", false},    {"night_pain", false},
                        {"has_pain", false}, {"weekly_now", 20}, {"weekly_before", 10},
                        {"longest", 8}};

const json kPain = {{"units", "km"},    {"fall", false},     {"night_pain", false},
                    {"has_pain", true}, {"where", {"side"}}, {"how_bad", 4},
                    {"ostrc_part", 8},  {"weekly_now", 20},  {"weekly_before", 20},
                    {"longest", 8}};

// The ids of the errors, "id at path" each.
std::vector<std::string> ids(const std::vector<hipcheck::Error>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.id + " at " + e.path);
  return out;
}

}  // namespace

TEST_CASE("a new session starts at the first page", "[session]") {
  Session s(fixture::content());
  const json page = s.current();
  CHECK(page["status"] == "question");
  CHECK(page["page"]["id"] == "about");
  CHECK(page["page"]["title"] == "About you");
  CHECK(page["page"]["lesson"] == false);
  CHECK(page["page"]["section"] ==
        json({{"id", "start"}, {"title", "Before you start"}, {"intro", "A short check."}}));
  REQUIRE(page["page"]["items"].size() == 1);
  CHECK(page["page"]["items"][0]["id"] == "units");
  CHECK_FALSE(page["page"]["items"][0].contains("answer"));
  CHECK(page["canGoBack"] == false);
  CHECK(page["progress"] == json({{"position", 1}, {"total", 6}, {"percent", 0}}));
}

TEST_CASE("a page takes the answers to all its shown items at once", "[session][pages]") {
  Session s(fixture::content());
  REQUIRE(s.answer("about", {{"units", "km"}}).empty());
  REQUIRE(where(s) == "safety_grid");
  REQUIRE(s.answer("safety_grid", {{"fall", false}, {"night_pain", false}}).empty());
  CHECK(s.answers() == json({{"units", "km"}, {"fall", false}, {"night_pain", false}}));
  CHECK(where(s) == "pain_screen");
}

TEST_CASE("pages whose items are all hidden are skipped, and hidden items are not shown",
          "[session][pages]") {
  Session s(fixture::content());
  CHECK(walk(s, {{"units", "km"}, {"fall", false}, {"night_pain", false}, {"has_pain", false}}) ==
        std::vector<std::string>{"about", "safety_grid", "pain_screen", "lesson_ball_page"});
  // pain_detail (its page rule) and pain_part (its one item's rule) are hidden: on to the lesson.
  CHECK(where(s) == "load_weekly");
  REQUIRE_FALSE(s.back());
  CHECK(where(s) == "lesson_ball_page");
  CHECK(s.current()["page"]["lesson"] == true);
  CHECK(s.current()["progress"]["total"] == 6);
}

TEST_CASE("a distance item shows the runner's own unit, and no enableWhen", "[session][pages]") {
  Session s(fixture::content());
  walk(s, {{"units", "mi"}, {"fall", false}, {"night_pain", false}, {"has_pain", false}});
  const json page = s.current()["page"];
  REQUIRE(page["id"] == "load_weekly");
  CHECK(page["items"][0]["unit"] == "mi");
  CHECK(page["items"][1]["unit"] == "mi");
  Session t(fixture::content());
  walk(t, kPain);
  REQUIRE_FALSE(t.go_to("pain_part"));
  CHECK_FALSE(t.current()["page"]["items"][0].contains("enableWhen"));
  CHECK(t.current()["page"]["items"][0]["answer"] == 8);
}

TEST_CASE("a bad value on one item leaves the whole page unchanged, and names the item",
          "[session][pages]") {
  Session s(fixture::content());
  walk(s, {{"units", "km"}, {"fall", false}, {"night_pain", false}, {"has_pain", true}});
  REQUIRE(where(s) == "pain_detail");
  const json before = s.state();
  struct Case {
    json answers;
    const char* error;  // "id at path"
  };
  const std::vector<Case> cases = {
      {{{"where", {"front"}}, {"how_bad", 11}}, "answer.range at /how_bad"},
      {{{"where", {"front"}}, {"how_bad", 2.5}}, "answer.step at /how_bad"},
      {{{"where", {"front"}}, {"how_bad", "not-sure"}}, "answer.type at /how_bad"},
      {{{"where", json::array()}, {"how_bad", 3}}, "answer.empty at /where"},
      {{{"where", "front"}, {"how_bad", 3}}, "answer.type at /where"},
      {{{"where", {"front", "front"}}, {"how_bad", 3}}, "answer.duplicate at /where"},
      {{{"where", {"front", "unsure"}}, {"how_bad", 3}}, "answer.exclusive at /where"},
      {{{"where", {"knee"}}, {"how_bad", 3}}, "answer.option.unknown at /where"},
      {{{"how_bad", 3}}, "answer.missing at /where"},
      {{{"where", {"front"}}, {"how_bad", 3}, {"units", "mi"}},
       "answer.item.not-on-page at /units"},
      {{{"where", {"front"}}, {"how_bad", 3}, {"shoe", 9}}, "answer.item.unknown at /shoe"},
      {json::array(), "answer.malformed at "},
  };
  for (const auto& c : cases) {
    INFO(c.answers.dump());
    const auto errors = s.answer("pain_detail", c.answers);
    REQUIRE(errors.size() == 1);
    CHECK(ids(errors)[0] == c.error);
    CHECK(s.state() == before);
    CHECK(where(s) == "pain_detail");
  }
}

TEST_CASE("every problem on a page is reported at once, in the page's order", "[session][pages]") {
  Session s(fixture::content());
  walk(s, {{"units", "km"}, {"fall", false}, {"night_pain", false}, {"has_pain", false}});
  REQUIRE(where(s) == "load_weekly");
  const json before = s.state();
  CHECK(ids(s.answer("load_weekly", {{"weekly_before", -1}, {"fall", true}})) ==
        std::vector<std::string>{"answer.missing at /weekly_now", "answer.range at /weekly_before",
                                 "answer.item.not-on-page at /fall"});
  CHECK(s.state() == before);
}

TEST_CASE("an unknown or hidden page, or a hidden item, is refused", "[session][pages]") {
  Session s(fixture::content());
  walk(s, {{"units", "km"}, {"fall", false}, {"night_pain", false}, {"has_pain", false}});
  const json before = s.state();
  CHECK(ids(s.answer("nowhere", json::object())) ==
        std::vector<std::string>{"answer.page.unknown at "});
  CHECK(ids(s.answer("pain_detail", {{"where", {"front"}}, {"how_bad", 2}})) ==
        std::vector<std::string>{"answer.page.hidden at "});
  CHECK(s.state() == before);
  // A page with a hidden item: pain_part's only item is hidden, so the page is too; make a page
  // with one shown and one hidden item by answering has_pain on the fixture's modified copy.
  json b = fixture::bundle();
  b["questionnaire"]["sections"][2]["pages"][1]["items"][1]["enableWhen"] = {
      {"!", {{"var", "has_pain"}}}};
  const auto loaded = hipcheck::load_content(b);
  REQUIRE(loaded.errors.empty());
  Session t(loaded.content);
  walk(t, {{"units", "km"}, {"fall", false}, {"night_pain", false}, {"has_pain", true}});
  REQUIRE(where(t) == "pain_detail");
  CHECK(t.current()["page"]["items"].size() == 1);
  CHECK(ids(t.answer("pain_detail", {{"where", {"front"}}, {"how_bad", 2}})) ==
        std::vector<std::string>{"answer.item.hidden at /how_bad"});
  CHECK(t.answer("pain_detail", {{"where", {"front"}}}).empty());
}

TEST_CASE("a lesson page is answered with nothing or with true", "[session][pages]") {
  Session s(fixture::content());
  walk(s, {{"units", "km"}, {"fall", false}, {"night_pain", false}, {"has_pain", false}});
  REQUIRE_FALSE(s.go_to("lesson_ball_page"));
  CHECK(ids(s.answer("lesson_ball_page", {{"lesson_ball", false}})) ==
        std::vector<std::string>{"answer.lesson at /lesson_ball"});
  CHECK(s.answer("lesson_ball_page", {{"lesson_ball", true}}).empty());
  CHECK(s.answers()["lesson_ball"] == true);
  REQUIRE_FALSE(s.back());
  CHECK(s.answer("lesson_ball_page", json::object()).empty());
  CHECK(where(s) == "load_weekly");
}

TEST_CASE("numbers must sit on the item's step and range, and 'not sure' only where allowed",
          "[session]") {
  Session s(fixture::content());
  walk(s, kPainless);
  auto weekly = [&](const json& now) {
    const auto e = s.answer("load_weekly", {{"weekly_now", now}, {"weekly_before", 10}});
    return e.empty() ? std::string("ok") : e[0].id;
  };
  CHECK(weekly(20.5) == "ok");
  CHECK(weekly(20.25) == "answer.step");
  CHECK(weekly(-1) == "answer.range");
  CHECK(weekly(300.5) == "answer.range");
  CHECK(weekly("not-sure") == "ok");
  CHECK(s.answer("load_long", {{"longest", "not-sure"}})[0].id == "answer.type");
}

TEST_CASE("a near-integer answer is refused on a whole-number scale, and float noise passes",
          "[session][step]") {
  Session s(fixture::content());
  walk(s, {{"units", "km"}, {"fall", false}, {"night_pain", false}, {"has_pain", true}});
  auto bad = [&](double v) {
    const auto e = s.answer("pain_detail", {{"where", {"front"}}, {"how_bad", v}});
    return e.empty() ? std::string("ok") : e[0].id + " at " + e[0].path;
  };
  // Issue 12 item 5: 3.9999999999 read as "4 / 10" but failed rules reading >= 4.
  CHECK(bad(3.9999999999) == "answer.step at /how_bad");
  CHECK(bad(4.0000000001) == "answer.step at /how_bad");
  CHECK(bad(4.000001) == "answer.step at /how_bad");
  REQUIRE_FALSE(s.back());
  CHECK(bad(4) == "ok");
  // Float noise from decimal steps (0.1 + 0.2, 72.3 / 0.1) still sits on the step.
  json b = fixture::bundle();
  b["questionnaire"]["sections"][4]["pages"][0]["items"][0]["step"] = 0.1;
  const auto loaded = hipcheck::load_content(b);
  REQUIRE(loaded.errors.empty());
  Session t(loaded.content);
  walk(t, kPainless);
  for (const double v : {0.1 + 0.2, 72.3, 0.7, 299.9}) {
    INFO(v);
    CHECK(t.answer("load_weekly", {{"weekly_now", v}, {"weekly_before", 10}}).empty());
  }
  CHECK(t.answer("load_weekly", {{"weekly_now", 72.30000001}, {"weekly_before", 10}})[0].id ==
        "answer.step");
}

TEST_CASE("back returns to the previous shown page, and goTo takes a page or an item id",
          "[session][pages]") {
  Session s(fixture::content());
  walk(s, {{"units", "km"}, {"fall", false}, {"night_pain", false}, {"has_pain", false}});
  REQUIRE(where(s) == "load_weekly");
  REQUIRE_FALSE(s.back());
  CHECK(where(s) == "lesson_ball_page");
  REQUIRE_FALSE(s.back());
  CHECK(where(s) == "pain_screen");
  CHECK(s.current()["page"]["items"][0]["answer"] == false);
  REQUIRE_FALSE(s.back());
  REQUIRE_FALSE(s.back());
  CHECK(where(s) == "about");
  const auto e = s.back();
  REQUIRE(e);
  CHECK(e->id == "session.back.at-start");
  CHECK(where(s) == "about");
  REQUIRE_FALSE(s.go_to("night_pain"));
  CHECK(where(s) == "safety_grid");
  REQUIRE_FALSE(s.go_to("lesson_ball_page"));
  CHECK(where(s) == "lesson_ball_page");
  CHECK(s.go_to("where")->id == "answer.item.hidden");
  CHECK(s.go_to("pain_detail")->id == "answer.page.hidden");
  CHECK(s.go_to("elsewhere")->id == "answer.page.unknown");
  CHECK(where(s) == "lesson_ball_page");
}

TEST_CASE("back from check-your-answers goes to the last page", "[session][pages]") {
  Session s(fixture::content());
  walk(s, kPainless);
  REQUIRE(where(s) == "complete");
  CHECK(s.current()["canGoBack"] == true);
  REQUIRE_FALSE(s.back());
  CHECK(where(s) == "load_long");
}

TEST_CASE("changing an earlier answer drops the answers of items it hides", "[session]") {
  Session s(fixture::content());
  walk(s, kPain);
  REQUIRE(s.answers().contains("where"));
  REQUIRE_FALSE(s.go_to("has_pain"));
  REQUIRE(s.answer("pain_screen", {{"has_pain", false}}).empty());
  CHECK_FALSE(s.answers().contains("where"));
  CHECK_FALSE(s.answers().contains("how_bad"));
  CHECK_FALSE(s.answers().contains("ostrc_part"));
  CHECK(where(s) == "lesson_ball_page");
}

TEST_CASE("going back and answering again moves to the next page, keeping later answers",
          "[session]") {
  Session s(fixture::content());
  walk(s, kPainless);
  REQUIRE(where(s) == "complete");
  REQUIRE_FALSE(s.go_to("units"));
  REQUIRE(s.answer("about", {{"units", "mi"}}).empty());
  CHECK(where(s) == "safety_grid");
  CHECK(s.answers()["weekly_now"] == 20);
  CHECK(s.complete());
}

TEST_CASE("a change that reveals a new page leads to it", "[session]") {
  Session s(fixture::content());
  walk(s, kPainless);
  REQUIRE_FALSE(s.go_to("has_pain"));
  REQUIRE(s.answer("pain_screen", {{"has_pain", true}}).empty());
  CHECK(where(s) == "pain_detail");
  CHECK_FALSE(s.complete());
  CHECK(s.review()["complete"] == false);
}

TEST_CASE("the review lists every shown answer with its page and label, by section", "[session]") {
  Session s(fixture::content());
  walk(s, {{"units", "mi"},
           {"fall", false},
           {"night_pain", false},
           {"has_pain", true},
           {"where", {"front", "side"}},
           {"how_bad", 6},
           {"ostrc_part", 17},
           {"weekly_now", 12.5},
           {"weekly_before", "not-sure"},
           {"longest", 6}});
  const json r = s.review();
  CHECK(r["complete"] == true);
  CHECK_FALSE(r.contains("stop"));
  REQUIRE(r["sections"].size() == 4);  // no lesson in the review
  CHECK(r["sections"][0]["answers"][0] == json({{"page", "about"},
                                                {"item", "units"},
                                                {"question", "Which unit do you use?"},
                                                {"value", "mi"},
                                                {"display", "Miles"}}));
  CHECK(r["sections"][1]["answers"][1]["display"] == "No");
  const json& pain = r["sections"][2]["answers"];
  CHECK(pain[1]["page"] == "pain_detail");
  CHECK(pain[1]["display"] == "Front, Side");
  CHECK(pain[2]["display"] == "6 / 10");
  CHECK(pain[3]["display"] == "With a lot less");
  const json& load = r["sections"][3]["answers"];
  CHECK(r["sections"][3]["id"] == "load");
  CHECK(load[0]["display"] == "12.5 miles");
  CHECK(load[1]["display"] == "Not sure");
}

TEST_CASE("progress counts shown pages and never goes down when moving forward",
          "[session][progress]") {
  for (const json& answers : {kPainless, kPain}) {
    Session s(fixture::content());
    long last = 0;
    for (int guard = 0; guard < 20 && s.current()["status"] == "question"; ++guard) {
      const json page = s.current();
      const long position = page["progress"]["position"].get<long>();
      CHECK(position > last);
      CHECK(position <= page["progress"]["total"].get<long>());
      last = position;
      json reply = json::object();
      for (const auto& item : page["page"]["items"]) {
        if (page["page"]["lesson"] == false)
          reply[item["id"].get<std::string>()] = answers[item["id"].get<std::string>()];
      }
      REQUIRE(s.answer(page["page"]["id"], reply).empty());
    }
    const json done = s.current();
    CHECK(done["status"] == "complete");
    CHECK(done["progress"]["position"] == done["progress"]["total"]);
    CHECK(done["progress"]["percent"] == 100);
  }
}

TEST_CASE("a session saves to versioned JSON and restores page by page", "[session][state]") {
  Session s(fixture::content());
  walk(s, {{"units", "km"}, {"fall", false}, {"night_pain", false}, {"has_pain", true}});
  const json saved = s.state();
  CHECK(saved["format"] == "hipcheck.state");
  CHECK(saved["version"] == 2);
  CHECK(saved["cursor"] == "pain_detail");
  CHECK(saved["settings"] == json({{"mode", "full"}, {"lessons", true}}));
  CHECK(saved["acknowledged"] == json::array());
  CHECK(saved["finished"] == false);
  CHECK(saved["notice"].is_null());
  Session t(fixture::content());
  REQUIRE_FALSE(t.restore(saved));
  CHECK(t.state() == saved);
  CHECK(where(t) == "pain_detail");
  REQUIRE_FALSE(t.back());
  CHECK(where(t) == "pain_screen");
  // A finished check restores to the end.
  walk(s, kPain);
  Session u(fixture::content());
  REQUIRE_FALSE(u.restore(s.state()));
  CHECK(u.state() == s.state());
  CHECK(where(u) == "complete");
}

TEST_CASE("a tampered saved state is rejected and nothing changes", "[session][state]") {
  Session s(fixture::content());
  walk(s, kPainless);
  const json good = s.state();
  Session t(fixture::content());
  REQUIRE(t.answer("about", {{"units", "mi"}}).empty());
  const json before = t.state();
  struct Case {
    std::string name;
    json state;
    std::string error;
  };
  std::vector<Case> cases;
  cases.push_back({"not an object", json::array(), "state.malformed at "});
  auto with = [&](const json::json_pointer& at, const json& v) {
    json c = good;
    c[at] = v;
    return c;
  };
  using ptr = json::json_pointer;
  cases.push_back({"format", with(ptr("/format"), "other"), "state.format at /format"});
  cases.push_back({"version 1", with(ptr("/version"), 1), "state.version at /version"});
  cases.push_back({"content", with(ptr("/content/version"), "0"), "state.content at /content"});
  cases.push_back({"answers", with(ptr("/answers"), "all"), "state.malformed at /answers"});
  cases.push_back({"range", with(ptr("/answers/weekly_now"), 9999),
                   "state.answer.invalid at /answers/weekly_now"});
  cases.push_back({"step", with(ptr("/answers/longest"), 7.9999999999),
                   "state.answer.invalid at /answers/longest"});
  cases.push_back(
      {"hidden", with(ptr("/answers/where"), {"front"}), "state.answer.hidden at /answers/where"});
  cases.push_back({"unknown", with(ptr("/answers/shoe_size"), 9),
                   "state.answer.unknown at /answers/shoe_size"});
  cases.push_back(
      {"cursor hidden", with(ptr("/cursor"), "pain_detail"), "state.cursor at /cursor"});
  cases.push_back({"cursor item", with(ptr("/cursor"), "units"), "state.cursor at /cursor"});
  cases.push_back({"cursor type", with(ptr("/cursor"), 3), "state.cursor at /cursor"});
  cases.push_back(
      {"settings", with(ptr("/settings/mode"), "slow"), "state.settings at /settings/mode"});
  cases.push_back({"acknowledged", with(ptr("/acknowledged"), {"nothing"}),
                   "state.acknowledged at /acknowledged/0"});
  cases.push_back({"acknowledged end stop", with(ptr("/acknowledged"), {"emergency"}),
                   "state.acknowledged at /acknowledged/0"});
  cases.push_back(
      {"finished without a notice", with(ptr("/finished"), true), "state.finished at /finished"});
  for (const auto& k : cases) {
    INFO(k.name);
    const auto e = t.restore(k.state);
    REQUIRE(e);
    CHECK(e->id + " at " + e->path == k.error);
    CHECK(t.state() == before);
  }
}

TEST_CASE("a section, a page and an item are each shown by their own rule", "[session][pages]") {
  // Issue 12 item 6: a section rule and an item rule were combined into one `and` one level
  // deeper than either, so two rules near the depth limit passed the validator one by one and
  // then failed (always hidden) together. Each is now checked and evaluated on its own.
  json deep = {{"var", "has_pain"}};
  for (int i = 0; i < 56; ++i) deep = {{"!", deep}};  // an even number: still "has_pain"
  json b = fixture::bundle();
  b["questionnaire"]["sections"][2]["pages"][1]["enableWhen"] = deep;
  b["questionnaire"]["sections"][2]["pages"][2]["items"][0]["enableWhen"] = deep;
  b["questionnaire"]["sections"][4]["enableWhen"] = {{"!", {{"!", {{"var", "units"}}}}}};
  const auto loaded = hipcheck::load_content(b);
  for (const auto& e : loaded.errors) INFO(hipcheck::describe(e));
  REQUIRE(loaded.errors.empty());
  Session s(loaded.content);
  CHECK(walk(s, kPain) == std::vector<std::string>{"about", "safety_grid", "pain_screen",
                                                   "pain_detail", "pain_part", "lesson_ball_page",
                                                   "load_weekly", "load_long"});
  CHECK(s.complete());
}

// Issue 12: one budget for every rule evaluated for one answer (logic::kMaxAnswerWork), each rule
// within its own (logic::kMaxWork). Twelve calculations that read the first answer ("units"), each
// well within its own budget, together need more than one answer may use: the answer is
// logic.budget at the calculation that ran out, and nothing changes.
TEST_CASE("the rules evaluated for one answer share one budget", "[session][budget]") {
  json b = fixture::bundle();
  json items = json::array();
  for (int i = 0; i < 10000; ++i) items.push_back(i);
  const json all = {{"all", {items, {{"<", {{{"var", ""}}, 1e9}}}}}};
  const json heavy = {{"if", {{{"var", "units"}}, all, all}}};
  const auto one = hipcheck::logic::apply(heavy, json::object());
  REQUIRE(one.ok);
  REQUIRE(one.work < hipcheck::logic::kMaxWork);
  const std::size_t needed = hipcheck::logic::kMaxAnswerWork / one.work + 1;
  for (std::size_t i = 0; i < needed; ++i) {
    b["calculations"].push_back({{"id", "heavy_" + std::to_string(i)},
                                 {"description", "A heavy calculation."},
                                 {"rule", heavy}});
  }
  const auto loaded = hipcheck::load_content(b);
  REQUIRE(loaded.errors.empty());
  Session s(loaded.content);  // start() evaluates each rule within its own budget only
  const json before = s.state();
  const json page = s.current();
  REQUIRE(page["status"] == "question");
  json reply = json::object();
  for (const auto& item : page["page"]["items"]) reply[item["id"].get<std::string>()] = kPain[item["id"].get<std::string>()];
  const auto errors = s.answer(page["page"]["id"], reply);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].id == "logic.budget");
  CHECK(errors[0].path.rfind("/calculations/heavy_", 0) == 0);
  CHECK(errors[0].path.find("/rule") != std::string::npos);
  CHECK(s.state() == before);
  CHECK(s.current() == page);

  // With fewer of them the same answer goes through.
  json lighter = fixture::bundle();
  for (std::size_t i = 0; i + 2 < needed; ++i) {
    lighter["calculations"].push_back({{"id", "heavy_" + std::to_string(i)},
                                       {"description", "A heavy calculation."},
                                       {"rule", heavy}});
  }
  Session t(hipcheck::load_content(lighter).content);
  CHECK(t.answer(page["page"]["id"], reply).empty());
}
