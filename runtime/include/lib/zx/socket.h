// zx::socket: owns a socket handle.
//
// fdfkit: the Linux zircon layer has no such object and no call that creates or uses one; the
// class exists so banjo bindings that carry this handle type compile. It holds, moves, borrows,
// duplicates and closes a handle like any zx::object.
#ifndef LIB_ZX_SOCKET_H_
#define LIB_ZX_SOCKET_H_

#include <lib/zx/handle.h>

namespace zx {

class socket final : public object<socket> {
 public:
  using object<socket>::object;
  socket(handle&& h) : object(h.release()) {}
};

using unowned_socket = unowned<socket>;

}  // namespace zx

#endif  // LIB_ZX_SOCKET_H_
