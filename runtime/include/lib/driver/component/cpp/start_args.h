// What a driver is started with: an owned copy of fuchsia.driver.framework/DriverStartArgs (the
// wire table the host delivers), and the helpers Fuchsia's drivers use to read it.
// fdfkit: Fuchsia's fdf::DriverStartArgs is the natural (owned) FIDL type; this struct has the same
// fields with plain C++ types, since fdfkit generates wire bindings only.
#ifndef LIB_DRIVER_COMPONENT_CPP_START_ARGS_H_
#define LIB_DRIVER_COMPONENT_CPP_START_ARGS_H_

#include <fidl/fuchsia.driver.framework/cpp/wire.h>
#include <fidl/fuchsia.io/cpp/wire.h>
#include <lib/zx/result.h>
#include <lib/zx/vmo.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fdf {

struct NodeSymbol {
  std::string name;
  uint64_t address = 0;
  std::string module_name;
};

struct ProgramEntry {
  std::string key;
  std::vector<std::string> values;
  bool is_list = false;
};

struct NamespaceEntry {
  std::string path;  // "/svc"
  fidl::ClientEnd<fuchsia_io::Directory> directory;
};

// fdfkit: where an offered service instance is served (its node and driver host).
struct ServiceSource {
  std::string service_name;
  std::string instance;
  std::string source_node;
  uint64_t source_host = 0;
};

struct DriverStartArgs {
  fidl::ClientEnd<fuchsia_driver_framework::Node> node;
  std::optional<std::vector<NodeSymbol>> symbols;  // only for a driver colocated with its parent
  std::optional<std::string> url;
  std::optional<std::vector<ProgramEntry>> program;
  std::vector<NamespaceEntry> incoming;
  fidl::ServerEnd<fuchsia_io::Directory> outgoing_dir;
  zx::vmo config;
  std::optional<std::string> node_name;
  std::vector<ServiceSource> service_sources;
  uint64_t host_id = 0;
  std::vector<std::string> parent_names;  // a composite's parents, primary first

  // Takes the handles out of `wire`.
  static DriverStartArgs FromWire(fuchsia_driver_framework::wire::DriverStartArgs& wire);
};

// The string value of `key` in the manifest's program block (ZX_ERR_NOT_FOUND if absent,
// ZX_ERR_WRONG_TYPE if it is a list).
zx::result<std::string> ProgramValue(const std::optional<std::vector<ProgramEntry>>& program,
                                     std::string_view key);
zx::result<std::vector<std::string>> ProgramValueAsVector(
    const std::optional<std::vector<ProgramEntry>>& program, std::string_view key);

// A symbol the parent published (e.g. a banjo ops table), cast to T; `default_value` if absent.
template <typename T>
T GetSymbol(const std::optional<std::vector<NodeSymbol>>& symbols, std::string_view name,
            T default_value = nullptr) {
  if (!symbols) return default_value;
  for (const NodeSymbol& symbol : *symbols) {
    if (symbol.name == name) return reinterpret_cast<T>(symbol.address);
  }
  return default_value;
}

}  // namespace fdf

#endif  // LIB_DRIVER_COMPONENT_CPP_START_ARGS_H_
