// Stand-in for the generated banjo C++ header of fuchsia.hardware.gpioimpl.
#pragma once
namespace ddk {
class GpioImplProtocolClient {};
}  // namespace ddk
