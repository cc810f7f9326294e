// What a driver's C++ says about the protocols it serves and consumes (framework-reference §2.4):
// a `ddk::XProtocol<Self, ...>` mixin base serves banjo protocol X; a `ddk::XProtocolClient`
// consumes it; `AddService<lib::Service>` serves a FIDL service and `Connect<lib::Service::M>`
// consumes one (`lib` may be a namespace alias declared in the file, `namespace i2c =
// fdfkit_examples_i2c;`). Build deps are symmetric, so this is the only static evidence of
// direction.
#ifndef FDFKIT_MIGRATE_PLAN_SCAN_CODE_SIGNALS_H_
#define FDFKIT_MIGRATE_PLAN_SCAN_CODE_SIGNALS_H_

#include <string>
#include <vector>

namespace fdfkit::plan::scan {

struct CodeSignal {
  enum class Kind { kBanjoServes, kBanjoConsumes, kFidlServes, kFidlConsumes };
  Kind kind;
  std::string name;  // banjo: protocol name ("GpioImpl"); FIDL: library ("fuchsia.hardware.gpioimpl")
  std::string service;  // FIDL: the service's name in its library ("Service"); banjo: empty
  std::string file;
  int line = 0;
};

// Signals in one source file, in order of appearance. Comments are ignored.
std::vector<CodeSignal> FindCodeSignals(const std::string& file, const std::string& text);

}  // namespace fdfkit::plan::scan

#endif  // FDFKIT_MIGRATE_PLAN_SCAN_CODE_SIGNALS_H_
