// zx::process: owns a process handle.
//
// fdfkit: the Linux zircon layer has no such object and no call that creates or uses one; the
// class exists so banjo bindings that carry this handle type compile. It holds, moves, borrows,
// duplicates and closes a handle like any zx::object.
#ifndef LIB_ZX_PROCESS_H_
#define LIB_ZX_PROCESS_H_

#include <lib/zx/handle.h>

namespace zx {

class process final : public object<process> {
 public:
  using object<process>::object;
  process(handle&& h) : object(h.release()) {}
};

using unowned_process = unowned<process>;

}  // namespace zx

#endif  // LIB_ZX_PROCESS_H_
