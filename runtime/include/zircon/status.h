// zx_status_get_string: the name of a status ("ZX_ERR_NOT_FOUND"), as Zircon's libc provides it.
#ifndef ZIRCON_STATUS_H_
#define ZIRCON_STATUS_H_

#include <zircon/types.h>

#ifdef __cplusplus
extern "C" {
#endif

// A static string; "(UNKNOWN)" for a value errors.h does not define.
const char* zx_status_get_string(zx_status_t status);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // ZIRCON_STATUS_H_
