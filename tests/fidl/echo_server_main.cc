// The server process of the channel-transport tests: serves test.fdfkit/Echo on the channel whose
// fd is argv[1], on an fdf dispatcher's async dispatcher, and exits when the client goes away.
#include <fidl/test.fdfkit/cpp/wire.h>
#include <lib/fdf/dispatcher.h>
#include <lib/fdf/env.h>
#include <zircon/linux.h>

#include <condition_variable>
#include <cstdlib>
#include <mutex>

namespace {

using test_fdfkit::Echo;

class EchoServer : public fidl::WireServer<Echo> {
 public:
  void EchoString(EchoStringRequestView request, EchoStringCompleter::Sync& completer) override {
    if (request->value.get() == "close") {
      completer.Close(ZX_ERR_ACCESS_DENIED);  // epitaph, then the channel closes
      return;
    }
    if (request->value.get() == "exit") std::_Exit(0);  // the process dies mid-call
    if (request->value.get() == "unbind") {
      Binding().Unbind();  // no reply: on_unbound drops the channel
      return;
    }
    completer.Reply(request->value);
  }
  void Divide(DivideRequestView request, DivideCompleter::Sync& completer) override {
    if (request->b == 0) {
      completer.ReplyError(1u);
    } else {
      completer.ReplySuccess(request->a / request->b);
    }
  }
  void Notify(NotifyRequestView request, NotifyCompleter::Sync& completer) override {
    // Answer a one-way notification with an event carrying the same value.
    fidl::WireSendEvent(Binding())->OnReady(request->value);
  }
  void Shutdown(ShutdownCompleter::Sync& completer) override { completer.Reply(); }
  void handle_unknown_method(fidl::UnknownMethodMetadata<Echo>,
                             fidl::UnknownMethodCompleter::Sync&) override {}

  // The binding serves before BindServer returns its reference, so a message sent at once can be
  // handled before the reference is stored: wait for it.
  fidl::ServerBindingRef<Echo> Binding() {
    std::unique_lock lock(binding_mu);
    binding_ready.wait(lock, [&] { return binding.has_value(); });
    return *binding;
  }

  void SetBinding(fidl::ServerBindingRef<Echo> ref) {
    std::lock_guard lock(binding_mu);
    binding = std::move(ref);
    binding_ready.notify_all();
  }

  std::mutex binding_mu;
  std::condition_variable binding_ready;
  std::optional<fidl::ServerBindingRef<Echo>> binding;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  zx::channel channel(zx_linux_handle_from_fd(std::atoi(argv[1])));
  if (fdf_env_start(0) != ZX_OK) return 3;
  fdf_dispatcher_t* dispatcher = nullptr;
  static char driver;
  if (fdf_env_dispatcher_create_with_owner(&driver, 0, "echo", 4, "", 0, nullptr, &dispatcher) !=
      ZX_OK) {
    return 4;
  }
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  EchoServer server;
  server.SetBinding(fidl::BindServer(
      fdf_dispatcher_get_async_dispatcher(dispatcher), fidl::ServerEnd<Echo>(std::move(channel)),
      &server, [&](EchoServer*, fidl::UnbindInfo, fidl::ServerEnd<Echo>) {
        std::lock_guard lock(mu);
        done = true;
        cv.notify_all();
      }));
  std::unique_lock lock(mu);
  cv.wait(lock, [&] { return done; });
  return 0;
}
