// Adds a child node to a corpus driver's node: its name, properties, compat symbols and offers —
// what a banjo-serving driver gives its child (banjo_child.h), and what a migrated one gives it
// instead (the offer of its driver-transport service).
#ifndef FDFKIT_CORPUS_DRIVERS_COMMON_CHILD_NODE_H_
#define FDFKIT_CORPUS_DRIVERS_COMMON_CHILD_NODE_H_

#include <lib/driver/component/cpp/node_add_args.h>

#include <span>
#include <string_view>

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

}  // namespace fdfkit::examples

#endif  // FDFKIT_CORPUS_DRIVERS_COMMON_CHILD_NODE_H_
