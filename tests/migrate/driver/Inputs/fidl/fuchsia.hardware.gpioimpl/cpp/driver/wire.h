// Stand-in for the clone's generated driver-transport bindings.
#pragma once
namespace fuchsia_hardware_gpioimpl {
class GpioImpl;
}  // namespace fuchsia_hardware_gpioimpl
