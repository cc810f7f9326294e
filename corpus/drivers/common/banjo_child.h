// The node a banjo-serving corpus driver adds for its child: its protocol handed over as a compat
// symbol and a fuchsia.BIND_PROTOCOL property, with the caller's other properties (what kind of
// device it is; mid-migration, its driver-transport service's) and offers. DFv2 drivers without
// compat::DeviceServer all do it this way.
#ifndef FDFKIT_CORPUS_DRIVERS_COMMON_BANJO_CHILD_H_
#define FDFKIT_CORPUS_DRIVERS_COMMON_BANJO_CHILD_H_

#include <lib/driver/compat/cpp/banjo_server.h>
#include <lib/driver/component/cpp/node_add_args.h>

#include <iterator>
#include <span>
#include <string_view>
#include <vector>

namespace fdfkit::examples {

inline zx::result<fidl::ClientEnd<fuchsia_driver_framework::NodeController>> AddBanjoChild(
    const fidl::ClientEnd<fuchsia_driver_framework::Node>& node,
    const compat::BanjoServer& banjo, std::string_view name,
    std::span<const fuchsia_driver_framework::wire::NodeProperty> more_properties = {},
    std::span<const fuchsia_driver_framework::wire::Offer> offers = {}) {
  namespace fdfw = fuchsia_driver_framework;
  fidl::Arena arena;
  std::vector<fdfw::wire::NodeProperty> properties = {banjo.property()};
  properties.insert(properties.end(), more_properties.begin(), more_properties.end());
  fdfw::wire::NodeSymbol symbols[] = {banjo.symbol(arena)};
  auto args = fdfw::wire::NodeAddArgs::Builder(arena)
                  .name(arena, name)
                  .properties(arena, properties.begin(), properties.end())
                  .symbols(arena, std::begin(symbols), std::end(symbols))
                  .offers(arena, offers.begin(), offers.end())
                  .Build();
  zx::result controller = fidl::CreateEndpoints<fdfw::NodeController>();
  if (controller.is_error()) return controller.take_error();
  auto added = fidl::WireCall(node)->AddChild(args, std::move(controller->server), {});
  if (!added.ok()) return zx::error(added.status());
  if (added->is_error()) return zx::error(ZX_ERR_INTERNAL);
  return zx::ok(std::move(controller->client));
}

}  // namespace fdfkit::examples

#endif  // FDFKIT_CORPUS_DRIVERS_COMMON_BANJO_CHILD_H_
