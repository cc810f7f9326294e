// A node of the topology the manager owns: its name and place, properties, the offers and symbols
// its parent gave it, and the driver bound to it. It serves fuchsia.driver.framework/Node (to its
// driver, or to the parent that owns it) and NodeController (to the parent that added it). Every
// node lives on the manager's dispatcher, so none of this is locked.
#ifndef FDFKIT_RUNTIME_DRIVER_MANAGER_NODE_H_
#define FDFKIT_RUNTIME_DRIVER_MANAGER_NODE_H_

#include <fidl/fuchsia.driver.framework/cpp/wire.h>
#include <fidl/fuchsia.driver.host/cpp/wire.h>
#include <fidl/fuchsia.io/cpp/wire.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/driver/bind/properties.h"
#include "runtime/driver/manager/driver_index.h"
#include "runtime/driver/manager/router.h"

namespace fdfkit::driver {

class Manager;

// A service instance the node's driver may reach: `service`/`instance` as the driver names it,
// served by `source` (the node of the driver that serves it) as `source_instance`.
struct VisibleOffer {
  std::string service;
  std::string instance;
  class Node* source = nullptr;
  std::string source_instance;
};

struct NodeSymbolEntry {
  std::string name;
  uint64_t address = 0;
  std::string module_name;
};

// The driver running on a node, and what the manager serves for it.
struct BoundDriver : fidl::WireAsyncEventHandler<fuchsia_driver_host::Driver> {
  ~BoundDriver() override {
    // Nothing may reach a node's router or Node server for this driver once it is gone.
    if (router_binding) router_binding->Unbind();
    if (node_binding) node_binding->Unbind();
  }
  const IndexedDriver* driver = nullptr;
  uint64_t host_id = 0;
  uint64_t serial = 0;          // which start this is (a rebind starts a new one)
  bool started = false;         // Start replied success
  bool closed = false;          // the host closed the driver's channel
  bool stop_requested = false;
  std::vector<std::function<void()>> stop_waiters;
  fidl::WireClient<fuchsia_driver_host::Driver> client;
  fidl::ClientEnd<fuchsia_io::Directory> outgoing;
  std::unique_ptr<ServiceRouter> router;
  std::optional<fidl::ServerBindingRef<fuchsia_io::Directory>> router_binding;
  std::optional<fidl::ServerBindingRef<fuchsia_driver_framework::Node>> node_binding;
  std::function<void(fidl::UnbindInfo)> on_closed;
  void on_fidl_error(fidl::UnbindInfo info) override {
    closed = true;
    if (on_closed) on_closed(info);
  }
};

class Node : public fidl::WireServer<fuchsia_driver_framework::Node>,
             public fidl::WireServer<fuchsia_driver_framework::NodeController> {
 public:
  Node(Manager* manager, uint64_t id, std::string name, std::vector<Node*> parents);
  ~Node() override;

  uint64_t id() const { return id_; }
  Manager* manager() const { return manager_; }
  const std::string& name() const { return name_; }
  // "root.sys.gpio" (a composite: its primary parent's path plus its name).
  const std::string& path() const { return path_; }
  const std::vector<Node*>& parents() const { return parents_; }
  std::vector<Node*>& children() { return children_; }
  bool is_composite() const { return parents_.size() > 1 || !composite_parent_names_.empty(); }

  bind::Properties properties;
  std::vector<VisibleOffer> offers;
  std::vector<NodeSymbolEntry> symbols;
  std::vector<std::string> composite_parent_names_;  // a composite's parents by bind-rule name
  bool owned = false;     // its parent holds its Node end: no driver binds it
  bool removing = false;
  std::vector<std::function<void()>> removed_waiters;
  std::unique_ptr<BoundDriver> bound;

  // Serves Node on `end` (to the driver started on it, or the owning parent). When the client
  // closes its end (a driver dropping its node, an owner dropping an owned child), the node is
  // removed, as in Fuchsia.
  fidl::ServerBindingRef<fuchsia_driver_framework::Node> ServeNode(
      fidl::ServerEnd<fuchsia_driver_framework::Node> end);
  void ServeController(fidl::ServerEnd<fuchsia_driver_framework::NodeController> end);
  void SendOnBind();

  // fuchsia.driver.framework/Node
  void AddChild(AddChildRequestView request, AddChildCompleter::Sync& completer) override;
  // fuchsia.driver.framework/NodeController
  void Remove(RemoveCompleter::Sync& completer) override;
  void RequestBind(RequestBindRequestView request, RequestBindCompleter::Sync& completer) override;

 private:
  Manager* manager_;
  uint64_t id_;
  std::string name_;
  std::string path_;
  std::vector<Node*> parents_;
  std::vector<Node*> children_;
  std::vector<fidl::ServerBindingRef<fuchsia_driver_framework::Node>> node_bindings_;
  std::optional<fidl::ServerBindingRef<fuchsia_driver_framework::NodeController>> controller_;
};

// Wire properties, keys and values as the index holds them; false for a malformed one (a union
// with no member set).
bool PropertiesFromWire(const fidl::VectorView<fuchsia_driver_framework::wire::NodeProperty>& in,
                        bind::Properties* out);
bool PropertyKeyFromWire(const fuchsia_driver_framework::wire::NodePropertyKey& key,
                         bind::PropertyKey* out);
bool PropertyValueFromWire(const fuchsia_driver_framework::wire::NodePropertyValue& value,
                           bind::PropertyValue* out);

}  // namespace fdfkit::driver

#endif  // FDFKIT_RUNTIME_DRIVER_MANAGER_NODE_H_
