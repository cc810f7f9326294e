// EXIT: 1
// A mapping whose clone does not return what the callee writes in the elements of a list of
// structs (written before migrate-protocol returned it: no `op[].data` row) would lose the reads:
// the call, and the server method, are left for a human, and their client and class with them.
// MAPPING-TEXT: {"schema": "fdfkit-mapping/1", "library": {"banjo": "fuchsia.hardware.i2cimpl", "fidl": "fuchsia.hardware.i2cimpl"}, "protocols": [{"banjo": {"protocol": "I2cImpl", "layout": "ddk-protocol", "c_ops_type": "i2c_impl_protocol_ops_t", "c_protocol_type": "i2c_impl_protocol_t", "protocol_id": "ZX_PROTOCOL_I2C_IMPL", "cpp_mixin": "ddk::I2cImplProtocol", "cpp_client": "ddk::I2cImplProtocolClient"}, "fidl": {"protocol": "Device", "openness": "open", "transport": "driver", "transport_from": {"source": "defaults", "where": "rules/migrate-protocol.json: $.defaults.transport"}, "service": {"name": "Service", "member": "device"}}, "methods": [{"banjo": {"method": "Transact", "c_ops_member": "transact", "cpp_mixin": "I2cImplTransact", "cpp_client": "Transact", "async": false}, "fidl": {"protocol": "Device", "method": "Transact", "kind": "two-way", "strictness": "flexible", "ordinal": 6461839908402215334}, "parameters": [{"banjo": "bus_id", "direction": "in", "c": ["bus_id"], "becomes": "request", "field": "bus_id"}, {"banjo": "op", "direction": "in", "c": ["op_list", "op_count"], "becomes": "request", "field": "op"}, {"banjo": "status", "direction": "out", "c": ["zx_status_t return"], "becomes": "error", "reason": "a leading zx.Status becomes `error zx.Status`"}], "status": "error_syntax"}]}]}
#include <fuchsia/hardware/i2cimpl/cpp/banjo.h>
// CHECK-FIXES: #include <fuchsia/hardware/i2cimpl/cpp/banjo.h>

class Core {
 public:
  zx_status_t Transact(uint32_t bus_id, const i2c_impl_op_t* ops, size_t count) {
    return i2c_impl_.Transact(bus_id, ops, count);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: [FDFDRV056] i2c_impl_.Transact(...): its parameter 'op' (const i2c_impl_op_t *) is a list whose elements hold buffers the callee writes in place ('data'), which the clone does not return: the call is not rewritten
  }

 private:
  ddk::I2cImplProtocolClient i2c_impl_;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: [FDFDRV060] the banjo client i2c_impl_ stays banjo with its calls, because of the call at line {{[0-9]+}}, column 22 (reported there): not rewritten
};

class Controller : public ddk::I2cImplProtocol<Controller, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: [FDFDRV046] Controller serves ddk::I2cImplProtocol, and stays so: its method I2cImplTransact is not rewritten
 public:
  zx_status_t I2cImplTransact(uint32_t bus_id, const i2c_impl_op_t* op_list, size_t op_count) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: [FDFDRV064] Controller::I2cImplTransact takes the list 'op', whose elements hold buffers it may write in place ('data'), which the clone does not return: not rewritten
    return op_count > 0 && op_list[0].is_read ? ZX_OK : ZX_ERR_INTERNAL;
  }
};

int main() {
  Core core;
  Controller controller;
  return 0;
}
