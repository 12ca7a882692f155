// Rules once, words per locale. The content lives as content/rules/*.json (everything but the
// words) and content/<locale>/words.json ({"id.path": text}); the bundle the engine loads is the
// two merged. The same definition of a word field is in scripts/content/words.mjs; see
// content/README.md ("Locales").
#pragma once

#include <string>
#include <vector>

#include "hipcheck/json.hpp"

namespace hipcheck {

// Whether `key` of an object at `trail` (the object keys and element ids from the file's root)
// in content file `file` is a word field.
bool is_word_field(const std::string& file, const std::vector<std::string>& trail,
                   const std::string& key);

// The bundle without its words (and without meta.locale and ui): what the content version
// hashes, so that every locale of the same rules has the same version.
json strip_words(const json& bundle);

// Every word field found in rules (a word that belongs in words.json), as content.words.in-rules.
std::vector<Error> words_in_rules(const json& rules);

// Merges a locale's words into the rules (in place). `label` names the words file in messages.
// When `reference` (the English words) is given, the words must have exactly its keys with the
// same placeholders ({{id}} and {name}): content.words.missing, content.words.orphaned,
// content.words.placeholder, each with the word's id path as its path. A key that does not lead
// to a word field of the rules is content.words.orphaned too; a value that is not text,
// content.words.type.
std::vector<Error> merge_words(json& rules, const json& words, const json* reference,
                               const std::string& label);

}  // namespace hipcheck
