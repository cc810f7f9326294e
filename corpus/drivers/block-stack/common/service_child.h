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
  fidl::Arena arena;
  fuchsia_driver_framework::wire::NodeProperty kind[] = {
      fdf::MakeProperty(arena, "fdfkit.examples.blockstack.DEVICE", device)};
  return AddDriverTransportChild<fuchsia_hardware_blockio::Service>(node, device, kind);
}

}  // namespace fdfkit::examples::block_stack

#endif  // FDFKIT_CORPUS_DRIVERS_BLOCK_STACK_COMMON_SERVICE_CHILD_H_
