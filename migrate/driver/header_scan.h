// --header-filter: which headers each given file rewrites. A preprocessor-only pass over the
// given files finds the headers they include (not system headers, not the banjo or shims
// headers of a mapped library) whose real path matches the filter; a header included by exactly
// one of them is that file's to rewrite, whole, with the file — the rewrite's all-or-nothing
// decisions (a client and its calls, a server and its methods) are made within one translation
// unit. A header several of them include is left, said once.
#ifndef FDFKIT_MIGRATE_DRIVER_HEADER_SCAN_H_
#define FDFKIT_MIGRATE_DRIVER_HEADER_SCAN_H_

#include <clang/Tooling/Tooling.h>
#include <llvm/Support/Regex.h>

#include <map>
#include <set>
#include <string>

#include "migrate/driver/mapping_index.h"
#include "support/located_diagnostics.h"

namespace fdfkit::driver_migration {

// Real header paths by the given file (as the tool runs it) that rewrites them. Files that do
// not preprocess are not said here: the rewriting pass reports them.
std::map<std::string, std::set<std::string>> FindRewritableHeaders(
    clang::tooling::ClangTool& tool, const llvm::Regex& filter, const MappingIndex& mappings,
    support::Diagnostics* diagnostics);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_HEADER_SCAN_H_
