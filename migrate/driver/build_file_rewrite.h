// Rewrite: the build deps of a rewritten source, as text edits of the BUILD.gn and CMakeLists.txt
// beside it (only those: the target that lists the file is most often there). Each occurrence of
// the library's banjo C++ bindings in them —
//   GN:    "//sdk/banjo/fuchsia.hardware.foo:fuchsia.hardware.foo_banjo_cpp"
//   CMake: fuchsia.hardware.foo_banjo_cpp
// becomes the clone's driver-transport bindings ("//sdk/fidl/<clone>:<clone>_cpp_driver",
// <clone>_cpp_driver) once the source no longer includes the banjo header, or gains them beside
// it while it still does; in --mode=dual the CMake dep becomes the generated shims
// (<lib>_banjo_shims, which bring both). GN deps of a fully migrated source also get the driver
// runtime (//src/devices/lib/driver:driver_runtime). Nothing is added twice: a second run changes
// nothing. A file naming the banjo bindings more than once (several targets) is left alone.
#ifndef FDFKIT_MIGRATE_DRIVER_BUILD_FILE_REWRITE_H_
#define FDFKIT_MIGRATE_DRIVER_BUILD_FILE_REWRITE_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "migrate/driver/edit_set.h"
#include "migrate/driver/mapping_index.h"

namespace fdfkit::driver_migration {

// What the source's include of a banjo library became.
enum class IncludeOutcome {
  kSwapped,  // --mode=replace: the driver-transport header instead
  kBeside,   // --mode=replace: both headers (the file still uses banjo)
  kShims,    // --mode=dual: the shims header
  kKept,     // the banjo header alone, as it was (nothing of the file was rewritten)
};

// A build file that names the banjo bindings more than once: several targets, of which only one
// builds the source (its test may still use banjo). Left for a human.
struct AmbiguousBuildFile {
  std::string file;
  int line = 0, column = 0;  // the first occurrence
  std::string dep;
  size_t count = 0;
};

// What the sources of one run ask of the build files beside them, decided once the run has seen
// them all: several sources of one directory share its build files, and one that keeps the
// banjo header keeps the banjo bindings for all (one swapped and one kept: both bindings).
class BuildFilePlan {
 public:
  void Request(const std::string& source, const LibraryMapping& library, IncludeOutcome outcome);
  // Adds the edits; returns what could not be decided.
  std::vector<AmbiguousBuildFile> Apply(EditSet* edits) const;

 private:
  struct Pending {
    std::string source;  // one of the directory's sources: the build files are found beside it
    IncludeOutcome outcome;
  };
  std::map<std::pair<std::string, const LibraryMapping*>, Pending> pending_;  // by directory
};

// Adds to `edits` the build-file edits for `source` (absolute) and `library`; what it could not
// decide is returned.
std::vector<AmbiguousBuildFile> RewriteBuildFiles(const std::string& source,
                                                  const LibraryMapping& library,
                                                  IncludeOutcome outcome, EditSet* edits);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_BUILD_FILE_REWRITE_H_
