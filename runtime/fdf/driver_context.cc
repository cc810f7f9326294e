#include "runtime/fdf/driver_context.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace fdf_internal::driver_context {
namespace {

// Open-addressing table of (driver, entries on the stack). Stacks are shallow and name few
// distinct drivers, so 64 slots almost never fill; when they do, lookups fall back to a scan.
class DriverCounts {
 public:
  static constexpr size_t kSlots = 64;

  // Returns false if the table is full (the caller then scans).
  bool Increment(const void* driver) {
    for (size_t i = 0, h = Hash(driver); i < kSlots; ++i, h = (h + 1) % kSlots) {
      if (slots_[h].driver == driver) {
        ++slots_[h].count;
        return true;
      }
      if (slots_[h].driver == nullptr) {
        slots_[h] = {driver, 1};
        used_[used_count_++] = static_cast<uint8_t>(h);
        return true;
      }
    }
    return false;
  }
  void Decrement(const void* driver) {
    for (size_t i = 0, h = Hash(driver); i < kSlots; ++i, h = (h + 1) % kSlots) {
      if (slots_[h].driver == driver) {
        // Slots are never emptied (tombstone at count 0), which keeps probe chains intact.
        --slots_[h].count;
        return;
      }
      if (slots_[h].driver == nullptr) return;
    }
  }
  // -1: unknown (not in the table).
  int Count(const void* driver) const {
    for (size_t i = 0, h = Hash(driver); i < kSlots; ++i, h = (h + 1) % kSlots) {
      if (slots_[h].driver == driver) return slots_[h].count;
      if (slots_[h].driver == nullptr) return -1;
    }
    return -1;
  }
  // Empties the slots in use (typically one or two), not the whole 1 KiB table: this runs every
  // time a pool thread's driver stack empties, that is after every queued callback.
  void Clear() {
    for (size_t i = 0; i < used_count_; ++i) slots_[used_[i]] = {};
    used_count_ = 0;
  }

 private:
  static size_t Hash(const void* p) {
    uintptr_t v = reinterpret_cast<uintptr_t>(p);
    return static_cast<size_t>((v * 0x9E3779B97F4A7C15ull) >> 58);  // top 6 bits
  }
  struct Slot {
    const void* driver = nullptr;
    int count = 0;
  };
  Slot slots_[kSlots];
  uint8_t used_[kSlots];  // indexes of the slots in use, in the order they were taken
  size_t used_count_ = 0;
};

struct Entry {
  const void* driver;
  Dispatcher* dispatcher;
};

struct ThreadState {
  std::vector<Entry> stack;
  DriverCounts counts;
  // Drivers that did not fit in `counts`; non-zero means lookups must scan.
  int overflow = 0;
  Dispatcher* default_dispatcher = nullptr;
};

thread_local ThreadState t_state;

}  // namespace

void Push(const void* driver, Dispatcher* dispatcher) {
  ThreadState& s = t_state;
  if (s.stack.capacity() == 0) s.stack.reserve(16);
  s.stack.push_back({driver, dispatcher});
  if (!s.counts.Increment(driver)) ++s.overflow;
}

void Pop() {
  ThreadState& s = t_state;
  if (s.stack.empty()) {
    fprintf(stderr, "fdf: driver call stack popped while empty\n");
    abort();
  }
  const void* driver = s.stack.back().driver;
  s.stack.pop_back();
  if (s.counts.Count(driver) >= 0) {
    s.counts.Decrement(driver);
  } else {
    --s.overflow;
  }
  if (s.stack.empty()) {
    s.counts.Clear();
    s.overflow = 0;
  }
}

bool IsEmpty() { return t_state.stack.empty(); }

const void* CurrentDriver() {
  const ThreadState& s = t_state;
  return s.stack.empty() ? nullptr : s.stack.back().driver;
}

Dispatcher* CurrentDispatcher() {
  const ThreadState& s = t_state;
  return s.stack.empty() ? s.default_dispatcher : s.stack.back().dispatcher;
}

bool IsDriverInCallStack(const void* driver) {
  const ThreadState& s = t_state;
  int count = s.counts.Count(driver);
  if (count > 0) return true;
  if (count == 0 || s.overflow == 0) return false;
  for (const Entry& e : s.stack) {
    if (e.driver == driver) return true;
  }
  return false;
}

void SetDefaultDispatcher(Dispatcher* dispatcher) { t_state.default_dispatcher = dispatcher; }

}  // namespace fdf_internal::driver_context
