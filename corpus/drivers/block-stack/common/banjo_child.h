// The one node each banjo-serving driver of the block stack adds (common/banjo_child.h), named and
// marked by the kind of device it is. Mid-migration a driver may give the child more: its
// driver-transport service's property and the offer of that service (`transport`, `offers`).
#ifndef FDFKIT_CORPUS_DRIVERS_BLOCK_STACK_COMMON_BANJO_CHILD_H_
#define FDFKIT_CORPUS_DRIVERS_BLOCK_STACK_COMMON_BANJO_CHILD_H_

#include <span>
#include <string_view>
#include <vector>

#include "corpus/drivers/common/banjo_child.h"

namespace fdfkit::examples::block_stack {

inline zx::result<fidl::ClientEnd<fuchsia_driver_framework::NodeController>> AddBanjoChild(
    const fidl::ClientEnd<fuchsia_driver_framework::Node>& node,
    const compat::BanjoServer& banjo, std::string_view device,
    std::span<const fuchsia_driver_framework::wire::NodeProperty> transport = {},
    std::span<const fuchsia_driver_framework::wire::Offer> offers = {}) {
  fidl::Arena arena;
  std::vector<fuchsia_driver_framework::wire::NodeProperty> properties = {
      fdf::MakeProperty(arena, "fdfkit.examples.blockstack.DEVICE", device)};
  properties.insert(properties.end(), transport.begin(), transport.end());
  return fdfkit::examples::AddBanjoChild(node, banjo, device, properties, offers);
}

}  // namespace fdfkit::examples::block_stack

#endif  // FDFKIT_CORPUS_DRIVERS_BLOCK_STACK_COMMON_BANJO_CHILD_H_
