// Stand-in for the driver-transport bindings of fuchsia.hardware.i2cimpl's clone (the golden
// one): the op and the data read back, Transact's request and response, the client and the
// server of the open protocol Device.
#pragma once
#include <lib/fidl_driver/cpp/wire_messaging.h>

#include <algorithm>

namespace fuchsia_hardware_i2cimpl {
class Device;
namespace wire {
struct I2cImplOp {
  uint16_t address;
  fidl::VectorView<uint8_t> data;
  bool is_read;
  bool stop;
};
struct ReadData {
  fidl::VectorView<uint8_t> data;
};
struct DeviceTransactRequest {
  uint32_t bus_id;
  fidl::VectorView<I2cImplOp> op;
};
struct DeviceTransactResponse {
  fidl::VectorView<ReadData> read;
};
struct DeviceGetBusBaseResponse {
  uint32_t base;
};
struct DeviceGetBusCountResponse {
  uint32_t count;
};
struct DeviceGetMaxTransferSizeRequest {
  uint32_t bus_id;
};
struct DeviceGetMaxTransferSizeResponse {
  uint64_t size;
};
struct DeviceSetBitrateRequest {
  uint32_t bus_id;
  uint32_t bitrate;
};
struct Empty {};
}  // namespace wire
struct Service {
  struct Device {
    using ProtocolType = fuchsia_hardware_i2cimpl::Device;
  };
  struct Members {
    int device;
  };
  struct InstanceHandler {
    explicit InstanceHandler(Members) {}
  };
};

class DeviceCalls {
 public:
  DeviceCalls* operator->() { return this; }
  fidl::PlainResult<wire::DeviceGetBusBaseResponse> GetBusBase() { return {}; }
  fidl::PlainResult<wire::DeviceGetBusCountResponse> GetBusCount() { return {}; }
  fidl::Result<wire::DeviceGetMaxTransferSizeResponse> GetMaxTransferSize(uint32_t bus_id) {
    return {};
  }
  fidl::Result<wire::Empty> SetBitrate(uint32_t bus_id, uint32_t bitrate) { return {}; }
  fidl::Result<wire::DeviceTransactResponse> Transact(uint32_t bus_id,
                                                      fidl::VectorView<wire::I2cImplOp> op) {
    return {};
  }
};
}  // namespace fuchsia_hardware_i2cimpl

template <>
class fdf::WireSyncClient<fuchsia_hardware_i2cimpl::Device> {
 public:
  bool is_valid() const { return true; }
  fuchsia_hardware_i2cimpl::DeviceCalls buffer(const Arena&) const { return {}; }
};

template <>
class fdf::WireServer<fuchsia_hardware_i2cimpl::Device> {
 public:
  using GetBusBaseCompleter = fidl::Completer<uint32_t>;
  virtual void GetBusBase(Arena&, GetBusBaseCompleter::Sync&) {}
  using GetBusCountCompleter = fidl::Completer<uint32_t>;
  virtual void GetBusCount(Arena&, GetBusCountCompleter::Sync&) {}
  using GetMaxTransferSizeRequestView =
      fuchsia_hardware_i2cimpl::wire::DeviceGetMaxTransferSizeRequest*;
  using GetMaxTransferSizeCompleter = fidl::Completer<uint64_t>;
  virtual void GetMaxTransferSize(GetMaxTransferSizeRequestView, Arena&,
                                  GetMaxTransferSizeCompleter::Sync&) {}
  using SetBitrateRequestView = fuchsia_hardware_i2cimpl::wire::DeviceSetBitrateRequest*;
  using SetBitrateCompleter = fidl::Completer<>;
  virtual void SetBitrate(SetBitrateRequestView, Arena&, SetBitrateCompleter::Sync&) {}
  using TransactRequestView = fuchsia_hardware_i2cimpl::wire::DeviceTransactRequest*;
  using TransactCompleter =
      fidl::Completer<fidl::VectorView<fuchsia_hardware_i2cimpl::wire::ReadData>>;
  virtual void Transact(TransactRequestView, Arena&, TransactCompleter::Sync&) {}
  virtual void handle_unknown_method(
      fidl::UnknownMethodMetadata<fuchsia_hardware_i2cimpl::Device>,
      fidl::UnknownMethodCompleter::Sync&) {}
};
