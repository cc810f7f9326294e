// A banjo I2C controller serving the corpus library fuchsia.hardware.i2cimpl the way the gpio/i2c
// stack's i2c-impl serves it: one bus, and on it a device of sixteen byte registers. A write op
// sets the register pointer (its first byte) and writes the rest from there on; a read op reads
// from the pointer on into the op's own buffer, in place, which is how banjo returned reads. The
// build rewrites this file with migrate-driver --mode=replace (CMakeLists.txt), and
// i2c_controller_test.cc drives the original over banjo and the rewrite over the driver
// transport: both must answer the same. Included by the harnesses, hence the anonymous namespace.
#include <fuchsia/hardware/i2cimpl/cpp/banjo.h>

namespace {

class I2cController : public ddk::I2cImplProtocol<I2cController> {
 public:
  static constexpr uint64_t kMaxTransferSize = 16;

  uint32_t I2cImplGetBusBase() { return 0; }
  uint32_t I2cImplGetBusCount() { return 1; }
  // ZX_ERR_OUT_OF_RANGE: no such bus (every method that takes one).
  zx_status_t I2cImplGetMaxTransferSize(uint32_t bus_id, uint64_t* out_size) {
    if (bus_id != 0) return ZX_ERR_OUT_OF_RANGE;
    *out_size = kMaxTransferSize;
    return ZX_OK;
  }
  zx_status_t I2cImplSetBitrate(uint32_t bus_id, uint32_t bitrate) {
    return bus_id == 0 ? ZX_OK : ZX_ERR_OUT_OF_RANGE;
  }
  // ZX_ERR_INVALID_ARGS: no ops, a write without a pointer, or an op longer than
  // kMaxTransferSize; every op is checked before any runs.
  zx_status_t I2cImplTransact(uint32_t bus_id, const i2c_impl_op_t* op_list, size_t op_count) {
    if (bus_id != 0) return ZX_ERR_OUT_OF_RANGE;
    if (op_count == 0) return ZX_ERR_INVALID_ARGS;
    for (size_t i = 0; i < op_count; ++i) {
      if (op_list[i].data_size > kMaxTransferSize) return ZX_ERR_INVALID_ARGS;
      if (!op_list[i].is_read && op_list[i].data_size == 0) return ZX_ERR_INVALID_ARGS;
    }
    for (size_t i = 0; i < op_count; ++i) {
      const i2c_impl_op_t& op = op_list[i];
      if (op.is_read) {
        for (size_t b = 0; b < op.data_size; ++b) {
          op.data_buffer[b] = registers_[(pointer_ + b) % kRegisters];
        }
        continue;
      }
      pointer_ = op.data_buffer[0] % kRegisters;
      for (size_t b = 1; b < op.data_size; ++b) {
        registers_[(pointer_ + b - 1) % kRegisters] = op.data_buffer[b];
      }
    }
    return ZX_OK;
  }

 private:
  static constexpr size_t kRegisters = 16;
  uint8_t registers_[kRegisters] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
                                    0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};
  size_t pointer_ = 0;
};

}  // namespace
