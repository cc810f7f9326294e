// Where each driver and each driver host stands after a wave of a plan. A driver boots as its
// banjo variant until its `port` action, then as its dual variant (migrate-driver --mode=dual:
// banjo and the driver transport) until its `delete_variant` action, then as its replace variant
// (driver transport only). A driver the inventory has as `dual` starts dual; one it has as `ported`
// is driver transport only throughout, built under its own name (it has no other variant).
#ifndef FDFKIT_MIGRATE_WAVES_MIGRATION_STATE_H_
#define FDFKIT_MIGRATE_WAVES_MIGRATION_STATE_H_

#include <string>

#include "migrate/plan/inventory.h"
#include "migrate/plan/requirements.h"

namespace fdfkit::waves {

enum class VariantKind { kBanjo, kDual, kReplace };
const char* VariantKindName(VariantKind kind);  // "banjo", "dual", "replace"

// The build's name of a driver's variant: "sdmmc", "sdmmc-dual", "sdmmc-replace"; each is built
// as <name>/<name>.cml under the drivers folder.
std::string VariantName(const std::string& driver, VariantKind kind);

// A host is banjo until one of its drivers is dual, mid-migration until the plan switches it (or
// it never needs a switch: every driver was ported already), then switched.
enum class HostState { kBanjo, kMidMigration, kSwitched };
const char* HostStateName(HostState state);  // "banjo", "mid-migration (dual)", "switched (...)"
const char* HostStateClass(HostState state);  // "banjo", "dual", "switched": for CSS and JSON

class MigrationState {
 public:
  // The references must outlive this object.
  MigrationState(const plan::Inventory& inventory, const plan::Requirements& required,
                 const plan::Schedule& schedule)
      : inventory_(inventory), required_(required), schedule_(schedule) {}

  // After wave `wave` (0: before the first).
  VariantKind DriverAfter(int driver, int wave) const;
  HostState HostAfter(int board, int host, int wave) const;

  // The build's name of the variant the driver boots as after `wave`.
  std::string VariantAfter(int driver, int wave) const;

  // Whether some host of `board` holding `driver` has switched after `wave`: from then on the
  // board file may list the driver's ported label (migrate-plan adds it beside the banjo label at
  // the first such switch, and drops the banjo label at the last).
  bool SwitchedOnBoard(int board, int driver, int wave) const;

  // The wave of the driver's port / delete_variant action, 0 when the plan has none.
  int PortWave(int driver) const;
  int DeleteVariantWave(int driver) const;

 private:
  const plan::Inventory& inventory_;
  const plan::Requirements& required_;
  const plan::Schedule& schedule_;
};

}  // namespace fdfkit::waves

#endif  // FDFKIT_MIGRATE_WAVES_MIGRATION_STATE_H_
