// ARGS: --mode=dual
// A dual server (rewritten before, or by hand) whose service the file publishes: nothing left.
#include <fidl/fuchsia.hardware.gpioimpl/cpp/banjo_shims.h>

class Gpio : public fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualServer<Gpio> {
 public:
  int Start() { return AddDriverTransportService(); }
};
// CHECK-FIXES: class Gpio : public fdfkit::shims::fuchsia_hardware_gpioimpl::GpioImplDualServer<Gpio> {

int main() { return Gpio().Start(); }
