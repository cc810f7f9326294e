#ifndef LIB_ZX_EVENT_H_
#define LIB_ZX_EVENT_H_

#include <lib/zx/eventpair.h>  // zx::eventpair came with this header first
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

using unowned_event = unowned<event>;

}  // namespace zx

#endif  // LIB_ZX_EVENT_H_
