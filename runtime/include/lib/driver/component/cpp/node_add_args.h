// Building node properties and offers as wire objects, for DriverBase::AddChild and
// fuchsia.driver.framework/Node.AddChild (Fuchsia's node_add_args.h helpers, wire forms).
#ifndef LIB_DRIVER_COMPONENT_CPP_NODE_ADD_ARGS_H_
#define LIB_DRIVER_COMPONENT_CPP_NODE_ADD_ARGS_H_

#include <fidl/fuchsia.driver.framework/cpp/wire.h>

#include <string_view>

namespace fdf {

namespace fdfw = fuchsia_driver_framework::wire;

fdfw::NodeProperty MakeProperty(fidl::AnyArena& arena, uint32_t key, uint32_t value);
fdfw::NodeProperty MakeProperty(fidl::AnyArena& arena, std::string_view key, uint32_t value);
fdfw::NodeProperty MakeProperty(fidl::AnyArena& arena, std::string_view key, bool value);
fdfw::NodeProperty MakeProperty(fidl::AnyArena& arena, std::string_view key,
                                std::string_view value);
fdfw::NodeProperty MakeProperty(fidl::AnyArena& arena, uint32_t key, std::string_view value);
// An enum value (its full name, "fuchsia.gpio.Function.I2C").
fdfw::NodeProperty MakeEnumProperty(fidl::AnyArena& arena, std::string_view key,
                                    std::string_view value);

// Offers `instance` of a service to the driver that binds the child (it sees it as
// `target_instance`, the same name by default).
fdfw::Offer MakeOffer(fidl::AnyArena& arena, std::string_view service_name,
                      std::string_view instance = "default", std::string_view target_instance = {});
template <typename Service>
fdfw::Offer MakeOffer(fidl::AnyArena& arena, std::string_view instance = "default") {
  return MakeOffer(arena, Service::Name, instance);
}

}  // namespace fdf

#endif  // LIB_DRIVER_COMPONENT_CPP_NODE_ADD_ARGS_H_
