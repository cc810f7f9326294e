// Stand-in for compat::BanjoServer: what a DFv2 driver hands its banjo ops table to.
#pragma once
#include <cstdint>

#define ZX_PROTOCOL_GPIO_IMPL 0x5047494fu

namespace compat {
class BanjoServer {
 public:
  BanjoServer(uint32_t proto_id, void* ctx, const void* ops) : proto_id_(proto_id) {}
  uint32_t proto_id() const { return proto_id_; }

 private:
  uint32_t proto_id_;
};
}  // namespace compat
