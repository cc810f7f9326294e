// zx::stream: owns a stream handle.
//
// fdfkit: the Linux zircon layer has no such object and no call that creates or uses one; the
// class exists so banjo bindings that carry this handle type compile. It holds, moves, borrows,
// duplicates and closes a handle like any zx::object.
#ifndef LIB_ZX_STREAM_H_
#define LIB_ZX_STREAM_H_

#include <lib/zx/handle.h>

namespace zx {

class stream final : public object<stream> {
 public:
  using object<stream>::object;
  stream(handle&& h) : object(h.release()) {}
};

using unowned_stream = unowned<stream>;

}  // namespace zx

#endif  // LIB_ZX_STREAM_H_
