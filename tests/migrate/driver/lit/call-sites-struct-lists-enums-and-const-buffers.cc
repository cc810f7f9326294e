// MAPPING: fuchsia.hardware.dma
// EXIT: 1
// --mode=replace: in a list of structs, a banjo enum field is cast to the clone's enum, and a
// buffer the callee only reads (`const uint32_t* words_list`, a vector spelled as a list) is
// viewed without its const (the view does not write through it); a list with no buffer written
// in place needs nothing copied back.
#include <fuchsia/hardware/dma/cpp/banjo.h>
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: [FDFDRV049] the banjo header of fuchsia.hardware.dma stays beside the driver-transport one: this file still uses its declarations (one at line {{[0-9]+}}, column {{[0-9]+}})
// CHECK-FIXES: #include <fuchsia/hardware/dma/cpp/banjo.h>
// CHECK-FIXES-NEXT: #include <fidl/fuchsia.hardware.dma/cpp/driver/wire.h>

#include <algorithm>

class Engine {
 public:
  zx_status_t Copy(uint8_t* in, uint8_t* out, size_t size) {
    dma_segment_t segments[] = {{DMA_DIRECTION_TO_DEVICE, in, size},
                                {DMA_DIRECTION_FROM_DEVICE, out, size}};
    return dma_.Transfer(0, segments, 2);
    // CHECK-FIXES: return [&]() -> zx_status_t {
    // CHECK-FIXES-NEXT: decltype(fuchsia_hardware_dma::wire::DmaTransferRequest::segment) segment(arena, 2);
    // CHECK-FIXES-NEXT: for (size_t i = 0; i < 2; ++i) {
    // CHECK-FIXES-NEXT: segment[i].direction = static_cast<decltype(segment[i].direction)>(segments[i].direction);
    // CHECK-FIXES-NEXT: segment[i].data = fidl::VectorView<uint8_t>::FromExternal(segments[i].data_buffer, segments[i].data_size);
    // CHECK-FIXES-NEXT: }
    // CHECK-FIXES-NEXT: auto result = dma_.buffer(arena)->Transfer(0, segment);
    // CHECK-FIXES-NEXT: if (!result.ok()) return result.status();
    // CHECK-FIXES-NEXT: if (result->is_error()) return result->error_value();
    // CHECK-FIXES-NEXT: if (result->value()->segment_data.count() > 2) return ZX_ERR_INTERNAL;
    // CHECK-FIXES-NEXT: for (size_t i = 0; i < result->value()->segment_data.count(); ++i) {
    // CHECK-FIXES-NEXT: std::copy_n(result->value()->segment_data[i].data.data(), std::min<size_t>(result->value()->segment_data[i].data.count(), segments[i].data_size), segments[i].data_buffer);
    // CHECK-FIXES-NEXT: }
    // CHECK-FIXES-NEXT: return ZX_OK;
    // CHECK-FIXES-NEXT: }();
  }

  zx_status_t Program(const uint32_t* words, size_t count) {
    dma_descriptor_t descriptor = {.stride = 4, .words_list = words, .words_count = count,
                                   .last = true};
    zx_status_t status = dma_.Program(&descriptor, 1);
    // CHECK-FIXES: zx_status_t status = [&]() -> zx_status_t {
    // CHECK-FIXES-NEXT: const auto* descriptor_list = &descriptor;
    // CHECK-FIXES-NEXT: decltype(fuchsia_hardware_dma::wire::DmaProgramRequest::descriptor) descriptor_fidl(arena, 1);
    // CHECK-FIXES-NEXT: for (size_t i = 0; i < 1; ++i) {
    // CHECK-FIXES-NEXT: descriptor_fidl[i].stride = descriptor_list[i].stride;
    // CHECK-FIXES-NEXT: descriptor_fidl[i].words = fidl::VectorView<uint32_t>::FromExternal(const_cast<uint32_t*>(descriptor_list[i].words_list), descriptor_list[i].words_count);
    // CHECK-FIXES-NEXT: descriptor_fidl[i].last = descriptor_list[i].last;
    // CHECK-FIXES-NEXT: }
    // CHECK-FIXES-NEXT: auto result = dma_.buffer(arena)->Program(descriptor_fidl);
    // CHECK-FIXES-NEXT: if (!result.ok()) return result.status();
    // CHECK-FIXES-NEXT: if (result->is_error()) return result->error_value();
    // CHECK-FIXES-NEXT: return ZX_OK;
    // CHECK-FIXES-NEXT: }();
    return status;
  }

 private:
  ddk::DmaProtocolClient dma_;
  // CHECK-FIXES: fdf::WireSyncClient<fuchsia_hardware_dma::Dma> dma_;
};

int main() {
  Engine engine;
  uint32_t words[] = {1, 2};
  return engine.Program(words, 2);
}
