// An I2C controller written the way unmigrated DFv2 drivers are: a banjo client of one GPIO pin
// (its bus-enable line, the gpio core's pin node it binds, reached through compat::ConnectBanjo)
// and a banjo server of fuchsia.hardware.i2cimpl (the driver class is ddk::I2cImplProtocol's D,
// published through compat::BanjoServer to the child the i2c core binds). The bus and the
// temperature sensor on it are common/i2c_bus.h. Every call it serves is written down with the
// dispatcher it ran on (common/call_log.h).
#include <fuchsia/hardware/gpio/cpp/banjo.h>
#include <fuchsia/hardware/i2cimpl/cpp/banjo.h>
#include <lib/driver/compat/cpp/banjo_client.h>
#include <lib/driver/compat/cpp/banjo_server.h>
#include <lib/driver/component/cpp/driver_export.h>
#include <lib/driver/component/cpp/node_add_args.h>
#include <zircon/status.h>

#include <string>

#include "corpus/drivers/common/banjo_child.h"
#include "corpus/drivers/common/event_log.h"
#include "corpus/drivers/gpio-i2c/common/call_log.h"
#include "corpus/drivers/gpio-i2c/common/i2c_bus.h"

namespace {

namespace fdfw = fuchsia_driver_framework;
using fdfkit::examples::gpio_i2c::BusOp;
using fdfkit::examples::gpio_i2c::HexAddress;
using fdfkit::examples::gpio_i2c::HexBytes;
using fdfkit::examples::gpio_i2c::I2cBus;

// The pin's GPIO function (its mux's function 0) and the level that powers the bus.
constexpr uint64_t kGpioFunction = 0;
constexpr uint8_t kBusOn = 1;

class I2cImpl : public fdf::DriverBase, public ddk::I2cImplProtocol<I2cImpl> {
 public:
  I2cImpl(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("i2c-impl", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    fdfkit::examples::RecordEvent("i2c-impl", "start");
    zx::result enable = compat::ConnectBanjo<ddk::GpioProtocolClient>(incoming());
    if (enable.is_error()) {
      fdfkit::examples::RecordEvent("i2c-impl", std::string("connect ") + enable.status_string());
      return enable.take_error();
    }
    // Powers the bus: the pin to its GPIO function, then an output driven low, then high. The
    // write before the pin is an output must fail (the gpio core parked it as an input); the read
    // must give back what was written.
    zx_status_t alt = enable->SetAltFunction(kGpioFunction);
    zx_status_t write_as_input = enable->Write(kBusOn);
    zx_status_t config_out = enable->ConfigOut(0);
    zx_status_t write = enable->Write(kBusOn);
    uint8_t level = 0;
    zx_status_t read = enable->Read(&level);
    fdfkit::examples::RecordEvent(
        "i2c-impl", std::string("bus_enable alt=") + zx_status_get_string(alt) +
                        " write_as_input=" + zx_status_get_string(write_as_input) +
                        " config_out=" + zx_status_get_string(config_out) +
                        " write=" + zx_status_get_string(write) + " read=" +
                        zx_status_get_string(read) + "/" + std::to_string(level));
    if (read != ZX_OK || level != kBusOn) return zx::error(ZX_ERR_BAD_STATE);

    zx::result controller = fdfkit::examples::AddBanjoChild(node(), banjo_server_, "i2c-impl");
    if (controller.is_error()) return controller.take_error();
    controller_ = std::move(*controller);
    return zx::ok();
  }
  void PrepareStop(fdf::PrepareStopCompleter completer) override {
    fdfkit::examples::RecordEvent("i2c-impl", "prepare_stop");
    completer(zx::ok());
  }
  void Stop() override { fdfkit::examples::RecordEvent("i2c-impl", "stop"); }

  // One bus, numbered from 0.
  uint32_t I2cImplGetBusBase() {
    Record("get_bus_base", "base=0", ZX_OK);
    return 0;
  }
  uint32_t I2cImplGetBusCount() {
    Record("get_bus_count", "count=" + std::to_string(I2cBus::kBusCount), ZX_OK);
    return I2cBus::kBusCount;
  }
  // ZX_ERR_OUT_OF_RANGE: no such bus (every method that takes one).
  zx_status_t I2cImplGetMaxTransferSize(uint32_t bus_id, uint64_t* out_size) {
    zx_status_t status = I2cBus::CheckBus(bus_id);
    if (status == ZX_OK) *out_size = I2cBus::kMaxTransferSize;
    return Record("get_max_transfer_size", "bus=" + std::to_string(bus_id), status);
  }
  zx_status_t I2cImplSetBitrate(uint32_t bus_id, uint32_t bitrate) {
    return Record("set_bitrate", "bus=" + std::to_string(bus_id) + " hz=" + std::to_string(bitrate),
                  bus_.SetBitrate(bus_id, bitrate));
  }
  // The statuses are common/i2c_bus.h's. Reads land in the ops' own buffers.
  zx_status_t I2cImplTransact(uint32_t bus_id, const i2c_impl_op_t* op_list, size_t op_count) {
    std::string detail = "bus=" + std::to_string(bus_id) + " ops=";
    if (op_count > I2cBus::kMaxOps) {
      return Record("transact", detail + std::to_string(op_count), ZX_ERR_INVALID_ARGS);
    }
    BusOp ops[I2cBus::kMaxOps];
    for (size_t i = 0; i < op_count; ++i) {
      const i2c_impl_op_t& op = op_list[i];
      ops[i] = {op.address, op.data_buffer, op.data_size, op.is_read};
      detail += (i == 0 ? "" : ",") + HexAddress(op.address) + ":" + (op.is_read ? "r" : "w") +
                std::to_string(op.data_size);
    }
    zx_status_t status = bus_.Transact(bus_id, ops, op_count);
    for (size_t i = 0; status == ZX_OK && i < op_count; ++i) {
      if (op_list[i].is_read) detail += " read=" + HexBytes(op_list[i].data_buffer, op_list[i].data_size);
    }
    return Record("transact", detail, status);
  }

 private:
  zx_status_t Record(const char* method, const std::string& detail, zx_status_t status) const {
    return fdfkit::examples::gpio_i2c::RecordCall("i2c-impl", driver_dispatcher()->get(), method,
                                                  detail, status);
  }

  I2cBus bus_;
  compat::BanjoServer banjo_server_{ZX_PROTOCOL_I2C_IMPL, this, &i2c_impl_protocol_ops_};
  fidl::ClientEnd<fdfw::NodeController> controller_;
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(I2cImpl);
