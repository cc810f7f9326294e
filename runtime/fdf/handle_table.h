// The process-wide table of fdf handles. A value packs [generation:14 | directory:6 | index:10 |
// 0b10]; a lookup is two array indexes and a compare, so stale or forged values are rejected
// (ZX_ERR_BAD_HANDLE) instead of reaching another object. Directories of 1024 slots are allocated
// lazily, up to 64 (65 536 live handles).
#ifndef FDFKIT_RUNTIME_FDF_HANDLE_TABLE_H_
#define FDFKIT_RUNTIME_FDF_HANDLE_TABLE_H_

#include <lib/fdf/types.h>

#include <atomic>
#include <cstdint>

#include "runtime/fdf/ref_counted.h"
#include "runtime/fdf/thread_annotations.h"

namespace fdf_internal {

class Channel;

class HandleTable {
 public:
  static constexpr uint32_t kDirectories = 64;
  static constexpr uint32_t kSlotsPerDirectory = 1024;
  static constexpr uint32_t kMaxHandles = kDirectories * kSlotsPerDirectory;

  static HandleTable& Get();

  static bool IsFdfHandle(uint32_t value) { return (value & FDF_HANDLE_FIXED_BITS_MASK) == 0x2u; }

  // Takes over one reference to `channel`. FDF_HANDLE_INVALID when the table is full.
  fdf_handle_t Add(RefPtr<Channel> channel) EXCLUDES(mu_);
  // A new reference to the object, or null for a value that is not live.
  RefPtr<Channel> Lookup(fdf_handle_t value);
  // Whether `value` names a live handle right now: one load, no lock, no reference.
  bool IsLive(fdf_handle_t value);
  // Frees the slot and returns the table's reference; null for a value that is not live.
  RefPtr<Channel> Remove(fdf_handle_t value) EXCLUDES(mu_);

  uint32_t live_count() const { return live_.load(std::memory_order_relaxed); }

 private:
  struct Slot {
    std::atomic<bool> busy{false};  // spin lock: held for a compare and a reference count update
    std::atomic<uint32_t> value{0};  // the live handle value, 0 when free (written when busy)
    uint16_t generation = 0;
    Channel* object = nullptr;
  };
  struct Directory {
    Slot slots[kSlotsPerDirectory];
  };

  Slot* SlotFor(fdf_handle_t value);
  static void LockSlot(Slot* slot);
  static void UnlockSlot(Slot* slot) { slot->busy.store(false, std::memory_order_release); }

  std::atomic<Directory*> directories_[kDirectories] = {};
  Mutex mu_;
  // FIFO of free slot numbers (dir * 1024 + index), so a value's slot is reused as late as possible.
  uint32_t free_ring_[kMaxHandles] GUARDED_BY(mu_);
  uint32_t free_head_ GUARDED_BY(mu_) = 0;
  uint32_t free_count_ GUARDED_BY(mu_) = 0;
  uint32_t next_unused_ GUARDED_BY(mu_) = 0;  // slots never handed out yet start here
  std::atomic<uint32_t> live_{0};
};

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_HANDLE_TABLE_H_
