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

}  // namespace fdfkit::driver
