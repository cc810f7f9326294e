// struct zx_device: what a zx_device_t* (<lib/ddk/device.h>) points to in fdfkit, a DFv2 driver's
// parent seen through the driver's incoming namespace. Created by compat::ParentDevice; never
// visible to drivers.
#ifndef FDFKIT_RUNTIME_DRIVER_COMPONENT_DEVICE_H_
#define FDFKIT_RUNTIME_DRIVER_COMPONENT_DEVICE_H_

#include <lib/ddk/device.h>
#include <lib/driver/incoming/cpp/namespace.h>

#include <memory>
#include <string_view>

struct zx_device {
  // Copies the {ops, ctx} pair `parent_name` publishes for `proto_id` into `protocol` (a
  // foo_protocol_t). Statuses as device_get_protocol documents them.
  zx_status_t GetProtocol(uint32_t proto_id, std::string_view parent_name, void* protocol) const;

  std::shared_ptr<fdf::Namespace> incoming;
};

#endif  // FDFKIT_RUNTIME_DRIVER_COMPONENT_DEVICE_H_
