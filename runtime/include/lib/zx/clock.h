// zx::clock: owns a clock handle, and reads the monotonic clock.
//
// fdfkit: the Linux zircon layer has no clock objects (nothing creates one); the class holds,
// moves, borrows, duplicates and closes a handle like any zx::object. get_monotonic() reads
// CLOCK_MONOTONIC through zx_clock_get_monotonic.
#ifndef LIB_ZX_CLOCK_H_
#define LIB_ZX_CLOCK_H_

#include <lib/zx/handle.h>
#include <lib/zx/time.h>

namespace zx {

class clock final : public object<clock> {
 public:
  using object<clock>::object;
  clock(handle&& h) : object(h.release()) {}

  static time get_monotonic() { return time(zx_clock_get_monotonic()); }
};

using unowned_clock = unowned<clock>;

}  // namespace zx

#endif  // LIB_ZX_CLOCK_H_
