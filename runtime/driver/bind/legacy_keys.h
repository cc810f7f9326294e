// The built-in `fuchsia` bind library: the legacy integer keys of DFv1's lib/ddk/binding.h
// (fuchsia.BIND_PROTOCOL = 0x0001, ...). Every rules file and library sees it without `using`. A
// node property may name such a key by its integer or by its full name; both mean the same key.
#ifndef FDFKIT_RUNTIME_DRIVER_BIND_LEGACY_KEYS_H_
#define FDFKIT_RUNTIME_DRIVER_BIND_LEGACY_KEYS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace fdfkit::bind {

inline constexpr std::string_view kBuiltinLibrary = "fuchsia";

struct LegacyKey {
  std::string_view name;  // without the library: "BIND_PROTOCOL"
  uint32_t id;
};
std::span<const LegacyKey> LegacyKeys();

// "fuchsia.BIND_PROTOCOL" for 0x0001; for an id binding.h does not name, "fuchsia.BIND_0x1234"
// (a key no library declares, so no rule tests it, but it stays visible in listings).
std::string LegacyKeyName(uint32_t id);
std::optional<uint32_t> LegacyKeyId(std::string_view full_name);

}  // namespace fdfkit::bind

#endif  // FDFKIT_RUNTIME_DRIVER_BIND_LEGACY_KEYS_H_
