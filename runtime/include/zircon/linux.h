// fdfkit extension: the bridge between Zircon handle values and Linux file descriptors.
#ifndef ZIRCON_LINUX_H_
#define ZIRCON_LINUX_H_

#include <zircon/types.h>

#ifdef __cplusplus
extern "C" {
#endif

// (fd << 2) | 0b11. The fd's ownership moves into the handle.
zx_handle_t zx_linux_handle_from_fd(int fd);
// The fd behind a Zircon handle value, or -1 if the value does not have Zircon's low bits.
int zx_linux_handle_to_fd(zx_handle_t handle);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // ZIRCON_LINUX_H_
