// Diagnostics that point into text files (support/source_file.h): `file:line:col: error: [ID]
// message`, then the source line and a caret under the column, as fidlc prints them. Each tool
// declares its rows in its own table (support/diagnostic.h) and collects them here.
#ifndef FDFKIT_SUPPORT_LOCATED_DIAGNOSTICS_H_
#define FDFKIT_SUPPORT_LOCATED_DIAGNOSTICS_H_

#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostic.h"
#include "support/source_file.h"

namespace fdfkit::support {

struct LocatedDiagnostic : Diagnostic {
  std::string tool;      // who reports, for a diagnostic with no file: "fdf-bindc"
  std::string file;      // "" when no file is concerned
  int line = 0;          // 0 when the whole file is meant
  int column = 0;
  std::string excerpt;   // the source line and a caret under the column, or ""
  // "file:line:col: error: [FDFBIND005] expected ';', found '}'" (+ excerpt lines)
  std::string Text() const;
  // The first line of Text(), for tests.
  std::string Summary() const;
};

class Diagnostics {
 public:
  // `tool` names the reporter of diagnostics about no file ("fdf-bindc: error: ...").
  explicit Diagnostics(std::string tool = "") : tool_(std::move(tool)) {}

  template <typename... Args>
  void Report(const DiagnosticDef<Args...>& def, const SourceFile& file, size_t offset,
              const std::type_identity_t<Args>&... args) {
    AddAt(Make(def, args...), file, offset);
  }
  // About a file as a whole (or no file, when `file` is empty).
  template <typename... Args>
  void ReportFile(const DiagnosticDef<Args...>& def, std::string file,
                  const std::type_identity_t<Args>&... args) {
    Add({Make(def, args...), tool_, std::move(file), 0, 0, ""});
  }
  void Add(LocatedDiagnostic diagnostic);
  void AddAt(Diagnostic diagnostic, const SourceFile& file, size_t offset);

  bool has_errors() const { return errors_ > 0; }
  size_t error_count() const { return errors_; }
  const std::vector<LocatedDiagnostic>& all() const { return all_; }
  // Every diagnostic's Text(), in order.
  std::string Text() const;
  // One Summary() per line, for tests.
  std::string Summary() const;

 private:
  std::string tool_;
  std::vector<LocatedDiagnostic> all_;
  size_t errors_ = 0;
};

}  // namespace fdfkit::support

#endif  // FDFKIT_SUPPORT_LOCATED_DIAGNOSTICS_H_
