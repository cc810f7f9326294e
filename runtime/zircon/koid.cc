// Koids are inode numbers; a socket's peer koid comes from the kernel's sock_diag interface, so
// it also works for sockets received from other processes.
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

#include "runtime/zircon/object.h"

namespace fdf_internal::zircon {
namespace {

zx_status_t PeerInode(uint32_t inode, zx_koid_t* peer) {
  int nl = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
  if (nl < 0) return ZX_ERR_NOT_SUPPORTED;
  struct {
    nlmsghdr header;
    unix_diag_req request;
  } query;
  memset(&query, 0, sizeof(query));
  query.header.nlmsg_len = sizeof(query);
  query.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  query.header.nlmsg_flags = NLM_F_REQUEST;
  query.request.sdiag_family = AF_UNIX;
  query.request.udiag_ino = inode;
  query.request.udiag_show = UDIAG_SHOW_PEER;
  query.request.udiag_cookie[0] = query.request.udiag_cookie[1] = ~0u;

  alignas(nlmsghdr) char buffer[1024];
  ssize_t n = -1;
  if (send(nl, &query, sizeof(query), 0) == static_cast<ssize_t>(sizeof(query))) {
    n = recv(nl, buffer, sizeof(buffer), 0);
  }
  close(nl);
  if (n < static_cast<ssize_t>(sizeof(nlmsghdr))) return ZX_ERR_NOT_SUPPORTED;
  auto* header = reinterpret_cast<nlmsghdr*>(buffer);
  if (header->nlmsg_type != SOCK_DIAG_BY_FAMILY) return ZX_ERR_NOT_SUPPORTED;
  auto* message = static_cast<unix_diag_msg*>(NLMSG_DATA(header));
  int length = static_cast<int>(header->nlmsg_len - NLMSG_LENGTH(sizeof(*message)));
  *peer = ZX_KOID_INVALID;
  for (auto* attr = reinterpret_cast<rtattr*>(message + 1); RTA_OK(attr, length);
       attr = RTA_NEXT(attr, length)) {
    if (attr->rta_type == UNIX_DIAG_PEER) {
      uint32_t value;
      memcpy(&value, RTA_DATA(attr), sizeof(value));
      *peer = value;
    }
  }
  return ZX_OK;
}

}  // namespace

zx_status_t Koids(int fd, ObjectType type, zx_koid_t* koid, zx_koid_t* related_koid) {
  struct stat st;
  if (fstat(fd, &st) != 0) return ZX_ERR_BAD_HANDLE;
  *koid = st.st_ino;
  *related_koid = ZX_KOID_INVALID;
  // Every eventfd shares one anonymous inode; the kernel numbers them separately (Linux ≥ 5.13).
  uint64_t event_id;
  if (type == ObjectType::kEvent && ReadFdinfoField(fd, "eventfd-id:", 10, &event_id)) {
    *koid = (zx_koid_t{1} << 48) | event_id;
  }
  if (type == ObjectType::kChannel || type == ObjectType::kEventPair) {
    return PeerInode(static_cast<uint32_t>(st.st_ino), related_koid);
  }
  return ZX_OK;
}

}  // namespace fdf_internal::zircon
