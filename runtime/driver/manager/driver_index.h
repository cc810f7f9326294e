// The driver index: every registered driver (its manifest and compiled bind rules) and the
// matching of a node's properties against all of them, as Fuchsia's driver-index does for the
// manager. A plain driver matches a node as a whole; a composite driver matches one of its
// `node` blocks (the manager assembles the composite once every required block has a parent).
// Fallback drivers only match when no other driver does. A driver whose rules were compiled with
// --disable-autobind (Fuchsia's disable_autobind) only binds on an explicit request
// (MatchOptions::explicit_request: NodeController.RequestBind).
#ifndef FDFKIT_RUNTIME_DRIVER_MANAGER_DRIVER_INDEX_H_
#define FDFKIT_RUNTIME_DRIVER_MANAGER_DRIVER_INDEX_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <zircon/errors.h>
#include <zircon/types.h>

#include "runtime/driver/bind/matcher.h"
#include "runtime/driver/config/driver_manifest.h"

namespace fdfkit::driver {

struct IndexedDriver {
  DriverManifest manifest;
  std::unique_ptr<bind::LoadedProgram> program;
  size_t order = 0;  // registration order, the tie-break among matches
  bool disable_autobind = false;
};

struct DriverMatch {
  const IndexedDriver* driver = nullptr;
  // For a composite driver: which of its nodes matched (0 is the primary).
  std::optional<size_t> composite_node;
};

struct DriverMatchOptions {
  // Restrict to drivers whose URL ends with this (NodeController.RequestBind).
  std::string url_suffix;
  // Include drivers built with disable_autobind.
  bool explicit_request = false;
};

class DriverIndex {
 public:
  // Registers a driver whose compiled rules are `program`. ZX_ERR_ALREADY_EXISTS for a second
  // driver with the same URL.
  zx_status_t Register(DriverManifest manifest, const bind::Program& program);

  using MatchOptions = DriverMatchOptions;
  // The plain driver that binds the node (non-fallback first, then registration order), or none.
  std::optional<DriverMatch> MatchPlain(const bind::Properties& properties,
                                        const MatchOptions& options = {}) const;
  // Every composite node (of every composite driver) the node can be a parent for.
  std::vector<DriverMatch> MatchComposites(const bind::Properties& properties) const;

  // The composite driver for a composite node spec, given the properties of its parents (the
  // first is the primary): the primary parent must match the driver's primary node, each other
  // parent a distinct other node, and every node that is not optional must be matched.
  struct SpecMatch {
    const IndexedDriver* driver = nullptr;
    std::vector<size_t> node_of_parent;  // the driver's node each parent is
  };
  std::optional<SpecMatch> MatchSpec(const std::vector<bind::Properties>& parents) const;

  const std::vector<std::unique_ptr<IndexedDriver>>& drivers() const { return drivers_; }
  const IndexedDriver* Find(const std::string& url) const;

 private:
  bind::SymbolTable symbols_;
  std::vector<std::unique_ptr<IndexedDriver>> drivers_;
};

}  // namespace fdfkit::driver

#endif  // FDFKIT_RUNTIME_DRIVER_MANAGER_DRIVER_INDEX_H_
