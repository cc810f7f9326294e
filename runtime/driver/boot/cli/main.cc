// fdfkit-boot: boots a board in the driver framework, as `ffx driver` would show it.
//   fdfkit-boot BOARD.json [--host PATH] [--list hosts|devices|devices-v|drivers]... [--once]
//               [--control PATH]
// Loads the board, its drivers' manifests and compiled bind rules (any problem: every one
// reported, exit 1, nothing started); starts the manager, binds every node and waits until the
// topology settles; prints the listings asked for; then serves until SIGINT or SIGTERM (or, with
// --once, shuts down at once), stopping every driver bottom-up before it exits 0. While it
// serves, `fdfkit-driver list-hosts|list-devices [-v]|list` asks it over its control socket.
#include <CLI/CLI.hpp>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "runtime/driver/config/board_loader.h"
#include "runtime/driver/boot/booted_system.h"
#include "runtime/driver/control/control_server.h"
#include "support/command_line.h"

namespace {

std::string DefaultHostBinary(const char* argv0) {
  // Installed or built side by side.
  std::error_code ignored;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ignored);
  if (self.empty()) self = argv0;
  return (self.parent_path() / "fdfkit-driver-host").string();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"fdfkit-boot: boot a board in fdfkit's driver framework"};
  std::string board_path, host_binary;
  std::vector<std::string> listings;
  bool once = false;
  app.add_option("board", board_path, "the board file (JSON5)")->required();
  app.add_option("--host", host_binary, "the driver host binary (default: beside fdfkit-boot)");
  app.add_option("--list", listings, "print after boot: hosts, devices, devices-v, drivers")
      ->check(CLI::IsMember({"hosts", "devices", "devices-v", "drivers"}));
  app.add_flag("--once", once, "shut down right after boot and the listings");
  std::string control = fdfkit::driver::DefaultControlPath();
  app.add_option("--control", control, "where fdfkit-driver reaches the running board")
      ->capture_default_str();
  if (std::optional<int> exit_code = fdfkit::support::ParseCommandLine(app, argc, argv)) {
    return *exit_code;
  }
  if (host_binary.empty()) host_binary = DefaultHostBinary(argv[0]);

  fdfkit::driver::Diagnostics diagnostics("fdfkit-boot");
  std::optional<fdfkit::driver::LoadedBoard> board =
      fdfkit::driver::LoadBoard(board_path, &diagnostics);
  std::cerr << diagnostics.Text();
  if (!board) return 1;
  std::cerr << "fdfkit-boot: board '" << board->board.name << "': " << board->drivers.size()
            << " drivers\n";

  // SIGINT/SIGTERM are taken by sigwait below, in this thread only.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  zx::result system =
      fdfkit::driver::BootedSystem::Start(std::move(*board), {host_binary});
  if (system.is_error()) {
    std::cerr << "fdfkit-boot: cannot start the driver framework: " << system.status_string()
              << "\n";
    return 1;
  }
  if (!(*system)->WaitUntilSettled()) {
    std::cerr << "fdfkit-boot: the board did not settle within 30 s\n";
  }
  (*system)->WithManager([&](fdfkit::driver::Manager& manager) {
    for (const std::string& listing : listings) {
      if (listing == "hosts") std::cout << manager.ListHosts();
      if (listing == "devices") std::cout << manager.ListDevices(false);
      if (listing == "devices-v") std::cout << manager.ListDevices(true);
      if (listing == "drivers") std::cout << manager.ListDrivers();
    }
  });
  std::cout.flush();
  if (!once) {
    fdfkit::driver::Manager* manager = nullptr;
    (*system)->WithManager([&](fdfkit::driver::Manager& m) { manager = &m; });
    std::unique_ptr<fdfkit::driver::ControlServer> control_server;
    zx::result server = fdfkit::driver::ControlServer::Listen(control, manager);
    if (server.is_ok()) {
      control_server = std::move(*server);
      std::cerr << "fdfkit-boot: fdfkit-driver reaches this board at " << control << "\n";
    } else {
      std::cerr << "fdfkit-boot: cannot listen at " << control << " ("
                << (server.status_value() == ZX_ERR_ALREADY_EXISTS ? "another board serves there"
                                                                   : server.status_string())
                << "); fdfkit-driver cannot reach this board\n";
    }
    std::cerr << "fdfkit-boot: serving; SIGINT or SIGTERM stops the board\n";
    int signal = 0;
    sigwait(&stop_signals, &signal);
    std::cerr << "fdfkit-boot: " << (signal == SIGINT ? "SIGINT" : "SIGTERM")
              << ": stopping every driver\n";
    control_server.reset();
  }
  (*system)->Shutdown();
  system->reset();
  std::cerr << "fdfkit-boot: stopped\n";
  return 0;
}
