// Everything fdfkit-boot must read before it starts anything: the board file, each driver's
// manifest, and each driver's compiled bind rules (decoded and checked). Every problem in every
// file is reported (the FDFDRV table) and nothing is returned if there was one, so a bad board
// never half-boots.
#ifndef FDFKIT_RUNTIME_DRIVER_CONFIG_BOARD_LOADER_H_
#define FDFKIT_RUNTIME_DRIVER_CONFIG_BOARD_LOADER_H_

#include <optional>
#include <string>
#include <vector>

#include "runtime/driver/bind/program.h"
#include "runtime/driver/config/board_file.h"
#include "runtime/driver/config/driver_manifest.h"
#include "runtime/driver/diagnostics.h"

namespace fdfkit::driver {

struct LoadedDriver {
  DriverManifest manifest;
  bind::Program program;
};

struct LoadedBoard {
  Board board;
  std::vector<LoadedDriver> drivers;
};

std::optional<LoadedBoard> LoadBoard(const std::string& board_path, Diagnostics* diagnostics);

}  // namespace fdfkit::driver

#endif  // FDFKIT_RUNTIME_DRIVER_CONFIG_BOARD_LOADER_H_
