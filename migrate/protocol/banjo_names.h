// The C and C++ names fidlgen_banjo generated for a protocol and its methods, so the mapping can
// put each banjo spelling a driver uses next to its driver-transport replacement.
#ifndef FDFKIT_MIGRATE_PROTOCOL_BANJO_NAMES_H_
#define FDFKIT_MIGRATE_PROTOCOL_BANJO_NAMES_H_

#include <string>
#include <string_view>

namespace fdfkit::protocol {

// fidlgen_banjo's to_c_name: each run of capitals folds (`GUIDType` → `Guidtype` → `guidtype`),
// then snake_case: `GpioImpl` → `gpio_impl`, `GetMaxTransferSize` → `get_max_transfer_size`.
std::string CName(std::string_view name);

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

}  // namespace fdfkit::protocol

#endif  // FDFKIT_MIGRATE_PROTOCOL_BANJO_NAMES_H_
