// VMOs over memfd.
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zircon/linux.h>
#include <zircon/syscalls.h>

#include "runtime/zircon/object.h"

namespace {

zx_status_t VmoFd(zx_handle_t handle, int* fd) {
  fdf_internal::zircon::ObjectType type;
  if (fdf_internal::zircon::Lookup(handle, fd, &type) != ZX_OK) return ZX_ERR_BAD_HANDLE;
  return type == fdf_internal::zircon::ObjectType::kVmo ? ZX_OK : ZX_ERR_WRONG_TYPE;
}

zx_status_t Size(int fd, uint64_t* size) {
  struct stat st;
  if (fstat(fd, &st) != 0) return ZX_ERR_BAD_HANDLE;
  *size = static_cast<uint64_t>(st.st_size);
  return ZX_OK;
}

zx_status_t CheckRange(int fd, uint64_t offset, size_t length) {
  uint64_t size, end;
  zx_status_t status = Size(fd, &size);
  if (status != ZX_OK) return status;
  if (__builtin_add_overflow(offset, length, &end) || end > size) return ZX_ERR_OUT_OF_RANGE;
  return ZX_OK;
}

}  // namespace

extern "C" zx_status_t zx_vmo_create(uint64_t size, uint32_t options, zx_handle_t* out) {
  if (options != 0 || out == nullptr) return ZX_ERR_INVALID_ARGS;
  int fd = memfd_create("zx-vmo", MFD_CLOEXEC);
  if (fd < 0) return ZX_ERR_NO_RESOURCES;
  if (ftruncate(fd, static_cast<off_t>(size)) != 0) {
    close(fd);
    return ZX_ERR_NO_MEMORY;
  }
  *out = fdf_internal::zircon::HandleForNewObject(fd, fdf_internal::zircon::ObjectType::kVmo);
  return ZX_OK;
}

extern "C" zx_status_t zx_vmo_read(zx_handle_t handle, void* buffer, uint64_t offset,
                                   size_t length) {
  int fd;
  zx_status_t status = VmoFd(handle, &fd);
  if (status == ZX_OK) status = CheckRange(fd, offset, length);
  if (status != ZX_OK) return status;
  if (length > 0 && buffer == nullptr) return ZX_ERR_INVALID_ARGS;
  size_t done = 0;
  while (done < length) {
    ssize_t n = pread(fd, static_cast<char*>(buffer) + done, length - done,
                      static_cast<off_t>(offset + done));
    if (n <= 0) return ZX_ERR_IO;
    done += static_cast<size_t>(n);
  }
  return ZX_OK;
}

extern "C" zx_status_t zx_vmo_write(zx_handle_t handle, const void* buffer, uint64_t offset,
                                    size_t length) {
  int fd;
  zx_status_t status = VmoFd(handle, &fd);
  if (status == ZX_OK) status = CheckRange(fd, offset, length);
  if (status != ZX_OK) return status;
  if (length > 0 && buffer == nullptr) return ZX_ERR_INVALID_ARGS;
  size_t done = 0;
  while (done < length) {
    ssize_t n = pwrite(fd, static_cast<const char*>(buffer) + done, length - done,
                       static_cast<off_t>(offset + done));
    if (n <= 0) return ZX_ERR_IO;
    done += static_cast<size_t>(n);
  }
  return ZX_OK;
}

extern "C" zx_status_t zx_vmo_get_size(zx_handle_t handle, uint64_t* size) {
  int fd;
  zx_status_t status = VmoFd(handle, &fd);
  if (status != ZX_OK) return status;
  if (size == nullptr) return ZX_ERR_INVALID_ARGS;
  return Size(fd, size);
}

extern "C" zx_status_t zx_vmo_set_size(zx_handle_t handle, uint64_t size) {
  int fd;
  zx_status_t status = VmoFd(handle, &fd);
  if (status != ZX_OK) return status;
  return ftruncate(fd, static_cast<off_t>(size)) == 0 ? ZX_OK : ZX_ERR_NO_MEMORY;
}
