// How answers and numbers read in the product's texts, and {{placeholder}} filling.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "hipcheck/content.hpp"

namespace hipcheck {

// A number as a runner reads it: rounded to one decimal, without a trailing ".0", with the
// locale's decimal mark (30.5 in English, 30,5 in Spanish).
std::string format_number(double value, char decimal = '.');

// The content locale's decimal mark: ',' for Spanish, '.' otherwise.
char decimal_mark(const Content& content);

// An answer as a runner reads it ("Yes", "Front of the hip, Groin", "25 km", "Not sure").
std::string display_answer(const Content& content, const Item& item, const json& value,
                           const std::string& distance_unit);

// The ids named by {{id}} placeholders in text, in order.
std::vector<std::string> placeholders(const std::string& text);

// Replaces each {{id}} with lookup(id).
std::string fill(const std::string& text,
                 const std::function<std::string(const std::string&)>& lookup);

}  // namespace hipcheck
