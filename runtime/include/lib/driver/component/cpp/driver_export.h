// FUCHSIA_DRIVER_EXPORT(DriverClass): defines the shared object's registration record
// (lib/driver/symbols/symbols.h) for a fdf::DriverBase subclass constructible from
// (fdf::DriverStartArgs, fdf::UnownedSynchronizedDispatcher).
#ifndef LIB_DRIVER_COMPONENT_CPP_DRIVER_EXPORT_H_
#define LIB_DRIVER_COMPONENT_CPP_DRIVER_EXPORT_H_

#include <lib/driver/component/cpp/internal/driver_server.h>
#include <lib/driver/symbols/symbols.h>

#define FUCHSIA_DRIVER_EXPORT(driver)                                                        \
  extern "C" __attribute__((visibility("default"))) const DriverRegistration                \
      FUCHSIA_DRIVER_REGISTRATION_SYMBOL = {                                                 \
          DRIVER_REGISTRATION_VERSION_1,                                                     \
          {::fdf_internal::DriverServer<driver>::initialize,                                 \
           ::fdf_internal::DriverServer<driver>::destroy}}

#endif  // LIB_DRIVER_COMPONENT_CPP_DRIVER_EXPORT_H_
