#include "hipcheck/assess.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "hipcheck/logic.hpp"
#include "hipcheck/text.hpp"

namespace hipcheck {

namespace {

bool holds(const json& rule, const json& data) {
  const auto outcome = logic::apply(rule, data);
  return outcome.ok && logic::truthy(outcome.value);
}

// A content rule, compiled at load.
bool holds(const logic::Rule& rule, const json& data) {
  logic::Budget budget;
  const auto outcome = rule.apply(data, budget);
  return outcome.ok && logic::truthy(outcome.value);
}

// A cause or a tip as written into the result, with the score it is ranked by.
struct Ranked {
  std::string id;
  int score = 0;
  std::string text;  // its JSON
};

// Highest score first; equal scores keep their order. An insertion sort: the lists are a few
// dozen long, and it is far smaller in the wasm module than std::stable_sort.
void by_score(std::vector<Ranked>& list) {
  for (std::size_t i = 1; i < list.size(); ++i) {
    for (std::size_t j = i; j > 0 && list[j].score > list[j - 1].score; --j) {
      std::swap(list[j], list[j - 1]);
    }
  }
}

std::string list_text(const std::vector<Ranked>& list) {
  JsonWriter w;
  w.open_array();
  for (const Ranked& r : list) w.raw(r.text);
  return std::move(w.close_array().out);
}

void texts(JsonWriter& w, const std::vector<std::string>& list) {
  w.open_array();
  for (const auto& t : list) w.text(t);
  w.close_array();
}

// Rounds down to a half unit (26 or 26.5, never 26.2), so a rounded week never rises above the
// unrounded one.
double floor_half(double x) { return std::floor(x * 2.0 + 1e-9) / 2.0; }

// The return-to-running plan, week by week (see plan_weeks).
struct Week {
  int week = 0;
  double distance = 0;
  bool has_longest = false;
  double longest = 0;  // when has_longest
};
struct Plan {
  double start = 0, target = 0;
  std::vector<Week> weeks;
};

Plan plan_of(double weekly, const json& longest, double start_fraction, int weeks,
             double weekly_increase, double longest_increase) {
  // The plan starts at a share of the base week (the week before a jump, chosen by the content)
  // and climbs back by at most `weekly_increase` a week, never above the base. Distances are
  // rounded down to halves. When the increase is under half a unit (a small week), the week stays
  // where it is once and then climbs by half a unit, so a 3.5 km week still returns to 5 km:
  // 3.5, 3.5, 4, 4, 4.5 … (at most a half unit every two weeks).
  Plan plan;
  const double base = floor_half(weekly);
  const double start = std::min(base, floor_half(weekly * start_fraction));
  plan.start = start;
  plan.target = base;
  double distance = start;
  bool held = false;  // the week before stayed where it was
  // The long run keeps the share of the week it had before, never rises more than
  // `longest_increase` over the longest run of the four weeks before, and never goes above the
  // base long run.
  const bool has_longest = longest.is_number();
  const double long_base = has_longest ? floor_half(longest.get<double>()) : 0;
  const double share = has_longest ? std::min(1.0, longest.get<double>() / weekly) : 0;
  std::vector<double> longs = {long_base};  // [0]: before the plan
  for (int week = 1; week <= weeks; ++week) {
    if (week > 1) {
      const double before = distance;
      distance = std::min(base, floor_half(distance * (1 + weekly_increase)));
      if (distance == before && held) distance = std::min(base, distance + 0.5);
      held = distance == before;
    }
    Week row{week, distance, has_longest, 0};
    if (has_longest) {
      const auto from = longs.size() > 4 ? longs.end() - 4 : longs.begin();
      const double recent = *std::max_element(from, longs.end());
      longs.push_back(std::min(
          {floor_half(recent * (1 + longest_increase)), floor_half(share * distance), long_base}));
      row.longest = longs.back();
    }
    plan.weeks.push_back(row);
  }
  return plan;
}

// The result is written as text directly (members in key order, as a json object prints them);
// only the severity is built as a value (the plan is worked out as plain structs: plan_of).
class Assessor {
 public:
  explicit Assessor(const Session& session)
      : s_(session), c_(session.content()), data_(session.data()), unit_(session.distance_unit()) {}

  std::string run() {
    // Worked out in the order the sources are cited (care, causes, tips, plan), then written.
    const json stop = s_.stop();
    const std::string care_text = care(stop);
    std::string causes_text = "[]", tips_text = "[]", plan_text = "null", severity_text = "null";
    if (!s_.ended()) {  // an end stop (an emergency): what to do now and why, and nothing else
      const std::vector<Ranked> causes = ranked_causes();
      causes_text = list_text(causes);
      tips_text = tips(causes);
      plan_text = plan();
      severity_text = to_text(severity());
    }
    JsonWriter w;
    w.open_object().key("care").raw(care_text).key("causes").raw(causes_text);
    w.key("complete").value(s_.complete());
    w.key("content").open_object().key("id").text(c_.id).key("version").text(c_.version);
    w.close_object().key("disclaimer").value(c_.meta()["disclaimer"]);
    w.key("format").text("hipcheck.result").key("plan").raw(plan_text);
    w.key("reviewed").value(c_.meta()["reviewed"]).key("severity").raw(severity_text);
    w.key("sources").open_array();
    for (const auto& id : cited_) w.value(c_.sources.at(id));
    w.close_array();
    if (!stop.is_null()) w.key("stop").value(stop);
    w.key("tips").raw(tips_text).key("version").number(1).close_object();
    return std::move(w.out);
  }

 private:
  // A value of the data (an answer or a calculated value), or null when it has none.
  json value(const std::string& name) const { return data_.contains(name) ? data_[name] : json(); }

  std::string display(const std::string& name) const {
    const json v = value(name);
    if (const Item* item = c_.item(name)) return display_answer(c_, *item, v, unit_);
    if (v.is_number()) return format_number(v.get<double>(), decimal_mark(c_));
    if (v.is_string()) return v.get<std::string>();
    Item as;  // a calculated true/false reads like a yes/no answer
    as.type = v.is_boolean() ? ItemType::YesNo : ItemType::Lesson;
    return display_answer(c_, as, v.is_boolean() ? v : json(), unit_);
  }

  std::string fill_in(const std::string& text) const {
    return fill(text, [this](const std::string& name) { return display(name); });
  }

  const std::vector<std::string>& cite(const std::vector<std::string>& ids) {
    for (const auto& id : ids) {
      if (std::find(cited_.begin(), cited_.end(), id) == cited_.end()) cited_.push_back(id);
    }
    return ids;
  }

  std::string care(const json& stop) {
    std::size_t level = c_.levels.size() - 1;  // selfcare
    JsonWriter flags;
    flags.open_array();
    // Most urgent flags first; the content's order within a level.
    for (std::size_t l = 0; l < c_.levels.size(); ++l) {
      for (const auto& flag : c_.flags) {
        if (flag.level != c_.levels[l] || !holds(flag.compiled, data_)) continue;
        level = std::min(level, l);
        flags.open_object().key("id").text(flag.id).key("level").text(flag.level);
        flags.key("reason").text(fill_in(flag.reason)).key("sources");
        texts(flags, cite(flag.sources));
        flags.close_object();
      }
    }
    flags.close_array();
    // A stop in force makes the level at least its own (content keeps the two in step).
    if (!stop.is_null()) {
      const auto at =
          std::find(c_.levels.begin(), c_.levels.end(), stop["level"].get<std::string>());
      if (at != c_.levels.end())
        level = std::min(level, static_cast<std::size_t>(at - c_.levels.begin()));
    }
    const json& info = c_.bundle["care"]["levels"][level];
    JsonWriter w;
    w.open_object().key("action").value(info["action"]).key("flags").raw(flags.out);
    w.key("level").text(c_.levels[level]).key("title").value(info["title"]);
    return std::move(w.key("where").value(info["where"]).close_object().out);
  }

  std::vector<Ranked> ranked_causes() {
    std::vector<Ranked> causes;
    for (const auto& cause : c_.causes) {
      int score = 0;
      JsonWriter factors;
      factors.open_array();
      for (const auto& factor : cause.factors) {
        if (!holds(factor.compiled, data_)) continue;
        score += factor.points;
        factors.open_object().key("answers").open_array();
        for (const auto& name : factor.items) {
          if (!s_.answers().contains(name)) continue;
          factors.open_object().key("display").text(display(name)).key("item").text(name);
          factors.key("question").value(c_.item(name)->source["text"]).close_object();
        }
        factors.close_array().key("id").text(factor.id).key("points").number(factor.points);
        factors.key("reason").text(fill_in(factor.reason)).close_object();
      }
      factors.close_array();
      score = std::min(score, 100);
      const char* level = score >= c_.high_threshold   ? "high"
                          : score >= c_.some_threshold ? "some"
                                                       : "low";
      JsonWriter w;
      w.open_object().key("factors").raw(factors.out).key("id").text(cause.id);
      w.key("label").text(cause.label).key("level").text(level).key("score").number(score);
      w.key("summary").text(cause.summary).close_object();
      causes.push_back({cause.id, score, std::move(w.out)});
    }
    by_score(causes);
    return causes;
  }

  std::string tips(const std::vector<Ranked>& causes) {
    std::vector<Ranked> tips;
    for (const auto& tip : c_.tips) {
      if (!holds(tip.compiled, data_)) continue;
      int score = tip.priority;
      for (const Ranked& cause : causes) {
        if (cause.id == tip.group) score += cause.score;
      }
      JsonWriter w;
      w.open_object().key("because").text(fill_in(tip.because)).key("group").text(tip.group);
      w.key("groupLabel").text(c_.group_labels.at(tip.group)).key("id").text(tip.id);
      w.key("score").number(score).key("sources");
      texts(w, cite(tip.sources));
      w.key("text").text(fill_in(tip.text)).close_object();
      tips.push_back({tip.id, score, std::move(w.out)});
    }
    by_score(tips);
    return list_text(tips);
  }

  std::string plan() {
    const json& p = c_.bundle["plan"];
    const json weekly = value(p["weeklyDistance"]);
    // Under half a unit rounds down to nothing: no plan (and no long run) to give.
    if (!weekly.is_number() || !(weekly.get<double>() >= 0.5) || !holds(p["when"], data_))
      return "null";
    json longest = value(p["longestRun"]);
    if (!longest.is_number() || !(longest.get<double>() >= 0.5)) longest = nullptr;
    const auto fraction = logic::apply(p["startFraction"], data_);
    double f = fraction.ok && fraction.value.is_number() ? fraction.value.get<double>() : 1.0;
    f = std::clamp(std::isfinite(f) ? f : 1.0, 0.1, 1.0);
    const Plan plan = plan_of(weekly.get<double>(), longest, f, p["weeks"].get<int>(),
                              p["weeklyIncrease"].get<double>(), p["longestRunIncrease"].get<double>());
    const bool walk = p.contains("walkRun") && holds(p["walkRun"]["when"], data_);
    const int walk_weeks = walk ? p["walkRun"]["weeks"].get<int>() : 0;
    JsonWriter w;
    w.open_object().key("caveat").text(fill_in(p["caveat"])).key("intro").text(fill_in(p["intro"]));
    w.key("sources");
    texts(w, cite(p["sources"].get<std::vector<std::string>>()));
    w.key("start").value(plan.start).key("stopRule").text(fill_in(p["stopRule"]));
    w.key("target").value(plan.target).key("title").text(fill_in(p["title"]));
    w.key("unit").text(unit_).key("walkRun");
    if (walk) {
      w.open_object().key("text").text(fill_in(p["walkRun"]["text"]));
      w.key("weeks").number(walk_weeks).close_object();
    } else {
      w.raw("null");
    }
    w.key("weeks").open_array();
    for (const Week& week : plan.weeks) {
      w.open_object().key("distance").value(week.distance).key("longestRun");
      week.has_longest ? w.value(week.longest) : w.raw("null");
      w.key("walkRun").value(week.week <= walk_weeks).key("week").number(week.week);
      w.close_object();
    }
    return std::move(w.close_array().close_object().out);
  }

  json severity() const {
    const json& meta = c_.meta();
    if (!meta.contains("severity")) return nullptr;
    const json score = value(meta["severity"]["score"]);
    const json substantial = value(meta["severity"]["substantial"]);
    if (!score.is_number()) return nullptr;
    return {{"score", score}, {"substantial", logic::truthy(substantial)}};
  }

  const Session& s_;
  const Content& c_;
  const json data_;
  const std::string unit_;
  std::vector<std::string> cited_;
};

}  // namespace

json plan_weeks(double weekly, const json& longest, double start_fraction, int weeks,
                double weekly_increase, double longest_increase) {
  const Plan plan =
      plan_of(weekly, longest, start_fraction, weeks, weekly_increase, longest_increase);
  json list = json::array();
  for (const Week& week : plan.weeks) {
    list.push_back({{"week", week.week},
                    {"distance", week.distance},
                    {"longestRun", week.has_longest ? json(week.longest) : json()}});
  }
  return {{"start", plan.start}, {"target", plan.target}, {"weeks", std::move(list)}};
}

std::string result_text(const Session& session) { return Assessor(session).run(); }

json assess(const Session& session) { return parse_json(result_text(session)).value; }

json quiz(const Content& content) {
  if (!content.bundle.contains("quiz"))
    return {{"questions", json::array()}, {"topics", json::array()}};
  json q = content.bundle["quiz"];
  for (auto& question : q["questions"]) {
    for (auto& option : question["options"]) {
      option.erase("correct");
      option.erase("feedback");
    }
  }
  return q;
}

std::string score_quiz_text(const Content& content, const json& answers,
                            std::optional<Error>& error) {
  static const json none;
  const json* q = content.bundle.contains("quiz") ? &content.bundle["quiz"] : &none;
  const json& questions = q->contains("questions") ? (*q)["questions"] : none;
  if (!answers.is_object()) {
    error = Error{"quiz.malformed", "Quiz answers must map each question to an option.", ""};
    return "";
  }
  for (auto entry = answers.begin(); entry != answers.end(); ++entry) {
    const std::string& id = entry.key();
    const json& value = entry.value();
    const auto it = std::find_if(questions.begin(), questions.end(),
                                 [&](const json& x) { return x["id"] == id; });
    if (it == questions.end()) {
      error = Error{"quiz.question.unknown", "There is no quiz question \"" + id + "\".",
                    pointer("", id)};
      return "";
    }
    const json& options = (*it)["options"];
    if (std::none_of(options.begin(), options.end(),
                     [&](const json& o) { return o["value"] == value; })) {
      error = Error{"quiz.option.unknown", "Choose one of the options shown.", pointer("", id)};
      return "";
    }
  }
  int right = 0;
  JsonWriter w;
  w.open_object().key("questions").open_array();
  std::vector<std::string> revisit;
  for (const auto& question : questions) {
    const std::string id = question["id"];
    const json chosen = answers.contains(id) ? answers[id] : json();
    json correct_value, feedback;
    for (const auto& option : question["options"]) {
      if (option["correct"] == true) correct_value = option["value"];
      if (option["value"] == chosen) feedback = option["feedback"];
    }
    const bool ok = !chosen.is_null() && chosen == correct_value;
    right += ok ? 1 : 0;
    const std::string topic = question["topic"];
    if (!ok && std::find(revisit.begin(), revisit.end(), topic) == revisit.end())
      revisit.push_back(topic);
    w.open_object().key("chosen").value(chosen).key("correct").value(ok);
    w.key("correctValue").value(correct_value).key("feedback").value(feedback);
    w.key("id").text(id).close_object();
  }
  w.close_array().key("revisit").open_array();
  if (q->contains("topics")) {
    for (const auto& t : (*q)["topics"]) {
      if (std::find(revisit.begin(), revisit.end(), t["id"].get<std::string>()) != revisit.end())
        w.value(t);
    }
  }
  w.close_array().key("score").number(right);
  w.key("total").number(static_cast<long>(questions.size()));
  return std::move(w.close_object().out);
}

json score_quiz(const Content& content, const json& answers, std::optional<Error>& error) {
  const std::string text = score_quiz_text(content, answers, error);
  return error ? json() : parse_json(text).value;
}

}  // namespace hipcheck
