// A header two given files include: the filter names it, but neither rewrites it alone.
#pragma once
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

struct SharedPins {
  ddk::GpioImplProtocolClient gpio;
};
inline int SharedPinCount() { return 2; }
