// The GPIO controller's hardware, as gpio-impl (and any later variant of it) serves it: one bank of
// 32 pins, each muxed to a function (0 is plain GPIO, 1-7 other blocks of the SoC), an input
// (reading its pull) or an output (reading what it drives), with a polarity and a drive strength.
// Banjo callers run on their own dispatchers, concurrently with each other (and, once migrated,
// with a driver-transport server on the controller's): every pin is touched under one lock. Each
// operation answers what banjo answers: a status, and a value when it succeeds.
#ifndef FDFKIT_CORPUS_DRIVERS_GPIO_I2C_COMMON_GPIO_BANK_H_
#define FDFKIT_CORPUS_DRIVERS_GPIO_I2C_COMMON_GPIO_BANK_H_

#include <zircon/types.h>

#include <algorithm>
#include <cstdint>
#include <mutex>

namespace fdfkit::examples::gpio_i2c {

class GpioBank {
 public:
  static constexpr uint32_t kPins = 32;
  static constexpr uint64_t kGpioFunction = 0;
  static constexpr uint64_t kFunctions = 8;
  // ConfigIn's flags (fuchsia.hardware.gpioimpl's GpioImplFlags).
  static constexpr uint32_t kPullDown = 0, kPullUp = 1, kNoPull = 2;
  // Drive strength: what the pads can do, in steps of 1 mA up to 4 mA.
  static constexpr uint64_t kDriveStepMicroamps = 1000;
  static constexpr uint64_t kMaxDriveMicroamps = 4000;

  static bool HasPin(uint32_t pin) { return pin < kPins; }

  // Every method: ZX_ERR_OUT_OF_RANGE for a pin the bank does not have.
  // ZX_ERR_INVALID_ARGS: flags other than the three pulls.
  zx_status_t ConfigIn(uint32_t pin, uint32_t flags) {
    std::lock_guard lock(lock_);
    if (!HasPin(pin)) return ZX_ERR_OUT_OF_RANGE;
    if (flags > kNoPull) return ZX_ERR_INVALID_ARGS;
    pins_[pin].output = false;
    pins_[pin].pull = flags;
    return ZX_OK;
  }
  zx_status_t ConfigOut(uint32_t pin, uint8_t initial_value) {
    std::lock_guard lock(lock_);
    if (!HasPin(pin)) return ZX_ERR_OUT_OF_RANGE;
    pins_[pin].output = true;
    pins_[pin].driven = initial_value != 0;
    return ZX_OK;
  }
  // ZX_ERR_OUT_OF_RANGE: also a function the pin's mux does not have.
  zx_status_t SetAltFunction(uint32_t pin, uint64_t function) {
    std::lock_guard lock(lock_);
    if (!HasPin(pin) || function >= kFunctions) return ZX_ERR_OUT_OF_RANGE;
    pins_[pin].function = function;
    return ZX_OK;
  }
  // ZX_ERR_BAD_STATE: the pin is muxed to another block, not GPIO.
  zx_status_t Read(uint32_t pin, uint8_t* value) {
    std::lock_guard lock(lock_);
    if (!HasPin(pin)) return ZX_ERR_OUT_OF_RANGE;
    const Pin& p = pins_[pin];
    if (p.function != kGpioFunction) return ZX_ERR_BAD_STATE;
    *value = p.output ? p.driven : p.pull == kPullUp;
    return ZX_OK;
  }
  // ZX_ERR_BAD_STATE: not muxed to GPIO, or an input (nothing to drive).
  zx_status_t Write(uint32_t pin, uint8_t value) {
    std::lock_guard lock(lock_);
    if (!HasPin(pin)) return ZX_ERR_OUT_OF_RANGE;
    Pin& p = pins_[pin];
    if (p.function != kGpioFunction || !p.output) return ZX_ERR_BAD_STATE;
    p.driven = value != 0;
    return ZX_OK;
  }
  // ZX_ERR_INVALID_ARGS: a polarity other than LOW (0) or HIGH (1).
  zx_status_t SetPolarity(uint32_t pin, uint32_t polarity) {
    std::lock_guard lock(lock_);
    if (!HasPin(pin)) return ZX_ERR_OUT_OF_RANGE;
    if (polarity > 1) return ZX_ERR_INVALID_ARGS;
    pins_[pin].polarity = polarity;
    return ZX_OK;
  }
  // Sets the strongest step at or below the request (at most 4 mA) and answers it.
  zx_status_t SetDriveStrength(uint32_t pin, uint64_t microamps, uint64_t* actual) {
    std::lock_guard lock(lock_);
    if (!HasPin(pin)) return ZX_ERR_OUT_OF_RANGE;
    uint64_t capped = std::min(microamps, kMaxDriveMicroamps);
    pins_[pin].drive_microamps = capped - capped % kDriveStepMicroamps;
    *actual = pins_[pin].drive_microamps;
    return ZX_OK;
  }

 private:
  // A pin out of reset: GPIO, an input pulled down, driving nothing.
  struct Pin {
    uint64_t function = kGpioFunction;
    bool output = false;
    bool driven = false;
    uint32_t pull = kPullDown;
    uint32_t polarity = 1;
    uint64_t drive_microamps = kDriveStepMicroamps;
  };

  std::mutex lock_;
  Pin pins_[kPins];
};

}  // namespace fdfkit::examples::gpio_i2c

#endif  // FDFKIT_CORPUS_DRIVERS_GPIO_I2C_COMMON_GPIO_BANK_H_
