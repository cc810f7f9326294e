// A node's properties as the manager and the index hold them: keys are a legacy integer
// (lib/ddk/binding.h) or a full name ("fuchsia.gpio.FUNCTION"); values are a uint, a string, a
// bool or an enum value (its full name). The alternatives of PropertyValue follow ValueType.
#ifndef FDFKIT_RUNTIME_DRIVER_BIND_PROPERTIES_H_
#define FDFKIT_RUNTIME_DRIVER_BIND_PROPERTIES_H_

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace fdfkit::bind {

struct EnumValue {
  std::string name;  // "fuchsia.gpio.Function.I2C"
  bool operator==(const EnumValue&) const = default;
};

using PropertyKey = std::variant<uint32_t, std::string>;
using PropertyValue = std::variant<uint32_t, std::string, bool, EnumValue>;

struct Property {
  PropertyKey key;
  PropertyValue value;
  bool operator==(const Property&) const = default;
};

using Properties = std::vector<Property>;

// "fuchsia.BIND_PROTOCOL" for key 1; the name itself for a string key.
std::string KeyName(const PropertyKey& key);
// 20, "text", true, fuchsia.gpio.Function.I2C (for listings: `list-devices -v`).
std::string ValueText(const PropertyValue& value);

}  // namespace fdfkit::bind

#endif  // FDFKIT_RUNTIME_DRIVER_BIND_PROPERTIES_H_
