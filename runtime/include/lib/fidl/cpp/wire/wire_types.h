// Everything generated wire domain objects use: views, arrays, envelopes, handles, endpoints of
// both transports, coding tables.
#ifndef LIB_FIDL_CPP_WIRE_WIRE_TYPES_H_
#define LIB_FIDL_CPP_WIRE_WIRE_TYPES_H_

#include <lib/fidl/cpp/wire/arena.h>
#include <lib/fidl/cpp/wire/array.h>
#include <lib/fidl/cpp/wire/coding_table.h>
#include <lib/fidl/cpp/wire/endpoints.h>
#include <lib/fidl/cpp/wire/envelope.h>
#include <lib/fidl/cpp/wire/object_view.h>
#include <lib/fidl/cpp/wire/string_view.h>
#include <lib/fidl/cpp/wire/vector_view.h>
#include <lib/fidl_driver/cpp/endpoints.h>
#include <lib/zx/channel.h>
#include <lib/zx/event.h>
#include <lib/zx/handle.h>
#include <lib/zx/interrupt.h>
#include <lib/zx/vmo.h>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <utility>

namespace fidl {

// The built-in `fidl.FrameworkErr`: what a framework_err result member carries.
enum class FrameworkErr : int32_t { kUnknownMethod = -2 };

// Specialized per table: chainable setters, then Build().
template <typename Table>
class WireTableBuilder;

template <typename T>
constexpr auto ToUnderlying(T value) {
  if constexpr (std::is_enum_v<T>) {
    return static_cast<std::underlying_type_t<T>>(value);
  } else {
    return value.bits();
  }
}

}  // namespace fidl

#endif  // LIB_FIDL_CPP_WIRE_WIRE_TYPES_H_
