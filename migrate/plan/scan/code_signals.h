// What a driver's C++ says about the protocols it serves and consumes (framework-reference §2.4),
// comments and string literals blanked first:
//   banjo serves    `ddk::XProtocol<Self, ...>` mixin bases (with or without ddk::base_protocol),
//                   `compat::BanjoServer{ZX_PROTOCOL_X, ...}`, `compat::DeviceServer::BanjoConfig`
//                   naming ZX_PROTOCOL_X or `callbacks[ZX_PROTOCOL_X]`
//   banjo consumes  `ddk::XProtocolClient` (`compat::ConnectBanjo<ddk::XProtocolClient>` too),
//                   `device_get_protocol` / `device_get_fragment_protocol(..., ZX_PROTOCOL_X, ...)`
//   FIDL serves     `AddService<lib::Service>`, `fdf::`/`fidl::WireServer<lib::P>`,
//                   `ServerBindingGroup<lib::P>`
//   FIDL consumes   `Connect<lib::Service::Member>`, `DdkConnect[Fragment]FidlProtocol<lib::Service::M>`,
//                   `fdf::`/`fidl::Wire[Sync|Shared]Client<lib::P>`, `[Sync]Client<lib::P>`
// (and FIDL serves `fdf::`/`fidl::Server<lib::P>` too)
// `lib` may be a namespace alias declared in the file (`namespace i2c = fdfkit_examples_i2c;`);
// ZX_PROTOCOL_GPIO_IMPL names banjo protocol GpioImpl. Build deps are symmetric, so this is the
// only static evidence of direction.
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
  std::string protocol_id;  // banjo named by id: "ZX_PROTOCOL_GPIO_IMPL" (name is then "GpioImpl")

  std::string Construct() const;  // what the code wrote: "ddk::GpioImplProtocol", the id, ...
};

// Signals in one source file, in order of appearance. Comments are ignored.
std::vector<CodeSignal> FindCodeSignals(const std::string& file, const std::string& text);

}  // namespace fdfkit::plan::scan

#endif  // FDFKIT_MIGRATE_PLAN_SCAN_CODE_SIGNALS_H_
