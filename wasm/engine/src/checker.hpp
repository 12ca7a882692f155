// What the content loader's readers share (internal to the engine; see content.cpp for the order
// they run in). Each file of the bundle has its reader in src/content/<file>.cpp; all of them
// record problems through one Checker and leave rules, texts and references that name other files
// in a Loading, to be checked once every file is read.
#pragma once

#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "hipcheck/content.hpp"
#include "hipcheck/logic.hpp"

namespace hipcheck::loader {

inline const std::vector<std::string> kLevels = {"emergency", "urgent", "soon", "selfcare"};
inline const std::vector<std::string> kCauses = {"overuse", "footwear", "form", "imbalance"};

// An id starts with a-z and uses only a-z, 0-9 and _.
bool valid_id(const std::string& s);

// Reads typed fields out of the bundle, recording a problem (with its JSON pointer) for each one
// that is missing or of the wrong type, so that every problem is reported in one pass.
class Checker {
 public:
  std::vector<Error> errors;

  void fail(const std::string& id, const std::string& path, const std::string& message);
  // The field, or null (a content.field.missing problem when required).
  const json* field(const json& obj, const std::string& path, const char* key, bool required);
  bool text(const json& obj, const std::string& path, const char* key, std::string& out,
            bool required = true);
  bool number(const json& obj, const std::string& path, const char* key, double& out,
              bool required = true);
  bool integer(const json& obj, const std::string& path, const char* key, int& out, int lo, int hi);
  bool flag(const json& obj, const std::string& path, const char* key, bool& out);
  const json* array(const json& obj, const std::string& path, const char* key,
                    bool required = true);
  bool object(const json& value, const std::string& path, const char* what);
  // Reports every field of obj not in keys.
  void allowed(const json& obj, const std::string& path, std::initializer_list<const char*> keys);
  // An id field: present, well formed, and unique within `seen`.
  bool id(const json& obj, const std::string& path, std::set<std::string>& seen, std::string& out);
};

// Where a rule or text was found, to check it once every id is known.
struct PendingRule {
  json rule;
  std::string path;
  bool sound = false;     // check_rules found no problem in it
  logic::Rule compiled;   // when sound: compiled once, for the worst-case budget and the model
};
struct PendingText {
  std::string text;
  std::string path;
};
struct PendingRefs {
  std::vector<std::string> ids;
  std::string path;
  const char* kind;  // "source", "structure", …
};

// One load: the bundle, the model being built, the problems found so far, and what is left to
// check across files.
struct Loading {
  explicit Loading(const json& b) : bundle(b) {}

  const json& bundle;
  json* owned = nullptr;  // the bundle itself when the caller gave it up: moved into the content
  std::string version;    // the bundle's checked stamp: its version without hashing it again
  Content content;
  Checker c;
  std::set<std::string> names;       // items and calculations
  std::set<std::string> structures;  // anatomy ids
  std::set<std::string> page_ids;
  std::vector<Calculation> calcs;  // in file order
  std::map<std::string, std::string> calc_paths;
  std::vector<std::string> ordered;
  std::vector<std::string> item_paths;  // where each item, page and section was written
  std::vector<std::string> page_paths;
  std::vector<std::string> section_paths;
  std::vector<PendingRule> rules;
  std::vector<PendingText> texts;
  std::vector<PendingRefs> refs;
  std::vector<std::pair<std::string, std::string>> names_used;    // (name, path)
  std::vector<std::pair<std::string, std::string>> lessons_used;  // (lesson id, path)
  std::pair<std::string, std::string> distance_unit;              // (item id, path)

  // A file of the bundle (null when missing).
  const json& at(const char* file) const;
  // Reads a rule field into out and keeps it to check once every name is known.
  void rule(const json& obj, const std::string& path, const char* key, json& out, bool required);
  // Reads a "sources" list (into out when given) and keeps its ids to check.
  void sources_of(const json& obj, const std::string& path, std::vector<std::string>* out,
                  bool required);
  // Keeps the text fields among keys to check their {{placeholders}}.
  void text_fields(const json& obj, const std::string& path,
                   std::initializer_list<const char*> keys);
  // An item, a calculation or the reserved "settings".
  bool known_name(const std::string& name) const;
  // "settings" may not be an item's or a calculation's id.
  void reserved(const std::string& name, const std::string& path);
  // The items a rule reads, directly or through calculations, in questionnaire order.
  std::vector<std::string> items_read(const json& rule) const;
};

// The readers, one per file, in src/content/; each records its problems in l.c.
void read_sources(Loading& l);        // sources.cpp
void read_anatomy(Loading& l);        // sources.cpp
void read_meta(Loading& l);           // meta.cpp
void read_questionnaire(Loading& l);  // questionnaire.cpp
void read_calculations(Loading& l);   // calculations.cpp
void read_care(Loading& l);           // care.cpp
void read_causes(Loading& l);         // causes.cpp
void read_tips(Loading& l);           // tips.cpp
void read_plan(Loading& l);           // plan.cpp
void read_quiz(Loading& l);           // quiz.cpp
void read_slides(Loading& l);         // slides.cpp: the presenter's slides and notes
// Once every file is read:
void order_calculations(Loading& l);  // calculations.cpp: each after what it reads; cycles
void check_page_order(Loading& l);    // questionnaire.cpp: rules read only earlier pages

}  // namespace hipcheck::loader
