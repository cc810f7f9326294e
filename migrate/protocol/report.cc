#include "migrate/protocol/report.h"

namespace fdfkit::protocol {
namespace {

using Json = nlohmann::ordered_json;

std::string Markdown(const Translation& t) {
  std::string out = "# Migration of `" + t.library + "`\n\nSource: `" + t.source + "`. Output: `" +
                    t.new_library + ".fidl` and `" + t.new_library + ".mapping.json`.\n";
  for (Note::Kind kind : {Note::Kind::kChange, Note::Kind::kDecision}) {
    out += kind == Note::Kind::kChange ? "\n## Changes made\n\n" : "\n## Left to a human\n\n";
    size_t count = 0;
    for (const Note& note : t.notes) {
      if (note.kind != kind) continue;
      out += "- `" + note.where + "`: " + note.text + "\n";
      ++count;
    }
    if (count == 0) out += "None.\n";
  }
  return out;
}

Json JsonReport(const Translation& t) {
  Json changes = Json::array(), decisions = Json::array();
  for (const Note& note : t.notes) {
    (note.kind == Note::Kind::kChange ? changes : decisions)
        .push_back({{"where", note.where}, {"text", note.text}});
  }
  return {{"schema", "fdfkit-migration-report/1"}, {"library", t.library},
          {"new_library", t.new_library}, {"source", t.source}, {"changes", std::move(changes)},
          {"decisions", std::move(decisions)}};
}

}  // namespace

std::string DumpJson(const Json& json) {
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string ReportFileName(const Translation& translation, ReportFormat format) {
  return translation.new_library +
         (format == ReportFormat::kMarkdown ? ".migration.md" : ".migration.json");
}

std::string MigrationReport(const Translation& translation, ReportFormat format) {
  if (format == ReportFormat::kMarkdown) return Markdown(translation);
  return DumpJson(JsonReport(translation));
}

}  // namespace fdfkit::protocol
