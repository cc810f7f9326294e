// zx::timer: owns a timer handle.
//
// fdfkit: the Linux zircon layer has no such object and no call that creates or uses one; the
// class exists so banjo bindings that carry this handle type compile. It holds, moves, borrows,
// duplicates and closes a handle like any zx::object.
#ifndef LIB_ZX_TIMER_H_
#define LIB_ZX_TIMER_H_

#include <lib/zx/handle.h>

namespace zx {

class timer final : public object<timer> {
 public:
  using object<timer>::object;
  timer(handle&& h) : object(h.release()) {}
};

using unowned_timer = unowned<timer>;

}  // namespace zx

#endif  // LIB_ZX_TIMER_H_
