#include "hipcheck/words.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "hipcheck/text.hpp"

namespace hipcheck {

namespace {

// The word fields of each content file (scripts/content/words.mjs holds the same lists).
const std::map<std::string, std::set<std::string>>& word_keys() {
  static const std::map<std::string, std::set<std::string>> keys = {
      {"questionnaire", {"title", "intro", "text", "help", "label", "body", "minLabel", "maxLabel"}},
      {"care", {"title", "action", "where", "reason"}},
      {"causes", {"label", "summary", "reason"}},
      {"tips", {"label", "text", "because"}},
      {"plan", {"title", "intro", "caveat", "stopRule", "text"}},
      {"quiz", {"title", "intro", "text", "label", "feedback"}},
      {"anatomy", {"name", "description"}},
      {"slides", {"title", "intro", "body", "notes"}},
      {"meta", {"title", "disclaimer", "by", "role"}},  // and meta.labels.*, meta.locale
  };
  return keys;
}

bool all_words(const std::string& file) { return file == "ui"; }

bool is_word_value(const json& v) {
  if (v.is_string()) return true;
  if (!v.is_array() || v.empty()) return false;
  return std::all_of(v.begin(), v.end(), [](const json& s) { return s.is_string(); });
}

// An array element's path segment: its "id", else its "value" (an option), else its index.
std::string segment_of(const json& element, std::size_t index) {
  if (element.is_object()) {
    const auto id = element.find("id");
    if (id != element.end() && id->is_string()) return id->get<std::string>();
    const auto value = element.find("value");
    if (value != element.end() && value->is_string()) return value->get<std::string>();
    if (value != element.end() && value->is_number_integer()) return std::to_string(value->get<long long>());
  }
  return std::to_string(index);
}

std::vector<std::string> split_path(const std::string& key) {
  std::vector<std::string> out;
  std::size_t at = 0;
  for (;;) {
    const auto dot = key.find('.', at);
    out.push_back(key.substr(at, dot == std::string::npos ? std::string::npos : dot - at));
    if (dot == std::string::npos) break;
    at = dot + 1;
  }
  return out;
}

// Removes (or reports) every word field under node.
void walk_words(json& node, const std::string& file, std::vector<std::string>& trail,
                const std::string& pointer_at, std::vector<Error>* found, bool remove) {
  if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      trail.push_back(segment_of(node[i], i));
      walk_words(node[i], file, trail, pointer_at + "/" + std::to_string(i), found, remove);
      trail.pop_back();
    }
    return;
  }
  if (!node.is_object()) return;
  std::vector<std::string> words;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (is_word_field(file, trail, it.key()) && is_word_value(it.value())) {
      words.push_back(it.key());
      continue;
    }
    trail.push_back(it.key());
    walk_words(it.value(), file, trail, pointer_at + "/" + it.key(), found, remove);
    trail.pop_back();
  }
  for (const auto& key : words) {
    if (found) {
      std::string id = file;
      for (const auto& s : trail) id += "." + s;
      found->push_back(Error{"content.words.in-rules",
                             "\"" + key + "\" is a word: it belongs in each locale's words.json as " +
                                 id + "." + key,
                             pointer_at + "/" + key});
    }
    if (remove) node.erase(key);
  }
}

std::set<std::string> placeholder_set(const json& value) {
  std::set<std::string> out;
  auto add = [&](const std::string& s) {
    for (const auto& p : placeholders(s)) out.insert("{{" + p + "}}");
    // {name}: the web page's own placeholders (ui.json)
    for (std::size_t at = 0; (at = s.find('{', at)) != std::string::npos; ++at) {
      if (at + 1 < s.size() && s[at + 1] == '{') {
        at = s.find("}}", at);
        if (at == std::string::npos) break;
        continue;
      }
      const auto end = s.find('}', at);
      if (end == std::string::npos) break;
      out.insert(s.substr(at, end - at + 1));
    }
  };
  if (value.is_string()) add(value.get<std::string>());
  if (value.is_array())
    for (const auto& s : value)
      if (s.is_string()) add(s.get<std::string>());
  return out;
}

std::string joined(const std::set<std::string>& s) {
  std::string out;
  for (const auto& p : s) out += (out.empty() ? "" : " ") + p;
  return out.empty() ? "none" : out;
}

}  // namespace

bool is_word_field(const std::string& file, const std::vector<std::string>& trail,
                   const std::string& key) {
  if (all_words(file)) return true;
  if (file == "meta" && ((!trail.empty() && trail[0] == "labels") || (trail.empty() && key == "locale")))
    return true;
  const auto it = word_keys().find(file);
  return it != word_keys().end() && it->second.count(key) > 0;
}

json strip_words(const json& bundle) {
  json out = bundle;
  if (!out.is_object()) return out;
  out.erase("ui");
  for (auto it = out.begin(); it != out.end(); ++it) {
    std::vector<std::string> trail;
    walk_words(it.value(), it.key(), trail, "/" + it.key(), nullptr, true);
  }
  return out;
}

std::vector<Error> words_in_rules(const json& rules) {
  std::vector<Error> found;
  if (!rules.is_object()) return found;
  for (auto it = rules.begin(); it != rules.end(); ++it) {
    if (all_words(it.key())) {
      found.push_back(Error{"content.words.in-rules",
                            it.key() + ".json is all words: it belongs in each locale's words.json",
                            "/" + it.key()});
      continue;
    }
    json copy = it.value();
    std::vector<std::string> trail;
    walk_words(copy, it.key(), trail, "/" + it.key(), &found, false);
  }
  return found;
}

std::vector<Error> merge_words(json& rules, const json& words, const json* reference,
                               const std::string& label) {
  std::vector<Error> errors;
  if (!words.is_object()) {
    errors.push_back(Error{"content.words.type", label + " must be an object of id paths and texts", ""});
    return errors;
  }
  if (reference && reference->is_object()) {
    for (auto it = reference->begin(); it != reference->end(); ++it) {
      if (!words.contains(it.key()))
        errors.push_back(Error{"content.words.missing", label + " has no text for " + it.key(), it.key()});
    }
  }
  for (auto it = words.begin(); it != words.end(); ++it) {
    const std::string& key = it.key();
    const json& value = it.value();
    if (!is_word_value(value)) {
      errors.push_back(Error{"content.words.type", "a word is a string or an array of strings", key});
      continue;
    }
    if (reference && reference->is_object()) {
      const auto ref = reference->find(key);
      if (ref == reference->end()) {
        errors.push_back(Error{"content.words.orphaned",
                               label + " has " + key + ", which the English words do not have", key});
        continue;
      }
      const auto want = placeholder_set(*ref), got = placeholder_set(value);
      if (want != got) {
        errors.push_back(Error{"content.words.placeholder",
                               "the placeholders are " + joined(got) + ", the English ones " + joined(want),
                               key});
      }
    }
    const auto segs = split_path(key);
    const std::string& file = segs[0];
    auto orphan = [&](const std::string& why) {
      errors.push_back(Error{"content.words.orphaned", label + ": " + key + " " + why, key});
    };
    if (segs.size() < 2) {
      orphan("names no field");
      continue;
    }
    if (all_words(file)) {
      if (!rules.contains(file) || !rules[file].is_object()) rules[file] = json::object();
      rules[file][key.substr(file.size() + 1)] = value;
      continue;
    }
    if (!rules.contains(file)) {
      orphan("names a file the rules do not have");
      continue;
    }
    json* node = &rules[file];
    std::vector<std::string> trail;
    bool found = true;
    for (std::size_t i = 1; i + 1 < segs.size() && found; ++i) {
      json* next = nullptr;
      if (node->is_array()) {
        for (std::size_t j = 0; j < node->size(); ++j) {
          if (segment_of((*node)[j], j) == segs[i]) {
            next = &(*node)[j];
            break;
          }
        }
      } else if (node->is_object() && node->contains(segs[i])) {
        next = &(*node)[segs[i]];
      }
      if (!next) found = false;
      node = next;
      trail.push_back(segs[i]);
    }
    if (!found) {
      orphan("leads to nothing in the rules (no \"" + trail.back() + "\")");
      continue;
    }
    const std::string& last = segs.back();
    if (!node->is_object() || !is_word_field(file, trail, last)) {
      orphan("is not a word field");
      continue;
    }
    (*node)[last] = value;
  }
  return errors;
}

}  // namespace hipcheck
