#include "migrate/driver/edit_set.h"

#include <clang/Tooling/ReplacementsYaml.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Support/YAMLTraits.h>

#include <filesystem>
#include <utility>
#include <vector>

#include "migrate/driver/diagnostics.h"
#include "support/atomic_write.h"
#include "support/read_file.h"
#include "support/unified_diff.h"

namespace fdfkit::driver_migration {

void EditSet::Add(const clang::tooling::Replacement& replacement) {
  std::set<clang::tooling::Replacement>& edits = edits_[replacement.getFilePath().str()];
  // Two insertions at one place (two publications first in one Start) become one, in the order
  // they came: clang (and clang-apply-replacements) refuse two, not knowing their order.
  if (replacement.getLength() == 0) {
    for (auto it = edits.begin(); it != edits.end(); ++it) {
      if (it->getLength() != 0 || it->getOffset() != replacement.getOffset() ||
          it->getReplacementText() == replacement.getReplacementText()) {
        continue;
      }
      clang::tooling::Replacement merged(
          replacement.getFilePath(), replacement.getOffset(), 0,
          (it->getReplacementText() + replacement.getReplacementText()).str());
      edits.erase(it);
      edits.insert(merged);
      return;
    }
  }
  edits.insert(replacement);
}

void EditSet::AddAll(const EditSet& other) {
  // Not merged: two units inserting different text at one place is a conflict, said when the
  // edits are applied (two publications in one Start merge within their unit, in Add).
  for (const auto& [file, edits] : other.edits_) edits_[file].insert(edits.begin(), edits.end());
}

std::map<std::string, size_t> EditSet::CountByFile() const {
  std::map<std::string, size_t> counts;
  for (const auto& [file, edits] : edits_) counts[file] = edits.size();
  return counts;
}

bool EditSet::Apply(std::map<std::string, std::string>* old_texts,
                    std::map<std::string, std::string>* new_texts,
                    support::Diagnostics* diagnostics) const {
  bool ok = true;
  for (const auto& [file, edits] : edits_) {
    std::optional<std::string> text = support::ReadFile(file);
    if (!text) {
      diagnostics->ReportFile(diag::kCannotReadFile, "", file);
      ok = false;
      continue;
    }
    clang::tooling::Replacements replacements;
    for (const clang::tooling::Replacement& edit : edits) {
      if (llvm::Error error = replacements.add(edit)) {
        // Two rewrites claimed the same text: a bug of this tool, never a half-applied file.
        diagnostics->ReportFile(diag::kCannotWriteFile, "", file + " (" +
                                                                llvm::toString(std::move(error)) +
                                                                ")");
        ok = false;
      }
    }
    llvm::Expected<std::string> rewritten =
        clang::tooling::applyAllReplacements(*text, replacements);
    if (!rewritten) {
      diagnostics->ReportFile(diag::kCannotWriteFile, "",
                              file + " (" + llvm::toString(rewritten.takeError()) + ")");
      ok = false;
      continue;
    }
    (*old_texts)[file] = std::move(*text);
    (*new_texts)[file] = std::move(*rewritten);
  }
  return ok;
}

bool EditSet::PrintDiff(std::ostream& out, support::Diagnostics* diagnostics) const {
  std::map<std::string, std::string> old_texts, new_texts;
  if (!Apply(&old_texts, &new_texts, diagnostics)) return false;
  for (const auto& [file, text] : new_texts) {
    out << support::UnifiedDiff(old_texts[file], text, file, file);
  }
  return true;
}

bool EditSet::WriteFiles(support::Diagnostics* diagnostics) const {
  std::map<std::string, std::string> old_texts, new_texts;
  if (!Apply(&old_texts, &new_texts, diagnostics)) return false;
  // Two phases, so that a failure leaves every file as it was: each new text is written beside
  // its file (the file's own mode kept; through a symlink, beside its target), then all are
  // renamed over their files.
  std::vector<std::pair<std::string, std::string>> staged;  // file, its new text's temp file
  auto abandon = [&] {
    std::error_code ignored;
    for (const auto& [file, temp] : staged) std::filesystem::remove(temp, ignored);
  };
  for (const auto& [file, text] : new_texts) {
    if (text == old_texts[file]) continue;
    std::error_code error;
    std::filesystem::path target = std::filesystem::canonical(file, error);
    std::string temp = target.string() + ".migrate-driver.tmp";
    if (error || !support::WriteFileAtomically(temp, text)) {
      diagnostics->ReportFile(diag::kCannotWriteFile, "", file);
      abandon();
      return false;
    }
    staged.emplace_back(target.string(), temp);
    std::filesystem::permissions(temp, std::filesystem::status(target, error).permissions(),
                                 error);
  }
  for (const auto& [file, temp] : staged) {
    std::error_code error;
    std::filesystem::rename(temp, file, error);
    if (error) {
      diagnostics->ReportFile(diag::kCannotWriteFile, "", file);
      abandon();
      return false;
    }
  }
  return true;
}

bool EditSet::ExportFixes(const std::string& yaml_path, const std::string& main_file,
                          support::Diagnostics* diagnostics) const {
  // Edits --fix would refuse (overlapping ones) are not exported either.
  std::map<std::string, std::string> old_texts, new_texts;
  if (!Apply(&old_texts, &new_texts, diagnostics)) return false;
  clang::tooling::TranslationUnitReplacements unit;
  unit.MainSourceFile = main_file;
  for (const auto& [file, edits] : edits_) {
    unit.Replacements.insert(unit.Replacements.end(), edits.begin(), edits.end());
  }
  std::string yaml;
  llvm::raw_string_ostream stream(yaml);
  llvm::yaml::Output output(stream);
  output << unit;
  stream.flush();
  if (!support::WriteFileAtomically(yaml_path, yaml)) {
    diagnostics->ReportFile(diag::kCannotWriteFile, "", yaml_path);
    return false;
  }
  return true;
}

}  // namespace fdfkit::driver_migration
