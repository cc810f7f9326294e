// --mode=replace, DFv1 clients built from a banjo protocol struct that device_get_protocol
// filled:
//   gpio_impl_protocol_t gpio;
//   zx_status_t s = device_get_protocol(parent, ZX_PROTOCOL_GPIO_IMPL, &gpio);
//   ddk::GpioImplProtocolClient client(&gpio);
// become a client end connected through the parent's service, whose status is the one the
// driver checks, and the client bound to it:
//   fdf::ClientEnd<fuchsia_hardware_gpioimpl::GpioImpl> gpio;
//   zx_status_t s = [&]() -> zx_status_t { zx::result end = DdkConnectRuntimeProtocol<
//       fuchsia_hardware_gpioimpl::Service::Device>(parent); ... gpio = std::move(*end); ... }();
//   fdf::WireSyncClient<fuchsia_hardware_gpioimpl::GpioImpl> client(std::move(gpio));
#ifndef FDFKIT_MIGRATE_DRIVER_PROTOCOL_STRUCT_CONNECTION_H_
#define FDFKIT_MIGRATE_DRIVER_PROTOCOL_STRUCT_CONNECTION_H_

#include <clang/AST/ASTContext.h>

#include <string>

#include "migrate/driver/client_declaration.h"
#include "migrate/driver/rewrite_context.h"

namespace fdfkit::driver_migration {

// Adds the edits of the protocol struct and its device_get_protocol to `client`'s group (keyed
// by its declaration) and returns ""; or says why not (completing "because ..."), adding none.
std::string ConnectThroughService(RewriteContext* context, clang::ASTContext& ast,
                                  const ClientDeclaration& client);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_PROTOCOL_STRUCT_CONNECTION_H_
