#include "checker.hpp"

#include <algorithm>
#include <cmath>

#include "hipcheck/logic.hpp"

namespace hipcheck::loader {

bool valid_id(const std::string& s) {
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

void Checker::fail(const std::string& id, const std::string& path, const std::string& message) {
  errors.push_back(Error{id, message, path});
}

const json* Checker::field(const json& obj, const std::string& path, const char* key,
                           bool required) {
  if (obj.is_object() && obj.contains(key)) return &obj[key];
  if (required)
    fail("content.field.missing", pointer(path, key), std::string("\"") + key + "\" is required");
  return nullptr;
}

bool Checker::text(const json& obj, const std::string& path, const char* key, std::string& out,
                   bool required) {
  const json* v = field(obj, path, key, required);
  if (!v) return false;
  if (!v->is_string() || (required && v->get<std::string>().empty())) {
    fail("content.type", pointer(path, key),
         std::string("\"") + key + "\" must be a non-empty text");
    return false;
  }
  out = v->get<std::string>();
  return true;
}

bool Checker::number(const json& obj, const std::string& path, const char* key, double& out,
                     bool required) {
  const json* v = field(obj, path, key, required);
  if (!v) return false;
  if (!v->is_number()) {
    fail("content.type", pointer(path, key), std::string("\"") + key + "\" must be a number");
    return false;
  }
  out = v->get<double>();
  return true;
}

bool Checker::integer(const json& obj, const std::string& path, const char* key, int& out, int lo,
                      int hi) {
  double v = 0;
  if (!number(obj, path, key, v)) return false;
  if (v != std::floor(v) || v < lo || v > hi) {
    fail("content.range", pointer(path, key),
         std::string("\"") + key + "\" must be a whole number from " + std::to_string(lo) + " to " +
             std::to_string(hi));
    return false;
  }
  out = static_cast<int>(v);
  return true;
}

bool Checker::flag(const json& obj, const std::string& path, const char* key, bool& out) {
  const json* v = field(obj, path, key, false);
  if (!v) return false;
  if (!v->is_boolean()) {
    fail("content.type", pointer(path, key), std::string("\"") + key + "\" must be true or false");
    return false;
  }
  out = v->get<bool>();
  return true;
}

const json* Checker::array(const json& obj, const std::string& path, const char* key,
                           bool required) {
  const json* v = field(obj, path, key, required);
  if (v && !v->is_array()) {
    fail("content.type", pointer(path, key), std::string("\"") + key + "\" must be a list");
    return nullptr;
  }
  return v;
}

bool Checker::object(const json& value, const std::string& path, const char* what) {
  if (value.is_object()) return true;
  fail("content.type", path, std::string(what) + " must be an object");
  return false;
}

void Checker::allowed(const json& obj, const std::string& path,
                      std::initializer_list<const char*> keys) {
  if (!obj.is_object()) return;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& key = it.key();
    if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; })) {
      fail("content.field.unknown", pointer(path, key), "unknown field \"" + key + "\"");
    }
  }
}

// An id field: present, well formed, and unique within `seen`.
bool Checker::id(const json& obj, const std::string& path, std::set<std::string>& seen,
                 std::string& out) {
  if (!text(obj, path, "id", out)) return false;
  if (!valid_id(out)) {
    fail("content.id.invalid", pointer(path, "id"),
         "id \"" + out + "\" must start with a-z and use only a-z, 0-9 and _");
    return false;
  }
  if (!seen.insert(out).second) {
    fail("content.id.duplicate", pointer(path, "id"), "id \"" + out + "\" is used twice");
    return false;
  }
  return true;
}

const json& Loading::at(const char* file) const {
  static const json empty;
  return bundle.contains(file) ? bundle[file] : empty;
}

void Loading::rule(const json& obj, const std::string& path, const char* key, json& out,
                   bool required) {
  const json* r = c.field(obj, path, key, required);
  if (!r) return;
  out = *r;
  rules.push_back({*r, pointer(path, key), false, {}});
}

void Loading::sources_of(const json& obj, const std::string& path, std::vector<std::string>* out,
                         bool required) {
  const json* list = c.array(obj, path, "sources", required);
  if (!list) return;
  if (required && list->empty())
    c.fail("content.source.none", pointer(path, "sources"), "give at least one source");
  PendingRefs pending{{}, pointer(path, "sources"), "source"};
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& s = (*list)[i];
    if (!s.is_string()) {
      c.fail("content.type", pointer(pending.path, i), "a source id must be a text");
      continue;
    }
    pending.ids.push_back(s.get<std::string>());
    if (out) out->push_back(s.get<std::string>());
  }
  refs.push_back(pending);
}

void Loading::text_fields(const json& obj, const std::string& path,
                          std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    if (obj.is_object() && obj.contains(key) && obj[key].is_string()) {
      texts.push_back({obj[key].get<std::string>(), pointer(path, key)});
    }
  }
}

bool Loading::known_name(const std::string& name) const {
  return names.count(name) > 0 || name == kSettings;
}

void Loading::reserved(const std::string& name, const std::string& path) {
  if (name == kSettings)
    c.fail("content.id.reserved", pointer(path, "id"),
           "\"settings\" is reserved for the runner's settings");
}

std::vector<std::string> Loading::items_read(const json& rule) const {
  std::set<std::string> seen;
  std::vector<std::string> todo = logic::variables(rule);
  while (!todo.empty()) {
    std::string name = todo.back();
    todo.pop_back();
    if (!seen.insert(name).second) continue;
    if (calc_paths.count(name)) {
      for (const auto& calc : calcs) {
        if (calc.id == name) {
          for (auto& n : logic::variables(calc.rule)) todo.push_back(n);
        }
      }
    }
  }
  std::vector<std::string> out;  // in questionnaire order
  for (const auto& item : content.items) {
    if (seen.count(item.id)) out.push_back(item.id);
  }
  return out;
}

}  // namespace hipcheck::loader
