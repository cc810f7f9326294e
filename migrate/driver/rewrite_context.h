// What every rewrite works with: the mappings, the mode, and where its results go — text edits
// (EditSet) and what it left for a human, as a warning at the place it would have rewritten.
#ifndef FDFKIT_MIGRATE_DRIVER_REWRITE_CONTEXT_H_
#define FDFKIT_MIGRATE_DRIVER_REWRITE_CONTEXT_H_

#include <clang/Basic/SourceManager.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "migrate/driver/build_file_rewrite.h"
#include "migrate/driver/edit_set.h"
#include "migrate/driver/mapping_index.h"
#include "migrate/driver/rewritable_files.h"
#include "support/located_diagnostics.h"

namespace fdfkit::driver_migration {

enum class Mode {
  kReplace,  // the driver moves to the driver transport
  kDual,     // it keeps banjo and adds the driver transport through the generated shims
};

class RewriteContext {
 public:
  RewriteContext(const MappingIndex& mappings, Mode mode, EditSet* edits,
                 BuildFilePlan* build_files, support::Diagnostics* diagnostics)
      : mappings_(mappings),
        mode_(mode),
        edits_(edits),
        build_files_(build_files),
        diagnostics_(diagnostics) {}

  const MappingIndex& mappings() const { return mappings_; }
  Mode mode() const { return mode_; }
  // The working directory of the TU being processed (relative paths in the compile database
  // are relative to it).
  void set_working_directory(std::string directory) { working_directory_ = std::move(directory); }
  // The files this unit rewrites: its main file and the headers --header-filter gives it.
  const RewritableFiles& files() const { return files_; }
  void set_rewritable_headers(std::set<std::string> headers) {
    files_.set_headers(std::move(headers));
  }

  // Replaces `range` (plain file text) with `text`.
  void Replace(const clang::SourceManager& sm, clang::CharSourceRange range,
               const std::string& text);
  void set_lang_options(const clang::LangOptions& options) { lang_options_ = options; }

  // ---- What one translation unit tells the rewrites about itself ----
  // #if blocks of the files being rewritten (the preprocessor reports them as it goes).
  // `guard`: the file's include guard (`#ifndef X_H_` first, `#endif` last), which is no #if
  // block: code in it was seen in every configuration that includes the file.
  void OpenConditional(const clang::SourceManager& sm, clang::SourceLocation location,
                       bool guard = false);
  void CloseConditional(const clang::SourceManager& sm, clang::SourceLocation location);
  // Whether `location` (in a file being rewritten) lies inside an #if block: code there was
  // seen in one configuration only.
  bool InConditional(const clang::SourceManager& sm, clang::SourceLocation location) const;

  // A library whose shims header (<fidl/LIB/cpp/banjo_shims.h>) the file gets: included, or
  // about to replace its banjo header (dual mode). The dual rewrites need it.
  void ShimsAvailable(const std::string& fidl_library) { shims_.insert(fidl_library); }
  bool HasShims(const std::string& fidl_library) const { return shims_.count(fidl_library) > 0; }
  // --mode=replace: the banjo header of `library` (spelled `original`) is swapped for `text`
  // only if the file uses none of its declarations outside the code being rewritten (else it
  // would not compile); otherwise `text` is included beside it. Decided in Finish.
  void ReplaceIncludeLater(const clang::SourceManager& sm, clang::CharSourceRange range,
                           clang::SourceLocation hash, const LibraryMapping& library,
                           const std::string& original, const std::string& text);
  // The build files beside the file being rewritten follow what its include of `library` became
  // (decided once the run has seen every file: BuildFilePlan).
  void RewriteBuildFilesOf(const clang::SourceManager& sm, const LibraryMapping& library,
                           IncludeOutcome outcome);
  // A file being rewritten (at `hash`) includes the driver-transport header of `fidl_library`.
  void WireHeaderIncluded(const clang::SourceManager& sm, clang::SourceLocation hash,
                          const std::string& fidl_library) {
    wire_headers_.emplace(sm.getFileID(hash).getHashValue(), fidl_library);
  }
  void UsesBanjo(const LibraryMapping& library, clang::SourceLocation location);
  // A dual server whose service must be published; whether the file publishes one.
  void NeedsPublishing(clang::SourceLocation location, std::string server, std::string protocol);
  void Publishes() { publishes_ = true; }
  // ---- Edits that stand or fall together ----
  // A banjo client's declaration and every call on it: if one of them cannot be rewritten, none
  // is (a rewritten call on a banjo client, or a banjo call on a rewritten one, would not
  // compile). `key` is the declaration; the group is said at `declared` when it stays.
  void DeclareGroup(const void* key, clang::SourceLocation declared, std::string name);
  // A server's rewrite as a group (`server` serving `mixin`, said at `declared` when it stays):
  // the clients its methods forward to stand or fall with it.
  void DeclareServerGroup(const void* key, clang::SourceLocation declared, std::string server,
                          std::string mixin);
  void ReplaceIn(const void* key, const clang::SourceManager& sm, clang::CharSourceRange range,
                 const std::string& text);
  // Banjo names in `range` (of a file being rewritten) are gone once the edits apply: a
  // rewritten type, a call's `client.Method` (its arguments stay, and so do their uses).
  void Consumed(const clang::SourceManager& sm, clang::CharSourceRange range);
  // The same for a group's edits: gone only if the group is rewritten.
  void ConsumedIn(const void* key, const clang::SourceManager& sm, clang::CharSourceRange range);
  // The group stays banjo; `why` completes "because ..." (the first reason is kept).
  void Block(const void* key, std::string why);
  // Groups that stand or fall together: a ConnectBanjo result and the member client it is moved
  // into (a rewritten end assigned to a banjo member would not compile, nor the reverse). A key
  // never declared as a group counts as blocked. `a_because` completes why `a` stays when `b`
  // does, `b_because` the reverse.
  void Tie(const void* a, const void* b, std::string a_because, std::string b_because);

  // Once the whole unit was seen: the decisions that needed all of it.
  void Finish(const clang::SourceManager& sm);

  // Leaves the code at `location` for a human, saying why.
  template <typename... Args>
  void Leave(const clang::SourceManager& sm, clang::SourceLocation location,
             const support::DiagnosticDef<Args...>& def,
             const std::type_identity_t<Args>&... args) {
    LeaveAt(sm, location, support::Make(def, args...));
  }
  // The same, said only if the group `key` is rewritten (what is left to do after its edits).
  template <typename... Args>
  void LeaveIn(const void* key, clang::SourceLocation location,
               const support::DiagnosticDef<Args...>& def,
               const std::type_identity_t<Args>&... args) {
    groups_[key].said.emplace_back(location, support::Make(def, args...));
  }

 private:
  void LeaveAt(const clang::SourceManager& sm, clang::SourceLocation location,
               support::Diagnostic diagnostic);
  std::string AbsolutePath(llvm::StringRef path) const;

  // [begin, end) offsets in one file.
  struct FileSpan {
    clang::FileID file;
    unsigned begin, end;
    bool guard = false;  // a conditional: an #ifndef first in its file, its include guard
  };
  struct PendingInclude {
    // `drop`: the include's whole line, for a file that includes the bindings already (empty
    // if something follows the include on its line).
    clang::tooling::Replacement swap, beside, drop;
    clang::SourceLocation hash;
    const LibraryMapping* library;
  };
  struct Group {
    clang::SourceLocation declared;
    std::string name;
    std::vector<clang::tooling::Replacement> edits;
    std::vector<FileSpan> consumed;
    std::string blocked;  // why it stays, or ""
    std::string mixin;    // a server's group: what it serves
    std::vector<std::pair<clang::SourceLocation, support::Diagnostic>> said;  // if rewritten
  };
  clang::tooling::Replacement MakeEdit(const clang::SourceManager& sm,
                                       clang::CharSourceRange range, const std::string& text) const;
  std::optional<FileSpan> Offsets(const clang::SourceManager& sm,
                                  clang::CharSourceRange range) const;
  // Whether `location` lies in text a rewrite consumed.
  bool Rewritten(const clang::SourceManager& sm, clang::SourceLocation location) const;
  struct PendingPublish {
    clang::SourceLocation location;
    std::string server, protocol;
  };

  const MappingIndex& mappings_;
  Mode mode_;
  clang::LangOptions lang_options_;
  std::vector<FileSpan> conditionals_;       // [#if, #endif], closed
  std::vector<FileSpan> open_conditionals_;  // [#if, (not yet)

  std::set<std::string> shims_;
  std::vector<PendingInclude> pending_includes_;
  std::vector<std::pair<const LibraryMapping*, clang::SourceLocation>> banjo_uses_;
  std::set<std::pair<unsigned, std::string>> wire_headers_;  // by FileID
  std::vector<FileSpan> consumed_;
  RewritableFiles files_;
  std::map<const void*, Group> groups_;
  struct TiedGroups {
    const void* a;
    const void* b;
    std::string a_because, b_because;
  };
  std::vector<TiedGroups> ties_;
  std::vector<const void*> group_order_;  // as declared, so what is said comes out in order
  std::vector<PendingPublish> pending_publish_;
  bool publishes_ = false;
  EditSet* edits_;
  BuildFilePlan* build_files_;
  support::Diagnostics* diagnostics_;
  std::string working_directory_;
  // Each place, reason and message once.
  std::set<std::tuple<std::string, int, int, unsigned, std::string>> left_at_;
};

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_REWRITE_CONTEXT_H_
