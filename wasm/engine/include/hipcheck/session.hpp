// One runner's way through the questionnaire: answers in, the next page out.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hipcheck/content.hpp"

namespace hipcheck {

class Session {
 public:
  explicit Session(std::shared_ptr<const Content> content);

  // Clears every answer and moves to the first shown item.
  void start();

  // The page to show: {"status": "question", …} or {"status": "complete", …} (see wasm/README.md).
  json current() const;

  // Checks value against the item (type, options, range, step) and that the item is shown now;
  // stores it, drops the answers of items it hides and moves to the next shown item. On an error
  // nothing changes.
  std::optional<Error> answer(const std::string& item_id, const json& value);

  // Moves to the shown item before the current one.
  std::optional<Error> back();

  // Moves to a shown item (a "Change" link).
  std::optional<Error> go_to(const std::string& item_id);

  // Every shown, answered question with its answer as a runner reads it, by section.
  json review() const;

  bool complete() const;

  // The answers and every calculated value: the data every rule reads.
  const json& data() const { return data_; }

  // The runner's distance unit ("km", "mi") or "" when not chosen (or not asked).
  std::string distance_unit() const;

  const Content& content() const { return *content_; }
  const json& answers() const { return answers_; }

  // The versioned saved form of the session, and its restoration. restore() checks everything
  // first (format, version, content version, every answer, the cursor) and changes nothing on
  // error.
  json state() const;
  std::optional<Error> restore(const json& state);

 private:
  bool shown(std::size_t index) const { return visible_[index]; }
  // The index of a known, shown item, or answer.item.unknown / answer.item.hidden.
  std::optional<Error> find_shown(const std::string& item_id, std::size_t& index) const;
  void refresh();  // recomputes data_ and visible_ after the answers change
  void prune();    // drops the answers of hidden items until nothing changes
  std::optional<Error> check_value(const Item& item, const json& value) const;
  std::size_t first_unanswered() const;
  void settle();  // keeps the cursor on a shown item, or past the end when all is answered

  std::shared_ptr<const Content> content_;
  json answers_ = json::object();
  json data_;                  // answers_ with every calculated value
  std::vector<char> visible_;  // which items are shown for these answers (1 or 0)
  std::size_t cursor_ = 0;     // index of the item shown; items.size() when complete
};

// Evaluates the calculated values over answers (each null when it cannot be computed).
json with_calculations(const Content& content, const json& answers);

}  // namespace hipcheck
