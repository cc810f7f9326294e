// Reads the parts of a driver's component manifest (.cml, JSON5) that planning needs: whether the
// driver is colocated with its parent, whether it runs under the DFv1 compat shim, and the
// services it uses and exposes. Shards named in `include` are read too when they are in the tree
// (`msd_arm.shard.cml`-style shards can hold the colocate flag).
#ifndef FDFKIT_MIGRATE_PLAN_SCAN_COMPONENT_MANIFEST_H_
#define FDFKIT_MIGRATE_PLAN_SCAN_COMPONENT_MANIFEST_H_

#include <map>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "migrate/plan/scan/gn_file.h"

namespace fdfkit::plan::scan {

struct ComponentManifest {
  std::optional<bool> colocate;  // program.colocate ("true"/"false" or a bool); unset if absent
  bool compat = false;           // program.compat: a DFv1 driver in the compat shim
  std::string binary;            // program.binary or program.compat
  std::vector<std::string> use_services;
  std::vector<std::string> expose_services;
  std::vector<std::string> capability_services;  // `capabilities: [{ service: ... }]`: declared
  // Where each service name is first written (file — the manifest or a shard — and line), for
  // the services used and for those exposed or declared.
  std::map<std::string, std::pair<std::string, int>> use_at, serve_at;
  std::vector<FileDiagnostic> errors;  // syntax errors with line and column
};

// `path` is relative to the tree root; includes are resolved through `read`.
ComponentManifest ReadComponentManifest(const std::string& path, const GnSourceReader& read);

// JSON5 (comments, unquoted keys, single quotes, trailing commas) → strict JSON, keeping every
// newline so that parse errors keep their line numbers. Exposed for tests.
std::string Json5ToJson(const std::string& text);

}  // namespace fdfkit::plan::scan

#endif  // FDFKIT_MIGRATE_PLAN_SCAN_COMPONENT_MANIFEST_H_
