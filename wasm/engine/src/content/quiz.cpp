// Reads quiz.json: the self-check quiz.
#include <set>

#include "../checker.hpp"

namespace hipcheck::loader {

void read_quiz(Loading& l) {
  if (!l.bundle.contains("quiz")) return;
  const json& quiz = l.at("quiz");
  if (!l.c.object(quiz, "/quiz", "the quiz")) return;
  l.c.allowed(quiz, "/quiz", {"title", "intro", "topics", "questions"});
  l.text_fields(quiz, "/quiz", {"title", "intro"});
  std::set<std::string> topics;
  if (const json* list = l.c.array(quiz, "/quiz", "topics")) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string path = pointer("/quiz/topics", i);
      const json& t = (*list)[i];
      if (!l.c.object(t, path, "a topic")) continue;
      l.c.allowed(t, path, {"id", "label", "lesson"});
      std::string tid, label, lesson;
      l.c.id(t, path, topics, tid);
      l.c.text(t, path, "label", label);
      l.text_fields(t, path, {"label"});
      if (l.c.text(t, path, "lesson", lesson))
        l.lessons_used.push_back({lesson, pointer(path, "lesson")});
    }
  }
  const json* list = l.c.array(quiz, "/quiz", "questions");
  if (!list) return;
  if (list->empty())
    l.c.fail("content.quiz.empty", "/quiz/questions", "the quiz needs at least one question");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = pointer("/quiz/questions", i);
    const json& q = (*list)[i];
    if (!l.c.object(q, path, "a question")) continue;
    l.c.allowed(q, path, {"id", "topic", "text", "options"});
    std::string qid, topic, text;
    l.c.id(q, path, seen, qid);
    l.c.text(q, path, "text", text);
    l.text_fields(q, path, {"text"});
    if (l.c.text(q, path, "topic", topic) && !topics.count(topic)) {
      l.c.fail("content.ref.unknown", pointer(path, "topic"),
               "unknown quiz topic \"" + topic + "\"");
    }
    const json* options = l.c.array(q, path, "options");
    if (!options) continue;
    int correct = 0;
    std::set<std::string> values;
    for (std::size_t o = 0; o < options->size(); ++o) {
      const std::string opath = pointer(pointer(path, "options"), o);
      const json& opt = (*options)[o];
      if (!l.c.object(opt, opath, "an option")) continue;
      l.c.allowed(opt, opath, {"value", "label", "correct", "feedback"});
      std::string value, label, feedback;
      bool is_correct = false;
      if (l.c.text(opt, opath, "value", value) && !values.insert(value).second) {
        l.c.fail("content.option.duplicate", pointer(opath, "value"),
                 "the value \"" + value + "\" is used twice");
      }
      l.c.text(opt, opath, "label", label);
      l.c.text(opt, opath, "feedback", feedback);
      l.text_fields(opt, opath, {"label", "feedback"});
      if (l.c.flag(opt, opath, "correct", is_correct) && is_correct) ++correct;
    }
    if (correct != 1)
      l.c.fail("content.quiz.correct", pointer(path, "options"),
               "exactly one option must be correct");
  }
}

}  // namespace hipcheck::loader
