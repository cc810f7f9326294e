#ifndef LIB_ZX_INTERRUPT_H_
#define LIB_ZX_INTERRUPT_H_

#include <lib/zx/handle.h>

namespace zx {

// A virtual interrupt (the only kind on Linux).
class interrupt final : public object<interrupt> {
 public:
  using object<interrupt>::object;
  // `resource` is ignored; `options` must include ZX_INTERRUPT_VIRTUAL.
  static zx_status_t create(const handle& resource, uint32_t vector, uint32_t options,
                            interrupt* out) {
    zx_handle_t h;
    zx_status_t status = zx_interrupt_create(resource.get(), vector, options, &h);
    if (status == ZX_OK) out->reset(h);
    return status;
  }
  zx_status_t trigger(uint32_t options, zx_time_t timestamp) const {
    return zx_interrupt_trigger(get(), options, timestamp);
  }
  zx_status_t wait(zx_time_t* timestamp) const { return zx_interrupt_wait(get(), timestamp); }
  zx_status_t ack() const { return zx_interrupt_ack(get()); }
};

using unowned_interrupt = unowned<interrupt>;

}  // namespace zx

#endif  // LIB_ZX_INTERRUPT_H_
