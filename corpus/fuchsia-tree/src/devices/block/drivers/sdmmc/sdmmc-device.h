#pragma once
#include <fuchsia/hardware/sdmmc/cpp/banjo.h>

namespace sdmmc {

// The card protocol engine over one host controller.
class SdmmcDevice {
 public:
  explicit SdmmcDevice(zx_device_t* parent);

 private:
  sdmmc_protocol_t host_;
};

}  // namespace sdmmc
