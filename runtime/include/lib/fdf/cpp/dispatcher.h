// fdf::Dispatcher and its synchronized / unsynchronized flavours.
#ifndef LIB_FDF_CPP_DISPATCHER_H_
#define LIB_FDF_CPP_DISPATCHER_H_

#include <lib/fdf/dispatcher.h>
#include <lib/fdf/env.h>
#include <lib/zx/result.h>

#include <cassert>
#include <functional>
#include <optional>
#include <string_view>
#include <utility>

namespace fdf {

class UnownedDispatcher;

class Dispatcher {
 public:
  using ShutdownHandler = std::function<void(fdf_dispatcher_t* dispatcher)>;

  Dispatcher() = default;
  explicit Dispatcher(fdf_dispatcher_t* dispatcher) : dispatcher_(dispatcher) {}
  Dispatcher(Dispatcher&& o) noexcept : dispatcher_(std::exchange(o.dispatcher_, nullptr)) {}
  Dispatcher& operator=(Dispatcher&& o) noexcept {
    reset(o.release());
    return *this;
  }
  Dispatcher(const Dispatcher&) = delete;
  Dispatcher& operator=(const Dispatcher&) = delete;
  // Destroys the dispatcher, which must have completed shutdown.
  ~Dispatcher() { close(); }

  // The handler runs once shutdown completes; it lives apart from this object, which may be
  // released or destroyed first.
  static zx::result<Dispatcher> Create(uint32_t options, std::string_view name,
                                       ShutdownHandler shutdown_handler,
                                       std::string_view scheduler_role = {}) {
    return CreateWithOwner(nullptr, options, name, std::move(shutdown_handler), scheduler_role);
  }
  // As Create, owned by `driver` instead of the current driver (nullptr: the current driver).
  // Used by fdf_env::DispatcherBuilder.
  static zx::result<Dispatcher> CreateWithOwner(const void* driver, uint32_t options,
                                                std::string_view name,
                                                ShutdownHandler shutdown_handler,
                                                std::string_view scheduler_role = {}) {
    auto* observer = new ShutdownObserver(std::move(shutdown_handler));
    fdf_dispatcher_t* dispatcher;
    zx_status_t status =
        driver == nullptr
            ? fdf_dispatcher_create(options, name.data(), name.size(), scheduler_role.data(),
                                    scheduler_role.size(), observer, &dispatcher)
            : fdf_env_dispatcher_create_with_owner(driver, options, name.data(), name.size(),
                                                   scheduler_role.data(), scheduler_role.size(),
                                                   observer, &dispatcher);
    if (status != ZX_OK) {
      delete observer;
      return zx::error(status);
    }
    return zx::ok(Dispatcher(dispatcher));
  }

  // CreateWithOwner, wrapped in the typed dispatcher class T.
  template <typename T>
  static zx::result<T> CreateAs(const void* driver, uint32_t options, std::string_view name,
                                ShutdownHandler shutdown_handler, std::string_view scheduler_role) {
    auto d = CreateWithOwner(driver, options, name, std::move(shutdown_handler), scheduler_role);
    if (d.is_error()) return zx::error(d.status_value());
    return zx::ok(T(d->release()));
  }

  static UnownedDispatcher GetCurrent();
  static fdf_dispatcher_t* Downcast(async_dispatcher_t* dispatcher) {
    return fdf_dispatcher_downcast_async_dispatcher(dispatcher);
  }

  void ShutdownAsync() const { fdf_dispatcher_shutdown_async(dispatcher_); }
  async_dispatcher_t* async_dispatcher() const {
    return fdf_dispatcher_get_async_dispatcher(dispatcher_);
  }
  std::optional<uint32_t> options() const {
    if (!dispatcher_) return std::nullopt;
    return fdf_dispatcher_get_options(dispatcher_);
  }
  fdf_dispatcher_t* get() const { return dispatcher_; }
  fdf_dispatcher_t* release() { return std::exchange(dispatcher_, nullptr); }
  void reset(fdf_dispatcher_t* dispatcher = nullptr) {
    close();
    dispatcher_ = dispatcher;
  }
  void close() {
    if (dispatcher_) fdf_dispatcher_destroy(std::exchange(dispatcher_, nullptr));
  }
  UnownedDispatcher borrow() const;

  // The shutdown observer that owns a C++ handler and deletes itself after calling it.
  struct ShutdownObserver : fdf_dispatcher_shutdown_observer_t {
    explicit ShutdownObserver(ShutdownHandler h) : handler_fn(std::move(h)) {
      handler = &ShutdownObserver::Call;
    }
    static void Call(fdf_dispatcher_t* dispatcher, fdf_dispatcher_shutdown_observer_t* observer) {
      auto* self = static_cast<ShutdownObserver*>(observer);
      ShutdownHandler fn = std::move(self->handler_fn);
      delete self;
      if (fn) fn(dispatcher);
    }
    ShutdownHandler handler_fn;
  };

 protected:
  fdf_dispatcher_t* dispatcher_ = nullptr;
};

class UnownedDispatcher {
 public:
  UnownedDispatcher() = default;
  explicit UnownedDispatcher(fdf_dispatcher_t* dispatcher) : value_(dispatcher) {}
  UnownedDispatcher(const UnownedDispatcher& o) : value_(o.value_.get()) {}
  UnownedDispatcher& operator=(const UnownedDispatcher& o) {
    (void)value_.release();
    value_ = Dispatcher(o.value_.get());
    return *this;
  }
  ~UnownedDispatcher() { (void)value_.release(); }
  const Dispatcher& operator*() const { return value_; }
  const Dispatcher* operator->() const { return &value_; }
  fdf_dispatcher_t* get() const { return value_.get(); }
  bool operator==(const UnownedDispatcher& o) const { return get() == o.get(); }

 private:
  Dispatcher value_;
};

inline UnownedDispatcher Dispatcher::GetCurrent() {
  return UnownedDispatcher(fdf_dispatcher_get_current_dispatcher());
}
inline UnownedDispatcher Dispatcher::borrow() const { return UnownedDispatcher(dispatcher_); }

class SynchronizedDispatcher : public Dispatcher {
 public:
  struct Options {
    uint32_t value = FDF_DISPATCHER_OPTION_SYNCHRONIZED;
    static const Options kAllowSyncCalls;
  };

  SynchronizedDispatcher() = default;
  explicit SynchronizedDispatcher(fdf_dispatcher_t* dispatcher) : Dispatcher(dispatcher) {
    assert(!dispatcher || (fdf_dispatcher_get_options(dispatcher) &
                           FDF_DISPATCHER_OPTION_SYNCHRONIZATION_MASK) ==
                              FDF_DISPATCHER_OPTION_SYNCHRONIZED);
  }

  static zx::result<SynchronizedDispatcher> Create(Options options, std::string_view name,
                                                ShutdownHandler shutdown_handler,
                                                std::string_view scheduler_role = {}) {
    return CreateWithOwner(nullptr, options, name, std::move(shutdown_handler), scheduler_role);
  }
  static zx::result<SynchronizedDispatcher> CreateWithOwner(const void* driver, Options options,
                                                         std::string_view name,
                                                         ShutdownHandler shutdown_handler,
                                                         std::string_view scheduler_role = {}) {
    return CreateAs<SynchronizedDispatcher>(driver, options.value | FDF_DISPATCHER_OPTION_SYNCHRONIZED, name,
                                    std::move(shutdown_handler), scheduler_role);
  }
};

inline const SynchronizedDispatcher::Options SynchronizedDispatcher::Options::kAllowSyncCalls = {
    FDF_DISPATCHER_OPTION_SYNCHRONIZED | FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS};

class UnsynchronizedDispatcher : public Dispatcher {
 public:
  struct Options {
    uint32_t value = FDF_DISPATCHER_OPTION_UNSYNCHRONIZED;
  };

  UnsynchronizedDispatcher() = default;
  explicit UnsynchronizedDispatcher(fdf_dispatcher_t* dispatcher) : Dispatcher(dispatcher) {
    assert(!dispatcher || (fdf_dispatcher_get_options(dispatcher) &
                           FDF_DISPATCHER_OPTION_UNSYNCHRONIZED));
  }

  static zx::result<UnsynchronizedDispatcher> Create(Options options, std::string_view name,
                                                  ShutdownHandler shutdown_handler,
                                                  std::string_view scheduler_role = {}) {
    return CreateWithOwner(nullptr, options, name, std::move(shutdown_handler), scheduler_role);
  }
  static zx::result<UnsynchronizedDispatcher> CreateWithOwner(const void* driver, Options options,
                                                           std::string_view name,
                                                           ShutdownHandler shutdown_handler,
                                                           std::string_view scheduler_role = {}) {
    return CreateAs<UnsynchronizedDispatcher>(driver, options.value | FDF_DISPATCHER_OPTION_UNSYNCHRONIZED, name,
                                    std::move(shutdown_handler), scheduler_role);
  }
};

// A borrowed synchronized dispatcher (what a driver's constructor receives): never shuts it down.
class UnownedSynchronizedDispatcher {
 public:
  UnownedSynchronizedDispatcher() = default;
  explicit UnownedSynchronizedDispatcher(fdf_dispatcher_t* dispatcher) : value_(dispatcher) {}
  UnownedSynchronizedDispatcher(const UnownedSynchronizedDispatcher& o) : value_(o.value_.get()) {}
  UnownedSynchronizedDispatcher& operator=(const UnownedSynchronizedDispatcher& o) {
    (void)value_.release();
    value_ = SynchronizedDispatcher(o.value_.get());
    return *this;
  }
  ~UnownedSynchronizedDispatcher() { (void)value_.release(); }
  const SynchronizedDispatcher& operator*() const { return value_; }
  const SynchronizedDispatcher* operator->() const { return &value_; }
  fdf_dispatcher_t* get() const { return value_.get(); }

 private:
  SynchronizedDispatcher value_;
};

}  // namespace fdf

#endif  // LIB_FDF_CPP_DISPATCHER_H_
