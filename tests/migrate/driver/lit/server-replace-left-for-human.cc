// EXIT: 1
// --mode=replace: a server is rewritten whole or not at all. An out-parameter that escapes the
// method (kept past it) leaves its class as it was, said at the method and at the base; so does a
// class that uses what the mixin gives it (its ops table, served by hand). One handed to a call
// is no escape: the callee fills in the local the reply carries (server-replace-forwards.cc).
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

class Escapes : public ddk::GpioImplProtocol<Escapes> {
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: [FDFDRV046] Escapes serves ddk::GpioImplProtocol, and stays so: its method GpioImplRead is not rewritten
 public:
  zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value) { saved_ = out_value; return ZX_OK; }
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] Escapes::GpioImplRead uses its out-parameter 'out_value' at line [[@LINE-1]], column 75 other than to write through it (it escapes): not rewritten

 private:
  uint8_t* saved_ = nullptr;
};

class ServesOps : public ddk::GpioImplProtocol<ServesOps> {
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: [FDFDRV046] ServesOps serves ddk::GpioImplProtocol, and stays so: it uses the mixin's gpio_impl_protocol_ops_ (at line [[@LINE+3]], column 22), which goes with it; --mode=dual keeps serving banjo
 public:
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) { return ZX_OK; }
  int ops() { return gpio_impl_protocol_ops_; }
};

int main() { return 0; }
