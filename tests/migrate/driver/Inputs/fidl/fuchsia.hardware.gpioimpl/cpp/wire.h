// Stand-in for the wire types header of fuchsia.hardware.gpioimpl's clone (which every FIDL
// library has, whatever its transport): types only, no driver-transport client or server.
#pragma once
#include <cstdint>

namespace fuchsia_hardware_gpioimpl::wire {
enum class GpioImplFlags : uint32_t { kPullDown = 0, kPullUp = 1, kNoPull = 2 };
}  // namespace fuchsia_hardware_gpioimpl::wire
