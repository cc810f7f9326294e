// Reads one driver of a source tree: from its fuchsia_driver_component target down through the
// in-tree deps it builds from, collecting protocol library deps (classified by target suffix),
// files, the manifest's colocate flag, bind rules and code signals; then decides what it serves,
// consumes and where its migration stands.
#ifndef FDFKIT_MIGRATE_PLAN_SCAN_DRIVER_READER_H_
#define FDFKIT_MIGRATE_PLAN_SCAN_DRIVER_READER_H_

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "migrate/plan/scan/bind_rules.h"
#include "migrate/plan/scan/code_signals.h"
#include "migrate/plan/scan/scan_rules.h"
#include "migrate/plan/scan/scanner.h"
#include "migrate/plan/scan/source_tree.h"

namespace fdfkit::plan::scan {

struct LibraryDep {
  std::string library;  // the FIDL/banjo library name (target name without its suffix)
  std::string label;
  std::string file;  // the BUILD.gn that lists it
  int line = 0;
};

// Banjo and FIDL libraries present in the tree.
struct LibraryIndex {
  std::map<std::string, std::set<std::string>> banjo_protocols;  // library → protocol names
  std::map<std::string, std::vector<std::string>> banjo_files;   // library → files
  std::map<std::string, std::string> fidl_transport;             // library → driver | channel
};

LibraryIndex IndexLibraries(SourceTree& tree, const ScanRules& rules);

// Where a driver shows that it serves or uses a FIDL service: a line of code or of its manifest.
struct ServiceEvidence {
  std::string file;
  int line = 0;
  bool code = false;  // AddService / Connect (else the manifest)
  std::string Text() const { return file + ":" + std::to_string(line); }
};

// A FIDL library whose source the scan found through a bindings dep (a `fidl("lib")` target).
struct FidlSource {
  std::string transport;  // "driver" (@transport("Driver")) | "channel"
  std::string file;       // the .fidl file read
};

struct ScannedDriver {
  std::string id;
  std::string component_label;
  std::string build_file;
  std::string team;
  std::vector<LibraryDep> banjo, driver_fidl, channel_fidl;
  std::set<std::string> files;
  // Of those, the headers read because a source includes them (not named in BUILD.gn): another
  // variant may include them from outside its folder, so they are never counted banjo-only.
  std::set<std::string> included_headers;
  std::optional<bool> colocate;
  BindRules bind;
  std::string bind_file;
  std::vector<CodeSignal> signals;
  std::set<std::string> serves, consumes;  // banjo libraries
  std::set<std::string> fidl_serves;       // FIDL libraries served (code or manifest)
  // FIDL services ("lib.Service") served (added to the outgoing directory, exposed or declared)
  // and used (connected to, or `use`d in the manifest), each with its evidence, code first.
  std::map<std::string, std::vector<ServiceEvidence>> services_served, services_used;
  std::string status;                      // banjo | dual | ported
  bool dual_binary = false;                // the bind rules accept a banjo or a FIDL parent
};

class DriverReader {
 public:
  DriverReader(SourceTree& tree, const ScanRules& rules, const LibraryIndex& libraries,
               std::vector<FileDiagnostic>* errors, std::vector<FileDiagnostic>* unresolved)
      : tree_(tree), rules_(rules), libraries_(libraries), errors_(errors), unresolved_(unresolved) {}

  // How a BUILD.gn reads for the board the driver is listed on (SourceTree::BuildFor).
  using BuildResolver = std::function<const GnFile*(const std::string& dir)>;

  // `label` names a target of rules.driver_target_types that `build_of(label.dir)` declares.
  ScannedDriver Read(const GnLabel& label, const BuildResolver& build_of);
  // The files and library deps of a target and every in-tree target under it, driver components
  // included (a package variant's), without deciding anything or reporting problems: those are
  // reported when the variant's own components are scanned.
  ScannedDriver Outline(const GnLabel& label);
  // FIDL libraries whose source was found through the bindings deps of the drivers read so far.
  const std::map<std::string, FidlSource>& FidlSources() const { return fidl_sources_; }

 private:
  // `into_drivers`: also walk into driver components reached through deps (a package's).
  void Walk(const GnLabel& label, ScannedDriver* driver, std::set<std::string>* visited, bool into_drivers);
  void ReadSources(const GnFile& build, const GnTarget& target, const GnLabel& label, ScannedDriver* driver);
  static int LineOf(const GnTarget& target, const std::string& variable);
  void ReadCode(const std::string& path, const std::string& text, const std::string& own_dir,
                ScannedDriver* driver);
  void Decide(ScannedDriver* driver);
  bool NameMatches(const std::string& protocol_name, const std::string& library) const;
  std::string TeamOf(const std::string& dir) const;

  const GnFile* BuildOf(const std::string& dir) { return build_of_ ? (*build_of_)(dir) : tree_.Build(dir); }

  SourceTree& tree_;
  const BuildResolver* build_of_ = nullptr;  // set while Read runs
  const ScanRules& rules_;
  const LibraryIndex& libraries_;
  std::vector<FileDiagnostic>* errors_;
  std::vector<FileDiagnostic>* unresolved_;
  std::map<std::string, FidlSource> fidl_sources_;
  std::set<std::string> fidl_targets_read_;
  void ReadFidlTarget(const GnLabel& target);
};

// Joins a directory and a path relative to it ("//x" is root-relative).
std::string JoinPath(const std::string& dir, const std::string& path);

}  // namespace fdfkit::plan::scan

#endif  // FDFKIT_MIGRATE_PLAN_SCAN_DRIVER_READER_H_
