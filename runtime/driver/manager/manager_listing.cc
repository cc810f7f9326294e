// What the manager shows about itself: hosts, the node tree and the registered drivers, shaped like
// `ffx driver list-hosts`, `list-devices -v` and `list`.
#include <cstdio>
#include <functional>
#include <sstream>

#include "runtime/driver/bind/legacy_keys.h"
#include "runtime/driver/manager/manager.h"

namespace fdfkit::driver {

std::vector<Manager::HostSummary> Manager::Hosts() const {
  std::vector<HostSummary> hosts;
  for (const auto& [id, host] : hosts_) {
    HostSummary summary{id, host->pid(), {}};
    for (const auto& [node_id, node] : nodes_) {
      if (node->bound && node->bound->host_id == id) {
        summary.drivers.push_back(node->bound->driver->manifest.url + " (" + node->path() + ")");
      }
    }
    hosts.push_back(std::move(summary));
  }
  return hosts;
}

uint64_t Manager::HostOf(const std::string& node_path) const {
  Node* node = FindNode(node_path);
  return node && node->bound ? node->bound->host_id : 0;
}

pid_t Manager::PidOfHost(uint64_t host_id) const {
  auto it = hosts_.find(host_id);
  return it == hosts_.end() ? 0 : it->second->pid();
}

std::string Manager::ListHosts() const {
  std::ostringstream out;
  for (const HostSummary& host : Hosts()) {
    out << "Driver Host: " << host.id << " (pid " << host.pid << ")\n";
    for (const std::string& driver : host.drivers) out << "    " << driver << "\n";
  }
  return out.str();
}

std::string Manager::ListDevices(bool verbose) const {
  std::ostringstream out;
  std::function<void(const Node*)> visit = [&](const Node* node) {
    if (!verbose) {
      out << node->path() << "\n";
    } else {
      out << "Name     : " << node->name() << "\n"
          << "Moniker  : " << node->path() << "\n";
      if (node->parents().size() > 1) {
        out << "Parents  :";
        for (const Node* parent : node->parents()) out << " " << parent->path();
        out << "\n";
      }
      if (node->bound) {
        out << "Driver   : " << node->bound->driver->manifest.url
            << (node->bound->started ? "" : " (starting)") << "\n"
            << "Host     : " << node->bound->host_id << "\n";
      } else {
        out << "Driver   : " << (node->owned ? "(owned by its parent)" : "None") << "\n";
      }
      out << node->properties.size() << " Properties\n";
      for (size_t i = 0; i < node->properties.size(); ++i) {
        char index[32];
        std::snprintf(index, sizeof index, "[%2zu/%2zu]", i + 1, node->properties.size());
        out << index << " : Key " << bind::KeyName(node->properties[i].key) << "  Value "
            << bind::ValueText(node->properties[i].value) << "\n";
      }
      out << node->offers.size() << " Offers\n";
      for (const VisibleOffer& offer : node->offers) {
        out << "Service: " << offer.service << " instance " << offer.instance << " from "
            << (offer.source ? offer.source->path() : "?") << "\n";
      }
      out << "\n";
    }
    for (const Node* child : const_cast<Node*>(node)->children()) {
      // A composite is listed once, under its primary parent.
      if (child->parents().front() == node) visit(child);
    }
  };
  visit(root_);
  return out.str();
}

std::string Manager::ListDrivers() const {
  std::ostringstream out;
  for (const auto& driver : index_.drivers()) {
    const DriverManifest& manifest = driver->manifest;
    size_t bound = 0;
    for (const auto& [id, node] : nodes_) bound += node->bound && node->bound->driver == driver.get();
    out << manifest.url;
    if (driver->program->is_composite()) out << " [composite " << driver->program->composite_name() << "]";
    if (manifest.colocate) out << " [colocate]";
    if (manifest.fallback) out << " [fallback]";
    out << " bound to " << bound << " node" << (bound == 1 ? "" : "s") << "\n";
  }
  return out.str();
}

}  // namespace fdfkit::driver
