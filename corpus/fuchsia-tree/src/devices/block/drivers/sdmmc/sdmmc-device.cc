#include "sdmmc-device.h"

namespace sdmmc {

SdmmcDevice::SdmmcDevice(zx_device_t* parent) {
  // The host controller is the parent itself.
  device_get_protocol(parent, ZX_PROTOCOL_SDMMC, &host_);
}

}  // namespace sdmmc
