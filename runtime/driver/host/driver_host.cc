#include "runtime/driver/host/driver_host.h"

#include <dlfcn.h>
#include <lib/async/cpp/task.h>
#include <lib/fdf/dispatcher.h>
#include <unistd.h>
#include <zircon/status.h>

#include <cstdio>

#include "runtime/driver/owner.h"

namespace fdfkit::driver {
namespace {

namespace fdfw = fuchsia_driver_framework::wire;

// The program entry `key` of the start arguments, or "".
std::string ProgramString(const fdfw::DriverStartArgs& args, std::string_view key) {
  if (!args.has_program()) return "";
  for (const fdfw::ProgramEntry& entry : args.program()) {
    if (entry.key.get() == key && entry.values.count() > 0) return std::string(entry.values[0].get());
  }
  return "";
}

bool ProgramListHas(const fdfw::DriverStartArgs& args, std::string_view key,
                    std::string_view value) {
  if (!args.has_program()) return false;
  for (const fdfw::ProgramEntry& entry : args.program()) {
    if (entry.key.get() != key) continue;
    for (const fidl::StringView& v : entry.values) {
      if (v.get() == value) return true;
    }
  }
  return false;
}

void Log(const char* format, const std::string& a, const std::string& b = "") {
  std::fprintf(stderr, "[driver_host %d] ", getpid());
  std::fprintf(stderr, format, a.c_str(), b.c_str());
  std::fputc('\n', stderr);
}

}  // namespace

// One started (or starting) driver. Lives on the host dispatcher.
class DriverHost::LoadedDriver : public fidl::WireServer<fuchsia_driver_host::Driver>,
                                 public fdf::WireAsyncEventHandler<fuchsia_driver_framework::Driver> {
 public:
  LoadedDriver(DriverHost* host, std::string url)
      : host_(host), url_(std::move(url)), owner_(NewOwnerKey()) {}

  // Loads the binary and starts the driver; `done` gets the start's result (once).
  void Load(const std::string& binary, bool allow_sync_calls, fdfw::DriverStartArgs& args,
            fidl::ServerEnd<fuchsia_driver_host::Driver> driver_end,
            std::function<void(zx_status_t)> done) {
    library_ = dlopen(binary.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!library_) {
      Log("cannot load %s: %s", url_, dlerror());
      return done(ZX_ERR_NOT_FOUND);
    }
    registration_ = static_cast<const DriverRegistration*>(
        dlsym(library_, FUCHSIA_DRIVER_REGISTRATION_SYMBOL_NAME));
    if (!registration_) {
      Log("%s exports no %s: not a driver", url_, FUCHSIA_DRIVER_REGISTRATION_SYMBOL_NAME);
      return done(ZX_ERR_NOT_FOUND);
    }
    if (registration_->version < 1 || registration_->version > DRIVER_REGISTRATION_VERSION_MAX) {
      Log("%s has registration version %s, this host knows version 1", url_,
          std::to_string(registration_->version));
      return done(ZX_ERR_NOT_SUPPORTED);
    }
    // The driver's default dispatcher, owned by this instance: the runtime's reentrancy rules
    // (inline calls, sync calls) see each driver as itself.
    auto options = allow_sync_calls ? fdf::SynchronizedDispatcher::Options::kAllowSyncCalls
                                    : fdf::SynchronizedDispatcher::Options{};
    zx::result dispatcher = fdf_env::DispatcherBuilder::CreateSynchronizedWithOwner(
        owner_, options, url_, [](fdf_dispatcher_t*) {});
    if (dispatcher.is_error()) return done(dispatcher.status_value());
    driver_dispatcher_ = std::move(*dispatcher);

    zx::result endpoints = fdf::CreateEndpoints<fuchsia_driver_framework::Driver>();
    if (endpoints.is_error()) return done(endpoints.status_value());
    // initialize runs in the driver's context, on its dispatcher.
    fdf_handle_t server = endpoints->server.TakeChannel().release();
    async::PostTask(driver_dispatcher_.async_dispatcher(), [this, server] {
      token_ = registration_->v1.initialize(server);
      initialized_ = true;
    });
    client_.Bind(std::move(endpoints->client), host_->dispatcher_, this);
    fdf::Arena arena('DHST');
    client_.buffer(arena)->Start(args).Then(
        [done = std::move(done)](
            fdf::WireUnownedResult<fuchsia_driver_framework::Driver::Start>& result) {
          if (!result.ok()) return done(result.status());
          if (result->is_error()) return done(result->error_value());
          done(ZX_OK);
        });
    host_binding_.emplace(fidl::BindServer(fdf_dispatcher_get_async_dispatcher(host_->dispatcher_),
                                           std::move(driver_end), this,
                                           [](LoadedDriver* self, fidl::UnbindInfo info, auto) {
                                             // The manager closed its end: stop as if asked.
                                             if (!info.is_user_initiated()) self->RequestStop();
                                           }));
  }

  // Manager → host: stop the driver.
  void Stop(StopCompleter::Sync&) override { RequestStop(); }

  void RequestStop() {
    if (stop_requested_) return;
    stop_requested_ = true;
    fdf::Arena arena('DHST');
    if (!client_.buffer(arena)->Stop().ok()) ShutDown(ZX_OK);
    // Otherwise on_fidl_error runs when the driver closes the channel after PrepareStop.
  }

  // The driver closed its Driver channel (after PrepareStop), or it went away.
  void on_fidl_error(fidl::UnbindInfo info) override { ShutDown(ZX_OK); }

  // Shuts the driver's dispatchers down, then destroys it and tells the manager with `epitaph`.
  void ShutDown(zx_status_t epitaph) {
    if (shutting_down_) return;
    shutting_down_ = true;
    epitaph_ = epitaph;
    if (!driver_dispatcher_.get()) {
      async::PostTask(fdf_dispatcher_get_async_dispatcher(host_->dispatcher_), [this] { Finish(); });
      return;
    }
    zx::result<> begun = shutdown_.Begin(owner_, [this](const void*) {
      async::PostTask(fdf_dispatcher_get_async_dispatcher(host_->dispatcher_), [this] { Finish(); });
    });
    // Not from inside the caller (possibly client_'s own error callback): Finish deletes this.
    if (begun.is_error()) {
      async::PostTask(fdf_dispatcher_get_async_dispatcher(host_->dispatcher_), [this] { Finish(); });
    }
  }

  void Finish() {
    if (registration_ && initialized_ && token_) registration_->v1.destroy(token_);
    token_ = nullptr;
    // The dispatcher has shut down; this object's destruction destroys it.
    if (host_binding_) host_binding_->Close(epitaph_);
    host_->Remove(this);  // deletes this
  }

  const std::string& url() const { return url_; }
  fdf_dispatcher_t* host_dispatcher() const { return host_->dispatcher_; }

 private:
  DriverHost* host_;
  std::string url_;
  const void* owner_;
  void* library_ = nullptr;
  const DriverRegistration* registration_ = nullptr;
  void* token_ = nullptr;
  bool initialized_ = false;
  bool stop_requested_ = false;
  bool shutting_down_ = false;
  zx_status_t epitaph_ = ZX_OK;
  fdf::SynchronizedDispatcher driver_dispatcher_;
  fdf::WireClient<fuchsia_driver_framework::Driver> client_;
  std::optional<fidl::ServerBindingRef<fuchsia_driver_host::Driver>> host_binding_;
  fdf_env::DriverShutdown shutdown_;
};

DriverHost::DriverHost(fdf_dispatcher_t* dispatcher, std::function<void()> on_empty)
    : dispatcher_(dispatcher), on_empty_(std::move(on_empty)) {}

DriverHost::~DriverHost() = default;

void DriverHost::Start(StartRequestView request, StartCompleter::Sync& completer) {
  fdfw::DriverStartArgs& args = request->start_args;
  std::string url = args.has_url() ? std::string(args.url().get()) : "driver";
  std::string binary = ProgramString(args, "binary");
  if (binary.empty()) {
    Log("%s: the start arguments name no program.binary", url);
    completer.ReplyError(ZX_ERR_INVALID_ARGS);
    return;
  }
  bool allow_sync_calls = ProgramListHas(args, "default_dispatcher_opts", "allow_sync_calls");
  drivers_.push_back(std::make_unique<LoadedDriver>(this, url));
  driver_count_.store(drivers_.size(), std::memory_order_release);
  LoadedDriver* driver = drivers_.back().get();
  auto async = std::make_shared<StartCompleter::Async>(completer.ToAsync());
  driver->Load(binary, allow_sync_calls, args, std::move(request->driver),
               [driver, async](zx_status_t status) {
                 if (status == ZX_OK) {
                   async->ReplySuccess();
                   return;
                 }
                 Log("%s failed to start: %s", driver->url(), zx_status_get_string(status));
                 async->ReplyError(status);
                 // Later: a failure inside Load must not delete the driver under Load's feet.
                 async::PostTask(fdf_dispatcher_get_async_dispatcher(driver->host_dispatcher()),
                                 [driver, status] { driver->ShutDown(status); });
               });
}

void DriverHost::GetProcessInfo(GetProcessInfoCompleter::Sync& completer) {
  completer.Reply(static_cast<uint64_t>(getpid()));
}

void DriverHost::Remove(LoadedDriver* driver) {
  drivers_.remove_if([driver](const auto& d) { return d.get() == driver; });
  driver_count_.store(drivers_.size(), std::memory_order_release);
  if (drivers_.empty() && on_empty_) on_empty_();
}

}  // namespace fdfkit::driver
