#include "sdmmc-device.h"

namespace sdmmc {

SdmmcDevice::SdmmcDevice(zx_device_t* parent) : host_(parent) {}

}  // namespace sdmmc
