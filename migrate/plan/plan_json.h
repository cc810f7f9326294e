// plan.json (schema "fdfkit-plan/1"): writing a planned schedule, and reading one back against
// an inventory for `migrate-plan verify` (every action resolved, required and unique).
#ifndef FDFKIT_MIGRATE_PLAN_PLAN_JSON_H_
#define FDFKIT_MIGRATE_PLAN_PLAN_JSON_H_

#include <optional>
#include <string>
#include <vector>

#include "migrate/plan/certificate.h"
#include "migrate/plan/diagnostics.h"
#include "migrate/plan/inventory.h"
#include "migrate/plan/requirements.h"

namespace fdfkit::plan {

inline constexpr char kPlanSchema[] = "fdfkit-plan/1";

// The certificate (how good the plan is, how it was proven) is written when given.
std::string WritePlanJson(const Inventory& inventory, const Requirements& required,
                          const Schedule& schedule, const Metrics& metrics,
                          const Metrics& lower_bound, const Certificate* certificate = nullptr);

struct PlanRead {
  Schedule schedule;                // what the plan schedules (0: absent)
  std::optional<Metrics> metrics;   // as the plan states them
  std::optional<Metrics> lower_bounds;  // as the plan states them (proofs are not checked here)
  std::vector<JsonDiagnostic> errors;  // what makes the file unreadable or an action invalid
  std::vector<int> wave_numbers;    // in file order
  bool readable = false;            // false: not JSON, another schema, or no waves at all
};

PlanRead ReadPlanJson(const std::string& text, const Inventory& inventory,
                      const Requirements& required);

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_PLAN_JSON_H_
