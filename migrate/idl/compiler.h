// Compiler: files → resolved libraries. Files named by the user are grouped by their `library`
// line; every `using` is satisfied from those files, the built-in libraries (`zx`, `fidl`), or
// the search paths (`-I DIR`: a folder named after the library, or any `*.fidl`/`*.banjo` below
// DIR whose `library` line matches). Libraries are resolved dependencies first; an import cycle
// is an error.
#ifndef FDFKIT_MIGRATE_IDL_COMPILER_H_
#define FDFKIT_MIGRATE_IDL_COMPILER_H_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "migrate/idl/diagnostics.h"
#include "migrate/idl/flat_ast.h"
#include "migrate/idl/raw_ast.h"
#include "migrate/idl/resolver.h"

namespace fdfkit::idl {

class Compiler {
 public:
  Compiler(SourceFiles* files, Reporter* reporter) : files_(files), reporter_(reporter) {}

  void AddSearchPath(const std::string& dir) { search_paths_.push_back(dir); }
  // Parses a file named by the user; false if it cannot be read.
  bool AddFile(const std::string& path);
  // Parses in-memory text (tests, the fuzzer).
  void AddSource(std::string_view text, const std::string& name);

  // Resolves the libraries of every added file and what they import; false on any error.
  bool Compile();

  // The libraries of the added files, in the order their first file was added.
  std::vector<const flat::Library*> targets() const;
  const flat::Library* Find(const std::string& library) const;
  const std::vector<std::unique_ptr<raw::File>>& raw_files() const { return raw_; }

 private:
  void Parse(unsigned buffer_id, bool from_user);
  void CompileLibrary(const std::string& name, llvm::SMLoc used_at);
  // Loads `name` from the built-ins or the search paths; false if it is nowhere.
  bool LoadLibrary(const std::string& name);
  std::vector<std::string> FilesInSearchPath(const std::string& name) const;
  void IndexSearchPaths();

  SourceFiles* files_;
  Reporter* reporter_;
  std::vector<std::string> search_paths_;
  std::vector<std::unique_ptr<raw::File>> raw_;
  std::map<std::string, std::vector<const raw::File*>> by_library_;
  std::vector<std::string> target_names_;
  std::map<std::string, std::unique_ptr<flat::Library>> libraries_;
  LibraryMap known_;
  std::vector<std::string> in_progress_;  // import chain, for cycle messages
  std::set<std::string> failed_;          // reported once
  std::optional<std::map<std::string, std::vector<std::string>>> search_index_;
};

// The library a file declares, read from its first tokens; empty if there is none.
std::string DeclaredLibrary(std::string_view text);
std::string DeclaredLibraryOfFile(const std::string& path);

}  // namespace fdfkit::idl

#endif  // FDFKIT_MIGRATE_IDL_COMPILER_H_
