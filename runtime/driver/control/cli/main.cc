// fdfkit-driver: asks a running fdfkit-boot what it runs, like `ffx driver`.
//   fdfkit-driver [--control PATH] list-hosts | list-devices [-v] | list
// Exit codes: 0 printed, 1 no board is serving at PATH (or it went away), 2 usage errors.
#include <CLI/CLI.hpp>

#include <iostream>

#include "runtime/driver/control/control_server.h"
#include "support/command_line.h"

int main(int argc, char** argv) {
  CLI::App app{"fdfkit-driver: list what a running fdfkit-boot runs"};
  app.require_subcommand(1);
  std::string control = fdfkit::driver::DefaultControlPath();
  app.add_option("--control", control, "fdfkit-boot's control socket")->capture_default_str();
  auto* hosts = app.add_subcommand("list-hosts", "each driver host and its drivers");
  bool verbose = false;
  auto* devices = app.add_subcommand("list-devices", "the node tree");
  devices->add_flag("-v,--verbose", verbose, "properties, offers, bound driver and host");
  app.add_subcommand("list", "the registered drivers");
  if (std::optional<int> exit_code = fdfkit::support::ParseCommandLine(app, argc, argv)) {
    return *exit_code;
  }
  zx::result client = fdfkit::driver::ConnectControl(control);
  if (client.is_error()) {
    std::cerr << "fdfkit-driver: no board is serving at " << control << " (start one with "
              << "fdfkit-boot BOARD.json)\n";
    return 1;
  }
  std::string text;
  fidl::Status status = fidl::Status::Ok();
  if (hosts->parsed()) {
    auto result = fidl::WireCall(*client)->ListHosts();
    status = result;
    if (result.ok()) text = std::string(result->text.get());
  } else if (devices->parsed()) {
    auto result = fidl::WireCall(*client)->ListDevices(verbose);
    status = result;
    if (result.ok()) text = std::string(result->text.get());
  } else {
    auto result = fidl::WireCall(*client)->ListDrivers();
    status = result;
    if (result.ok()) text = std::string(result->text.get());
  }
  if (!status.ok()) {
    std::cerr << "fdfkit-driver: " << status.FormatDescription() << "\n";
    return 1;
  }
  std::cout << text;
  return 0;
}
