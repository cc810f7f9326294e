// zx::profile: owns a scheduler profile handle.
//
// fdfkit: the Linux zircon layer has no such object and no call that creates or uses one; the
// class exists so banjo bindings that carry this handle type compile. It holds, moves, borrows,
// duplicates and closes a handle like any zx::object.
#ifndef LIB_ZX_PROFILE_H_
#define LIB_ZX_PROFILE_H_

#include <lib/zx/handle.h>

namespace zx {

class profile final : public object<profile> {
 public:
  using object<profile>::object;
  profile(handle&& h) : object(h.release()) {}
};

using unowned_profile = unowned<profile>;

}  // namespace zx

#endif  // LIB_ZX_PROFILE_H_
