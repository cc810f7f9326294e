// zx::job: owns a job handle.
//
// fdfkit: the Linux zircon layer has no such object and no call that creates or uses one; the
// class exists so banjo bindings that carry this handle type compile. It holds, moves, borrows,
// duplicates and closes a handle like any zx::object.
#ifndef LIB_ZX_JOB_H_
#define LIB_ZX_JOB_H_

#include <lib/zx/handle.h>

namespace zx {

class job final : public object<job> {
 public:
  using object<job>::object;
  job(handle&& h) : object(h.release()) {}
};

using unowned_job = unowned<job>;

}  // namespace zx

#endif  // LIB_ZX_JOB_H_
