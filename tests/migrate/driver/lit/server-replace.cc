// EXIT: 1
// In --mode=replace the server is not rewritten yet: said so, at the base.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

class Gpio : public ddk::GpioImplProtocol<Gpio> {};
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: [FDFDRV046] Gpio serves ddk::GpioImplProtocol: moving it to fdf::WireServer (--mode=replace) is not rewritten yet

int main() { return 0; }
