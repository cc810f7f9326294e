// The control socket of a running board: fdfkit-boot listens on a Unix socket path, and each
// connection (an AF_UNIX SOCK_SEQPACKET socket, which the zircon layer treats as a channel)
// speaks fuchsia.driver.development/Manager, served on the manager's dispatcher. `fdfkit-driver`
// is its client.
#ifndef FDFKIT_RUNTIME_DRIVER_CONTROL_CONTROL_SERVER_H_
#define FDFKIT_RUNTIME_DRIVER_CONTROL_CONTROL_SERVER_H_

#include <fidl/fuchsia.driver.development/cpp/wire.h>
#include <lib/zx/result.h>

#include <string>
#include <thread>
#include <vector>

#include "runtime/driver/manager/manager.h"

namespace fdfkit::driver {

class ControlServer : public fidl::WireServer<fuchsia_driver_development::Manager> {
 public:
  // Listens on `path` (replacing a stale socket file; ZX_ERR_ALREADY_EXISTS if a board serves
  // there); connections are accepted on a thread of this object and served on the manager's
  // dispatcher. Call it, and destroy the server, off that dispatcher.
  static zx::result<std::unique_ptr<ControlServer>> Listen(const std::string& path, Manager* manager);
  ~ControlServer() override;

  void ListHosts(ListHostsCompleter::Sync& completer) override;
  void ListDevices(ListDevicesRequestView request, ListDevicesCompleter::Sync& completer) override;
  void ListDrivers(ListDriversCompleter::Sync& completer) override;

 private:
  ControlServer(std::string path, int listener, Manager* manager);
  void AcceptLoop();

  std::string path_;
  int listener_;
  int wake_[2] = {-1, -1};  // closing the write end stops the accept loop
  Manager* manager_;
  std::thread thread_;
  // Touched only on the manager's dispatcher; unbound there before this object goes.
  std::vector<fidl::ServerBindingRef<fuchsia_driver_development::Manager>> bindings_;
};

// Connects to a control socket: the client end of fuchsia.driver.development/Manager.
zx::result<fidl::ClientEnd<fuchsia_driver_development::Manager>> ConnectControl(
    const std::string& path);

// Where fdfkit-boot listens unless told otherwise.
std::string DefaultControlPath();

}  // namespace fdfkit::driver

#endif  // FDFKIT_RUNTIME_DRIVER_CONTROL_CONTROL_SERVER_H_
