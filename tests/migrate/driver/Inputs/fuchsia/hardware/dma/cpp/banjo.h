// Stand-in for the generated banjo C++ header of the test protocol fuchsia.hardware.dma
// (mappings/banjo/): lists of structs holding buffers, one the engine writes in place (with an
// enum beside it), one only read (a list of words); the same passed to an @async method.
#pragma once
#include <ddktl/device-internal.h>
#include <lib/ddk/device.h>
#include <stddef.h>
#include <zircon/types.h>

typedef uint32_t dma_direction_t;
#define DMA_DIRECTION_TO_DEVICE UINT32_C(1)
#define DMA_DIRECTION_FROM_DEVICE UINT32_C(2)
typedef struct dma_segment dma_segment_t;
struct dma_segment {
  dma_direction_t direction;
  uint8_t* data_buffer;
  size_t data_size;
};
typedef struct dma_descriptor dma_descriptor_t;
struct dma_descriptor {
  uint32_t stride;
  const uint32_t* words_list;
  size_t words_count;
  bool last;
};
typedef void (*dma_queue_callback)(void* ctx, zx_status_t s);

namespace ddk {
class DmaProtocolClient {
 public:
  DmaProtocolClient() = default;
  explicit DmaProtocolClient(zx_device_t* parent) {}
  bool is_valid() const { return true; }
  zx_status_t Transfer(uint32_t channel, const dma_segment_t* segment_list,
                       size_t segment_count) const {
    return ZX_OK;
  }
  zx_status_t Program(const dma_descriptor_t* descriptor_list, size_t descriptor_count) const {
    return ZX_OK;
  }
  void Queue(const dma_descriptor_t* descriptor_list, size_t descriptor_count,
             dma_queue_callback callback, void* cookie) const {}
};
template <typename D, typename Base = internal::base_mixin>
class DmaProtocol {
 protected:
  int dma_protocol_ops_ = 0;
};
}  // namespace ddk
