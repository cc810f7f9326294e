// The text edits one run collects over all its translation units, and the three ways they leave
// the tool: a unified diff (--dry-run), the files rewritten in place, each whole or not at all
// (--fix), or a YAML file clang-apply-replacements accepts (--export-fixes). An edit in a header
// arrives once per TU that includes it; identical edits count once.
#ifndef FDFKIT_MIGRATE_DRIVER_EDIT_SET_H_
#define FDFKIT_MIGRATE_DRIVER_EDIT_SET_H_

#include <clang/Tooling/Core/Replacement.h>

#include <map>
#include <ostream>
#include <set>
#include <string>

#include "support/located_diagnostics.h"

namespace fdfkit::driver_migration {

class EditSet {
 public:
  // `replacement`'s file path is absolute.
  void Add(const clang::tooling::Replacement& replacement);
  // Everything `other` collected (one translation unit's edits, once it compiled).
  void AddAll(const EditSet& other);
  // How many edits each file gets.
  std::map<std::string, size_t> CountByFile() const;

  // Each file's new text; false (with diagnostics) if a file cannot be read or its edits
  // overlap.
  bool Apply(std::map<std::string, std::string>* old_texts,
             std::map<std::string, std::string>* new_texts,
             support::Diagnostics* diagnostics) const;

  // The outputs. Each returns false after reporting what it could not do; --fix writes no file
  // unless every new text could be made.
  bool PrintDiff(std::ostream& out, support::Diagnostics* diagnostics) const;
  bool WriteFiles(support::Diagnostics* diagnostics) const;
  bool ExportFixes(const std::string& yaml_path, const std::string& main_file,
                   support::Diagnostics* diagnostics) const;

 private:
  std::map<std::string, std::set<clang::tooling::Replacement>> edits_;
};

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_EDIT_SET_H_
