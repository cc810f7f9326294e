// What a driver serves to the drivers bound to its children: services, each at
// `svc/<service>/<instance>/<member>`, over either transport. Bound to the driver's synchronized
// dispatcher and, like Fuchsia's, not thread-safe: use it from that dispatcher.
//
//   outgoing()->AddService<fuchsia_hardware_gpio::Service>(
//       fuchsia_hardware_gpio::Service::InstanceHandler({.device = bindings_.CreateHandler(
//           this, driver_dispatcher()->get(), fidl::kIgnoreBindingClosure)}));
//
// A driver-transport member receives its fdf::ServerEnd after the token handshake: the opener's
// Zircon token is registered with the runtime on this dispatcher, and the fdf channel the opener
// transfers through its end arrives here.
#ifndef LIB_DRIVER_OUTGOING_CPP_OUTGOING_DIRECTORY_H_
#define LIB_DRIVER_OUTGOING_CPP_OUTGOING_DIRECTORY_H_

#include <fidl/fuchsia.io/cpp/wire.h>
#include <lib/fdf/cpp/channel.h>
#include <lib/fdf/cpp/protocol.h>
#include <lib/fdf/dispatcher.h>
#include <lib/fidl_driver/cpp/endpoints.h>
#include <lib/zx/result.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

namespace fdf {

class OutgoingDirectory {
 public:
  // Serves on `dispatcher` (the driver's default dispatcher).
  static OutgoingDirectory Create(fdf_dispatcher_t* dispatcher);
  OutgoingDirectory(OutgoingDirectory&&) noexcept;
  OutgoingDirectory& operator=(OutgoingDirectory&&) noexcept;
  ~OutgoingDirectory();

  // Publishes every member of `handler` at svc/<Service>/<instance>/<member>. ZX_ERR_ALREADY_EXISTS
  // if the instance is published; ZX_ERR_INVALID_ARGS for an empty instance name or no handler.
  template <typename Service>
  zx::result<> AddService(typename Service::InstanceHandler handler,
                          std::string_view instance = "default") {
    std::string prefix = "svc/" + std::string(Service::Name) + "/" + std::string(instance) + "/";
    if (instance.empty() || instance.find('/') != std::string_view::npos) {
      return zx::error(ZX_ERR_INVALID_ARGS);
    }
    if (HasPrefix(prefix)) return zx::error(ZX_ERR_ALREADY_EXISTS);
    size_t added = 0;
    std::move(handler).ForEachMember([&](auto member, auto member_handler) {
      if (!member_handler) return;
      using P = typename decltype(member)::ProtocolType;
      Entry entry;
      if constexpr (std::is_same_v<typename P::Transport, fidl::internal::DriverTransport>) {
        entry.driver = [h = std::move(member_handler)](fdf::Channel channel) mutable {
          h(fdf::ServerEnd<P>(std::move(channel)));
        };
      } else {
        entry.channel = [h = std::move(member_handler)](zx::channel channel) mutable {
          h(fidl::ServerEnd<P>(std::move(channel)));
        };
      }
      AddEntry(prefix + decltype(member)::Name, std::move(entry));
      ++added;
    });
    if (added == 0) return zx::error(ZX_ERR_INVALID_ARGS);
    return zx::ok();
  }

  template <typename Service>
  zx::result<> RemoveService(std::string_view instance = "default") {
    return RemovePrefix("svc/" + std::string(Service::Name) + "/" + std::string(instance) + "/");
  }

  // Forwards opens under `directory_name` to `remote`.
  zx::result<> AddDirectory(fidl::ClientEnd<fuchsia_io::Directory> remote,
                            std::string_view directory_name);

  // Serves the directory on `server_end` (DriverStartArgs.outgoing_dir).
  zx::result<> Serve(fidl::ServerEnd<fuchsia_io::Directory> server_end);

  // fdfkit: what is published, for tests and listings ("svc/<service>/<instance>/<member>").
  std::vector<std::string> Paths() const;

  struct Entry {
    std::function<void(zx::channel)> channel;
    std::function<void(fdf::Channel)> driver;
  };

 private:
  class Server;
  explicit OutgoingDirectory(fdf_dispatcher_t* dispatcher);
  bool HasPrefix(const std::string& prefix) const;
  void AddEntry(std::string path, Entry entry);
  zx::result<> RemovePrefix(const std::string& prefix);

  std::shared_ptr<Server> server_;
};

}  // namespace fdf

#endif  // LIB_DRIVER_OUTGOING_CPP_OUTGOING_DIRECTORY_H_
