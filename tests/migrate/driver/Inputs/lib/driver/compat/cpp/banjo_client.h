// Stand-in for compat::ConnectBanjo and what it returns (zx::result, fdf::Namespace, whose
// Connect a migrated client uses instead).
#pragma once
#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>

#include <lib/fdf/cpp/client_end.h>
#include <lib/zx/result.h>

namespace fdf {
class Namespace {
 public:
  // incoming()->Connect<Service::Device>(): the member's protocol, over the driver transport,
  // or the channel a channel service's member names (its ClientEndType).
  template <typename Member>
  auto Connect(std::string_view instance = "default") const {
    (void)instance;
    return zx::result<typename EndOf<Member>::type>({});
  }

 private:
  template <typename Member, typename = void>
  struct EndOf {
    using type = ClientEnd<typename Member::ProtocolType>;
  };
  template <typename Member>
  struct EndOf<Member, std::void_t<typename Member::ClientEndType>> {
    using type = typename Member::ClientEndType;
  };
};
}  // namespace fdf

namespace compat {
template <typename Client>
zx::result<Client> ConnectBanjo(const std::shared_ptr<fdf::Namespace>&,
                                std::string_view parent_name = "default") {
  (void)parent_name;
  return zx::result<Client>(Client());
}
}  // namespace compat
