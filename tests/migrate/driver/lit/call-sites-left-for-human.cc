// EXIT: 1
// --mode=replace: what a call-site rewrite cannot do safely is left as it was and said where:
// a call written through a macro, an out-argument with side effects (it would run after the
// call), a call in a template. The client's declaration stays banjo with them, and so do the
// calls on it that could have been rewritten: half a migration would not compile.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

#define READ(client, pin, out) (client).Read(pin, out)

class Gpio {
 public:
  zx_status_t Run() {
    uint8_t values[2] = {};
    int next = 0;
    READ(gpio_, 0, &values[0]);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: [FDFDRV054] the call gpio_.Read(...) is written through a macro: not rewritten
    gpio_.ConfigIn(0, 0);
    return gpio_.Read(1, &values[next++]);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: [FDFDRV056] gpio_.Read(...): its parameter 'value' (uint8_t *) is an expression with side effects, which would run after the call: the call is not rewritten
  }
  template <typename T>
  zx_status_t Write(T value) {
    return gpio_.Write(0, value);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: [FDFDRV051] a call of ddk::GpioImplProtocolClient::Write is in a template, whose instantiations may differ: not rewritten
  }

 private:
  ddk::GpioImplProtocolClient gpio_;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: [FDFDRV060] the banjo client gpio_ stays banjo with its calls, because of the call at line 15, column 5 (reported there): not rewritten
  // CHECK-FIXES: gpio_.ConfigIn(0, 0);
};

int main() { return Gpio().Run(); }
