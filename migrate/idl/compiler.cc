#include "migrate/idl/compiler.h"

#include <llvm/Support/MemoryBuffer.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "migrate/idl/builtin_libraries.h"
#include "migrate/idl/lexer.h"
#include "migrate/idl/parser.h"
#include "migrate/idl/type_shape.h"

namespace fdfkit::idl {
namespace {

bool IsIdlFile(const std::filesystem::path& path) {
  return path.extension() == ".fidl" || path.extension() == ".banjo";
}

}  // namespace

std::string DeclaredLibrary(std::string_view text) {
  SourceFiles scratch;
  Reporter ignored(&scratch);
  std::vector<Token> tokens = Lex(text, &ignored);
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::kIdentifier || tokens[i].text != "library") continue;
    std::string name;
    for (size_t j = i + 1; j < tokens.size(); j += 2) {
      if (tokens[j].kind != TokenKind::kIdentifier) break;
      name += std::string(tokens[j].text);
      if (j + 1 >= tokens.size() || tokens[j + 1].kind != TokenKind::kDot) break;
      name += ".";
    }
    return name;
  }
  return "";
}

std::string DeclaredLibraryOfFile(const std::string& path) {
  auto text = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!text) return "";
  return DeclaredLibrary({(*text)->getBufferStart(), (*text)->getBufferSize()});
}

bool Compiler::AddFile(const std::string& path) {
  std::string error;
  if (!files_->AddFile(path, &error)) {
    reporter_->Report(diag::kCannotReadFile, llvm::SMLoc(), path, error);
    return false;
  }
  Parse(files_->count(), /*from_user=*/true);
  return true;
}

void Compiler::AddSource(std::string_view text, const std::string& name) {
  Parse(files_->AddBuffer(text, name), /*from_user=*/true);
}

void Compiler::Parse(unsigned buffer_id, bool from_user) {
  std::optional<raw::File> file = ParseFile(*files_, buffer_id, reporter_);
  if (!file) return;
  raw_.push_back(std::make_unique<raw::File>(std::move(*file)));
  const raw::File* parsed = raw_.back().get();
  by_library_[parsed->library].push_back(parsed);
  if (from_user &&
      std::find(target_names_.begin(), target_names_.end(), parsed->library) == target_names_.end()) {
    target_names_.push_back(parsed->library);
  }
}

bool Compiler::Compile() {
  size_t errors_before = reporter_->error_count();
  // The built-ins first: every library may use them implicitly.
  for (const char* builtin : {"zx", "fidl"}) CompileLibrary(builtin, llvm::SMLoc());
  for (const std::string& name : target_names_) CompileLibrary(name, llvm::SMLoc());
  return reporter_->error_count() == errors_before;
}

void Compiler::CompileLibrary(const std::string& name, llvm::SMLoc used_at) {
  if (libraries_.count(name) || failed_.count(name)) return;
  auto cycle = std::find(in_progress_.begin(), in_progress_.end(), name);
  if (cycle != in_progress_.end()) {
    std::string chain;
    for (auto it = cycle; it != in_progress_.end(); ++it) chain += *it + " → ";
    reporter_->Report(diag::kLibraryCycle, used_at, chain + name);
    failed_.insert(name);
    return;
  }
  if (!by_library_.count(name) && !LoadLibrary(name)) {
    reporter_->Report(diag::kUnknownLibrary, used_at, name);
    failed_.insert(name);
    return;
  }
  std::vector<const raw::File*> files = by_library_[name];
  in_progress_.push_back(name);
  for (const raw::File* file : files) {
    for (const raw::Using& u : file->usings) {
      if (u.library == name) {
        reporter_->Report(diag::kLibraryImportsItself, u.loc, name);
        continue;
      }
      CompileLibrary(u.library, u.loc);
    }
  }
  in_progress_.pop_back();

  auto library = std::make_unique<flat::Library>();
  library->name = name;
  library->dialect = files.front()->dialect;
  for (const raw::File* file : files) {
    if (library->files.empty()) {
      library->header = file->library_comments;
    } else if (!file->library_comments.empty()) {
      library->file_headers[file->path] = file->library_comments;
    }
    library->end_comments.insert(library->end_comments.end(), file->end_comments.begin(),
                                 file->end_comments.end());
    library->files.push_back(file->path);
    for (const raw::Attribute& a : file->library_attrs.items) library->attrs.items.push_back(a);
  }
  Resolver(library.get(), files, known_, reporter_).Run();
  ComputeShapes(library.get(), reporter_);
  known_[name] = library.get();
  libraries_[name] = std::move(library);
}

bool Compiler::LoadLibrary(const std::string& name) {
  if (const BuiltinLibrary* builtin = FindBuiltinLibrary(name)) {
    Parse(files_->AddBuffer(builtin->source, "<builtin>/" + std::string(name) + ".fidl"),
          /*from_user=*/false);
    return by_library_.count(name) > 0;
  }
  std::vector<std::string> paths = FilesInSearchPath(name);
  if (paths.empty()) {
    IndexSearchPaths();
    auto it = search_index_->find(name);
    if (it == search_index_->end()) return false;
    paths = it->second;
  }
  for (const std::string& path : paths) {
    std::string error;
    if (!files_->AddFile(path, &error)) {
      reporter_->Report(diag::kCannotReadFile, llvm::SMLoc(), path, error);
      continue;
    }
    Parse(files_->count(), /*from_user=*/false);
  }
  return by_library_.count(name) > 0;
}

// In the first search path that has any: `DIR/<library>/*.{fidl,banjo}` declaring the library,
// else files directly in DIR declaring it (a folder of clones, one file per library). So the
// order of -I decides which of two same-named libraries (a banjo one and its clone) an import
// means, and a tree laid out either way never needs the full scan.
std::vector<std::string> Compiler::FilesInSearchPath(const std::string& name) const {
  namespace fs = std::filesystem;
  for (const std::string& dir : search_paths_) {
    for (const fs::path& folder : {fs::path(dir) / name, fs::path(dir)}) {
      std::error_code ec;
      std::vector<std::string> paths;
      for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && IsIdlFile(it->path()) &&
            DeclaredLibraryOfFile(it->path().string()) == name) {
          paths.push_back(it->path().string());
        }
      }
      std::sort(paths.begin(), paths.end());
      if (!paths.empty()) return paths;
    }
  }
  return {};
}

// Maps every library below the search paths to its files, once.
void Compiler::IndexSearchPaths() {
  if (search_index_) return;
  search_index_.emplace();
  namespace fs = std::filesystem;
  for (const std::string& dir : search_paths_) {
    std::error_code ec;
    std::vector<fs::path> paths;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
         end;
         !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec) && IsIdlFile(it->path())) paths.push_back(it->path());
    }
    if (ec) {
      reporter_->Report(diag::kCannotSearchDirectory, llvm::SMLoc(), dir, ec.message());
    }
    std::sort(paths.begin(), paths.end());
    for (const fs::path& path : paths) {
      std::string library = DeclaredLibraryOfFile(path.string());
      if (library.empty()) continue;
      auto& files = (*search_index_)[library];
      if (std::find(files.begin(), files.end(), path.string()) == files.end()) {
        files.push_back(path.string());
      }
    }
  }
}

std::vector<const flat::Library*> Compiler::targets() const {
  std::vector<const flat::Library*> out;
  for (const std::string& name : target_names_) {
    if (const flat::Library* library = Find(name)) out.push_back(library);
  }
  return out;
}

const flat::Library* Compiler::Find(const std::string& library) const {
  auto it = libraries_.find(library);
  return it == libraries_.end() ? nullptr : it->second.get();
}

}  // namespace fdfkit::idl
