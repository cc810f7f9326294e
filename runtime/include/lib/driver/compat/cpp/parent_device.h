// compat::ParentDevice: a zx_device_t* standing for a DFv2 driver's parent, so DFv1-shaped banjo
// code inside the driver works unchanged:
//
//   compat::ParentDevice parent_{incoming()};
//   ddk::GpioImplProtocolClient gpio(parent_.get());       // device_get_protocol
//   ddk::GpioProtocolClient pin(parent_.get(), "gpio");    // device_get_fragment_protocol
//
// device_get_protocol and device_get_fragment_protocol (<lib/ddk/device.h>) on this device resolve
// through compat, exactly as compat::GetBanjoProtocol does (the parent's node symbol for the
// protocol): the {ops, ctx} pair is found only when the driver runs in its parent's host, and of
// a composite only the primary parent shares its protocols.
//
// fdfkit extension: Fuchsia's DFv2 drivers have no zx_device_t for their parent (they use
// compat::ConnectBanjo); DFv1 drivers got theirs from the driver host.
#ifndef LIB_DRIVER_COMPAT_CPP_PARENT_DEVICE_H_
#define LIB_DRIVER_COMPAT_CPP_PARENT_DEVICE_H_

#include <lib/ddk/device.h>
#include <lib/driver/incoming/cpp/namespace.h>

#include <memory>

namespace compat {

class ParentDevice {
 public:
  // `incoming` is the driver's namespace (DriverBase::incoming()); the device keeps it alive.
  explicit ParentDevice(std::shared_ptr<fdf::Namespace> incoming);
  ~ParentDevice();
  ParentDevice(ParentDevice&&) noexcept;
  ParentDevice& operator=(ParentDevice&&) noexcept;

  // Valid while this object lives, and unchanged when it moves.
  zx_device_t* get() const { return device_.get(); }

 private:
  std::unique_ptr<zx_device_t> device_;
};

}  // namespace compat

#endif  // LIB_DRIVER_COMPAT_CPP_PARENT_DEVICE_H_
