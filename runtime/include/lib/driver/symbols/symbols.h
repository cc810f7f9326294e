// The record a driver's shared object exports, which its driver host looks up by name after
// dlopen: a version, then the version's entry points. FUCHSIA_DRIVER_EXPORT
// (lib/driver/component/cpp/driver_export.h) defines it for a DriverBase subclass.
#ifndef LIB_DRIVER_SYMBOLS_SYMBOLS_H_
#define LIB_DRIVER_SYMBOLS_SYMBOLS_H_

#include <lib/fdf/types.h>
#include <stdint.h>

#define DRIVER_REGISTRATION_VERSION_1 1
#define DRIVER_REGISTRATION_VERSION_MAX DRIVER_REGISTRATION_VERSION_1
#define FUCHSIA_DRIVER_REGISTRATION_SYMBOL __fuchsia_driver_registration__
#define FUCHSIA_DRIVER_REGISTRATION_SYMBOL_NAME "__fuchsia_driver_registration__"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct DriverRegistration {
  uint64_t version;
  struct v1 {
    // Runs on the driver's default dispatcher. `server_handle` is the server end of an fdf
    // channel speaking fuchsia.driver.framework/Driver (Start, then Stop). Returns a token for
    // destroy.
    void* (*initialize)(fdf_handle_t server_handle);
    // Called after the driver's dispatchers have shut down: frees what initialize created.
    void (*destroy)(void* token);
  } v1;
} DriverRegistration;

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LIB_DRIVER_SYMBOLS_SYMBOLS_H_
