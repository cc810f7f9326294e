#include "runtime/fdf/poller.h"

#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>

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
  Slot slot;
  slot.fd = fd;
  slot.type = static_cast<int>(type);
  slot.trigger = trigger;
  slot.event = type == fdf_internal::zircon::ObjectType::kEvent;
  slot.epoll_events = fdf_internal::zircon::EpollEventsFor(type, trigger) |
                     (slot.event ? 0u : uint32_t{EPOLLONESHOT});
  slot.fire = fire;
  slot.context = context;

  MutexLock lock(&mu_);
  uint64_t key = AllocateSlotLocked(slot);
  epoll_event ev{};
  ev.events = slot.epoll_events;
  ev.data.u64 = key;
  // One fd may carry several waits: each gets its own dup so each has its own epoll entry.
  int watch_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (watch_fd < 0 || epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, watch_fd, &ev) != 0) {
    if (watch_fd >= 0) close(watch_fd);
    FreeSlotLocked(static_cast<uint32_t>(key));
    return ZX_ERR_NO_RESOURCES;
  }
  slots_[static_cast<uint32_t>(key)].fd = watch_fd;
  *out_key = key;
  // Already asserted: an edge-triggered event watch would not notice, so fire now.
  if (slot.event) {
    zx_signals_t current = fdf_internal::zircon::CurrentSignals(watch_fd, type);
    if (current & trigger) {
      epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, watch_fd, nullptr);
      close(watch_fd);
      FreeSlotLocked(static_cast<uint32_t>(key));
      fire(context, current);
    }
  }
  return ZX_OK;
}

uint64_t Poller::AddTimer(int timer_fd, Fire fire, void* context) {
  Slot slot;
  slot.fd = timer_fd;
  slot.timer = true;
  slot.fire = fire;
  slot.context = context;
  MutexLock lock(&mu_);
  uint64_t key = AllocateSlotLocked(slot);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = key;
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, timer_fd, &ev);
  return key;
}

bool Poller::Remove(uint64_t key) {
  MutexLock lock(&mu_);
  Slot* slot = SlotForKeyLocked(key);
  if (slot == nullptr) return false;
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, slot->fd, nullptr);
  if (!slot->timer) close(slot->fd);  // the dup made by AddWait
  FreeSlotLocked(static_cast<uint32_t>(key));
  return true;
}

int Poller::PollOnce(int timeout_ms) {
  epoll_event events[64];
  int n = epoll_wait(epoll_fd_, events, 64, timeout_ms);
  if (n <= 0) return 0;
  int fired = 0;
  MutexLock lock(&mu_);
  for (int i = 0; i < n; ++i) {
    if (events[i].data.u64 == kWakeKey) continue;
    Slot* slot = SlotForKeyLocked(events[i].data.u64);
    if (slot == nullptr) continue;  // removed after epoll_wait returned
    uint32_t index = static_cast<uint32_t>(events[i].data.u64);
    if (slot->timer) {
      uint64_t expirations;
      if (read(slot->fd, &expirations, sizeof(expirations)) > 0) {
        slot->fire(slot->context, 0);
        ++fired;
      }
      continue;
    }
    auto type = static_cast<fdf_internal::zircon::ObjectType>(slot->type);
    zx_signals_t observed = fdf_internal::zircon::CurrentSignals(slot->fd, type);
    if ((observed & slot->trigger) == 0) {
      // Spurious for this trigger. Re-arm unless the peer is gone (nothing can change any more).
      if (!slot->event && !(observed & ZX_CHANNEL_PEER_CLOSED)) {
        epoll_event ev{};
        ev.events = slot->epoll_events;
        ev.data.u64 = events[i].data.u64;
        epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, slot->fd, &ev);
      }
      continue;
    }
    Fire fire = slot->fire;
    void* context = slot->context;
    epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, slot->fd, nullptr);
    close(slot->fd);
    FreeSlotLocked(index);
    fire(context, observed);
    ++fired;
  }
  return fired;
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
