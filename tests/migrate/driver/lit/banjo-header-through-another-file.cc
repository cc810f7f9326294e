// ARGS: --mode=dual
// EXIT: 1
// The banjo header comes through a header the run does not rewrite: the shims header the dual
// rewrites need would be missing, so they are not made.
#include "driver/gpio_driver.h"

class Gpio : public ddk::GpioImplProtocol<Gpio> {};
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: [FDFDRV052] Gpio would use the generated shims, but this file includes the banjo header of fuchsia.hardware.gpioimpl through another file
// CHECK-FIXES: class Gpio : public ddk::GpioImplProtocol<Gpio> {};

int main() { return 0; }
