// sources.json and anatomy.json (src/content/sources.cpp).
#include <catch2/catch.hpp>

#include "fixture.hpp"

using hipcheck::json;

TEST_CASE("a source has a title, a publisher, a year and an https link", "[content][sources]") {
  json b = fixture::bundle();
  b["sources"][0]["url"] = "http://example.org";
  b["sources"][0]["year"] = 1800;
  b["sources"][1].erase("publisher");
  CHECK(fixture::problems(b) ==
        std::vector<std::string>{"content.range at /sources/0/year",
                                 "content.url at /sources/0/url",
                                 "content.field.missing at /sources/1/publisher"});
}

TEST_CASE("anatomy structures have unique ids, a name and a description", "[content][sources]") {
  json b = fixture::bundle();
  b["anatomy"].push_back({{"id", "femoral_head"}, {"name", "Again"}});
  CHECK(fixture::problems(b) ==
        std::vector<std::string>{"content.id.duplicate at /anatomy/1/id",
                                 "content.field.missing at /anatomy/1/description"});
}
