// EXIT: 1
// --mode=replace: a server method whose parameter a lambda captures (by name, or by a capture
// default) was rewritten into `[request->index]`, which does not compile; and a copy it kept for
// later would have read a request that is gone. Such a method is left, saying where.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>

#include <functional>

class Later : public ddk::GpioImplProtocol<Later, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: [FDFDRV046] Later serves ddk::GpioImplProtocol, and stays so: its method GpioImplWrite is not rewritten
 public:
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] Later::GpioImplWrite reads 'index' in a lambda (at line [[@LINE+1]], column 15), whose captures the rewrite does not change: not rewritten
    later_ = [index, value, this] { last_ = index + value; };
    // CHECK-FIXES: later_ = [index, value, this] { last_ = index + value; };
    return ZX_OK;
  }

 private:
  std::function<void()> later_;
  uint32_t last_ = 0;
};

class Now : public ddk::GpioImplProtocol<Now, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: [FDFDRV046] Now serves ddk::GpioImplProtocol, and stays so: its method GpioImplWrite is not rewritten
 public:
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] Now::GpioImplWrite reads 'index' in a lambda (at line [[@LINE+1]], column {{[0-9]+}}), whose captures the rewrite does not change: not rewritten
    auto sum = [&] { return index + value; };
    // CHECK-FIXES: auto sum = [&] { return index + value; };
    return sum() < 512 ? ZX_OK : ZX_ERR_INTERNAL;
  }
};

int main() { return 0; }
