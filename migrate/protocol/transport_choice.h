// The transport of a protocol's clone, and where that choice came from. migrate-plan plans with
// the transport its inventory gives each protocol; migrate-protocol takes the same answer from the
// same inventory (`--inventory`), so a plan and the clones it schedules cannot disagree. Order,
// first match wins:
//   1. a rule in the user's --rules file (protocols["lib/P"].transport, libraries["lib"].transport);
//   2. the inventory's protocols[id == library].transport;
//   3. the default rules (Fuchsia's own choices: consumer-facing libraries such as gpio and i2c
//      moved to Zircon channels, controller "impl" protocols to the driver transport);
//   4. defaults.transport (the driver transport, RFC-0126's first step; `--transport` sets it).
#ifndef FDFKIT_MIGRATE_PROTOCOL_TRANSPORT_CHOICE_H_
#define FDFKIT_MIGRATE_PROTOCOL_TRANSPORT_CHOICE_H_

#include <map>
#include <string>

#include "migrate/protocol/rules.h"

namespace fdfkit::protocol {

// One inventory protocol's transport and where the inventory says it.
struct InventoryTransport {
  Transport transport = Transport::kDriver;
  std::string where;  // "corpus/inventories/amlogic.json: $.protocols[1].transport"
};
// By library name (the inventory's protocol ids are FIDL library names).
using InventoryTransports = std::map<std::string, InventoryTransport>;

struct TransportChoice {
  Transport transport = Transport::kDriver;
  std::string source;  // "inventory", "rules", "defaults"
  std::string where;   // the file and JSON path that decided
  std::string why;     // the rule's own explanation, when it gives one
};

TransportChoice ChooseTransport(const std::string& library, const std::string& protocol,
                                const Rules& rules, const InventoryTransports& inventory);

// The compiled-in default rules (rules/migrate-protocol.json), loaded once.
const Rules& DefaultRules();

}  // namespace fdfkit::protocol

#endif  // FDFKIT_MIGRATE_PROTOCOL_TRANSPORT_CHOICE_H_
