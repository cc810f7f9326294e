#include "tests/runtime/driver/testing/framework_test_support.h"

#include <lib/async/cpp/task.h>
#include <lib/fdf/dispatcher.h>
#include <lib/fidl/cpp/wire/message_header.h>
#include <lib/fidl/cpp/wire/wire_messaging.h>

#include <cstring>
#include <thread>

#include "runtime/driver/owner.h"
#include "runtime/driver/run_sync.h"

namespace fdfkit::driver::testing {

zx_status_t WaitForEpitaph(const zx::channel& channel, std::chrono::milliseconds timeout) {
  zx_signals_t observed = 0;
  zx_time_t deadline = zx_deadline_after(ZX_MSEC(timeout.count()));
  while (true) {
    zx_status_t status = zx_object_wait_one(channel.get(), ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED,
                                            deadline, &observed);
    if (status != ZX_OK) return status;
    if (observed & ZX_CHANNEL_READABLE) {
      fidl::WireEpitaph message{};
      uint32_t bytes = 0, handles = 0;
      alignas(8) uint8_t buffer[65536];
      if (zx_channel_read(channel.get(), 0, buffer, nullptr, sizeof buffer, 0, &bytes, &handles) ==
              ZX_OK &&
          bytes >= sizeof message) {
        std::memcpy(&message, buffer, sizeof message);
        if (message.header.ordinal == fidl::kFidlOrdinalEpitaph) return message.error;
      }
      continue;  // another message: keep waiting for the close
    }
    return ZX_ERR_PEER_CLOSED;
  }
}

TestDispatcher::TestDispatcher(const char* name, bool own_thread) {
  owner_ = NewOwnerKey();
  fdf_env_start(0);
  // A dispatcher that allows sync calls adds a pool thread (as in Fuchsia): drivers call the fake
  // manager synchronously, and here it shares their process.
  uint32_t options = FDF_DISPATCHER_OPTION_SYNCHRONIZED |
                     (own_thread ? FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS : 0);
  fdf_env_dispatcher_create_with_owner(owner_, options, name, strlen(name), "", 0, nullptr,
                                       &dispatcher_);
}

TestDispatcher::~TestDispatcher() {
  ShutdownOwnerAndWait(owner_);
  fdf_dispatcher_destroy(dispatcher_);
}

void TestDispatcher::RunSync(const std::function<void()>& fn) { driver::RunSync(async(), fn); }

async_dispatcher_t* TestDispatcher::async() const {
  return fdf_dispatcher_get_async_dispatcher(dispatcher_);
}

void FakeNode::AddChild(AddChildRequestView request, AddChildCompleter::Sync& completer) {
  Child child;
  auto& args = request->args;
  if (args.has_name()) child.name = std::string(args.name().get());
  if (args.has_properties()) child.properties = args.properties().count();
  if (args.has_offers()) {
    for (auto& offer : args.offers()) {
      if (offer.has_service_name()) child.offered_services.push_back(std::string(offer.service_name().get()));
    }
  }
  {
    std::lock_guard lock(mu_);
    children_.push_back(std::move(child));
    controllers_.push_back(std::move(request->controller));
  }
  completer.ReplySuccess();
}

std::vector<FakeNode::Child> FakeNode::children() const {
  std::lock_guard lock(mu_);
  return children_;
}

zx::channel OpenIn(const fidl::ClientEnd<fuchsia_io::Directory>& directory,
                   const std::string& path) {
  zx::channel client, server;
  zx::channel::create(0, &client, &server);
  (void)fidl::WireCall(directory)->Open(fidl::StringView::FromExternal(path), {}, std::move(server));
  return client;
}

}  // namespace fdfkit::driver::testing
