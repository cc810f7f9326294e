// MAPPING: fuchsia.hardware.i2cimpl
// EXIT: 1
// --mode=replace: a list of structs that hold buffers (i2cimpl's ops) becomes a wire list on the
// function's arena, built op by op, each buffer a view of the caller's memory. What the
// controller wrote in place comes back in the reply, one element per op, in order, and is copied
// into each op's own buffer, never past its size; a reply with more elements than ops fails the
// call with ZX_ERR_INTERNAL. A list or a count that is not a plain name is read once, into a local.
#include <fuchsia/hardware/i2cimpl/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.i2cimpl stays beside the driver-transport one: this file still uses its declarations (one at line {{[0-9]+}}, column {{[0-9]+}})
// CHECK-FIXES: #include <fuchsia/hardware/i2cimpl/cpp/banjo.h>
// CHECK-FIXES-NEXT: #include <fidl/fuchsia.hardware.i2cimpl/cpp/driver/wire.h>

#include <algorithm>
#include <iterator>

class I2cCore {
 public:
  // What a device's transfer goes through: the ops are the device's.
  zx_status_t Transact(uint32_t bus_id, const i2c_impl_op_t* ops, size_t count) {
    return i2c_impl_.Transact(bus_id, ops, count);
    // CHECK-FIXES: zx_status_t Transact(uint32_t bus_id, const i2c_impl_op_t* ops, size_t count) {
    // CHECK-FIXES-NEXT: fdf::Arena arena('DEVI');
    // CHECK-FIXES-NEXT: return [&]() -> zx_status_t {
    // CHECK-FIXES-NEXT: decltype(fuchsia_hardware_i2cimpl::wire::DeviceTransactRequest::op) op(arena, count);
    // CHECK-FIXES-NEXT: for (size_t i = 0; i < count; ++i) {
    // CHECK-FIXES-NEXT: op[i].address = ops[i].address;
    // CHECK-FIXES-NEXT: op[i].data = fidl::VectorView<uint8_t>::FromExternal(ops[i].data_buffer, ops[i].data_size);
    // CHECK-FIXES-NEXT: op[i].is_read = ops[i].is_read;
    // CHECK-FIXES-NEXT: op[i].stop = ops[i].stop;
    // CHECK-FIXES-NEXT: }
    // CHECK-FIXES-NEXT: auto result = i2c_impl_.buffer(arena)->Transact(bus_id, op);
    // CHECK-FIXES-NEXT: if (!result.ok()) return result.status();
    // CHECK-FIXES-NEXT: if (result->is_error()) return result->error_value();
    // CHECK-FIXES-NEXT: if (result->value()->read.count() > count) return ZX_ERR_INTERNAL;
    // CHECK-FIXES-NEXT: for (size_t i = 0; i < result->value()->read.count(); ++i) {
    // CHECK-FIXES-NEXT: std::copy_n(result->value()->read[i].data.data(), std::min<size_t>(result->value()->read[i].data.count(), ops[i].data_size), ops[i].data_buffer);
    // CHECK-FIXES-NEXT: }
    // CHECK-FIXES-NEXT: return ZX_OK;
    // CHECK-FIXES-NEXT: }();
  }

  // A write of the register pointer, then a read of two bytes; the list and its count are
  // expressions, each read once.
  zx_status_t ReadRegister(uint8_t reg, uint16_t* value) {
    uint8_t pointer[] = {reg};
    uint8_t bytes[2] = {};
    i2c_impl_op_t ops[] = {
        {.address = 0x48, .data_buffer = pointer, .data_size = 1, .is_read = false, .stop = false},
        {.address = 0x48, .data_buffer = bytes, .data_size = 2, .is_read = true, .stop = true}};
    zx_status_t status = i2c_impl_.Transact(bus_id_, &ops[0], std::size(ops));
    // CHECK-FIXES: zx_status_t status = [&]() -> zx_status_t {
    // CHECK-FIXES-NEXT: const auto* op_list = &ops[0];
    // CHECK-FIXES-NEXT: const size_t op_count = std::size(ops);
    // CHECK-FIXES-NEXT: decltype(fuchsia_hardware_i2cimpl::wire::DeviceTransactRequest::op) op(arena, op_count);
    // CHECK-FIXES-NEXT: for (size_t i = 0; i < op_count; ++i) {
    // CHECK-FIXES-NEXT: op[i].address = op_list[i].address;
    // CHECK-FIXES: auto result = i2c_impl_.buffer(arena)->Transact(bus_id_, op);
    // CHECK-FIXES: if (result->value()->read.count() > op_count) return ZX_ERR_INTERNAL;
    // CHECK-FIXES-NEXT: for (size_t i = 0; i < result->value()->read.count(); ++i) {
    // CHECK-FIXES-NEXT: std::copy_n(result->value()->read[i].data.data(), std::min<size_t>(result->value()->read[i].data.count(), op_list[i].data_size), op_list[i].data_buffer);
    if (status != ZX_OK) return status;
    *value = static_cast<uint16_t>(bytes[0] << 8 | bytes[1]);
    return ZX_OK;
  }

  // Its status ignored: still a call that copies what was read back.
  void Probe(i2c_impl_op_t* ops, size_t count) {
    i2c_impl_.Transact(bus_id_, ops, count);
    // CHECK-FIXES: [&]() -> zx_status_t {
    // CHECK-FIXES: std::copy_n(result->value()->read[i].data.data(), std::min<size_t>(result->value()->read[i].data.count(), ops[i].data_size), ops[i].data_buffer);
  }

 private:
  ddk::I2cImplProtocolClient i2c_impl_;
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_i2cimpl::Device> i2c_impl_;
  uint32_t bus_id_ = 0;
};

int main() {
  I2cCore core;
  uint16_t value = 0;
  return core.ReadRegister(0, &value);
}
