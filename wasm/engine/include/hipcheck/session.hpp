// One runner's way through the questionnaire, page by page: answers in, the next page out.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "hipcheck/content.hpp"
#include "hipcheck/logic.hpp"

namespace hipcheck {

// The runner's settings as rules read them: {"mode": "full" | "quick", "lessons": bool}.
json default_settings();

// Applies a settings object (both keys optional) over base; settings.invalid (path /mode or
// /lessons) when it is not one.
std::optional<Error> merge_settings(const json& base, const json& changes, json& out);

class Session {
 public:
  explicit Session(std::shared_ptr<const Content> content);

  // Clears every answer, takes the settings and moves to the first shown page.
  std::optional<Error> start(const json& settings = json::object());

  // Changes settings mid-check; answers of items that become hidden are dropped.
  std::optional<Error> configure(const json& settings);

  // The page to show: question, notice, stopped or complete (see wasm/README.md), as JSON text
  // written directly (what Engine returns), and as a value (the CLI, the tests).
  std::string current_text() const;
  json current() const;

  // Answers a shown page: answers = {itemId: value} for each of its shown items (a lesson page:
  // {} or {lessonId: true}). Returns every problem found (each with the item in its path); on any
  // problem nothing changes. Then stores, drops hidden answers, applies the stops and moves on.
  std::vector<Error> answer(const std::string& page_id, const json& answers);

  // On a notice: "continue" goes on, "finish" ends the check. session.no-notice otherwise.
  std::optional<Error> proceed(const std::string& choice);

  // The shown page before the current one (from a notice or a stop: the page that raised it).
  std::optional<Error> back();

  // Moves to a shown page, given its id or the id of one of its items (a "Change" link).
  std::optional<Error> go_to(const std::string& id);

  // Every shown, answered question with its answer as a runner reads it, by section (text and
  // value, as current).
  std::string review_text() const;
  json review() const;

  // Every shown page is answered.
  bool complete() const;

  // The stop in force ({"id", "level"}) or null: an end stop whose rule holds, or a finished
  // notice.
  json stop() const;
  // The stop in force is an end stop.
  bool ended() const;

  // The answers, the settings and every calculated value: the data every rule reads.
  const json& data() const { return data_; }
  const json& settings() const { return settings_; }

  // The runner's distance unit ("km", "mi") or "" when not chosen (or not asked).
  std::string distance_unit() const;

  const Content& content() const { return *content_; }
  const json& answers() const { return answers_; }

  bool page_shown(std::size_t page) const { return page_visible_[page] != 0; }
  bool item_shown(std::size_t item) const { return item_visible_[item] != 0; }

  // The versioned saved form of the session, and its restoration. restore() checks everything
  // first (format, version, content version, settings, every answer page by page, the stops, the
  // cursor) and changes nothing on error.
  std::string state_text() const;
  json state() const;  // the same as a value
  std::optional<Error> restore(const json& state);

  // By default a change (an answer, settings, a restore) re-evaluates only the rules that read
  // what changed, through the content's dependency graph. With full set, every change re-evaluates
  // every calculation and rule, as the reference the incremental updates are tested against.
  void set_full_refresh(bool full) { full_refresh_ = full; }

 private:
  static constexpr std::size_t kEnd = static_cast<std::size_t>(-1);

  struct Graph;  // what each rule reads (session.cpp)

  // Where a content rule is, spelled out as a JSON pointer only for an error: collection/id/field.
  struct Where {
    const char* collection = nullptr;  // nullptr: "" (a rule evaluated outside the session's data)
    const std::string* id = nullptr;
    const char* field = nullptr;
  };

  // Recomputes data_ and what is shown after the answers or settings change: only the rules that
  // read a changed name (an item id, "settings", a calculation whose value changed), unless
  // full_refresh_ or all.
  void refresh(const std::vector<std::string>& changed, bool all = false);
  void show();  // what is shown, from the rules' results (evaluating those not known)
  // Evaluates one content rule (where names it, as a path, for a logic.budget error): within its
  // own budget and, during an operation, the operation's shared budget; running out of that
  // records overrun_, and the operation (done on a copy) then changes nothing.
  logic::Outcome evaluate(const logic::Rule& rule, const json& data, const Where& where,
                          const logic::Index* index = nullptr) const;
  bool holds(const logic::Rule& rule, const json& data, const Where& where,
             const logic::Index* index = nullptr) const;
  // holds() over data_, remembered in known until a name the rule reads changes (-1: not known).
  bool holds_now(signed char& known, const logic::Rule& rule, const Where& where) const;
  json calculate(const json& data) const;  // data with every calculated value
  void store(std::size_t page, const json& answers);  // answer() once the answers are checked
  void prune();    // drops the answers of hidden items until nothing changes
  std::optional<Error> check_value(const Item& item, const json& value) const;
  bool page_answered(std::size_t page) const;
  std::size_t first_unanswered() const;
  std::size_t next_shown(std::size_t page) const;  // the first shown page after page, or kEnd
  void settle();  // keeps the cursor on a shown page, or at the end
  // The first stop of the given action whose rule holds (acknowledged notices left out), or null.
  const Stop* holding(StopAction action, bool skip_acknowledged) const;
  bool acknowledged(const std::string& stop_id) const;
  // The first shown page whose answers (with those before it) make a stop's rule hold: where
  // `back` returns to from the stop.
  std::size_t raising_page(const std::string& stop_id) const;
  void unacknowledge(const std::string& stop_id);
  std::vector<Error> check_page(std::size_t page, const json& answers) const;
  void write_page(JsonWriter& w, std::size_t page) const;
  void write_progress(JsonWriter& w) const;
  bool can_go_back() const;

  std::shared_ptr<const Content> content_;
  json settings_;
  json answers_ = json::object();
  json data_;                       // answers_, settings_ and every calculated value
  // data_'s names, indexed for the rules holds_now evaluates; cleared before data_ changes (only
  // refresh() changes it) and built again when next needed. A copied session's index is empty.
  mutable logic::Index index_;
  std::vector<char> page_visible_;  // which pages are shown for these answers (1 or 0)
  std::vector<char> item_visible_;  // which items are shown (their section and page too)
  std::size_t cursor_ = 0;          // the page shown; kEnd when at the end (complete or stopped)
  std::string notice_;              // a notice waiting to be acknowledged
  std::string finished_;            // the notice on which the runner chose "finish"
  std::vector<std::string> acknowledged_;
  std::shared_ptr<const Graph> graph_;
  bool full_refresh_ = false;
  // The result of each section's, page's, item's and stop's rule over data_, or -1 when not known.
  std::vector<signed char> section_holds_, page_holds_, item_holds_;
  mutable std::vector<signed char> stop_holds_;
  mutable logic::Budget* budget_ = nullptr;  // the operation's shared budget (null between them)
  // During answer(): each answer store() and prune() change, with what it was (discarded: none).
  std::vector<std::pair<std::string, json>>* undo_ = nullptr;
  mutable std::optional<Error> overrun_;      // the first rule that ran out of it
};


}  // namespace hipcheck
