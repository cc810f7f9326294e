// EXIT: 1
// --mode=replace: a banjo call in another's arguments would be rewritten inside text the outer
// rewrite copies: the outer call is left, and with it the client and every call on it.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

class Gpio {
 public:
  zx_status_t Chain() { return gpio_.Write(static_cast<uint32_t>(gpio_.ConfigIn(0, 0)), 1); }
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: [FDFDRV067] gpio_.Write(...) has another banjo call in its arguments: not rewritten (give that call a variable of its own first)

 private:
  ddk::GpioImplProtocolClient gpio_;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: [FDFDRV060] the banjo client gpio_ stays banjo with its calls, because of the call at line 8, column 38 (reported there): not rewritten
};

int main() { return Gpio().Chain(); }
