#ifndef LIB_ZX_EVENT_H_
#define LIB_ZX_EVENT_H_

#include <lib/zx/handle.h>

namespace zx {

class event final : public object<event> {
 public:
  using object<event>::object;
  static zx_status_t create(uint32_t options, event* out) {
    zx_handle_t h;
    zx_status_t status = zx_event_create(options, &h);
    if (status == ZX_OK) out->reset(h);
    return status;
  }
};

class eventpair final : public object<eventpair> {
 public:
  using object<eventpair>::object;
  static zx_status_t create(uint32_t options, eventpair* end0, eventpair* end1) {
    zx_handle_t h0, h1;
    zx_status_t status = zx_eventpair_create(options, &h0, &h1);
    if (status != ZX_OK) return status;
    end0->reset(h0);
    end1->reset(h1);
    return ZX_OK;
  }
};

using unowned_event = unowned<event>;

}  // namespace zx

#endif  // LIB_ZX_EVENT_H_
