// Events over eventfd. The counter holds the signal word itself (non-zero iff a signal is
// asserted), so dup'd and transferred fds agree. It is read without modification through
// /proc/self/fdinfo; updates are serialised by a process-wide mutex.
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zircon/linux.h>
#include <zircon/syscalls.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "runtime/zircon/object.h"

namespace fdf_internal::zircon {
namespace {
std::mutex g_event_mutex;
constexpr zx_signals_t kEventSettable = ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_ALL;
}  // namespace

bool ReadFdinfoField(int fd, const char* field, int base, uint64_t* value) {
  char path[64];
  snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
  int info = open(path, O_RDONLY | O_CLOEXEC);
  if (info < 0) return false;
  char text[512];
  ssize_t n = read(info, text, sizeof(text) - 1);
  close(info);
  if (n <= 0) return false;
  text[n] = '\0';
  const char* at = strstr(text, field);
  if (at == nullptr) return false;
  *value = strtoull(at + strlen(field), nullptr, base);
  return true;
}

zx_signals_t ReadEventSignals(int fd) {
  uint64_t count = 0;
  return ReadFdinfoField(fd, "eventfd-count:", 16, &count) ? static_cast<zx_signals_t>(count) : 0;
}

}  // namespace fdf_internal::zircon

extern "C" zx_status_t zx_event_create(uint32_t options, zx_handle_t* out) {
  if (options != 0 || out == nullptr) return ZX_ERR_INVALID_ARGS;
  int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (fd < 0) return ZX_ERR_NO_RESOURCES;
  *out = fdf_internal::zircon::HandleForNewObject(fd, fdf_internal::zircon::ObjectType::kEvent);
  return ZX_OK;
}

extern "C" zx_status_t zx_eventpair_create(uint32_t options, zx_handle_t* out0,
                                           zx_handle_t* out1) {
  if (options != 0 || out0 == nullptr || out1 == nullptr) return ZX_ERR_INVALID_ARGS;
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds) != 0) {
    return ZX_ERR_NO_RESOURCES;
  }
  *out0 = fdf_internal::zircon::HandleForNewObject(fds[0],
                                                   fdf_internal::zircon::ObjectType::kEventPair);
  *out1 = fdf_internal::zircon::HandleForNewObject(fds[1],
                                                   fdf_internal::zircon::ObjectType::kEventPair);
  return ZX_OK;
}

extern "C" zx_status_t zx_object_signal(zx_handle_t handle, uint32_t clear_mask,
                                        uint32_t set_mask) {
  int fd;
  fdf_internal::zircon::ObjectType type;
  if (fdf_internal::zircon::Lookup(handle, &fd, &type) != ZX_OK) return ZX_ERR_BAD_HANDLE;
  if (type != fdf_internal::zircon::ObjectType::kEvent) return ZX_ERR_NOT_SUPPORTED;
  if ((clear_mask | set_mask) & ~fdf_internal::zircon::kEventSettable) return ZX_ERR_INVALID_ARGS;
  std::lock_guard<std::mutex> lock(fdf_internal::zircon::g_event_mutex);
  uint64_t current = 0;
  if (read(fd, &current, sizeof(current)) < 0 && errno != EAGAIN) return ZX_ERR_IO;
  uint64_t next = (current & ~static_cast<uint64_t>(clear_mask)) | set_mask;
  // Writing (even an unchanged non-zero word) wakes edge-triggered waiters, which re-check.
  if (next != 0 && write(fd, &next, sizeof(next)) != sizeof(next)) return ZX_ERR_IO;
  return ZX_OK;
}
