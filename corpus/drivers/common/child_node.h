// Adds a child node to a corpus driver's node: its name, properties, compat symbols and offers —
// what a banjo-serving driver gives its child (banjo_child.h), and what a migrated one gives it
// instead (AddDriverTransportChild: the offer of its driver-transport service).
#ifndef FDFKIT_CORPUS_DRIVERS_COMMON_CHILD_NODE_H_
#define FDFKIT_CORPUS_DRIVERS_COMMON_CHILD_NODE_H_

#include <lib/driver/component/cpp/node_add_args.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fdfkit::examples {

inline zx::result<fidl::ClientEnd<fuchsia_driver_framework::NodeController>> AddChildNode(
    const fidl::ClientEnd<fuchsia_driver_framework::Node>& node, std::string_view name,
    std::span<const fuchsia_driver_framework::wire::NodeProperty> properties,
    std::span<const fuchsia_driver_framework::wire::NodeSymbol> symbols,
    std::span<const fuchsia_driver_framework::wire::Offer> offers) {
  namespace fdfw = fuchsia_driver_framework;
  fidl::Arena arena;
  auto args = fdfw::wire::NodeAddArgs::Builder(arena)
                  .name(arena, name)
                  .properties(arena, properties.begin(), properties.end())
                  .symbols(arena, symbols.begin(), symbols.end())
                  .offers(arena, offers.begin(), offers.end())
                  .Build();
  zx::result controller = fidl::CreateEndpoints<fdfw::NodeController>();
  if (controller.is_error()) return controller.take_error();
  auto added = fidl::WireCall(node)->AddChild(args, std::move(controller->server), {});
  if (!added.ok()) return zx::error(added.status());
  if (added->is_error()) return zx::error(ZX_ERR_INTERNAL);
  return zx::ok(std::move(controller->client));
}

// A child node that uses `Service` over the driver transport (a driver's child once it migrated):
// offered the service, marked with its `…DriverTransport` property and `more`, with no banjo.
template <typename Service>
zx::result<fidl::ClientEnd<fuchsia_driver_framework::NodeController>> AddDriverTransportChild(
    const fidl::ClientEnd<fuchsia_driver_framework::Node>& node, std::string_view name,
    std::span<const fuchsia_driver_framework::wire::NodeProperty> more = {}) {
  namespace fdfw = fuchsia_driver_framework;
  fidl::Arena arena;
  const std::string transport = std::string(Service::Name) + ".DriverTransport";
  std::vector<fdfw::wire::NodeProperty> properties = {
      fdf::MakeProperty(arena, Service::Name, transport)};
  properties.insert(properties.end(), more.begin(), more.end());
  fdfw::wire::Offer offers[] = {fdf::MakeOffer<Service>(arena)};
  return AddChildNode(node, name, properties, {}, offers);
}

}  // namespace fdfkit::examples

#endif  // FDFKIT_CORPUS_DRIVERS_COMMON_CHILD_NODE_H_
