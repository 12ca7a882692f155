// tips.json (src/content/tips.cpp).
#include <catch2/catch.hpp>

#include "fixture.hpp"

using hipcheck::json;

TEST_CASE("a tip names a known group, a bounded priority and its sources", "[content][tips]") {
  json b = fixture::bundle();
  b["tips"]["tips"][0]["group"] = "shoes";
  b["tips"]["tips"][1]["priority"] = 0;
  b["tips"]["tips"][2]["id"] = "rest_first";
  b["tips"]["groups"].push_back({{"id", "overuse"}, {"label", "Again"}});
  CHECK(fixture::problems(b) ==
        std::vector<std::string>{"content.id.duplicate at /tips/groups/2/id",
                                 "content.ref.unknown at /tips/tips/0/group",
                                 "content.range at /tips/tips/1/priority",
                                 "content.id.duplicate at /tips/tips/2/id"});
}
