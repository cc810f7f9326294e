// zx::eventpair: one end of an event pair (an AF_UNIX datagram socketpair on Linux; only
// PEER_CLOSED is observable, see zircon/syscalls.h).
#ifndef LIB_ZX_EVENTPAIR_H_
#define LIB_ZX_EVENTPAIR_H_

#include <lib/zx/handle.h>

namespace zx {

class eventpair final : public object<eventpair> {
 public:
  using object<eventpair>::object;
  eventpair(handle&& h) : object(h.release()) {}
  static zx_status_t create(uint32_t options, eventpair* end0, eventpair* end1) {
    zx_handle_t h0, h1;
    zx_status_t status = zx_eventpair_create(options, &h0, &h1);
    if (status != ZX_OK) return status;
    end0->reset(h0);
    end1->reset(h1);
    return ZX_OK;
  }
};

using unowned_eventpair = unowned<eventpair>;

}  // namespace zx

#endif  // LIB_ZX_EVENTPAIR_H_
