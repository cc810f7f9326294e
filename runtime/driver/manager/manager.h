// The driver manager: owns the node topology (a root, the board's nodes, and every node drivers
// add), asks the index which driver binds each node, starts drivers in driver host processes
// (in the parent's host when the manifest says colocate, else in a new one), assembles
// composites, routes offered services, removes nodes bottom-up, and survives a host that dies:
// exactly that host's drivers go, their nodes (and the nodes below them) are removed, and the
// rest keeps running.
//
// Everything runs on one dispatcher (the manager's); the methods below must be called there
// (RunSync posts and waits, for callers on other threads).
#ifndef FDFKIT_RUNTIME_DRIVER_MANAGER_MANAGER_H_
#define FDFKIT_RUNTIME_DRIVER_MANAGER_MANAGER_H_

#include <lib/async/dispatcher.h>
#include <lib/zx/time.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "runtime/driver/config/board_file.h"
#include "runtime/driver/manager/driver_index.h"
#include "runtime/driver/manager/host_process.h"
#include "runtime/driver/manager/node.h"

namespace fdfkit::driver {

struct ManagerOptions {
  std::string host_binary;  // fdfkit-driver-host
};

class Manager {
 public:
  Manager(async_dispatcher_t* dispatcher, ManagerOptions options);
  ~Manager();
  async_dispatcher_t* dispatcher() const { return dispatcher_; }

  // Runs `fn` on the manager's dispatcher and waits for it (from any other thread).
  void RunSync(const std::function<void()>& fn);

  zx_status_t RegisterDriver(DriverManifest manifest, const bind::Program& program);
  // Adds the board's nodes under the root and binds them.
  void AddBoardNodes(const std::vector<BoardNode>& nodes);

  Node* root() { return root_; }
  Node* FindNode(const std::string& path) const;
  // Operations still in flight (driver starts, stops, removals): 0 when the topology is settled.
  size_t pending() const { return pending_; }
  // Called (on the dispatcher) each time the last operation in flight ends.
  void SetSettledCallback(std::function<void()> callback) { on_settled_ = std::move(callback); }

  // Used by nodes.
  Node* AddNode(Node* parent, std::string name, bind::Properties properties,
                std::vector<VisibleOffer> offers, std::vector<NodeSymbolEntry> symbols, bool owned);
  void Bind(Node* node);
  void RemoveNode(Node* node, std::function<void()> done);
  void RequestBind(Node* node, bool force, const std::string& url_suffix,
                   std::function<void(zx_status_t)> done);
  // Removes every node below the root (drivers stop bottom-up), then ends the hosts.
  void Shutdown(std::function<void()> done);
  // A Node client (a driver's, or the owner's of an owned node) closed its end.
  void OnNodeClientClosed(uint64_t node_id);

  // fuchsia.driver.framework/CompositeNodeManager.AddSpec: a composite declared by the parents
  // it needs (bind rules over node properties, and the properties the composite driver sees).
  struct SpecParent {
    struct Rule {
      bind::PropertyKey key;
      bool accept = true;
      std::vector<bind::PropertyValue> values;
    };
    std::vector<Rule> rules;
    bind::Properties properties;
  };
  // std::nullopt once added (and assembled at once if its parents are all present).
  std::optional<fuchsia_driver_framework::wire::CompositeNodeSpecError> AddSpec(
      std::string name, std::vector<SpecParent> parents);
  // Serves CompositeNodeManager on `end` (a driver's /svc routes it here).
  void ServeCompositeNodeManager(zx::channel end);
  // How long a driver may take to stop before its host is ended (PrepareStop that never completes).
  void set_stop_timeout(zx::duration timeout) { stop_timeout_ = timeout; }

  struct HostSummary {
    uint64_t id;
    pid_t pid;
    std::vector<std::string> drivers;  // "url (node path)"
  };
  std::vector<HostSummary> Hosts() const;
  // `ffx driver`-shaped listings.
  std::string ListHosts() const;
  std::string ListDevices(bool verbose) const;
  std::string ListDrivers() const;
  const DriverIndex& index() const { return index_; }
  // For crash tests: the host a node's driver runs in (0 if none).
  uint64_t HostOf(const std::string& node_path) const;
  pid_t PidOfHost(uint64_t host_id) const;

 private:
  struct Composite {
    const IndexedDriver* driver;
    std::vector<Node*> parents;  // by the rules' node order; null while unmatched
    Node* node = nullptr;        // once assembled
  };
  struct Spec {
    std::string name;
    std::vector<SpecParent> parents;  // the first is the primary
    DriverIndex::SpecMatch match;
    std::vector<Node*> matched;       // by parent; null while unmatched
    Node* node = nullptr;
  };
  // Creates the composite node over `parents` (primary first), named `name`, whose parents the
  // composite driver knows as `names`, and starts `driver` on it.
  Node* AssembleComposite(const std::string& name, const std::vector<Node*>& parents,
                          const std::vector<std::string>& names, const IndexedDriver* driver);
  void OfferToSpecs(Node* node);

  // False if no host could be had for it (logged).
  bool StartDriver(Node* node, const IndexedDriver* driver);
  HostProcess* HostFor(Node* node, const IndexedDriver* driver);
  void OnHostExit(HostProcess* host);
  void OnDriverClosed(Node* node, fidl::UnbindInfo info);
  // Stops the node's driver (joining a stop already in progress); `done` runs once it has.
  void StopDriver(Node* node, std::function<void()> done);
  // The driver has stopped (or never will start): drop it and tell whoever waits.
  void FinishStop(Node* node);
  void FinishRemoval(Node* node);
  // Removes every child of `node` (each bottom-up), then calls `then`.
  void RemoveChildren(Node* node, std::function<void()> then);
  void OfferToComposites(Node* node);
  void ReleaseHostIfUnused(uint64_t host_id);
  void Done() {
    if (--pending_ == 0 && on_settled_) on_settled_();
  }

  async_dispatcher_t* dispatcher_;
  ManagerOptions options_;
  DriverIndex index_;
  std::map<uint64_t, std::unique_ptr<Node>> nodes_;
  Node* root_ = nullptr;
  uint64_t next_node_id_ = 1;
  std::map<uint64_t, std::unique_ptr<HostProcess>> hosts_;
  uint64_t next_host_id_ = 1;
  std::vector<std::unique_ptr<Composite>> composites_;
  std::vector<std::unique_ptr<Spec>> specs_;
  std::unique_ptr<fidl::WireServer<fuchsia_driver_framework::CompositeNodeManager>> spec_server_;
  size_t pending_ = 0;
  std::function<void()> on_settled_;
  uint64_t next_serial_ = 1;
  zx::duration stop_timeout_ = zx::sec(10);
  bool shutting_down_ = false;
};

}  // namespace fdfkit::driver

#endif  // FDFKIT_RUNTIME_DRIVER_MANAGER_MANAGER_H_
