// migrate-driver's rewrite of the controller (--mode=replace, at build time), served over the
// driver transport and called by a sync client as the rewritten i2c core calls it: each op's
// buffer a view of the caller's memory, the reads taken from the reply.
#include "replace-i2c/i2c_controller.cc"

#include <zircon/status.h>

#include "tests/fidl/latch.h"
#include "tests/migrate/driver/behaviour/i2c_controller_harness.h"

namespace fdfkit::testing {

I2cTranscript RunFidlI2cController(fdf_dispatcher_t* controller_dispatcher) {
  using fuchsia_hardware_i2cimpl::Device;
  I2cController controller;
  auto endpoints = fdf::CreateEndpoints<Device>();
  if (endpoints.is_error()) return {"no endpoints"};
  Latch unbound;
  fdf::BindServer(controller_dispatcher, std::move(endpoints->server), &controller,
                  [&](I2cController*, fidl::UnbindInfo, fdf::ServerEnd<Device>) {
                    unbound.Signal();
                  });
  I2cTranscript transcript;
  {
    fdf::WireSyncClient<Device> client(std::move(endpoints->client));
    fdf::Arena arena('TEST');
    auto base = client.buffer(arena)->GetBusBase();
    auto count = client.buffer(arena)->GetBusCount();
    transcript.push_back(base.ok() && count.ok() ? "buses " + std::to_string(base->base) + " " +
                                                       std::to_string(count->count)
                                                 : "buses failed");
    for (uint32_t bus_id : {0u, 1u}) {
      auto size = client.buffer(arena)->GetMaxTransferSize(bus_id);
      zx_status_t status = !size.ok() ? size.status() : size->is_error() ? size->error_value() : ZX_OK;
      transcript.push_back("max_transfer " + std::to_string(bus_id) + " " +
                           zx_status_get_string(status) +
                           (status == ZX_OK ? " " + std::to_string(size->value()->size) : ""));
    }
    for (const I2cTransaction& transaction : kI2cTransactions) {
      std::vector<std::vector<uint8_t>> buffers;
      for (const I2cStep& step : transaction.ops) {
        buffers.push_back(step.is_read ? std::vector<uint8_t>(step.read_size) : step.write);
      }
      fidl::VectorView<fuchsia_hardware_i2cimpl::wire::I2cImplOp> ops(arena,
                                                                      transaction.ops.size());
      for (size_t i = 0; i < transaction.ops.size(); ++i) {
        ops[i].address = 0x50;
        ops[i].data = fidl::VectorView<uint8_t>::FromExternal(buffers[i].data(), buffers[i].size());
        ops[i].is_read = transaction.ops[i].is_read;
        ops[i].stop = i + 1 == transaction.ops.size();
      }
      auto result = client.buffer(arena)->Transact(transaction.bus_id, ops);
      zx_status_t status =
          !result.ok() ? result.status() : result->is_error() ? result->error_value() : ZX_OK;
      std::vector<std::vector<uint8_t>> reads;
      for (size_t i = 0; status == ZX_OK && i < transaction.ops.size(); ++i) {
        if (!transaction.ops[i].is_read) continue;
        if (i >= result->value()->read.count()) return {"a read op without its reply element"};
        const fidl::VectorView<uint8_t>& data = result->value()->read[i].data;
        reads.emplace_back(data.data(), data.data() + data.count());
      }
      transcript.push_back(TransactLine(transaction.bus_id, status, reads));
    }
  }
  // The client end is closed: the controller outlives its binding.
  if (!unbound.Wait()) transcript.push_back("binding never unbound");
  return transcript;
}

}  // namespace fdfkit::testing
