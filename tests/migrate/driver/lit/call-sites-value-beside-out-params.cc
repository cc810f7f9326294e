// ARGS: --mode=replace
// MAPPING: fuchsia.hardware.blockio
// A banjo method that returns one output and writes the others through out-parameters (the
// corpus's Blockio.Query: the block count, then the block size and the transfer limit): one
// call, whose response gives the out-parameters first and then the value, as banjo did.
#include <fuchsia/hardware/blockio/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.blockio/cpp/driver/wire.h>
#include <lib/driver/compat/cpp/banjo_client.h>

#include <utility>

class Driver {
 public:
  int Start(const std::shared_ptr<fdf::Namespace>& incoming) {
    zx::result block = compat::ConnectBanjo<ddk::BlockioProtocolClient>(incoming);
    if (block.is_error()) return block.status_value();
    block_ = std::move(*block);
    // CHECK-FIXES: block_.Bind(std::move(*block));
    uint32_t size = 0;
    uint32_t max = 0;
    uint64_t count = block_.Query(&size, &max);
    // CHECK-FIXES: uint64_t count = [&]() -> uint64_t {
    // CHECK-FIXES-NEXT: auto result = block_.buffer(arena)->Query();
    // CHECK-FIXES-NEXT: size = result->block_size;
    // CHECK-FIXES-NEXT: max = result->max_transfer_blocks;
    // CHECK-FIXES-NEXT: return result->block_count;
    // CHECK-FIXES-NEXT: }();
    return count > 0 && size == 512 ? 0 : 1;
  }

 private:
  ddk::BlockioProtocolClient block_;
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_blockio::Blockio> block_;
};

int main() { return Driver().Start(std::make_shared<fdf::Namespace>()); }
