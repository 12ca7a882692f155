// The result: care level, ranked causes, ranked tips, the return-to-running plan, and the quiz.
#pragma once

#include <optional>

#include "hipcheck/session.hpp"

namespace hipcheck {

// The result document of a session as JSON text (see wasm/README.md for its shape): what
// Engine::result returns, written directly.
std::string result_text(const Session& session);

// The same document as a value (the CLI's pretty print, the tests).
json assess(const Session& session);

// The return-to-running plan for a weekly distance and longest run (null when not given), in the
// runner's unit. Exposed for tests: weekly increases never exceed `weekly_increase`.
json plan_weeks(double weekly, const json& longest, double start_fraction, int weeks,
                double weekly_increase, double longest_increase);

// The self-check quiz as the page shows it (without which option is correct).
json quiz(const Content& content);

// Scores quiz answers ({questionId: optionValue}); unanswered questions count as not yet right.
// An unknown question or option is an error. As JSON text (what Engine returns; "" on an error)
// and as a value (null on an error).
std::string score_quiz_text(const Content& content, const json& answers,
                            std::optional<Error>& error);
json score_quiz(const Content& content, const json& answers, std::optional<Error>& error);

}  // namespace hipcheck
