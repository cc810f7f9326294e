// Stand-in for the generated banjo C++ header of the corpus library fuchsia.hardware.i2cimpl
// (its mapping is the golden one, tests/migrate/protocol/golden): Transact takes a list of ops,
// each holding a buffer the controller fills in place for reads.
#pragma once
#include <ddktl/device-internal.h>
#include <lib/ddk/device.h>
#include <stddef.h>
#include <zircon/types.h>

typedef struct i2c_impl_op i2c_impl_op_t;
struct i2c_impl_op {
  uint16_t address;
  uint8_t* data_buffer;
  size_t data_size;
  bool is_read;
  bool stop;
};

namespace ddk {
class I2cImplProtocolClient {
 public:
  I2cImplProtocolClient() = default;
  explicit I2cImplProtocolClient(zx_device_t* parent) {}
  bool is_valid() const { return true; }
  uint32_t GetBusBase() const { return 0; }
  uint32_t GetBusCount() const { return 1; }
  zx_status_t GetMaxTransferSize(uint32_t bus_id, uint64_t* out_size) const { return ZX_OK; }
  zx_status_t SetBitrate(uint32_t bus_id, uint32_t bitrate) const { return ZX_OK; }
  zx_status_t Transact(uint32_t bus_id, const i2c_impl_op_t* op_list, size_t op_count) const {
    return ZX_OK;
  }
};
template <typename D, typename Base = internal::base_mixin>
class I2cImplProtocol {
 protected:
  int i2c_impl_protocol_ops_ = 0;
};
}  // namespace ddk
