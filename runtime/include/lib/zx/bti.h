// zx::bti: owns a bus transaction initiator handle (a device's DMA view of memory).
//
// fdfkit: the Linux zircon layer has no such object and no call that creates or uses one; the
// class exists so banjo bindings that carry this handle type compile. It holds, moves, borrows,
// duplicates and closes a handle like any zx::object.
#ifndef LIB_ZX_BTI_H_
#define LIB_ZX_BTI_H_

#include <lib/zx/handle.h>

namespace zx {

class bti final : public object<bti> {
 public:
  using object<bti>::object;
  bti(handle&& h) : object(h.release()) {}
};

using unowned_bti = unowned<bti>;

}  // namespace zx

#endif  // LIB_ZX_BTI_H_
