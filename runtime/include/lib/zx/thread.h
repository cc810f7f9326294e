// zx::thread: owns a thread handle.
//
// fdfkit: the Linux zircon layer has no such object and no call that creates or uses one; the
// class exists so banjo bindings that carry this handle type compile. It holds, moves, borrows,
// duplicates and closes a handle like any zx::object.
#ifndef LIB_ZX_THREAD_H_
#define LIB_ZX_THREAD_H_

#include <lib/zx/handle.h>

namespace zx {

class thread final : public object<thread> {
 public:
  using object<thread>::object;
  thread(handle&& h) : object(h.release()) {}
};

using unowned_thread = unowned<thread>;

}  // namespace zx

#endif  // LIB_ZX_THREAD_H_
