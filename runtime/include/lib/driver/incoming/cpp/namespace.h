// A driver's incoming namespace (what DriverStartArgs.incoming routes to it), and connecting to
// what it offers. No globals: each driver instance has its own.
//
//   incoming()->Connect<fuchsia_hardware_gpio::Service::Device>()   // a service member: the
//       transport is the member protocol's (a Zircon channel, or for the driver transport a token
//       the runtime joins to an fdf channel pair)
//   incoming()->Connect<fuchsia_logger::LogSink>()   // a @discoverable channel protocol, under
//       /svc by its name (or give a name or path); driver-transport protocols only as service
//       members (a compile error otherwise)
//   incoming()->OpenService<Service>("default")->Connect<Service::Device>()
//   incoming()->Open("/svc/...", flags, std::move(channel))
//
// A driver-transport member offered from a driver in another host cannot work (fdf channels are
// in-process); Connect says so at once, naming both hosts, instead of handing back a dead channel.
#ifndef LIB_DRIVER_INCOMING_CPP_NAMESPACE_H_
#define LIB_DRIVER_INCOMING_CPP_NAMESPACE_H_

#include <fidl/fuchsia.io/cpp/wire.h>
#include <lib/driver/component/cpp/start_args.h>
#include <lib/fdf/cpp/protocol.h>
#include <lib/fidl_driver/cpp/endpoints.h>
#include <lib/zx/result.h>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace fdf {

namespace internal {
template <typename T>
concept ServiceMember = requires {
  T::ServiceName;
  T::Name;
  typename T::ProtocolType;
};
template <typename P>
inline constexpr bool kIsDriverTransport =
    std::is_same_v<typename P::Transport, fidl::internal::DriverTransport>;
}  // namespace internal

template <typename Service>
class ServiceClient;

class Namespace {
 public:
  Namespace() = default;
  Namespace(Namespace&&) = default;
  Namespace& operator=(Namespace&&) = default;

  // From the start arguments' entries; `sources` and `host_id` let driver-transport connections
  // to another host fail early.
  static zx::result<Namespace> Create(std::vector<NamespaceEntry>& entries,
                                      std::vector<ServiceSource> sources = {},
                                      uint64_t host_id = 0,
                                      std::optional<std::vector<NodeSymbol>> symbols = {},
                                      std::vector<std::string> parent_names = {});

  // A service member, on the transport of its protocol.
  template <internal::ServiceMember Member>
  auto Connect(std::string_view instance = "default") const {
    using P = typename Member::ProtocolType;
    if constexpr (internal::kIsDriverTransport<P>) {
      zx::result<fdf::Channel> channel =
          ConnectDriverMember(Member::ServiceName, instance, Member::Name);
      if (channel.is_error()) return zx::result<fdf::ClientEnd<P>>(channel.take_error());
      return zx::result<fdf::ClientEnd<P>>(zx::ok(fdf::ClientEnd<P>(std::move(*channel))));
    } else {
      zx::result<zx::channel> channel =
          ConnectChannelMember(Member::ServiceName, instance, Member::Name);
      if (channel.is_error()) return zx::result<fidl::ClientEnd<P>>(channel.take_error());
      return zx::result<fidl::ClientEnd<P>>(zx::ok(fidl::ClientEnd<P>(std::move(*channel))));
    }
  }

  // A channel-transport protocol, by its discoverable name (published under /svc) or by a path
  // in the namespace ("/svc/fuchsia.logger.LogSink"; a name without '/' means under /svc).
  template <typename Protocol>
    requires(!internal::ServiceMember<Protocol>)
  zx::result<fidl::ClientEnd<Protocol>> Connect(
      std::string_view name = fidl::DiscoverableProtocolName<Protocol>) const {
    std::string path = name.starts_with('/') ? std::string(name) : "/svc/" + std::string(name);
    static_assert(!internal::kIsDriverTransport<Protocol>,
                  "a driver-transport protocol is reached as a service member: "
                  "Connect<Service::Member>()");
    zx::channel client, server;
    if (zx_status_t status = zx::channel::create(0, &client, &server); status != ZX_OK) {
      return zx::error(status);
    }
    if (zx::result<> opened = Open(path, {}, std::move(server)); opened.is_error()) {
      return opened.take_error();
    }
    return zx::ok(fidl::ClientEnd<Protocol>(std::move(client)));
  }

  template <typename Service>
  zx::result<ServiceClient<Service>> OpenService(std::string_view instance = "default") const {
    return zx::ok(ServiceClient<Service>(this, std::string(instance)));
  }

  // Opens `path` ("/svc/<service>/<instance>/<member>", or under another entry) with `object`.
  zx::result<> Open(std::string_view path, fuchsia_io::wire::OpenFlags flags,
                    zx::channel object) const;

  // fdfkit: the driver host that serves `service`/`instance` to this driver, if it was offered.
  std::optional<ServiceSource> SourceOf(std::string_view service, std::string_view instance) const;
  uint64_t host_id() const { return host_id_; }
  // fdfkit: the parent's symbols (std::nullopt unless the driver runs in its parent's host), and
  // a composite's parents, primary first (compat::ConnectBanjo reads both).
  const std::optional<std::vector<NodeSymbol>>& symbols() const { return symbols_; }
  const std::vector<std::string>& parent_names() const { return parent_names_; }

 private:
  zx::result<zx::channel> ConnectChannelMember(std::string_view service, std::string_view instance,
                                               std::string_view member) const;
  zx::result<fdf::Channel> ConnectDriverMember(std::string_view service, std::string_view instance,
                                               std::string_view member) const;

  std::vector<NamespaceEntry> entries_;
  std::vector<ServiceSource> sources_;
  uint64_t host_id_ = 0;
  std::optional<std::vector<NodeSymbol>> symbols_;
  std::vector<std::string> parent_names_;
};

// One instance of a service in a namespace; connects its members.
template <typename Service>
class ServiceClient {
 public:
  ServiceClient(const Namespace* ns, std::string instance)
      : namespace_(ns), instance_(std::move(instance)) {}
  template <typename Member>
  auto Connect() const {
    return namespace_->Connect<Member>(instance_);
  }
  const std::string& instance() const { return instance_; }

 private:
  const Namespace* namespace_;
  std::string instance_;
};

}  // namespace fdf

#endif  // LIB_DRIVER_INCOMING_CPP_NAMESPACE_H_
