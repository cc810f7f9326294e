// Stand-in for the generated banjo C++ header of fuchsia.hardware.gpioimpl: the client and the
// server mixin (with its DFv1 base).
#pragma once
namespace ddk {
class GpioImplProtocolClient {};
namespace internal {
class base_mixin {};
}  // namespace internal
class base_protocol {};
template <typename D, typename Base = internal::base_mixin>
class GpioImplProtocol : public Base {};
}  // namespace ddk
