// Reads a driver's bind rules (.bind) for what planning needs: which parent protocols the driver
// binds to, per composite node. A banjo parent shows as `fuchsia.BIND_PROTOCOL == <value>` (or an
// `accept fuchsia.BIND_PROTOCOL {...}` list); a FIDL parent as `<lib>.Service ==
// <lib>.Service.DriverTransport` (or `.ZirconTransport`, or `<lib>.<Protocol> ==
// <lib>.<Protocol>.DriverTransport`); a channel FIDL parent of the older kind as
// `fuchsia.BIND_FIDL_PROTOCOL == <value>`. `using <library> as <alias>;` aliases are read through.
// Alternatives in `if` branches are all kept: a driver that binds either flavour (the GPIO core)
// lists both.
#ifndef FDFKIT_MIGRATE_PLAN_SCAN_BIND_RULES_H_
#define FDFKIT_MIGRATE_PLAN_SCAN_BIND_RULES_H_

#include <string>
#include <vector>

#include "migrate/plan/scan/gn_file.h"

namespace fdfkit::plan::scan {

struct BindParent {
  std::string node;  // composite node name; "" for a non-composite driver
  bool primary = true;
  bool optional = false;
  std::vector<std::string> banjo_values;  // e.g. "fuchsia.gpio.BIND_PROTOCOL.IMPL"
  std::vector<std::string> fidl_protocol_values;  // e.g. "fuchsia.i2c.BIND_FIDL_PROTOCOL.DEVICE"
  struct Fidl {
    std::string library;                  // e.g. "fuchsia.hardware.gpioimpl"
    std::string transport;                // "driver" | "channel"
    std::string member;                   // "Service" of `lib.Service == ...`; "" for BIND_FIDL_PROTOCOL
  };
  std::vector<Fidl> fidl;
  int line = 0;
};

struct BindRules {
  bool composite = false;
  std::vector<BindParent> parents;  // the primary first
  std::vector<FileDiagnostic> errors;
};

BindRules ParseBindRules(const std::string& path, const std::string& text);

}  // namespace fdfkit::plan::scan

#endif  // FDFKIT_MIGRATE_PLAN_SCAN_BIND_RULES_H_
