// The i2c core, written the way unmigrated DFv2 drivers are: it binds the I2C controller's child
// in the controller's host, reaches fuchsia.hardware.i2cimpl through compat::ConnectBanjo, and
// serves each device on the bus as an instance of fdfkit.examples.i2c.Service, a Zircon-channel
// protocol (fidl/fdfkit.examples.i2c.fidl), so that a driver in another host can reach it; banjo
// could not. A device's transfers are the controller's transactions at the device's address.
//
// The devices come from the manifest's `channels` (addresses, standing in for the board's I2C
// metadata); the one child it adds, named by `child`, is offered every device's instance.
#include <fidl/fdfkit.examples.i2c/cpp/wire.h>
#include <fuchsia/hardware/i2cimpl/cpp/banjo.h>
#include <lib/driver/compat/cpp/banjo_client.h>
#include <lib/driver/component/cpp/driver_export.h>
#include <lib/driver/component/cpp/node_add_args.h>
#include <zircon/status.h>

#include <memory>
#include <string>
#include <vector>

#include "corpus/drivers/common/event_log.h"
#include "corpus/drivers/gpio-i2c/common/call_log.h"

namespace {

namespace fdfw = fuchsia_driver_framework;
namespace i2c = fdfkit_examples_i2c;
using fdfkit::examples::gpio_i2c::HexAddress;

constexpr uint32_t kBitrate = 400'000;  // fast mode

// One device on the bus: its channel server. Each transfer is one controller transaction through
// the i2c core's client (which outlives every device), its read ops landing in buffers of this
// object (one transfer at a time: the server runs on the i2c core's synchronized dispatcher).
class I2cDevice : public fidl::WireServer<i2c::Device> {
 public:
  I2cDevice(uint16_t address, uint32_t bus_id, uint64_t max_transfer_size,
            const ddk::I2cImplProtocolClient& i2c_impl)
      : address_(address),
        bus_id_(bus_id),
        max_transfer_size_(max_transfer_size),
        i2c_impl_(i2c_impl) {}

  // ZX_ERR_INVALID_ARGS: an op that both writes and reads, or reads more than the reply can carry;
  // otherwise the controller's status.
  void Transfer(TransferRequestView request, TransferCompleter::Sync& completer) override {
    size_t count = request->ops.count();
    i2c_impl_op_t ops[i2c::wire::kMaxOps];
    std::string shape;
    size_t reads = 0;
    for (size_t i = 0; i < count; ++i) {
      const i2c::wire::Op& op = request->ops[i];
      bool is_read = op.read_size > 0;
      if ((is_read && op.write_data.count() > 0) || op.read_size > i2c::wire::kMaxOpSize) {
        return Reply(completer, shape, ZX_ERR_INVALID_ARGS);
      }
      ops[i] = {.address = address_,
                .data_buffer = is_read ? read_buffers_[reads++] : op.write_data.data(),
                .data_size = is_read ? op.read_size : op.write_data.count(),
                .is_read = is_read,
                .stop = op.stop};
      shape += (i == 0 ? "" : ",") + std::string(is_read ? "r" : "w") +
               std::to_string(ops[i].data_size);
    }
    zx_status_t status = i2c_impl_.Transact(bus_id_, ops, count);
    if (status != ZX_OK) return Reply(completer, shape, status);
    fidl::Arena arena;
    fidl::VectorView<i2c::wire::ReadData> read_data(arena, reads);
    for (size_t i = 0, r = 0; i < count; ++i) {
      if (!ops[i].is_read) continue;
      read_data[r++].data = fidl::VectorView<uint8_t>::FromExternal(ops[i].data_buffer,
                                                                    ops[i].data_size);
    }
    Record(shape, ZX_OK);
    completer.buffer(arena).ReplySuccess(read_data);
  }
  void GetMaxTransferSize(GetMaxTransferSizeCompleter::Sync& completer) override {
    completer.ReplySuccess(max_transfer_size_);
  }
  void GetAddress(GetAddressCompleter::Sync& completer) override { completer.Reply(address_); }

 private:
  void Reply(TransferCompleter::Sync& completer, const std::string& shape, zx_status_t status) {
    Record(shape, status);
    completer.ReplyError(status);
  }
  void Record(const std::string& shape, zx_status_t status) const {
    fdfkit::examples::RecordEvent("i2c", "transfer address=" + HexAddress(address_) + " ops=" +
                                             shape + " " + zx_status_get_string(status));
  }

  const uint16_t address_;
  const uint32_t bus_id_;
  const uint64_t max_transfer_size_;
  const ddk::I2cImplProtocolClient& i2c_impl_;
  uint8_t read_buffers_[i2c::wire::kMaxOps][i2c::wire::kMaxOpSize];
};

class I2cCore : public fdf::DriverBase {
 public:
  I2cCore(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("i2c", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    fdfkit::examples::RecordEvent("i2c", "start");
    zx::result i2c_impl = compat::ConnectBanjo<ddk::I2cImplProtocolClient>(incoming());
    if (i2c_impl.is_error()) {
      fdfkit::examples::RecordEvent("i2c", std::string("connect ") + i2c_impl.status_string());
      return i2c_impl.take_error();
    }
    i2c_impl_ = *i2c_impl;
    // The controller's first bus, its largest op, and fast mode.
    uint32_t bus_id = i2c_impl_.GetBusBase();
    if (i2c_impl_.GetBusCount() == 0) return zx::error(ZX_ERR_NOT_FOUND);
    uint64_t max_transfer_size = 0;
    zx_status_t status = i2c_impl_.GetMaxTransferSize(bus_id, &max_transfer_size);
    if (status != ZX_OK) return zx::error(status);
    status = i2c_impl_.SetBitrate(bus_id, kBitrate);
    if (status != ZX_OK) return zx::error(status);
    fdfkit::examples::RecordEvent("i2c", "bus=" + std::to_string(bus_id) + " max_transfer=" +
                                             std::to_string(max_transfer_size) +
                                             " hz=" + std::to_string(kBitrate));

    zx::result channels = fdf::ProgramValueAsVector(program(), "channels");
    if (channels.is_error()) return channels.take_error();
    zx::result child = fdf::ProgramValue(program(), "child");
    if (child.is_error()) return child.take_error();
    fidl::Arena arena;
    std::vector<fdfw::wire::Offer> offers;
    for (const std::string& channel : *channels) {
      auto address = static_cast<uint16_t>(std::stoul(channel, nullptr, 16));
      auto device = std::make_unique<I2cDevice>(address, bus_id, max_transfer_size, i2c_impl_);
      std::string instance = "i2c-" + HexAddress(address);
      zx::result<> served = outgoing()->AddService<i2c::Service>(
          i2c::Service::InstanceHandler(
              {.device = [this, server = device.get()](fidl::ServerEnd<i2c::Device> end) {
                fidl::BindServer(dispatcher(), std::move(end), server);
              }}),
          instance);
      if (served.is_error()) return served.take_error();
      offers.push_back(fdf::MakeOffer<i2c::Service>(arena, instance));
      fdfkit::examples::RecordEvent("i2c", "serving " + instance);
      devices_.push_back(std::move(device));
    }
    // The consumer binds the service's key and the node's name; it reaches each device by the
    // instance named after its address.
    fdfw::wire::NodeProperty properties[] = {
        fdf::MakeProperty(arena, "fdfkit.examples.i2c.Service",
                          std::string_view("fdfkit.examples.i2c.Service.ZirconTransport")),
        fdf::MakeProperty(arena, "fdfkit.examples.gpioi2c.DEVICE", std::string_view(*child))};
    zx::result controller = AddChild(*child, properties, offers);
    if (controller.is_error()) return controller.take_error();
    controller_ = std::move(*controller);
    return zx::ok();
  }
  void PrepareStop(fdf::PrepareStopCompleter completer) override {
    fdfkit::examples::RecordEvent("i2c", "prepare_stop");
    completer(zx::ok());
  }
  void Stop() override { fdfkit::examples::RecordEvent("i2c", "stop"); }

 private:
  // The controller, for as long as the devices call it (declared first: destroyed after them).
  ddk::I2cImplProtocolClient i2c_impl_;
  // Outlive their bindings: the host shuts this driver's dispatchers down before destroying it.
  std::vector<std::unique_ptr<I2cDevice>> devices_;
  fidl::ClientEnd<fdfw::NodeController> controller_;
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(I2cCore);
