// Reads meta.json: the content's id, title, locale, labels, review record and severity names.

#include "../checker.hpp"

namespace hipcheck::loader {

void read_meta(Loading& l) {
  const json& meta = l.at("meta");
  if (!l.c.object(meta, "/meta", "meta")) return;
  l.c.allowed(meta, "/meta",
              {"schemaVersion", "locale", "id", "title", "reviewed", "disclaimer", "severity",
               "distanceUnit", "labels"});
  int version = 0;
  if (l.c.integer(meta, "/meta", "schemaVersion", version, 1, 1000) && version != 1) {
    l.c.fail("content.schema.version", "/meta/schemaVersion",
             "this engine reads schema version 1, not " + std::to_string(version));
  }
  l.c.text(meta, "/meta", "locale", l.content.locale);
  l.c.text(meta, "/meta", "id", l.content.id);
  l.c.text(meta, "/meta", "title", l.content.title);
  std::string disclaimer;
  l.c.text(meta, "/meta", "disclaimer", disclaimer);
  l.text_fields(meta, "/meta", {"disclaimer", "title"});
  if (const json* r = l.c.field(meta, "/meta", "reviewed", true);
      r && l.c.object(*r, "/meta/reviewed", "reviewed")) {
    l.c.allowed(*r, "/meta/reviewed", {"by", "role", "date", "note"});
    std::string by, role, date;
    l.c.text(*r, "/meta/reviewed", "by", by);
    l.c.text(*r, "/meta/reviewed", "role", role);
    l.c.text(*r, "/meta/reviewed", "date", date, false);
  }
  if (const json* s = l.c.field(meta, "/meta", "severity", false);
      s && l.c.object(*s, "/meta/severity", "severity")) {
    l.c.allowed(*s, "/meta/severity", {"score", "substantial"});
    for (const char* key : {"score", "substantial"}) {
      std::string name;
      if (l.c.text(*s, "/meta/severity", key, name))
        l.names_used.push_back({name, pointer("/meta/severity", key)});
    }
  }
  std::string unit_item;
  if (l.c.text(meta, "/meta", "distanceUnit", unit_item, false))
    l.distance_unit = {unit_item, "/meta/distanceUnit"};
  if (const json* labels = l.c.field(meta, "/meta", "labels", true);
      labels && l.c.object(*labels, "/meta/labels", "labels")) {
    std::string s;
    for (const char* key : {"yes", "no", "notSure", "notGiven"})
      l.c.text(*labels, "/meta/labels", key, s);
    if (const json* u = l.c.field(*labels, "/meta/labels", "units", true);
        u && l.c.object(*u, "/meta/labels/units", "units")) {
      for (const auto& [unit, name] : u->items()) {
        if (!name.is_string())
          l.c.fail("content.type", pointer("/meta/labels/units", unit),
                   "a unit label must be a text");
      }
    }
  }
}

}  // namespace hipcheck::loader
