// A temperature sensor's driver, in a host of its own: it reaches the i2c core's devices over
// Zircon channels through incoming() (banjo would not cross the hosts), and reads the sensor the
// way such drivers do, write-then-read transactions on its registers. It writes each transfer and
// its outcome to the event log, in order, so a test can check every byte across the hosts.
#include <fidl/fdfkit.examples.i2c/cpp/wire.h>
#include <lib/driver/component/cpp/driver_export.h>
#include <zircon/status.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "corpus/drivers/common/event_log.h"
#include "corpus/drivers/gpio-i2c/common/call_log.h"

namespace {

namespace i2c = fdfkit_examples_i2c;
using fdfkit::examples::gpio_i2c::HexAddress;
using fdfkit::examples::gpio_i2c::HexBytes;

// The sensor's registers (16 bits, big-endian) and its high-temperature limit's new value.
constexpr uint8_t kTemperature = 0x00;
constexpr uint8_t kHighLimit = 0x03;
constexpr uint8_t kHighLimit30C[] = {0x1e, 0x00};
// More than the controller takes in one op (it answers its limit, 32).
constexpr uint32_t kOverlongRead = 64;

class TempSensor : public fdf::DriverBase {
 public:
  TempSensor(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("temp-sensor", std::move(start_args), std::move(dispatcher)) {}

  zx::result<> Start() override {
    fdfkit::examples::RecordEvent("temp-sensor", "start");
    zx::result sensor = incoming()->Connect<i2c::Service::Device>("i2c-0x48");
    if (sensor.is_error()) return sensor.take_error();
    auto address = fidl::WireCall(*sensor)->GetAddress();
    auto max = fidl::WireCall(*sensor)->GetMaxTransferSize();
    if (!address.ok() || !max.ok() || max->is_error()) return zx::error(ZX_ERR_IO);
    fdfkit::examples::RecordEvent("temp-sensor",
                                  "device address=" + HexAddress(address->address) +
                                      " max_transfer=" + std::to_string(max->value()->size));

    // The temperature: the register pointer, then two bytes (a repeated start between them).
    std::vector<uint8_t> reading;
    if (Transfer(*sensor, "0x48", {kTemperature}, 2, &reading) == ZX_OK && reading.size() == 2) {
      // 12 bits of 1/16 °C, left-aligned.
      int32_t sixteenths = (reading[0] << 8 | reading[1]) >> 4;
      fdfkit::examples::RecordEvent("temp-sensor",
                                    "temperature millicelsius=" + std::to_string(sixteenths * 625 / 10));
    }
    // A new high limit, written and read back.
    Transfer(*sensor, "0x48", {kHighLimit, kHighLimit30C[0], kHighLimit30C[1]}, 0, nullptr);
    Transfer(*sensor, "0x48", {kHighLimit}, 2, nullptr);
    // More than the controller takes in one op.
    Transfer(*sensor, "0x48", {kTemperature}, kOverlongRead, nullptr);

    // The footprint for a second sensor: served by the i2c core, but nothing answers on the bus.
    zx::result spare = incoming()->Connect<i2c::Service::Device>("i2c-0x4a");
    if (spare.is_error()) return spare.take_error();
    Transfer(*spare, "0x4a", {kTemperature}, 2, nullptr);
    return zx::ok();
  }
  void PrepareStop(fdf::PrepareStopCompleter completer) override {
    fdfkit::examples::RecordEvent("temp-sensor", "prepare_stop");
    completer(zx::ok());
  }
  void Stop() override { fdfkit::examples::RecordEvent("temp-sensor", "stop"); }

 private:
  // Writes `write` (the register pointer, and the value to write if any), then reads `read_size`
  // bytes if not 0, as one transaction; records "transfer <device> write=<hex> read=<n> <status>
  // [data=<hex>]" and answers the status (the transport's, else the transfer's).
  static zx_status_t Transfer(const fidl::ClientEnd<i2c::Device>& device, const char* name,
                              std::initializer_list<uint8_t> write, uint32_t read_size,
                              std::vector<uint8_t>* out) {
    std::vector<uint8_t> bytes(write);
    std::vector<i2c::wire::Op> ops = {
        {.write_data = fidl::VectorView<uint8_t>::FromExternal(bytes), .stop = read_size == 0}};
    if (read_size > 0) ops.push_back({.read_size = read_size, .stop = true});
    auto result = fidl::WireCall(device)->Transfer(
        fidl::VectorView<i2c::wire::Op>::FromExternal(ops));
    zx_status_t status = !result.ok()          ? result.status()
                         : result->is_error() ? result->error_value()
                                              : ZX_OK;
    std::string line = std::string("transfer ") + name + " write=" +
                       HexBytes(bytes.data(), bytes.size()) + " read=" + std::to_string(read_size) +
                       " " + zx_status_get_string(status);
    if (status == ZX_OK) {
      for (const i2c::wire::ReadData& read : result->value()->reads) {
        line += " data=" + HexBytes(read.data.data(), read.data.count());
        if (out) out->assign(read.data.begin(), read.data.end());
      }
    }
    fdfkit::examples::RecordEvent("temp-sensor", line);
    return status;
  }
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(TempSensor);
