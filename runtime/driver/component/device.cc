#include "runtime/driver/component/device.h"

#include <lib/driver/compat/cpp/banjo_client.h>

#include <cstring>

zx_status_t zx_device::GetProtocol(uint32_t proto_id, std::string_view parent_name,
                                   void* protocol) const {
  if (protocol == nullptr || incoming == nullptr) return ZX_ERR_INVALID_ARGS;
  zx::result<const compat::GenericProtocol*> found =
      compat::GetBanjoProtocol(*incoming, proto_id, parent_name);
  // DFv1's one status for "this parent does not give you that protocol", whatever the reason.
  if (found.is_error()) {
    return found.error_value() == ZX_ERR_NOT_FOUND ? ZX_ERR_NOT_SUPPORTED : found.error_value();
  }
  std::memcpy(protocol, *found, sizeof(compat::GenericProtocol));
  return ZX_OK;
}

extern "C" zx_status_t device_get_protocol(const zx_device_t* dev, uint32_t proto_id,
                                           void* protocol) {
  if (dev == nullptr) return ZX_ERR_INVALID_ARGS;
  return dev->GetProtocol(proto_id, "default", protocol);
}

extern "C" zx_status_t device_get_fragment_protocol(zx_device_t* dev, const char* name,
                                                    uint32_t proto_id, void* protocol) {
  if (dev == nullptr || name == nullptr) return ZX_ERR_INVALID_ARGS;
  return dev->GetProtocol(proto_id, name, protocol);
}
