// Reads slides.json: the presenter's slides (the anatomy lessons and the four causes), each with
// speaker notes for the educator. The engine only checks the file; the web page shows it.
#include <set>

#include "../checker.hpp"

namespace hipcheck::loader {

namespace {

void text_list(Loading& l, const json& obj, const std::string& path, const char* key,
               bool required) {
  const json* list = l.c.array(obj, path, key, required);
  if (!list) return;
  if (list->empty()) l.c.fail("content.slides.empty", pointer(path, key), "the list is empty");
  for (std::size_t i = 0; i < list->size(); ++i) {
    if (!(*list)[i].is_string() || (*list)[i].get<std::string>().empty())
      l.c.fail("content.type", pointer(pointer(path, key), i), "a text is expected");
  }
}

}  // namespace

void read_slides(Loading& l) {
  if (!l.bundle.contains("slides")) return;
  const json& file = l.at("slides");
  if (!l.c.object(file, "/slides", "the slides")) return;
  l.c.allowed(file, "/slides", {"title", "intro", "decks"});
  std::string title;
  l.c.text(file, "/slides", "title", title);
  std::string intro;
  l.c.text(file, "/slides", "intro", intro, false);
  const json* decks = l.c.array(file, "/slides", "decks");
  if (!decks) return;
  if (decks->empty()) l.c.fail("content.slides.empty", "/slides/decks", "no decks");
  std::set<std::string> deck_ids, slide_ids;
  for (std::size_t d = 0; d < decks->size(); ++d) {
    const std::string dpath = pointer("/slides/decks", d);
    const json& deck = (*decks)[d];
    if (!l.c.object(deck, dpath, "a deck")) continue;
    l.c.allowed(deck, dpath, {"id", "title", "slides"});
    std::string did, dtitle;
    l.c.id(deck, dpath, deck_ids, did);
    l.c.text(deck, dpath, "title", dtitle);
    const json* slides = l.c.array(deck, dpath, "slides");
    if (!slides) continue;
    if (slides->empty()) l.c.fail("content.slides.empty", pointer(dpath, "slides"), "no slides");
    for (std::size_t i = 0; i < slides->size(); ++i) {
      const std::string path = pointer(pointer(dpath, "slides"), i);
      const json& slide = (*slides)[i];
      if (!l.c.object(slide, path, "a slide")) continue;
      l.c.allowed(slide, path, {"id", "title", "body", "structures", "cause", "notes"});
      std::string sid, stitle, cause;
      l.c.id(slide, path, slide_ids, sid);
      l.c.text(slide, path, "title", stitle);
      text_list(l, slide, path, "body", true);
      text_list(l, slide, path, "notes", true);
      if (l.c.text(slide, path, "cause", cause, false)) {
        bool known = false;
        for (const auto& c : kCauses) known = known || c == cause;
        if (!known)
          l.c.fail("content.ref.unknown", pointer(path, "cause"), "unknown cause \"" + cause + "\"");
      }
      if (const json* list = l.c.array(slide, path, "structures", false)) {
        PendingRefs refs{{}, pointer(path, "structures"), "structure"};
        for (std::size_t s = 0; s < list->size(); ++s) {
          if ((*list)[s].is_string()) refs.ids.push_back((*list)[s].get<std::string>());
          else l.c.fail("content.type", pointer(refs.path, s), "a structure id is expected");
        }
        l.refs.push_back(std::move(refs));
      }
    }
  }
}

}  // namespace hipcheck::loader
