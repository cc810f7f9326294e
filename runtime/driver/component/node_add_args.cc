#include <lib/driver/component/cpp/node_add_args.h>

namespace fdf {
namespace {

using fdfw::NodePropertyKey;
using fdfw::NodePropertyValue;

fidl::ObjectView<fidl::StringView> Text(fidl::AnyArena& arena, std::string_view text) {
  return fidl::ObjectView<fidl::StringView>(arena, arena, text);
}

}  // namespace

fdfw::NodeProperty MakeProperty(fidl::AnyArena& arena, uint32_t key, uint32_t value) {
  return {NodePropertyKey::WithIntValue(key), NodePropertyValue::WithIntValue(value)};
}

fdfw::NodeProperty MakeProperty(fidl::AnyArena& arena, std::string_view key, uint32_t value) {
  return {NodePropertyKey::WithStringValue(Text(arena, key)),
          NodePropertyValue::WithIntValue(value)};
}

fdfw::NodeProperty MakeProperty(fidl::AnyArena& arena, std::string_view key, bool value) {
  return {NodePropertyKey::WithStringValue(Text(arena, key)),
          NodePropertyValue::WithBoolValue(value)};
}

fdfw::NodeProperty MakeProperty(fidl::AnyArena& arena, std::string_view key,
                                std::string_view value) {
  return {NodePropertyKey::WithStringValue(Text(arena, key)),
          NodePropertyValue::WithStringValue(Text(arena, value))};
}

fdfw::NodeProperty MakeProperty(fidl::AnyArena& arena, uint32_t key, std::string_view value) {
  return {NodePropertyKey::WithIntValue(key),
          NodePropertyValue::WithStringValue(Text(arena, value))};
}

fdfw::NodeProperty MakeEnumProperty(fidl::AnyArena& arena, std::string_view key,
                                    std::string_view value) {
  return {NodePropertyKey::WithStringValue(Text(arena, key)),
          NodePropertyValue::WithEnumValue(Text(arena, value))};
}

fdfw::Offer MakeOffer(fidl::AnyArena& arena, std::string_view service_name,
                      std::string_view instance, std::string_view target_instance) {
  auto builder = fdfw::Offer::Builder(arena)
                     .service_name(arena, service_name)
                     .source_instance(arena, instance);
  if (!target_instance.empty()) builder.target_instance(arena, target_instance);
  return builder.Build();
}

}  // namespace fdf
