// The node a banjo-serving corpus driver adds for its child: its protocol handed over as a compat
// symbol and a fuchsia.BIND_PROTOCOL property, with the caller's other properties (what kind of
// device it is; mid-migration, its driver-transport service's) and offers. DFv2 drivers without
// compat::DeviceServer all do it this way.
#ifndef FDFKIT_CORPUS_DRIVERS_COMMON_BANJO_CHILD_H_
#define FDFKIT_CORPUS_DRIVERS_COMMON_BANJO_CHILD_H_

#include <lib/driver/compat/cpp/banjo_server.h>

#include <span>
#include <string_view>
#include <vector>

#include "corpus/drivers/common/child_node.h"

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
  return AddChildNode(node, name, properties, symbols, offers);
}

}  // namespace fdfkit::examples

#endif  // FDFKIT_CORPUS_DRIVERS_COMMON_BANJO_CHILD_H_
