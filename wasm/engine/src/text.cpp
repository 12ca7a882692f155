#include "hipcheck/text.hpp"

#include <cmath>

#include "hipcheck/number.hpp"

namespace hipcheck {

std::string format_number(double value, char decimal) {
  if (!std::isfinite(value)) return "";
  double rounded = std::round(value * 10.0) / 10.0;
  if (rounded == 0.0) rounded = 0.0;  // no "-0"
  std::string out = write_fixed(rounded, std::fabs(rounded - std::round(rounded)) < 1e-9 ? 0 : 1);
  if (decimal != '.') {
    for (char& c : out) {
      if (c == '.') c = decimal;
    }
  }
  return out;
}

char decimal_mark(const Content& content) {
  return content.locale.rfind("es", 0) == 0 ? ',' : '.';
}

namespace {

std::string label(const json& labels, const char* key, const char* fallback) {
  if (labels.is_object() && labels.contains(key) && labels[key].is_string()) {
    return labels[key].get<std::string>();
  }
  return fallback;
}

std::string option_label(const Item& item, const json& value) {
  for (const auto& option : item.options) {
    if (option.value == value) return option.label;
  }
  return value.is_string() ? value.get<std::string>() : to_text(value);
}

}  // namespace

std::string display_answer(const Content& content, const Item& item, const json& value,
                           const std::string& distance_unit) {
  const json& labels = content.meta().contains("labels") ? content.meta()["labels"] : json();
  if (value.is_null()) return label(labels, "notGiven", "not given");
  switch (item.type) {
    case ItemType::YesNo:
      return value.is_boolean() && value.get<bool>() ? label(labels, "yes", "Yes")
                                                     : label(labels, "no", "No");
    case ItemType::Single:
      return option_label(item, value);
    case ItemType::Multiple: {
      std::string out;
      if (!value.is_array()) return option_label(item, value);
      for (const auto& v : value) {
        if (!out.empty()) out += ", ";
        out += option_label(item, v);
      }
      return out;
    }
    case ItemType::Number:
    case ItemType::Scale: {
      if (value.is_string()) return label(labels, "notSure", "Not sure");
      if (!value.is_number()) return to_text(value);
      const char decimal = decimal_mark(content);
      std::string out = format_number(value.get<double>(), decimal);
      std::string unit = item.unit == "distance" ? distance_unit : item.unit;
      if (item.type == ItemType::Scale) {
        out += " / " + format_number(item.max, decimal);
      } else if (!unit.empty()) {
        const json units =
            labels.is_object() && labels.contains("units") ? labels["units"] : json();
        out += " " + label(units, unit.c_str(), unit.c_str());
      }
      return out;
    }
    case ItemType::Lesson:
      return "";
  }
  return "";
}

std::vector<std::string> placeholders(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while ((at = text.find("{{", at)) != std::string::npos) {
    const auto end = text.find("}}", at + 2);
    if (end == std::string::npos) break;
    out.push_back(text.substr(at + 2, end - at - 2));
    at = end + 2;
  }
  return out;
}

std::string fill(const std::string& text,
                 const std::function<std::string(const std::string&)>& lookup) {
  std::string out;
  std::size_t at = 0;
  while (true) {
    const auto open = text.find("{{", at);
    const auto close = open == std::string::npos ? open : text.find("}}", open + 2);
    if (close == std::string::npos) break;
    out.append(text, at, open - at);
    out += lookup(text.substr(open + 2, close - open - 2));
    at = close + 2;
  }
  out.append(text, at, std::string::npos);
  return out;
}

}  // namespace hipcheck
