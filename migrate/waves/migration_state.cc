#include "migrate/waves/migration_state.h"

#include <algorithm>

namespace fdfkit::waves {

const char* VariantKindName(VariantKind kind) {
  switch (kind) {
    case VariantKind::kBanjo: return "banjo";
    case VariantKind::kDual: return "dual";
    case VariantKind::kReplace: return "replace";
  }
  return "?";
}

std::string VariantName(const std::string& driver, VariantKind kind) {
  return kind == VariantKind::kBanjo ? driver : driver + "-" + VariantKindName(kind);
}

const char* HostStateName(HostState state) {
  switch (state) {
    case HostState::kBanjo: return "banjo";
    case HostState::kMidMigration: return "mid-migration (dual)";
    case HostState::kSwitched: return "switched (driver transport)";
  }
  return "?";
}

const char* HostStateClass(HostState state) {
  switch (state) {
    case HostState::kBanjo: return "banjo";
    case HostState::kMidMigration: return "dual";
    case HostState::kSwitched: return "switched";
  }
  return "?";
}

int MigrationState::PortWave(int driver) const {
  return required_.port[driver] ? schedule_.port[driver] : 0;
}

int MigrationState::DeleteVariantWave(int driver) const {
  return required_.delete_variant[driver] ? schedule_.delete_variant[driver] : 0;
}

VariantKind MigrationState::DriverAfter(int driver, int wave) const {
  plan::DriverStatus status = inventory_.drivers[driver].status;
  if (status == plan::DriverStatus::kPorted) return VariantKind::kReplace;
  int deleted = DeleteVariantWave(driver);
  if (deleted > 0 && deleted <= wave) return VariantKind::kReplace;
  int ported = PortWave(driver);
  if (ported > 0 && ported <= wave) return VariantKind::kDual;
  return status == plan::DriverStatus::kDual ? VariantKind::kDual : VariantKind::kBanjo;
}

std::string MigrationState::VariantAfter(int driver, int wave) const {
  const plan::Driver& d = inventory_.drivers[driver];
  if (d.status == plan::DriverStatus::kPorted) return d.id;
  return VariantName(d.id, DriverAfter(driver, wave));
}

bool MigrationState::SwitchedOnBoard(int board, int driver, int wave) const {
  const plan::Board& b = inventory_.boards[board];
  for (size_t h = 0; h < b.hosts.size(); ++h) {
    const std::vector<int>& drivers = b.hosts[h].drivers;
    if (std::find(drivers.begin(), drivers.end(), driver) == drivers.end()) continue;
    if (HostAfter(board, static_cast<int>(h), wave) == HostState::kSwitched) return true;
  }
  return false;
}

HostState MigrationState::HostAfter(int board, int host, int wave) const {
  int s = required_.switch_of_host[board][host];
  if (s < 0) return HostState::kSwitched;  // nothing banjo left in it: no switch needed
  int switched = schedule_.switches[s];
  if (switched > 0 && switched <= wave) return HostState::kSwitched;
  for (int d : inventory_.boards[board].hosts[host].drivers) {
    // A driver that never had banjo to leave (status ported) does not make its host mixed.
    if (inventory_.drivers[d].status == plan::DriverStatus::kPorted) continue;
    if (DriverAfter(d, wave) != VariantKind::kBanjo ||
        inventory_.drivers[d].status == plan::DriverStatus::kDual) {
      return HostState::kMidMigration;
    }
  }
  return HostState::kBanjo;
}

}  // namespace fdfkit::waves
