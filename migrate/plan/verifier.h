// `migrate-plan verify`: checks a plan against an inventory under the fixed semantics -- every
// required action exactly once, the orderings, the capacities -- and that the metrics it states
// are the ones it has. Independent of the planner: it shares only the reading of the inventory.
#ifndef FDFKIT_MIGRATE_PLAN_VERIFIER_H_
#define FDFKIT_MIGRATE_PLAN_VERIFIER_H_

#include <string>
#include <vector>

#include "migrate/plan/diagnostics.h"
#include "migrate/plan/inventory.h"
#include "migrate/plan/plan_json.h"
#include "migrate/plan/plan_options.h"
#include "migrate/plan/planner.h"
#include "migrate/plan/requirements.h"

namespace fdfkit::plan {

// Every problem of the plan: what reading it found (plan.errors), then each violation of the
// semantics; a violation concerning no single place of the file has an empty path. Empty when the
// plan is valid.
std::vector<JsonDiagnostic> VerifyPlan(const Inventory& inventory, const Requirements& required,
                                    const PlanRead& plan, const PlanOptions& options);

}  // namespace fdfkit::plan

#endif  // FDFKIT_MIGRATE_PLAN_VERIFIER_H_
