// Source files and diagnostics for the IDL front end. Files live in an llvm::SourceMgr, so a
// location is an llvm::SMLoc and every message prints as `file:line:col: error: [id] text` with
// the source line and a caret. What can be reported is the table in diagnostics.def (diag::k*).
#ifndef FDFKIT_MIGRATE_IDL_DIAGNOSTICS_H_
#define FDFKIT_MIGRATE_IDL_DIAGNOSTICS_H_

#include <llvm/Support/SourceMgr.h>
#include <llvm/Support/raw_ostream.h>

#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostic.h"

namespace fdfkit::idl {

namespace diag {
#define FDFKIT_DIAGNOSTIC_PREFIX "FDFIDL"
#define FDFKIT_DIAGNOSTIC_TABLE "migrate/idl/diagnostics.def"
#include "support/diagnostic_table.inc"
}  // namespace diag

// A diagnostic reported at a place in the sources.
struct Diagnostic {
  const support::DiagnosticInfo* info = nullptr;
  llvm::SMLoc loc;
  std::string message;
  bool is_error() const { return info->severity == support::Severity::kError; }
};

class SourceFiles {
 public:
  // Loads `path`; false, with the reason (the system's words) in `error`, if it cannot be read.
  bool AddFile(const std::string& path, std::string* error);
  // Adds in-memory text (tests, fuzzing).
  unsigned AddBuffer(std::string_view text, const std::string& name);
  llvm::SourceMgr& manager() { return manager_; }
  std::string_view Text(unsigned buffer_id) const;
  std::string_view Name(unsigned buffer_id) const;
  unsigned count() const { return manager_.getNumBuffers(); }
  // 1-based line and column.
  std::pair<unsigned, unsigned> LineAndColumn(llvm::SMLoc loc) const;
  std::string_view FileOf(llvm::SMLoc loc) const;
  // File, line and column with one buffer lookup.
  struct Position {
    std::string_view file;
    unsigned line = 0;
    unsigned column = 0;
  };
  Position Locate(llvm::SMLoc loc) const;
  // `file:line:col`, as diagnostics and reports name a place.
  std::string Where(llvm::SMLoc loc) const;

 private:
  llvm::SourceMgr manager_;
};

class Reporter {
 public:
  explicit Reporter(SourceFiles* files) : files_(files) {}
  // Reports row `def` of the table (diagnostics.def) at `loc`, its holes filled by `args`.
  template <typename... Args>
  void Report(const support::DiagnosticDef<Args...>& def, llvm::SMLoc loc,
              const std::type_identity_t<Args>&... args) {
    Add({&def.info(), loc, def.Format(args...)});
  }
  void Add(Diagnostic diagnostic);
  bool has_errors() const { return errors_ > 0; }
  size_t error_count() const { return errors_; }
  SourceFiles* files() const { return files_; }
  // "file:line:col" of `loc`, for messages that point at a second place.
  std::string Where(llvm::SMLoc loc) const;
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  // Each as `file:line:col: error: [FDFIDLnnn] message` (or `warning:`), source line, caret.
  void Print(llvm::raw_ostream& out) const;
  // `file:line:col: [FDFIDLnnn] message`, one per line, for tests.
  std::string Summary() const;
  // The codes reported, in order ("FDFIDL003"), for tests that check diagnostics by id.
  std::vector<std::string> Codes() const;

 private:
  SourceFiles* files_;
  std::vector<Diagnostic> diagnostics_;
  size_t errors_ = 0;
};

}  // namespace fdfkit::idl

#endif  // FDFKIT_MIGRATE_IDL_DIAGNOSTICS_H_
