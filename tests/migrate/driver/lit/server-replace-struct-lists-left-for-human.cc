// EXIT: 1
// MAPPING: fuchsia.hardware.i2cimpl
// MAPPING: fuchsia.hardware.dma
// --mode=replace: a server taking a list of structs reads the request's elements field by field;
// anything else it does with the list or its elements is left for a human, and its class with
// it: the list handed on whole or moved through, an element copied or passed on, a buffer's
// pointer kept somewhere (its address taken), the list read in a lambda, or taken by an @async
// method (whose reply may come after the body returned).
#include <fuchsia/hardware/dma/cpp/banjo.h>
#include <fuchsia/hardware/i2cimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fuchsia/hardware/dma/cpp/banjo.h>
// CHECK-FIXES-NEXT: #include <fuchsia/hardware/i2cimpl/cpp/banjo.h>

zx_status_t Check(const i2c_impl_op_t* ops, size_t count);
void Log(const i2c_impl_op_t& op);

class HandedOn : public ddk::I2cImplProtocol<HandedOn, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: [FDFDRV046] HandedOn serves ddk::I2cImplProtocol, and stays so: its method I2cImplTransact is not rewritten
 public:
  zx_status_t I2cImplTransact(uint32_t bus_id, const i2c_impl_op_t* op_list, size_t op_count) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] HandedOn::I2cImplTransact uses the list 'op_list' at line [[@LINE+1]], column 18 other than as op_list[i] (passed on, dereferenced, moved through): its elements are wire structs now: not rewritten
    return Check(op_list, op_count);
  }
};

class MovedThrough : public ddk::I2cImplProtocol<MovedThrough, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: [FDFDRV046] MovedThrough serves ddk::I2cImplProtocol, and stays so: its method I2cImplTransact is not rewritten
 public:
  zx_status_t I2cImplTransact(uint32_t bus_id, const i2c_impl_op_t* op_list, size_t op_count) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] MovedThrough::I2cImplTransact uses the list 'op_list' at line [[@LINE+2]], column 38 other than as op_list[i] (passed on, dereferenced, moved through): its elements are wire structs now: not rewritten
    for (size_t i = 0; i < op_count; ++i) {
      for (const i2c_impl_op_t* op = op_list; op != op_list + op_count; ++op) Log(*op);
    }
    return ZX_OK;
  }
};

class ElementPassedOn : public ddk::I2cImplProtocol<ElementPassedOn, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: [FDFDRV046] ElementPassedOn serves ddk::I2cImplProtocol, and stays so: its method I2cImplTransact is not rewritten
 public:
  zx_status_t I2cImplTransact(uint32_t bus_id, const i2c_impl_op_t* op_list, size_t op_count) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] ElementPassedOn::I2cImplTransact uses an element of 'op_list' at line [[@LINE+1]], column 47 whole, not field by field (copied, passed on, its address taken): not rewritten
    for (size_t i = 0; i < op_count; ++i) Log(op_list[i]);
    return ZX_OK;
  }
};

class BufferKept : public ddk::I2cImplProtocol<BufferKept, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: [FDFDRV046] BufferKept serves ddk::I2cImplProtocol, and stays so: its method I2cImplTransact is not rewritten
 public:
  zx_status_t I2cImplTransact(uint32_t bus_id, const i2c_impl_op_t* op_list, size_t op_count) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] BufferKept::I2cImplTransact uses 'data_buffer' of an element of 'op_list' at line [[@LINE+1]], column 25 other than by reading its value (written, bound to a reference, its address taken): not rewritten
    last_ = &op_list[0].data_buffer;
    return ZX_OK;
  }

 private:
  uint8_t* const* last_ = nullptr;
};

class InALambda : public ddk::I2cImplProtocol<InALambda, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: [FDFDRV046] InALambda serves ddk::I2cImplProtocol, and stays so: its method I2cImplTransact is not rewritten
 public:
  zx_status_t I2cImplTransact(uint32_t bus_id, const i2c_impl_op_t* op_list, size_t op_count) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] InALambda::I2cImplTransact reads the list 'op_list' in a lambda (at line [[@LINE+1]], column 24): not rewritten
    auto first_read = [&] { return op_list[0].is_read; };
    return op_count > 0 && first_read() ? ZX_OK : ZX_ERR_INTERNAL;
  }
};

class Queued : public ddk::DmaProtocol<Queued, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: [FDFDRV046] Queued serves ddk::DmaProtocol, and stays so: its method DmaQueue is not rewritten
 public:
  void DmaQueue(const dma_descriptor_t* descriptor_list, size_t descriptor_count,
                dma_queue_callback callback, void* cookie) {
    // CHECK-MESSAGES: :[[@LINE-2]]:8: warning: [FDFDRV064] Queued::DmaQueue takes the list of structs 'descriptor_list' in an @async method, whose reply may come after the request (and the buffers its elements view) is gone: not rewritten
    callback(cookie, descriptor_count > 0 && descriptor_list[0].last ? ZX_OK : ZX_ERR_INTERNAL);
  }
};

zx_status_t Check(const i2c_impl_op_t* ops, size_t count) { return count > 0 ? ZX_OK : ZX_ERR_INTERNAL; }
void Log(const i2c_impl_op_t& op) {}

int main() {
  HandedOn handed_on;
  MovedThrough moved_through;
  ElementPassedOn element_passed_on;
  BufferKept buffer_kept;
  InALambda in_a_lambda;
  Queued queued;
  return 0;
}
