// The node a block-stack driver adds for its child once the child uses the driver transport
// (the author's edit before `migrate-driver --mode=replace`): named and marked by the kind of
// device it is, offered Blockio's driver-transport service and marked with it, with no banjo.
#ifndef FDFKIT_CORPUS_DRIVERS_BLOCK_STACK_COMMON_SERVICE_CHILD_H_
#define FDFKIT_CORPUS_DRIVERS_BLOCK_STACK_COMMON_SERVICE_CHILD_H_

#include <fidl/fuchsia.hardware.blockio/cpp/driver/wire.h>

#include <string_view>

#include "corpus/drivers/common/child_node.h"

namespace fdfkit::examples::block_stack {

inline zx::result<fidl::ClientEnd<fuchsia_driver_framework::NodeController>> AddServiceChild(
    const fidl::ClientEnd<fuchsia_driver_framework::Node>& node, std::string_view device) {
  namespace fdfw = fuchsia_driver_framework;
  fidl::Arena arena;
  fdfw::wire::NodeProperty properties[] = {
      fdf::MakeProperty(arena, "fdfkit.examples.blockstack.DEVICE", device),
      fdf::MakeProperty(arena, "fuchsia.hardware.blockio.Service",
                        std::string_view("fuchsia.hardware.blockio.Service.DriverTransport"))};
  fdfw::wire::Offer offers[] = {fdf::MakeOffer<fuchsia_hardware_blockio::Service>(arena)};
  return fdfkit::examples::AddChildNode(node, device, properties, {}, offers);
}

}  // namespace fdfkit::examples::block_stack

#endif  // FDFKIT_CORPUS_DRIVERS_BLOCK_STACK_COMMON_SERVICE_CHILD_H_
