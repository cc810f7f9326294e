// Stand-in for the Zircon types the banjo and FIDL stand-ins share.
#pragma once
#include <cstdint>
#include <utility>

typedef int32_t zx_status_t;
typedef uint32_t zx_handle_t;
#define ZX_OK 0
#define ZX_ERR_INTERNAL (-1)
#define ZX_ERR_OUT_OF_RANGE (-9)
#define ZX_ERR_BAD_STATE (-20)
#define ZX_ERR_BUFFER_TOO_SMALL (-15)

namespace zx {
class interrupt {
 public:
  interrupt() = default;
  interrupt(interrupt&&) = default;
  interrupt& operator=(interrupt&&) = default;
  zx_handle_t release() { return std::exchange(handle_, 0); }

 private:
  zx_handle_t handle_ = 0;
};
}  // namespace zx
