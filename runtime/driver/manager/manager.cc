#include "runtime/driver/manager/manager.h"

#include <lib/async/cpp/task.h>
#include <lib/fidl/cpp/wire/arena.h>
#include <lib/fidl/cpp/wire/wire_messaging.h>
#include <zircon/status.h>

#include <cstdio>

#include "runtime/driver/manager/router.h"
#include "runtime/driver/run_sync.h"

namespace fdfkit::driver {
namespace {

namespace fdfw = fuchsia_driver_framework::wire;

void Log(const std::string& message) {
  std::fprintf(stderr, "fdfkit: %s\n", message.c_str());
  std::fflush(stderr);
}

}  // namespace

Manager::Manager(async_dispatcher_t* dispatcher, ManagerOptions options)
    : dispatcher_(dispatcher), options_(std::move(options)) {
  auto root = std::make_unique<Node>(this, 0, "root", std::vector<Node*>{});
  root->owned = true;  // the board stands in for the board driver: nothing binds the root
  root_ = root.get();
  nodes_[0] = std::move(root);
}

Manager::~Manager() = default;

void Manager::RunSync(const std::function<void()>& fn) { driver::RunSync(dispatcher_, fn); }

zx_status_t Manager::RegisterDriver(DriverManifest manifest, const bind::Program& program) {
  return index_.Register(std::move(manifest), program);
}

void Manager::AddBoardNodes(const std::vector<BoardNode>& nodes) {
  std::function<void(Node*, const std::vector<BoardNode>&)> add = [&](Node* parent,
                                                                       const std::vector<BoardNode>& list) {
    for (const BoardNode& board_node : list) {
      Node* node = AddNode(parent, board_node.name, board_node.properties, {}, {}, false);
      Bind(node);
      add(node, board_node.children);
    }
  };
  add(root_, nodes);
}

Node* Manager::FindNode(const std::string& path) const {
  for (const auto& [id, node] : nodes_) {
    if (node->path() == path) return node.get();
  }
  return nullptr;
}

Node* Manager::AddNode(Node* parent, std::string name, bind::Properties properties,
                       std::vector<VisibleOffer> offers, std::vector<NodeSymbolEntry> symbols,
                       bool owned) {
  uint64_t id = next_node_id_++;
  auto node = std::make_unique<Node>(this, id, std::move(name), std::vector<Node*>{parent});
  node->properties = std::move(properties);
  node->offers = std::move(offers);
  node->symbols = std::move(symbols);
  node->owned = owned;
  Node* raw = node.get();
  parent->children().push_back(raw);
  nodes_[id] = std::move(node);
  return raw;
}

void Manager::Bind(Node* node) {
  if (node->owned || node->removing || node->bound || shutting_down_) return;
  if (std::optional<DriverMatch> match = index_.MatchPlain(node->properties)) {
    StartDriver(node, match->driver);
  }
  OfferToComposites(node);
  OfferToSpecs(node);
}

void Manager::OfferToComposites(Node* node) {
  for (const DriverMatch& match : index_.MatchComposites(node->properties)) {
    size_t slot = *match.composite_node;
    // The first assembly of this driver still missing this parent; a new one if none is (a
    // board may have several instances of one composite).
    Composite* composite = nullptr;
    for (auto& c : composites_) {
      if (c->driver != match.driver || c->node || c->parents[slot]) continue;
      if (std::find(c->parents.begin(), c->parents.end(), node) != c->parents.end()) continue;
      composite = c.get();
      break;
    }
    if (!composite) {
      composites_.push_back(std::make_unique<Composite>(
          Composite{match.driver, std::vector<Node*>(match.driver->program->node_count()), nullptr}));
      composite = composites_.back().get();
    }
    composite->parents[slot] = node;
    const bind::LoadedProgram& program = *match.driver->program;
    bool complete = true;
    for (size_t i = 0; i < composite->parents.size(); ++i) {
      if (!composite->parents[i] && program.node_kind(i) != bind::NodeKind::kOptional) complete = false;
    }
    if (!complete) continue;
    std::vector<Node*> parents;
    std::vector<std::string> names;
    for (size_t i = 0; i < composite->parents.size(); ++i) {
      if (!composite->parents[i]) continue;
      parents.push_back(composite->parents[i]);
      names.push_back(program.node_name(i));
    }
    composite->node = AssembleComposite(program.composite_name(), parents, names, match.driver);
  }
}

Node* Manager::AssembleComposite(const std::string& name, const std::vector<Node*>& parents,
                                 const std::vector<std::string>& names,
                                 const IndexedDriver* driver) {
  // The composite sees each parent's offers under the parent's name in the rules (Fuchsia's
  // instance naming for composites).
  std::vector<VisibleOffer> offers;
  for (size_t i = 0; i < parents.size(); ++i) {
    for (const VisibleOffer& offer : parents[i]->offers) {
      offers.push_back({offer.service, names[i], offer.source, offer.source_instance});
    }
  }
  uint64_t id = next_node_id_++;
  auto composite_node = std::make_unique<Node>(this, id, name, parents);
  composite_node->composite_parent_names_ = names;
  composite_node->offers = std::move(offers);
  composite_node->symbols = parents.front()->symbols;
  Node* raw = composite_node.get();
  for (Node* parent : parents) parent->children().push_back(raw);
  nodes_[id] = std::move(composite_node);
  Log("assembled composite " + raw->path() + " from " + std::to_string(parents.size()) +
      " parents");
  StartDriver(raw, driver);
  return raw;
}

// The node of the driver that added `node` (for a composite: that added its primary parent);
// null for nodes the board added.
static Node* CreatorOf(Node* node) {
  Node* anchor = node->is_composite() ? node->parents().front() : node;
  return anchor->parents().empty() ? nullptr : anchor->parents().front();
}

HostProcess* Manager::HostFor(Node* node, const IndexedDriver* driver) {
  if (driver->manifest.colocate) {
    Node* creator = CreatorOf(node);
    if (creator && creator->bound) {
      auto it = hosts_.find(creator->bound->host_id);
      if (it != hosts_.end() && !it->second->exited()) return it->second.get();
    }
    // A board node has no driver (the board file stands in for the board driver): the driver
    // gets a host of its own, where Fuchsia would have started it in the board driver's.
  }
  uint64_t id = next_host_id_++;
  zx::result host = HostProcess::Spawn(options_.host_binary, id, dispatcher_,
                                       [this](HostProcess* h) { OnHostExit(h); });
  if (host.is_error()) return nullptr;
  HostProcess* raw = host->get();
  hosts_[id] = std::move(*host);
  return raw;
}

bool Manager::StartDriver(Node* node, const IndexedDriver* driver) {
  HostProcess* host = HostFor(node, driver);
  if (!host) {
    Log("cannot start " + driver->manifest.url + " on " + node->path() + ": no driver host");
    return false;
  }
  ++pending_;
  const DriverManifest& manifest = driver->manifest;
  Node* creator = CreatorOf(node);
  bool colocated = creator && creator->bound && creator->bound->host_id == host->id();
  auto bound = std::make_unique<BoundDriver>();
  bound->driver = driver;
  bound->host_id = host->id();
  uint64_t node_id = node->id();

  fidl::Arena<32768> arena;
  auto node_endpoints = fidl::CreateEndpoints<fuchsia_driver_framework::Node>();
  bound->node_binding = node->ServeNode(std::move(node_endpoints->server));
  auto router_endpoints = fidl::CreateEndpoints<fuchsia_io::Directory>();
  bound->router = std::make_unique<ServiceRouter>(node);
  bound->router_binding =
      fidl::BindServer(dispatcher_, std::move(router_endpoints->server), bound->router.get());
  bound->serial = next_serial_++;
  auto outgoing_endpoints = fidl::CreateEndpoints<fuchsia_io::Directory>();
  bound->outgoing = std::move(outgoing_endpoints->client);

  std::vector<fdfw::ProgramEntry> program;
  for (const ProgramEntry& entry : manifest.program) {
    fdfw::ProgramEntry out;
    out.key = fidl::StringView(arena, entry.key);
    out.values = fidl::VectorView<fidl::StringView>(arena, entry.values.size());
    for (size_t i = 0; i < entry.values.size(); ++i) {
      // The host loads what the manager resolved, not the manifest's relative path.
      out.values[i] = fidl::StringView(arena, entry.key == "binary" ? manifest.binary : entry.values[i]);
    }
    out.is_list = entry.is_list;
    program.push_back(out);
  }
  std::vector<fdfw::NamespaceEntry> incoming = {
      fdfw::NamespaceEntry::Builder(arena)
          .path(arena, "/svc")
          .directory(std::move(router_endpoints->client))
          .Build()};
  std::vector<fdfw::ServiceSource> sources;
  for (const VisibleOffer& offer : node->offers) {
    auto source = fdfw::ServiceSource::Builder(arena)
                      .service_name(arena, offer.service)
                      .instance(arena, offer.instance)
                      .source_node(arena, offer.source ? offer.source->path() : "")
                      .source_host(offer.source && offer.source->bound ? offer.source->bound->host_id : 0)
                      .Build();
    sources.push_back(source);
  }
  std::vector<fdfw::NodeSymbol> symbols;
  for (const NodeSymbolEntry& symbol : node->symbols) {
    symbols.push_back(fdfw::NodeSymbol::Builder(arena)
                          .name(arena, symbol.name)
                          .address(symbol.address)
                          .module_name(arena, symbol.module_name)
                          .Build());
  }
  std::vector<fidl::StringView> parent_names;
  for (const std::string& name : node->composite_parent_names_) {
    parent_names.push_back(fidl::StringView(arena, name));
  }
  auto builder = fdfw::DriverStartArgs::Builder(arena);
  builder.node(std::move(node_endpoints->client))
      .url(arena, manifest.url)
      .program(arena, program)
      .incoming(arena, incoming)
      .outgoing_dir(std::move(outgoing_endpoints->server))
      .node_name(arena, node->name())
      .service_sources(arena, sources)
      .host_id(host->id())
      .parent_names(arena, parent_names);
  // Symbols are addresses: only a driver in the parent's process may see them.
  if (colocated) builder.symbols(arena, symbols);
  fdfw::DriverStartArgs args = builder.Build();

  auto driver_endpoints = fidl::CreateEndpoints<fuchsia_driver_host::Driver>();
  uint64_t serial = bound->serial;
  bound->on_closed = [this, node_id, serial](fidl::UnbindInfo info) {
    async::PostTask(dispatcher_, [this, node_id, serial, info] {
      auto it = nodes_.find(node_id);
      if (it != nodes_.end() && it->second->bound && it->second->bound->serial == serial) {
        OnDriverClosed(it->second.get(), info);
      }
    });
  };
  bound->client.Bind(std::move(driver_endpoints->client), dispatcher_, bound.get());
  node->bound = std::move(bound);
  Log("starting " + manifest.url + " on " + node->path() + " in driver host " +
      std::to_string(host->id()) + " (pid " + std::to_string(host->pid()) + ")" +
      (colocated ? ", colocated with its parent" : ""));
  host->client()->Start(args, std::move(driver_endpoints->server))
      .Then([this, node_id, serial](
                fidl::WireUnownedResult<fuchsia_driver_host::DriverHost::Start>& result) {
        auto it = nodes_.find(node_id);
        Node* node = it == nodes_.end() ? nullptr : it->second.get();
        if (node && node->bound && node->bound->serial == serial) {
          zx_status_t status = !result.ok() ? result.status()
                               : result->is_error() ? result->error_value()
                                                    : ZX_OK;
          if (status != ZX_OK) {
            Log(node->bound->driver->manifest.url + " failed to start on " + node->path() + ": " +
                zx_status_get_string(status));
            FinishStop(node);
          } else {
            node->bound->started = true;
            node->SendOnBind();
            // A stop asked for while it was starting goes ahead now.
            if (node->bound->stop_requested) (void)node->bound->client->Stop();
          }
        }
        Done();
      });
  return true;
}

void Manager::OnDriverClosed(Node* node, fidl::UnbindInfo info) {
  BoundDriver& bound = *node->bound;
  if (bound.stop_requested) return FinishStop(node);
  if (!bound.started) return;  // a failed start: its reply handles it
  Log(bound.driver->manifest.url + " on " + node->path() + " stopped unexpectedly (" +
      info.FormatDescription() + "); removing the node");
  RemoveNode(node, nullptr);
}

void Manager::StopDriver(Node* node, std::function<void()> done) {
  if (!node->bound) return done();
  BoundDriver& bound = *node->bound;
  bound.stop_waiters.push_back(std::move(done));
  if (bound.stop_requested) return;  // joins the stop in progress
  bound.stop_requested = true;
  auto host = hosts_.find(bound.host_id);
  bool host_alive = host != hosts_.end() && !host->second->exited();
  uint64_t node_id = node->id();
  if (bound.closed || !host_alive) {
    // Nothing left to stop. Later, not inside whoever asked.
    async::PostTask(dispatcher_, [this, node_id] {
      auto it = nodes_.find(node_id);
      if (it != nodes_.end() && it->second->bound) FinishStop(it->second.get());
    });
    return;
  }
  // A starting driver is stopped once its start replies; a started one now. The host closes the
  // Driver channel when the driver has stopped (PrepareStop, dispatchers shut down, Stop,
  // destroyed): that close, in OnDriverClosed, is the completion.
  if (bound.started) (void)bound.client->Stop();
  uint64_t serial = bound.serial;
  async::PostDelayedTask(
      dispatcher_,
      [this, node_id, serial] {
        auto it = nodes_.find(node_id);
        if (it == nodes_.end() || !it->second->bound || it->second->bound->serial != serial) return;
        BoundDriver& late = *it->second->bound;
        Log(late.driver->manifest.url + " on " + it->second->path() + " did not stop within " +
            std::to_string(stop_timeout_.to_msecs()) + " ms; ending its driver host " +
            std::to_string(late.host_id));
        if (auto h = hosts_.find(late.host_id); h != hosts_.end()) h->second->Kill();
      },
      stop_timeout_.get());
}

void Manager::FinishStop(Node* node) {
  std::vector<std::function<void()>> waiters = std::move(node->bound->stop_waiters);
  uint64_t host_id = node->bound->host_id;
  node->bound.reset();
  ReleaseHostIfUnused(host_id);
  for (auto& waiter : waiters) waiter();
}

void Manager::OnNodeClientClosed(uint64_t node_id) {
  auto it = nodes_.find(node_id);
  if (it == nodes_.end() || shutting_down_) return;
  Node* node = it->second.get();
  // A driver that is stopping closes its node as it goes: that is not a request.
  if (node->removing || (node->bound && node->bound->stop_requested)) return;
  Log(node->path() + ": its Node client closed its end; removing the node");
  RemoveNode(node, nullptr);
}

void Manager::RemoveNode(Node* node, std::function<void()> done) {
  if (done) node->removed_waiters.push_back(std::move(done));
  if (node->removing || node == root_) return;
  node->removing = true;
  ++pending_;
  uint64_t id = node->id();
  auto after_children = [this, id] {
    auto it = nodes_.find(id);
    if (it == nodes_.end()) return;
    StopDriver(it->second.get(), [this, id] {
      async::PostTask(dispatcher_, [this, id] {
        auto found = nodes_.find(id);
        if (found != nodes_.end()) FinishRemoval(found->second.get());
      });
    });
  };
  // Children first: bottom-up, as Fuchsia removes nodes.
  RemoveChildren(node, after_children);
}

void Manager::RemoveChildren(Node* node, std::function<void()> then) {
  std::vector<Node*> children = node->children();
  if (children.empty()) return then();
  auto remaining = std::make_shared<size_t>(children.size());
  for (Node* child : children) {
    RemoveNode(child, [remaining, then] {
      if (--*remaining == 0) then();
    });
  }
}

void Manager::FinishRemoval(Node* node) {
  for (Node* parent : node->parents()) {
    auto& siblings = parent->children();
    siblings.erase(std::remove(siblings.begin(), siblings.end(), node), siblings.end());
  }
  for (auto& composite : composites_) {
    if (composite->node == node) composite->node = nullptr;
    for (Node*& parent : composite->parents) {
      if (parent == node) parent = nullptr;
    }
  }
  for (auto& spec : specs_) {
    if (spec->node == node) spec->node = nullptr;
    for (Node*& parent : spec->matched) {
      if (parent == node) parent = nullptr;
    }
  }
  std::vector<std::function<void()>> waiters = std::move(node->removed_waiters);
  nodes_.erase(node->id());
  Done();
  for (auto& waiter : waiters) waiter();
}

void Manager::RequestBind(Node* node, bool force, const std::string& url_suffix,
                          std::function<void(zx_status_t)> reply) {
  if (node->owned || node->removing) return reply(ZX_ERR_BAD_STATE);
  if (node->bound && !force) return reply(ZX_ERR_ALREADY_BOUND);
  // In flight until the node is bound again (or found unbindable).
  ++pending_;
  auto done = [this, reply = std::move(reply)](zx_status_t status) {
    reply(status);
    Done();
  };
  uint64_t id = node->id();
  auto rebind = [this, id, url_suffix, done] {
    auto it = nodes_.find(id);
    if (it == nodes_.end() || it->second->removing || shutting_down_) return done(ZX_ERR_BAD_STATE);
    Node* n = it->second.get();
    std::optional<DriverMatch> match =
        index_.MatchPlain(n->properties, {url_suffix, /*explicit_request=*/true});
    if (!match) return done(ZX_ERR_NOT_FOUND);
    done(StartDriver(n, match->driver) ? ZX_OK : ZX_ERR_NO_RESOURCES);
  };
  // The bound driver's children go first, then the driver, then the node is matched again.
  RemoveChildren(node, [this, id, rebind, done] {
    auto it = nodes_.find(id);
    if (it == nodes_.end()) return done(ZX_ERR_BAD_STATE);
    StopDriver(it->second.get(), rebind);
  });
}

void Manager::OnHostExit(HostProcess* host) {
  uint64_t host_id = host->id();
  std::vector<Node*> lost;
  for (auto& [id, node] : nodes_) {
    if (node->bound && node->bound->host_id == host_id) lost.push_back(node.get());
  }
  if (!shutting_down_) {
    Log("driver host " + std::to_string(host_id) + " (pid " + std::to_string(host->pid()) +
        ") is gone; removing the " + std::to_string(lost.size()) + " node(s) its drivers ran on");
  }
  // Nothing is left to stop in a dead host. Marked not started, so the close of their Driver
  // channels that follows is not reported again as an unexpected stop.
  std::vector<uint64_t> ids;
  for (Node* node : lost) {
    node->bound->started = false;
    ids.push_back(node->id());
  }
  for (uint64_t id : ids) {
    auto it = nodes_.find(id);
    if (it != nodes_.end()) RemoveNode(it->second.get(), nullptr);
  }
  // Not inside the host's own callback: the process object is freed from a task.
  async::PostTask(dispatcher_, [this, host_id] { ReleaseHostIfUnused(host_id); });
}

void Manager::ReleaseHostIfUnused(uint64_t host_id) {
  auto host = hosts_.find(host_id);
  if (host == hosts_.end()) return;
  for (auto& [id, node] : nodes_) {
    if (node->bound && node->bound->host_id == host_id) return;
  }
  // Freed from a task: this may run inside the host client's callbacks.
  std::shared_ptr<HostProcess> owned(host->second.release());
  hosts_.erase(host);
  async::PostTask(dispatcher_, [owned] {});
}

void Manager::Shutdown(std::function<void()> done) {
  shutting_down_ = true;
  RemoveChildren(root_, [this, done] {
    // Every driver has stopped: nothing is left in the hosts.
    hosts_.clear();
    done();
  });
}

}  // namespace fdfkit::driver
