// A driver's component manifest: the CML subset fdfkit reads (JSON5 or JSON). From `program`:
// runner ("driver"), binary, bind, colocate, default_dispatcher_opts, fallback (and any other
// entry, kept for DriverStartArgs.program); from `capabilities`, `use` and `expose`: the services
// the driver declares, uses and exposes. `include` shards and other CML sections are ignored.
// Paths (binary, bind) are relative to the manifest's folder.
#ifndef FDFKIT_RUNTIME_DRIVER_CONFIG_DRIVER_MANIFEST_H_
#define FDFKIT_RUNTIME_DRIVER_CONFIG_DRIVER_MANIFEST_H_

#include <optional>
#include <string>
#include <vector>

#include "runtime/driver/diagnostics.h"

namespace fdfkit::driver {

// One entry of the program dictionary: a string, or a list of strings.
struct ProgramEntry {
  std::string key;
  std::vector<std::string> values;
  bool is_list = false;
};

struct DriverManifest {
  std::string path;  // the manifest file as given
  std::string name;  // its stem: "gpio" for gpio.cml
  std::string url;   // "fuchsia-boot:///gpio#meta/gpio.cm", as Fuchsia names boot drivers
  std::string binary;  // resolved path of the shared object
  std::string bind;    // resolved path of the compiled bind program
  bool colocate = false;
  bool allow_sync_calls = false;
  bool fallback = false;
  std::vector<ProgramEntry> program;
  std::vector<std::string> capabilities;  // services declared
  std::vector<std::string> uses;          // services used (the incoming namespace may hold them)
  std::vector<std::string> exposes;       // services exposed from self
  std::vector<std::string> protocols_used;  // protocols in `use` (recorded, not routed)
};

// Reads the manifest in `file` (named by its path); reports every problem and returns nothing if
// there was one.
std::optional<DriverManifest> ReadDriverManifest(const SourceFile& file, Diagnostics* diagnostics);

}  // namespace fdfkit::driver

#endif  // FDFKIT_RUNTIME_DRIVER_CONFIG_DRIVER_MANIFEST_H_
