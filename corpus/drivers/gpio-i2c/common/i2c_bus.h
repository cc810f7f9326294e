// The I2C controller's hardware, as i2c-impl (and any later variant of it) serves it: one bus,
// ops of at most 32 bytes, and one device on it, a temperature sensor at 0x48 shaped like the
// common TMP102 family: a pointer register selects one of four 16-bit big-endian registers, a
// write op sets the pointer (and, with two more bytes, writes the register), a read op reads the
// selected register from its high byte on. The sensor reads 25.25 °C.
//
// Banjo callers run on their own dispatchers: the bus is used under one lock, one transaction at
// a time, as a real controller would serialize them.
#ifndef FDFKIT_CORPUS_DRIVERS_GPIO_I2C_COMMON_I2C_BUS_H_
#define FDFKIT_CORPUS_DRIVERS_GPIO_I2C_COMMON_I2C_BUS_H_

#include <zircon/types.h>

#include <cstddef>
#include <cstdint>
#include <mutex>

namespace fdfkit::examples::gpio_i2c {

// One op as the controller sees it (fuchsia.hardware.i2cimpl's I2cImplOp, without banjo's types,
// so the bus does not depend on the bindings).
struct BusOp {
  uint16_t address;
  uint8_t* data;
  size_t size;
  bool is_read;
};

class TemperatureSensor {
 public:
  static constexpr uint16_t kAddress = 0x48;
  static constexpr uint8_t kTemperature = 0, kConfig = 1, kLowLimit = 2, kHighLimit = 3;
  static constexpr uint8_t kRegisters = 4;
  // 25.25 °C: 12 bits of 1/16 °C, left-aligned (0x194 << 4).
  static constexpr uint16_t kTemperatureReading = 0x1940;

  // ZX_ERR_IO: a pointer past the last register (the device NACKs it).
  zx_status_t Write(const uint8_t* data, size_t size) {
    if (size == 0) return ZX_OK;  // an address-only probe
    if (data[0] >= kRegisters) return ZX_ERR_IO;
    pointer_ = data[0];
    // The temperature register is read-only: the device ignores writes to it.
    if (size >= 3 && pointer_ != kTemperature) {
      registers_[pointer_] = static_cast<uint16_t>(data[1] << 8 | data[2]);
    }
    return ZX_OK;
  }
  void Read(uint8_t* data, size_t size) const {
    uint16_t value = registers_[pointer_];
    for (size_t i = 0; i < size; ++i) data[i] = i % 2 == 0 ? value >> 8 : value & 0xff;
  }

 private:
  uint8_t pointer_ = kTemperature;
  // Reset values: the reading, continuous conversion, alert below 75 °C and above 80 °C.
  uint16_t registers_[kRegisters] = {kTemperatureReading, 0x60a0, 0x4b00, 0x5000};
};

class I2cBus {
 public:
  static constexpr uint32_t kBusCount = 1;
  static constexpr uint64_t kMaxTransferSize = 32;
  static constexpr uint32_t kMaxOps = 8;

  // ZX_ERR_OUT_OF_RANGE: no such bus.
  static zx_status_t CheckBus(uint32_t bus_id) {
    return bus_id < kBusCount ? ZX_OK : ZX_ERR_OUT_OF_RANGE;
  }

  // ZX_ERR_NOT_SUPPORTED: a rate other than standard (100 kHz) or fast mode (400 kHz).
  zx_status_t SetBitrate(uint32_t bus_id, uint32_t bitrate) {
    if (zx_status_t status = CheckBus(bus_id); status != ZX_OK) return status;
    if (bitrate != 100'000 && bitrate != 400'000) return ZX_ERR_NOT_SUPPORTED;
    std::lock_guard lock(lock_);
    bitrate_ = bitrate;
    return ZX_OK;
  }

  // Runs the ops in order, all or none checked first: ZX_ERR_OUT_OF_RANGE for a bus the controller
  // lacks or an op longer than kMaxTransferSize; ZX_ERR_INVALID_ARGS for no ops or more than
  // kMaxOps; ZX_ERR_IO_NOT_PRESENT when nothing answers at an op's address (no ACK); ZX_ERR_IO
  // when the device refuses a byte.
  zx_status_t Transact(uint32_t bus_id, const BusOp* ops, size_t count) {
    if (zx_status_t status = CheckBus(bus_id); status != ZX_OK) return status;
    if (count == 0 || count > kMaxOps) return ZX_ERR_INVALID_ARGS;
    for (size_t i = 0; i < count; ++i) {
      if (ops[i].size > kMaxTransferSize) return ZX_ERR_OUT_OF_RANGE;
    }
    std::lock_guard lock(lock_);
    for (size_t i = 0; i < count; ++i) {
      if (ops[i].address != TemperatureSensor::kAddress) return ZX_ERR_IO_NOT_PRESENT;
      if (ops[i].is_read) {
        sensor_.Read(ops[i].data, ops[i].size);
      } else if (zx_status_t status = sensor_.Write(ops[i].data, ops[i].size); status != ZX_OK) {
        return status;
      }
    }
    return ZX_OK;
  }

 private:
  std::mutex lock_;
  uint32_t bitrate_ = 100'000;
  TemperatureSensor sensor_;
};

}  // namespace fdfkit::examples::gpio_i2c

#endif  // FDFKIT_CORPUS_DRIVERS_GPIO_I2C_COMMON_I2C_BUS_H_
