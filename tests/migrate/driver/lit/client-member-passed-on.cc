// EXIT: 1
// --mode=replace: a client member handed to other code (which takes a banjo client) stays banjo,
// and so do the calls on it: rewriting either alone would not compile.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

zx_status_t Blink(const ddk::GpioImplProtocolClient& gpio);
// CHECK-MESSAGES: :[[@LINE-1]]:54: warning: [FDFDRV060] the banjo client gpio is a parameter, whose callers pass banjo clients: not rewritten

class Led {
 public:
  zx_status_t On() {
    if (gpio_.Write(0, 1) != ZX_OK) return ZX_ERR_INTERNAL;
    // CHECK-FIXES: if (gpio_.Write(0, 1) != ZX_OK) return ZX_ERR_INTERNAL;
    return Blink(gpio_);
  }

 private:
  ddk::GpioImplProtocolClient gpio_;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: [FDFDRV060] the banjo client gpio_ stays banjo with its calls, because it is used at line 14, column 18 other than to call it: not rewritten
};

zx_status_t Blink(const ddk::GpioImplProtocolClient& gpio) { return gpio.Write(0, 0); }
// CHECK-MESSAGES: :[[@LINE-1]]:54: warning: [FDFDRV060] the banjo client gpio is a parameter, whose callers pass banjo clients: not rewritten
// CHECK-MESSAGES: :[[@LINE-2]]:74: warning: [FDFDRV061] gpio.Write(...): the client is a parameter, whose callers pass banjo clients: the call is not rewritten

int main() { return Led().On(); }
