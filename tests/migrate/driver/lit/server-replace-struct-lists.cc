// EXIT: 1
// SECOND-RUN-EXIT: 0
// MAPPING: fuchsia.hardware.i2cimpl
// --mode=replace: a server taking a list of structs that hold buffers (i2cimpl's Transact) reads
// the request's wire elements where it read the banjo ones: the count is the request list's, an
// element bound to a reference is the wire struct (its type deduced, const as it was), a
// buffer's pointer and size are its view's data() and count(), every other field keeps its name.
// What the body writes through an op's buffer lands in the request's own memory, which the reply
// carries back, one ReadData per op, in order. Nothing of banjo is left: the header goes.
#include <fuchsia/hardware/i2cimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.i2cimpl/cpp/driver/wire.h>
// CHECK-FIXES-NOT: banjo.h

#include <cstring>

class Controller : public ddk::I2cImplProtocol<Controller, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Controller now serves Device as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_i2cimpl::Service> with a handler from its binding group
 public:
  // Reads fill their buffer with the device's pattern; writes are checked and counted.
  zx_status_t I2cImplTransact(uint32_t bus_id, const i2c_impl_op_t* op_list, size_t op_count) {
    // CHECK-FIXES: void Transact(TransactRequestView request, fdf::Arena& arena, TransactCompleter::Sync& completer) override {
    // CHECK-FIXES-NEXT: decltype(fuchsia_hardware_i2cimpl::wire::DeviceTransactResponse::read) read(arena, request->op.count());
    // CHECK-FIXES-NEXT: for (size_t i = 0; i < request->op.count(); ++i) {
    // CHECK-FIXES-NEXT: read[i].data = request->op[i].data;
    // CHECK-FIXES-NEXT: }
    if (bus_id != 0 || op_count == 0) return ZX_ERR_OUT_OF_RANGE;
    // CHECK-FIXES-NEXT: if (request->bus_id != 0 || request->op.count() == 0) {
    // CHECK-FIXES-NEXT: completer.buffer(arena).ReplyError(ZX_ERR_OUT_OF_RANGE);
    // CHECK-FIXES-NEXT: return;
    // CHECK-FIXES-NEXT: }
    for (size_t i = 0; i < op_count; ++i) {
      const i2c_impl_op_t& op = op_list[i];
      // CHECK-FIXES: for (size_t i = 0; i < request->op.count(); ++i) {
      // CHECK-FIXES-NEXT: const auto& op = request->op[i];
      if (op.address != kAddress) return ZX_ERR_INTERNAL;
      // CHECK-FIXES-NEXT: if (op.address != kAddress) {
      if (op.is_read) {
        memset(op.data_buffer, kPattern, op.data_size);
        // CHECK-FIXES: memset(op.data.data(), kPattern, op.data.count());
      } else {
        written_ += op.data_size;
        // CHECK-FIXES: written_ += op.data.count();
      }
    }
    last_stop_ = op_list[op_count - 1].stop;
    // CHECK-FIXES: last_stop_ = request->op[request->op.count() - 1].stop;
    first_byte_ = op_list[0].data_size > 0 ? op_list[0].data_buffer[0] : 0;
    // CHECK-FIXES: first_byte_ = request->op[0].data.count() > 0 ? request->op[0].data.data()[0] : 0;
    return ZX_OK;
    // CHECK-FIXES: completer.buffer(arena).ReplySuccess(read);
  }

 private:
  static constexpr uint16_t kAddress = 0x48;
  static constexpr uint8_t kPattern = 0x5a;
  size_t written_ = 0;
  bool last_stop_ = false;
  uint8_t first_byte_ = 0;
};

int main() {
  Controller controller;
  return 0;
}
