// EXIT: 1
// SECOND-RUN-EXIT: 0
// MAPPING: fuchsia.hardware.sampler
// MAPPING: fuchsia.hardware.blockio
// --mode=replace: a class serving two banjo protocols becomes a server of both clones, and what
// is left to do for each (publishing it) is said for each, at the same place.
#include <fuchsia/hardware/blockio/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.blockio/cpp/driver/wire.h>
#include <fuchsia/hardware/sampler/cpp/banjo.h>
// CHECK-FIXES: #include <fidl/fuchsia.hardware.sampler/cpp/driver/wire.h>

class Both : public ddk::SamplerProtocol<Both, ddk::base_protocol>, public ddk::BlockioProtocol<Both> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Both now serves Sampler as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_sampler::Service> with a handler from its binding group
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: [FDFDRV065] Both now serves Blockio as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_blockio::Service> with a handler from its binding group
  // CHECK-FIXES: class Both : public fdf::WireServer<fuchsia_hardware_sampler::Sampler>, public fdf::WireServer<fuchsia_hardware_blockio::Blockio> {
 public:
  zx_status_t SamplerGetResolution(uint8_t* out_bits) {
    *out_bits = 12;
    return ZX_OK;
  }
  uint64_t BlockioQuery(uint32_t* out_block_size, uint32_t* out_max_transfer_blocks) {
    *out_block_size = 512;
    *out_max_transfer_blocks = 8;
    return 64;
  }
};

int main() {
  Both both;
  return 0;
}
