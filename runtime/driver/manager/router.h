// A driver's incoming `/svc`: a directory the manager serves per driver instance. Opening
// `<service>/<instance>/<member>` resolves through the offers the driver's node was given and
// forwards the open to the outgoing directory of the driver that serves it. Enforced here: the
// service must be offered to the node and used by the driver's manifest (else the channel is
// closed with ZX_ERR_NOT_FOUND), and a driver-transport token never crosses driver hosts (the
// error names both hosts).
#ifndef FDFKIT_RUNTIME_DRIVER_MANAGER_ROUTER_H_
#define FDFKIT_RUNTIME_DRIVER_MANAGER_ROUTER_H_

#include <fidl/fuchsia.io/cpp/wire.h>

namespace fdfkit::driver {

class Node;

class ServiceRouter : public fidl::WireServer<fuchsia_io::Directory> {
 public:
  explicit ServiceRouter(Node* node) : node_(node) {}
  void Open(OpenRequestView request, OpenCompleter::Sync& completer) override;

 private:
  Node* node_;
};

}  // namespace fdfkit::driver

#endif  // FDFKIT_RUNTIME_DRIVER_MANAGER_ROUTER_H_
