// The original banjo controller, called through its ops table as a colocated banjo client would:
// each read lands in the op's own buffer.
#include "tests/migrate/driver/behaviour/i2c_controller.cc"

#include <zircon/status.h>

#include "tests/migrate/driver/behaviour/i2c_controller_harness.h"

namespace fdfkit::testing {
namespace {

// The mixin's ops table is the controller's own; a subclass hands it out as the banjo protocol.
class BanjoI2cController : public I2cController {
 public:
  i2c_impl_protocol_t Protocol() {
    return {&i2c_impl_protocol_ops_, static_cast<I2cController*>(this)};
  }
};

}  // namespace

I2cTranscript RunBanjoI2cController() {
  BanjoI2cController controller;
  i2c_impl_protocol_t protocol = controller.Protocol();
  ddk::I2cImplProtocolClient client(&protocol);
  I2cTranscript transcript;
  transcript.push_back("buses " + std::to_string(client.GetBusBase()) + " " +
                       std::to_string(client.GetBusCount()));
  for (uint32_t bus_id : {0u, 1u}) {
    uint64_t size = 0;
    zx_status_t status = client.GetMaxTransferSize(bus_id, &size);
    transcript.push_back("max_transfer " + std::to_string(bus_id) + " " +
                         zx_status_get_string(status) +
                         (status == ZX_OK ? " " + std::to_string(size) : ""));
  }
  for (const I2cTransaction& transaction : kI2cTransactions) {
    std::vector<std::vector<uint8_t>> buffers;
    for (const I2cStep& step : transaction.ops) {
      buffers.push_back(step.is_read ? std::vector<uint8_t>(step.read_size) : step.write);
    }
    std::vector<i2c_impl_op_t> ops;
    for (size_t i = 0; i < transaction.ops.size(); ++i) {
      ops.push_back({.address = 0x50,
                     .data_buffer = buffers[i].data(),
                     .data_size = buffers[i].size(),
                     .is_read = transaction.ops[i].is_read,
                     .stop = i + 1 == transaction.ops.size()});
    }
    zx_status_t status = client.Transact(transaction.bus_id, ops.data(), ops.size());
    std::vector<std::vector<uint8_t>> reads;
    for (size_t i = 0; i < transaction.ops.size(); ++i) {
      if (transaction.ops[i].is_read) reads.push_back(buffers[i]);
    }
    transcript.push_back(TransactLine(transaction.bus_id, status, reads));
  }
  return transcript;
}

const std::vector<I2cTransaction> kI2cTransactions = {
    {0, {{.is_read = false, .write = {0x04, 0x3a, 0x3b}}}},
    {0, {{.is_read = false, .write = {0x03}}, {.is_read = true, .read_size = 4}}},
    {0, {{.is_read = false, .write = {0x0e}}, {.is_read = true, .read_size = 1},
         {.is_read = true, .read_size = 3}}},
    {1, {{.is_read = true, .read_size = 2}}},
    {0, {}},
};

std::string TransactLine(uint32_t bus_id, zx_status_t status,
                         const std::vector<std::vector<uint8_t>>& reads) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string line =
      "transact " + std::to_string(bus_id) + " " + zx_status_get_string(status);
  for (size_t r = 0; status == ZX_OK && r < reads.size(); ++r) {
    line += " read " + std::to_string(r) + ":";
    for (uint8_t byte : reads[r]) line += std::string{kHex[byte >> 4], kHex[byte & 0xf]};
  }
  return line;
}

}  // namespace fdfkit::testing
