// compat::ConnectBanjo<Client>(incoming, parent_name): the parent's banjo protocol (ops and ctx)
// wrapped in the DDK client type, synchronously. Banjo is raw pointers, so it only works when the
// driver runs in its parent's host (colocate: true); otherwise it fails at once, saying so.
//
//   zx::result<ddk::GpioImplProtocolClient> gpio = compat::ConnectBanjo<ddk::GpioImplProtocolClient>(incoming());
//
// fdfkit: the client type names its protocol id as `Client::kProtocolId` (or pass it:
// ConnectBanjo<Client, ZX_PROTOCOL_FOO>); a composite reaches its primary parent's protocols.
#ifndef LIB_DRIVER_COMPAT_CPP_BANJO_CLIENT_H_
#define LIB_DRIVER_COMPAT_CPP_BANJO_CLIENT_H_

#include <lib/driver/compat/cpp/banjo_server.h>
#include <lib/driver/incoming/cpp/namespace.h>
#include <lib/zx/result.h>

#include <memory>
#include <string>
#include <string_view>

namespace compat {

// The {ops, ctx} pair the parent published for `proto_id`, or why there is none (logged).
zx::result<const GenericProtocol*> GetBanjoProtocol(const fdf::Namespace& incoming,
                                                    uint32_t proto_id,
                                                    std::string_view parent_name);
// fdfkit: the same without logging, the reason in `*why` (may be null): for callers with another
// way to reach the parent, such as a dual client falling back to the driver transport.
zx::result<const GenericProtocol*> FindBanjoProtocol(const fdf::Namespace& incoming,
                                                     uint32_t proto_id,
                                                     std::string_view parent_name,
                                                     std::string* why = nullptr);

namespace internal {
// Converts to the `const foo_protocol_t*` a DDK client's constructor takes: every banjo
// protocol struct has GenericProtocol's layout. (A `zx_device_t*` constructor does not match: the
// conversion only yields pointers to const.)
struct AnyProtocolPointer {
  const GenericProtocol* protocol;
  template <typename T>
  operator const T*() const {
    return reinterpret_cast<const T*>(protocol);
  }
};
}  // namespace internal

template <typename Client, uint32_t ProtoId = Client::kProtocolId>
zx::result<Client> ConnectBanjo(const std::shared_ptr<fdf::Namespace>& incoming,
                                std::string_view parent_name = "default") {
  zx::result<const GenericProtocol*> protocol = GetBanjoProtocol(*incoming, ProtoId, parent_name);
  if (protocol.is_error()) return protocol.take_error();
  return zx::ok(Client(internal::AnyProtocolPointer{*protocol}));
}

}  // namespace compat

#endif  // LIB_DRIVER_COMPAT_CPP_BANJO_CLIENT_H_
