// EXIT: 1
// --mode=replace, servers: a returned expression that reads a parameter is rewritten with it; an
// out-parameter's local does not hide a member of the same name; parameters are matched by
// position, whatever the driver called them. A const method, or one the driver calls itself,
// leaves its class alone. A body written on one line gets its statements on lines of their own.
#include <fuchsia/hardware/gpioimpl/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.gpioimpl stays beside the driver-transport one: this file still uses its declarations (one at line {{[0-9]+}}, column 26)
// CHECK-FIXES: #include <fidl/fuchsia.hardware.gpioimpl/cpp/driver/wire.h>

class Gpio : public ddk::GpioImplProtocol<Gpio> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Gpio now serves GpioImpl as an fdf::WireServer: publish it by hand
 public:
  zx_status_t GpioImplWrite(uint32_t pin, uint8_t level) { return Check(pin + level); }
  // CHECK-FIXES: void Write(WriteRequestView request, fdf::Arena& arena, WriteCompleter::Sync& completer) override {
  // CHECK-FIXES-NEXT: zx_status_t reply_status = Check(request->index + request->value);
  // CHECK-FIXES-NEXT: if (reply_status == ZX_OK) {
  // CHECK-FIXES-NEXT: completer.buffer(arena).ReplySuccess();
  // CHECK-FIXES-NEXT: } else {
  // CHECK-FIXES-NEXT: completer.buffer(arena).ReplyError(reply_status);
  // CHECK-FIXES-NEXT: }
  // CHECK-FIXES-NEXT: }
  zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value) {
    // CHECK-FIXES: uint8_t value_out{};
    *out_value = value;
    // CHECK-FIXES: value_out = value;
    return ZX_OK;
    // CHECK-FIXES: completer.buffer(arena).ReplySuccess(value_out);
  }

 private:
  zx_status_t Check(uint32_t pin) { return pin < 4 ? ZX_OK : ZX_ERR_INTERNAL; }
  uint8_t value = 5;
};

class ConstRead : public ddk::GpioImplProtocol<ConstRead> {
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: [FDFDRV046] ConstRead serves ddk::GpioImplProtocol, and stays so: its method GpioImplRead is not rewritten
 public:
  zx_status_t GpioImplRead(uint32_t index, uint8_t* out_value) const { return ZX_OK; }
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] ConstRead::GpioImplRead is const, virtual or static, unlike a FIDL server method: not rewritten
};

class CallsItself : public ddk::GpioImplProtocol<CallsItself> {
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: [FDFDRV046] CallsItself serves ddk::GpioImplProtocol, and stays so: its method GpioImplWrite is not rewritten
 public:
  zx_status_t Init() { return GpioImplWrite(0, 1); }
  zx_status_t GpioImplWrite(uint32_t index, uint8_t value) { return ZX_OK; }
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] CallsItself::GpioImplWrite is called by the driver itself (at line [[@LINE-2]], column 31), and would not be by that name any more: not rewritten
};

int main() { return 0; }
