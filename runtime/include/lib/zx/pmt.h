// zx::pmt: owns a pinned memory token handle.
//
// fdfkit: the Linux zircon layer has no such object and no call that creates or uses one; the
// class exists so banjo bindings that carry this handle type compile. It holds, moves, borrows,
// duplicates and closes a handle like any zx::object.
#ifndef LIB_ZX_PMT_H_
#define LIB_ZX_PMT_H_

#include <lib/zx/handle.h>

namespace zx {

class pmt final : public object<pmt> {
 public:
  using object<pmt>::object;
  pmt(handle&& h) : object(h.release()) {}
};

using unowned_pmt = unowned<pmt>;

}  // namespace zx

#endif  // LIB_ZX_PMT_H_
