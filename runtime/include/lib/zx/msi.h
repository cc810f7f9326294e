// zx::msi: owns an MSI allocation handle.
//
// fdfkit: the Linux zircon layer has no such object and no call that creates or uses one; the
// class exists so banjo bindings that carry this handle type compile. It holds, moves, borrows,
// duplicates and closes a handle like any zx::object.
#ifndef LIB_ZX_MSI_H_
#define LIB_ZX_MSI_H_

#include <lib/zx/handle.h>

namespace zx {

class msi final : public object<msi> {
 public:
  using object<msi>::object;
  msi(handle&& h) : object(h.release()) {}
};

using unowned_msi = unowned<msi>;

}  // namespace zx

#endif  // LIB_ZX_MSI_H_
