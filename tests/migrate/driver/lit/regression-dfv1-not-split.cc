// EXIT: 1
// --mode=replace, DFv1: a client connected where it is declared, in a declaration the rewrite
// cannot split (const, an if's init-statement), stays banjo, and so do the calls on it; so does a
// member assigned inside an expression.
#include <ddktl/device.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

zx_status_t Const(zx_device_t* parent) {
  const ddk::GpioImplProtocolClient gpio(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: [FDFDRV060] the banjo client gpio connects to its parent in a declaration the rewrite cannot split: not rewritten
  return gpio.ConfigOut(0, 1);
  // CHECK-FIXES: return gpio.ConfigOut(0, 1);
}

zx_status_t InIf(zx_device_t* parent) {
  if (ddk::GpioImplProtocolClient gpio(parent); gpio.is_valid()) {
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: [FDFDRV060] the banjo client gpio connects to its parent in a declaration the rewrite cannot split: not rewritten
    return gpio.ConfigOut(0, 1);
  }
  return ZX_ERR_INTERNAL;
}

class Device {
 public:
  explicit Device(zx_device_t* parent) {
    if ((gpio_ = ddk::GpioImplProtocolClient(parent)).is_valid()) ready_ = true;
  }
  zx_status_t On() { return gpio_.Write(0, 1); }
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: [FDFDRV061] gpio_.Write(...): the client is assigned inside an expression: the call is not rewritten

 private:
  ddk::GpioImplProtocolClient gpio_;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: [FDFDRV060] the banjo client gpio_ is assigned inside an expression: not rewritten
  bool ready_ = false;
};

int main() { return Const(nullptr) + InIf(nullptr) + Device(nullptr).On(); }
