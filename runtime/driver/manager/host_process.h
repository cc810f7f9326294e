// One driver host process as the manager sees it: spawned from fdfkit-driver-host with the server
// end of fuchsia.driver.host/DriverHost as its fd 3, a client bound on the manager's dispatcher,
// and the process's end noticed when that channel closes (the kernel closes it when the process
// dies, however it dies). Destroying it ends the process; the manager does that only once every
// driver in the host has stopped.
#ifndef FDFKIT_RUNTIME_DRIVER_MANAGER_HOST_PROCESS_H_
#define FDFKIT_RUNTIME_DRIVER_MANAGER_HOST_PROCESS_H_

#include <fidl/fuchsia.driver.host/cpp/wire.h>
#include <lib/async/dispatcher.h>
#include <lib/zx/result.h>
#include <sys/types.h>

#include <functional>
#include <memory>
#include <string>

namespace fdfkit::driver {

class HostProcess : public fidl::WireAsyncEventHandler<fuchsia_driver_host::DriverHost> {
 public:
  // `on_exit` runs on `dispatcher` once the process has gone (crashed, killed or exited).
  static zx::result<std::unique_ptr<HostProcess>> Spawn(const std::string& binary, uint64_t id,
                                                        async_dispatcher_t* dispatcher,
                                                        std::function<void(HostProcess*)> on_exit);
  ~HostProcess() override;

  uint64_t id() const { return id_; }
  pid_t pid() const { return pid_; }
  bool exited() const { return exited_; }
  const fidl::WireClient<fuchsia_driver_host::DriverHost>& client() const { return client_; }

  // Ends the process now (SIGKILL); on_exit follows.
  void Kill();

  void on_fidl_error(fidl::UnbindInfo info) override;

 private:
  HostProcess(uint64_t id, pid_t pid) : id_(id), pid_(pid) {}
  void Reap();

  uint64_t id_;
  pid_t pid_;
  bool exited_ = false;
  int exit_status_ = 0;
  std::function<void(HostProcess*)> on_exit_;
  fidl::WireClient<fuchsia_driver_host::DriverHost> client_;
};

}  // namespace fdfkit::driver

#endif  // FDFKIT_RUNTIME_DRIVER_MANAGER_HOST_PROCESS_H_
