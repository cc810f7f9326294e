// zx::fifo: owns a FIFO handle.
//
// fdfkit: the Linux zircon layer has no such object and no call that creates or uses one; the
// class exists so banjo bindings that carry this handle type compile. It holds, moves, borrows,
// duplicates and closes a handle like any zx::object.
#ifndef LIB_ZX_FIFO_H_
#define LIB_ZX_FIFO_H_

#include <lib/zx/handle.h>

namespace zx {

class fifo final : public object<fifo> {
 public:
  using object<fifo>::object;
  fifo(handle&& h) : object(h.release()) {}
};

using unowned_fifo = unowned<fifo>;

}  // namespace zx

#endif  // LIB_ZX_FIFO_H_
