// zx::resource: owns a resource handle (a right to hardware: MMIO ranges, interrupts, ...).
//
// fdfkit: the Linux zircon layer has no such object and no call that creates or uses one; the
// class exists so banjo bindings that carry this handle type compile. It holds, moves, borrows,
// duplicates and closes a handle like any zx::object.
#ifndef LIB_ZX_RESOURCE_H_
#define LIB_ZX_RESOURCE_H_

#include <lib/zx/handle.h>

namespace zx {

class resource final : public object<resource> {
 public:
  using object<resource>::object;
  resource(handle&& h) : object(h.release()) {}
};

using unowned_resource = unowned<resource>;

}  // namespace zx

#endif  // LIB_ZX_RESOURCE_H_
