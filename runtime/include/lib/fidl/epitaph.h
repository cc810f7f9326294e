// Writing an epitaph on a raw channel: a server that is about to close a channel it never bound
// (an Open that does not resolve) says why, as Fuchsia's libfidl does.
#ifndef LIB_FIDL_EPITAPH_H_
#define LIB_FIDL_EPITAPH_H_

#include <zircon/types.h>

#ifdef __cplusplus
extern "C" {
#endif

// Writes the epitaph message carrying `error` on `channel` (not consumed).
zx_status_t fidl_epitaph_write(zx_handle_t channel, zx_status_t error);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LIB_FIDL_EPITAPH_H_
