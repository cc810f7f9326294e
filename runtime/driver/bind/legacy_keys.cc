#include "runtime/driver/bind/legacy_keys.h"

#include <cstdio>

namespace fdfkit::bind {
namespace {

constexpr LegacyKey kKeys[] = {
    {"BIND_FLAGS", 0x0000},
    {"BIND_PROTOCOL", 0x0001},
    {"BIND_AUTOBIND", 0x0002},
    {"BIND_COMPOSITE", 0x0003},
    {"BIND_FIDL_PROTOCOL", 0x0004},
    {"BIND_PCI_VID", 0x0100},
    {"BIND_PCI_DID", 0x0101},
    {"BIND_PCI_CLASS", 0x0102},
    {"BIND_PCI_SUBCLASS", 0x0103},
    {"BIND_PCI_INTERFACE", 0x0104},
    {"BIND_PCI_REVISION", 0x0105},
    {"BIND_PCI_TOPO", 0x0107},
    {"BIND_USB_VID", 0x0200},
    {"BIND_USB_PID", 0x0201},
    {"BIND_USB_CLASS", 0x0202},
    {"BIND_USB_SUBCLASS", 0x0203},
    {"BIND_USB_PROTOCOL", 0x0204},
    {"BIND_USB_INTERFACE_NUMBER", 0x0205},
    {"BIND_PLATFORM_DEV_VID", 0x0300},
    {"BIND_PLATFORM_DEV_PID", 0x0301},
    {"BIND_PLATFORM_DEV_DID", 0x0302},
    {"BIND_PLATFORM_DEV_INSTANCE_ID", 0x0304},
    {"BIND_PLATFORM_DEV_INTERRUPT_ID", 0x0305},
    {"BIND_ACPI_BUS_TYPE", 0x0400},
    {"BIND_I2C_CLASS", 0x0A00},
    {"BIND_I2C_BUS_ID", 0x0A01},
    {"BIND_I2C_ADDRESS", 0x0A02},
    {"BIND_GPIO_PIN", 0x0A10},
    {"BIND_POWER_DOMAIN", 0x0A20},
    {"BIND_CLOCK_ID", 0x0A30},
    {"BIND_SPI_BUS_ID", 0x0A40},
    {"BIND_SPI_CHIP_SELECT", 0x0A41},
    {"BIND_PWM_ID", 0x0A50},
    {"BIND_INIT_STEP", 0x0A60},
};

}  // namespace

std::span<const LegacyKey> LegacyKeys() { return kKeys; }

std::string LegacyKeyName(uint32_t id) {
  for (const LegacyKey& key : kKeys) {
    if (key.id == id) return std::string(kBuiltinLibrary) + "." + std::string(key.name);
  }
  char text[32];
  std::snprintf(text, sizeof text, "fuchsia.BIND_0x%04x", id);
  return text;
}

std::optional<uint32_t> LegacyKeyId(std::string_view full_name) {
  if (!full_name.starts_with("fuchsia.")) return std::nullopt;
  full_name.remove_prefix(8);
  for (const LegacyKey& key : kKeys) {
    if (key.name == full_name) return key.id;
  }
  return std::nullopt;
}

}  // namespace fdfkit::bind
