#include "runtime/fdf/poller.h"

#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>

#include "runtime/fdf/race_hook.h"
#include "runtime/zircon/object.h"

namespace fdf_internal {

namespace {
constexpr uint64_t kWakeKey = ~uint64_t{0};
uint64_t MakeKey(uint32_t index, uint32_t generation) {
  return (static_cast<uint64_t>(generation) << 32) | index;
}
}  // namespace

Poller& Poller::Get() {
  static Poller* poller = new Poller();
  return *poller;
}

Poller::Poller() {
  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = kWakeKey;
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev);
}

uint64_t Poller::AllocateSlotLocked(const Slot& slot) {
  uint32_t index;
  if (!free_slots_.empty()) {
    index = free_slots_.back();
    free_slots_.pop_back();
  } else {
    index = static_cast<uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  uint32_t generation = slots_[index].generation + 1;
  slots_[index] = slot;
  slots_[index].generation = generation;
  slots_[index].in_use = true;
  return MakeKey(index, generation);
}

void Poller::FreeSlotLocked(uint32_t index) {
  slots_[index].in_use = false;
  slots_[index].firing = false;
  slots_[index].missed = false;
  slots_[index].fire = nullptr;
  free_slots_.push_back(index);
}

Poller::Slot* Poller::SlotForKeyLocked(uint64_t key) {
  uint32_t index = static_cast<uint32_t>(key);
  if (index >= slots_.size()) return nullptr;
  Slot* slot = &slots_[index];
  if (!slot->in_use || slot->generation != static_cast<uint32_t>(key >> 32)) return nullptr;
  return slot;
}

zx_status_t Poller::AddWait(zx_handle_t object, zx_signals_t trigger, Fire fire, void* context,
                            uint64_t* out_key) {
  int fd;
  fdf_internal::zircon::ObjectType type;
  if (fdf_internal::zircon::Lookup(object, &fd, &type) != ZX_OK) return ZX_ERR_BAD_HANDLE;
  if (!fdf_internal::zircon::IsWaitable(type)) return ZX_ERR_NOT_SUPPORTED;
  // One fd may carry several waits: each gets its own dup so each has its own epoll entry.
  int watch_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (watch_fd < 0) return ZX_ERR_NO_RESOURCES;
  Slot slot;
  slot.fd = watch_fd;
  slot.type = static_cast<int>(type);
  slot.trigger = trigger;
  slot.event = type == fdf_internal::zircon::ObjectType::kEvent;
  slot.epoll_events = fdf_internal::zircon::EpollEventsFor(type, trigger) |
                      (slot.event ? 0u : uint32_t{EPOLLONESHOT});
  slot.fire = fire;
  slot.context = context;
  // An edge-triggered event watch misses a signal already up, so this call examines it once
  // itself: it holds the slot as firing until then, and an edge the poller sees meanwhile is
  // examined again, not lost.
  slot.firing = slot.event;
  slot.firing_thread = std::this_thread::get_id();
  uint64_t key;
  {
    MutexLock lock(&mu_);
    key = AllocateSlotLocked(slot);
  }
  uint32_t index = static_cast<uint32_t>(key);
  // Written before the wait can fire, so a callback may read it.
  *out_key = key;
  epoll_event ev{};
  ev.events = slot.epoll_events;
  ev.data.u64 = key;
  if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, watch_fd, &ev) != 0) {
    *out_key = 0;
    {
      MutexLock lock(&mu_);
      FreeSlotLocked(index);
    }
    close(watch_fd);
    return ZX_ERR_NO_RESOURCES;
  }
  slot.generation = static_cast<uint32_t>(key >> 32);
  if (slot.event) Examine(index, slot);
  return ZX_OK;
}

uint64_t Poller::AddTimer(int timer_fd, Fire fire, void* context) {
  Slot slot;
  slot.fd = timer_fd;
  slot.timer = true;
  slot.fire = fire;
  slot.context = context;
  uint64_t key;
  {
    MutexLock lock(&mu_);
    key = AllocateSlotLocked(slot);
  }
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = key;
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, timer_fd, &ev);
  return key;
}

bool Poller::Remove(uint64_t key) {
  int fd;
  bool timer;
  {
    MutexLock lock(&mu_);
    for (;;) {
      Slot* slot = SlotForKeyLocked(key);
      if (slot == nullptr) return false;
      if (!slot->firing) {
        fd = slot->fd;
        timer = slot->timer;
        FreeSlotLocked(static_cast<uint32_t>(key));
        break;
      }
      // A callback removing its own key: it is running, so it cannot be stopped.
      if (slot->firing_thread == std::this_thread::get_id()) return false;
      ++firing_waiters_;
      WaitLocked(firing_done_, mu_, [&]() NO_THREAD_SAFETY_ANALYSIS {
        Slot* s = SlotForKeyLocked(key);
        return s == nullptr || !s->firing;
      });
      --firing_waiters_;
    }
  }
  // The slot is free, so no other thread uses `fd` any more: these calls need no lock.
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  if (!timer) close(fd);  // the dup made by AddWait
  return true;
}

bool Poller::EndFiring(uint32_t index, bool free) {
  MutexLock lock(&mu_);
  Slot& slot = slots_[index];
  bool again = false;
  if (free) {
    FreeSlotLocked(index);
  } else if (slot.missed) {
    slot.missed = false;  // still firing: the caller examines it again
    again = true;
  } else {
    slot.firing = false;
  }
  if (!again && firing_waiters_ > 0) firing_done_.notify_all();
  return again;
}

bool Poller::Examine(uint32_t index, const Slot& slot) {
  if (slot.timer) {
    uint64_t expirations;
    bool fired = read(slot.fd, &expirations, sizeof(expirations)) > 0;
    if (fired) slot.fire(slot.context, 0);
    // Level-triggered: an expiry another thread skipped meanwhile is reported again.
    EndFiring(index, /*free=*/false);
    return fired;
  }
  auto type = static_cast<fdf_internal::zircon::ObjectType>(slot.type);
  for (;;) {
    zx_signals_t observed = fdf_internal::zircon::CurrentSignals(slot.fd, type);
    if (observed & slot.trigger) {
      epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, slot.fd, nullptr);
      close(slot.fd);
      slot.fire(slot.context, observed);
      EndFiring(index, /*free=*/true);
      return true;
    }
    // Spurious for this trigger. Re-arm unless the peer is gone (nothing can change any more).
    if (!slot.event && !(observed & ZX_CHANNEL_PEER_CLOSED)) {
      epoll_event ev{};
      ev.events = slot.epoll_events;
      ev.data.u64 = MakeKey(index, slot.generation);
      epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, slot.fd, &ev);
    }
    RaceHookPoint(RacePoint::kPollerExaminedNoMatch);
    if (!EndFiring(index, /*free=*/false)) return false;
  }
}

bool Poller::Dispatch(uint64_t key) {
  Slot slot;
  {
    MutexLock lock(&mu_);
    Slot* live = SlotForKeyLocked(key);
    if (live == nullptr) return false;  // removed after epoll_wait returned
    if (live->firing) {
      // Its firing thread looks again before letting go. (A level-triggered timer is reported
      // again anyway, and its firing thread does not loop.)
      if (!live->timer) live->missed = true;
      return false;
    }
    live->firing = true;
    live->firing_thread = std::this_thread::get_id();
    slot = *live;
  }
  return Examine(static_cast<uint32_t>(key), slot);
}

int Poller::PollOnce(int timeout_ms) {
  epoll_event events[64];
  int n = epoll_wait(epoll_fd_, events, 64, timeout_ms);
  int fired = 0;
  for (int i = 0; i < n; ++i) {
    if (events[i].data.u64 != kWakeKey && Dispatch(events[i].data.u64)) ++fired;
  }
  return fired;
}

int Poller::firing_waiters_for_testing() {
  MutexLock lock(&mu_);
  return firing_waiters_;
}

void Poller::StartThread() {
  if (thread_.joinable()) return;
  stopping_.store(false);
  thread_ = std::thread([this] {
    while (!stopping_.load(std::memory_order_acquire)) PollOnce(-1);
  });
}

void Poller::StopThread() {
  if (!thread_.joinable()) return;
  stopping_.store(true, std::memory_order_release);
  uint64_t one = 1;
  (void)!write(wake_fd_, &one, sizeof(one));
  thread_.join();
  uint64_t drained;
  (void)!read(wake_fd_, &drained, sizeof(drained));
}

}  // namespace fdf_internal
