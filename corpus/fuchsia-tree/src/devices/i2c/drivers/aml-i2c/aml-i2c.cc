// A DFv2 driver that still serves banjo to the I2C core through compat. It once was a
// ddk::I2cImplProtocolClient user too; nothing of that is left.
#include <fuchsia/hardware/i2cimpl/cpp/banjo.h>
#include <lib/driver/compat/cpp/compat.h>

namespace aml_i2c {

class AmlI2c : public fdf::DriverBase {
 public:
  zx::result<> Start() override {
    compat::DeviceServer::BanjoConfig config{ZX_PROTOCOL_I2C_IMPL};
    config.callbacks[ZX_PROTOCOL_I2C_IMPL] = banjo_server_.callback();
    const char* note = "device_get_protocol(parent, ZX_PROTOCOL_GPIO, &gpio) is not called here";
    return zx::ok();
  }

 private:
  compat::BanjoServer banjo_server_{ZX_PROTOCOL_I2C_IMPL, this, &i2c_impl_protocol_ops_};
};

}  // namespace aml_i2c
