#ifndef LIB_FDF_HANDLE_H_
#define LIB_FDF_HANDLE_H_

#include <lib/fdf/types.h>

#ifdef __cplusplus
extern "C" {
#endif

// Closes an fdf handle; a value with Zircon's low bits is forwarded to zx_handle_close.
// FDF_HANDLE_INVALID is a no-op. A stale or forged fdf value is ignored (nothing else is touched).
// Closing a channel end with a pending read wait cancels that wait (see runtime/README.md).
void fdf_handle_close(fdf_handle_t handle);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LIB_FDF_HANDLE_H_
