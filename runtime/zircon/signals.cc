// Signal state of fds and zx_object_wait_one.
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zircon/syscalls.h>

#include <cerrno>

#include "runtime/zircon/object.h"

namespace fdf_internal::zircon {
namespace {

bool PeerClosed(int fd) {
  pollfd p{fd, POLLRDHUP, 0};
  return poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP));
}

bool MessageQueued(int fd) {
  char byte;
  ssize_t n = recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT | MSG_TRUNC);
  // ECONNRESET (a peer that closed with our messages unread) is reported once, ahead of the
  // messages it sent before closing: look again.
  if (n < 0 && errno == ECONNRESET) n = recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT | MSG_TRUNC);
  return n > 0;
}

int RemainingMs(zx_time_t deadline) {
  if (deadline == ZX_TIME_INFINITE) return -1;
  zx_time_t now = zx_clock_get_monotonic();
  if (deadline <= now) return 0;
  zx_time_t ms = (deadline - now + 999999) / 1000000;
  return ms > 1000000 ? 1000000 : static_cast<int>(ms);
}

}  // namespace

zx_signals_t CurrentSignals(int fd, ObjectType type) {
  switch (type) {
    case ObjectType::kChannel: {
      // Closed first, then readable: a peer writes before it closes, so a close seen here means
      // every message it sent is already queued. The other order could report PEER_CLOSED
      // without READABLE for a peer that wrote and closed between the two probes, and a reader
      // would then miss its last message (an epitaph).
      zx_signals_t signals = 0;
      if (PeerClosed(fd)) {
        signals |= ZX_CHANNEL_PEER_CLOSED;
      } else {
        signals |= ZX_CHANNEL_WRITABLE;
      }
      if (MessageQueued(fd)) signals |= ZX_CHANNEL_READABLE;
      return signals;
    }
    case ObjectType::kEventPair:
      return PeerClosed(fd) ? ZX_EVENTPAIR_PEER_CLOSED : 0;
    case ObjectType::kEvent:
      return ReadEventSignals(fd);
    case ObjectType::kInterrupt: {
      pollfd p{fd, POLLIN, 0};
      return (poll(&p, 1, 0) == 1 && (p.revents & POLLIN)) ? kInterruptTriggered : 0;
    }
    default:
      return 0;
  }
}

uint32_t EpollEventsFor(ObjectType type, zx_signals_t trigger) {
  uint32_t events = 0;
  switch (type) {
    case ObjectType::kChannel:
      if (trigger & ZX_CHANNEL_READABLE) events |= EPOLLIN;
      if (trigger & ZX_CHANNEL_WRITABLE) events |= EPOLLOUT;
      if (trigger & ZX_CHANNEL_PEER_CLOSED) events |= EPOLLRDHUP;
      return events;
    case ObjectType::kEventPair:
      return (trigger & ZX_EVENTPAIR_PEER_CLOSED) ? uint32_t{EPOLLRDHUP} : 0u;
    case ObjectType::kEvent:
      // Every zx_object_signal writes the counter, which an edge-triggered watch sees.
      return EPOLLIN | EPOLLET;
    case ObjectType::kInterrupt:
      return (trigger & kInterruptTriggered) ? uint32_t{EPOLLIN} : 0u;
    default:
      return 0;
  }
}

}  // namespace fdf_internal::zircon

extern "C" zx_status_t zx_object_wait_one(zx_handle_t handle, zx_signals_t signals,
                                          zx_time_t deadline, zx_signals_t* observed) {
  int fd;
  fdf_internal::zircon::ObjectType type;
  if (fdf_internal::zircon::Lookup(handle, &fd, &type) != ZX_OK) return ZX_ERR_BAD_HANDLE;
  uint32_t events = fdf_internal::zircon::EpollEventsFor(type, signals);
  if (!fdf_internal::zircon::IsWaitable(type)) return ZX_ERR_NOT_SUPPORTED;
  int ep = epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0) return ZX_ERR_NO_RESOURCES;
  epoll_event ev{};
  ev.events = events;
  epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
  zx_status_t status = ZX_ERR_TIMED_OUT;
  zx_signals_t current = 0;
  for (;;) {
    current = fdf_internal::zircon::CurrentSignals(fd, type);
    if (current & signals) {
      status = ZX_OK;
      break;
    }
    int timeout = fdf_internal::zircon::RemainingMs(deadline);
    if (timeout == 0) break;
    // A closed peer keeps a socket readable for ever: what is asked for can no longer come, so
    // sleep out the deadline instead of spinning on a level-triggered EOF.
    if ((current & ZX_CHANNEL_PEER_CLOSED) && type != fdf_internal::zircon::ObjectType::kEvent) {
      while (deadline == ZX_TIME_INFINITE) pause();
      zx_nanosleep(deadline);
      break;
    }
    epoll_event out;
    int n = epoll_wait(ep, &out, 1, timeout);
    if (n < 0 && errno != EINTR) break;
  }
  close(ep);
  if (observed) *observed = current;
  return status;
}
