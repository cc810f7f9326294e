// C++ forms of the environment API used by driver hosts and tests: dispatchers created for an
// explicit driver, and driver-level shutdown.
#ifndef LIB_FDF_CPP_ENV_H_
#define LIB_FDF_CPP_ENV_H_

#include <lib/fdf/cpp/dispatcher.h>
#include <lib/fdf/env.h>
#include <lib/zx/result.h>

#include <functional>
#include <utility>

namespace fdf_env {

class DispatcherBuilder {
 public:
  static zx::result<fdf::SynchronizedDispatcher> CreateSynchronizedWithOwner(
      const void* driver, fdf::SynchronizedDispatcher::Options options, std::string_view name,
      fdf::Dispatcher::ShutdownHandler shutdown_handler, std::string_view scheduler_role = {}) {
    return fdf::SynchronizedDispatcher::CreateWithOwner(driver, options, name,
                                                        std::move(shutdown_handler), scheduler_role);
  }
  static zx::result<fdf::UnsynchronizedDispatcher> CreateUnsynchronizedWithOwner(
      const void* driver, fdf::UnsynchronizedDispatcher::Options options, std::string_view name,
      fdf::Dispatcher::ShutdownHandler shutdown_handler, std::string_view scheduler_role = {}) {
    return fdf::UnsynchronizedDispatcher::CreateWithOwner(
        driver, options, name, std::move(shutdown_handler), scheduler_role);
  }
};

// Shuts down every dispatcher of one driver; the handler runs once after all their observers
// have returned. The object must outlive the handler call.
class DriverShutdown : public fdf_env_driver_shutdown_observer_t {
 public:
  using Handler = std::function<void(const void* driver)>;

  DriverShutdown() : fdf_env_driver_shutdown_observer_t{} {
    handler = [](const void* driver, fdf_env_driver_shutdown_observer_t* observer) {
      auto* self = static_cast<DriverShutdown*>(observer);
      Handler fn = std::exchange(self->handler_, nullptr);
      if (fn) fn(driver);
    };
  }
  DriverShutdown(const DriverShutdown&) = delete;
  DriverShutdown& operator=(const DriverShutdown&) = delete;

  // ZX_ERR_INVALID_ARGS (no dispatchers for `driver`); ZX_ERR_BAD_STATE (already shutting down).
  zx::result<> Begin(const void* driver, Handler shutdown_handler) {
    if (handler_) return zx::error(ZX_ERR_BAD_STATE);  // this object is already in use
    handler_ = std::move(shutdown_handler);
    zx_status_t status = fdf_env_shutdown_dispatchers_async(driver, this);
    if (status != ZX_OK) {
      handler_ = nullptr;
      return zx::error(status);
    }
    return zx::ok();
  }

 private:
  Handler handler_;
};

}  // namespace fdf_env

#endif  // LIB_FDF_CPP_ENV_H_
