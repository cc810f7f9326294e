#include "support/located_diagnostics.h"

namespace fdfkit::support {

std::string LocatedDiagnostic::Summary() const {
  std::string where = file.empty() ? tool : file;
  if (line > 0) where += ":" + std::to_string(line) + ":" + std::to_string(column);
  return (where.empty() ? "" : where + ": ") + Diagnostic::Text();
}

std::string LocatedDiagnostic::Text() const { return Summary() + "\n" + excerpt; }

void Diagnostics::Add(LocatedDiagnostic diagnostic) {
  if (diagnostic.is_error()) ++errors_;
  all_.push_back(std::move(diagnostic));
}

void Diagnostics::AddAt(Diagnostic diagnostic, const SourceFile& file, size_t offset) {
  SourceFile::Position position = file.Locate(offset);
  std::string_view line = file.Line(position.line);
  std::string excerpt = std::string(line) + "\n";
  // Tabs stay tabs under the caret so it lines up whatever the tab width.
  for (int i = 1; i < position.column && static_cast<size_t>(i - 1) < line.size(); ++i) {
    excerpt += line[static_cast<size_t>(i - 1)] == '\t' ? '\t' : ' ';
  }
  excerpt += "^\n";
  Add({std::move(diagnostic), tool_, file.name(), position.line, position.column, std::move(excerpt)});
}

std::string Diagnostics::Text() const {
  std::string out;
  for (const LocatedDiagnostic& d : all_) out += d.Text();
  return out;
}

std::string Diagnostics::Summary() const {
  std::string out;
  for (const LocatedDiagnostic& d : all_) out += d.Summary() + "\n";
  return out;
}

}  // namespace fdfkit::support
