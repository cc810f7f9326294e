#include "runtime/driver/manager/driver_index.h"

namespace fdfkit::driver {

zx_status_t DriverIndex::Register(DriverManifest manifest, const bind::Program& program) {
  if (Find(manifest.url)) return ZX_ERR_ALREADY_EXISTS;
  auto driver = std::make_unique<IndexedDriver>();
  driver->manifest = std::move(manifest);
  driver->program = std::make_unique<bind::LoadedProgram>(program, &symbols_);
  driver->order = drivers_.size();
  driver->disable_autobind = program.disable_autobind();
  drivers_.push_back(std::move(driver));
  return ZX_OK;
}

const IndexedDriver* DriverIndex::Find(const std::string& url) const {
  for (const auto& driver : drivers_) {
    if (driver->manifest.url == url) return driver.get();
  }
  return nullptr;
}

std::optional<DriverMatch> DriverIndex::MatchPlain(const bind::Properties& properties,
                                                   const MatchOptions& options) const {
  bind::PropertySet set(properties, symbols_);
  const IndexedDriver* fallback = nullptr;
  for (const auto& driver : drivers_) {
    if (driver->program->is_composite()) continue;
    if (driver->disable_autobind && !options.explicit_request) continue;
    if (!options.url_suffix.empty() && !driver->manifest.url.ends_with(options.url_suffix)) continue;
    if (!driver->program->Matches(0, set)) continue;
    if (!driver->manifest.fallback) return DriverMatch{driver.get(), std::nullopt};
    if (!fallback) fallback = driver.get();
  }
  if (fallback) return DriverMatch{fallback, std::nullopt};
  return std::nullopt;
}

std::vector<DriverMatch> DriverIndex::MatchComposites(const bind::Properties& properties) const {
  bind::PropertySet set(properties, symbols_);
  std::vector<DriverMatch> matches;
  for (const auto& driver : drivers_) {
    if (!driver->program->is_composite() || driver->disable_autobind) continue;
    for (size_t node = 0; node < driver->program->node_count(); ++node) {
      if (driver->program->Matches(node, set)) matches.push_back({driver.get(), node});
    }
  }
  return matches;
}

std::optional<DriverIndex::SpecMatch> DriverIndex::MatchSpec(
    const std::vector<bind::Properties>& parents) const {
  if (parents.empty()) return std::nullopt;
  std::vector<bind::PropertySet> sets;
  for (const bind::Properties& properties : parents) sets.emplace_back(properties, symbols_);
  for (const auto& driver : drivers_) {
    const bind::LoadedProgram& program = *driver->program;
    if (!program.is_composite() || driver->disable_autobind) continue;
    if (program.node_count() < parents.size() || !program.Matches(0, sets[0])) continue;
    SpecMatch match{driver.get(), {0}};
    std::vector<bool> used(program.node_count(), false);
    used[0] = true;
    for (size_t parent = 1; parent < parents.size(); ++parent) {
      for (size_t node = 1; node < program.node_count(); ++node) {
        if (!used[node] && program.Matches(node, sets[parent])) {
          used[node] = true;
          match.node_of_parent.push_back(node);
          break;
        }
      }
      if (match.node_of_parent.size() != parent + 1) break;
    }
    if (match.node_of_parent.size() != parents.size()) continue;
    bool complete = true;
    for (size_t node = 0; node < program.node_count(); ++node) {
      if (!used[node] && program.node_kind(node) != bind::NodeKind::kOptional) complete = false;
    }
    if (complete) return match;
  }
  return std::nullopt;
}

}  // namespace fdfkit::driver
