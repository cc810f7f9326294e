#include "migrate/protocol/transport_choice.h"

namespace fdfkit::protocol {

TransportChoice ChooseTransport(const std::string& library, const std::string& protocol,
                                const Rules& rules, const InventoryTransports& inventory) {
  const ProtocolRule& protocol_rule = rules.Protocol(library, protocol);
  const LibraryRule& library_rule = rules.Library(library);
  std::vector<std::string> protocol_keys = {"protocols", library + "/" + protocol, "transport"};
  std::vector<std::string> library_keys = {"libraries", library, "transport"};
  auto from_rule = [&](Transport transport, const std::vector<std::string>& keys,
                       const std::string& why) {
    RuleOrigin origin = rules.Origin(keys);
    return TransportChoice{transport, "rules", origin.Text(), why};
  };
  // 1. The user's own rules.
  if (protocol_rule.transport && rules.Origin(protocol_keys).file != kDefaultRulesFile) {
    return from_rule(*protocol_rule.transport, protocol_keys, protocol_rule.why);
  }
  if (library_rule.transport && rules.Origin(library_keys).file != kDefaultRulesFile) {
    return from_rule(*library_rule.transport, library_keys, library_rule.why);
  }
  // 2. The inventory migrate-plan plans with.
  if (auto it = inventory.find(library); it != inventory.end()) {
    return {it->second.transport, "inventory", it->second.where, ""};
  }
  // 3. The default rules.
  if (protocol_rule.transport) return from_rule(*protocol_rule.transport, protocol_keys, protocol_rule.why);
  if (library_rule.transport) return from_rule(*library_rule.transport, library_keys, library_rule.why);
  // 4. The default transport.
  RuleOrigin origin = rules.Origin({"defaults", "transport"});
  return {rules.transport, "defaults", origin.Text(), ""};
}

const Rules& DefaultRules() {
  static const Rules rules = [] {
    RulesProblem problem;
    std::optional<Rules> loaded = LoadRules("", "", &problem);
    return loaded ? std::move(*loaded) : Rules{};  // the defaults are tested; they load
  }();
  return rules;
}

}  // namespace fdfkit::protocol
