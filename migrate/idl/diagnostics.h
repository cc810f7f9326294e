// Source files and diagnostics for the IDL front end. Files live in an llvm::SourceMgr, so a
// location is an llvm::SMLoc and every message prints as `file:line:col: error: [id] text` with
// the source line and a caret.
#ifndef FDFKIT_MIGRATE_IDL_DIAGNOSTICS_H_
#define FDFKIT_MIGRATE_IDL_DIAGNOSTICS_H_

#include <llvm/Support/SourceMgr.h>
#include <llvm/Support/raw_ostream.h>

#include <string>
#include <string_view>
#include <vector>

namespace fdfkit::idl {

// Stable ids: tests and tools match on them, so never renumber.
enum class ErrorId {
  kInvalidCharacter = 1,
  kUnterminatedString = 2,
  kUnexpectedToken = 3,
  kInvalidNumber = 4,
  kMissingLibrary = 5,
  kCannotReadFile = 6,
  kNestingTooDeep = 7,
  kDuplicateDeclaration = 10,
  kDuplicateMember = 11,
  kDuplicateOrdinal = 12,
  kUndefinedName = 13,
  kAmbiguousName = 14,
  kUnknownLibrary = 15,
  kIncludeCycle = 16,
  kInvalidConstraint = 17,
  kBitsNotPowerOfTwo = 18,
  kValueOutOfRange = 19,
  kLibraryMismatch = 20,
  kInvalidType = 21,
  kLibraryCycle = 22,
  kInvalidModifier = 23,
  kInvalidPayload = 24,
};

std::string ErrorCode(ErrorId id);  // "FDFIDL003"

struct Diagnostic {
  ErrorId id;
  llvm::SMLoc loc;
  std::string message;
};

class SourceFiles {
 public:
  // Loads `path`; false, with the reason in `error`, if it cannot be read.
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
  void Error(ErrorId id, llvm::SMLoc loc, std::string message);
  bool has_errors() const { return !diagnostics_.empty(); }
  SourceFiles* files() const { return files_; }
  // "file:line:col" of `loc`, for messages that point at a second place.
  std::string Where(llvm::SMLoc loc) const;
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  // Each as `file:line:col: error: [FDFIDLnnn] message`, source line, caret.
  void Print(llvm::raw_ostream& out) const;
  // `file:line:col: [FDFIDLnnn] message`, one per line, for tests.
  std::string Summary() const;

 private:
  SourceFiles* files_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace fdfkit::idl

#endif  // FDFKIT_MIGRATE_IDL_DIAGNOSTICS_H_
