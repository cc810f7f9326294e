// EXIT: 1
// MAPPING: fuchsia.hardware.blockio
// --mode=replace: a server method returning a value beside out-parameters (Blockio.Query) that
// forwards to its parent, or to a helper filling the out-parameters in: the value is computed
// first, into a local, since the reply's arguments are evaluated in no set order and the call
// writes the out-parameters' locals the reply also carries.
#include <fuchsia/hardware/blockio/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.blockio stays beside the driver-transport one: this file still uses its declarations (one at line {{[0-9]+}}, column {{[0-9]+}})
// CHECK-FIXES: #include <fidl/fuchsia.hardware.blockio/cpp/driver/wire.h>

class Layer : public ddk::BlockioProtocol<Layer> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Layer now serves Blockio as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_blockio::Service> with a handler from its binding group
 public:
  uint64_t BlockioQuery(uint32_t* out_block_size, uint32_t* out_max_transfer_blocks) {
    return parent_.Query(out_block_size, out_max_transfer_blocks);
  }
  // CHECK-FIXES: void Query(fdf::Arena& arena, QueryCompleter::Sync& completer) override {
  // CHECK-FIXES-NEXT: uint32_t block_size{};
  // CHECK-FIXES-NEXT: uint32_t max_transfer_blocks{};
  // CHECK-FIXES-NEXT: auto reply_value = [&]() -> uint64_t {
  // CHECK-FIXES-NEXT: auto result = parent_.buffer(arena)->Query();
  // CHECK-FIXES-NEXT: block_size = result->block_size;
  // CHECK-FIXES-NEXT: max_transfer_blocks = result->max_transfer_blocks;
  // CHECK-FIXES-NEXT: return result->block_count;
  // CHECK-FIXES-NEXT: }();
  // CHECK-FIXES-NEXT: completer.buffer(arena).Reply(reply_value, block_size, max_transfer_blocks);

 private:
  ddk::BlockioProtocolClient parent_;
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_blockio::Blockio> parent_;
};

// A helper fills them in through plain pointers: as good as writing them.
uint64_t Fill(uint32_t* size, uint32_t* max) {
  *size = 512;
  *max = 8;
  return 100;
}

class Card : public ddk::BlockioProtocol<Card> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Card now serves Blockio as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_blockio::Service> with a handler from its binding group
 public:
  uint64_t BlockioQuery(uint32_t* out_block_size, uint32_t* out_max_transfer_blocks) {
    return Fill(out_block_size, out_max_transfer_blocks);
  }
  // CHECK-FIXES: auto reply_value = Fill(&block_size, &max_transfer_blocks);
  // CHECK-FIXES-NEXT: completer.buffer(arena).Reply(reply_value, block_size, max_transfer_blocks);
};

// Kept by a reference to the pointer: an escape, left.
void Keep(uint32_t*& pointer) {}

class Keeper : public ddk::BlockioProtocol<Keeper> {
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: [FDFDRV046] Keeper serves ddk::BlockioProtocol, and stays so: its method BlockioQuery is not rewritten
 public:
  uint64_t BlockioQuery(uint32_t* out_block_size, uint32_t* out_max_transfer_blocks) {
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: [FDFDRV064] Keeper::BlockioQuery uses its out-parameter 'out_block_size' at line [[@LINE+1]], column 10 other than to write through it (it escapes): not rewritten
    Keep(out_block_size);
    *out_max_transfer_blocks = 8;
    return 1;
  }
};

int main() {
  Layer layer;
  Card card;
  Keeper keeper;
  return 0;
}
