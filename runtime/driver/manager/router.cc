#include "runtime/driver/manager/router.h"

#include <lib/fidl/cpp/wire/wire_messaging.h>
#include <lib/fidl/epitaph.h>

#include <algorithm>
#include <cstdio>

#include "runtime/driver/manager/manager.h"
#include "runtime/driver/manager/node.h"

namespace fdfkit::driver {

void ServiceRouter::Open(OpenRequestView request, OpenCompleter::Sync& completer) {
  std::string path(request->path.get());
  bool token = static_cast<bool>(request->flags & fuchsia_io::wire::OpenFlags::kDriverToken);
  zx::channel object = std::move(request->object);
  auto refuse = [&](zx_status_t status, const std::string& why) {
    std::fprintf(stderr, "fdfkit: %s: cannot open %s: %s\n", node_->path().c_str(), path.c_str(),
                 why.c_str());
    if (!token) fidl_epitaph_write(object.get(), status);
  };
  // The framework's own protocols, published by name.
  if (path == fidl::DiscoverableProtocolName<fuchsia_driver_framework::CompositeNodeManager>) {
    const auto& used = node_->bound->driver->manifest.protocols_used;
    if (std::find(used.begin(), used.end(), path) == used.end()) {
      return refuse(ZX_ERR_NOT_FOUND, "the manifest of " + node_->bound->driver->manifest.url +
                                          " does not `use` protocol " + path);
    }
    return node_->manager()->ServeCompositeNodeManager(std::move(object));
  }
  // <service>/<instance>/<member>
  size_t first = path.find('/');
  size_t second = first == std::string::npos ? std::string::npos : path.find('/', first + 1);
  if (second == std::string::npos || path.find('/', second + 1) != std::string::npos) {
    return refuse(ZX_ERR_NOT_FOUND, "expected <service>/<instance>/<member>");
  }
  std::string service = path.substr(0, first);
  std::string instance = path.substr(first + 1, second - first - 1);
  std::string member = path.substr(second + 1);
  const BoundDriver* self = node_->bound.get();
  const auto& uses = self->driver->manifest.uses;
  if (std::find(uses.begin(), uses.end(), service) == uses.end()) {
    return refuse(ZX_ERR_NOT_FOUND, "the manifest of " + self->driver->manifest.url +
                                        " does not `use` " + service);
  }
  auto offer = std::find_if(node_->offers.begin(), node_->offers.end(), [&](const VisibleOffer& o) {
    return o.service == service && o.instance == instance;
  });
  if (offer == node_->offers.end()) {
    return refuse(ZX_ERR_NOT_FOUND, service + " instance '" + instance + "' is not offered to it");
  }
  const Node* source = offer->source;
  // The source may still be starting: its outgoing directory queues the open until it serves
  // (it does from its constructor, before Start), as Fuchsia's routing does.
  if (!source || !source->bound || !source->bound->outgoing.is_valid()) {
    return refuse(ZX_ERR_NOT_FOUND, "the driver serving " + service + " is not running");
  }
  if (token && source->bound->host_id != self->host_id) {
    return refuse(ZX_ERR_NOT_SUPPORTED,
                  "driver-transport " + service + " is served by " + source->path() +
                      " in driver host " + std::to_string(source->bound->host_id) +
                      ", and this driver runs in driver host " + std::to_string(self->host_id) +
                      ": the driver transport works inside one host only");
  }
  std::string target = "svc/" + service + "/" + offer->source_instance + "/" + member;
  (void)fidl::WireCall(source->bound->outgoing)
      ->Open(fidl::StringView::FromExternal(target), request->flags, std::move(object));
}

}  // namespace fdfkit::driver
