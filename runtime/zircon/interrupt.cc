// Virtual interrupts over timerfd. A trigger arms the timer to expire at once, which makes the fd
// readable; consuming reads it and disarms the timer. The trigger timestamp rides in the timer's
// interval, offset by ~18 minutes so the timer never repeats before it is consumed (anonymous
// inodes have no identity to key a side table on), so it survives dup and SCM_RIGHTS. While a trigger is pending the timer stays armed, which is how later triggers
// coalesce into it. Updates are serialised by a process-wide mutex (not across processes).
#include <poll.h>
#include <sys/timerfd.h>
#include <unistd.h>
#include <zircon/linux.h>
#include <zircon/syscalls.h>

#include <cerrno>
#include <mutex>

#include "runtime/zircon/object.h"

namespace fdf_internal::zircon {
namespace {

std::mutex g_interrupt_mutex;
constexpr zx_time_t kIntervalOffset = zx_time_t{1} << 40;

zx_status_t LookupInterrupt(zx_handle_t handle, int* fd) {
  ObjectType type;
  if (Lookup(handle, fd, &type) != ZX_OK) return ZX_ERR_BAD_HANDLE;
  return type == ObjectType::kInterrupt ? ZX_OK : ZX_ERR_WRONG_TYPE;
}

timespec ToTimespec(zx_time_t t) {
  return {static_cast<time_t>(t / 1000000000), static_cast<long>(t % 1000000000)};
}

}  // namespace

bool ConsumeInterrupt(int fd, zx_time_t* timestamp) {
  std::lock_guard<std::mutex> lock(g_interrupt_mutex);
  uint64_t expirations;
  if (read(fd, &expirations, sizeof(expirations)) != sizeof(expirations)) return false;
  itimerspec spec{};
  timerfd_gettime(fd, &spec);
  *timestamp = static_cast<zx_time_t>(spec.it_interval.tv_sec) * 1000000000 +
               spec.it_interval.tv_nsec - kIntervalOffset;
  itimerspec disarm{};
  timerfd_settime(fd, 0, &disarm, nullptr);
  return true;
}

}  // namespace fdf_internal::zircon

extern "C" zx_status_t zx_interrupt_create(zx_handle_t, uint32_t, uint32_t options,
                                           zx_handle_t* out) {
  if (out == nullptr) return ZX_ERR_INVALID_ARGS;
  if (options != ZX_INTERRUPT_VIRTUAL) return ZX_ERR_NOT_SUPPORTED;
  int fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
  if (fd < 0) return ZX_ERR_NO_RESOURCES;
  *out = fdf_internal::zircon::HandleForNewObject(fd, fdf_internal::zircon::ObjectType::kInterrupt);
  return ZX_OK;
}

extern "C" zx_status_t zx_interrupt_trigger(zx_handle_t handle, uint32_t options,
                                            zx_time_t timestamp) {
  if (options != 0) return ZX_ERR_INVALID_ARGS;
  int fd;
  zx_status_t status = fdf_internal::zircon::LookupInterrupt(handle, &fd);
  if (status != ZX_OK) return status;
  std::lock_guard<std::mutex> lock(fdf_internal::zircon::g_interrupt_mutex);
  itimerspec current{};
  if (timerfd_gettime(fd, &current) != 0) return ZX_ERR_IO;
  bool pending = current.it_value.tv_sec != 0 || current.it_value.tv_nsec != 0 ||
                 current.it_interval.tv_sec != 0 || current.it_interval.tv_nsec != 0;
  if (pending) return ZX_OK;  // coalesces into the unconsumed trigger
  itimerspec spec{};
  spec.it_value.tv_nsec = 1;  // relative: expires at once
  spec.it_interval = fdf_internal::zircon::ToTimespec((timestamp > 0 ? timestamp : 0) + fdf_internal::zircon::kIntervalOffset);
  if (timerfd_settime(fd, 0, &spec, nullptr) != 0) return ZX_ERR_IO;
  return ZX_OK;
}

extern "C" zx_status_t zx_interrupt_wait(zx_handle_t handle, zx_time_t* out_timestamp) {
  int fd;
  zx_status_t status = fdf_internal::zircon::LookupInterrupt(handle, &fd);
  if (status != ZX_OK) return status;
  zx_time_t timestamp = 0;
  while (!fdf_internal::zircon::ConsumeInterrupt(fd, &timestamp)) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, -1) < 0 && errno != EINTR) return ZX_ERR_IO;
  }
  if (out_timestamp != nullptr) *out_timestamp = timestamp;
  return ZX_OK;
}

extern "C" zx_status_t zx_interrupt_ack(zx_handle_t handle) {
  int fd;
  return fdf_internal::zircon::LookupInterrupt(handle, &fd);
}
