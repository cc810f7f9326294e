// migrate-waves: replay a migration plan wave by wave and boot each board after every wave
// (migrate/README.md). Parses options, then calls fdfkit::waves::RunWaves.
#include <iostream>

#include "migrate/waves/wave_runner.h"
#include "support/command_line.h"

int main(int argc, char** argv) {
  CLI::App app{"migrate-waves: boot every board after each wave of a migration plan"};
  fdfkit::waves::RunOptions options;
  app.add_option("--inventory", options.inventory, "inventory.json of the scanned tree")->required();
  app.add_option("--plan", options.plan, "plan.json")->required();
  app.add_option("--board-config", options.board_config, "the plan's board-config/ folder")->required();
  app.add_option("--tree", options.tree, "the scanned tree")->required();
  app.add_option("--config", options.config, "waves config (fdfkit-waves-config/1)")->required();
  app.add_option("--drivers", options.drivers, "folder of the built driver variants")->required();
  app.add_option("--boot", options.boot, "fdfkit-boot")->required();
  app.add_option("-o,--out", options.out, "output folder")->required();
  app.add_option("--build-dir", options.build_dir,
                 "rewritten sources are relative to it (default: parent of --drivers)");
  app.add_option("--through-wave", options.through_wave, "last wave to run (default: all)")
      ->check(CLI::PositiveNumber);
  if (std::optional<int> exit_code = fdfkit::support::ParseCommandLine(app, argc, argv)) {
    return *exit_code;
  }
  return fdfkit::waves::RunWaves(options, std::cout, std::cerr);
}
