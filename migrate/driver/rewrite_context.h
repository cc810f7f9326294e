// What every rewrite works with: the mappings, the mode, and where its results go — text edits
// (EditSet) and what it left for a human, as a warning at the place it would have rewritten.
#ifndef FDFKIT_MIGRATE_DRIVER_REWRITE_CONTEXT_H_
#define FDFKIT_MIGRATE_DRIVER_REWRITE_CONTEXT_H_

#include <clang/Basic/SourceManager.h>

#include <set>
#include <string>
#include <tuple>

#include "migrate/driver/edit_set.h"
#include "migrate/driver/mapping_index.h"
#include "support/located_diagnostics.h"

namespace fdfkit::driver_migration {

enum class Mode {
  kReplace,  // the driver moves to the driver transport
  kDual,     // it keeps banjo and adds the driver transport through the generated shims
};

class RewriteContext {
 public:
  RewriteContext(const MappingIndex& mappings, Mode mode, EditSet* edits,
                 support::Diagnostics* diagnostics)
      : mappings_(mappings), mode_(mode), edits_(edits), diagnostics_(diagnostics) {}

  const MappingIndex& mappings() const { return mappings_; }
  Mode mode() const { return mode_; }
  // The working directory of the TU being processed (relative paths in the compile database
  // are relative to it).
  void set_working_directory(std::string directory) { working_directory_ = std::move(directory); }

  // Replaces `range` (plain file text) with `text`.
  void Replace(const clang::SourceManager& sm, clang::CharSourceRange range,
               const std::string& text);

  // Leaves the code at `location` for a human, saying why.
  template <typename... Args>
  void Leave(const clang::SourceManager& sm, clang::SourceLocation location,
             const support::DiagnosticDef<Args...>& def,
             const std::type_identity_t<Args>&... args) {
    LeaveAt(sm, location, support::Make(def, args...));
  }
  size_t left_for_human() const { return left_; }

 private:
  void LeaveAt(const clang::SourceManager& sm, clang::SourceLocation location,
               support::Diagnostic diagnostic);
  std::string AbsolutePath(llvm::StringRef path) const;

  const MappingIndex& mappings_;
  Mode mode_;
  EditSet* edits_;
  support::Diagnostics* diagnostics_;
  std::string working_directory_;
  size_t left_ = 0;
  std::set<std::tuple<std::string, int, int, unsigned>> left_at_;  // each place and reason once
};

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_REWRITE_CONTEXT_H_
