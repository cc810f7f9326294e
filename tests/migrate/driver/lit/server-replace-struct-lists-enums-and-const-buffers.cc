// EXIT: 1
// MAPPING: fuchsia.hardware.dma
// --mode=replace: a server reading a banjo enum field of a request element reads it as the
// integer banjo had (a cast of the clone's enum), however it reached the element; a list of
// words only read is its view's data() and count(). A method whose list has no buffer written in
// place replies with nothing but its status.
#include <fuchsia/hardware/dma/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.dma stays beside the driver-transport one: this file still uses its declarations (one at line {{[0-9]+}}, column {{[0-9]+}})
// CHECK-FIXES: #include <fidl/fuchsia.hardware.dma/cpp/driver/wire.h>

#include <cstring>

class Engine : public ddk::DmaProtocol<Engine, ddk::base_protocol> {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: [FDFDRV065] Engine now serves Dma as an fdf::WireServer: publish it by hand (no DFv2 Start to add it to): outgoing AddService<fuchsia_hardware_dma::Service> with a handler from its binding group
 public:
  // Device-to-memory segments get the device's bytes; memory-to-device ones are counted.
  zx_status_t DmaTransfer(uint32_t channel, const dma_segment_t* segment_list,
                          size_t segment_count) {
    // CHECK-FIXES: void Transfer(TransferRequestView request, fdf::Arena& arena, TransferCompleter::Sync& completer) override {
    // CHECK-FIXES-NEXT: decltype(fuchsia_hardware_dma::wire::DmaTransferResponse::segment_data) segment_data(arena, request->segment.count());
    // CHECK-FIXES-NEXT: for (size_t i = 0; i < request->segment.count(); ++i) {
    // CHECK-FIXES-NEXT: segment_data[i].data = request->segment[i].data;
    // CHECK-FIXES-NEXT: }
    for (size_t i = 0; i < segment_count; ++i) {
      if (segment_list[i].direction == DMA_DIRECTION_FROM_DEVICE) {
        // CHECK-FIXES: if (static_cast<uint32_t>(request->segment[i].direction) == DMA_DIRECTION_FROM_DEVICE) {
        memset(segment_list[i].data_buffer, 0xd0, segment_list[i].data_size);
        // CHECK-FIXES-NEXT: memset(request->segment[i].data.data(), 0xd0, request->segment[i].data.count());
      }
      auto& segment = segment_list[i];
      sent_ += segment.direction == DMA_DIRECTION_TO_DEVICE ? segment.data_size : 0;
      // CHECK-FIXES: auto& segment = request->segment[i];
      // CHECK-FIXES-NEXT: sent_ += static_cast<uint32_t>(segment.direction) == DMA_DIRECTION_TO_DEVICE ? segment.data.count() : 0;
    }
    return channel == 0 ? ZX_OK : ZX_ERR_OUT_OF_RANGE;
    // CHECK-FIXES: zx_status_t reply_status = request->channel == 0 ? ZX_OK : ZX_ERR_OUT_OF_RANGE;
    // CHECK-FIXES-NEXT: if (reply_status == ZX_OK) {
    // CHECK-FIXES-NEXT: completer.buffer(arena).ReplySuccess(segment_data);
  }
  zx_status_t DmaProgram(const dma_descriptor_t* descriptor_list, size_t descriptor_count) {
    // CHECK-FIXES: void Program(ProgramRequestView request, fdf::Arena& arena, ProgramCompleter::Sync& completer) override {
    for (size_t i = 0; i < descriptor_count; ++i) {
      const uint32_t* words = descriptor_list[i].words_list;
      // CHECK-FIXES: const uint32_t* words = request->descriptor[i].words.data();
      for (size_t w = 0; w < descriptor_list[i].words_count; ++w) checksum_ += words[w];
      // CHECK-FIXES-NEXT: for (size_t w = 0; w < request->descriptor[i].words.count(); ++w) checksum_ += words[w];
      if (descriptor_list[i].last) break;
    }
    return ZX_OK;
    // CHECK-FIXES: completer.buffer(arena).ReplySuccess();
  }

 private:
  size_t sent_ = 0;
  uint32_t checksum_ = 0;
};

int main() {
  Engine engine;
  return 0;
}
