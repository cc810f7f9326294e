// The bind tools' diagnostics: the table of everything they report (diagnostics.def, expanded as
// diag::k<Name>) and a collector. A diagnostic points into a source file (file:line:col, printed
// with the source line and a caret, as fidlc does), at a place in a JSON test spec (file and JSON
// path, inside the message), or at a whole file.
#ifndef FDFKIT_RUNTIME_DRIVER_BIND_DIAGNOSTICS_H_
#define FDFKIT_RUNTIME_DRIVER_BIND_DIAGNOSTICS_H_

#include <string>
#include <string_view>
#include <vector>

#include "runtime/driver/bind/source_file.h"
#include "support/diagnostic.h"

namespace fdfkit::bind {

namespace diag {
#define FDFKIT_DIAGNOSTIC_PREFIX "FDFBIND"
#define FDFKIT_DIAGNOSTIC_TABLE "runtime/driver/bind/diagnostics.def"
#include "support/diagnostic_table.inc"
}  // namespace diag

struct LocatedDiagnostic : support::Diagnostic {
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
  template <typename... Args>
  void Report(const support::DiagnosticDef<Args...>& def, const SourceFile& file, size_t offset,
              const std::type_identity_t<Args>&... args) {
    AddAt(support::Make(def, args...), file, offset);
  }
  // About a file as a whole (or no file, when `file` is empty).
  template <typename... Args>
  void ReportFile(const support::DiagnosticDef<Args...>& def, std::string file,
                  const std::type_identity_t<Args>&... args) {
    Add({support::Make(def, args...), std::move(file), 0, 0, ""});
  }
  void Add(LocatedDiagnostic diagnostic);
  void AddAt(support::Diagnostic diagnostic, const SourceFile& file, size_t offset);

  bool has_errors() const { return errors_ > 0; }
  size_t error_count() const { return errors_; }
  const std::vector<LocatedDiagnostic>& all() const { return all_; }
  // Every diagnostic's Text(), in order.
  std::string Text() const;
  // One Summary() per line, for tests.
  std::string Summary() const;

 private:
  std::vector<LocatedDiagnostic> all_;
  size_t errors_ = 0;
};

}  // namespace fdfkit::bind

#endif  // FDFKIT_RUNTIME_DRIVER_BIND_DIAGNOSTICS_H_
