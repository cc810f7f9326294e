// compat::BanjoServer: publishes one banjo protocol (its id, ctx and ops table) to the children a
// driver adds, the way Fuchsia's compat library does for DFv2 drivers still serving banjo: as a
// node symbol (the address of a {ops, ctx} pair, which only a driver in the same host may use)
// and a fuchsia.BIND_PROTOCOL node property (so children's bind rules can ask for it).
//
//   compat::BanjoServer banjo_server_{ZX_PROTOCOL_GPIO_IMPL, this, &gpio_impl_protocol_ops_};
//   AddChild with properties {banjo_server_.property()} and symbols {banjo_server_.symbol(arena)}
//
// fdfkit: the symbol is named "fuchsia.compat.banjo.<proto_id>" (BanjoSymbolName).
#ifndef LIB_DRIVER_COMPAT_CPP_BANJO_SERVER_H_
#define LIB_DRIVER_COMPAT_CPP_BANJO_SERVER_H_

#include <fidl/fuchsia.driver.framework/cpp/wire.h>

#include <cstdint>
#include <string>

namespace compat {

// The layout of every banjo protocol struct (foo_protocol_t): the ops table, then the context.
struct GenericProtocol {
  const void* ops;
  void* ctx;
};

inline std::string BanjoSymbolName(uint32_t proto_id) {
  return "fuchsia.compat.banjo." + std::to_string(proto_id);
}

class BanjoServer {
 public:
  BanjoServer(uint32_t proto_id, void* ctx, const void* ops)
      : proto_id_(proto_id), protocol_{ops, ctx} {}
  BanjoServer(const BanjoServer&) = delete;
  BanjoServer& operator=(const BanjoServer&) = delete;

  uint32_t proto_id() const { return proto_id_; }
  // fuchsia.BIND_PROTOCOL = proto_id.
  fuchsia_driver_framework::wire::NodeProperty property() const {
    return {fuchsia_driver_framework::wire::NodePropertyKey::WithIntValue(1),
            fuchsia_driver_framework::wire::NodePropertyValue::WithIntValue(proto_id_)};
  }
  // The symbol a colocated child's ConnectBanjo finds. This object must outlive the child.
  fuchsia_driver_framework::wire::NodeSymbol symbol(fidl::AnyArena& arena) const {
    return fuchsia_driver_framework::wire::NodeSymbol::Builder(arena)
        .name(arena, BanjoSymbolName(proto_id_))
        .address(reinterpret_cast<uint64_t>(&protocol_))
        .Build();
  }

 private:
  uint32_t proto_id_;
  GenericProtocol protocol_;
};

}  // namespace compat

#endif  // LIB_DRIVER_COMPAT_CPP_BANJO_SERVER_H_
