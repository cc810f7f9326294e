// What each driver of the six-driver block stack does to a request, apart from how it is carried:
// the corpus drivers (corpus/drivers/block-stack, banjo) and every variant of the end-to-end
// benchmark (bench/e2e: banjo, driver transport inline and queued, Zircon channels) run this same
// code, so they differ only in the transport between the layers.
//
//   platform-bus → sdmmc-controller (a RAM card) → sdmmc core → block device → partition → client
//
// A request names `block_count` blocks at `block_offset` and a VMO registered with the card, at
// `vmo_offset` bytes. On its way down the partition moves it into its extent, the block device and
// the core check it against what they were told, and the controller moves the data (its DMA).
#ifndef FDFKIT_CORPUS_DRIVERS_BLOCK_STACK_COMMON_BLOCK_LAYERS_H_
#define FDFKIT_CORPUS_DRIVERS_BLOCK_STACK_COMMON_BLOCK_LAYERS_H_

#include <lib/zx/vmo.h>
#include <zircon/errors.h>
#include <zircon/types.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

namespace fdfkit::examples::block_stack {

// fuchsia.hardware.blockio's BLOCKIO_OP_READ and BLOCKIO_OP_WRITE (the drivers check they agree).
inline constexpr uint32_t kOpRead = 1;
inline constexpr uint32_t kOpWrite = 2;

inline constexpr uint32_t kBlockSize = 512;
// The card: 32 MiB, at most 128 KiB per transfer (the controller's DMA descriptor limit).
inline constexpr uint64_t kCardBlocks = 64 * 1024;
inline constexpr uint32_t kCardMaxTransferBlocks = 256;
// The one partition: from 1 MiB to 17 KiB before the end (where a GPT puts its copies).
inline constexpr uint64_t kPartitionFirstBlock = 2048;
inline constexpr uint64_t kPartitionBlocks = kCardBlocks - kPartitionFirstBlock - 34;

struct BlockRequest {
  uint32_t command = 0;
  uint32_t vmo_id = 0;
  uint32_t block_count = 0;
  uint64_t block_offset = 0;
  uint64_t vmo_offset = 0;
};

struct Geometry {
  uint64_t block_count = 0;
  uint32_t block_size = 0;
  uint32_t max_transfer_blocks = 0;
};

// A read or write of 1..max_transfer_blocks blocks inside `geometry`; ZX_ERR_NOT_SUPPORTED for
// another command, ZX_ERR_INVALID_ARGS for a bad count, ZX_ERR_OUT_OF_RANGE past the end.
inline zx_status_t CheckRequest(const Geometry& geometry, const BlockRequest& request) {
  if (request.command != kOpRead && request.command != kOpWrite) return ZX_ERR_NOT_SUPPORTED;
  if (request.block_count == 0 || request.block_count > geometry.max_transfer_blocks) {
    return ZX_ERR_INVALID_ARGS;
  }
  if (request.block_offset > geometry.block_count ||
      geometry.block_count - request.block_offset < request.block_count) {
    return ZX_ERR_OUT_OF_RANGE;
  }
  return ZX_OK;
}

// The partition driver: it shows its caller the partition alone and moves requests into it.
struct PartitionLayer {
  static Geometry Describe(const Geometry& device) {
    Geometry g = device;
    g.block_count = kPartitionBlocks;
    return g;
  }
  static zx_status_t Map(const Geometry& device, BlockRequest* request) {
    zx_status_t status = CheckRequest(Describe(device), *request);
    if (status == ZX_OK) request->block_offset += kPartitionFirstBlock;
    return status;
  }
};

// The block device driver: the whole card, as the core described it.
struct BlockDeviceLayer {
  static zx_status_t Check(const Geometry& card, const BlockRequest& request) {
    return CheckRequest(card, request);
  }
};

// The sdmmc core: a DMA transfer must start on a block boundary of the VMO (the core would
// otherwise bounce it through a buffer of its own; the stack never asks it to).
struct SdmmcCoreLayer {
  static zx_status_t Check(const Geometry& card, const BlockRequest& request) {
    if (request.vmo_offset % card.block_size != 0) return ZX_ERR_INVALID_ARGS;
    return CheckRequest(card, request);
  }
};

// The controller's card: RAM, and the VMOs lent to it. Thread-safe: a banjo caller may call from
// any thread.
class RamCard {
 public:
  RamCard() : storage_(kCardBlocks * kBlockSize) {}

  static Geometry Describe() { return {kCardBlocks, kBlockSize, kCardMaxTransferBlocks}; }

  zx_status_t RegisterVmo(zx::vmo vmo, uint32_t* out_vmo_id) {
    if (!vmo.is_valid()) return ZX_ERR_BAD_HANDLE;
    std::lock_guard lock(mu_);
    uint32_t id = next_id_++;
    vmos_.emplace(id, std::move(vmo));
    *out_vmo_id = id;
    return ZX_OK;
  }
  zx_status_t UnregisterVmo(uint32_t vmo_id) {
    std::lock_guard lock(mu_);
    return vmos_.erase(vmo_id) == 1 ? ZX_OK : ZX_ERR_NOT_FOUND;
  }

  // The DMA: the request's blocks between the card and the VMO. ZX_ERR_NOT_FOUND for an unknown
  // VMO; what the VMO says when its range is too short.
  zx_status_t Transfer(const BlockRequest& request) {
    zx_status_t status = CheckRequest(Describe(), request);
    if (status != ZX_OK) return status;
    std::lock_guard lock(mu_);
    auto vmo = vmos_.find(request.vmo_id);
    if (vmo == vmos_.end()) return ZX_ERR_NOT_FOUND;
    uint8_t* card = storage_.data() + request.block_offset * kBlockSize;
    size_t length = size_t{request.block_count} * kBlockSize;
    return request.command == kOpWrite ? vmo->second.read(card, request.vmo_offset, length)
                                       : vmo->second.write(card, request.vmo_offset, length);
  }

 private:
  std::mutex mu_;
  std::vector<uint8_t> storage_;
  std::map<uint32_t, zx::vmo> vmos_;
  uint32_t next_id_ = 1;
};

}  // namespace fdfkit::examples::block_stack

#endif  // FDFKIT_CORPUS_DRIVERS_BLOCK_STACK_COMMON_BLOCK_LAYERS_H_
