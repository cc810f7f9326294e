// Handles are fds: (fd << 2) | 0b11.
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zircon/linux.h>
#include <zircon/syscalls.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "runtime/zircon/object.h"

extern "C" zx_handle_t zx_linux_handle_from_fd(int fd) {
  if (fd < 0) return ZX_HANDLE_INVALID;
  return (static_cast<zx_handle_t>(fd) << 2) | 0x3u;
}

extern "C" int zx_linux_handle_to_fd(zx_handle_t handle) {
  if ((handle & ZX_HANDLE_FIXED_BITS_MASK) != 0x3u) return -1;
  return static_cast<int>(handle >> 2);
}

namespace fdf_internal::zircon {

namespace {
// Recorded object types (ObjectType + 1; 0: not recorded) of the fds this layer made or received.
constexpr int kRecordedFds = 1 << 16;
std::atomic<uint8_t> g_recorded_types[kRecordedFds];

void Forget(int fd) {
  if (fd >= 0 && fd < kRecordedFds) g_recorded_types[fd].store(0, std::memory_order_release);
}
}  // namespace

zx_handle_t HandleForNewObject(int fd, ObjectType type) {
  if (fd >= 0 && fd < kRecordedFds) {
    g_recorded_types[fd].store(static_cast<uint8_t>(static_cast<int>(type) + 1),
                               std::memory_order_release);
  }
  return zx_linux_handle_from_fd(fd);
}

int FdOf(zx_handle_t handle) {
  int fd = zx_linux_handle_to_fd(handle);
  if (fd < 0 || fcntl(fd, F_GETFD) < 0) return -1;
  return fd;
}

ObjectType TypeOfFd(int fd) {
  struct stat st;
  if (fstat(fd, &st) != 0) return ObjectType::kNone;
  if (S_ISSOCK(st.st_mode)) {
    int type = 0;
    socklen_t len = sizeof(type);
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0) return ObjectType::kOther;
    if (type == SOCK_SEQPACKET) return ObjectType::kChannel;
    if (type == SOCK_DGRAM) return ObjectType::kEventPair;
    return ObjectType::kOther;
  }
  char path[64], target[64];
  snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
  ssize_t n = readlink(path, target, sizeof(target) - 1);
  if (n <= 0) return ObjectType::kOther;
  std::string_view link(target, static_cast<size_t>(n));
  if (link == "anon_inode:[eventfd]") return ObjectType::kEvent;
  if (link.starts_with("/memfd:")) return ObjectType::kVmo;
  if (link == "anon_inode:[timerfd]") return ObjectType::kInterrupt;
  return ObjectType::kOther;
}

zx_status_t Lookup(zx_handle_t handle, int* fd, ObjectType* type) {
  int candidate = zx_linux_handle_to_fd(handle);
  if (candidate >= 0 && candidate < kRecordedFds) {
    if (uint8_t recorded = g_recorded_types[candidate].load(std::memory_order_acquire)) {
      *fd = candidate;
      *type = static_cast<ObjectType>(recorded - 1);
      return ZX_OK;
    }
  }
  *fd = FdOf(handle);
  if (*fd < 0) return ZX_ERR_BAD_HANDLE;
  *type = TypeOfFd(*fd);
  return ZX_OK;
}

}  // namespace fdf_internal::zircon

extern "C" zx_status_t zx_handle_close(zx_handle_t handle) {
  if (handle == ZX_HANDLE_INVALID) return ZX_OK;
  int fd = zx_linux_handle_to_fd(handle);
  if (fd < 0) return ZX_ERR_BAD_HANDLE;
  fdf_internal::zircon::Forget(fd);  // before the fd number can be reused
  if (close(fd) != 0 && errno == EBADF) return ZX_ERR_BAD_HANDLE;
  return ZX_OK;
}

extern "C" zx_status_t zx_handle_close_many(const zx_handle_t* handles, size_t num_handles) {
  zx_status_t result = ZX_OK;
  for (size_t i = 0; i < num_handles; ++i) {
    zx_status_t status = zx_handle_close(handles[i]);
    if (status != ZX_OK) result = status;
  }
  return result;
}

extern "C" zx_status_t zx_handle_duplicate(zx_handle_t handle, zx_rights_t rights,
                                           zx_handle_t* out) {
  if (out == nullptr) return ZX_ERR_INVALID_ARGS;
  int fd;
  fdf_internal::zircon::ObjectType type;
  if (fdf_internal::zircon::Lookup(handle, &fd, &type) != ZX_OK) return ZX_ERR_BAD_HANDLE;
  int dup_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (dup_fd < 0) return ZX_ERR_NO_RESOURCES;
  *out = fdf_internal::zircon::HandleForNewObject(dup_fd, type);
  return ZX_OK;
}

extern "C" zx_status_t zx_object_get_info(zx_handle_t handle, uint32_t topic, void* buffer,
                                          size_t buffer_size, size_t* actual, size_t* avail) {
  int fd;
  fdf_internal::zircon::ObjectType type;
  zx_status_t status = fdf_internal::zircon::Lookup(handle, &fd, &type);
  if (topic == ZX_INFO_HANDLE_VALID) return status;
  if (status != ZX_OK) return status;
  if (topic != ZX_INFO_HANDLE_BASIC) return ZX_ERR_NOT_SUPPORTED;
  if (buffer == nullptr || buffer_size < sizeof(zx_info_handle_basic_t)) {
    return ZX_ERR_BUFFER_TOO_SMALL;
  }
  zx_info_handle_basic_t info;
  memset(&info, 0, sizeof(info));
  info.rights = ZX_RIGHT_SAME_RIGHTS;
  switch (type) {
    case fdf_internal::zircon::ObjectType::kChannel: info.type = ZX_OBJ_TYPE_CHANNEL; break;
    case fdf_internal::zircon::ObjectType::kEvent: info.type = ZX_OBJ_TYPE_EVENT; break;
    case fdf_internal::zircon::ObjectType::kEventPair: info.type = ZX_OBJ_TYPE_EVENTPAIR; break;
    case fdf_internal::zircon::ObjectType::kVmo: info.type = ZX_OBJ_TYPE_VMO; break;
    case fdf_internal::zircon::ObjectType::kInterrupt: info.type = ZX_OBJ_TYPE_INTERRUPT; break;
    default: info.type = ZX_OBJ_TYPE_NONE; break;
  }
  status = fdf_internal::zircon::Koids(fd, type, &info.koid, &info.related_koid);
  if (status != ZX_OK) return status;
  memcpy(buffer, &info, sizeof(info));
  if (actual) *actual = 1;
  if (avail) *avail = 1;
  return ZX_OK;
}
