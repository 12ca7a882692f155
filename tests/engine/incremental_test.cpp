// Issue 11: a change re-evaluates only the rules that read what changed. Two sessions on the real
// content take the same moves, one updated incrementally and one re-evaluating every rule on every
// change (Session::set_full_refresh): after every move their data, state, page and review, and in
// the end their result, are byte-identical. Over every scenario, then over random moves with a
// fixed seed (answers, back, goTo, configure, proceed, restore, start).
#include <dirent.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "../fuzz/session_common.hpp"
#include "hipcheck/assess.hpp"
#include "hipcheck/session.hpp"

using hipcheck::json;
using hipcheck::Session;

namespace {

using fuzz::real_content;

// Both sessions, the same moves.
struct Pair {
  Session incremental{real_content()};
  Session full{real_content()};

  Pair() {
    full.set_full_refresh(true);
    full.start();
  }

  // Everything a runner or a rule can see, as text.
  static std::string seen(const Session& s) {
    return s.data().dump() + "\n" + s.state().dump() + "\n" + s.current().dump() + "\n" +
           s.review().dump();
  }

  void same(const std::string& move) const {
    INFO("after " << move);
    REQUIRE(seen(incremental) == seen(full));
  }

  void same_result() const {
    REQUIRE(hipcheck::assess(incremental).dump() == hipcheck::assess(full).dump());
  }
};

std::string error_text(const std::vector<hipcheck::Error>& errors) {
  return errors.empty() ? "" : errors[0].id + " " + errors[0].path;
}

std::string error_text(const std::optional<hipcheck::Error>& error) {
  return error ? error->id + " " + error->path : "";
}

std::vector<std::string> scenario_files() {
  std::vector<std::string> files;
  const std::string folder = HIPCHECK_SOURCE_DIR "/tests/scenarios/";
  if (DIR* dir = opendir(folder.c_str())) {
    while (const dirent* entry = readdir(dir)) {
      const std::string name = entry->d_name;
      if (name.size() > 5 && name.substr(name.size() - 5) == ".json")
        files.push_back(folder + name);
    }
    closedir(dir);
  }
  std::sort(files.begin(), files.end());
  return files;
}

json read_json(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  hipcheck::ParseResult parsed = hipcheck::parse_json(text.str());
  REQUIRE(parsed.ok);
  return std::move(parsed.value);
}

// A value for an item: usually one of its own, sometimes not (then both refuse it alike).
json value_for(const hipcheck::Item& item, std::mt19937& rng) {
  std::uniform_int_distribution<int> pick(0, 99);
  const int r = pick(rng);
  if (r == 0) return "nonsense";
  switch (item.type) {
    case hipcheck::ItemType::YesNo:
      return r % 3 == 0;
    case hipcheck::ItemType::Single:
      return item.options[static_cast<std::size_t>(r) % item.options.size()].value;
    case hipcheck::ItemType::Multiple: {
      json out = json::array();
      for (std::size_t o = 0; o < item.options.size(); ++o) {
        if ((r >> (o % 6)) & 1 || out.empty()) out.push_back(item.options[o].value);
        if (item.options[o].exclusive) break;
      }
      return out;
    }
    case hipcheck::ItemType::Number:
    case hipcheck::ItemType::Scale: {
      if (item.not_sure && r % 7 == 0) return "not-sure";
      const double steps = (item.max - item.min) / item.step;
      return item.min + item.step * std::floor(steps * (r % 50) / 49.0);
    }
    case hipcheck::ItemType::Lesson:
      break;
  }
  return true;
}

}  // namespace

TEST_CASE("an incremental update equals a full re-evaluation over every scenario",
          "[session][incremental]") {
  const auto files = scenario_files();
  REQUIRE(files.size() >= 16);
  for (const std::string& file : files) {
    INFO("scenario " << file);
    const json scenario = read_json(file);
    const json& answers = scenario["answers"];
    const json settings = scenario.value("settings", json::object());
    const std::string choice = scenario.value("stopChoice", "continue");
    Pair pair;
    REQUIRE(error_text(pair.incremental.start(settings)) == error_text(pair.full.start(settings)));
    pair.same("start");
    for (int guard = 0; guard < 200; ++guard) {
      const json page = pair.incremental.current();
      if (page["status"] == "notice") {
        REQUIRE(error_text(pair.incremental.proceed(choice)) ==
                error_text(pair.full.proceed(choice)));
        pair.same("proceed");
        continue;
      }
      if (page["status"] != "question") break;
      json reply = json::object();
      bool covered = true;
      if (page["page"]["lesson"] != true) {
        for (const auto& item : page["page"]["items"]) {
          const std::string id = item["id"];
          if (!answers.contains(id))
            covered = false;
          else
            reply[id] = answers[id];
        }
      }
      if (!covered) break;
      const std::string id = page["page"]["id"];
      const auto errors = pair.incremental.answer(id, reply);
      REQUIRE(errors.empty());
      REQUIRE(pair.full.answer(id, reply).empty());
      pair.same("answering " + id);
    }
    // Back through every page, and a change link to each answered item.
    for (int step = 0; step < 60; ++step) {
      const auto a = pair.incremental.back();
      REQUIRE(error_text(a) == error_text(pair.full.back()));
      pair.same("back");
      if (a) break;
    }
    for (auto it = answers.begin(); it != answers.end(); ++it) {
      REQUIRE(error_text(pair.incremental.go_to(it.key())) ==
              error_text(pair.full.go_to(it.key())));
      pair.same("goTo " + it.key());
    }
    pair.same_result();
  }
}

TEST_CASE("an incremental update equals a full re-evaluation over random moves",
          "[session][incremental]") {
  const auto content = real_content();
  std::mt19937 rng(20261126);
  std::uniform_int_distribution<int> move(0, 99);
  for (int run = 0; run < 40; ++run) {
    Pair pair;
    json saved = pair.incremental.state();
    for (int step = 0; step < 60; ++step) {
      const json page = pair.incremental.current();
      const int m = move(rng);
      std::string what;
      if (m < 60 && page["status"] == "question") {
        json reply = json::object();
        for (const auto& item : page["page"]["items"]) {
          const hipcheck::Item* it = content->item(item["id"].get<std::string>());
          if (it->type != hipcheck::ItemType::Lesson) reply[it->id] = value_for(*it, rng);
        }
        const std::string id = page["page"]["id"];
        what = "answering " + id + " with " + reply.dump();
        REQUIRE(error_text(pair.incremental.answer(id, reply)) ==
                error_text(pair.full.answer(id, reply)));
      } else if (m < 68) {
        const std::string choice = m % 2 ? "continue" : "finish";
        what = "proceed " + choice;
        REQUIRE(error_text(pair.incremental.proceed(choice)) ==
                error_text(pair.full.proceed(choice)));
      } else if (m < 78) {
        what = "back";
        REQUIRE(error_text(pair.incremental.back()) == error_text(pair.full.back()));
      } else if (m < 86) {
        const std::string id =
            m % 2
                ? content->pages[static_cast<std::size_t>(m * 7 + step) % content->pages.size()].id
                : content->items[static_cast<std::size_t>(m * 5 + step) % content->items.size()].id;
        what = "goTo " + id;
        REQUIRE(error_text(pair.incremental.go_to(id)) == error_text(pair.full.go_to(id)));
      } else if (m < 92) {
        const json settings = {{"lessons", m % 2 == 0}, {"mode", m % 3 ? "full" : "quick"}};
        what = "configure " + settings.dump();
        REQUIRE(error_text(pair.incremental.configure(settings)) ==
                error_text(pair.full.configure(settings)));
      } else if (m < 97) {
        what = "restore " + saved.dump();
        REQUIRE(error_text(pair.incremental.restore(saved)) ==
                error_text(pair.full.restore(saved)));
      } else {
        what = "start";
        REQUIRE(error_text(pair.incremental.start({{"mode", m % 2 ? "full" : "quick"}})) ==
                error_text(pair.full.start({{"mode", m % 2 ? "full" : "quick"}})));
      }
      INFO("run " << run << " step " << step);
      pair.same(what);
      if (m % 4 == 0) saved = pair.incremental.state();
    }
    pair.same_result();
  }
}
