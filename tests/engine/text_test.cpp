// How numbers and answers read in the product's texts: one decimal at most, and the content
// locale's decimal mark (a Spanish page says 30,5 km, an English one 30.5 km).
#include <catch2/catch.hpp>

#include "hipcheck/content.hpp"
#include "hipcheck/text.hpp"

using hipcheck::json;

TEST_CASE("numbers read with one decimal at most and the locale's decimal mark", "[text]") {
  CHECK(hipcheck::format_number(30.54) == "30.5");
  CHECK(hipcheck::format_number(30.54, ',') == "30,5");
  CHECK(hipcheck::format_number(48.0, ',') == "48");
  CHECK(hipcheck::format_number(-0.04) == "0");
  CHECK(hipcheck::format_number(1e300 * 1e300).empty());

  hipcheck::Content content;
  content.locale = "es";
  CHECK(hipcheck::decimal_mark(content) == ',');
  content.locale = "es-MX";
  CHECK(hipcheck::decimal_mark(content) == ',');
  content.locale = "en";
  CHECK(hipcheck::decimal_mark(content) == '.');
}

TEST_CASE("a number answer in Spanish content reads with a decimal comma", "[text]") {
  hipcheck::Content content;
  content.bundle = {{"meta", {{"labels", {{"units", {{"km", "km"}}}}}}}};
  content.locale = "es";
  hipcheck::Item item;
  item.type = hipcheck::ItemType::Number;
  item.unit = "distance";
  CHECK(hipcheck::display_answer(content, item, json(30.5), "km") == "30,5 km");
  content.locale = "en";
  CHECK(hipcheck::display_answer(content, item, json(30.5), "km") == "30.5 km");
}
