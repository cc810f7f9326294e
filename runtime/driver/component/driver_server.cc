#include <lib/driver/component/cpp/internal/driver_server.h>
#include <lib/fdf/dispatcher.h>

namespace fdf_internal {

void DriverServerBase::Bind(fdf_handle_t server_handle) {
  binding_ = fdf::BindServer(fdf_dispatcher_get_current_dispatcher(),
                             fdf::ServerEnd<fuchsia_driver_framework::Driver>(
                                 fdf::Channel(server_handle)),
                             this);
}

void DriverServerBase::Start(StartRequestView request, fdf::Arena& arena,
                             StartCompleter::Sync& completer) {
  if (driver_) {
    completer.buffer(arena).ReplyError(ZX_ERR_ALREADY_BOUND);
    return;
  }
  fdf::DriverStartArgs args = fdf::DriverStartArgs::FromWire(request->start_args);
  driver_ = factory_(std::move(args),
                     fdf::UnownedSynchronizedDispatcher(fdf_dispatcher_get_current_dispatcher()));
  // The completer may be called later, from the driver's own code (std::function: copyable).
  auto async = std::make_shared<StartCompleter::Async>(completer.ToAsync());
  driver_->Start(fdf::StartCompleter([async](zx::result<> result) {
    fdf::Arena reply_arena('DSTR');
    if (result.is_ok()) {
      async->buffer(reply_arena).ReplySuccess();
    } else {
      async->buffer(reply_arena).ReplyError(result.status_value());
    }
  }));
}

void DriverServerBase::Stop(fdf::Arena& arena, StopCompleter::Sync& completer) {
  if (!driver_) {
    if (binding_) binding_->Unbind();
    return;
  }
  driver_->PrepareStop(fdf::PrepareStopCompleter([this](zx::result<>) {
    // Closing the channel tells the host the driver is ready for its dispatchers to stop.
    if (binding_) binding_->Unbind();
  }));
}

void DriverServerBase::Destroy() {
  if (driver_) driver_->Stop();
  driver_.reset();
}

}  // namespace fdf_internal
