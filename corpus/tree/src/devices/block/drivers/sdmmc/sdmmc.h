#pragma once
#include <fuchsia/hardware/sdmmc/cpp/banjo.h>

class SdmmcDevice {
  ddk::SdmmcProtocolClient host_;
};
