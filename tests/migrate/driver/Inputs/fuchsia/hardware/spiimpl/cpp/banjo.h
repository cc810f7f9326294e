// Stand-in for the generated banjo C++ header of fuchsia.hardware.spiimpl: a value returned
// without a status, a buffer in, a buffer out with capacity and actual size, a void method.
#pragma once
#include <lib/ddk/device.h>
#include <zircon/types.h>

#include <cstddef>

namespace ddk {
class SpiImplProtocolClient {
 public:
  uint32_t GetChipSelectCount() const { return 1; }
  zx_status_t Exchange(uint32_t chip_select, const uint8_t* txdata_buffer, size_t txdata_size,
                       uint8_t* out_rxdata_buffer, size_t rxdata_size,
                       size_t* out_rxdata_actual) const {
    return ZX_OK;
  }
  void ReleaseRegisteredVmos(uint32_t chip_select) const {}
};
template <typename D>
class SpiImplProtocol {};
}  // namespace ddk
