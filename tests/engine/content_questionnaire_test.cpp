// questionnaire.json (src/content/questionnaire.cpp): sections, pages, items, stops and the
// reserved settings name.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using hipcheck::json;

namespace {

json& sections(json& b) { return b["questionnaire"]["sections"]; }

}  // namespace

TEST_CASE("the questionnaire loads into sections, pages and items", "[content][questionnaire]") {
  const auto c = fixture::content();
  REQUIRE(c);
  REQUIRE(c->pages.size() == 8);
  const auto* page = c->page("load_weekly");
  REQUIRE(page);
  CHECK(page->title == "Your weekly distance");
  CHECK(page->items.size() == 2);
  CHECK(c->items[page->items[1]].id == "weekly_before");
  CHECK(c->item("weekly_before")->page == c->page_index.at("load_weekly"));
  CHECK(c->sections[4].pages.size() == 2);
  CHECK(c->page("lesson_ball_page")->lesson);
  // An item keeps only its own rule; its page's and section's are separate.
  CHECK(c->item("where")->enable_when.is_null());
  CHECK(c->page("pain_detail")->enable_when == json({{"var", "has_pain"}}));
  CHECK(c->stops[0].action == hipcheck::StopAction::End);
  CHECK(c->stops[1].action == hipcheck::StopAction::Notice);
  CHECK(c->stops[1].level == "urgent");
}

TEST_CASE("a lesson stands alone on its page", "[content][questionnaire]") {
  json b = fixture::bundle();
  sections(b)[3]["pages"][0]["items"].push_back(
      {{"id", "extra"}, {"type", "yesno"}, {"text", "Did you read it?"}});
  CHECK(fixture::problems(b) ==
        std::vector<std::string>{"content.page.lesson at /questionnaire/sections/3/pages/0/items"});
}

TEST_CASE("a page needs items, and a section needs pages", "[content][questionnaire]") {
  json b = fixture::bundle();
  sections(b)[2]["pages"][2]["items"] = json::array();
  sections(b)[3]["pages"] = json::array();
  const auto p = fixture::problems(b);
  CHECK(fixture::has(p, "content.page.empty at /questionnaire/sections/2/pages/2/items"));
  CHECK(fixture::has(p, "content.section.empty at /questionnaire/sections/3/pages"));
  json c = fixture::bundle();
  sections(c)[0]["items"] = json::array();
  CHECK(fixture::has(fixture::problems(c),
                     "content.field.unknown at /questionnaire/sections/0/items"));
}

TEST_CASE("page ids are unique and distinct from item ids", "[content][questionnaire]") {
  json b = fixture::bundle();
  sections(b)[2]["pages"][2]["id"] = "pain_screen";
  sections(b)[0]["pages"][0]["id"] = "units";
  const auto p = fixture::problems(b);
  CHECK(fixture::has(p, "content.id.duplicate at /questionnaire/sections/2/pages/2/id"));
  CHECK(fixture::has(p, "content.id.duplicate at /questionnaire/sections/0/pages/0/id"));
}

TEST_CASE("a section, page or item rule may read only items on earlier pages",
          "[content][questionnaire]") {
  json b = fixture::bundle();
  sections(b)[2]["enableWhen"] = {{"var", "has_pain"}};           // its own first page
  sections(b)[2]["pages"][1]["enableWhen"] = {{"var", "where"}};  // its own item
  sections(b)[4]["pages"][0]["items"][1]["enableWhen"] = {{"var", "weekly_now"}};  // same page
  sections(b)[2]["pages"][0]["items"][0]["enableWhen"] = {{"var", "change_pct"}};  // a later one
  CHECK(fixture::problems(b) ==
        std::vector<std::string>{
            "content.ref.forward at /questionnaire/sections/2/enableWhen",
            "content.ref.forward at /questionnaire/sections/2/pages/1/enableWhen",
            "content.ref.forward at /questionnaire/sections/2/pages/0/items/0/enableWhen",
            "content.ref.forward at /questionnaire/sections/2/pages/0/items/0/enableWhen",
            "content.ref.forward at /questionnaire/sections/4/pages/0/items/1/enableWhen"});
}

TEST_CASE("a stop names a known care level and ends or notifies", "[content][questionnaire]") {
  json b = fixture::bundle();
  json& stops = b["questionnaire"]["stops"];
  stops[0]["level"] = "later";
  stops[1]["action"] = "pause";
  stops.push_back({{"id", "urgent"}, {"level", "soon"}, {"action", "notice"}});
  stops.push_back({{"id", "odd"},
                   {"level", "soon"},
                   {"when", {{"var", "nothing"}}},
                   {"action", "end"},
                   {"colour", "red"}});
  CHECK(fixture::problems(b) ==
        std::vector<std::string>{"content.ref.unknown at /questionnaire/stops/0/level",
                                 "content.stop.action at /questionnaire/stops/1/action",
                                 "content.id.duplicate at /questionnaire/stops/2/id",
                                 "content.field.missing at /questionnaire/stops/2/when",
                                 "content.field.unknown at /questionnaire/stops/3/colour",
                                 "content.ref.unknown at /questionnaire/stops/3/when"});
}

TEST_CASE("stops are optional", "[content][questionnaire]") {
  json b = fixture::bundle();
  b["questionnaire"].erase("stops");
  CHECK(fixture::problems(b).empty());
}

TEST_CASE("rules may read settings.mode and settings.lessons, and settings is reserved",
          "[content][questionnaire][settings]") {
  json b = fixture::bundle();
  sections(b)[4]["enableWhen"] = {{"var", "settings.lessons"}};
  CHECK(fixture::problems(b).empty());
  sections(b)[3]["enableWhen"] = {{"==", {{{"var", "settings.mode"}}, "slow"}}};
  b["calculations"].push_back({{"id", "settings"}, {"rule", true}});
  CHECK(fixture::problems(b) ==
        std::vector<std::string>{"content.id.reserved at /calculations/5/id",
                                 "content.ref.unknown at /questionnaire/sections/3/enableWhen/=="});
}

TEST_CASE("an item may not depend on an answer given later", "[content][questionnaire]") {
  json b = fixture::bundle();
  b["questionnaire"]["sections"][1]["pages"][0]["items"][0]["enableWhen"] = {{"var", "has_pain"}};
  REQUIRE(fixture::problems(b) ==
          std::vector<std::string>{
              "content.ref.forward at /questionnaire/sections/1/pages/0/items/0/enableWhen"});
}

TEST_CASE("an item's options, range and type are checked", "[content][questionnaire]") {
  json b = fixture::bundle();
  json& items = b["questionnaire"]["sections"][2]["pages"][1]["items"];
  items[0]["options"] = {{{"value", "front"}, {"label", "Front"}}};
  items[1]["max"] = 0;
  b["questionnaire"]["sections"][1]["pages"][0]["items"][0]["options"] = json::array();
  const auto p = fixture::problems(b);
  CHECK(
      fixture::has(p, "content.options.few at /questionnaire/sections/2/pages/1/items/0/options"));
  CHECK(fixture::has(p, "content.range at /questionnaire/sections/2/pages/1/items/1"));
  CHECK(fixture::has(p,
                     "content.field.unknown at /questionnaire/sections/1/pages/0/items/0/options"));
}
