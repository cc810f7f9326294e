#include "runtime/driver/control/control_server.h"

#include <fcntl.h>
#include <lib/async/cpp/task.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <zircon/linux.h>

#include <cstdlib>

namespace fdfkit::driver {
namespace {

bool FillAddress(const std::string& path, sockaddr_un* address) {
  if (path.size() >= sizeof(address->sun_path)) return false;
  *address = {};
  address->sun_family = AF_UNIX;
  std::copy(path.begin(), path.end(), address->sun_path);
  return true;
}

// Listings can exceed one string's bound on a large board: cut at the bound, on a line.
fidl::StringView Bounded(const std::string& text) {
  size_t size = text.size();
  if (size > fuchsia_driver_development::wire::kMaxListing) {
    size = text.rfind('\n', fuchsia_driver_development::wire::kMaxListing - 1) + 1;
  }
  return fidl::StringView::FromExternal(text.data(), size);
}

}  // namespace

std::string DefaultControlPath() {
  const char* runtime_dir = std::getenv("XDG_RUNTIME_DIR");
  std::string dir = runtime_dir && *runtime_dir ? runtime_dir : "/tmp";
  return dir + "/fdfkit-boot-" + std::to_string(getuid()) + ".sock";
}

zx::result<std::unique_ptr<ControlServer>> ControlServer::Listen(const std::string& path,
                                                                Manager* manager) {
  sockaddr_un address;
  if (!FillAddress(path, &address)) return zx::error(ZX_ERR_INVALID_ARGS);
  // Another board serving at this path keeps it; a socket file a finished run left is replaced.
  if (zx::result<fidl::ClientEnd<fuchsia_driver_development::Manager>> live = ConnectControl(path);
      live.is_ok()) {
    return zx::error(ZX_ERR_ALREADY_EXISTS);
  }
  int wake[2];
  if (pipe2(wake, O_CLOEXEC) != 0) return zx::error(ZX_ERR_NO_RESOURCES);
  int listener = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
  if (listener < 0) {
    close(wake[0]);
    close(wake[1]);
    return zx::error(ZX_ERR_NO_RESOURCES);
  }
  unlink(path.c_str());
  if (::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      listen(listener, 8) != 0) {
    close(listener);
    close(wake[0]);
    close(wake[1]);
    return zx::error(ZX_ERR_ACCESS_DENIED);
  }
  std::unique_ptr<ControlServer> server(new ControlServer(path, listener, manager));
  server->wake_[0] = wake[0];
  server->wake_[1] = wake[1];
  server->thread_ = std::thread([raw = server.get()] { raw->AcceptLoop(); });
  return zx::ok(std::move(server));
}

ControlServer::ControlServer(std::string path, int listener, Manager* manager)
    : path_(std::move(path)), listener_(listener), manager_(manager) {}

ControlServer::~ControlServer() {
  if (wake_[1] >= 0) close(wake_[1]);
  if (thread_.joinable()) thread_.join();
  // Connections still bound would dispatch into this object: end them on the dispatcher, after
  // any bind the accept loop posted (the tasks run in order).
  manager_->RunSync([this] {
    for (auto& binding : bindings_) binding.Unbind();
    bindings_.clear();
  });
  if (wake_[0] >= 0) close(wake_[0]);
  close(listener_);
  unlink(path_.c_str());
}

void ControlServer::AcceptLoop() {
  while (true) {
    pollfd fds[2] = {{listener_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) continue;
    if (fds[1].revents) return;  // the write end closed: stopping
    int connection = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (connection < 0) continue;
    // A connected SEQPACKET socket is what the zircon layer's channels are made of.
    zx_handle_t channel = zx_linux_handle_from_fd(connection);
    async::PostTask(manager_->dispatcher(), [this, channel] {
      // Forget connections that have ended.
      std::erase_if(bindings_, [](const auto& binding) { return !binding.lock(); });
      bindings_.push_back(fidl::BindServer(
          manager_->dispatcher(),
          fidl::ServerEnd<fuchsia_driver_development::Manager>(zx::channel(channel)), this));
    });
  }
}

void ControlServer::ListHosts(ListHostsCompleter::Sync& completer) {
  std::string text = manager_->ListHosts();
  completer.Reply(Bounded(text));
}

void ControlServer::ListDevices(ListDevicesRequestView request,
                                ListDevicesCompleter::Sync& completer) {
  std::string text = manager_->ListDevices(request->verbose);
  completer.Reply(Bounded(text));
}

void ControlServer::ListDrivers(ListDriversCompleter::Sync& completer) {
  std::string text = manager_->ListDrivers();
  completer.Reply(Bounded(text));
}

zx::result<fidl::ClientEnd<fuchsia_driver_development::Manager>> ConnectControl(
    const std::string& path) {
  sockaddr_un address;
  if (!FillAddress(path, &address)) return zx::error(ZX_ERR_INVALID_ARGS);
  int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) return zx::error(ZX_ERR_NO_RESOURCES);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return zx::error(ZX_ERR_NOT_FOUND);
  }
  return zx::ok(fidl::ClientEnd<fuchsia_driver_development::Manager>(
      zx::channel(zx_linux_handle_from_fd(fd))));
}

}  // namespace fdfkit::driver
