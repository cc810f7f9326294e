#include "runtime/fdf/handle_table.h"

#include <thread>

#include "runtime/fdf/channel.h"

namespace fdf_internal {

namespace {
constexpr uint32_t kGenerationBits = 14;
constexpr uint32_t kGenerationMask = (1u << kGenerationBits) - 1;

uint32_t Encode(uint32_t slot_number, uint32_t generation) {
  return ((generation & kGenerationMask) << 18) | (slot_number << 2) | 0x2u;
}
}  // namespace

HandleTable& HandleTable::Get() {
  static HandleTable* table = new HandleTable();  // never destroyed: handles may outlive main
  return *table;
}

void HandleTable::LockSlot(Slot* slot) {
  while (slot->busy.exchange(true, std::memory_order_acquire)) {
    while (slot->busy.load(std::memory_order_relaxed)) std::this_thread::yield();
  }
}

HandleTable::Slot* HandleTable::SlotFor(fdf_handle_t value) {
  if (!IsFdfHandle(value)) return nullptr;
  uint32_t number = (value >> 2) & (kMaxHandles - 1);
  Directory* dir = directories_[number / kSlotsPerDirectory].load(std::memory_order_acquire);
  if (dir == nullptr) return nullptr;
  return &dir->slots[number % kSlotsPerDirectory];
}

fdf_handle_t HandleTable::Add(RefPtr<Channel> channel) {
  uint32_t number;
  {
    MutexLock lock(&mu_);
    if (free_count_ > 0) {
      number = free_ring_[free_head_];
      free_head_ = (free_head_ + 1) % kMaxHandles;
      --free_count_;
    } else if (next_unused_ < kMaxHandles) {
      number = next_unused_++;
      auto& dir = directories_[number / kSlotsPerDirectory];
      if (dir.load(std::memory_order_relaxed) == nullptr) {
        dir.store(new Directory(), std::memory_order_release);
      }
    } else {
      return FDF_HANDLE_INVALID;
    }
  }
  Slot* slot = &directories_[number / kSlotsPerDirectory].load()->slots[number % kSlotsPerDirectory];
  LockSlot(slot);
  slot->value.store(Encode(number, slot->generation), std::memory_order_release);
  slot->object = channel.Leak();
  fdf_handle_t value = slot->value.load(std::memory_order_relaxed);
  UnlockSlot(slot);
  live_.fetch_add(1, std::memory_order_relaxed);
  return value;
}

bool HandleTable::IsLive(fdf_handle_t value) {
  Slot* slot = SlotFor(value);
  return slot != nullptr && slot->value.load(std::memory_order_acquire) == value;
}

RefPtr<Channel> HandleTable::Lookup(fdf_handle_t value) {
  Slot* slot = SlotFor(value);
  if (slot == nullptr) return nullptr;
  LockSlot(slot);
  RefPtr<Channel> result;
  if (slot->value.load(std::memory_order_relaxed) == value) result = RefPtr<Channel>(slot->object);
  UnlockSlot(slot);
  return result;
}

RefPtr<Channel> HandleTable::Remove(fdf_handle_t value) {
  Slot* slot = SlotFor(value);
  if (slot == nullptr) return nullptr;
  LockSlot(slot);
  if (slot->value.load(std::memory_order_relaxed) != value) {
    UnlockSlot(slot);
    return nullptr;
  }
  RefPtr<Channel> object = RefPtr<Channel>::Adopt(slot->object);
  slot->object = nullptr;
  slot->value.store(0, std::memory_order_release);
  slot->generation = static_cast<uint16_t>((slot->generation + 1) & kGenerationMask);
  UnlockSlot(slot);
  live_.fetch_sub(1, std::memory_order_relaxed);
  MutexLock lock(&mu_);
  free_ring_[(free_head_ + free_count_) % kMaxHandles] = (value >> 2) & (kMaxHandles - 1);
  ++free_count_;
  return object;
}

}  // namespace fdf_internal
