// Zircon channels over AF_UNIX SOCK_SEQPACKET. Every datagram starts with a header
// {num_bytes, num_handles}, which tells an empty message apart from end-of-file and lets a read
// report ZX_ERR_BUFFER_TOO_SMALL without consuming the message.
#include <sys/socket.h>
#include <unistd.h>
#include <zircon/linux.h>
#include <zircon/syscalls.h>

#include <cerrno>
#include <cstring>

#include "runtime/zircon/object.h"

namespace {

struct MessageHeader {
  uint32_t num_bytes;
  uint32_t num_handles;
};

// Large enough for a few maximum-size messages; the kernel clamps it to wmem_max.
constexpr int kSocketBufferBytes = 4 * 1024 * 1024;

zx_status_t StatusFromErrno(int error) {
  switch (error) {
    case EAGAIN: return ZX_ERR_SHOULD_WAIT;
    case EPIPE:
    case ECONNRESET:
    case ENOTCONN: return ZX_ERR_PEER_CLOSED;
    case ENOMEM:
    case ENOBUFS: return ZX_ERR_NO_MEMORY;
    case EMFILE:
    case ENFILE: return ZX_ERR_NO_RESOURCES;
    default: return ZX_ERR_IO;
  }
}

}  // namespace

extern "C" zx_status_t zx_channel_create(uint32_t options, zx_handle_t* out0, zx_handle_t* out1) {
  if (options != 0 || out0 == nullptr || out1 == nullptr) return ZX_ERR_INVALID_ARGS;
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds) != 0) {
    return StatusFromErrno(errno);
  }
  for (int fd : fds) {
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &kSocketBufferBytes, sizeof(kSocketBufferBytes));
  }
  *out0 = fdf_internal::zircon::HandleForNewObject(fds[0],
                                                   fdf_internal::zircon::ObjectType::kChannel);
  *out1 = fdf_internal::zircon::HandleForNewObject(fds[1],
                                                   fdf_internal::zircon::ObjectType::kChannel);
  return ZX_OK;
}

extern "C" zx_status_t zx_channel_write(zx_handle_t handle, uint32_t options, const void* bytes,
                                        uint32_t num_bytes, const zx_handle_t* handles,
                                        uint32_t num_handles) {
  // The transferred handles are consumed on every path.
  auto consume = [&](zx_status_t status) {
    for (uint32_t i = 0; i < num_handles && handles != nullptr; ++i) {
      if (handles[i] != handle) zx_handle_close(handles[i]);
    }
    return status;
  };
  int fd;
  fdf_internal::zircon::ObjectType type;
  if (fdf_internal::zircon::Lookup(handle, &fd, &type) != ZX_OK) return consume(ZX_ERR_BAD_HANDLE);
  if (type != fdf_internal::zircon::ObjectType::kChannel) return consume(ZX_ERR_WRONG_TYPE);
  if (options != 0 || (bytes == nullptr && num_bytes != 0) ||
      (handles == nullptr && num_handles != 0) || num_bytes > ZX_CHANNEL_MAX_MSG_BYTES ||
      num_handles > ZX_CHANNEL_MAX_MSG_HANDLES) {
    return consume(ZX_ERR_INVALID_ARGS);
  }
  int fds[ZX_CHANNEL_MAX_MSG_HANDLES];
  for (uint32_t i = 0; i < num_handles; ++i) {
    if (handles[i] == handle) return consume(ZX_ERR_NOT_SUPPORTED);
    fds[i] = fdf_internal::zircon::FdOf(handles[i]);
    if (fds[i] < 0) return consume(ZX_ERR_BAD_HANDLE);
  }

  MessageHeader header{num_bytes, num_handles};
  iovec iov[2] = {{&header, sizeof(header)}, {const_cast<void*>(bytes), num_bytes}};
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * ZX_CHANNEL_MAX_MSG_HANDLES)];
  msghdr msg{};
  msg.msg_iov = iov;
  msg.msg_iovlen = num_bytes ? 2 : 1;
  if (num_handles > 0) {
    msg.msg_control = control;
    msg.msg_controllen = CMSG_SPACE(sizeof(int) * num_handles);
    cmsghdr* cmsg = CMSG_FIRSTHDR(&msg);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof(int) * num_handles);
    memcpy(CMSG_DATA(cmsg), fds, sizeof(int) * num_handles);
  }
  ssize_t sent;
  do {
    sent = sendmsg(fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
  } while (sent < 0 && errno == EINTR);
  if (sent < 0) return consume(StatusFromErrno(errno));
  // The receiver holds its own copies of the descriptors now.
  return consume(ZX_OK);
}

extern "C" zx_status_t zx_channel_read(zx_handle_t handle, uint32_t options, void* bytes,
                                       zx_handle_t* handles, uint32_t num_bytes,
                                       uint32_t num_handles, uint32_t* actual_bytes,
                                       uint32_t* actual_handles) {
  int fd;
  fdf_internal::zircon::ObjectType type;
  if (fdf_internal::zircon::Lookup(handle, &fd, &type) != ZX_OK) return ZX_ERR_BAD_HANDLE;
  if (type != fdf_internal::zircon::ObjectType::kChannel) return ZX_ERR_WRONG_TYPE;
  if (options != 0 || (bytes == nullptr && num_bytes != 0) ||
      (handles == nullptr && num_handles != 0)) {
    return ZX_ERR_INVALID_ARGS;
  }
  MessageHeader header;
  ssize_t n;
  do {
    n = recv(fd, &header, sizeof(header), MSG_PEEK | MSG_DONTWAIT);
    // A peer that closed with our messages still unread makes Linux report ECONNRESET once,
    // ahead of what the peer wrote before closing (an epitaph): read on past it.
  } while (n < 0 && (errno == EINTR || errno == ECONNRESET));
  if (n == 0) return ZX_ERR_PEER_CLOSED;
  if (n < 0) return StatusFromErrno(errno);
  if (n != sizeof(header)) return ZX_ERR_IO;
  if (actual_bytes) *actual_bytes = header.num_bytes;
  if (actual_handles) *actual_handles = header.num_handles;
  if (header.num_bytes > num_bytes || header.num_handles > num_handles) {
    return ZX_ERR_BUFFER_TOO_SMALL;
  }

  iovec iov[2] = {{&header, sizeof(header)}, {bytes, header.num_bytes}};
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * ZX_CHANNEL_MAX_MSG_HANDLES)];
  msghdr msg{};
  msg.msg_iov = iov;
  msg.msg_iovlen = header.num_bytes ? 2 : 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof(control);
  do {
    n = recvmsg(fd, &msg, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return StatusFromErrno(errno);
  uint32_t received = 0;
  for (cmsghdr* cmsg = CMSG_FIRSTHDR(&msg); cmsg != nullptr; cmsg = CMSG_NXTHDR(&msg, cmsg)) {
    if (cmsg->cmsg_level != SOL_SOCKET || cmsg->cmsg_type != SCM_RIGHTS) continue;
    size_t count = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    for (size_t i = 0; i < count; ++i) {
      int received_fd;
      memcpy(&received_fd, CMSG_DATA(cmsg) + i * sizeof(int), sizeof(int));
      if (received < num_handles) {
        // Examined once, here, so later lookups of the received handle need no syscall.
        handles[received++] = fdf_internal::zircon::HandleForNewObject(
            received_fd, fdf_internal::zircon::TypeOfFd(received_fd));
      } else {
        close(received_fd);
      }
    }
  }
  if (actual_handles) *actual_handles = received;
  return ZX_OK;
}
