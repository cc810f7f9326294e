#pragma once
#include <fidl/fuchsia.wlan.phyimpl/cpp/driver/wire.h>
#include <fuchsia/hardware/wlanphyimpl/cpp/banjo.h>

class Device {
  ddk::WlanphyImplProtocolClient banjo_;
};
