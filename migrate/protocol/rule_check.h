// Rules that name what the input does not have. A typo in a rules file must not silently do
// nothing: every library, protocol, method, declaration and member that the user's rules name
// must exist among the libraries of the run and what they import. (The default rules describe
// libraries in general; a test holds them to the corpus.)
#ifndef FDFKIT_MIGRATE_PROTOCOL_RULE_CHECK_H_
#define FDFKIT_MIGRATE_PROTOCOL_RULE_CHECK_H_

#include <vector>

#include "migrate/idl/flat_ast.h"
#include "migrate/protocol/rules.h"

namespace fdfkit::protocol {

// One problem per key that names nothing, located in `json`'s file (`source`).
std::vector<RulesProblem> CheckRulesNameTheInput(const nlohmann::json& json, const std::string& source,
                                                 const std::vector<const idl::flat::Library*>& run);

}  // namespace fdfkit::protocol

#endif  // FDFKIT_MIGRATE_PROTOCOL_RULE_CHECK_H_
