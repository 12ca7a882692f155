// meta.json (src/content/meta.cpp).
#include <catch2/catch.hpp>

#include "fixture.hpp"

using hipcheck::json;

TEST_CASE("a wrong schema version is reported", "[content][meta]") {
  json b = fixture::bundle();
  b["meta"]["schemaVersion"] = 2;
  CHECK(fixture::problems(b) ==
        std::vector<std::string>{"content.schema.version at /meta/schemaVersion"});
}

TEST_CASE("the distance unit names a single-choice item", "[content][meta]") {
  json b = fixture::bundle();
  b["meta"]["distanceUnit"] = "fall";
  CHECK(fixture::problems(b) ==
        std::vector<std::string>{"content.unit.distance at /meta/distanceUnit"});
  b["meta"]["distanceUnit"] = "unit";
  CHECK(fixture::problems(b) ==
        std::vector<std::string>{"content.ref.unknown at /meta/distanceUnit"});
}

TEST_CASE("labels and severity names are checked", "[content][meta]") {
  json b = fixture::bundle();
  b["meta"]["labels"]["units"]["km"] = 1;
  b["meta"]["severity"]["score"] = "sevérité";
  CHECK(fixture::problems(b) ==
        std::vector<std::string>{"content.type at /meta/labels/units/km",
                                 "content.ref.unknown at /meta/severity/score"});
}
