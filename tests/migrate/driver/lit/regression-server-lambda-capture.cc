// EXIT: 1
// --mode=replace: a server method whose parameter a lambda captures was rewritten into
// `[request->index]`, which does not compile (and a lambda kept for later would read a request
// that is gone). A capture by copy, by name, now copies the request's field under the same name;
// a parameter captured by reference or by a capture default leaves the method, saying where.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.gpioimpl stays beside the driver-transport one: this file still uses its declarations (one at line {{[0-9]+}}, column 20)

#include <functional>

class Later : public ddk::GpioImplProtocol<Later, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Later now serves GpioImpl as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_gpioimpl::Service> with a handler from its binding group
 public:
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) {
    later_ = [index, value, this] { last_ = index + value; };
    // CHECK-FIXES: later_ = [index = request->index, value = request->value, this] { last_ = index + value; };
    pins_ += index;
    // CHECK-FIXES-NEXT: pins_ += request->index;
    return ZX_OK;
  }

 private:
  std::function<void()> later_;
  uint32_t last_ = 0;
  uint32_t pins_ = 0;
};

class Now : public ddk::GpioImplProtocol<Now, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: [FDFDRV046] Now serves ddk::GpioImplProtocol, and stays so: its method GpioImplWrite is not rewritten
 public:
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] Now::GpioImplWrite reads 'index' in a lambda (at line [[@LINE+1]], column {{[0-9]+}}) that does not capture it by copy, by name: not rewritten
    auto sum = [&] { return index + value; };
    // CHECK-FIXES: auto sum = [&] { return index + value; };
    return sum() < 512 ? ZX_OK : ZX_ERR_INTERNAL;
  }
};

int main() { return 0; }
