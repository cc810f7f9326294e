// The names fidlgen_banjo chose: C spellings of declarations, protocol and method names on both
// the C and C++ sides, and which protocols are banjo at all and in which layout. Shared by the
// banjo backends, the shims and migrate-protocol's mapping (which records each banjo spelling a
// driver uses next to its driver-transport replacement).
#ifndef FDFKIT_GENERATORS_BANJO_BANJO_NAMES_H_
#define FDFKIT_GENERATORS_BANJO_BANJO_NAMES_H_

#include <string>
#include <string_view>

#include "migrate/idl/flat_ast.h"

namespace fdfkit::generators::banjo {

namespace flat = fdfkit::idl::flat;

// fidlgen_banjo's to_c_name: each run of capitals folds (`GUIDType` → `Guidtype` → `guidtype`),
// then snake_case: `GpioImpl` → `gpio_impl`, `GetMaxTransferSize` → `get_max_transfer_size`.
std::string CName(std::string_view name);
// `gpio_impl` → `GPIO_IMPL`.
std::string UpperName(std::string_view name);
// `gpio_impl` → `GpioImpl` (C++ names of members spelled in snake case).
std::string PascalName(std::string_view name);

struct BanjoProtocolNames {
  std::string ops_type;     // gpio_impl_protocol_ops_t
  std::string proto_type;   // gpio_impl_protocol_t
  std::string protocol_id;  // ZX_PROTOCOL_GPIO_IMPL
  std::string cpp_mixin;    // ddk::GpioImplProtocol
  std::string cpp_client;   // ddk::GpioImplProtocolClient
};
BanjoProtocolNames BanjoNamesOf(std::string_view protocol);

struct BanjoMethodNames {
  std::string c_ops_member;  // config_in
  std::string cpp_mixin;     // GpioImplConfigIn (what the implementing driver defines)
  std::string cpp_client;    // ConfigIn
  std::string c_callback;    // @async: gpio_impl_config_in_callback; empty otherwise
};
BanjoMethodNames BanjoNamesOf(std::string_view protocol, std::string_view method, bool is_async);

// The three C shapes of a banjo protocol (@banjo_layout, [BanjoLayout], [Layout]).
enum class Layout { kProtocol, kInterface, kCallback };
const char* LayoutName(Layout layout);  // "ddk-protocol", ...
// The attribute's value; without one, a protocol of another library whose name ends in
// `Callback` is a callback (fidlgen_banjo's heuristic), a driver-transport or channel protocol
// is an interface unless @discoverable, and anything else is a ddk-protocol.
Layout LayoutOf(const flat::Decl& protocol);
// Whether fidlgen_banjo emitted bindings for a protocol: every protocol of a .banjo file, and in
// FIDL files those with @transport("Banjo"), or @transport("Driver") plus a banjo layout.
bool IsBanjoProtocol(const flat::Decl& protocol, idl::raw::Dialect dialect);

}  // namespace fdfkit::generators::banjo

#endif  // FDFKIT_GENERATORS_BANJO_BANJO_NAMES_H_
